-- Process mining (issue #12): one row per trace of a procedure, materialised by the daily refresh from two sources,
-- the case event log (a trace = a case, activities = its events) and the access log of the resident registry (as the
-- 前橋・高崎・伊勢崎 project did: a trace = one person record in one registry change, activities = the operations on it).
-- No personal data: activities, times and the staff ids who acted; the trace id of an access-log trace is a digest.
CREATE TABLE insights.trace (
  municipality_code char(6)       NOT NULL,
  source            text          NOT NULL,
  procedure         text          NOT NULL,
  trace_id          text          NOT NULL,
  month             text          NOT NULL,
  started_at        timestamptz   NOT NULL,
  ended_at          timestamptz   NOT NULL,
  activities        text[]        NOT NULL,
  occurred_at       timestamptz[] NOT NULL,
  resources         text[]        NOT NULL,
  CONSTRAINT trace_pkey PRIMARY KEY (municipality_code, source, trace_id),
  CONSTRAINT trace_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT trace_source_check CHECK (source IN ('cases', 'access-log')),
  CONSTRAINT trace_month_check CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  CONSTRAINT trace_arrays_check CHECK (cardinality(activities) > 0 AND cardinality(activities) = cardinality(occurred_at) AND cardinality(activities) = cardinality(resources))
);
CREATE INDEX trace_procedure_idx ON insights.trace (municipality_code, source, procedure, month);
ALTER TABLE insights.trace ENABLE ROW LEVEL SECURITY;
ALTER TABLE insights.trace FORCE ROW LEVEL SECURITY;
CREATE POLICY trace_tenant ON insights.trace
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, DELETE ON insights.trace TO jichi_app;
