-- Who belonged to a household on a past day: certificates as of a date look up every person with a snapshot in
-- the household, including persons who have since moved to another household.
CREATE INDEX person_snapshot_household_idx ON registry.person_snapshot (municipality_code, household_id);
