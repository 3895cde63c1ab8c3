-- Online procedures on the internet side (issue #14, docs/deployment.md): the role jichi_public starts, saves, attaches
-- and submits applications, answers 補正 and manages its e-mail address — each resident only their own rows, by a
-- restrictive policy keyed on the live resident session of the transaction (`app.resident_session`, the session
-- token's hash, checked against platform.resident_session). A submission on that side goes into an inbox (submitted,
-- no case yet); the LGWAN side's periodic task `procedures_intake` opens its case (CasesService.submitIn) and applies
-- 補正 answers (CasesService.answerCorrectionIn). What residents may see of the registry (prefill, household members,
-- eligibility) and of their cases (status, deadlines, 補正, decision, the daycare result) comes only through the
-- SECURITY DEFINER functions below, keyed by the live session, owned by roles that read only the columns they need.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jichi_resident_form') THEN
    CREATE ROLE jichi_resident_form NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jichi_resident_status') THEN
    CREATE ROLE jichi_resident_status NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT jichi_resident_form, jichi_resident_status TO %I', current_user);
EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN NULL;
END $$;

-- The inbox: a submitted application keeps the case submission built from what the resident saw (their form and
-- their household as the registry showed it) until the LGWAN side opens its case; then it is cleared.
ALTER TABLE procedures.application ADD COLUMN submission jsonb;
ALTER TABLE procedures.application DROP CONSTRAINT application_submitted_check;
ALTER TABLE procedures.application ADD CONSTRAINT application_submitted_check
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL) AND (case_id IS NULL OR status = 'submitted'));
CREATE INDEX application_inbox_idx ON procedures.application (municipality_code, submitted_at) WHERE status = 'submitted' AND case_id IS NULL;
GRANT UPDATE (submission) ON procedures.application TO jichi_app;

