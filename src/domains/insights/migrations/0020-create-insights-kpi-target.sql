-- KPI targets a municipality sets for itself (issue #12): per metric of the dashboard (all procedures, all channels),
-- the value to reach; the dashboard shows each month's value against it. Tenant-owned, forced row-level security.
CREATE TABLE insights.kpi_target (
  municipality_code char(6)       NOT NULL,
  metric            text          NOT NULL,
  target            numeric(14,4) NOT NULL,
  updated_by        text          NOT NULL,
  updated_at        timestamptz   NOT NULL,
  CONSTRAINT kpi_target_pkey PRIMARY KEY (municipality_code, metric),
  CONSTRAINT kpi_target_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT kpi_target_metric_check CHECK (metric IN ('lead_median_hours', 'within_legal_share', 'online_share', 'auto_share', 'cost_per_case_yen', 'counter_wait_median_minutes')),
  CONSTRAINT kpi_target_value_check CHECK (target >= 0)
);
ALTER TABLE insights.kpi_target ENABLE ROW LEVEL SECURITY;
ALTER TABLE insights.kpi_target FORCE ROW LEVEL SECURITY;
CREATE POLICY kpi_target_tenant ON insights.kpi_target
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, DELETE ON insights.kpi_target TO jichi_app;
GRANT UPDATE (target, updated_by, updated_at) ON insights.kpi_target TO jichi_app;
