-- 入力場所・入力端末 (spec §1.3.1, §1.2.1 IdoMeta; issue #13): every change (異動) and every printed form records the
-- terminal and place it was entered at, from the settings a staff session's request puts in its transaction
-- (platform migration 0022); '' for changes by the system or by import.
ALTER TABLE registry.change
  ADD COLUMN terminal_code text NOT NULL DEFAULT coalesce(current_setting('app.terminal_code', true), ''),
  ADD COLUMN place_code    text NOT NULL DEFAULT coalesce(current_setting('app.place_code', true), '');
ALTER TABLE registry.form_print
  ADD COLUMN terminal_code text NOT NULL DEFAULT coalesce(current_setting('app.terminal_code', true), ''),
  ADD COLUMN place_code    text NOT NULL DEFAULT coalesce(current_setting('app.place_code', true), '');
