import type { BotSpec } from '@alphaswarm/core';
import { stringify } from 'yaml';

/** What the manifests of a bot are made from besides its spec. */
export interface ManifestContext {
  /** Project id (the `project` label). */
  readonly projectId: string;
  /** Spec hash of the deployed version (an annotation). */
  readonly specHash: string;
  /** Spec version id (an annotation). */
  readonly versionId: string;
}

/** The objects of one bot deployment. */
export interface BotManifests {
  /** ConfigMap holding the spec as YAML. */
  readonly configMap: Record<string, unknown> & { kind: 'ConfigMap'; metadata: { name: string; labels: Record<string, string> } };
  /** Deployment running `alphaswarm run <slug>` with the spec mounted. */
  readonly deployment: Record<string, unknown> & {
    kind: 'Deployment';
    metadata: { name: string; labels: Record<string, string> };
    spec: { template: { metadata: { labels: Record<string, string> } } };
  };
}

/** Where the spec is mounted in the pod. */
export const SPEC_MOUNT_PATH = '/etc/alphaswarm';

/**
 * Renders a bot as a ConfigMap (the spec, as YAML) and a Deployment whose pod runs
 * `alphaswarm run <slug>` with the spec mounted and `ALPHASWARM_SPEC` pointing at it.
 * Labels: `app.kubernetes.io/*`, plus the FinOps labels `project` (the project id),
 * `strategy_id` (the slug) and whatever `deployment.kubernetes.labels` gives
 * (`cost_center`, `owner`, `data_classification`). Resource requests and limits come
 * from `deployment.kubernetes.resources`.
 */
export function renderBotManifests(spec: BotSpec, context: ManifestContext): BotManifests {
  const k8s = spec.deployment.kubernetes ?? {
    namespace: 'default',
    image: 'alphaswarm/alphaswarm:latest',
    replicas: 1,
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    labels: {},
  };
  const name = `alphaswarm-${spec.slug}`;
  const labels: Record<string, string> = {
    'app.kubernetes.io/name': 'alphaswarm-bot',
    'app.kubernetes.io/instance': spec.slug,
    'app.kubernetes.io/managed-by': 'alphaswarm',
    project: context.projectId,
    strategy_id: spec.slug,
    ...k8s.labels,
  };
  const annotations = { 'alphaswarm.dev/spec-hash': context.specHash, 'alphaswarm.dev/version-id': context.versionId };
  const selector = { 'app.kubernetes.io/name': 'alphaswarm-bot', 'app.kubernetes.io/instance': spec.slug };
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap' as const,
    metadata: { name: `${name}-spec`, namespace: k8s.namespace, labels, annotations },
    data: { 'spec.yaml': stringify(spec) },
  };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment' as const,
    metadata: { name, namespace: k8s.namespace, labels, annotations },
    spec: {
      replicas: k8s.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels, annotations },
        spec: {
          containers: [
            {
              name: 'bot',
              image: k8s.image,
              command: ['alphaswarm'],
              args: ['run', spec.slug, '--db', '/var/lib/alphaswarm/alphaswarm.db'],
              env: [{ name: 'ALPHASWARM_SPEC', value: `${SPEC_MOUNT_PATH}/spec.yaml` }],
              resources: k8s.resources,
              volumeMounts: [
                { name: 'spec', mountPath: SPEC_MOUNT_PATH, readOnly: true },
                { name: 'state', mountPath: '/var/lib/alphaswarm' },
              ],
            },
          ],
          volumes: [
            { name: 'spec', configMap: { name: `${name}-spec` } },
            { name: 'state', emptyDir: {} },
          ],
        },
      },
    },
  };
  return { configMap, deployment };
}

/** The manifests as one multi-document YAML text. */
export function manifestsToYaml(manifests: BotManifests): string {
  return `${stringify(manifests.configMap)}---\n${stringify(manifests.deployment)}`;
}
