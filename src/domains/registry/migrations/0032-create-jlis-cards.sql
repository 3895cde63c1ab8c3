-- Issue #13 (spec §7.1.1.3, §7.1.1.4, §7.1.2.1, §7.1.2.2, §7.1.2.4): requests to J-LIS through the 住基ネット CS that
-- concern one person and no change of the record (個人番号の変更請求, 符号取得, 送付先情報), their answers received
-- through the CS's file link (each file applied once), and what the CS tells about a person's マイナンバーカード and
-- JPKI 電子証明書. Every table is per municipality under forced RLS, append-only where history is kept.
CREATE TABLE registry.jlis_request (
  municipality_code char(6)     NOT NULL,
  request_id        uuid        NOT NULL,
  seq               bigint      NOT NULL,
  kind              text        NOT NULL,
  person_id         uuid        NOT NULL,
  content           jsonb       NOT NULL,
  status            text        NOT NULL DEFAULT 'pending',
  attempts          integer     NOT NULL DEFAULT 0,
  last_error        text,
  reference         text,
  sent_at           timestamptz,
  answered_at       timestamptz,
  answer            text,
  change_id         uuid,
  requested_by      text        NOT NULL,
  idempotency_key   text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT jlis_request_pkey PRIMARY KEY (municipality_code, request_id),
  CONSTRAINT jlis_request_seq_uq UNIQUE (municipality_code, seq),
  CONSTRAINT jlis_request_idempotency_uq UNIQUE (municipality_code, idempotency_key),
  CONSTRAINT jlis_request_person_fkey FOREIGN KEY (municipality_code, person_id) REFERENCES registry.person (municipality_code, person_id),
  CONSTRAINT jlis_request_kind_check CHECK (kind IN ('my-number-change-request', 'token-request', 'card-delivery-address')),
  CONSTRAINT jlis_request_status_check CHECK (status IN ('pending', 'sent', 'failed', 'answered', 'refused'))
);
CREATE INDEX jlis_request_unsent_idx ON registry.jlis_request (municipality_code, seq) WHERE status IN ('pending', 'failed');
CREATE INDEX jlis_request_person_idx ON registry.jlis_request (municipality_code, person_id, seq);
ALTER TABLE registry.jlis_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.jlis_request FORCE ROW LEVEL SECURITY;
CREATE POLICY jlis_request_tenant ON registry.jlis_request
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (status, attempts, last_error, reference, sent_at, answered_at, answer, change_id) ON registry.jlis_request TO jichi_app;

-- Files of the CS's inbound link already applied (or refused), by name: a file is applied once.
CREATE TABLE registry.jlis_inbox_receipt (
  municipality_code char(6)     NOT NULL,
  file_name         text        NOT NULL,
  kind              text        NOT NULL,
  outcome           text        NOT NULL,
  detail            text,
  received_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT jlis_inbox_receipt_pkey PRIMARY KEY (municipality_code, file_name),
  CONSTRAINT jlis_inbox_receipt_outcome_check CHECK (outcome IN ('applied', 'refused'))
);
ALTER TABLE registry.jlis_inbox_receipt ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.jlis_inbox_receipt FORCE ROW LEVEL SECURITY;
CREATE POLICY jlis_inbox_receipt_tenant ON registry.jlis_inbox_receipt
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.jlis_inbox_receipt TO jichi_app;

-- 符号 (情報提供ネットワークシステム): the answer to a 符号取得 request, sealed; never shown, only that and when.
CREATE TABLE registry.person_token (
  municipality_code char(6)     NOT NULL,
  person_id         uuid        NOT NULL,
  entry_no          integer     NOT NULL,
  request_id        uuid        NOT NULL,
  key_id            text        NOT NULL,
  ciphertext        text        NOT NULL,
  received_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_token_pkey PRIMARY KEY (municipality_code, person_id, entry_no),
  CONSTRAINT person_token_request_fkey FOREIGN KEY (municipality_code, request_id) REFERENCES registry.jlis_request (municipality_code, request_id)
);
ALTER TABLE registry.person_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.person_token FORCE ROW LEVEL SECURITY;
CREATE POLICY person_token_tenant ON registry.person_token
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.person_token TO jichi_app;

