-- Issue #13 (spec §1.3.2–1.3.4, §1.1.17): the municipality's address masters as data, loaded per municipality by
-- `jichi registry addresses load` (町字 from the アドレス・ベース・レジストリ or Geolonia 住所データ, postal codes in the
-- Japan Post KEN_ALL layout), never compiled into code.
--   town           町字マスター: code (the ABR 町字ID when loaded from the ABR, else the project's own stable code),
--                  name and kana, postal code, 住居表示 implemented, validity.
--   postal_code    郵便番号 → 町域 (a postal code may cover several 町字 and one 町字 several postal codes).
--   address_number 住居表示 (街区符号・住居番号) and 地番 per 町字, with a numeric sort code (spec §1.3.2).
--   katagaki       方書 (building names) per 町字 and 番地 (spec §1.3.4).
CREATE TABLE registry.town (
  municipality_code   char(6)     NOT NULL,
  town_code           text        NOT NULL,
  name                text        NOT NULL,
  name_kana           text        NOT NULL DEFAULT '',
  abr_machiaza_id     text,
  postal_code         text,
  residence_indication boolean    NOT NULL DEFAULT false,
  valid_from          text,
  abolished_on        text,
  source              text        NOT NULL,
  loaded_by           text        NOT NULL,
  loaded_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT town_pkey PRIMARY KEY (municipality_code, town_code),
  CONSTRAINT town_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT town_code_check CHECK (town_code ~ '^[0-9]{7}$'),
  CONSTRAINT town_postal_code_check CHECK (postal_code IS NULL OR postal_code ~ '^[0-9]{7}$'),
  CONSTRAINT town_abr_id_check CHECK (abr_machiaza_id IS NULL OR abr_machiaza_id ~ '^[0-9]{7}$')
);
CREATE INDEX town_kana_idx ON registry.town (municipality_code, name_kana text_pattern_ops);
ALTER TABLE registry.town ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.town FORCE ROW LEVEL SECURITY;
CREATE POLICY town_tenant ON registry.town
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON registry.town TO jichi_app;

CREATE TABLE registry.postal_code (
  municipality_code char(6) NOT NULL,
  postal_code       text    NOT NULL,
  area_name         text    NOT NULL,
  area_kana         text    NOT NULL DEFAULT '',
  town_code         text,
  CONSTRAINT postal_code_pkey PRIMARY KEY (municipality_code, postal_code, area_name),
  CONSTRAINT postal_code_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT postal_code_code_check CHECK (postal_code ~ '^[0-9]{7}$')
);
ALTER TABLE registry.postal_code ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.postal_code FORCE ROW LEVEL SECURITY;
CREATE POLICY postal_code_tenant ON registry.postal_code
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON registry.postal_code TO jichi_app;

CREATE TABLE registry.address_number (
  municipality_code char(6)     NOT NULL,
  town_code         text        NOT NULL,
  kind              text        NOT NULL,
  label             text        NOT NULL,
  sort_code         text        NOT NULL,
  abolished_on      text,
  created_by        text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT address_number_pkey PRIMARY KEY (municipality_code, town_code, kind, label),
  CONSTRAINT address_number_town_fkey FOREIGN KEY (municipality_code, town_code) REFERENCES registry.town (municipality_code, town_code),
  CONSTRAINT address_number_kind_check CHECK (kind IN ('residence', 'lot'))
);
CREATE INDEX address_number_sort_idx ON registry.address_number (municipality_code, town_code, kind, sort_code);
ALTER TABLE registry.address_number ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.address_number FORCE ROW LEVEL SECURITY;
CREATE POLICY address_number_tenant ON registry.address_number
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON registry.address_number TO jichi_app;

CREATE TABLE registry.katagaki (
  municipality_code char(6)     NOT NULL,
  town_code         text        NOT NULL,
  banchi            text        NOT NULL,
  name              text        NOT NULL,
  name_kana         text        NOT NULL DEFAULT '',
  abolished_on      text,
  created_by        text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT katagaki_pkey PRIMARY KEY (municipality_code, town_code, banchi, name),
  CONSTRAINT katagaki_town_fkey FOREIGN KEY (municipality_code, town_code) REFERENCES registry.town (municipality_code, town_code)
);
ALTER TABLE registry.katagaki ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.katagaki FORCE ROW LEVEL SECURITY;
CREATE POLICY katagaki_tenant ON registry.katagaki
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON registry.katagaki TO jichi_app;
