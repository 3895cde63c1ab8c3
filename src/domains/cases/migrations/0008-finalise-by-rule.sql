-- Issue #10: 本登録 by rule. A case type may let the registry change of a case approved by the automatic review
-- (every check passed) be finalised (本登録) in the same transaction, without a second person; otherwise the change
-- stays 仮登録 for a person in the registry's provisional list. The standard 転居届 allows it.
ALTER TABLE cases.case_type ADD COLUMN finalise_by_rule boolean NOT NULL DEFAULT false;
UPDATE cases.case_type SET finalise_by_rule = true WHERE standard AND code = 'move-within';
