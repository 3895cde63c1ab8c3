-- The 150-year purge (0031) written before the J-LIS, 入管, 附票, eligibility and 成年被後見人 records existed (0032–0034):
-- a purge now keeps a record while a J-LIS request or a 入管 message of it is not sent yet, and otherwise removes the
-- person's rows there too (their card, 送付先, JPKI, 符号, eligibility, guardianship and 附票 history and the sent
-- messages), which the foreign keys to registry.person would otherwise refuse. Same rules as before for the rest.
CREATE OR REPLACE FUNCTION registry.purge_removed_record(p_person uuid) RETURNS boolean
  LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  m char(6) := platform.current_municipality();
  limit_day text := to_char((current_date - interval '150 years')::date, 'YYYY-MM-DD');
BEGIN
  IF m IS NULL OR NOT EXISTS (
    SELECT 1 FROM registry.person_current c
    WHERE c.municipality_code = m AND c.person_id = p_person AND c.removed_on IS NOT NULL AND c.removed_on < limit_day
      AND c.pending_change_id IS NULL) THEN
    RETURN false;
  END IF;
  IF EXISTS (SELECT 1 FROM registry.support_measure s WHERE s.municipality_code = m AND s.person_id = p_person)
     OR EXISTS (SELECT 1 FROM registry.support_measure_party s WHERE s.municipality_code = m AND s.person_id = p_person)
     OR EXISTS (SELECT 1 FROM registry.jukinet_message j WHERE j.municipality_code = m AND j.person_id = p_person AND j.status <> 'sent')
     OR EXISTS (SELECT 1 FROM registry.jlis_request j WHERE j.municipality_code = m AND j.person_id = p_person AND j.status IN ('pending', 'failed'))
     OR EXISTS (SELECT 1 FROM registry.immigration_message i WHERE i.municipality_code = m AND i.person_id = p_person AND i.status <> 'sent') THEN
    RETURN false;
  END IF;
  DELETE FROM registry.jukinet_message WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.person_token WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.jlis_request WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.card_status WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.card_delivery_address WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.jpki_certificate WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.eligibility_report WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.guardianship_notice WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.fuhyo_notice WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.immigration_message WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.immigration_notice WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.person_current WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.person_snapshot WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.person WHERE municipality_code = m AND person_id = p_person;
  RETURN true;
END $$;
REVOKE ALL ON FUNCTION registry.purge_removed_record(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION registry.purge_removed_record(uuid) TO jichi_app;
