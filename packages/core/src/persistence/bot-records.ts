import type { JsonValue } from '../spec/json-value.js';
import type { EpochMs } from '../time.js';

/** Bot statuses: `active`, or `deleted` (soft-deleted by `deleteBot`; its rows stay). */
export const BOT_STATUSES = ['active', 'deleted'] as const;

/** The status of a bot. */
export type BotStatus = (typeof BOT_STATUSES)[number];

/**
 * One immutable version of a bot: a bot's spec as hash-locked at some point. Unique
 * per `(botId, specHash)` and per `(botId, version)`; never updated or deleted.
 */
export interface BotVersionRecord {
  /** Content-derived id (see {@link botVersionIdOf}). */
  readonly id: string;
  /** The bot this version belongs to. */
  readonly botId: string;
  /** Version number: the version of the spec in the series (`bot`, botId), from 1. */
  readonly version: number;
  /** SHA-256 hex of the canonical JSON of the spec. */
  readonly specHash: string;
  /** The spec version (kind `bot`, name = botId) this bot version references. */
  readonly specVersionId: string;
  /** The spec (a fresh copy on every read). */
  readonly spec: JsonValue;
  /** When this bot version was first stored (epoch ms, UTC). */
  readonly createdAt: EpochMs;
}

/** A bot as stored, with its current version. */
export interface BotRecord {
  /** Id from the adapter's id generator. */
  readonly id: string;
  /** The project (tenant, workspace) the bot belongs to. */
  readonly projectId: string;
  /** Short name, unique among the live bots of a project (`[a-z0-9][a-z0-9_-]*`, ≤ 64). */
  readonly slug: string;
  /** Display name. */
  readonly name: string;
  /** Bot kind, a lowercase identifier chosen by the host, e.g. `trading` or `research`. */
  readonly kind: string;
  /** `active`, or `deleted` after {@link PersistenceAdapter.deleteBot}. */
  readonly status: BotStatus;
  /** The version the bot currently runs: the last spec given to create or update it. */
  readonly currentVersion: BotVersionRecord;
  /** When the bot was created (epoch ms, UTC). */
  readonly createdAt: EpochMs;
  /** When the bot last changed (current version or status); equals `createdAt` until then. */
  readonly updatedAt: EpochMs;
  /** When the bot was soft-deleted, or `null` while it is active. */
  readonly deletedAt: EpochMs | null;
}

/** Input of {@link PersistenceAdapter.createBot}. */
export interface CreateBotInput {
  /** The project the bot belongs to: non-empty, at most 256 characters. */
  readonly projectId: string;
  /** Unique among the project's live bots: `[a-z0-9][a-z0-9_-]*`, at most 64 characters. */
  readonly slug: string;
  /** Display name: non-empty, at most 256 characters. */
  readonly name: string;
  /** Bot kind: a lowercase identifier `[a-z][a-z0-9_.-]*`, at most 64 characters. */
  readonly kind: string;
  /** The bot's spec: any JSON value (typically a validated BotSpec object). */
  readonly spec: unknown;
}

/** Filter of {@link PersistenceAdapter.listBots}; every given field must match. */
export interface ListBotsFilter {
  /** Only bots of this project. */
  readonly projectId?: string;
  /** Only bots of this kind. */
  readonly kind?: string;
  /** Only bots with this status. Omitted: active bots only (deleted ones are hidden). */
  readonly status?: BotStatus;
}
