-- 権限の予約変更と一括保守 (標準仕様書 §10.3, issue #13): a change of an account's roles that takes effect on a later day
-- (e.g. a transfer on 4月1日), applied on that day by the periodic task (and at the account's sign-in). One per account
-- and day (a repeated request is the same change). Applied and cancelled rows stay as the history of the account.
CREATE TABLE platform.staff_change (
  municipality_code char(6)     NOT NULL,
  change_id         uuid        NOT NULL,
  staff_id          uuid        NOT NULL,
  effective_on      date        NOT NULL,
  roles             text[]      NOT NULL,
  requested_by      text        NOT NULL,
  requested_at      timestamptz NOT NULL DEFAULT now(),
  applied_at        timestamptz,
  CONSTRAINT staff_change_pkey PRIMARY KEY (municipality_code, change_id),
  CONSTRAINT staff_change_staff_fkey FOREIGN KEY (municipality_code, staff_id) REFERENCES platform.staff (municipality_code, staff_id),
  CONSTRAINT staff_change_roles_check CHECK (cardinality(roles) BETWEEN 1 AND 6)
);
CREATE UNIQUE INDEX staff_change_day_idx ON platform.staff_change (municipality_code, staff_id, effective_on);
ALTER TABLE platform.staff_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.staff_change FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_change_tenant ON platform.staff_change
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON platform.staff_change TO jichi_app;
GRANT UPDATE (applied_at) ON platform.staff_change TO jichi_app;
