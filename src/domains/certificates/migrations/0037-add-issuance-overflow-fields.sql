-- 文字超過 (spec §5.8, issue #13): the fields whose value did not fit even at the smallest size are kept with the
-- issuance (the clerk was alerted at the preview and on the result page; alert `value-overflow`).
ALTER TABLE certificates.issuance ADD COLUMN overflow_fields text[] NOT NULL DEFAULT '{}';
