-- Issue #13 (spec §1.3.3, §1.1.17): the national address dictionary for addresses in other municipalities (本籍,
-- 転入前住所, 転出先). Reference data, no resident data: the 町字 and postal codes of any municipality whose ABR 町字マスター
-- (and KEN_ALL rows) were loaded by `jichi registry addresses load --municipality <any code>`, written by the owner
-- (a maintenance load), read by every tenant; the 都道府県 → 市区町村 levels come from platform.municipality.
CREATE TABLE registry.national_town (
  municipality_code char(6)     NOT NULL,
  town_code         text        NOT NULL,
  name              text        NOT NULL,
  name_kana         text        NOT NULL DEFAULT '',
  abr_machiaza_id   text,
  postal_code       text,
  abolished_on      text,
  source            text        NOT NULL,
  loaded_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT national_town_pkey PRIMARY KEY (municipality_code, town_code),
  CONSTRAINT national_town_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.municipality (code),
  CONSTRAINT national_town_code_check CHECK (town_code ~ '^[0-9]{7}$'),
  CONSTRAINT national_town_postal_code_check CHECK (postal_code IS NULL OR postal_code ~ '^[0-9]{7}$')
);
CREATE INDEX national_town_kana_idx ON registry.national_town (municipality_code, name_kana text_pattern_ops);
GRANT SELECT ON registry.national_town TO jichi_app;

CREATE TABLE registry.national_postal_code (
  postal_code       text    NOT NULL,
  municipality_code char(6) NOT NULL,
  area_name         text    NOT NULL,
  area_kana         text    NOT NULL DEFAULT '',
  town_code         text,
  CONSTRAINT national_postal_code_pkey PRIMARY KEY (postal_code, municipality_code, area_name),
  CONSTRAINT national_postal_code_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.municipality (code),
  CONSTRAINT national_postal_code_code_check CHECK (postal_code ~ '^[0-9]{7}$')
);
CREATE INDEX national_postal_code_municipality_idx ON registry.national_postal_code (municipality_code);
GRANT SELECT ON registry.national_postal_code TO jichi_app;
