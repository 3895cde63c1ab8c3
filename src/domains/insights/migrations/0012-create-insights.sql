-- 見える化 (insights, issue #12): processing time and cost per municipality, comparison between municipalities,
-- the reform surveys. Tenant-owned tables lead with municipality_code under forced row-level security; the peer
-- aggregates and the survey results are global tables without personal data (no municipality can be singled out:
-- a peer row is shown only when at least five municipalities contribute or all of them agreed to be named).

CREATE SCHEMA IF NOT EXISTS insights;
GRANT USAGE ON SCHEMA insights TO jichi_app;

-- The municipality's settings for the insights: population (for the peer band), the hourly staff cost, the counter
-- baseline (minutes of staff time a counter case of a procedure takes when no counter case was measured), and
-- whether it agrees to be named beside its peers.
CREATE TABLE insights.profile (
  municipality_code        char(6)     NOT NULL,
  population               integer,
  hourly_cost_yen          integer     NOT NULL DEFAULT 4000,
  counter_baseline_minutes integer     NOT NULL DEFAULT 20,
  named_consent            boolean     NOT NULL DEFAULT false,
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT profile_pkey PRIMARY KEY (municipality_code),
  CONSTRAINT profile_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT profile_population_check CHECK (population IS NULL OR population > 0),
  CONSTRAINT profile_cost_check CHECK (hourly_cost_yen > 0 AND counter_baseline_minutes > 0)
);
ALTER TABLE insights.profile ENABLE ROW LEVEL SECURITY;
ALTER TABLE insights.profile FORCE ROW LEVEL SECURITY;
CREATE POLICY profile_tenant ON insights.profile
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON insights.profile TO jichi_app;
GRANT UPDATE (population, hourly_cost_yen, counter_baseline_minutes, named_consent, updated_at) ON insights.profile TO jichi_app;

-- One row per closed case (materialised from the case tables by the daily refresh): no personal data, only times.
CREATE TABLE insights.case_fact (
  municipality_code char(6)  NOT NULL,
  case_id           uuid     NOT NULL,
  procedure         text     NOT NULL,
  channel           text     NOT NULL,
  month             text     NOT NULL,
  closed_on         text     NOT NULL,
  lead_seconds      integer  NOT NULL,
  touch_seconds     integer  NOT NULL,
  auto_approved     boolean  NOT NULL,
  within_legal      boolean,
  within_target     boolean,
  CONSTRAINT case_fact_pkey PRIMARY KEY (municipality_code, case_id),
  CONSTRAINT case_fact_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id),
  CONSTRAINT case_fact_month_check CHECK (month ~ '^[0-9]{4}-[0-9]{2}$')
);
CREATE INDEX case_fact_month_idx ON insights.case_fact (municipality_code, month, procedure);
CREATE INDEX case_fact_closed_idx ON insights.case_fact (municipality_code, closed_on);
ALTER TABLE insights.case_fact ENABLE ROW LEVEL SECURITY;
ALTER TABLE insights.case_fact FORCE ROW LEVEL SECURITY;
CREATE POLICY case_fact_tenant ON insights.case_fact
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, DELETE ON insights.case_fact TO jichi_app;

-- Metrics per month, procedure ('all' for every procedure) and channel ('all' for every channel).
CREATE TABLE insights.metric_month (
  municipality_code     char(6)  NOT NULL,
  month                 text     NOT NULL,
  procedure             text     NOT NULL,
  channel               text     NOT NULL,
  cases                 integer  NOT NULL,
  lead_median_hours     numeric(14,4)  NOT NULL,
  lead_p90_hours        numeric(14,4)  NOT NULL,
  touch_minutes_avg     numeric(14,4)  NOT NULL,
  waiting_hours_avg     numeric(14,4)  NOT NULL,
  within_legal_share    numeric(14,4),
  within_target_share   numeric(14,4),
  online_share          numeric(14,4)  NOT NULL,
  auto_share            numeric(14,4)  NOT NULL,
  cost_per_case_yen     numeric(14,4)  NOT NULL,
  hours_saved           numeric(14,4)  NOT NULL,
  CONSTRAINT metric_month_pkey PRIMARY KEY (municipality_code, month, procedure, channel),
  CONSTRAINT metric_month_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code)
);
ALTER TABLE insights.metric_month ENABLE ROW LEVEL SECURITY;
ALTER TABLE insights.metric_month FORCE ROW LEVEL SECURITY;
CREATE POLICY metric_month_tenant ON insights.metric_month
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, DELETE ON insights.metric_month TO jichi_app;

-- Counter waiting and service times per month (from counter.ticket).
CREATE TABLE insights.counter_month (
  municipality_code   char(6)  NOT NULL,
  month               text     NOT NULL,
  tickets             integer  NOT NULL,
  wait_median_minutes numeric(14,4)  NOT NULL,
  wait_p90_minutes    numeric(14,4)  NOT NULL,
  service_avg_minutes numeric(14,4)  NOT NULL,
  CONSTRAINT counter_month_pkey PRIMARY KEY (municipality_code, month),
  CONSTRAINT counter_month_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code)
);
ALTER TABLE insights.counter_month ENABLE ROW LEVEL SECURITY;
ALTER TABLE insights.counter_month FORCE ROW LEVEL SECURITY;
CREATE POLICY counter_month_tenant ON insights.counter_month
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, DELETE ON insights.counter_month TO jichi_app;

