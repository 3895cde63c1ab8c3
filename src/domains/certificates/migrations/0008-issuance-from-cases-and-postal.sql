-- Issue #10: an approved case (住民票の写し等の交付請求) issues its certificate in the same transaction as the
-- approval, and the certificate waits for postal delivery (郵送待ち) until a clerk prints it and marks it sent.
-- * An issuance by the automatic review has no staff member: issued_by says who issued it ('staff' or 'system'),
--   staff_id stays the staff member when there is one.
-- * The case an issuance came from (one issuance per case: a retried approval never issues twice).
-- * The postal queue: one row per issuance to be mailed; sent_at/sent_by once the clerk has mailed it.

ALTER TABLE certificates.issuance
  ALTER COLUMN staff_id DROP NOT NULL,
  ADD COLUMN issued_by text NOT NULL DEFAULT 'staff',
  ADD COLUMN case_id uuid,
  ADD CONSTRAINT issuance_issued_by_check CHECK (issued_by IN ('staff', 'system') AND (issued_by = 'system' OR staff_id IS NOT NULL));
CREATE UNIQUE INDEX issuance_case_uq ON certificates.issuance (municipality_code, case_id) WHERE case_id IS NOT NULL;

CREATE TABLE certificates.postal_delivery (
  municipality_code char(6)     NOT NULL,
  issuance_id       uuid        NOT NULL,
  queued_at         timestamptz NOT NULL,
  sent_at           timestamptz,
  sent_by           uuid,
  sent_by_name      text        NOT NULL DEFAULT '',
  CONSTRAINT postal_delivery_pkey PRIMARY KEY (municipality_code, issuance_id),
  CONSTRAINT postal_delivery_issuance_fkey FOREIGN KEY (municipality_code, issuance_id) REFERENCES certificates.issuance (municipality_code, issuance_id),
  CONSTRAINT postal_delivery_staff_fkey FOREIGN KEY (municipality_code, sent_by) REFERENCES platform.staff (municipality_code, staff_id),
  CONSTRAINT postal_delivery_sent_check CHECK ((sent_at IS NULL) = (sent_by IS NULL))
);
CREATE INDEX postal_delivery_waiting_idx ON certificates.postal_delivery (municipality_code, queued_at) WHERE sent_at IS NULL;
ALTER TABLE certificates.postal_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificates.postal_delivery FORCE ROW LEVEL SECURITY;
CREATE POLICY postal_delivery_tenant ON certificates.postal_delivery
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON certificates.postal_delivery TO jichi_app;
GRANT UPDATE (sent_at, sent_by, sent_by_name) ON certificates.postal_delivery TO jichi_app;
