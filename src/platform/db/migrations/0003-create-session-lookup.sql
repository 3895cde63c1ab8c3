-- Session lookup in one round trip: every request resolves its session cookie, so the lookup sets the
-- application role and the municipality for the statement's own transaction and reads under RLS
-- (SECURITY INVOKER: it can see no more than a tenant transaction of that municipality could).
CREATE FUNCTION platform.resolve_session(p_municipality_code text, p_token_hash text)
  RETURNS TABLE (
    municipality_code char(6), token_hash char(64), staff_id uuid, csrf_token text, auth_method text,
    last_seen_at timestamptz, expires_at timestamptz, created_at timestamptz,
    login_id text, display_name text, roles text[], disabled boolean)
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
BEGIN
  PERFORM set_config('role', 'jichi_app', true);
  PERFORM set_config('app.municipality_code', p_municipality_code, true);
  RETURN QUERY
    SELECT s.municipality_code, s.token_hash, s.staff_id, s.csrf_token, s.auth_method, s.last_seen_at, s.expires_at,
      s.created_at, st.login_id, st.display_name, st.roles, st.disabled
    FROM platform.session s
    JOIN platform.staff st ON st.municipality_code = s.municipality_code AND st.staff_id = s.staff_id
    WHERE s.token_hash = p_token_hash AND s.expires_at > now();
END $$;
GRANT EXECUTE ON FUNCTION platform.resolve_session(text, text) TO jichi_app;
