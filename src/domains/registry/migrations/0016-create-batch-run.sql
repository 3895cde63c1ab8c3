-- Issue #13 (spec §9.1, §6.1, §6.2, §9.5, §9.6): batch work of the registry on the platform's scheduler. A run is
-- requested with its parameters (queued), executed by the periodic task registry_batch_runs, and keeps its result
-- rows, summary and alerts, so that every run can be shown and its result downloaded again later (each download is
-- access-logged per person). Results hold personal data: RLS per municipality like every registry table.
CREATE TABLE registry.batch_run (
  municipality_code char(6)     NOT NULL,
  run_id            uuid        NOT NULL,
  kind              text        NOT NULL,
  parameters        jsonb       NOT NULL,
  status            text        NOT NULL DEFAULT 'queued',
  requested_by      text        NOT NULL,
  requested_by_name text        NOT NULL DEFAULT '',
  requested_at      timestamptz NOT NULL DEFAULT now(),
  finished_at       timestamptz,
  summary           jsonb       NOT NULL DEFAULT '{}'::jsonb,
  alerts            jsonb       NOT NULL DEFAULT '[]'::jsonb,
  result_rows       jsonb       NOT NULL DEFAULT '[]'::jsonb,
  person_ids        uuid[]      NOT NULL DEFAULT '{}',
  error             text,
  CONSTRAINT batch_run_pkey PRIMARY KEY (municipality_code, run_id),
  CONSTRAINT batch_run_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT batch_run_status_check CHECK (status IN ('queued', 'done', 'failed'))
);
CREATE INDEX batch_run_queued_idx ON registry.batch_run (municipality_code, requested_at) WHERE status = 'queued';
CREATE INDEX batch_run_recent_idx ON registry.batch_run (municipality_code, requested_at DESC);
ALTER TABLE registry.batch_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.batch_run FORCE ROW LEVEL SECURITY;
CREATE POLICY batch_run_tenant ON registry.batch_run
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (status, finished_at, summary, alerts, result_rows, person_ids, error) ON registry.batch_run TO jichi_app;
