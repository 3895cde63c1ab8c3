// SPDX-License-Identifier: EUPL-1.2
/**
 * 外字 in use (spec §2.1.3 外字の選択): the characters of this municipality's stored names (氏, 名, 旧氏, 通称 of the
 * current state) that cannot be typed with an IME: Unicode private use characters and IVS sequences (a character
 * with its ideographic variation selector). The search form offers them to insert into the name box.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';

/** A private use character (BMP or planes 15–16) or a character followed by an IVS (U+E0100–E01EF). */
const GAIJI = '([\\uE000-\\uF8FF\\U000F0000-\\U0010FFFD]|.[\\U000E0100-\\U000E01EF])';

/** The distinct 外字 of the stored names (current state, 除票 included), in code point order, at most `limit`. */
export async function gaijiInUse(trx: TenantTx, limit: number): Promise<string[]> {
  const rows = await sql<{ g: string }>`SELECT DISTINCT m[1] AS g FROM registry.person_current c,
    regexp_matches(coalesce(c.record->>'familyName', '') || ' ' || coalesce(c.record->>'givenName', '') || ' ' || coalesce(c.record->>'oldSurname', '')
      || ' ' || coalesce(c.record->>'alias', ''), ${sql.raw(`'${GAIJI}'`)}, 'g') AS m
    WHERE c.municipality_code = platform.current_municipality()::char(6)`.execute(trx);
  return rows.rows.map((r) => r.g).sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)! || (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
}
