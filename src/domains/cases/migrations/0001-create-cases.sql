-- Cases (案件): case types as versioned data, cases with their append-only status history, assignments,
-- notes, correspondence (補正), decisions, automatic reviews, the event log and the job queue.
-- Every table is tenant-owned: keys lead with municipality_code, forced row-level security.
-- Calendar dates are ISO text 'YYYY-MM-DD' (business-day arithmetic is done in TypeScript, see business-days.ts).

CREATE SCHEMA IF NOT EXISTS cases;
GRANT USAGE ON SCHEMA cases TO jichi_app;

-- 手続定義 (ZAAKTYPE): one row per version; only drafts change; published versions of a code never overlap.
CREATE TABLE cases.case_type (
  municipality_code   char(6)     NOT NULL,
  case_type_id        uuid        NOT NULL,
  code                text        NOT NULL,
  version             integer     NOT NULL,
  status              text        NOT NULL DEFAULT 'draft',
  valid_from          text        NOT NULL,
  valid_to            text,
  title_ja            text        NOT NULL,
  title_en            text        NOT NULL,
  -- 法定処理期間 and 標準処理期間 (the municipality's service target), in business days.
  legal_period_days   integer     NOT NULL,
  service_target_days integer     NOT NULL,
  suspension_allowed  boolean     NOT NULL DEFAULT true,
  extension_allowed   boolean     NOT NULL DEFAULT false,
  extension_max_days  integer     NOT NULL DEFAULT 0,
  handler_roles       text[]      NOT NULL,
  decider_roles       text[]      NOT NULL,
  -- Approve automatically when every automatic-review rule passes.
  auto_approve        boolean     NOT NULL DEFAULT false,
  -- The automatic-review rules as data: [{ "rule": "identity-match", "params": {…} }, …].
  review_rules        jsonb       NOT NULL DEFAULT '[]'::jsonb,
  rule_version        text        NOT NULL,
  -- What an approval does: 'registry-move-within', 'registry-move-out', 'certificate', 'daycare-application', 'none'.
  effect              text        NOT NULL DEFAULT 'none',
  default_queue       text        NOT NULL DEFAULT 'review',
  fee_yen             integer     NOT NULL DEFAULT 0,
  -- A national standard definition shipped with Jichi (configured, never forked).
  standard            boolean     NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT case_type_pkey PRIMARY KEY (municipality_code, case_type_id),
  CONSTRAINT case_type_code_version_uq UNIQUE (municipality_code, code, version),
  CONSTRAINT case_type_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT case_type_status_check CHECK (status IN ('draft', 'published')),
  CONSTRAINT case_type_valid_from_check CHECK (valid_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  CONSTRAINT case_type_valid_to_check CHECK (valid_to IS NULL OR (valid_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND valid_to >= valid_from)),
  CONSTRAINT case_type_periods_check CHECK (legal_period_days > 0 AND service_target_days > 0 AND service_target_days <= legal_period_days),
  CONSTRAINT case_type_extension_check CHECK (extension_max_days >= 0),
  CONSTRAINT case_type_effect_check CHECK (effect IN ('registry-move-within', 'registry-move-out', 'certificate', 'daycare-application', 'none'))
);
ALTER TABLE cases.case_type ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.case_type FORCE ROW LEVEL SECURITY;
CREATE POLICY case_type_tenant ON cases.case_type
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.case_type TO jichi_app;
GRANT UPDATE (status, valid_to, legal_period_days, service_target_days, auto_approve, extension_allowed, extension_max_days, default_queue, fee_yen, title_ja, title_en, valid_from) ON cases.case_type TO jichi_app;

-- Published versions of one code must not overlap (Catalogi API GeldigheidMixin); checked on every write.
CREATE FUNCTION cases.case_type_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'published' AND EXISTS (
    SELECT 1 FROM cases.case_type t
    WHERE t.municipality_code = NEW.municipality_code AND t.code = NEW.code AND t.case_type_id <> NEW.case_type_id
      AND t.status = 'published'
      AND t.valid_from <= coalesce(NEW.valid_to, '9999-12-31') AND NEW.valid_from <= coalesce(t.valid_to, '9999-12-31')
  ) THEN
    RAISE EXCEPTION 'published case type versions overlap' USING ERRCODE = '23P01';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_type_no_overlap BEFORE INSERT OR UPDATE ON cases.case_type FOR EACH ROW EXECUTE FUNCTION cases.case_type_no_overlap();

-- 状態種別 (STATUSTYPE): ordered; the final status is the highest sequence (derived, not stored).
CREATE TABLE cases.status_type (
  municipality_code char(6) NOT NULL,
  case_type_id      uuid    NOT NULL,
  code              text    NOT NULL,
  sequence          integer NOT NULL,
  label_ja          text    NOT NULL,
  label_en          text    NOT NULL,
  -- Shown to the applicant (Open Zaak's `informeren`).
  informs_applicant boolean NOT NULL DEFAULT true,
  CONSTRAINT status_type_pkey PRIMARY KEY (municipality_code, case_type_id, code),
  CONSTRAINT status_type_sequence_uq UNIQUE (municipality_code, case_type_id, sequence),
  CONSTRAINT status_type_case_type_fkey FOREIGN KEY (municipality_code, case_type_id) REFERENCES cases.case_type (municipality_code, case_type_id)
);
ALTER TABLE cases.status_type ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.status_type FORCE ROW LEVEL SECURITY;
CREATE POLICY status_type_tenant ON cases.status_type
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.status_type TO jichi_app;

-- 結果種別 (RESULTAATTYPE).
CREATE TABLE cases.result_type (
  municipality_code char(6) NOT NULL,
  case_type_id      uuid    NOT NULL,
  code              text    NOT NULL,
  label_ja          text    NOT NULL,
  label_en          text    NOT NULL,
  CONSTRAINT result_type_pkey PRIMARY KEY (municipality_code, case_type_id, code),
  CONSTRAINT result_type_case_type_fkey FOREIGN KEY (municipality_code, case_type_id) REFERENCES cases.case_type (municipality_code, case_type_id)
);
ALTER TABLE cases.result_type ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.result_type FORCE ROW LEVEL SECURITY;
CREATE POLICY result_type_tenant ON cases.result_type
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.result_type TO jichi_app;

-- The municipality's own closure days (閉庁日) besides national holidays and 年末年始.
CREATE TABLE cases.closure_day (
  municipality_code char(6) NOT NULL,
  day               text    NOT NULL,
  label             text    NOT NULL DEFAULT '',
  CONSTRAINT closure_day_pkey PRIMARY KEY (municipality_code, day),
  CONSTRAINT closure_day_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT closure_day_day_check CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
ALTER TABLE cases.closure_day ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.closure_day FORCE ROW LEVEL SECURITY;
CREATE POLICY closure_day_tenant ON cases.closure_day
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, DELETE ON cases.closure_day TO jichi_app;
GRANT UPDATE (label) ON cases.closure_day TO jichi_app;

-- 案件 (ZAAK): pins the case-type version it was opened under; closed_at is null while open.
CREATE TABLE cases.case (
  municipality_code   char(6)     NOT NULL,
  case_id             uuid        NOT NULL,
  case_no             text        NOT NULL,
  case_type_id        uuid        NOT NULL,
  channel             text        NOT NULL,
  status_code         text        NOT NULL,
  -- 申請者・届出人 and the persons the case is about (宛名番号 where known).
  applicant           jsonb       NOT NULL,
  applicant_atena_no  text,
  subject_atena_nos   text[]      NOT NULL DEFAULT '{}',
  submitted_data      jsonb       NOT NULL,
  received_at         timestamptz NOT NULL,
  received_on         text        NOT NULL,
  legal_due_on        text,
  target_due_on       text,
  suspended           boolean     NOT NULL DEFAULT false,
  extension_days      integer     NOT NULL DEFAULT 0,
  queue               text,
  assignee_staff_id   uuid,
  review_outcome      text,
  result_code         text,
  closed_at           timestamptz,
  created_by          text        NOT NULL,
  version             integer     NOT NULL DEFAULT 0,
  CONSTRAINT case_pkey PRIMARY KEY (municipality_code, case_id),
  CONSTRAINT case_no_uq UNIQUE (municipality_code, case_no),
  CONSTRAINT case_case_type_fkey FOREIGN KEY (municipality_code, case_type_id) REFERENCES cases.case_type (municipality_code, case_type_id),
  CONSTRAINT case_assignee_fkey FOREIGN KEY (municipality_code, assignee_staff_id) REFERENCES platform.staff (municipality_code, staff_id),
  CONSTRAINT case_channel_check CHECK (channel IN ('online', 'counter', 'post')),
  CONSTRAINT case_review_outcome_check CHECK (review_outcome IS NULL OR review_outcome IN ('clean', 'needs-person')),
  CONSTRAINT case_received_on_check CHECK (received_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
CREATE INDEX case_open_idx ON cases.case (municipality_code, legal_due_on) WHERE closed_at IS NULL;
CREATE INDEX case_queue_idx ON cases.case (municipality_code, queue, received_at) WHERE closed_at IS NULL;
CREATE INDEX case_subjects_idx ON cases.case USING gin (subject_atena_nos);
ALTER TABLE cases.case ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.case FORCE ROW LEVEL SECURITY;
CREATE POLICY case_tenant ON cases.case
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.case TO jichi_app;
GRANT UPDATE (status_code, legal_due_on, target_due_on, suspended, extension_days, queue, assignee_staff_id, review_outcome, result_code, closed_at, version, submitted_data) ON cases.case TO jichi_app;

-- 状態履歴: append-only, with actor and reason; the current status is the latest row (mirrored on the case).
CREATE TABLE cases.case_status (
  municipality_code char(6)     NOT NULL,
  case_id           uuid        NOT NULL,
  seq               integer     NOT NULL,
  status_code       text        NOT NULL,
  set_at            timestamptz NOT NULL,
  actor_type        text        NOT NULL,
  actor_id          text        NOT NULL,
  reason            text        NOT NULL DEFAULT '',
  CONSTRAINT case_status_pkey PRIMARY KEY (municipality_code, case_id, seq),
  CONSTRAINT case_status_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id),
  CONSTRAINT case_status_actor_type_check CHECK (actor_type IN ('staff', 'system', 'applicant'))
);
ALTER TABLE cases.case_status ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.case_status FORCE ROW LEVEL SECURITY;
CREATE POLICY case_status_tenant ON cases.case_status
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.case_status TO jichi_app;

-- 停止期間 (補正待ち): the legal clock stops from from_on (inclusive) to to_on (exclusive; null while open).
CREATE TABLE cases.suspension (
  municipality_code char(6) NOT NULL,
  case_id           uuid    NOT NULL,
  seq               integer NOT NULL,
  from_on           text    NOT NULL,
  to_on             text,
  reason            text    NOT NULL DEFAULT '',
  CONSTRAINT suspension_pkey PRIMARY KEY (municipality_code, case_id, seq),
  CONSTRAINT suspension_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id)
);
ALTER TABLE cases.suspension ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.suspension FORCE ROW LEVEL SECURITY;
CREATE POLICY suspension_tenant ON cases.suspension
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.suspension TO jichi_app;
GRANT UPDATE (to_on) ON cases.suspension TO jichi_app;

-- 添付書類: small files kept with the case (content hashed; never logged).
CREATE TABLE cases.attachment (
  municipality_code char(6)     NOT NULL,
  case_id           uuid        NOT NULL,
  attachment_id     uuid        NOT NULL,
  file_name         text        NOT NULL,
  media_type        text        NOT NULL,
  byte_size         integer     NOT NULL,
  sha256            char(64)    NOT NULL,
  content           bytea       NOT NULL,
  added_by          text        NOT NULL,
  added_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT attachment_pkey PRIMARY KEY (municipality_code, case_id, attachment_id),
  CONSTRAINT attachment_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id)
);
ALTER TABLE cases.attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.attachment FORCE ROW LEVEL SECURITY;
CREATE POLICY attachment_tenant ON cases.attachment
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.attachment TO jichi_app;

-- 内部メモ (not shown to the applicant).
CREATE TABLE cases.note (
  municipality_code char(6)     NOT NULL,
  case_id           uuid        NOT NULL,
  note_id           uuid        NOT NULL,
  author_staff_id   uuid        NOT NULL,
  body              text        NOT NULL,
  created_at        timestamptz NOT NULL,
  CONSTRAINT note_pkey PRIMARY KEY (municipality_code, case_id, note_id),
  CONSTRAINT note_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id),
  CONSTRAINT note_author_fkey FOREIGN KEY (municipality_code, author_staff_id) REFERENCES platform.staff (municipality_code, staff_id)
);
ALTER TABLE cases.note ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.note FORCE ROW LEVEL SECURITY;
CREATE POLICY note_tenant ON cases.note
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.note TO jichi_app;

-- 補正: a request to the applicant and its answer (with corrected data, if any).
CREATE TABLE cases.correction (
  municipality_code char(6)     NOT NULL,
  case_id           uuid        NOT NULL,
  correction_id     uuid        NOT NULL,
  message           text        NOT NULL,
  fields            text[]      NOT NULL DEFAULT '{}',
  requested_by      text        NOT NULL,
  requested_at      timestamptz NOT NULL,
  answer_message    text,
  answer_data       jsonb,
  answered_at       timestamptz,
  CONSTRAINT correction_pkey PRIMARY KEY (municipality_code, case_id, correction_id),
  CONSTRAINT correction_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id)
);
ALTER TABLE cases.correction ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.correction FORCE ROW LEVEL SECURITY;
CREATE POLICY correction_tenant ON cases.correction
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.correction TO jichi_app;
GRANT UPDATE (answer_message, answer_data, answered_at) ON cases.correction TO jichi_app;

-- 決定 (BESLUIT): one per case, with reasons and what its effect wrote (e.g. the registry change id).
CREATE TABLE cases.decision (
  municipality_code char(6)     NOT NULL,
  case_id           uuid        NOT NULL,
  outcome           text        NOT NULL,
  reasons           text        NOT NULL DEFAULT '',
  decided_by_type   text        NOT NULL,
  decided_by        text        NOT NULL,
  decided_at        timestamptz NOT NULL,
  review_id         uuid,
  effect            jsonb       NOT NULL DEFAULT '{}'::jsonb,
  CONSTRAINT decision_pkey PRIMARY KEY (municipality_code, case_id),
  CONSTRAINT decision_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id),
  CONSTRAINT decision_outcome_check CHECK (outcome IN ('approved', 'rejected', 'withdrawn')),
  CONSTRAINT decision_by_type_check CHECK (decided_by_type IN ('staff', 'system', 'applicant'))
);
ALTER TABLE cases.decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.decision FORCE ROW LEVEL SECURITY;
CREATE POLICY decision_tenant ON cases.decision
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.decision TO jichi_app;

