-- Access log (アクセスログ): append-only and tamper-evident. Each entry carries the SHA-256 of the
-- previous entry of its municipality, computed by the database itself, so no client can forge the chain.
-- The application role may insert and read, never update or delete; a trigger refuses both even to owners.

CREATE SCHEMA IF NOT EXISTS audit;
GRANT USAGE ON SCHEMA audit TO jichi_app;

CREATE TABLE audit.access_log (
  municipality_code char(6)     NOT NULL,
  seq               bigint      NOT NULL,
  occurred_at       timestamptz NOT NULL,
  actor_type        text        NOT NULL,
  actor_id          text        NOT NULL,
  action            text        NOT NULL,
  subject_type      text        NOT NULL DEFAULT '',
  subject_id        text        NOT NULL DEFAULT '',
  purpose           text        NOT NULL DEFAULT '',
  my_number_accessed boolean    NOT NULL DEFAULT false,
  client_ip         text        NOT NULL DEFAULT '',
  request_id        text        NOT NULL DEFAULT '',
  outcome           text        NOT NULL DEFAULT 'ok',
  prev_hash         char(64)    NOT NULL,
  hash              char(64)    NOT NULL,
  CONSTRAINT access_log_pkey PRIMARY KEY (municipality_code, seq),
  CONSTRAINT access_log_actor_type_check CHECK (actor_type IN ('staff', 'resident', 'system', 'operator')),
  CONSTRAINT access_log_outcome_check CHECK (outcome IN ('ok', 'denied', 'failed'))
);
CREATE INDEX access_log_subject_idx ON audit.access_log (municipality_code, subject_type, subject_id);
CREATE INDEX access_log_actor_idx ON audit.access_log (municipality_code, actor_id, occurred_at);
ALTER TABLE audit.access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.access_log FORCE ROW LEVEL SECURITY;
CREATE POLICY access_log_tenant ON audit.access_log
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON audit.access_log TO jichi_app;

-- The canonical text of an entry: fields joined by U+001F, the time as ISO-8601 UTC with milliseconds.
-- src/platform/audit/access-log-chain.ts computes the same text to verify the chain independently.
CREATE FUNCTION audit.entry_text(e audit.access_log) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT concat_ws(chr(31), e.prev_hash, e.municipality_code, e.seq::text,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e.actor_type, e.actor_id, e.action, e.subject_type, e.subject_id, e.purpose,
    CASE WHEN e.my_number_accessed THEN '1' ELSE '0' END, e.client_ip, e.request_id, e.outcome) $$;

CREATE FUNCTION audit.chain_access_log() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  last audit.access_log;
BEGIN
  -- One writer at a time per municipality, until commit, so the chain has no forks.
  PERFORM pg_advisory_xact_lock(hashtextextended('audit.access_log:' || NEW.municipality_code, 0));
  SELECT * INTO last FROM audit.access_log
    WHERE municipality_code = NEW.municipality_code ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last.seq, 0) + 1;
  NEW.prev_hash := coalesce(last.hash, repeat('0', 64));
  NEW.occurred_at := date_trunc('milliseconds', coalesce(NEW.occurred_at, clock_timestamp()));
  NEW.hash := encode(sha256(convert_to(audit.entry_text(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END $$;

CREATE TRIGGER access_log_chain BEFORE INSERT ON audit.access_log
  FOR EACH ROW EXECUTE FUNCTION audit.chain_access_log();

CREATE FUNCTION audit.refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit.access_log is append-only' USING ERRCODE = 'insufficient_privilege'; END $$;

CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON audit.access_log
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON audit.access_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
