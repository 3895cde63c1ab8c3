-- わたしの記録の閲覧履歴 (issue #14): a signed-in resident reads who used their registry record, when and why.
-- Through one SECURITY DEFINER function keyed by the resident's session (not by a person id), owned by the role
-- jichi_resident_view, which may read only the columns it needs: the caller learns nothing about a person unless it
-- holds a live session of that person. Entries the law keeps from the person are never returned: inquiries of
-- investigative authorities (捜査関係事項照会, 刑事訴訟法 197条2項), recorded with a purpose containing 「捜査」
-- (個人情報保護法 78条1項5号: disclosure would hinder the investigation).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jichi_resident_view') THEN
    CREATE ROLE jichi_resident_view NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT jichi_resident_view TO %I', current_user);
EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN NULL;
END $$;
GRANT USAGE ON SCHEMA platform, audit TO jichi_resident_view;
GRANT EXECUTE ON FUNCTION platform.current_municipality() TO jichi_resident_view;
GRANT SELECT (municipality_code, token_hash, resident_id, person_id, expires_at) ON platform.resident_session TO jichi_resident_view;
GRANT SELECT (municipality_code, seq, occurred_at, actor_type, actor_id, action, subject_type, subject_id, purpose, outcome) ON audit.access_log TO jichi_resident_view;
GRANT SELECT (municipality_code, staff_id, roles, contractor) ON platform.staff TO jichi_resident_view;

CREATE FUNCTION platform.resident_access_history(p_municipality_code text, p_token_hash text, p_limit integer)
  RETURNS TABLE (occurred_at timestamptz, actor_type text, roles text[], contractor boolean, action text, purpose text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  v_person uuid;
BEGIN
  -- Row-level security of every table read here applies to this municipality only.
  PERFORM set_config('app.municipality_code', p_municipality_code, true);
  SELECT s.person_id INTO v_person FROM platform.resident_session s
    WHERE s.municipality_code = p_municipality_code AND s.token_hash = p_token_hash AND s.expires_at > now();
  IF v_person IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT l.occurred_at, l.actor_type, st.roles, st.contractor, l.action, l.purpose
    FROM audit.access_log l
    LEFT JOIN platform.staff st
      ON st.municipality_code = l.municipality_code AND l.actor_type IN ('staff', 'contractor') AND st.staff_id::text = l.actor_id
    WHERE l.municipality_code = p_municipality_code AND l.subject_type = 'person' AND l.subject_id = v_person::text
      AND l.outcome = 'ok' AND position('捜査' IN l.purpose) = 0
    ORDER BY l.seq DESC
    LIMIT least(greatest(p_limit, 1), 500);
END $$;
ALTER FUNCTION platform.resident_access_history(text, text, integer) OWNER TO jichi_resident_view;
REVOKE ALL ON FUNCTION platform.resident_access_history(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform.resident_access_history(text, text, integer) TO jichi_app;
