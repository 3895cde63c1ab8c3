-- Certificates (帳票): the issuance ledger (交付記録) and the public verification of issued certificates.
-- The ledger holds ids, never names or addresses; the PDF itself is not stored, only its SHA-256.

CREATE SCHEMA IF NOT EXISTS certificates;
GRANT USAGE ON SCHEMA certificates TO jichi_app;

CREATE TABLE certificates.issuance (
  municipality_code      char(6)     NOT NULL,
  issuance_id            uuid        NOT NULL,
  -- 通番 per municipality, part of the 発行番号 printed on every sheet (spec §5.5).
  issue_no               integer     NOT NULL,
  issued_at              timestamptz NOT NULL,
  certificate_kind       text        NOT NULL,
  requester_type         text        NOT NULL,
  requester_ground       text        NOT NULL DEFAULT '',
  official_body          text        NOT NULL DEFAULT '',
  legal_basis            text        NOT NULL DEFAULT '',
  -- 利用目的 as stated on the request.
  purpose                text        NOT NULL DEFAULT '',
  household_id           text        NOT NULL,
  person_ids             text[]      NOT NULL,
  items                  text[]      NOT NULL,
  as_of                  date        NOT NULL,
  fee_yen                integer     NOT NULL,
  staff_id               uuid        NOT NULL,
  page_count             integer     NOT NULL,
  my_number_printed      boolean     NOT NULL,
  alerts                 text[]      NOT NULL DEFAULT '{}',
  pdf_sha256             char(64)    NOT NULL,
  -- SHA-256 of the normalised verification code; the code itself is printed only on the certificate.
  verification_code_hash char(64)    NOT NULL,
  CONSTRAINT issuance_pkey PRIMARY KEY (municipality_code, issuance_id),
  CONSTRAINT issuance_issue_no_uq UNIQUE (municipality_code, issue_no),
  CONSTRAINT issuance_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT issuance_staff_fkey FOREIGN KEY (municipality_code, staff_id) REFERENCES platform.staff (municipality_code, staff_id),
  CONSTRAINT issuance_kind_check CHECK (certificate_kind IN ('residence-copy', 'residence-items', 'removed-copy', 'move-out')),
  CONSTRAINT issuance_requester_type_check CHECK (requester_type IN ('self', 'household', 'agent', 'third-party', 'official')),
  CONSTRAINT issuance_fee_check CHECK (fee_yen >= 0),
  CONSTRAINT issuance_persons_check CHECK (cardinality(person_ids) > 0)
);
CREATE INDEX issuance_issued_at_idx ON certificates.issuance (municipality_code, issued_at);
-- Cross-tenant lookup by code for the public verification (not unique: 100 random bits make collisions moot).
CREATE INDEX issuance_verification_idx ON certificates.issuance (verification_code_hash);
ALTER TABLE certificates.issuance ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificates.issuance FORCE ROW LEVEL SECURITY;
CREATE POLICY issuance_tenant ON certificates.issuance
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
-- The ledger is append-only for the application.
GRANT SELECT, INSERT ON certificates.issuance TO jichi_app;

-- Public verification without a session (照合): anyone holding a code may learn whether it is genuine and
-- when, by which municipality and of which kind the certificate was issued, plus the PDF's SHA-256, and
-- nothing else. The lookup crosses tenants, so it runs in a SECURITY DEFINER function owned by the role
-- jichi_verifier, which may read only those five columns (column privileges) of every row (its own policy);
-- jichi_app may execute the function but can neither read those rows directly nor become jichi_verifier.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jichi_verifier') THEN
    CREATE ROLE jichi_verifier NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  -- The migrating role must be a member to hand the function over (automatic for superusers).
  EXECUTE format('GRANT jichi_verifier TO %I', current_user);
EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN NULL;
END $$;
GRANT USAGE ON SCHEMA certificates TO jichi_verifier;
GRANT SELECT (municipality_code, issued_at, certificate_kind, pdf_sha256, verification_code_hash) ON certificates.issuance TO jichi_verifier;
CREATE POLICY issuance_verifier ON certificates.issuance FOR SELECT TO jichi_verifier USING (true);

CREATE FUNCTION certificates.verify_code(code_hash text)
  RETURNS TABLE (municipality_code char(6), issued_at timestamptz, certificate_kind text, pdf_sha256 char(64))
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT i.municipality_code, i.issued_at, i.certificate_kind, i.pdf_sha256
        FROM certificates.issuance i WHERE i.verification_code_hash = code_hash LIMIT 1 $$;
ALTER FUNCTION certificates.verify_code(text) OWNER TO jichi_verifier;
REVOKE ALL ON FUNCTION certificates.verify_code(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION certificates.verify_code(text) TO jichi_app;
