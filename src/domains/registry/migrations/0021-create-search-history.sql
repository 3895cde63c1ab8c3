-- Issue #13 (spec §2.1.1): each staff member's recent searches, to see and run again. Only the criteria are kept
-- (never results); a 個人番号 is never kept (only that one was used). The criteria may hold names and birth dates,
-- so the rows are tenant rows under forced RLS, read only by their own staff member (the service filters by staff),
-- and purged after the retention period (periodic task registry_search_history_purge). The same criteria searched
-- again update one row (time and count).
CREATE TABLE registry.search_history (
  municipality_code char(6)     NOT NULL,
  search_id         uuid        NOT NULL,
  staff_id          text        NOT NULL,
  criteria_key      text        NOT NULL,
  criteria          jsonb       NOT NULL,
  hit_count         integer     NOT NULL,
  times             integer     NOT NULL DEFAULT 1,
  first_searched_at timestamptz NOT NULL DEFAULT now(),
  searched_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT search_history_pkey PRIMARY KEY (municipality_code, search_id),
  CONSTRAINT search_history_criteria_uq UNIQUE (municipality_code, staff_id, criteria_key),
  CONSTRAINT search_history_hit_count_check CHECK (hit_count >= 0)
);
CREATE INDEX search_history_staff_idx ON registry.search_history (municipality_code, staff_id, searched_at DESC);
CREATE INDEX search_history_searched_at_idx ON registry.search_history (searched_at);
ALTER TABLE registry.search_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.search_history FORCE ROW LEVEL SECURITY;
CREATE POLICY search_history_tenant ON registry.search_history
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, DELETE ON registry.search_history TO jichi_app;
GRANT UPDATE (hit_count, times, searched_at) ON registry.search_history TO jichi_app;
