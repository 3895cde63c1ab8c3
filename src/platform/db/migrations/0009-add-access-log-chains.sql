-- Several hash chains per municipality (issue #15, throughput): one chain serialised every audited request of a
-- municipality on one lock until commit (444 requests/s on a server). Now each transaction takes the first free
-- chain of audit.chain_count() (16 unless the setting jichi.audit_chains says otherwise), so concurrent requests
-- chain in parallel, and `audit verify` still proves every entry of every chain (gap-free chain_seq, linked hashes).
-- Existing entries become chain 0 with chain_seq = seq, and their canonical text (hence their hash) is unchanged.
-- `seq` is now drawn from one sequence: unique, ordered by time of insertion, no longer gap-free (chain_seq is).

ALTER TABLE audit.access_log
  ADD COLUMN chain     smallint NOT NULL DEFAULT 0,
  ADD COLUMN chain_seq bigint   NOT NULL DEFAULT 0;

ALTER TABLE audit.access_log DISABLE TRIGGER access_log_append_only;
UPDATE audit.access_log SET chain_seq = seq;
ALTER TABLE audit.access_log ENABLE TRIGGER access_log_append_only;

ALTER TABLE audit.access_log ADD CONSTRAINT access_log_chain_check CHECK (chain >= 0 AND chain_seq >= 1);
CREATE UNIQUE INDEX access_log_chain_idx ON audit.access_log (municipality_code, chain, chain_seq);

CREATE SEQUENCE audit.access_log_seq;
SELECT setval('audit.access_log_seq', coalesce((SELECT max(seq) FROM audit.access_log), 0) + 1, false);
GRANT USAGE, UPDATE ON SEQUENCE audit.access_log_seq TO jichi_app;

-- The number of chains per municipality: 16, or the transaction's setting jichi.audit_chains (1 = the old single chain).
CREATE FUNCTION audit.chain_count() RETURNS int
  LANGUAGE sql STABLE
  AS $$ SELECT greatest(1, least(256, coalesce(nullif(current_setting('jichi.audit_chains', true), '')::int, 16))) $$;

-- Chain 0 keeps the old text (its position alone); other chains prefix their number: "3.17".
CREATE OR REPLACE FUNCTION audit.entry_text(e audit.access_log) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT concat_ws(chr(31), e.prev_hash, e.municipality_code,
    CASE WHEN e.chain = 0 THEN e.chain_seq::text ELSE e.chain::text || '.' || e.chain_seq::text END,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e.actor_type, e.actor_id, e.action, e.subject_type, e.subject_id, e.purpose,
    CASE WHEN e.my_number_accessed THEN '1' ELSE '0' END, e.client_ip, e.request_id, e.outcome) $$;

CREATE OR REPLACE FUNCTION audit.chain_access_log() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  last audit.access_log;
  n int := audit.chain_count();
  setting text := 'jichi.audit_chain_' || NEW.municipality_code;
  chosen int := nullif(current_setting(setting, true), '')::int;
  start int;
  top bigint;
BEGIN
  -- A transaction keeps the chain it took first (at most one chain lock per municipality: no deadlock).
  IF chosen IS NULL THEN
    start := floor(random() * n)::int;
    FOR i IN 0 .. n - 1 LOOP
      IF pg_try_advisory_xact_lock(hashtextextended('audit.access_log:' || NEW.municipality_code || ':' || ((start + i) % n), 0)) THEN
        chosen := (start + i) % n;
        EXIT;
      END IF;
    END LOOP;
    IF chosen IS NULL THEN
      -- Every chain busy: wait for one, until its writer commits.
      chosen := start;
      PERFORM pg_advisory_xact_lock(hashtextextended('audit.access_log:' || NEW.municipality_code || ':' || chosen, 0));
    END IF;
    PERFORM set_config(setting, chosen::text, true);
  END IF;
  SELECT * INTO last FROM audit.access_log
    WHERE municipality_code = NEW.municipality_code AND chain = chosen ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain := chosen;
  NEW.chain_seq := coalesce(last.chain_seq, 0) + 1;
  NEW.prev_hash := coalesce(last.hash, repeat('0', 64));
  NEW.seq := nextval('audit.access_log_seq');
  -- After a restore the sequence may lag the restored entries: move it past them.
  SELECT max(seq) INTO top FROM audit.access_log WHERE municipality_code = NEW.municipality_code;
  IF top IS NOT NULL AND NEW.seq <= top THEN
    PERFORM setval('audit.access_log_seq', top + 1 + (random() * 1000)::int, true);
    NEW.seq := nextval('audit.access_log_seq');
  END IF;
  NEW.occurred_at := date_trunc('milliseconds', coalesce(NEW.occurred_at, clock_timestamp()));
  NEW.hash := encode(sha256(convert_to(audit.entry_text(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END $$;
