// SPDX-License-Identifier: EUPL-1.2
/**
 * 過去の住所による検索 (spec §2.1.3): an address key matched against every address a person had in the
 * municipality (町字・番地・方書 of each of their snapshots) and their 転入前住所, folded in SQL the way `foldName`
 * folds the current address key (variation selectors dropped, NFKC, 異体字 to their representative, spaces and
 * 「・.,、」 removed, ヶヵ as ケ, upper case). The stored records are never changed.
 */
import { sql, type RawBuilder } from 'kysely';
import { variantPairs } from '../name-folding.ts';

const pairs = variantPairs();
const FROM = pairs.map(([v]) => v).join('') + 'ヶヵ';
const TO = pairs.map(([, r]) => r).join('') + 'ケケ';

/** The SQL fold of a text expression, as `foldName` folds it in JavaScript. */
export function foldedSql(text: RawBuilder<unknown>): RawBuilder<string> {
  const noSelectors = sql`regexp_replace(coalesce(${text}, ''), '[\\uFE00-\\uFE0F\\U000E0100-\\U000E01EF]', '', 'g')`;
  return sql<string>`upper(regexp_replace(translate(normalize(${noSelectors}, NFKC), ${FROM}, ${TO}), '[\\s\\u3000・･.,、]', '', 'g'))`;
}

/**
 * True for a person_current row whose person had, in any snapshot, an address (町字+番地+方書) or a 転入前住所 that
 * contains the folded key (the same partial match as the current address search).
 */
export function pastAddressMatch(tenant: RawBuilder<unknown>, addressKey: string): RawBuilder<boolean> {
  const pattern = `%${addressKey.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const address = foldedSql(sql`(s.record->'address'->>'townName') || coalesce(s.record->'address'->>'banchi', '') || coalesce(s.record->'address'->>'katagaki', '')`);
  const previous = foldedSql(sql`s.record->>'previousAddress'`);
  return sql<boolean>`registry.person_current.person_id IN (SELECT s.person_id FROM registry.person_snapshot s
    WHERE s.municipality_code = ${tenant} AND (${address} LIKE ${pattern} OR ${previous} LIKE ${pattern}))`;
}
