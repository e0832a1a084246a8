import { AlphaSwarmError, type Bot, type DeploymentContext, type DeploymentOutcome, type DeploymentTarget } from '@alphaswarm/core';
import { stringify } from 'yaml';
import { spawnCommandRunner, type CommandRunner } from './command-runner.js';
import { auditFinOpsLabels, type FinOpsFinding } from './finops.js';
import { manifestsToYaml, renderBotManifests } from './manifests.js';

/** Options of {@link KubernetesTarget}. */
export interface KubernetesTargetOptions {
  /** Apply the manifests with `kubectl apply -f -` (default false: render only). */
  readonly apply?: boolean;
  /** Runs kubectl (default: a child process). */
  readonly runner?: CommandRunner;
  /** The kubectl executable. */
  readonly kubectl?: string;
}

/** What a Kubernetes deployment stores on its row. */
export interface KubernetesDeploymentResult {
  /** All manifests as one YAML text. */
  readonly manifests: string;
  /** The manifests by file name (`configmap.yaml`, `deployment.yaml`). */
  readonly files: Record<string, string>;
  /** FinOps findings (empty when every label is present). */
  readonly audit: readonly FinOpsFinding[];
  /** Whether kubectl applied them. */
  readonly applied: boolean;
  /** kubectl's output when applied. */
  readonly kubectl: string | null;
}

/**
 * `kubernetes`: renders the bot as a ConfigMap and a Deployment, audits the FinOps
 * labels and, when asked, applies them with kubectl. Applying refuses manifests
 * that fail the audit.
 */
export class KubernetesTarget implements DeploymentTarget {
  /** Target name. */
  readonly name = 'kubernetes' as const;
  /** Row kind. */
  readonly kind = 'kubernetes' as const;
  private readonly runner: CommandRunner;

  /** @param options - apply or render only, and the command runner */
  constructor(private readonly options: KubernetesTargetOptions = {}) {
    this.runner = options.runner ?? spawnCommandRunner;
  }

  /** Renders (and optionally applies) the manifests. */
  async deploy(bot: Bot, context: DeploymentContext): Promise<DeploymentOutcome> {
    const manifests = renderBotManifests(bot.spec, context);
    const audit = auditFinOpsLabels([manifests.configMap, manifests.deployment]);
    const yamlText = manifestsToYaml(manifests);
    let kubectl: string | null = null;
    if (this.options.apply === true) {
      if (audit.length > 0) {
        throw new AlphaSwarmError('FINOPS_LABELS_MISSING', `refusing to apply: ${audit.map((f) => `${f.resource} lacks ${f.missing.join(', ')}`).join('; ')}`, {
          path: 'deployment.kubernetes.labels',
          value: audit,
        });
      }
      const out = await this.runner.run(this.options.kubectl ?? 'kubectl', ['apply', '-f', '-'], yamlText);
      if (out.code !== 0) throw new AlphaSwarmError('KUBECTL_FAILED', `kubectl apply exited with ${String(out.code)}: ${out.stderr.trim()}`);
      kubectl = out.stdout;
    }
    const result: KubernetesDeploymentResult = {
      manifests: yamlText,
      files: { 'configmap.yaml': stringify(manifests.configMap), 'deployment.yaml': stringify(manifests.deployment) },
      audit,
      applied: this.options.apply === true,
      kubectl,
    };
    return { status: 'succeeded', result };
  }
}
