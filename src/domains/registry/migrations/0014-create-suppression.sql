-- 抑止 (suppression, spec §3.1, §3.2, §9.2): a stop or a warning on one operation (証明書発行, 照会・検索, 異動入力,
-- 連携, 閲覧, 抽出) for a person or a whole household, at a level (error = the operation is refused, alert = the clerk
-- is warned), from a start date. It never ends by itself: only an explicit 解除 (ended_*) ends it. A temporary lifting
-- (一時解除) lets the operation through for a limited time with a reason, then the suppression applies again; a
-- lifting is never propagated to other systems. Tenant-owned: keys lead with municipality_code, forced RLS.
CREATE TABLE registry.suppression (
  municipality_code char(6)     NOT NULL,
  suppression_id    uuid        NOT NULL,
  subject_type      text        NOT NULL,
  subject_id        uuid        NOT NULL,
  operation         text        NOT NULL,
  level             text        NOT NULL,
  reason            text        NOT NULL,
  starts_on         text        NOT NULL,
  created_by        text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  ended_on          text,
  end_reason        text,
  ended_by          text,
  ended_at          timestamptz,
  CONSTRAINT suppression_pkey PRIMARY KEY (municipality_code, suppression_id),
  CONSTRAINT suppression_subject_type_check CHECK (subject_type IN ('person', 'household')),
  CONSTRAINT suppression_operation_check CHECK (operation IN ('certificate', 'inquiry', 'change', 'feed', 'inspection', 'export')),
  CONSTRAINT suppression_level_check CHECK (level IN ('error', 'alert')),
  CONSTRAINT suppression_starts_on_check CHECK (starts_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  CONSTRAINT suppression_ended_on_check CHECK (ended_on IS NULL OR (ended_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND ended_on >= starts_on))
);
CREATE INDEX suppression_subject_idx ON registry.suppression (municipality_code, subject_id);
ALTER TABLE registry.suppression ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.suppression FORCE ROW LEVEL SECURITY;
CREATE POLICY suppression_tenant ON registry.suppression
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.suppression TO jichi_app;
GRANT UPDATE (ended_on, end_reason, ended_by, ended_at) ON registry.suppression TO jichi_app;

CREATE TABLE registry.suppression_lift (
  municipality_code char(6)     NOT NULL,
  lift_id           uuid        NOT NULL,
  suppression_id    uuid        NOT NULL,
  reason            text        NOT NULL,
  lifted_from       timestamptz NOT NULL,
  lifted_until      timestamptz NOT NULL,
  created_by        text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT suppression_lift_pkey PRIMARY KEY (municipality_code, lift_id),
  CONSTRAINT suppression_lift_suppression_fkey FOREIGN KEY (municipality_code, suppression_id) REFERENCES registry.suppression (municipality_code, suppression_id),
  CONSTRAINT suppression_lift_period_check CHECK (lifted_until > lifted_from)
);
CREATE INDEX suppression_lift_suppression_idx ON registry.suppression_lift (municipality_code, suppression_id);
ALTER TABLE registry.suppression_lift ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.suppression_lift FORCE ROW LEVEL SECURITY;
CREATE POLICY suppression_lift_tenant ON registry.suppression_lift
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.suppression_lift TO jichi_app;
