-- DV等支援措置, the rest of spec §1.1.16 and §3.4: the 申出者's details, 仮支援措置 (provisional protection while the
-- 相談機関's opinion is awaited), the persons of a measure — 併せて支援を求める者 (co-protected, protected like the
-- 申出者) and the 加害者 (whose own requests are refused) — and each 延長 (extension by one year, on request).
ALTER TABLE registry.support_measure ADD COLUMN applicant jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE registry.support_measure ADD COLUMN provisional boolean NOT NULL DEFAULT false;
GRANT UPDATE (ends_on, provisional) ON registry.support_measure TO jichi_app;

CREATE TABLE registry.support_measure_party (
  municipality_code  char(6)     NOT NULL,
  party_id           uuid        NOT NULL,
  support_measure_id uuid        NOT NULL,
  role               text        NOT NULL,
  person_id          uuid,
  name               text        NOT NULL,
  name_kana          text        NOT NULL DEFAULT '',
  birth_date         text,
  sex                text,
  address            text        NOT NULL DEFAULT '',
  note               text        NOT NULL DEFAULT '',
  created_by         text        NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT support_measure_party_pkey PRIMARY KEY (municipality_code, party_id),
  CONSTRAINT support_measure_party_measure_fkey FOREIGN KEY (municipality_code, support_measure_id) REFERENCES registry.support_measure (municipality_code, support_measure_id),
  CONSTRAINT support_measure_party_person_fkey FOREIGN KEY (municipality_code, person_id) REFERENCES registry.person (municipality_code, person_id),
  CONSTRAINT support_measure_party_role_check CHECK (role IN ('co-protected', 'perpetrator')),
  CONSTRAINT support_measure_party_co_protected_check CHECK (role <> 'co-protected' OR person_id IS NOT NULL),
  CONSTRAINT support_measure_party_sex_check CHECK (sex IS NULL OR sex IN ('male', 'female'))
);
CREATE INDEX support_measure_party_measure_idx ON registry.support_measure_party (municipality_code, support_measure_id);
CREATE INDEX support_measure_party_person_idx ON registry.support_measure_party (municipality_code, person_id);
ALTER TABLE registry.support_measure_party ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.support_measure_party FORCE ROW LEVEL SECURITY;
CREATE POLICY support_measure_party_tenant ON registry.support_measure_party
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.support_measure_party TO jichi_app;

CREATE TABLE registry.support_measure_extension (
  municipality_code  char(6)     NOT NULL,
  extension_id       uuid        NOT NULL,
  support_measure_id uuid        NOT NULL,
  previous_ends_on   text        NOT NULL,
  new_ends_on        text        NOT NULL,
  requested_on       text        NOT NULL,
  created_by         text        NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT support_measure_extension_pkey PRIMARY KEY (municipality_code, extension_id),
  CONSTRAINT support_measure_extension_measure_fkey FOREIGN KEY (municipality_code, support_measure_id) REFERENCES registry.support_measure (municipality_code, support_measure_id),
  CONSTRAINT support_measure_extension_order_check CHECK (new_ends_on > previous_ends_on)
);
CREATE INDEX support_measure_extension_measure_idx ON registry.support_measure_extension (municipality_code, support_measure_id);
ALTER TABLE registry.support_measure_extension ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.support_measure_extension FORCE ROW LEVEL SECURITY;
CREATE POLICY support_measure_extension_tenant ON registry.support_measure_extension
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.support_measure_extension TO jichi_app;
