-- Issue #13 (R7, spec §4.1.3.0.4): a 特例転出 sends the 転出証明書情報 through the 住基ネット CS instead of a paper
-- 転出証明書; the outbox takes that message kind too.
ALTER TABLE registry.jukinet_message DROP CONSTRAINT jukinet_message_kind_check;
ALTER TABLE registry.jukinet_message ADD CONSTRAINT jukinet_message_kind_check
  CHECK (kind IN ('identity-update', 'move-in-notice', 'annex-notice', 'my-number-request', 'move-out-certificate-info'));
