-- Issue #13: the change feed (宛名連携) for the other standard systems (tax, 国保, 介護, 児童手当, elections, daycare …).
-- Every change that becomes final (本登録) gets a feed sequence number per municipality. The number is taken from
-- registry.feed_counter as the last statement of the finalising transaction: the counter row stays locked until
-- that transaction commits, so numbers become visible strictly in order and a reader that has seen number N has
-- seen every number below it (no change committing late can be skipped by a cursor). Bulk imports (migration,
-- demo data) get no number: consumers take them with the full extract.
CREATE TABLE registry.feed_counter (
  municipality_code char(6) NOT NULL,
  last_seq          bigint  NOT NULL,
  CONSTRAINT feed_counter_pkey PRIMARY KEY (municipality_code),
  CONSTRAINT feed_counter_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT feed_counter_last_seq_check CHECK (last_seq >= 0)
);
ALTER TABLE registry.feed_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.feed_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY feed_counter_tenant ON registry.feed_counter
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (last_seq) ON registry.feed_counter TO jichi_app;

ALTER TABLE registry.change ADD COLUMN feed_seq bigint;
CREATE UNIQUE INDEX change_feed_seq_uq ON registry.change (municipality_code, feed_seq) WHERE feed_seq IS NOT NULL;
GRANT UPDATE (feed_seq) ON registry.change TO jichi_app;

-- 連携先: a system that reads the feed, with the item groups it may receive (scopes) and a bearer token kept only
-- as its SHA-256. A revoked consumer keeps its row (the access log names it).
CREATE TABLE registry.feed_consumer (
  municipality_code char(6)     NOT NULL,
  consumer_id       uuid        NOT NULL,
  name              text        NOT NULL,
  purpose           text        NOT NULL,
  scopes            text[]      NOT NULL,
  token_hash        text        NOT NULL,
  created_by        text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  revoked_by        text,
  revoked_at        timestamptz,
  CONSTRAINT feed_consumer_pkey PRIMARY KEY (municipality_code, consumer_id),
  CONSTRAINT feed_consumer_name_uq UNIQUE (municipality_code, name),
  CONSTRAINT feed_consumer_token_uq UNIQUE (municipality_code, token_hash),
  CONSTRAINT feed_consumer_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT feed_consumer_name_check CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$')
);
ALTER TABLE registry.feed_consumer ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.feed_consumer FORCE ROW LEVEL SECURITY;
CREATE POLICY feed_consumer_tenant ON registry.feed_consumer
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (revoked_by, revoked_at) ON registry.feed_consumer TO jichi_app;
