-- The internet side's role appends to the access log without reading it (issue #14, noted in docs/deployment.md).
-- The chain trigger reads the last entry of its chain and advances the insertion sequence; it now does so with the
-- rights of its owner (SECURITY DEFINER, fixed search_path; the row-level policy still limits it to the
-- transaction's municipality), so jichi_public keeps INSERT only: a compromised public process cannot read who
-- read which record.
ALTER FUNCTION audit.chain_access_log() SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE SELECT ON audit.access_log FROM jichi_public;
REVOKE USAGE, UPDATE ON SEQUENCE audit.access_log_seq FROM jichi_public;
