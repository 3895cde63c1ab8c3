-- 二要素認証 (標準仕様書 §10.3, issue #13): a staff member may enrol a TOTP authenticator (RFC 6238). `totp_pending` holds
-- a secret being enrolled until a first code confirms it; `totp_secret` is then required at every password sign-in,
-- and `totp_last_step` keeps the last time step used so that a code is accepted once. The secret is kept as base32
-- text (like the password hash, it is readable only by the application role of the municipality).
ALTER TABLE platform.staff
  ADD COLUMN totp_secret    text,
  ADD COLUMN totp_pending   text,
  ADD COLUMN totp_last_step bigint;
