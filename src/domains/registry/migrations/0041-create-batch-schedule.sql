-- Issue #13 (spec §9.1): recurring batch work. A schedule remembers a kind's parameters (validated like a run request)
-- and a frequency (once on a date, daily, weekly on a weekday, monthly on a day — day 31 in a shorter month = its last
-- day —, month-end, yearly on a month and day). The periodic task registry_batch_runs requests a run for every active
-- schedule whose next_run_on (a Japan day) has come, with the schedule's id in the run's parameters, and advances
-- next_run_on in the same transaction (row locked FOR UPDATE SKIP LOCKED: two workers or two ticks make one run).
-- A change of the remembered parameters is marked: parameters_changed_at/by and the previous parameters.
CREATE TABLE registry.batch_schedule (
  municipality_code     char(6)     NOT NULL,
  schedule_id           uuid        NOT NULL,
  kind                  text        NOT NULL,
  parameters            jsonb       NOT NULL,
  frequency             jsonb       NOT NULL,
  next_run_on           date        NOT NULL,
  active                boolean     NOT NULL DEFAULT true,
  last_run_id           uuid,
  last_run_on           date,
  previous_parameters   jsonb,
  parameters_changed_at timestamptz,
  parameters_changed_by text,
  created_by            text        NOT NULL,
  created_by_name       text        NOT NULL DEFAULT '',
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_by            text        NOT NULL,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT batch_schedule_pkey PRIMARY KEY (municipality_code, schedule_id),
  CONSTRAINT batch_schedule_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT batch_schedule_frequency_check CHECK (frequency->>'every' IN ('once', 'daily', 'weekly', 'monthly', 'month-end', 'yearly'))
);
CREATE INDEX batch_schedule_due_idx ON registry.batch_schedule (municipality_code, next_run_on) WHERE active;
ALTER TABLE registry.batch_schedule ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.batch_schedule FORCE ROW LEVEL SECURITY;
CREATE POLICY batch_schedule_tenant ON registry.batch_schedule
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (parameters, frequency, next_run_on, active, last_run_id, last_run_on, previous_parameters,
  parameters_changed_at, parameters_changed_by, updated_by, updated_at) ON registry.batch_schedule TO jichi_app;