-- 補正 answered on the internet side, until the LGWAN side records it on the case (outcome 'applied', or the
-- refusal's code such as 'correction-answered' or 'case-closed').
CREATE TABLE procedures.correction_answer (
  municipality_code char(6)     NOT NULL,
  correction_id     uuid        NOT NULL,
  application_id    uuid        NOT NULL,
  message           text        NOT NULL,
  answered_at       timestamptz NOT NULL,
  outcome           text,
  processed_at      timestamptz,
  CONSTRAINT correction_answer_pkey PRIMARY KEY (municipality_code, correction_id),
  CONSTRAINT correction_answer_application_fkey FOREIGN KEY (municipality_code, application_id) REFERENCES procedures.application (municipality_code, application_id),
  CONSTRAINT correction_answer_message_check CHECK (length(message) BETWEEN 1 AND 4000)
);
CREATE INDEX correction_answer_pending_idx ON procedures.correction_answer (municipality_code, answered_at) WHERE processed_at IS NULL;
ALTER TABLE procedures.correction_answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures.correction_answer FORCE ROW LEVEL SECURITY;
CREATE POLICY correction_answer_tenant ON procedures.correction_answer
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON procedures.correction_answer TO jichi_app;
GRANT UPDATE (outcome, processed_at) ON procedures.correction_answer TO jichi_app;

-- The daycare result of an online 保育所等利用申込 as its parent sees it (pending, or 内定/保留 with the family's own
-- explanation), per language: computed on the LGWAN side (it needs the whole round) and read on the internet side
-- through procedures.resident_cases only.
CREATE TABLE procedures.daycare_notice (
  municipality_code char(6)     NOT NULL,
  application_id    uuid        NOT NULL,
  lang              text        NOT NULL,
  result            jsonb       NOT NULL,
  updated_at        timestamptz NOT NULL,
  CONSTRAINT daycare_notice_pkey PRIMARY KEY (municipality_code, application_id, lang),
  CONSTRAINT daycare_notice_application_fkey FOREIGN KEY (municipality_code, application_id) REFERENCES procedures.application (municipality_code, application_id),
  CONSTRAINT daycare_notice_lang_check CHECK (lang IN ('ja', 'en'))
);
ALTER TABLE procedures.daycare_notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures.daycare_notice FORCE ROW LEVEL SECURITY;
CREATE POLICY daycare_notice_tenant ON procedures.daycare_notice
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (result, updated_at) ON procedures.daycare_notice TO jichi_app;

-- The resident account of the transaction's live resident session (null for none, a forged or an expired one).
CREATE FUNCTION procedures.session_resident() RETURNS text
  LANGUAGE sql STABLE SECURITY INVOKER
  SET search_path = pg_catalog, pg_temp
  AS $$
  SELECT s.resident_id::text FROM platform.resident_session s
  WHERE s.municipality_code = platform.current_municipality() AND s.token_hash = current_setting('app.resident_session', true)
    AND s.expires_at > now()
$$;
REVOKE ALL ON FUNCTION procedures.session_resident() FROM PUBLIC;

-- What jichi_public may touch directly: the catalogue's settings, and its own applications, attachments, 補正
-- answers and e-mail address (restrictive policies: the tenant policy and the session's resident both apply).
GRANT USAGE ON SCHEMA procedures TO jichi_public;
GRANT EXECUTE ON FUNCTION procedures.session_resident() TO jichi_public;
GRANT SELECT ON procedures.procedure_setting TO jichi_public;
GRANT SELECT, INSERT, DELETE ON procedures.application TO jichi_public;
GRANT UPDATE (status, data, assurance, updated_at, submitted_at, submission) ON procedures.application TO jichi_public;
GRANT SELECT (municipality_code, application_id, attachment_id, attachment_code, file_name, media_type, byte_size, sha256, added_at), INSERT, DELETE
  ON procedures.attachment TO jichi_public;
GRANT SELECT (municipality_code, correction_id, application_id, message, answered_at, outcome), INSERT (municipality_code, correction_id, application_id, message, answered_at)
  ON procedures.correction_answer TO jichi_public;
GRANT SELECT, INSERT, UPDATE (email, consented_at), DELETE ON procedures.notification_contact TO jichi_public;

CREATE POLICY application_own_session ON procedures.application AS RESTRICTIVE TO jichi_public
  USING (resident_id = (SELECT procedures.session_resident()))
  WITH CHECK (resident_id = (SELECT procedures.session_resident()) AND case_id IS NULL);
-- Only drafts are discarded (a submission waiting in the inbox stays).
CREATE POLICY application_discard_draft ON procedures.application AS RESTRICTIVE FOR DELETE TO jichi_public USING (status = 'draft');
CREATE POLICY attachment_own_session ON procedures.attachment AS RESTRICTIVE TO jichi_public
  USING (EXISTS (SELECT 1 FROM procedures.application a WHERE a.municipality_code = attachment.municipality_code AND a.application_id = attachment.application_id))
  WITH CHECK (EXISTS (SELECT 1 FROM procedures.application a WHERE a.municipality_code = attachment.municipality_code AND a.application_id = attachment.application_id
    AND a.status = 'draft'));
CREATE POLICY attachment_remove_draft ON procedures.attachment AS RESTRICTIVE FOR DELETE TO jichi_public
  USING (EXISTS (SELECT 1 FROM procedures.application a WHERE a.municipality_code = attachment.municipality_code AND a.application_id = attachment.application_id
    AND a.status = 'draft'));
CREATE POLICY correction_answer_own_session ON procedures.correction_answer AS RESTRICTIVE TO jichi_public
  USING (EXISTS (SELECT 1 FROM procedures.application a WHERE a.municipality_code = correction_answer.municipality_code
    AND a.application_id = correction_answer.application_id))
  WITH CHECK (EXISTS (SELECT 1 FROM procedures.application a WHERE a.municipality_code = correction_answer.municipality_code
    AND a.application_id = correction_answer.application_id AND a.case_id IS NOT NULL));
CREATE POLICY notification_contact_own_session ON procedures.notification_contact AS RESTRICTIVE TO jichi_public
  USING (resident_id = (SELECT procedures.session_resident()))
  WITH CHECK (resident_id = (SELECT procedures.session_resident()));

-- The registry as the resident's form sees it: the session's matched person (with their address, for prefill) and
-- the living members of their household (names, kana, birth date, order). Nothing else of the record; nothing for a
-- forged, expired or unmatched session.
GRANT USAGE ON SCHEMA platform, registry, daycare TO jichi_resident_form;
GRANT EXECUTE ON FUNCTION platform.current_municipality() TO jichi_resident_form;
GRANT SELECT (municipality_code, token_hash, person_id, expires_at) ON platform.resident_session TO jichi_resident_form;
GRANT SELECT (municipality_code, person_id, household_id, removed_on, member_order, record) ON registry.person_current TO jichi_resident_form;
GRANT SELECT (municipality_code, round_id, name, status, created_at) ON daycare.round TO jichi_resident_form;
GRANT SELECT (municipality_code, round_id, facility_id, name, position) ON daycare.facility TO jichi_resident_form;

CREATE FUNCTION procedures.resident_household(p_token_hash text)
  RETURNS TABLE (person_id uuid, atena_no text, is_self boolean, family_name text, given_name text, family_name_kana text, given_name_kana text,
    birth_sort text, birth_precision text, birth_text text, member_order integer, town_name text, banchi text, katagaki text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
  WITH me AS (
    SELECT p.person_id, p.household_id FROM platform.resident_session s
    JOIN registry.person_current p ON p.municipality_code = s.municipality_code AND p.person_id = s.person_id
    WHERE s.municipality_code = platform.current_municipality() AND s.token_hash = p_token_hash AND s.expires_at > now() AND p.removed_on IS NULL)
  SELECT p.person_id, p.record->>'atenaNo', p.person_id = me.person_id, p.record->>'familyName', p.record->>'givenName', p.record->>'familyNameKana',
    p.record->>'givenNameKana', p.record->'birthDate'->>'sortKey', p.record->'birthDate'->>'precision', p.record->'birthDate'->>'text', p.member_order,
    CASE WHEN p.person_id = me.person_id THEN p.record->'address'->>'townName' END,
    CASE WHEN p.person_id = me.person_id THEN p.record->'address'->>'banchi' END,
    CASE WHEN p.person_id = me.person_id THEN p.record->'address'->>'katagaki' END
  FROM me JOIN registry.person_current p ON p.municipality_code = platform.current_municipality() AND p.household_id = me.household_id AND p.removed_on IS NULL
  ORDER BY p.member_order, p.person_id
$$;
ALTER FUNCTION procedures.resident_household(text) OWNER TO jichi_resident_form;
REVOKE ALL ON FUNCTION procedures.resident_household(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION procedures.resident_household(text) TO jichi_app, jichi_public;

-- The facilities of the newest open daycare round (the choices of a 保育所等利用申込): names only.
CREATE FUNCTION procedures.open_round_facilities()
  RETURNS TABLE (round_id text, facility_id text, name text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
  WITH r AS (SELECT round_id FROM daycare.round WHERE municipality_code = platform.current_municipality() AND status = 'open' ORDER BY created_at DESC LIMIT 1)
  SELECT r.round_id::text, f.facility_id::text, f.name FROM r
  LEFT JOIN daycare.facility f ON f.municipality_code = platform.current_municipality() AND f.round_id = r.round_id
  ORDER BY f.position
$$;
ALTER FUNCTION procedures.open_round_facilities() OWNER TO jichi_resident_form;
REVOKE ALL ON FUNCTION procedures.open_round_facilities() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION procedures.open_round_facilities() TO jichi_app, jichi_public;

-- 申請状況: the cases of the session's resident's applications as the status page shows them (status, dates, 補正
-- with answers not yet recorded on the case, the decision without who decided, the daycare result in the language).
GRANT USAGE ON SCHEMA platform, procedures, cases TO jichi_resident_status;
GRANT EXECUTE ON FUNCTION platform.current_municipality() TO jichi_resident_status;
GRANT SELECT (municipality_code, token_hash, resident_id, expires_at) ON platform.resident_session TO jichi_resident_status;
GRANT SELECT (municipality_code, application_id, resident_id, case_id) ON procedures.application TO jichi_resident_status;
GRANT SELECT (municipality_code, correction_id, application_id, message, answered_at, outcome) ON procedures.correction_answer TO jichi_resident_status;
GRANT SELECT (municipality_code, application_id, lang, result) ON procedures.daycare_notice TO jichi_resident_status;
GRANT SELECT (municipality_code, case_id, case_no, status_code, result_code, received_on, legal_due_on, target_due_on, suspended, closed_at) ON cases.case TO jichi_resident_status;
GRANT SELECT (municipality_code, case_id, correction_id, message, requested_at, answer_message, answered_at) ON cases.correction TO jichi_resident_status;
GRANT SELECT (municipality_code, case_id, outcome, reasons, decided_by_type, decided_at, effect) ON cases.decision TO jichi_resident_status;

CREATE FUNCTION procedures.resident_cases(p_token_hash text, p_lang text)
  RETURNS TABLE (application_id uuid, case_no text, status_code text, result_code text, received_on text, legal_due_on text, target_due_on text,
    suspended boolean, closed_at timestamptz, corrections jsonb, decision jsonb, daycare jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
  SELECT a.application_id, c.case_no, c.status_code, c.result_code, c.received_on, c.legal_due_on, c.target_due_on, c.suspended, c.closed_at,
    coalesce((SELECT jsonb_agg(jsonb_build_object('correctionId', k.correction_id, 'message', k.message, 'requestedAt', k.requested_at,
        'answerMessage', coalesce(k.answer_message, x.message), 'answeredAt', coalesce(k.answered_at, x.answered_at)) ORDER BY k.requested_at)
      FROM cases.correction k
      LEFT JOIN procedures.correction_answer x ON x.municipality_code = k.municipality_code AND x.correction_id = k.correction_id AND x.application_id = a.application_id
        AND coalesce(x.outcome, 'applied') = 'applied'
      WHERE k.municipality_code = c.municipality_code AND k.case_id = c.case_id), '[]'::jsonb),
    (SELECT jsonb_build_object('outcome', d.outcome, 'reasons', d.reasons, 'decidedAt', d.decided_at, 'byRule', d.decided_by_type = 'system',
        'effectKind', d.effect->>'kind')
      FROM cases.decision d WHERE d.municipality_code = c.municipality_code AND d.case_id = c.case_id),
    (SELECT n.result FROM procedures.daycare_notice n WHERE n.municipality_code = a.municipality_code AND n.application_id = a.application_id AND n.lang = p_lang)
  FROM platform.resident_session s
  JOIN procedures.application a ON a.municipality_code = s.municipality_code AND a.resident_id = s.resident_id::text
  JOIN cases.case c ON c.municipality_code = a.municipality_code AND c.case_id = a.case_id
  WHERE s.municipality_code = platform.current_municipality() AND s.token_hash = p_token_hash AND s.expires_at > now()
$$;
ALTER FUNCTION procedures.resident_cases(text, text) OWNER TO jichi_resident_status;
REVOKE ALL ON FUNCTION procedures.resident_cases(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION procedures.resident_cases(text, text) TO jichi_app, jichi_public;
