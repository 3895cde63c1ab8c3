-- Issue #13 (spec §1.1.15): メモ, internal notes of the registry section on a person or a household. Who wrote each
-- version and when is kept (append-only revisions: a change or a deletion is a new revision); never printed on a
-- certificate (certificates read the person's record, never this table). Tenant rows under forced RLS.
CREATE TABLE registry.memo (
  municipality_code char(6)     NOT NULL,
  memo_id           uuid        NOT NULL,
  subject_type      text        NOT NULL,
  subject_id        uuid        NOT NULL,
  created_by        text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT memo_pkey PRIMARY KEY (municipality_code, memo_id),
  CONSTRAINT memo_subject_type_check CHECK (subject_type IN ('person', 'household'))
);
CREATE INDEX memo_subject_idx ON registry.memo (municipality_code, subject_id);
ALTER TABLE registry.memo ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.memo FORCE ROW LEVEL SECURITY;
CREATE POLICY memo_tenant ON registry.memo
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.memo TO jichi_app;

CREATE TABLE registry.memo_revision (
  municipality_code char(6)     NOT NULL,
  memo_id           uuid        NOT NULL,
  revision_no       integer     NOT NULL,
  body              text        NOT NULL,
  deleted           boolean     NOT NULL DEFAULT false,
  written_by        text        NOT NULL,
  written_by_name   text        NOT NULL,
  written_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT memo_revision_pkey PRIMARY KEY (municipality_code, memo_id, revision_no),
  CONSTRAINT memo_revision_memo_fkey FOREIGN KEY (municipality_code, memo_id) REFERENCES registry.memo (municipality_code, memo_id),
  CONSTRAINT memo_revision_no_check CHECK (revision_no >= 1),
  CONSTRAINT memo_revision_body_check CHECK (deleted OR length(body) BETWEEN 1 AND 2000)
);
ALTER TABLE registry.memo_revision ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.memo_revision FORCE ROW LEVEL SECURITY;
CREATE POLICY memo_revision_tenant ON registry.memo_revision
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.memo_revision TO jichi_app;
