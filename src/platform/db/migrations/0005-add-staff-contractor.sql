-- 窓口業務の民間委託 (issue #15): staff of a contractor may receive and enter, never review (審査) or decide
-- (決裁), whatever roles they hold; src/platform/auth/permissions.ts enforces it. The session lookup returns the
-- flag, and the access log records such staff with the actor type 'contractor'.

ALTER TABLE platform.staff ADD COLUMN contractor boolean NOT NULL DEFAULT false;

DROP FUNCTION platform.resolve_session(text, text);
CREATE FUNCTION platform.resolve_session(p_municipality_code text, p_token_hash text)
  RETURNS TABLE (
    municipality_code char(6), token_hash char(64), staff_id uuid, csrf_token text, auth_method text,
    last_seen_at timestamptz, expires_at timestamptz, created_at timestamptz,
    login_id text, display_name text, roles text[], disabled boolean, contractor boolean)
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
BEGIN
  PERFORM set_config('role', 'jichi_app', true);
  PERFORM set_config('app.municipality_code', p_municipality_code, true);
  RETURN QUERY
    SELECT s.municipality_code, s.token_hash, s.staff_id, s.csrf_token, s.auth_method, s.last_seen_at, s.expires_at,
      s.created_at, st.login_id, st.display_name, st.roles, st.disabled, st.contractor
    FROM platform.session s
    JOIN platform.staff st ON st.municipality_code = s.municipality_code AND st.staff_id = s.staff_id
    WHERE s.token_hash = p_token_hash AND s.expires_at > now();
END $$;
GRANT EXECUTE ON FUNCTION platform.resolve_session(text, text) TO jichi_app;

ALTER TABLE audit.access_log DROP CONSTRAINT access_log_actor_type_check;
ALTER TABLE audit.access_log ADD CONSTRAINT access_log_actor_type_check
  CHECK (actor_type IN ('staff', 'contractor', 'resident', 'system', 'operator'));

-- Runs before access_log_chain (triggers fire in name order), so the hash covers the actor type it sets: an
-- entry of a contractor's staff member says so, whatever the service wrote.
CREATE FUNCTION audit.mark_contractor() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.actor_type = 'staff' AND NEW.actor_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' AND EXISTS (
      SELECT 1 FROM platform.staff s
      WHERE s.municipality_code = NEW.municipality_code AND s.staff_id = NEW.actor_id::uuid AND s.contractor) THEN
    NEW.actor_type := 'contractor';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER access_log_actor_kind BEFORE INSERT ON audit.access_log
  FOR EACH ROW EXECUTE FUNCTION audit.mark_contractor();
