-- Issue #9: the approval step. A change gets a human-readable 受付番号 (per municipality and year, e.g. 令和8年 第12号),
-- shown on every screen instead of its UUID; and a reviewer or approver may return (差戻し) a provisional change to its
-- clerk with a reason. A returned change keeps its reservations (persons and households stay reserved to it, nothing is
-- released); its clerk resubmits it (back to provisional) or withdraws it (releases everything).
CREATE TABLE registry.change_receipt_counter (
  municipality_code char(6)  NOT NULL,
  receipt_year      smallint NOT NULL,
  last_no           integer  NOT NULL,
  CONSTRAINT change_receipt_counter_pkey PRIMARY KEY (municipality_code, receipt_year),
  CONSTRAINT change_receipt_counter_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES platform.tenant (municipality_code)
);
ALTER TABLE registry.change_receipt_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.change_receipt_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY change_receipt_counter_tenant ON registry.change_receipt_counter
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT, UPDATE (last_no) ON registry.change_receipt_counter TO jichi_app;

ALTER TABLE registry.change ADD COLUMN receipt_year smallint;
ALTER TABLE registry.change ADD COLUMN receipt_no integer;
ALTER TABLE registry.change ADD COLUMN returned_reason text;
ALTER TABLE registry.change ADD COLUMN returned_by text;
ALTER TABLE registry.change ADD COLUMN returned_at timestamptz;
ALTER TABLE registry.change ADD CONSTRAINT change_receipt_uq UNIQUE (municipality_code, receipt_year, receipt_no);
ALTER TABLE registry.change DROP CONSTRAINT change_status_check;
ALTER TABLE registry.change ADD CONSTRAINT change_status_check CHECK (status IN ('provisional', 'returned', 'final', 'withdrawn'));
CREATE INDEX change_returned_idx ON registry.change (municipality_code, operator_id, processed_at) WHERE status = 'returned';
CREATE INDEX change_operator_idx ON registry.change (municipality_code, operator_id, processed_at DESC);
GRANT UPDATE (returned_reason, returned_by, returned_at) ON registry.change TO jichi_app;
