-- The chain trigger reads its chain's last entry once per transaction, not once per entry (issue #13/#15: the change
-- feed's full extract writes one entry per person, 1,000 per page). A transaction holds its chain's lock until it
-- ends, so no one else can extend that chain meanwhile: after its first entry, the trigger keeps the head (position
-- and hash) in a transaction-local setting and chains the next entry to it. Before, every entry ran
-- `ORDER BY chain_seq DESC LIMIT 1` and `max(seq)`; on a table whose statistics were stale (a new municipality's
-- first large extract or import) the planner chose a scan, and a page of 1,000 entries took seconds, growing with
-- every page (bench/registry-feed.ts). Settings made with is_local = true are undone with a rolled-back savepoint,
-- so a cached head never outlives the entries it describes. Nothing writes to audit.access_log with its triggers
-- disabled inside a transaction that has already appended (restores log their access in a transaction of their own).
CREATE OR REPLACE FUNCTION audit.chain_access_log() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  last audit.access_log;
  n int := audit.chain_count();
  setting text := 'jichi.audit_chain_' || NEW.municipality_code;
  head_setting text := 'jichi.audit_head_' || NEW.municipality_code;
  chosen int := nullif(current_setting(setting, true), '')::int;
  head text := nullif(current_setting(head_setting, true), '');
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
    head := NULL;
  END IF;
  NEW.chain := chosen;
  NEW.seq := nextval('audit.access_log_seq');
  IF head IS NULL THEN
    -- The transaction's first entry on this chain: read the chain's head.
    SELECT * INTO last FROM audit.access_log
      WHERE municipality_code = NEW.municipality_code AND chain = chosen ORDER BY chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(last.chain_seq, 0) + 1;
    NEW.prev_hash := coalesce(last.hash, repeat('0', 64));
    -- After a restore the sequence may lag the restored entries: move it past them.
    SELECT max(seq) INTO top FROM audit.access_log WHERE municipality_code = NEW.municipality_code;
    IF top IS NOT NULL AND NEW.seq <= top THEN
      PERFORM setval('audit.access_log_seq', top + 1 + (random() * 1000)::int, true);
      NEW.seq := nextval('audit.access_log_seq');
    END IF;
  ELSE
    NEW.chain_seq := split_part(head, ':', 1)::bigint + 1;
    NEW.prev_hash := split_part(head, ':', 2);
  END IF;
  NEW.occurred_at := date_trunc('milliseconds', coalesce(NEW.occurred_at, clock_timestamp()));
  NEW.hash := encode(sha256(convert_to(audit.entry_text(NEW), 'UTF8')), 'hex');
  PERFORM set_config(head_setting, NEW.chain_seq::text || ':' || NEW.hash, true);
  RETURN NEW;
END $$;
