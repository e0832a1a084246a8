import type { Migration } from './migration.js';

const immutable = (table: string): string => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} rows are immutable'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} rows are immutable'); END;`;

/** The schema of `SqlitePersistence` (STRICT tables; times are integer epoch ms). */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'spec versions, bots and bot versions',
    sql: `
CREATE TABLE spec_versions (
  version_id TEXT PRIMARY KEY,
  spec_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  spec_hash TEXT NOT NULL CHECK (length(spec_hash) = 64),
  spec_json TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (spec_id, version),
  UNIQUE (spec_id, spec_hash),
  UNIQUE (version_id, spec_hash)
) STRICT;
CREATE INDEX spec_versions_series ON spec_versions (kind, name, version);
CREATE TABLE bots (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'deleted')),
  current_version_id TEXT NOT NULL REFERENCES bot_versions (id) DEFERRABLE INITIALLY DEFERRED,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE UNIQUE INDEX bots_live_slug ON bots (project_id, slug) WHERE status = 'active';
CREATE TABLE bot_versions (
  id TEXT PRIMARY KEY,
  bot_id TEXT NOT NULL REFERENCES bots (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  spec_hash TEXT NOT NULL,
  spec_version_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (bot_id, spec_hash),
  UNIQUE (bot_id, version),
  FOREIGN KEY (spec_version_id, spec_hash) REFERENCES spec_versions (version_id, spec_hash)
) STRICT;
${immutable('spec_versions')}
${immutable('bot_versions')}
`,
  },
  {
    version: 2,
    name: 'deployments, agent runs and agent steps',
    sql: `
CREATE TABLE deployments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  bot_id TEXT NOT NULL REFERENCES bots (id),
  bot_version_id TEXT NOT NULL REFERENCES bot_versions (id),
  kind TEXT NOT NULL CHECK (kind IN ('backtest', 'paper', 'chat', 'kubernetes')),
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'halted')),
  result_json TEXT,
  error TEXT,
  opened_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;
CREATE INDEX deployments_bot ON deployments (bot_id, seq);
CREATE TABLE agent_runs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  version_id TEXT NOT NULL REFERENCES spec_versions (version_id),
  deployment_id TEXT REFERENCES deployments (id),
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'halted')),
  input_json TEXT NOT NULL,
  output_json TEXT,
  error TEXT,
  prompt_tokens INTEGER NOT NULL DEFAULT 0 CHECK (prompt_tokens >= 0),
  completion_tokens INTEGER NOT NULL DEFAULT 0 CHECK (completion_tokens >= 0),
  cost_usd REAL NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
  started_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;
CREATE INDEX agent_runs_deployment ON agent_runs (deployment_id, seq);
CREATE INDEX agent_runs_version ON agent_runs (version_id, seq);
CREATE TABLE agent_steps (
  run_id TEXT NOT NULL REFERENCES agent_runs (id),
  step_index INTEGER NOT NULL CHECK (step_index >= 0),
  kind TEXT NOT NULL,
  event_time INTEGER NOT NULL,
  payload_json TEXT NOT NULL,
  PRIMARY KEY (run_id, step_index)
) STRICT;
`,
  },
  {
    version: 3,
    name: 'session journal and session state',
    sql: `
CREATE TABLE journal (
  session_id TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  event_time INTEGER NOT NULL,
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) STRICT;
CREATE INDEX journal_time ON journal (session_id, event_time);
CREATE TABLE session_state (
  session_id TEXT PRIMARY KEY,
  state_json TEXT NOT NULL,
  saved_at INTEGER NOT NULL
) STRICT;
`,
  },
];
