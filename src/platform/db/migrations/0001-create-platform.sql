-- Platform schema: municipalities (reference data), tenants, staff, sessions.
-- Tenant-owned tables lead their primary key with municipality_code and are filtered by
-- forced row-level security on the municipality of the current transaction.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jichi_app') THEN
    CREATE ROLE jichi_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS platform;
GRANT USAGE ON SCHEMA platform TO jichi_app;

-- The municipality of the current transaction, set by the application with
-- set_config('app.municipality_code', code, true). NULL when unset: every policy then matches nothing.
-- It returns bpchar, the type of every municipality_code column, so that the policies' predicate
-- `municipality_code = platform.current_municipality()` is an index condition (a text result would cast the
-- column and turn the predicate into a filter evaluated row by row).
CREATE FUNCTION platform.current_municipality() RETURNS bpchar
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.municipality_code', true), '')::bpchar $$;
GRANT EXECUTE ON FUNCTION platform.current_municipality() TO jichi_app;

-- 全国地方公共団体コード: national reference data (not tenant-owned, no personal data).
CREATE TABLE platform.municipality (
  code            char(6)  NOT NULL,
  prefecture_code char(2)  NOT NULL,
  prefecture_name text     NOT NULL,
  name            text     NOT NULL,
  name_kana       text     NOT NULL,
  class           text     NOT NULL,
  parent_code     char(6),
  CONSTRAINT municipality_pkey PRIMARY KEY (code),
  CONSTRAINT municipality_class_check CHECK (class IN ('都道府県', '指定都市', '中核市', '特別区', '一般市', '町村', '行政区'))
);
GRANT SELECT ON platform.municipality TO jichi_app;

-- Municipalities onboarded on this deployment, with their configuration (never code).
CREATE TABLE platform.tenant (
  municipality_code char(6)     NOT NULL,
  onboarded_at      timestamptz NOT NULL DEFAULT now(),
  settings          jsonb       NOT NULL DEFAULT '{}'::jsonb,
  CONSTRAINT tenant_pkey PRIMARY KEY (municipality_code),
  CONSTRAINT tenant_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.municipality (code)
);
GRANT SELECT ON platform.tenant TO jichi_app;

-- Staff accounts (職員), per municipality.
CREATE TABLE platform.staff (
  municipality_code char(6)     NOT NULL,
  staff_id          uuid        NOT NULL,
  login_id          text        NOT NULL,
  display_name      text        NOT NULL,
  roles             text[]      NOT NULL,
  password_hash     text,
  oidc_subject      text,
  failed_logins     integer     NOT NULL DEFAULT 0,
  locked_until      timestamptz,
  disabled          boolean     NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT staff_pkey PRIMARY KEY (municipality_code, staff_id),
  CONSTRAINT staff_login_id_uq UNIQUE (municipality_code, login_id),
  CONSTRAINT staff_oidc_subject_uq UNIQUE (municipality_code, oidc_subject),
  CONSTRAINT staff_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT staff_login_id_check CHECK (login_id ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  CONSTRAINT staff_roles_check CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['counter','reviewer','approver','daycare','admin','analyst']::text[])
);
ALTER TABLE platform.staff ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.staff FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_tenant ON platform.staff
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE ON platform.staff TO jichi_app;

-- Staff sessions; the cookie carries the municipality code and a random token, the table its SHA-256.
CREATE TABLE platform.session (
  municipality_code char(6)     NOT NULL,
  token_hash        char(64)    NOT NULL,
  staff_id          uuid        NOT NULL,
  csrf_token        text        NOT NULL,
  auth_method       text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_seen_at      timestamptz NOT NULL DEFAULT now(),
  expires_at        timestamptz NOT NULL,
  CONSTRAINT session_pkey PRIMARY KEY (municipality_code, token_hash),
  CONSTRAINT session_staff_fkey FOREIGN KEY (municipality_code, staff_id)
    REFERENCES platform.staff (municipality_code, staff_id) ON DELETE CASCADE,
  CONSTRAINT session_auth_method_check CHECK (auth_method IN ('password', 'oidc'))
);
CREATE INDEX session_staff_idx ON platform.session (municipality_code, staff_id);
ALTER TABLE platform.session ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.session FORCE ROW LEVEL SECURITY;
CREATE POLICY session_tenant ON platform.session
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON platform.session TO jichi_app;
