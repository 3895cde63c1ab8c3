-- Daycare admission allocation (保育所等利用調整): rounds (一次・二次), facilities with posted seats per age
-- class, applications (households and children with the facts scored), and allocation runs (the stored
-- request and result in exchange format v1 with their audit record). Every table is tenant-owned: keys
-- lead with municipality_code, forced row-level security. Allocation runs are append-only.

CREATE SCHEMA IF NOT EXISTS daycare;
GRANT USAGE ON SCHEMA daycare TO jichi_app;

-- 利用調整の回: 一次 (primary) or 二次 (secondary, built from a confirmed earlier round whose offers stay frozen).
CREATE TABLE daycare.round (
  municipality_code char(6)     NOT NULL,
  round_id          text        NOT NULL,
  name              text        NOT NULL,
  kind              text        NOT NULL,
  reference_date    text        NOT NULL,
  status            text        NOT NULL DEFAULT 'open',
  policy            jsonb       NOT NULL,
  rule_table        jsonb,
  previous_round_id text,
  meta              jsonb,
  current_run_no    integer,
  created_at        timestamptz NOT NULL DEFAULT now(),
  created_by        text        NOT NULL,
  confirmed_at      timestamptz,
  confirmed_by      text,
  CONSTRAINT round_pkey PRIMARY KEY (municipality_code, round_id),
  CONSTRAINT round_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT round_previous_round_fkey FOREIGN KEY (municipality_code, previous_round_id) REFERENCES daycare.round (municipality_code, round_id),
  CONSTRAINT round_id_check CHECK (round_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  CONSTRAINT round_kind_check CHECK (kind IN ('primary', 'secondary')),
  CONSTRAINT round_status_check CHECK (status IN ('open', 'allocated', 'confirmed')),
  CONSTRAINT round_reference_date_check CHECK (reference_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  CONSTRAINT round_secondary_check CHECK (kind = 'primary' OR previous_round_id IS NOT NULL)
);
ALTER TABLE daycare.round ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare.round FORCE ROW LEVEL SECURITY;
CREATE POLICY round_tenant ON daycare.round
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON daycare.round TO jichi_app;
GRANT UPDATE (status, current_run_no, confirmed_at, confirmed_by) ON daycare.round TO jichi_app;

-- 施設と年齢クラス別の募集人数 (0歳児〜5歳児クラス) in this round; `position` keeps the published order.
CREATE TABLE daycare.facility (
  municipality_code char(6)   NOT NULL,
  round_id          text      NOT NULL,
  facility_id       text      NOT NULL,
  position          integer   NOT NULL,
  name              text      NOT NULL DEFAULT '',
  seats             integer[] NOT NULL,
  CONSTRAINT facility_pkey PRIMARY KEY (municipality_code, round_id, facility_id),
  CONSTRAINT facility_round_fkey FOREIGN KEY (municipality_code, round_id) REFERENCES daycare.round (municipality_code, round_id),
  CONSTRAINT facility_seats_check CHECK (cardinality(seats) = 6 AND 0 <= ALL (seats))
);
ALTER TABLE daycare.facility ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare.facility FORCE ROW LEVEL SECURITY;
CREATE POLICY facility_tenant ON daycare.facility
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON daycare.facility TO jichi_app;
GRANT UPDATE (name, seats) ON daycare.facility TO jichi_app;

-- 申込世帯: the joint preferences of siblings (or a sibling pattern 1–7 to expand).
CREATE TABLE daycare.household (
  municipality_code  char(6)  NOT NULL,
  round_id           text     NOT NULL,
  household_id       text     NOT NULL,
  position           integer  NOT NULL,
  guardian_name      text     NOT NULL DEFAULT '',
  joint_preferences  jsonb,
  sibling_pattern    smallint,
  carried_from_round text,
  CONSTRAINT household_pkey PRIMARY KEY (municipality_code, round_id, household_id),
  CONSTRAINT household_round_fkey FOREIGN KEY (municipality_code, round_id) REFERENCES daycare.round (municipality_code, round_id),
  CONSTRAINT household_sibling_pattern_check CHECK (sibling_pattern IS NULL OR sibling_pattern BETWEEN 1 AND 7)
);
ALTER TABLE daycare.household ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare.household FORCE ROW LEVEL SECURITY;
CREATE POLICY household_tenant ON daycare.household
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON daycare.household TO jichi_app;

-- 申込児童: preferences (希望順位), the priority index (利用調整指数) with its breakdown and the facts scored.
CREATE TABLE daycare.application (
  municipality_code   char(6)          NOT NULL,
  round_id            text             NOT NULL,
  child_id            text             NOT NULL,
  household_id        text             NOT NULL,
  position            smallint         NOT NULL,
  child_name          text             NOT NULL DEFAULT '',
  age_class           smallint         NOT NULL,
  current_facility_id text,
  preferences         text[]           NOT NULL,
  score               double precision NOT NULL,
  score_by_facility   jsonb            NOT NULL DEFAULT '{}'::jsonb,
  tie_break           jsonb            NOT NULL DEFAULT '{}'::jsonb,
  facts               jsonb,
  score_items         jsonb,
  created_at          timestamptz      NOT NULL DEFAULT now(),
  CONSTRAINT application_pkey PRIMARY KEY (municipality_code, round_id, child_id),
  CONSTRAINT application_household_fkey FOREIGN KEY (municipality_code, round_id, household_id)
    REFERENCES daycare.household (municipality_code, round_id, household_id),
  CONSTRAINT application_household_position_uq UNIQUE (municipality_code, round_id, household_id, position),
  CONSTRAINT application_age_class_check CHECK (age_class BETWEEN 0 AND 5)
);
ALTER TABLE daycare.application ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare.application FORCE ROW LEVEL SECURITY;
CREATE POLICY application_tenant ON daycare.application
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON daycare.application TO jichi_app;

-- 選考の実行記録 (append-only): the exact request and result bytes, the input hash and the engine version.
CREATE TABLE daycare.allocation_run (
  municipality_code char(6)     NOT NULL,
  round_id          text        NOT NULL,
  run_no            integer     NOT NULL,
  input_sha256      char(64)    NOT NULL,
  engine_name       text        NOT NULL,
  engine_version    text        NOT NULL,
  algorithm         text        NOT NULL,
  status            text        NOT NULL,
  metrics           jsonb       NOT NULL,
  request_json      text        NOT NULL,
  result_json       text        NOT NULL,
  result_sha256     char(64)    NOT NULL,
  runtime_ms        integer     NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  created_by        text        NOT NULL,
  CONSTRAINT allocation_run_pkey PRIMARY KEY (municipality_code, round_id, run_no),
  CONSTRAINT allocation_run_round_fkey FOREIGN KEY (municipality_code, round_id) REFERENCES daycare.round (municipality_code, round_id)
    DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT allocation_run_status_check CHECK (status IN ('STABLE', 'UNSTABLE', 'INVALID'))
);
ALTER TABLE daycare.allocation_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare.allocation_run FORCE ROW LEVEL SECURITY;
CREATE POLICY allocation_run_tenant ON daycare.allocation_run
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON daycare.allocation_run TO jichi_app;

-- round ↔ allocation_run is a cycle: both keys are deferrable so a backup restores in one pass.
ALTER TABLE daycare.round ADD CONSTRAINT round_current_run_fkey
  FOREIGN KEY (municipality_code, round_id, current_run_no) REFERENCES daycare.allocation_run (municipality_code, round_id, run_no)
  DEFERRABLE INITIALLY IMMEDIATE;
