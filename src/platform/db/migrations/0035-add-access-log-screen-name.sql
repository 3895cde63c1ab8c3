-- 画面名 (標準仕様書 §10.2, issue #13): the operation log records the screen an operation was done on. Requests of the
-- staff console set `app.screen_name` in each tenant transaction (src/platform/audit/screen-names.ts), and the access
-- log's new column defaults to it; API requests, systems, operators and residents record none ('').
ALTER TABLE audit.access_log
  ADD COLUMN screen_name text NOT NULL DEFAULT coalesce(current_setting('app.screen_name', true), '');
ALTER TABLE audit.access_log ADD CONSTRAINT access_log_screen_name_check CHECK (length(screen_name) <= 100);

-- The canonical text: an entry with a screen name appends the disclosed items, the terminal, the place and the
-- screen name (four fields); one without keeps the text of migration 0022, so every earlier entry keeps its hash.
-- src/platform/audit/access-log-chain.ts computes the same text.
CREATE OR REPLACE FUNCTION audit.entry_text(e audit.access_log) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT concat_ws(chr(31), e.prev_hash, e.municipality_code,
    CASE WHEN e.chain = 0 THEN e.chain_seq::text ELSE e.chain::text || '.' || e.chain_seq::text END,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e.actor_type, e.actor_id, e.action, e.subject_type, e.subject_id, e.purpose,
    CASE WHEN e.my_number_accessed THEN '1' ELSE '0' END, e.client_ip, e.request_id, e.outcome)
    || CASE
         WHEN e.screen_name <> '' THEN chr(31) || e.disclosed_items || chr(31) || e.terminal_code || chr(31) || e.place_code || chr(31) || e.screen_name
         WHEN e.terminal_code <> '' OR e.place_code <> '' THEN chr(31) || e.disclosed_items || chr(31) || e.terminal_code || chr(31) || e.place_code
         WHEN e.disclosed_items <> '' THEN chr(31) || e.disclosed_items
         ELSE '' END $$;
