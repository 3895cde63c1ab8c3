-- Issue #13 (spec §4.2.0.5): a 職権 change made on a resident's 申出 (申出を受けた職権) is told apart from a plain
-- 職権 change, with its 申出日. Existing changes are plain (false, no date).
ALTER TABLE registry.change ADD COLUMN on_request boolean NOT NULL DEFAULT false;
ALTER TABLE registry.change ADD COLUMN requested_on text;
ALTER TABLE registry.change ADD CONSTRAINT change_requested_on_check CHECK (requested_on IS NULL OR (on_request AND requested_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'));