-- 自動審査: each run with its rule version, the inputs it saw and every check's result (explainable, replayable).
CREATE TABLE cases.review (
  municipality_code char(6)     NOT NULL,
  case_id           uuid        NOT NULL,
  review_id         uuid        NOT NULL,
  rule_version      text        NOT NULL,
  rules             jsonb       NOT NULL,
  inputs            jsonb       NOT NULL,
  results           jsonb       NOT NULL,
  outcome           text        NOT NULL,
  reviewed_at       timestamptz NOT NULL,
  CONSTRAINT review_pkey PRIMARY KEY (municipality_code, case_id, review_id),
  CONSTRAINT review_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id),
  CONSTRAINT review_outcome_check CHECK (outcome IN ('clean', 'needs-person'))
);
ALTER TABLE cases.review ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.review FORCE ROW LEVEL SECURITY;
CREATE POLICY review_tenant ON cases.review
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.review TO jichi_app;

-- Event log (process mining, OCEL 2.0 export): every transition, with the staff's touch time on the case.
CREATE TABLE cases.event (
  municipality_code char(6)     NOT NULL,
  event_id          uuid        NOT NULL,
  case_id           uuid        NOT NULL,
  case_type_code    text        NOT NULL,
  activity          text        NOT NULL,
  actor_type        text        NOT NULL,
  actor_id          text        NOT NULL,
  channel           text        NOT NULL,
  occurred_at       timestamptz NOT NULL,
  touch_seconds     integer     NOT NULL DEFAULT 0,
  -- Related objects: person and household ids, the registry change, …
  objects           jsonb       NOT NULL DEFAULT '[]'::jsonb,
  attributes        jsonb       NOT NULL DEFAULT '{}'::jsonb,
  CONSTRAINT event_pkey PRIMARY KEY (municipality_code, event_id),
  CONSTRAINT event_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id),
  CONSTRAINT event_actor_type_check CHECK (actor_type IN ('staff', 'system', 'applicant'))
);
CREATE INDEX event_occurred_idx ON cases.event (municipality_code, occurred_at);
CREATE INDEX event_case_idx ON cases.event (municipality_code, case_id, occurred_at);
ALTER TABLE cases.event ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.event FORCE ROW LEVEL SECURITY;
CREATE POLICY event_tenant ON cases.event
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.event TO jichi_app;

