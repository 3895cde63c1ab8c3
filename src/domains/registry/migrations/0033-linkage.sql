-- Issue #13, 住民記録と他システムの連携 (spec §7.1.2.3, §7.2.2, §7.2.4).
--
-- 1. 連携先の種別 (feed_consumer.kind): an ordinary business system ('standard'), the 団体内統合宛名システム (the only
--    one that may receive 個人番号: 番号法 特定個人情報, spec §7.1.2.3) or the municipality's own 戸籍附票システム
--    (receives the 附票 notices of local 本籍 holders, spec §7.2.4). A consumer registered earlier with the
--    'my-number' scope loses it: only a 団体内統合宛名 consumer may hold it from now on.
ALTER TABLE registry.feed_consumer ADD COLUMN kind text NOT NULL DEFAULT 'standard';
ALTER TABLE registry.feed_consumer ADD CONSTRAINT feed_consumer_kind_check CHECK (kind IN ('standard', '団体内統合宛名', '戸籍附票'));
UPDATE registry.feed_consumer SET scopes = array_remove(scopes, 'my-number') WHERE 'my-number' = ANY (scopes);
ALTER TABLE registry.feed_consumer ADD CONSTRAINT feed_consumer_my_number_check CHECK (kind = '団体内統合宛名' OR NOT ('my-number' = ANY (scopes)));

-- 2. 他業務の資格 (spec §7.2.2): what each business system reports about a resident's eligibility (選挙人名簿登録, 国保,
--    後期高齢者医療, 介護保険, 国民年金, 児童手当, マイナンバーカード保有). Append-only: every report is kept; the latest
--    per person and kind is the one with the latest as_of. A report repeated with the same as_of is the same report.
CREATE TABLE registry.eligibility_report (
  municipality_code char(6)     NOT NULL,
  report_id         uuid        NOT NULL,
  person_id         uuid        NOT NULL,
  kind              text        NOT NULL,
  eligible          boolean     NOT NULL,
  acquired_on       date,
  lost_on           date,
  as_of             timestamptz NOT NULL,
  consumer_id       uuid        NOT NULL,
  consumer_name     text        NOT NULL,
  received_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT eligibility_report_pkey PRIMARY KEY (municipality_code, report_id),
  CONSTRAINT eligibility_report_uq UNIQUE (municipality_code, person_id, kind, as_of),
  CONSTRAINT eligibility_report_consumer_fkey FOREIGN KEY (municipality_code, consumer_id) REFERENCES registry.feed_consumer (municipality_code, consumer_id),
  CONSTRAINT eligibility_report_kind_check CHECK (kind IN ('election', 'kokuho', 'kouki', 'kaigo', 'nenkin', 'child-allowance', 'mynumber-card')),
  CONSTRAINT eligibility_report_dates_check CHECK (lost_on IS NULL OR acquired_on IS NULL OR lost_on >= acquired_on)
);
ALTER TABLE registry.eligibility_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.eligibility_report FORCE ROW LEVEL SECURITY;
CREATE POLICY eligibility_report_tenant ON registry.eligibility_report
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.eligibility_report TO jichi_app;

-- 3. 戸籍附票システムへの通知 (spec §7.2.4): the 附票 notice of a person whose 本籍 is in this municipality, written in
--    the 本登録 transaction (with the change's feed number, so the order is the order of commits) and read by the
--    municipality's 戸籍附票 system (a feed consumer of kind '戸籍附票'). The content is fixed when written.
CREATE TABLE registry.fuhyo_notice (
  municipality_code char(6)     NOT NULL,
  feed_seq          bigint      NOT NULL,
  position          integer     NOT NULL,
  change_id         uuid        NOT NULL,
  person_id         uuid        NOT NULL,
  history_no        integer     NOT NULL,
  content           jsonb       NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fuhyo_notice_pkey PRIMARY KEY (municipality_code, feed_seq, position)
);
ALTER TABLE registry.fuhyo_notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.fuhyo_notice FORCE ROW LEVEL SECURITY;
CREATE POLICY fuhyo_notice_tenant ON registry.fuhyo_notice
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.fuhyo_notice TO jichi_app;
