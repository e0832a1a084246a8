export { spawnCommandRunner } from './command-runner.js';
export type { CommandResult, CommandRunner } from './command-runner.js';
export { REQUIRED_FINOPS_LABELS, auditFinOpsLabels } from './finops.js';
export type { FinOpsFinding, LabelledResource } from './finops.js';
export { KubernetesTarget } from './kubernetes-target.js';
export type { KubernetesDeploymentResult, KubernetesTargetOptions } from './kubernetes-target.js';
export { SPEC_MOUNT_PATH, manifestsToYaml, renderBotManifests } from './manifests.js';
export type { BotManifests, ManifestContext } from './manifests.js';
