-- 職員アカウントの有効期間 (標準仕様書 §10.3, issue #13): an account may have a first and a last day (Japanese days,
-- inclusive). Outside them it cannot sign in (password or OIDC), and its open sessions stop resolving. No days: always
-- valid (as before).
ALTER TABLE platform.staff
  ADD COLUMN valid_from date,
  ADD COLUMN valid_to   date,
  ADD CONSTRAINT staff_validity_check CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from);

-- The session lookup returns nothing for an account outside its validity (today in Japan).
CREATE OR REPLACE FUNCTION platform.resolve_session(p_municipality_code text, p_token_hash text)
  RETURNS TABLE (
    municipality_code char(6), token_hash char(64), staff_id uuid, csrf_token text, auth_method text,
    last_seen_at timestamptz, expires_at timestamptz, created_at timestamptz,
    login_id text, display_name text, roles text[], disabled boolean, contractor boolean,
    terminal_code text, place_code text)
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
BEGIN
  PERFORM set_config('role', 'jichi_app', true);
  PERFORM set_config('app.municipality_code', p_municipality_code, true);
  RETURN QUERY
    SELECT s.municipality_code, s.token_hash, s.staff_id, s.csrf_token, s.auth_method, s.last_seen_at, s.expires_at,
      s.created_at, st.login_id, st.display_name, st.roles, st.disabled, st.contractor, s.terminal_code, s.place_code
    FROM platform.session s
    JOIN platform.staff st ON st.municipality_code = s.municipality_code AND st.staff_id = s.staff_id
    WHERE s.token_hash = p_token_hash AND s.expires_at > now()
      AND (st.valid_from IS NULL OR st.valid_from <= (now() AT TIME ZONE 'Asia/Tokyo')::date)
      AND (st.valid_to IS NULL OR st.valid_to >= (now() AT TIME ZONE 'Asia/Tokyo')::date);
END $$;
