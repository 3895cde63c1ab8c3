-- Issue #13 (spec §1.1.5, §9.3; 住基法施行令 34条1項): the 除票DB. A yearly batch (registry.batch_run kind
-- 'removed-archive') moves 除票 removed on or before a cut-off out of the main DB into the 除票DB partition of the
-- current state: `archived_at` set, with the run that moved it. Ordinary searches read the main DB (現存 + recent
-- 除票); the combined search (除票を含む) reads both and labels each hit. Snapshots (history), the change feed and
-- certificates (除票の写し) read the record wherever it is.
ALTER TABLE registry.person_current ADD COLUMN IF NOT EXISTS archived_at timestamptz;
ALTER TABLE registry.person_current ADD COLUMN IF NOT EXISTS archive_run_id uuid;
CREATE INDEX IF NOT EXISTS person_current_unarchived_removed_idx ON registry.person_current (municipality_code, removed_on)
  WHERE removed_on IS NOT NULL AND archived_at IS NULL;

-- 保存期間 (150 years from 消除, 施行令34条1項): the only way a 除票 leaves the database. The age is checked here, in
-- the database, against today's date, whatever the caller asks: a record removed less than 150 years ago (or not
-- removed, or under a 支援措置 record, or with a pending change or a 住基ネット message not yet sent) is kept and the
-- function returns false. The record's sent 住基ネット messages go with it.
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
     OR EXISTS (SELECT 1 FROM registry.jukinet_message j WHERE j.municipality_code = m AND j.person_id = p_person AND j.status <> 'sent') THEN
    RETURN false;
  END IF;
  DELETE FROM registry.jukinet_message WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.person_current WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.person_snapshot WHERE municipality_code = m AND person_id = p_person;
  DELETE FROM registry.person WHERE municipality_code = m AND person_id = p_person;
  RETURN true;
END $$;
REVOKE ALL ON FUNCTION registry.purge_removed_record(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION registry.purge_removed_record(uuid) TO jichi_app;
