-- Issue #13: the 住基ネット side. Messages to the CS (本人確認情報の更新, 9条1項 転入通知, 19条 附票通知, 個人番号の指定請求)
-- are written in the same transaction as the 本登録 that causes them, ordered by the change's feed number (0008) and
-- their position in it; a sender (platform scheduler, or by hand in manual mode) delivers them in that order through
-- an adapter and stops at the first failure, so order is kept; a sent message can be sent again (resend).
-- 住民票コード come from the municipality's allotted stock (払出し), never invented: one row per allotted code.
CREATE TABLE registry.jukinet_link (
  municipality_code     char(6)     NOT NULL,
  mode                  text        NOT NULL DEFAULT 'auto',
  stock_alert_threshold integer     NOT NULL DEFAULT 100,
  updated_by            text        NOT NULL,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT jukinet_link_pkey PRIMARY KEY (municipality_code),
  CONSTRAINT jukinet_link_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT jukinet_link_mode_check CHECK (mode IN ('auto', 'manual')),
  CONSTRAINT jukinet_link_threshold_check CHECK (stock_alert_threshold >= 0)
);
ALTER TABLE registry.jukinet_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.jukinet_link FORCE ROW LEVEL SECURITY;
CREATE POLICY jukinet_link_tenant ON registry.jukinet_link
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (mode, stock_alert_threshold, updated_by, updated_at) ON registry.jukinet_link TO jichi_app;

CREATE TABLE registry.jukinet_message (
  municipality_code char(6)     NOT NULL,
  feed_seq          bigint      NOT NULL,
  position          integer     NOT NULL,
  kind              text        NOT NULL,
  change_id         uuid        NOT NULL,
  person_id         uuid        NOT NULL,
  history_no        integer     NOT NULL,
  status            text        NOT NULL DEFAULT 'pending',
  attempts          integer     NOT NULL DEFAULT 0,
  last_error        text,
  reference         text,
  sent_at           timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT jukinet_message_pkey PRIMARY KEY (municipality_code, feed_seq, position),
  CONSTRAINT jukinet_message_change_fkey FOREIGN KEY (municipality_code, change_id) REFERENCES registry.change (municipality_code, change_id),
  CONSTRAINT jukinet_message_snapshot_fkey FOREIGN KEY (municipality_code, person_id, history_no) REFERENCES registry.person_snapshot (municipality_code, person_id, history_no),
  CONSTRAINT jukinet_message_kind_check CHECK (kind IN ('identity-update', 'move-in-notice', 'annex-notice', 'my-number-request')),
  CONSTRAINT jukinet_message_status_check CHECK (status IN ('pending', 'sent', 'failed'))
);
CREATE INDEX jukinet_message_unsent_idx ON registry.jukinet_message (municipality_code, feed_seq, position) WHERE status <> 'sent';
ALTER TABLE registry.jukinet_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.jukinet_message FORCE ROW LEVEL SECURITY;
CREATE POLICY jukinet_message_tenant ON registry.jukinet_message
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (status, attempts, last_error, reference, sent_at) ON registry.jukinet_message TO jichi_app;

CREATE TABLE registry.resident_code_stock (
  municipality_code char(6)     NOT NULL,
  resident_code     text        NOT NULL,
  allotted_on       text        NOT NULL,
  used_by           uuid,
  used_at           timestamptz,
  CONSTRAINT resident_code_stock_pkey PRIMARY KEY (municipality_code, resident_code),
  CONSTRAINT resident_code_stock_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT resident_code_stock_code_check CHECK (resident_code ~ '^[0-9]{11}$')
);
CREATE INDEX resident_code_stock_free_idx ON registry.resident_code_stock (municipality_code, resident_code) WHERE used_by IS NULL;
ALTER TABLE registry.resident_code_stock ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.resident_code_stock FORCE ROW LEVEL SECURITY;
CREATE POLICY resident_code_stock_tenant ON registry.resident_code_stock
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (used_by, used_at) ON registry.resident_code_stock TO jichi_app;
