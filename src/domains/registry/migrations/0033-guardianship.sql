-- Issue #13 (spec §9.4): 成年被後見人. The 法務局's notices of 後見開始 and 後見終了 (後見登記) of a resident, recorded per
-- person from the 法務局's file or by staff; append-only history (a correction is a new notice). Whether a person is
-- under guardianship on a day is the last notice effective on or before it. Read and written by the registry section's
-- 審査・決裁 only (registry:guardianship); never readable by jichi_public.
CREATE TABLE registry.guardianship_notice (
  municipality_code char(6)     NOT NULL,
  notice_id         uuid        NOT NULL,
  person_id         uuid        NOT NULL,
  event             text        NOT NULL,
  effective_on      date        NOT NULL,
  registration_no   text        NOT NULL,
  notified_on       date        NOT NULL,
  source            text        NOT NULL,
  recorded_by       text        NOT NULL,
  recorded_by_name  text        NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT guardianship_notice_pkey PRIMARY KEY (municipality_code, notice_id),
  CONSTRAINT guardianship_notice_uq UNIQUE (municipality_code, person_id, event, effective_on),
  CONSTRAINT guardianship_notice_event_check CHECK (event IN ('start', 'end')),
  CONSTRAINT guardianship_notice_source_check CHECK (source IN ('file', 'staff')),
  CONSTRAINT guardianship_notice_registration_no_check CHECK (length(registration_no) BETWEEN 1 AND 40)
);
CREATE INDEX guardianship_notice_person_idx ON registry.guardianship_notice (municipality_code, person_id);
ALTER TABLE registry.guardianship_notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.guardianship_notice FORCE ROW LEVEL SECURITY;
CREATE POLICY guardianship_notice_tenant ON registry.guardianship_notice
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.guardianship_notice TO jichi_app;
