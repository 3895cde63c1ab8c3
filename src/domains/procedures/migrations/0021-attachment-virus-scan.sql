-- Virus scanning of residents' attachments (issue #14): whether the file was scanned before it was stored, and when.
-- An infected file is never stored. 'not-configured': the municipality's service runs without a scanner
-- (JICHI_CLAMD_URL unset); staff see that beside the file.
ALTER TABLE procedures.attachment ADD COLUMN virus_scan text NOT NULL DEFAULT 'not-configured';
ALTER TABLE procedures.attachment ADD COLUMN scanned_at timestamptz;
ALTER TABLE procedures.attachment ADD CONSTRAINT attachment_virus_scan_check
  CHECK (virus_scan IN ('clean', 'not-configured') AND (virus_scan = 'clean') = (scanned_at IS NOT NULL));
