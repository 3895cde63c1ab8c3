-- 交付履歴 (spec §1.3.8, issue #13): an issued certificate can be declared void (無効: e.g. issued to the wrong person,
-- or a wrong item), with the reason, who, when and where; the public verification then answers that it is void and it
-- cannot be printed again. Paper that was printed and then destroyed (廃棄: a spoiled print, a certificate handed back)
-- is recorded as a disposal of that print. Both are append-only, like the ledger; nothing of the ledger is ever deleted.

CREATE TABLE certificates.issuance_void (
  municipality_code char(6)     NOT NULL,
  issuance_id       uuid        NOT NULL,
  voided_at         timestamptz NOT NULL DEFAULT now(),
  staff_id          uuid        NOT NULL,
  reason            text        NOT NULL,
  terminal_code     text        NOT NULL DEFAULT coalesce(current_setting('app.terminal_code', true), ''),
  place_code        text        NOT NULL DEFAULT coalesce(current_setting('app.place_code', true), ''),
  CONSTRAINT issuance_void_pkey PRIMARY KEY (municipality_code, issuance_id),
  CONSTRAINT issuance_void_issuance_fkey FOREIGN KEY (municipality_code, issuance_id) REFERENCES certificates.issuance (municipality_code, issuance_id),
  CONSTRAINT issuance_void_staff_fkey FOREIGN KEY (municipality_code, staff_id) REFERENCES platform.staff (municipality_code, staff_id),
  CONSTRAINT issuance_void_reason_check CHECK (length(reason) BETWEEN 1 AND 500)
);
ALTER TABLE certificates.issuance_void ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificates.issuance_void FORCE ROW LEVEL SECURITY;
CREATE POLICY issuance_void_tenant ON certificates.issuance_void
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON certificates.issuance_void TO jichi_app;

CREATE TABLE certificates.issuance_disposal (
  municipality_code char(6)     NOT NULL,
  issuance_id       uuid        NOT NULL,
  -- The print whose paper was destroyed (1 = the original, 2… = 再交付).
  print_no          integer     NOT NULL,
  disposed_at       timestamptz NOT NULL DEFAULT now(),
  staff_id          uuid        NOT NULL,
  reason            text        NOT NULL,
  terminal_code     text        NOT NULL DEFAULT coalesce(current_setting('app.terminal_code', true), ''),
  place_code        text        NOT NULL DEFAULT coalesce(current_setting('app.place_code', true), ''),
  CONSTRAINT issuance_disposal_pkey PRIMARY KEY (municipality_code, issuance_id, print_no),
  CONSTRAINT issuance_disposal_print_fkey FOREIGN KEY (municipality_code, issuance_id, print_no) REFERENCES certificates.issuance_print (municipality_code, issuance_id, print_no),
  CONSTRAINT issuance_disposal_staff_fkey FOREIGN KEY (municipality_code, staff_id) REFERENCES platform.staff (municipality_code, staff_id),
  CONSTRAINT issuance_disposal_reason_check CHECK (length(reason) BETWEEN 1 AND 500)
);
ALTER TABLE certificates.issuance_disposal ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificates.issuance_disposal FORCE ROW LEVEL SECURITY;
CREATE POLICY issuance_disposal_tenant ON certificates.issuance_disposal
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON certificates.issuance_disposal TO jichi_app;

-- The public verification says whether the certificate was declared void.
GRANT USAGE ON SCHEMA certificates TO jichi_verifier;
GRANT SELECT (municipality_code, issuance_id) ON certificates.issuance TO jichi_verifier;
GRANT SELECT (municipality_code, issuance_id) ON certificates.issuance_void TO jichi_verifier;
CREATE POLICY issuance_void_verifier ON certificates.issuance_void FOR SELECT TO jichi_verifier USING (true);
DROP FUNCTION certificates.verify_code(text);
CREATE FUNCTION certificates.verify_code(code_hash text)
  RETURNS TABLE (municipality_code char(6), issued_at timestamptz, certificate_kind text, pdf_sha256 char(64), issue_no integer, voided boolean)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT i.municipality_code, i.issued_at, i.certificate_kind, i.pdf_sha256, i.issue_no,
          EXISTS (SELECT 1 FROM certificates.issuance_void v WHERE v.municipality_code = i.municipality_code AND v.issuance_id = i.issuance_id)
        FROM certificates.issuance i WHERE i.verification_code_hash = code_hash LIMIT 1 $$;
ALTER FUNCTION certificates.verify_code(text) OWNER TO jichi_verifier;
REVOKE ALL ON FUNCTION certificates.verify_code(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION certificates.verify_code(text) TO jichi_app;
GRANT EXECUTE ON FUNCTION certificates.verify_code(text) TO jichi_public;
