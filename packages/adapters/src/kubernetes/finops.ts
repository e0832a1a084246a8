/** Labels every resource must carry for cost allocation (FinOps). */
export const REQUIRED_FINOPS_LABELS = ['project', 'cost_center', 'owner', 'data_classification', 'strategy_id'] as const;

/** A Kubernetes object as far as the audit needs it. */
export interface LabelledResource {
  /** Object kind, e.g. `Deployment`. */
  readonly kind: string;
  /** Object metadata. */
  readonly metadata: { readonly name: string; readonly labels?: Readonly<Record<string, string>> };
  /** Pod template, for workloads: its labels are audited too. */
  readonly spec?: { readonly template?: { readonly metadata?: { readonly labels?: Readonly<Record<string, string>> } } };
}

/** One resource that lacks required labels. */
export interface FinOpsFinding {
  /** `Kind/name`, with `/pod-template` for a workload's pod template. */
  readonly resource: string;
  /** The required labels it lacks (or has empty), in the required order. */
  readonly missing: readonly string[];
}

/**
 * Lists every resource (and workload pod template) that lacks a required FinOps
 * label or has it empty. An empty list means the manifests pass.
 */
export function auditFinOpsLabels(resources: readonly LabelledResource[], required: readonly string[] = REQUIRED_FINOPS_LABELS): FinOpsFinding[] {
  const findings: FinOpsFinding[] = [];
  const check = (resource: string, labels: Readonly<Record<string, string>> | undefined): void => {
    const missing = required.filter((label) => (labels?.[label] ?? '').trim() === '');
    if (missing.length > 0) findings.push({ resource, missing });
  };
  for (const r of resources) {
    check(`${r.kind}/${r.metadata.name}`, r.metadata.labels);
    if (r.spec?.template !== undefined) check(`${r.kind}/${r.metadata.name}/pod-template`, r.spec.template.metadata?.labels);
  }
  return findings;
}
