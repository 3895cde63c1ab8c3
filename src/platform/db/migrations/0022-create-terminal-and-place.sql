-- 入力場所・入力端末 (標準仕様書 §1.3.1, §10.2; issue #13). Each municipality's administrators register its places
-- (本庁 市民課, 支所 …) and the terminals at each. A browser becomes a registered terminal when an administrator issues
-- it the terminal cookie (a random token; only its SHA-256 is kept here). A staff session is bound at sign-in to the
-- terminal whose cookie the browser carries, or to none (recorded as `unregistered`).
-- Every access-log entry, change (異動) and certificate issued records the terminal and place it came from: requests of
-- a staff session set `app.terminal_code` / `app.place_code` in their tenant transaction, and the columns default to
-- them. Entries of residents, systems and operators carry none.

CREATE TABLE platform.place (
  municipality_code char(6)     NOT NULL,
  place_code        text        NOT NULL,
  name              text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT place_pkey PRIMARY KEY (municipality_code, place_code),
  CONSTRAINT place_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT place_code_check CHECK (place_code ~ '^[A-Za-z0-9_-]{1,20}$'),
  CONSTRAINT place_name_check CHECK (length(name) BETWEEN 1 AND 100)
);
ALTER TABLE platform.place ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.place FORCE ROW LEVEL SECURITY;
CREATE POLICY place_tenant ON platform.place
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON platform.place TO jichi_app;
GRANT UPDATE (name) ON platform.place TO jichi_app;

CREATE TABLE platform.terminal (
  municipality_code char(6)     NOT NULL,
  terminal_code     text        NOT NULL,
  name              text        NOT NULL,
  place_code        text        NOT NULL,
  active            boolean     NOT NULL DEFAULT true,
  -- SHA-256 of the token of the terminal cookie last issued; null until issued. A new issue replaces it.
  token_hash        char(64),
  issued_at         timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT terminal_pkey PRIMARY KEY (municipality_code, terminal_code),
  CONSTRAINT terminal_place_fkey FOREIGN KEY (municipality_code, place_code) REFERENCES platform.place (municipality_code, place_code),
  CONSTRAINT terminal_code_check CHECK (terminal_code ~ '^[A-Za-z0-9_-]{1,20}$' AND terminal_code <> 'unregistered'),
  CONSTRAINT terminal_name_check CHECK (length(name) BETWEEN 1 AND 100)
);
CREATE UNIQUE INDEX terminal_token_idx ON platform.terminal (municipality_code, token_hash);
ALTER TABLE platform.terminal ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.terminal FORCE ROW LEVEL SECURITY;
CREATE POLICY terminal_tenant ON platform.terminal
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON platform.terminal TO jichi_app;
GRANT UPDATE (name, place_code, active, token_hash, issued_at) ON platform.terminal TO jichi_app;

-- The terminal a session was opened at ('unregistered' when the browser carried no valid terminal cookie).
ALTER TABLE platform.session
  ADD COLUMN terminal_code text NOT NULL DEFAULT 'unregistered',
  ADD COLUMN place_code    text NOT NULL DEFAULT '';

DROP FUNCTION platform.resolve_session(text, text);
CREATE FUNCTION platform.resolve_session(p_municipality_code text, p_token_hash text)
  RETURNS TABLE (
    municipality_code char(6), token_hash char(64), staff_id uuid, csrf_token text, auth_method text,
    last_seen_at timestamptz, expires_at timestamptz, created_at timestamptz,
    login_id text, display_name text, roles text[], disabled boolean, contractor boolean,
    terminal_code text, place_code text)
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
BEGIN
  PERFORM set_config('role', 'jichi_app', true);
  PERFORM set_config('app.municipality_code', p_municipality_code, true);
  RETURN QUERY
    SELECT s.municipality_code, s.token_hash, s.staff_id, s.csrf_token, s.auth_method, s.last_seen_at, s.expires_at,
      s.created_at, st.login_id, st.display_name, st.roles, st.disabled, st.contractor, s.terminal_code, s.place_code
    FROM platform.session s
    JOIN platform.staff st ON st.municipality_code = s.municipality_code AND st.staff_id = s.staff_id
    WHERE s.token_hash = p_token_hash AND s.expires_at > now();
END $$;
GRANT EXECUTE ON FUNCTION platform.resolve_session(text, text) TO jichi_app;

-- The access log: terminal and place of the request (from the transaction's settings unless given).
ALTER TABLE audit.access_log
  ADD COLUMN terminal_code text NOT NULL DEFAULT coalesce(current_setting('app.terminal_code', true), ''),
  ADD COLUMN place_code    text NOT NULL DEFAULT coalesce(current_setting('app.place_code', true), '');

-- The canonical text: an entry with a terminal or place appends the disclosed items, the terminal and the place
-- (three fields); one without appends the disclosed items alone when there are some (as migration 0021), so every
-- earlier entry keeps its text and hash. src/platform/audit/access-log-chain.ts computes the same text.
CREATE OR REPLACE FUNCTION audit.entry_text(e audit.access_log) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT concat_ws(chr(31), e.prev_hash, e.municipality_code,
    CASE WHEN e.chain = 0 THEN e.chain_seq::text ELSE e.chain::text || '.' || e.chain_seq::text END,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e.actor_type, e.actor_id, e.action, e.subject_type, e.subject_id, e.purpose,
    CASE WHEN e.my_number_accessed THEN '1' ELSE '0' END, e.client_ip, e.request_id, e.outcome)
    || CASE
         WHEN e.terminal_code <> '' OR e.place_code <> '' THEN chr(31) || e.disclosed_items || chr(31) || e.terminal_code || chr(31) || e.place_code
         WHEN e.disclosed_items <> '' THEN chr(31) || e.disclosed_items
         ELSE '' END $$;
