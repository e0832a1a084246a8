import type { Migration } from './migration.js';

const immutable = (table: string): string => `
CREATE TRIGGER ${table}_immutable_row BEFORE UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION alphaswarm_reject_change();
CREATE TRIGGER ${table}_immutable_table BEFORE TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION alphaswarm_reject_change();`;

/** The schema of `PostgresPersistence` (times are BIGINT epoch ms; JSON is canonical TEXT). */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'spec versions, bots and bot versions',
    sql: `
CREATE FUNCTION alphaswarm_reject_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$fn$;
CREATE TABLE spec_versions (
  version_id TEXT PRIMARY KEY,
  spec_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  spec_hash TEXT NOT NULL CHECK (length(spec_hash) = 64),
  spec_json TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT spec_versions_series_version UNIQUE (spec_id, version),
  CONSTRAINT spec_versions_series_hash UNIQUE (spec_id, spec_hash),
  CONSTRAINT spec_versions_id_hash UNIQUE (version_id, spec_hash)
);
CREATE INDEX spec_versions_series ON spec_versions (kind, name, version);
CREATE TABLE bots (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL CONSTRAINT bots_id_unique UNIQUE,
  project_id TEXT NOT NULL,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'deleted')),
  current_version_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE UNIQUE INDEX bots_live_slug ON bots (project_id, slug) WHERE status = 'active';
CREATE TABLE bot_versions (
  id TEXT PRIMARY KEY,
  bot_id TEXT NOT NULL REFERENCES bots (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  spec_hash TEXT NOT NULL,
  spec_version_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT bot_versions_bot_hash UNIQUE (bot_id, spec_hash),
  CONSTRAINT bot_versions_bot_version UNIQUE (bot_id, version),
  FOREIGN KEY (spec_version_id, spec_hash) REFERENCES spec_versions (version_id, spec_hash)
);
ALTER TABLE bots ADD CONSTRAINT bots_current_version_fk
  FOREIGN KEY (current_version_id) REFERENCES bot_versions (id) DEFERRABLE INITIALLY DEFERRED;
${immutable('spec_versions')}
${immutable('bot_versions')}
`,
  },
  {
    version: 2,
    name: 'deployments, agent runs and agent steps',
    sql: `
CREATE TABLE deployments (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL CONSTRAINT deployments_id_unique UNIQUE,
  bot_id TEXT NOT NULL REFERENCES bots (id),
  bot_version_id TEXT NOT NULL REFERENCES bot_versions (id),
  kind TEXT NOT NULL CHECK (kind IN ('backtest', 'paper', 'chat', 'kubernetes')),
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'halted')),
  result_json TEXT,
  error TEXT,
  opened_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX deployments_bot ON deployments (bot_id, seq);
CREATE TABLE agent_runs (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL CONSTRAINT agent_runs_id_unique UNIQUE,
  version_id TEXT NOT NULL REFERENCES spec_versions (version_id),
  deployment_id TEXT REFERENCES deployments (id),
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'halted')),
  input_json TEXT NOT NULL,
  output_json TEXT,
  error TEXT,
  prompt_tokens BIGINT NOT NULL DEFAULT 0 CHECK (prompt_tokens >= 0),
  completion_tokens BIGINT NOT NULL DEFAULT 0 CHECK (completion_tokens >= 0),
  cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
  started_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX agent_runs_deployment ON agent_runs (deployment_id, seq);
CREATE INDEX agent_runs_version ON agent_runs (version_id, seq);
CREATE TABLE agent_steps (
  run_id TEXT NOT NULL REFERENCES agent_runs (id),
  step_index INTEGER NOT NULL CHECK (step_index >= 0),
  kind TEXT NOT NULL,
  event_time BIGINT NOT NULL,
  payload_json TEXT NOT NULL,
  PRIMARY KEY (run_id, step_index)
);
`,
  },
  {
    version: 3,
    name: 'session journal and session state',
    sql: `
CREATE TABLE journal (
  session_id TEXT NOT NULL,
  seq BIGINT NOT NULL CHECK (seq >= 0),
  event_time BIGINT NOT NULL,
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE INDEX journal_time ON journal (session_id, event_time);
CREATE TABLE session_state (
  session_id TEXT PRIMARY KEY,
  state_json TEXT NOT NULL,
  saved_at BIGINT NOT NULL
);
`,
  },
];
