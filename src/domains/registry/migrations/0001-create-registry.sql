-- Resident registry (住民記録): households, persons, append-only changes (異動) and snapshots (履歴),
-- the current-state projection used for search, and the encrypted 個人番号 vault.
-- Every table is tenant-owned: keys lead with municipality_code, forced row-level security.
-- Dates are ISO text 'YYYY-MM-DD' (legal dates may be non-calendar, e.g. 平成3年2月29日, spec §1.1.8).

CREATE SCHEMA IF NOT EXISTS registry;
GRANT USAGE ON SCHEMA registry TO jichi_app;

-- 世帯: identity and the optimistic-concurrency version; membership lives in the person snapshots.
CREATE TABLE registry.household (
  municipality_code char(6)     NOT NULL,
  household_id      uuid        NOT NULL,
  household_no      text        NOT NULL,
  version           integer     NOT NULL DEFAULT 0,
  pending_change_id uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT household_pkey PRIMARY KEY (municipality_code, household_id),
  CONSTRAINT household_no_uq UNIQUE (municipality_code, household_no),
  CONSTRAINT household_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code)
);
ALTER TABLE registry.household ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.household FORCE ROW LEVEL SECURITY;
CREATE POLICY household_tenant ON registry.household
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.household TO jichi_app;
GRANT UPDATE (version, pending_change_id) ON registry.household TO jichi_app;

