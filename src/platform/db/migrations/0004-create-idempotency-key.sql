-- Idempotency keys (Idempotency-Key header on the API, a one-time form token in the console): the first
-- response to an operation that issues, records or approves is kept, and the same key returns it again instead
-- of a second record. Scoped per staff member; kept for a day. A console form's token keeps only the redirect of
-- post/redirect/get (no body); an API key keeps the body too, and every replay is access-logged.
CREATE TABLE platform.idempotency_key (
  municipality_code char(6)     NOT NULL,
  staff_id          uuid        NOT NULL,
  idem_key          text        NOT NULL,
  fingerprint       char(64)    NOT NULL,
  status_code       smallint,
  -- The response headers a client needs again (type, location, disposition, the x-… headers of the result).
  headers           jsonb       NOT NULL DEFAULT '{}',
  body              bytea,
  created_at        timestamptz NOT NULL DEFAULT now(),
  completed_at      timestamptz,
  CONSTRAINT idempotency_key_pkey PRIMARY KEY (municipality_code, staff_id, idem_key),
  CONSTRAINT idempotency_key_staff_fkey FOREIGN KEY (municipality_code, staff_id)
    REFERENCES platform.staff (municipality_code, staff_id) ON DELETE CASCADE,
  CONSTRAINT idempotency_key_key_check CHECK (length(idem_key) BETWEEN 8 AND 255)
);
CREATE INDEX idempotency_key_created_idx ON platform.idempotency_key (municipality_code, created_at);
ALTER TABLE platform.idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_key_tenant ON platform.idempotency_key
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON platform.idempotency_key TO jichi_app;