-- When a staff member last opened a case (for the touch time of their next action).
CREATE TABLE cases.case_view (
  municipality_code char(6)     NOT NULL,
  case_id           uuid        NOT NULL,
  staff_id          uuid        NOT NULL,
  opened_at         timestamptz NOT NULL,
  CONSTRAINT case_view_pkey PRIMARY KEY (municipality_code, case_id, staff_id),
  CONSTRAINT case_view_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id)
);
ALTER TABLE cases.case_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.case_view FORCE ROW LEVEL SECURITY;
CREATE POLICY case_view_tenant ON cases.case_view
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.case_view TO jichi_app;
GRANT UPDATE (opened_at) ON cases.case_view TO jichi_app;

-- Job queue (automatic review, deadline alerts): claimed with FOR UPDATE SKIP LOCKED, retried with backoff;
-- `job_key` makes enqueueing idempotent.
CREATE TABLE cases.job (
  municipality_code char(6)     NOT NULL,
  job_id            uuid        NOT NULL,
  task              text        NOT NULL,
  job_key           text        NOT NULL,
  payload           jsonb       NOT NULL DEFAULT '{}'::jsonb,
  run_at            timestamptz NOT NULL,
  attempts          integer     NOT NULL DEFAULT 0,
  max_attempts      integer     NOT NULL DEFAULT 5,
  last_error        text,
  done_at           timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT job_pkey PRIMARY KEY (municipality_code, job_id),
  CONSTRAINT job_key_uq UNIQUE (municipality_code, job_key),
  CONSTRAINT job_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code)
);
CREATE INDEX job_due_idx ON cases.job (municipality_code, run_at) WHERE done_at IS NULL;
ALTER TABLE cases.job ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.job FORCE ROW LEVEL SECURITY;
CREATE POLICY job_tenant ON cases.job
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.job TO jichi_app;
GRANT UPDATE (run_at, attempts, last_error, done_at) ON cases.job TO jichi_app;

-- Deadline alerts raised by the job (期限間近 / 期限超過), one per case, kind and due date.
CREATE TABLE cases.alert (
  municipality_code char(6)     NOT NULL,
  case_id           uuid        NOT NULL,
  kind              text        NOT NULL,
  due_on            text        NOT NULL,
  raised_at         timestamptz NOT NULL,
  CONSTRAINT alert_pkey PRIMARY KEY (municipality_code, case_id, kind, due_on),
  CONSTRAINT alert_case_fkey FOREIGN KEY (municipality_code, case_id) REFERENCES cases.case (municipality_code, case_id),
  CONSTRAINT alert_kind_check CHECK (kind IN ('due-soon', 'overdue'))
);
ALTER TABLE cases.alert ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases.alert FORCE ROW LEVEL SECURITY;
CREATE POLICY alert_tenant ON cases.alert
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON cases.alert TO jichi_app;
