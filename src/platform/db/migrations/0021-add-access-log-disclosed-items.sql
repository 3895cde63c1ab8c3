-- 項目単位の表示制御 (標準仕様書 §10.4, issue #13): 戸籍の表示 (本籍・筆頭者), 住民票コード and 在留資格等 are shown only to
-- roles allowed to see them. An entry now records which of these items the read disclosed to the operator, as it
-- already records whether the 個人番号 was accessed: `disclosed_items`, a comma-separated list of item names
-- (`domicile`, `resident-code`, `residence-status`), empty when none.
-- The canonical text (hence the hash) of an entry gains this field only when it is not empty, so every entry
-- written before keeps its text and hash; src/platform/audit/access-log-chain.ts computes the same text.

ALTER TABLE audit.access_log ADD COLUMN disclosed_items text NOT NULL DEFAULT '';
ALTER TABLE audit.access_log ADD CONSTRAINT access_log_disclosed_items_check
  CHECK (disclosed_items ~ '^([a-z-]+(,[a-z-]+)*)?$');

CREATE OR REPLACE FUNCTION audit.entry_text(e audit.access_log) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT concat_ws(chr(31), e.prev_hash, e.municipality_code,
    CASE WHEN e.chain = 0 THEN e.chain_seq::text ELSE e.chain::text || '.' || e.chain_seq::text END,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e.actor_type, e.actor_id, e.action, e.subject_type, e.subject_id, e.purpose,
    CASE WHEN e.my_number_accessed THEN '1' ELSE '0' END, e.client_ip, e.request_id, e.outcome)
    || CASE WHEN e.disclosed_items <> '' THEN chr(31) || e.disclosed_items ELSE '' END $$;
