-- Releasing a change's reservations at 本登録 or 取下げ finds the households and persons it holds by
-- pending_change_id. Without an index that is a scan of the municipality's households and current rows, which
-- grows with the registry (about 20 ms per approval at 1,000,000 residents). Only reserved rows are indexed.
CREATE INDEX household_pending_change_idx ON registry.household (municipality_code, pending_change_id) WHERE pending_change_id IS NOT NULL;
CREATE INDEX person_current_pending_change_idx ON registry.person_current (municipality_code, pending_change_id) WHERE pending_change_id IS NOT NULL;