-- 団体間比較 (global, no personal data, no municipality code): quartiles of each metric among municipalities of one
-- class and population band ('all' for every band). Written by the refresh as the owner.
CREATE TABLE insights.peer_month (
  month              text    NOT NULL,
  procedure          text    NOT NULL,
  channel            text    NOT NULL,
  municipality_class text    NOT NULL,
  population_band    text    NOT NULL,
  metric             text    NOT NULL,
  contributors       integer NOT NULL,
  all_named          boolean NOT NULL,
  p25                numeric(14,4) NOT NULL,
  median             numeric(14,4) NOT NULL,
  p75                numeric(14,4) NOT NULL,
  CONSTRAINT peer_month_pkey PRIMARY KEY (month, procedure, channel, municipality_class, population_band, metric)
);
GRANT SELECT ON insights.peer_month TO jichi_app;

-- 定例調査 definitions as data (窓口業務の民間委託, 総合窓口の導入, …), with the KPI where one was set.
CREATE TABLE insights.survey (
  survey_code     text    NOT NULL,
  sort_order      integer NOT NULL,
  title_ja        text    NOT NULL,
  title_en        text    NOT NULL,
  definition_ja   text    NOT NULL,
  kpi_baseline    integer,
  kpi_baseline_label text,
  kpi_target      integer,
  kpi_target_label text,
  includes_prefectures boolean NOT NULL DEFAULT false,
  CONSTRAINT survey_pkey PRIMARY KEY (survey_code)
);
GRANT SELECT ON insights.survey TO jichi_app;

-- A municipality's answer for one survey and reference date; the class is the municipality's class on that date.
-- Answered in the console by the municipality (tenants) or imported by the operator from the national survey; the
-- survey code and the municipality code are checked by the service (a key into global tables would cross shards).
CREATE TABLE insights.survey_answer (
  municipality_code  char(6)     NOT NULL,
  survey_code        text        NOT NULL,
  reference_date     text        NOT NULL,
  implemented        boolean     NOT NULL,
  municipality_class text        NOT NULL,
  note               text        NOT NULL DEFAULT '',
  answered_by        text        NOT NULL,
  answered_at        timestamptz NOT NULL,
  CONSTRAINT survey_answer_pkey PRIMARY KEY (municipality_code, survey_code, reference_date),
  CONSTRAINT survey_answer_date_check CHECK (reference_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  CONSTRAINT survey_answer_class_check CHECK (municipality_class IN ('都道府県', '指定都市', '中核市', '特別区', '一般市', '町村'))
);
ALTER TABLE insights.survey_answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE insights.survey_answer FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_answer_tenant ON insights.survey_answer
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON insights.survey_answer TO jichi_app;
GRANT UPDATE (implemented, note, answered_by, answered_at) ON insights.survey_answer TO jichi_app;

-- Results per survey, reference date and class (導入団体数 / 団体数), written by the refresh: the public open data.
CREATE TABLE insights.survey_result (
  survey_code        text    NOT NULL,
  reference_date     text    NOT NULL,
  municipality_class text    NOT NULL,
  implemented        integer NOT NULL,
  total              integer NOT NULL,
  CONSTRAINT survey_result_pkey PRIMARY KEY (survey_code, reference_date, municipality_class),
  CONSTRAINT survey_result_survey_fkey FOREIGN KEY (survey_code) REFERENCES insights.survey (survey_code)
);
GRANT SELECT ON insights.survey_result TO jichi_app;

INSERT INTO insights.survey (survey_code, sort_order, title_ja, title_en, definition_ja, kpi_baseline, kpi_baseline_label, kpi_target, kpi_target_label, includes_prefectures) VALUES
  ('counter-outsourcing', 1, '窓口業務の民間委託', 'Outsourcing of counter services',
   '内閣府通知で民間事業者に取り扱わせることができると整理された窓口業務のいずれかを委託していること。',
   208, '2014年10月', 416, '2020年度', false),
  ('one-stop-counter', 2, '総合窓口の導入', 'One-stop counter',
   '住民等からの各種申請等（戸籍・住民基本台帳業務、税証明、福祉業務等）に関する受付部署を複数部署から1部署に集約し、例外的なケースを除きワンストップで対応が完結する取組。',
   185, '2014年10月', 370, '2020年度', false),
  ('clerical-consolidation', 3, '庶務業務の集約化', 'Consolidation of clerical work',
   '人事・給与・旅費・福利厚生等の庶務業務について、庶務事務システム等を使用して発生源入力を行い、審査確認等の担当部局を集約し、各部局の庶務担当者の業務を削減する取組を行っていること。',
   NULL, NULL, NULL, NULL, true),
  ('ai-rpa', 4, 'AI・RPA の導入', 'AI and RPA',
   'AI（音声認識、文字認識、チャットボット等）又は RPA をいずれかの業務に導入していること。',
   NULL, NULL, NULL, NULL, false);
