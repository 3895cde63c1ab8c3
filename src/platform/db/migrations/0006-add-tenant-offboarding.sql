-- Per-municipality end of service (issue #15): a municipality that leaves the shared service is offboarded on a day
-- (sign-ins refused from then on), and after the retention period its rows are deleted, once an export that matches
-- them exactly has been written (`jichi tenant offboard`, `jichi tenant delete`). The tenant row stays as the record.
ALTER TABLE platform.tenant ADD COLUMN offboarded_on text;
ALTER TABLE platform.tenant ADD COLUMN deleted_at timestamptz;
ALTER TABLE platform.tenant ADD COLUMN deletion_archive_sha256 char(64);
ALTER TABLE platform.tenant ADD CONSTRAINT tenant_offboarded_on_check CHECK (offboarded_on IS NULL OR offboarded_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
ALTER TABLE platform.tenant ADD CONSTRAINT tenant_deleted_check CHECK (deleted_at IS NULL OR (offboarded_on IS NOT NULL AND deletion_archive_sha256 IS NOT NULL));
