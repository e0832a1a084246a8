import type { JsonValue } from '../spec/json-value.js';
import type { EpochMs } from '../time.js';
import type { FinishedRunStatus, RunStatus } from './run-status.js';

/** Where a bot version runs: a backtest, a paper session, a chat session, a Kubernetes job. */
export const DEPLOYMENT_KINDS = ['backtest', 'paper', 'chat', 'kubernetes'] as const;

/** The kind of a deployment. */
export type DeploymentKind = (typeof DEPLOYMENT_KINDS)[number];

/**
 * One run of one bot version (a backtest, a paper session, …). Opened `running`,
 * finished exactly once; the row references the bot version whose spec it ran.
 */
export interface DeploymentRecord {
  /** Id from the adapter's id generator. */
  readonly id: string;
  /** The bot deployed. */
  readonly botId: string;
  /** The bot version deployed: its spec is the exact spec of this run. */
  readonly botVersionId: string;
  /** Backtest, paper, chat or kubernetes. */
  readonly kind: DeploymentKind;
  /** `running` until {@link PersistenceAdapter.finishDeployment}, then final. */
  readonly status: RunStatus;
  /** The outcome (JSON) given when finishing, or `null` while running. */
  readonly result: JsonValue | null;
  /** The error message given when finishing, or `null`. */
  readonly error: string | null;
  /** When the deployment was opened (epoch ms, UTC). */
  readonly openedAt: EpochMs;
  /** When it was finished, or `null` while running. */
  readonly finishedAt: EpochMs | null;
}

/** Input of {@link PersistenceAdapter.openDeployment}. */
export interface OpenDeploymentInput {
  /** An active bot. */
  readonly botId: string;
  /** A version of that bot (not necessarily the current one). */
  readonly botVersionId: string;
  /** Where it runs. */
  readonly kind: DeploymentKind;
}

/** Input of {@link PersistenceAdapter.finishDeployment}. */
export interface FinishDeploymentInput {
  /** The final status. */
  readonly status: FinishedRunStatus;
  /** The outcome: any JSON value (`null` allowed). */
  readonly result: unknown;
  /** An error message (for `failed` or `halted`); omitted or `null` for none. */
  readonly error?: string | null;
}

/** Filter of {@link PersistenceAdapter.listDeployments}; every given field must match. */
export interface ListDeploymentsFilter {
  /** Only deployments of this bot. */
  readonly botId?: string;
  /** Only deployments of this kind. */
  readonly kind?: DeploymentKind;
  /** Only deployments with this status. */
  readonly status?: RunStatus;
}
