-- 交付履歴の発行場所・発行端末 (spec §1.3.8, §5.5; issue #13): every issuance and every print (original or 再交付)
-- records the terminal and place, from the settings a staff session's request puts in its transaction (platform
-- migration 0022); '' for certificates issued by the system (approved cases).
ALTER TABLE certificates.issuance
  ADD COLUMN terminal_code text NOT NULL DEFAULT coalesce(current_setting('app.terminal_code', true), ''),
  ADD COLUMN place_code    text NOT NULL DEFAULT coalesce(current_setting('app.place_code', true), '');
ALTER TABLE certificates.issuance_print
  ADD COLUMN terminal_code text NOT NULL DEFAULT coalesce(current_setting('app.terminal_code', true), ''),
  ADD COLUMN place_code    text NOT NULL DEFAULT coalesce(current_setting('app.place_code', true), '');
