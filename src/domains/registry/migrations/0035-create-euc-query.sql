-- EUC (標準仕様書 §10.1, issue #13): staff with `registry:euc` (審査・決裁) extract registry data themselves: they pick
-- standard data items (中間標準レイアウト item names) and conditions. Each extraction keeps its parameters here so that
-- it can be run again later (the result itself is not kept: a re-run reads the registry as it is then). Every run
-- logs each extracted person in the access log; the counts of the last run are kept for the list.
CREATE TABLE registry.euc_query (
  municipality_code char(6)     NOT NULL,
  query_id          uuid        NOT NULL,
  title             text        NOT NULL,
  purpose           text        NOT NULL,
  parameters        jsonb       NOT NULL,
  created_by        text        NOT NULL,
  created_by_name   text        NOT NULL DEFAULT '',
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_run_at       timestamptz,
  last_run_by_name  text,
  last_count        integer,
  last_excluded     integer,
  runs              integer     NOT NULL DEFAULT 0,
  CONSTRAINT euc_query_pkey PRIMARY KEY (municipality_code, query_id),
  CONSTRAINT euc_query_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT euc_query_title_check CHECK (length(title) BETWEEN 1 AND 100),
  CONSTRAINT euc_query_purpose_check CHECK (length(purpose) BETWEEN 1 AND 500)
);
CREATE INDEX euc_query_recent_idx ON registry.euc_query (municipality_code, created_at DESC);
ALTER TABLE registry.euc_query ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.euc_query FORCE ROW LEVEL SECURITY;
CREATE POLICY euc_query_tenant ON registry.euc_query
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
-- Parameters are never rewritten: a changed extraction is a new one.
GRANT SELECT, INSERT, UPDATE (last_run_at, last_run_by_name, last_count, last_excluded, runs) ON registry.euc_query TO jichi_app;
