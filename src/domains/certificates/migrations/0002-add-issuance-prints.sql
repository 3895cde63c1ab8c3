-- Issue #9: certificates as a counter needs them.
-- * The request as recorded at the counter: 通数 (copies; fee = copies × unit fee), the 本人確認書類 seen, and
--   whether the clerk confirmed issuing while a 仮登録 of a printed person or the household was pending.
-- * The document of each issuance, sealed (AES-256-GCM under the deployment's data key, like 個人番号): what was
--   printed, so the result page names the persons and the PDF can be opened again after post/redirect/get.
-- * Every delivery of a certificate's PDF (print): the first is the original, every later one a 再交付 (reprint)
--   printed as such; who and when, never a silent second copy under the same 発行番号.
-- * The public verification also answers the 発行番号 (通番), so the verify page shows what the paper shows.

ALTER TABLE certificates.issuance
  ADD COLUMN copies integer NOT NULL DEFAULT 1,
  ADD COLUMN identity_document text NOT NULL DEFAULT '',
  ADD COLUMN pending_acknowledged boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT issuance_copies_check CHECK (copies BETWEEN 1 AND 20);

CREATE TABLE certificates.issuance_document (
  municipality_code char(6)  NOT NULL,
  issuance_id       uuid     NOT NULL,
  key_id            text     NOT NULL,
  sealed            text     NOT NULL,
  CONSTRAINT issuance_document_pkey PRIMARY KEY (municipality_code, issuance_id),
  CONSTRAINT issuance_document_issuance_fkey FOREIGN KEY (municipality_code, issuance_id) REFERENCES certificates.issuance (municipality_code, issuance_id)
);
ALTER TABLE certificates.issuance_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificates.issuance_document FORCE ROW LEVEL SECURITY;
CREATE POLICY issuance_document_tenant ON certificates.issuance_document
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON certificates.issuance_document TO jichi_app;

CREATE TABLE certificates.issuance_print (
  municipality_code char(6)     NOT NULL,
  issuance_id       uuid        NOT NULL,
  -- 1 = the original; 2, 3, … = 再交付 (reprint number = print_no - 1).
  print_no          integer     NOT NULL,
  printed_at        timestamptz NOT NULL,
  staff_id          uuid        NOT NULL,
  staff_name        text        NOT NULL,
  pdf_sha256        char(64)    NOT NULL,
  CONSTRAINT issuance_print_pkey PRIMARY KEY (municipality_code, issuance_id, print_no),
  CONSTRAINT issuance_print_issuance_fkey FOREIGN KEY (municipality_code, issuance_id) REFERENCES certificates.issuance (municipality_code, issuance_id),
  CONSTRAINT issuance_print_staff_fkey FOREIGN KEY (municipality_code, staff_id) REFERENCES platform.staff (municipality_code, staff_id),
  CONSTRAINT issuance_print_no_check CHECK (print_no >= 1)
);
ALTER TABLE certificates.issuance_print ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificates.issuance_print FORCE ROW LEVEL SECURITY;
CREATE POLICY issuance_print_tenant ON certificates.issuance_print
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
-- Append-only, like the ledger.
GRANT SELECT, INSERT ON certificates.issuance_print TO jichi_app;

-- Verification answers the 通番 too (printed on the certificate as part of the 発行番号).
GRANT SELECT (issue_no) ON certificates.issuance TO jichi_verifier;
DROP FUNCTION certificates.verify_code(text);
CREATE FUNCTION certificates.verify_code(code_hash text)
  RETURNS TABLE (municipality_code char(6), issued_at timestamptz, certificate_kind text, pdf_sha256 char(64), issue_no integer)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT i.municipality_code, i.issued_at, i.certificate_kind, i.pdf_sha256, i.issue_no
        FROM certificates.issuance i WHERE i.verification_code_hash = code_hash LIMIT 1 $$;
ALTER FUNCTION certificates.verify_code(text) OWNER TO jichi_verifier;
REVOKE ALL ON FUNCTION certificates.verify_code(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION certificates.verify_code(text) TO jichi_app;