-- マイナンバーカードの状態 (§7.1.1.3): every notice of the CS and every staff entry, kept; the latest is the status.
CREATE TABLE registry.card_status (
  municipality_code char(6)     NOT NULL,
  person_id         uuid        NOT NULL,
  entry_no          integer     NOT NULL,
  status            text        NOT NULL,
  status_on         text        NOT NULL,
  issued_on         text,
  expires_on        text,
  source            text        NOT NULL,
  note              text        NOT NULL DEFAULT '',
  recorded_by       text        NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT card_status_pkey PRIMARY KEY (municipality_code, person_id, entry_no),
  CONSTRAINT card_status_person_fkey FOREIGN KEY (municipality_code, person_id) REFERENCES registry.person (municipality_code, person_id),
  CONSTRAINT card_status_status_check CHECK (status IN ('applied', 'issued', 'suspended', 'expired', 'abolished', 'returned')),
  CONSTRAINT card_status_source_check CHECK (source IN ('cs-notice', 'staff')),
  CONSTRAINT card_status_dates_check CHECK (status_on ~ '^\d{4}-\d{2}-\d{2}$' AND (issued_on IS NULL OR issued_on ~ '^\d{4}-\d{2}-\d{2}$') AND (expires_on IS NULL OR expires_on ~ '^\d{4}-\d{2}-\d{2}$'))
);
ALTER TABLE registry.card_status ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.card_status FORCE ROW LEVEL SECURITY;
CREATE POLICY card_status_tenant ON registry.card_status
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.card_status TO jichi_app;

-- 送付先情報 (§7.1.1.4): where J-LIS sends the card (the address, or a 居所); every entry kept, the latest applies.
CREATE TABLE registry.card_delivery_address (
  municipality_code char(6)     NOT NULL,
  person_id         uuid        NOT NULL,
  entry_no          integer     NOT NULL,
  place_kind        text        NOT NULL,
  postal_code       text        NOT NULL,
  address           text        NOT NULL,
  addressee         text        NOT NULL,
  reason            text        NOT NULL DEFAULT '',
  request_id        uuid        NOT NULL,
  recorded_by       text        NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT card_delivery_address_pkey PRIMARY KEY (municipality_code, person_id, entry_no),
  CONSTRAINT card_delivery_address_person_fkey FOREIGN KEY (municipality_code, person_id) REFERENCES registry.person (municipality_code, person_id),
  CONSTRAINT card_delivery_address_request_fkey FOREIGN KEY (municipality_code, request_id) REFERENCES registry.jlis_request (municipality_code, request_id),
  CONSTRAINT card_delivery_address_kind_check CHECK (place_kind IN ('address', 'kyosho')),
  CONSTRAINT card_delivery_address_postal_check CHECK (postal_code ~ '^\d{7}$')
);
ALTER TABLE registry.card_delivery_address ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.card_delivery_address FORCE ROW LEVEL SECURITY;
CREATE POLICY card_delivery_address_tenant ON registry.card_delivery_address
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.card_delivery_address TO jichi_app;

-- 署名用・利用者証明用電子証明書のシリアル番号 (§7.1.2.4): 発行 and 失効 events, kept.
CREATE TABLE registry.jpki_certificate (
  municipality_code char(6)     NOT NULL,
  person_id         uuid        NOT NULL,
  entry_no          integer     NOT NULL,
  cert_kind         text        NOT NULL,
  serial_no         text        NOT NULL,
  event             text        NOT NULL,
  event_on          text        NOT NULL,
  source            text        NOT NULL,
  recorded_by       text        NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT jpki_certificate_pkey PRIMARY KEY (municipality_code, person_id, entry_no),
  CONSTRAINT jpki_certificate_person_fkey FOREIGN KEY (municipality_code, person_id) REFERENCES registry.person (municipality_code, person_id),
  CONSTRAINT jpki_certificate_kind_check CHECK (cert_kind IN ('signature', 'user-auth')),
  CONSTRAINT jpki_certificate_event_check CHECK (event IN ('issued', 'revoked')),
  CONSTRAINT jpki_certificate_serial_check CHECK (serial_no ~ '^[0-9A-F]{1,40}$'),
  CONSTRAINT jpki_certificate_source_check CHECK (source IN ('cs-notice', 'staff')),
  CONSTRAINT jpki_certificate_date_check CHECK (event_on ~ '^\d{4}-\d{2}-\d{2}$')
);
ALTER TABLE registry.jpki_certificate ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.jpki_certificate FORCE ROW LEVEL SECURITY;
CREATE POLICY jpki_certificate_tenant ON registry.jpki_certificate
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.jpki_certificate TO jichi_app;
