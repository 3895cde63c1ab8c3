-- DV等支援措置 (support measures for victims of DV, stalking, child abuse and similar; 住基法 12条6項 etc.,
-- spec §1.1.16, §3.4): who is protected, from when, on whose opinion. A measure never ends by itself: it
-- ends only by an explicit ending (ended_on), even after ends_on has passed (the clerk is alerted instead).
-- Tenant-owned: keys lead with municipality_code, forced row-level security with the tenant policy.
CREATE TABLE registry.support_measure (
  municipality_code  char(6)     NOT NULL,
  support_measure_id uuid        NOT NULL,
  person_id          uuid        NOT NULL,
  kind               text        NOT NULL,
  starts_on          text        NOT NULL,
  ends_on            text        NOT NULL,
  requesting_body    text        NOT NULL,
  note               text        NOT NULL DEFAULT '',
  created_by         text        NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  ended_on           text,
  end_reason         text,
  ended_by           text,
  ended_at           timestamptz,
  CONSTRAINT support_measure_pkey PRIMARY KEY (municipality_code, support_measure_id),
  CONSTRAINT support_measure_person_fkey FOREIGN KEY (municipality_code, person_id) REFERENCES registry.person (municipality_code, person_id),
  CONSTRAINT support_measure_kind_check CHECK (kind IN ('dv', 'stalking', 'child-abuse', 'other')),
  CONSTRAINT support_measure_starts_on_check CHECK (starts_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  CONSTRAINT support_measure_ends_on_check CHECK (ends_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND ends_on >= starts_on),
  CONSTRAINT support_measure_ended_on_check CHECK (ended_on IS NULL OR ended_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
CREATE INDEX support_measure_person_idx ON registry.support_measure (municipality_code, person_id);
ALTER TABLE registry.support_measure ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.support_measure FORCE ROW LEVEL SECURITY;
CREATE POLICY support_measure_tenant ON registry.support_measure
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.support_measure TO jichi_app;
GRANT UPDATE (ended_on, end_reason, ended_by, ended_at) ON registry.support_measure TO jichi_app;
