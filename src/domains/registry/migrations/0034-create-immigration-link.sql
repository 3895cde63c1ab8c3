-- Issue #13 (R3, R18; 住基法 30条の50, 入管法 61条の8の2): the registry's link with the 出入国在留管理庁 (法務大臣).
-- Outbound: the 市町村通知 — every 記載, 消除 or 記載の修正 of a foreign resident's record is notified to the 法務大臣,
-- written in the 本登録 transaction, ordered by the change's feed number (0008) and position, sent in that order by an
-- adapter (stop at the first failure), resendable. Inbound: the 法務大臣's notices (在留資格の変更, 在留期間の更新, 出国…)
-- received through the file link, matched to a resident by 在留カード等番号, held until a clerk applies them as a
-- 職権 change (仮登録 → 本登録); the change applying a notice is linked to it.
CREATE TABLE registry.immigration_message (
  municipality_code char(6)     NOT NULL,
  feed_seq          bigint      NOT NULL,
  position          integer     NOT NULL,
  notice_class      text        NOT NULL,
  change_id         uuid        NOT NULL,
  person_id         uuid        NOT NULL,
  history_no        integer     NOT NULL,
  status            text        NOT NULL DEFAULT 'pending',
  attempts          integer     NOT NULL DEFAULT 0,
  last_error        text,
  reference         text,
  sent_at           timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT immigration_message_pkey PRIMARY KEY (municipality_code, feed_seq, position),
  CONSTRAINT immigration_message_change_fkey FOREIGN KEY (municipality_code, change_id) REFERENCES registry.change (municipality_code, change_id),
  CONSTRAINT immigration_message_snapshot_fkey FOREIGN KEY (municipality_code, person_id, history_no) REFERENCES registry.person_snapshot (municipality_code, person_id, history_no),
  CONSTRAINT immigration_message_class_check CHECK (notice_class IN ('記載', '消除', '修正')),
  CONSTRAINT immigration_message_status_check CHECK (status IN ('pending', 'sent', 'failed'))
);
CREATE INDEX immigration_message_unsent_idx ON registry.immigration_message (municipality_code, feed_seq, position) WHERE status <> 'sent';
ALTER TABLE registry.immigration_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.immigration_message FORCE ROW LEVEL SECURITY;
CREATE POLICY immigration_message_tenant ON registry.immigration_message
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (status, attempts, last_error, reference, sent_at) ON registry.immigration_message TO jichi_app;

CREATE TABLE registry.immigration_notice (
  municipality_code char(6)     NOT NULL,
  notice_id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  -- The 入管's number of the notice (the file link's name when it has none): a notice is taken in once.
  notice_no         text        NOT NULL,
  event             text        NOT NULL,
  noticed_on        text        NOT NULL,
  occurred_on       text        NOT NULL,
  content           jsonb       NOT NULL,
  residence_card_no text,
  person_id         uuid,
  unmatched_reason  text,
  change_id         uuid,
  applied_by        text,
  applied_at        timestamptz,
  received_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT immigration_notice_pkey PRIMARY KEY (municipality_code, notice_id),
  CONSTRAINT immigration_notice_no_key UNIQUE (municipality_code, notice_no),
  CONSTRAINT immigration_notice_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT immigration_notice_change_fkey FOREIGN KEY (municipality_code, change_id) REFERENCES registry.change (municipality_code, change_id),
  CONSTRAINT immigration_notice_event_check CHECK (event IN ('status-change', 'period-renewal', 'status-acquired', 'card-items-change',
    'departure', 'status-revoked', 'deportation', 'period-expired', 'death')),
  CONSTRAINT immigration_notice_match_check CHECK ((person_id IS NULL) = (unmatched_reason IS NOT NULL))
);
CREATE INDEX immigration_notice_person_idx ON registry.immigration_notice (municipality_code, person_id);
ALTER TABLE registry.immigration_notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.immigration_notice FORCE ROW LEVEL SECURITY;
CREATE POLICY immigration_notice_tenant ON registry.immigration_notice
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (person_id, unmatched_reason, change_id, applied_by, applied_at) ON registry.immigration_notice TO jichi_app;
