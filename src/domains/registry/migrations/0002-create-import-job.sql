-- CSV import jobs (移行データの取込): one row per imported file, the checkpoint of a resumable import.
-- Pass 2 commits each batch together with rows_done, so a killed import resumes after the last committed
-- batch and never writes a row twice. Tenant-owned: key leads with municipality_code, forced RLS.
CREATE TABLE registry.import_job (
  municipality_code char(6)     NOT NULL,
  job_id            uuid        NOT NULL,
  file_sha256       char(64)    NOT NULL,
  file_name         text        NOT NULL DEFAULT '',
  rows_total        integer     NOT NULL,
  rows_done         integer     NOT NULL DEFAULT 0,
  batches_done      integer     NOT NULL DEFAULT 0,
  status            text        NOT NULL DEFAULT 'running',
  append            boolean     NOT NULL DEFAULT false,
  operator_id       text        NOT NULL,
  started_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  finished_at       timestamptz,
  CONSTRAINT import_job_pkey PRIMARY KEY (municipality_code, job_id),
  CONSTRAINT import_job_file_uq UNIQUE (municipality_code, file_sha256),
  CONSTRAINT import_job_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT import_job_status_check CHECK (status IN ('running', 'done')),
  CONSTRAINT import_job_rows_check CHECK (rows_done >= 0 AND rows_done <= rows_total)
);
ALTER TABLE registry.import_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.import_job FORCE ROW LEVEL SECURITY;
CREATE POLICY import_job_tenant ON registry.import_job
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.import_job TO jichi_app;
GRANT UPDATE (rows_done, batches_done, status, updated_at, finished_at) ON registry.import_job TO jichi_app;
