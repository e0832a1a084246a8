export { PersistenceClosedError, RecordConflictError, RecordNotFoundError } from './persistence-errors.js';
export { randomIdGenerator, sequentialIdGenerator } from './id-generator.js';
export type { IdGenerator } from './id-generator.js';
export { FINISHED_RUN_STATUSES, RUN_STATUSES } from './run-status.js';
export type { FinishedRunStatus, RunStatus } from './run-status.js';
export { BOT_STATUSES } from './bot-records.js';
export type { BotRecord, BotStatus, BotVersionRecord, CreateBotInput, ListBotsFilter } from './bot-records.js';
export { DEPLOYMENT_KINDS } from './deployment-records.js';
export type {
  DeploymentKind,
  DeploymentRecord,
  FinishDeploymentInput,
  ListDeploymentsFilter,
  OpenDeploymentInput,
} from './deployment-records.js';
export type {
  AgentRunRecord,
  AgentStepRecord,
  AgentUsage,
  AppendAgentStepInput,
  ListAgentRunsFilter,
  RecordAgentRunInput,
  UpdateAgentRunInput,
} from './agent-run-records.js';
export type { AppendJournalInput, JournalEntry, ListJournalQuery, SessionStateRecord } from './journal-records.js';
export { BOT_SPEC_KIND, botVersionIdOf } from './bot-version-id.js';
export { persistenceInput } from './persistence-input.js';
export type {
  ParsedAppendAgentStepInput,
  ParsedAppendJournalInput,
  ParsedCreateBotInput,
  ParsedFinishDeploymentInput,
  ParsedListAgentRunsFilter,
  ParsedListBotsFilter,
  ParsedListDeploymentsFilter,
  ParsedListJournalQuery,
  ParsedOpenDeploymentInput,
  ParsedRecordAgentRunInput,
  ParsedUpdateAgentRunInput,
} from './persistence-input.js';
export type { PersistenceAdapter, PersistenceOptions } from './persistence-adapter.js';
export { InMemoryPersistence } from './in-memory-persistence.js';
