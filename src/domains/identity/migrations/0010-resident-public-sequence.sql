-- The public side appends to the access log (resident sign-in, sign-out, reads of the own history): since platform
-- migration 0009 the entries take their number from a sequence, which jichi_public must be allowed to advance.
GRANT USAGE, UPDATE ON SEQUENCE audit.access_log_seq TO jichi_public;
