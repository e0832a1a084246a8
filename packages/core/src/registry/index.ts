export { ModelRegistry, ModelSpecSchema, UnknownModelError } from './registry.js';
export type { ModelFactory, ModelKind, ModelSpec, RegisteredModel } from './registry.js';
export { specErrorFromZod } from './zod-issue.js';
