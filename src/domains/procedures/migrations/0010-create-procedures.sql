-- Online procedures (電子申請, issue #14): each municipality's configuration of the shared procedure definitions
-- (the definitions themselves are data in the code, versioned, never forked), residents' applications from draft
-- to submission (the submission opens a case), and their attachments with checksums.
-- Every table is tenant-owned: keys lead with municipality_code, forced row-level security.

CREATE SCHEMA IF NOT EXISTS procedures;
GRANT USAGE ON SCHEMA procedures TO jichi_app;

-- 手続の設定: enabled or not, the municipality's fee and note. No row: the standard definition, enabled.
CREATE TABLE procedures.procedure_setting (
  municipality_code char(6)     NOT NULL,
  procedure_code    text        NOT NULL,
  enabled           boolean     NOT NULL DEFAULT true,
  fee_yen           integer,
  note_ja           text        NOT NULL DEFAULT '',
  updated_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        text        NOT NULL,
  CONSTRAINT procedure_setting_pkey PRIMARY KEY (municipality_code, procedure_code),
  CONSTRAINT procedure_setting_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT procedure_setting_fee_check CHECK (fee_yen IS NULL OR fee_yen >= 0)
);
ALTER TABLE procedures.procedure_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures.procedure_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY procedure_setting_tenant ON procedures.procedure_setting
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE ON procedures.procedure_setting TO jichi_app;

-- 申請: a resident's application, a draft (saved page by page, resumable) until it is submitted once; the
-- submission opens a case (case_id), so a repeated submission finds the case instead of opening another.
CREATE TABLE procedures.application (
  municipality_code char(6)     NOT NULL,
  application_id    uuid        NOT NULL,
  -- The resident account (Resident.residentId) and the assurance level at submission.
  resident_id       text        NOT NULL,
  procedure_code    text        NOT NULL,
  procedure_version integer     NOT NULL,
  status            text        NOT NULL DEFAULT 'draft',
  data              jsonb       NOT NULL DEFAULT '{}'::jsonb,
  -- Was the form prefilled from the registry (the resident matched to one person)?
  prefilled         boolean     NOT NULL DEFAULT false,
  assurance         text        NOT NULL DEFAULT '',
  case_id           uuid,
  case_no           text,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  submitted_at      timestamptz,
  CONSTRAINT application_pkey PRIMARY KEY (municipality_code, application_id),
  CONSTRAINT application_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT application_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id),
  CONSTRAINT application_status_check CHECK (status IN ('draft', 'submitted')),
  CONSTRAINT application_submitted_check CHECK ((status = 'submitted') = (case_id IS NOT NULL AND submitted_at IS NOT NULL))
);
CREATE INDEX application_resident_idx ON procedures.application (municipality_code, resident_id, updated_at DESC);
ALTER TABLE procedures.application ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures.application FORCE ROW LEVEL SECURITY;
CREATE POLICY application_tenant ON procedures.application
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON procedures.application TO jichi_app;
GRANT UPDATE (status, data, prefilled, assurance, case_id, case_no, updated_at, submitted_at) ON procedures.application TO jichi_app;
GRANT DELETE ON procedures.application TO jichi_app;

-- 添付書類: type checked by content (magic bytes), size limited, SHA-256 of the bytes kept with them.
CREATE TABLE procedures.attachment (
  municipality_code char(6)     NOT NULL,
  application_id    uuid        NOT NULL,
  attachment_id     uuid        NOT NULL,
  -- The definition's attachment code (e.g. 'power-of-attorney').
  attachment_code   text        NOT NULL,
  file_name         text        NOT NULL,
  media_type        text        NOT NULL,
  byte_size         integer     NOT NULL,
  sha256            char(64)    NOT NULL,
  content           bytea       NOT NULL,
  added_at          timestamptz NOT NULL,
  CONSTRAINT attachment_pkey PRIMARY KEY (municipality_code, application_id, attachment_id),
  CONSTRAINT attachment_application_fkey FOREIGN KEY (municipality_code, application_id) REFERENCES procedures.application (municipality_code, application_id) ON DELETE CASCADE,
  CONSTRAINT attachment_media_type_check CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  CONSTRAINT attachment_size_check CHECK (byte_size > 0 AND byte_size = octet_length(content)),
  CONSTRAINT attachment_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$')
);
ALTER TABLE procedures.attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures.attachment FORCE ROW LEVEL SECURITY;
CREATE POLICY attachment_tenant ON procedures.attachment
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, DELETE ON procedures.attachment TO jichi_app;
