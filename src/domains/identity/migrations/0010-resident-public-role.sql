-- The internet side (issue #14, 三層の対策): `jichi serve --role public` serves the resident portal, the public guide
-- and the verify page as the role jichi_public, which reads no registry table and no 個人番号: what residents may
-- see comes through narrow SECURITY DEFINER functions (the registry match below, the access history, certificate
-- verification), and it writes only resident sessions, the access log and submissions (each submission table
-- grants its own INSERT to jichi_public). docs/deployment.md describes the split.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jichi_public') THEN
    CREATE ROLE jichi_public NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jichi_resident_match') THEN
    CREATE ROLE jichi_resident_match NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT jichi_public, jichi_resident_match TO %I', current_user);
EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN NULL;
END $$;

-- Matching a signed-in resident by 基本4情報 (rules in src/domains/registry/resident-match.ts): at most two rows, so
-- the caller can tell one from several; nothing but keys and household. Owned by a role that may read only the
-- columns it compares.
GRANT USAGE ON SCHEMA registry, platform TO jichi_resident_match;
GRANT EXECUTE ON FUNCTION platform.current_municipality() TO jichi_resident_match;
GRANT SELECT (municipality_code, person_id, household_id, relationship, birth_sort, sex, removed_on, record) ON registry.person_current TO jichi_resident_match;
CREATE FUNCTION registry.match_resident(p_municipality_code text, p_family_name text, p_given_name text, p_name text,
    p_birth_date text, p_sex text, p_address text, p_address_prefix text)
  RETURNS TABLE (person_id uuid, atena_no text, household_id uuid, household_no text, is_household_head boolean)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  v_address text := regexp_replace(p_address, '[[:space:]　]+', '', 'g');
  v_prefix text := regexp_replace(coalesce(p_address_prefix, ''), '[[:space:]　]+', '', 'g');
BEGIN
  PERFORM set_config('app.municipality_code', p_municipality_code, true);
  RETURN QUERY
    SELECT p.person_id, p.record->>'atenaNo', p.household_id, p.record->>'householdNo', p.relationship = '世帯主'
    FROM registry.person_current p
    WHERE p.municipality_code = p_municipality_code AND p.birth_sort = p_birth_date AND p.sex = p_sex AND p.removed_on IS NULL
      AND p.record->'birthDate'->>'precision' = 'day'
      AND CASE WHEN p_family_name IS NOT NULL AND p_given_name IS NOT NULL
            THEN p.record->>'familyName' = p_family_name AND p.record->>'givenName' = p_given_name
            ELSE p_name IN (concat(p.record->>'familyName', p.record->>'givenName'), concat(p.record->>'familyName', '　', p.record->>'givenName'),
                            concat(p.record->>'familyName', ' ', p.record->>'givenName')) END
      AND v_address IN (
            regexp_replace(concat(p.record->'address'->>'townName', p.record->'address'->>'banchi', p.record->'address'->>'katagaki'), '[[:space:]　]+', '', 'g'),
            v_prefix || regexp_replace(concat(p.record->'address'->>'townName', p.record->'address'->>'banchi', p.record->'address'->>'katagaki'), '[[:space:]　]+', '', 'g'))
    LIMIT 2;
END $$;
ALTER FUNCTION registry.match_resident(text, text, text, text, text, text, text, text) OWNER TO jichi_resident_match;
REVOKE ALL ON FUNCTION registry.match_resident(text, text, text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION registry.match_resident(text, text, text, text, text, text, text, text) TO jichi_app, jichi_public;

-- What the public side may touch directly.
GRANT USAGE ON SCHEMA platform, audit, registry, certificates TO jichi_public;
GRANT EXECUTE ON FUNCTION platform.current_municipality() TO jichi_public;
GRANT SELECT ON platform.municipality, platform.tenant TO jichi_public;
GRANT SELECT, INSERT ON platform.resident_account TO jichi_public;
GRANT UPDATE (last_sign_in_at) ON platform.resident_account TO jichi_public;
GRANT SELECT, INSERT, DELETE ON platform.resident_session TO jichi_public;
GRANT UPDATE (last_seen_at) ON platform.resident_session TO jichi_public;
-- The chain trigger of the access log reads the municipality's last entry as the inserting role.
GRANT SELECT, INSERT ON audit.access_log TO jichi_public;
GRANT EXECUTE ON FUNCTION platform.resident_access_history(text, text, integer) TO jichi_public;
GRANT EXECUTE ON FUNCTION certificates.verify_code(text) TO jichi_public;
