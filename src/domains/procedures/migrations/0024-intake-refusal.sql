-- An application the LGWAN side's intake could not turn into a case (a rule of the case refused it: the case type
-- withdrawn, the daycare round closed…). It stays in the inbox and is retried every run; this row tells staff, with
-- the refusal's stable code and Japanese words, how often and since when. No personal data: the application is named
-- by its id and procedure. Never readable by jichi_public (the resident keeps seeing 受付処理中).
CREATE TABLE procedures.intake_refusal (
  municipality_code char(6)     NOT NULL,
  application_id    uuid        NOT NULL,
  code              text        NOT NULL,
  title             text        NOT NULL,
  -- The English detail of the refusal where it has one (English screens).
  detail            text        NOT NULL DEFAULT '',
  attempts          integer     NOT NULL DEFAULT 1,
  first_at          timestamptz NOT NULL,
  last_at           timestamptz NOT NULL,
  CONSTRAINT intake_refusal_pkey PRIMARY KEY (municipality_code, application_id),
  CONSTRAINT intake_refusal_application_fkey FOREIGN KEY (municipality_code, application_id) REFERENCES procedures.application (municipality_code, application_id) ON DELETE CASCADE
);
ALTER TABLE procedures.intake_refusal ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures.intake_refusal FORCE ROW LEVEL SECURITY;
CREATE POLICY intake_refusal_tenant ON procedures.intake_refusal
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (code, title, detail, attempts, last_at), DELETE ON procedures.intake_refusal TO jichi_app;
