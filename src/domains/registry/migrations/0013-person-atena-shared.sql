-- Issue #13 (spec §4.5.3–4.5.5, R16/R17): 帰化 and 国籍喪失 remove the person's record (職権消除（帰化等／国籍喪失）) and
-- enter a new one (職権記載) under the same 宛名番号, so each can be issued (除票の写し of the one, 住民票の写し of the
-- other). A 宛名番号 may therefore name more than one record; it stays indexed for numbering and lookups.
ALTER TABLE registry.person DROP CONSTRAINT IF EXISTS person_atena_no_uq;
CREATE INDEX IF NOT EXISTS person_atena_no_idx ON registry.person (municipality_code, atena_no);
