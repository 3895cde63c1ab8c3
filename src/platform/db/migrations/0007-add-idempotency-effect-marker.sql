-- Crash-safe idempotency (issue #15, faults): a key records, in the same transaction as anything its request
-- commits, that the request has committed something. A key reserved by a request that then died (kill -9, lost
-- connection) is taken over by a retry when nothing was committed, and refused as "outcome unknown" (never run
-- twice) when something was.
ALTER TABLE platform.idempotency_key ADD COLUMN effect_committed_at timestamptz;
