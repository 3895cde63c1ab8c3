-- 利用範囲 per staff account (標準仕様書 §10.3 "scope", issue #13), beyond the roles: `scope_places`, the 入力場所 (spec
-- §1.3.1) the account may sign in at (empty: any place), e.g. a 支所 clerk at the 支所 only; `scope_withheld`, actions
-- its roles allow that are withheld from this account (permissions.ts names), e.g. a 窓口 account that may not issue
-- certificates showing 個人番号 (certificates:issue-my-number). Both empty for every existing account (no change).
ALTER TABLE platform.staff
  ADD COLUMN scope_places   text[] NOT NULL DEFAULT '{}',
  ADD COLUMN scope_withheld text[] NOT NULL DEFAULT '{}';