-- 異動: one immutable event per change; only its status moves (仮登録 → 本登録 or 取下げ).
CREATE TABLE registry.change (
  municipality_code char(6)     NOT NULL,
  change_id         uuid        NOT NULL,
  kind              text        NOT NULL,
  reason_code       text        NOT NULL,
  status            text        NOT NULL,
  occurred_on       text        NOT NULL,
  notified_on       text,
  processed_on      text        NOT NULL,
  processed_at      timestamptz NOT NULL DEFAULT now(),
  ex_officio        boolean     NOT NULL DEFAULT false,
  notifier          text        NOT NULL DEFAULT '',
  operator_id       text        NOT NULL,
  decided_by        text,
  decided_at        timestamptz,
  cancels_change_id uuid,
  person_ids        uuid[]      NOT NULL,
  household_ids     uuid[]      NOT NULL,
  alerts            jsonb       NOT NULL DEFAULT '[]'::jsonb,
  note              text        NOT NULL DEFAULT '',
  CONSTRAINT change_pkey PRIMARY KEY (municipality_code, change_id),
  CONSTRAINT change_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT change_cancels_fkey FOREIGN KEY (municipality_code, cancels_change_id) REFERENCES registry.change (municipality_code, change_id),
  CONSTRAINT change_status_check CHECK (status IN ('provisional', 'final', 'withdrawn')),
  CONSTRAINT change_occurred_on_check CHECK (occurred_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  CONSTRAINT change_processed_on_check CHECK (processed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
CREATE INDEX change_provisional_idx ON registry.change (municipality_code, processed_at) WHERE status = 'provisional';
ALTER TABLE registry.change ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.change FORCE ROW LEVEL SECURITY;
CREATE POLICY change_tenant ON registry.change
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.change TO jichi_app;
GRANT UPDATE (status, decided_by, decided_at) ON registry.change TO jichi_app;

-- 個人: the stable identity (宛名番号); everything else is in the snapshots.
CREATE TABLE registry.person (
  municipality_code char(6)     NOT NULL,
  person_id         uuid        NOT NULL,
  atena_no          text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_pkey PRIMARY KEY (municipality_code, person_id),
  CONSTRAINT person_atena_no_uq UNIQUE (municipality_code, atena_no),
  CONSTRAINT person_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code)
);
ALTER TABLE registry.person ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.person FORCE ROW LEVEL SECURITY;
CREATE POLICY person_tenant ON registry.person
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.person TO jichi_app;

-- 履歴: one full snapshot per person per change (履歴番号 1, 2, …). Append-only.
CREATE TABLE registry.person_snapshot (
  municipality_code char(6)  NOT NULL,
  person_id         uuid     NOT NULL,
  history_no        integer  NOT NULL,
  change_id         uuid     NOT NULL,
  effective_on      text     NOT NULL,
  household_id      uuid     NOT NULL,
  relationship      text     NOT NULL,
  member_order      integer  NOT NULL,
  resident_kind     text     NOT NULL,
  removed_on        text,
  removal_reason    text,
  birth_sort        text     NOT NULL,
  sex               text     NOT NULL,
  town_code         text,
  my_number_index   text,
  record            jsonb    NOT NULL,
  CONSTRAINT person_snapshot_pkey PRIMARY KEY (municipality_code, person_id, history_no),
  CONSTRAINT person_snapshot_person_fkey FOREIGN KEY (municipality_code, person_id) REFERENCES registry.person (municipality_code, person_id),
  CONSTRAINT person_snapshot_change_fkey FOREIGN KEY (municipality_code, change_id) REFERENCES registry.change (municipality_code, change_id),
  CONSTRAINT person_snapshot_household_fkey FOREIGN KEY (municipality_code, household_id) REFERENCES registry.household (municipality_code, household_id),
  CONSTRAINT person_snapshot_history_no_check CHECK (history_no >= 1),
  CONSTRAINT person_snapshot_resident_kind_check CHECK (resident_kind IN ('japanese', 'foreign')),
  CONSTRAINT person_snapshot_sex_check CHECK (sex IN ('male', 'female'))
);
CREATE INDEX person_snapshot_change_idx ON registry.person_snapshot (municipality_code, change_id);
CREATE INDEX person_snapshot_my_number_idx ON registry.person_snapshot (municipality_code, my_number_index) WHERE my_number_index IS NOT NULL;
ALTER TABLE registry.person_snapshot ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.person_snapshot FORCE ROW LEVEL SECURITY;
CREATE POLICY person_snapshot_tenant ON registry.person_snapshot
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.person_snapshot TO jichi_app;

-- The current final (本登録) state of each person: a projection of the latest final snapshot, kept for
-- search. Search keys are folded copies (name-folding.ts); the stored names in `record` are never normalised.
CREATE TABLE registry.person_current (
  municipality_code char(6)  NOT NULL,
  person_id         uuid     NOT NULL,
  history_no        integer  NOT NULL,
  household_id      uuid     NOT NULL,
  relationship      text     NOT NULL,
  member_order      integer  NOT NULL,
  resident_kind     text     NOT NULL,
  removed_on        text,
  removal_reason    text,
  name_key          text     NOT NULL,
  given_key         text     NOT NULL,
  kana_key          text     NOT NULL,
  given_kana_key    text     NOT NULL,
  other_key         text     NOT NULL DEFAULT '',
  birth_sort        text     NOT NULL,
  sex               text     NOT NULL,
  town_code         text,
  address_key       text     NOT NULL DEFAULT '',
  resident_code     text,
  my_number_index   text,
  residence_card_no text,
  pending_change_id uuid,
  record            jsonb    NOT NULL,
  CONSTRAINT person_current_pkey PRIMARY KEY (municipality_code, person_id),
  CONSTRAINT person_current_person_fkey FOREIGN KEY (municipality_code, person_id) REFERENCES registry.person (municipality_code, person_id),
  CONSTRAINT person_current_household_fkey FOREIGN KEY (municipality_code, household_id) REFERENCES registry.household (municipality_code, household_id)
);
-- Prefix search on folded keys (btree text_pattern_ops works on PostgreSQL 15 and PGlite alike; pg_trgm is
-- not loaded in PGlite, so partial matches scan the compact key columns).
CREATE INDEX person_current_name_key_idx ON registry.person_current (municipality_code, name_key text_pattern_ops);
CREATE INDEX person_current_given_key_idx ON registry.person_current (municipality_code, given_key text_pattern_ops);
CREATE INDEX person_current_kana_key_idx ON registry.person_current (municipality_code, kana_key text_pattern_ops);
CREATE INDEX person_current_given_kana_key_idx ON registry.person_current (municipality_code, given_kana_key text_pattern_ops);
CREATE INDEX person_current_birth_idx ON registry.person_current (municipality_code, birth_sort);
CREATE INDEX person_current_household_idx ON registry.person_current (municipality_code, household_id);
CREATE INDEX person_current_town_idx ON registry.person_current (municipality_code, town_code);
CREATE INDEX person_current_resident_code_idx ON registry.person_current (municipality_code, resident_code);
CREATE INDEX person_current_my_number_idx ON registry.person_current (municipality_code, my_number_index);
CREATE INDEX person_current_card_idx ON registry.person_current (municipality_code, residence_card_no);
ALTER TABLE registry.person_current ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.person_current FORCE ROW LEVEL SECURITY;
CREATE POLICY person_current_tenant ON registry.person_current
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE ON registry.person_current TO jichi_app;

-- 個人番号 vault: AES-256-GCM ciphertext keyed by a keyed hash (HMAC-SHA256) of the number, so that
-- snapshots refer to the number without holding it and rotation re-encrypts one row per number.
CREATE TABLE registry.my_number_vault (
  municipality_code char(6) NOT NULL,
  my_number_index   text    NOT NULL,
  key_id            text    NOT NULL,
  ciphertext        text    NOT NULL,
  CONSTRAINT my_number_vault_pkey PRIMARY KEY (municipality_code, my_number_index),
  CONSTRAINT my_number_vault_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code)
);
ALTER TABLE registry.my_number_vault ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.my_number_vault FORCE ROW LEVEL SECURITY;
CREATE POLICY my_number_vault_tenant ON registry.my_number_vault
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.my_number_vault TO jichi_app;
GRANT UPDATE (key_id, ciphertext) ON registry.my_number_vault TO jichi_app;
