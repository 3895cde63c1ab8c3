-- Issue #13 (spec §4.0.5, §4.0.9, §4.1.0.3, §4.2.0.1, 20.4.1, §10.7, MN8): every print of a registry form (確認書,
-- 受理通知書, 世帯主変更通知書, 職権記録書, 職権記載等通知書, 住民票コード通知票) is recorded: which change and form, for
-- which person (住民票コード通知票), the print's number (2 and later are 再印刷), who, when, from where (client
-- address) and the hash of the PDF delivered. Insert only.
CREATE TABLE registry.form_print (
  municipality_code char(6)     NOT NULL,
  change_id         uuid        NOT NULL,
  form              text        NOT NULL,
  person_key        text        NOT NULL DEFAULT '',
  print_no          integer     NOT NULL,
  printed_by        text        NOT NULL,
  printed_by_name   text        NOT NULL,
  printed_at        timestamptz NOT NULL DEFAULT now(),
  client_ip         text        NOT NULL DEFAULT '',
  pdf_sha256        text        NOT NULL,
  CONSTRAINT form_print_pkey PRIMARY KEY (municipality_code, change_id, form, person_key, print_no),
  CONSTRAINT form_print_change_fkey FOREIGN KEY (municipality_code, change_id) REFERENCES registry.change (municipality_code, change_id),
  CONSTRAINT form_print_no_check CHECK (print_no >= 1)
);
ALTER TABLE registry.form_print ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.form_print FORCE ROW LEVEL SECURITY;
CREATE POLICY form_print_tenant ON registry.form_print
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON registry.form_print TO jichi_app;
