-- Corrections, withdrawals (取下げ) and declined offers (辞退). An application stays editable until its round is
-- confirmed: a correction replaces its fields in place; a withdrawal keeps the row for the record (who/when)
-- and leaves it out of the request built for runs and exports. A decline is recorded on a confirmed round
-- (append-only) and releases the child's offer when a 二次 round is created from it.

ALTER TABLE daycare.application
  ADD COLUMN status       text        NOT NULL DEFAULT 'active',
  ADD COLUMN updated_at   timestamptz,
  ADD COLUMN updated_by   text,
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN withdrawn_by text,
  ADD CONSTRAINT application_status_check CHECK (status IN ('active', 'withdrawn')),
  ADD CONSTRAINT application_withdrawn_check CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL));
GRANT UPDATE (child_name, age_class, current_facility_id, preferences, score, score_by_facility, tie_break, facts, score_items,
  status, updated_at, updated_by, withdrawn_at, withdrawn_by) ON daycare.application TO jichi_app;

-- 辞退: a child offered a place in a confirmed round declines it.
CREATE TABLE daycare.offer_decline (
  municipality_code char(6)     NOT NULL,
  round_id          text        NOT NULL,
  child_id          text        NOT NULL,
  declined_at       timestamptz NOT NULL DEFAULT now(),
  declined_by       text        NOT NULL,
  CONSTRAINT offer_decline_pkey PRIMARY KEY (municipality_code, round_id, child_id),
  CONSTRAINT offer_decline_application_fkey FOREIGN KEY (municipality_code, round_id, child_id)
    REFERENCES daycare.application (municipality_code, round_id, child_id)
);
ALTER TABLE daycare.offer_decline ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare.offer_decline FORCE ROW LEVEL SECURITY;
CREATE POLICY offer_decline_tenant ON daycare.offer_decline
  USING (municipality_code = platform.current_municipality())
  WITH CHECK (municipality_code = platform.current_municipality());
GRANT SELECT, INSERT ON daycare.offer_decline TO jichi_app;
