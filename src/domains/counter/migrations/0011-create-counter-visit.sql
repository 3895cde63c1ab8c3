-- 窓口の来庁 (counter visits): one resident's visit from reception to filing. The interview (members from the
-- registry or the マイナンバーカード's 券面事項, shared answers, the clerk's additions and drops) is kept until it is
-- filed; filing writes the registry 仮登録 and every case in one transaction and records their numbers here.
-- Tenant-owned: keys lead with municipality_code, forced row-level security. Holds personal data (like the cases).

CREATE TABLE counter.visit (
  municipality_code  char(6)     NOT NULL,
  visit_id           uuid        NOT NULL,
  -- 来庁番号 shown to people: 'YYYY-NNNNNN', serial per year.
  visit_no           text        NOT NULL,
  service_day        text        NOT NULL,
  ticket_number      integer,
  staff_id           uuid        NOT NULL,
  life_events        text[]      NOT NULL,
  status             text        NOT NULL DEFAULT 'interview',
  -- The interview as entered (members, answers, adjustments); validated by the counter service.
  interview          jsonb       NOT NULL,
  -- The life-event rule set version the procedures were listed by.
  rule_version       text        NOT NULL,
  filed_at           timestamptz,
  registry_change_id uuid,
  case_nos           text[]      NOT NULL DEFAULT '{}',
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT visit_pkey PRIMARY KEY (municipality_code, visit_id),
  CONSTRAINT visit_no_uq UNIQUE (municipality_code, visit_no),
  CONSTRAINT visit_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code),
  CONSTRAINT visit_staff_fkey FOREIGN KEY (municipality_code, staff_id) REFERENCES platform.staff (municipality_code, staff_id),
  CONSTRAINT visit_no_check CHECK (visit_no ~ '^[0-9]{4}-[0-9]{6}$'),
  CONSTRAINT visit_status_check CHECK (status IN ('interview', 'filed', 'cancelled')),
  CONSTRAINT visit_filed_check CHECK ((status = 'filed') = (filed_at IS NOT NULL))
);
CREATE INDEX visit_day_idx ON counter.visit (municipality_code, service_day);
ALTER TABLE counter.visit ENABLE ROW LEVEL SECURITY;
ALTER TABLE counter.visit FORCE ROW LEVEL SECURITY;
CREATE POLICY visit_tenant ON counter.visit
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON counter.visit TO jichi_app;
GRANT UPDATE (status, interview, rule_version, filed_at, registry_change_id, case_nos, updated_at) ON counter.visit TO jichi_app;
