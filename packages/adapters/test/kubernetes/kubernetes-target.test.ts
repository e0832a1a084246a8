import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ModelRegistry, createBot, loadBotSpecYaml } from '@alphaswarm/core';
import type { CommandRunner } from '../../src/index.js';
import { KubernetesTarget, REQUIRED_FINOPS_LABELS, auditFinOpsLabels, renderBotManifests, type KubernetesDeploymentResult } from '../../src/index.js';

const SPEC = `name: Dual MA
slug: dual-ma
universe: { symbols: [AAPL.NASDAQ] }
data_pipeline: { source: synthetic, seed: 1, bars: 100 }
strategy: { class: FrameworkAlgorithm, kwargs: { alpha_model: { class: DualMACrossoverAlpha } } }
deployment:
  target: kubernetes
  kubernetes:
    namespace: trading
    image: registry.local/alphaswarm:1.2.3
    resources: { requests: { cpu: 500m, memory: 256Mi }, limits: { cpu: "2", memory: 1Gi } }
    labels: { cost_center: quant-42, owner: desk-a, data_classification: internal }
`;
const context = { deploymentId: 'd1', specHash: 'a'.repeat(64), versionId: 'v-1', projectId: 'alpha' };

describe('renderBotManifests', () => {
  const manifests = renderBotManifests(loadBotSpecYaml(SPEC), context);

  it('produces objects that validate against the Kubernetes schema', () => {
    expect(() => new ConfigMap(manifests.configMap as unknown as ConstructorParameters<typeof ConfigMap>[0]).validate()).not.toThrow();
    expect(() => new Deployment(manifests.deployment as unknown as ConstructorParameters<typeof Deployment>[0]).validate()).not.toThrow();
  });

  it('runs `alphaswarm run <slug>` with the spec mounted, resources and FinOps labels', () => {
    const d = new Deployment(manifests.deployment as unknown as ConstructorParameters<typeof Deployment>[0]);
    const container = d.spec!.template.spec!.containers[0]!;
    expect([...container.command!, ...container.args!].slice(0, 3)).toEqual(['alphaswarm', 'run', 'dual-ma']);
    expect(container.image).toBe('registry.local/alphaswarm:1.2.3');
    expect(container.resources).toEqual({ requests: { cpu: '500m', memory: '256Mi' }, limits: { cpu: '2', memory: '1Gi' } });
    expect(container.env).toContainEqual({ name: 'ALPHASWARM_SPEC', value: '/etc/alphaswarm/spec.yaml' });
    for (const labels of [d.metadata!.labels!, d.spec!.template.metadata!.labels!]) {
      expect(labels).toMatchObject({ project: 'alpha', strategy_id: 'dual-ma', cost_center: 'quant-42', owner: 'desk-a', data_classification: 'internal' });
    }
    expect(loadBotSpecYaml((manifests.configMap as unknown as { data: Record<string, string> }).data['spec.yaml']!).slug).toBe('dual-ma');
  });

  it('breaks schema validation when a field is wrong, so the check can fail', () => {
    const broken = structuredClone(manifests.deployment) as unknown as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(() => new Deployment(broken as ConstructorParameters<typeof Deployment>[0]).validate()).toThrow(/replicas/);
  });
});

describe('auditFinOpsLabels', () => {
  it('lists every resource and pod template lacking a required label', () => {
    const spec = loadBotSpecYaml(SPEC.replace('owner: desk-a, ', ''));
    const m = renderBotManifests(spec, context);
    expect(auditFinOpsLabels([m.configMap, m.deployment])).toEqual([
      { resource: 'ConfigMap/alphaswarm-dual-ma-spec', missing: ['owner'] },
      { resource: 'Deployment/alphaswarm-dual-ma', missing: ['owner'] },
      { resource: 'Deployment/alphaswarm-dual-ma/pod-template', missing: ['owner'] },
    ]);
    expect(REQUIRED_FINOPS_LABELS).toEqual(['project', 'cost_center', 'owner', 'data_classification', 'strategy_id']);
  });
});

describe('KubernetesTarget', () => {
  const bot = (text: string) => createBot(loadBotSpecYaml(text), { registry: new ModelRegistry() });

  it('renders without applying by default', async () => {
    const outcome = await new KubernetesTarget().deploy(bot(SPEC), context);
    const result = outcome.result as KubernetesDeploymentResult;
    expect(result.applied).toBe(false);
    expect(result.audit).toEqual([]);
    expect(parseAllDocuments(result.manifests).map((d) => (d.toJS() as { kind: string }).kind)).toEqual(['ConfigMap', 'Deployment']);
    expect(Object.keys(result.files)).toEqual(['configmap.yaml', 'deployment.yaml']);
  });

  it('applies through the injected runner with the manifests on standard input', async () => {
    const calls: { command: string; args: readonly string[]; input: string | undefined }[] = [];
    const runner: CommandRunner = { run: async (command, args, input) => (calls.push({ command, args, input }), { code: 0, stdout: 'configured', stderr: '' }) };
    const outcome = await new KubernetesTarget({ apply: true, runner }).deploy(bot(SPEC), context);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.command).toBe('kubectl');
    expect(calls[0]!.args).toEqual(['apply', '-f', '-']);
    expect(calls[0]!.input).toBe((outcome.result as KubernetesDeploymentResult).manifests);
    expect((outcome.result as KubernetesDeploymentResult).kubectl).toBe('configured');
  });

  it('refuses to apply manifests that fail the FinOps audit, and reports kubectl failures', async () => {
    const runner: CommandRunner = { run: async () => ({ code: 1, stdout: '', stderr: 'forbidden' }) };
    await expect(new KubernetesTarget({ apply: true, runner }).deploy(bot(SPEC.replace('owner: desk-a, ', '')), context)).rejects.toThrow(/lacks owner/);
    await expect(new KubernetesTarget({ apply: true, runner }).deploy(bot(SPEC), context)).rejects.toThrow(/kubectl apply exited with 1: forbidden/);
  });
});
