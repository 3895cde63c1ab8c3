-- Residents signed in through OpenID Connect (issue #14): one account per municipality, provider and subject
-- (Jichi's own stable key for submissions), and their sessions. No 基本4情報 are stored: a session keeps only the
-- result of matching them to the registry at sign-in (the person's keys), the name the provider stated (for the
-- header) and the assurance level. Sessions end with the idle timeout, the absolute lifetime or sign-out.

CREATE TABLE platform.resident_account (
  municipality_code char(6)     NOT NULL,
  resident_id       uuid        NOT NULL,
  issuer            text        NOT NULL,
  subject           text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT resident_account_pkey PRIMARY KEY (municipality_code, resident_id),
  CONSTRAINT resident_account_subject_uq UNIQUE (municipality_code, issuer, subject),
  CONSTRAINT resident_account_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT resident_account_subject_check CHECK (length(subject) BETWEEN 1 AND 255 AND length(issuer) BETWEEN 1 AND 2000)
);
ALTER TABLE platform.resident_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.resident_account FORCE ROW LEVEL SECURITY;
CREATE POLICY resident_account_tenant ON platform.resident_account
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON platform.resident_account TO jichi_app;
GRANT UPDATE (last_sign_in_at) ON platform.resident_account TO jichi_app;

CREATE TABLE platform.resident_session (
  municipality_code char(6)     NOT NULL,
  token_hash        char(64)    NOT NULL,
  resident_id       uuid        NOT NULL,
  csrf_token        text        NOT NULL,
  assurance         text        NOT NULL,
  display_name      text        NOT NULL,
  -- The registry person matched by 基本4情報 at sign-in (all null when not exactly one matched).
  person_id         uuid,
  atena_no          text,
  household_id      uuid,
  household_no      text,
  is_household_head boolean,
  -- Why no person was matched: 'missing-attributes', 'not-found', 'several'.
  unmatched_reason  text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_seen_at      timestamptz NOT NULL DEFAULT now(),
  expires_at        timestamptz NOT NULL,
  CONSTRAINT resident_session_pkey PRIMARY KEY (municipality_code, token_hash),
  CONSTRAINT resident_session_account_fkey FOREIGN KEY (municipality_code, resident_id)
    REFERENCES platform.resident_account (municipality_code, resident_id) ON DELETE CASCADE,
  CONSTRAINT resident_session_match_check CHECK (
    (person_id IS NOT NULL AND atena_no IS NOT NULL AND household_id IS NOT NULL AND household_no IS NOT NULL AND is_household_head IS NOT NULL AND unmatched_reason IS NULL)
    OR (person_id IS NULL AND unmatched_reason IN ('missing-attributes', 'not-found', 'several')))
);
CREATE INDEX resident_session_account_idx ON platform.resident_session (municipality_code, resident_id);
CREATE INDEX resident_session_expires_idx ON platform.resident_session (municipality_code, expires_at);
ALTER TABLE platform.resident_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.resident_session FORCE ROW LEVEL SECURITY;
CREATE POLICY resident_session_tenant ON platform.resident_session
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, DELETE ON platform.resident_session TO jichi_app;
GRANT UPDATE (last_seen_at) ON platform.resident_session TO jichi_app;
