// SPDX-License-Identifier: EUPL-1.2
/**
 * Matching a signed-in resident to exactly one living registry person by the 基本4情報 the identity provider
 * states (氏名, 生年月日, 性別, 住所), for the resident portal (issue #14). The narrow door of the registry to the
 * resident side: it answers the person's keys and household, nothing of the record.
 *
 * Rules (docs in src/domains/identity/README.md):
 * - 氏名 as given, never normalised: 髙 and 高 are different names. Family and given name compared one by one when
 *   the provider states both; otherwise the full name must be 氏 + 名, with nothing, one ideographic space or one
 *   space between them (the only liberty taken: how the two parts are joined).
 * - 生年月日: the calendar date; a registry date that is not known to the day never matches.
 * - 性別: male / female.
 * - 住所: 町字 + 番地 + 方書 of the current record, with or without the prefecture and municipality in front; white
 *   space is not compared (cards and registries space 方書 differently), characters are.
 * - Only persons whose record is not a 除票; two or more candidates match nobody.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { Address } from './registry-model.ts';

/** The 基本4情報 as the identity provider states them. */
export interface FourAttributes {
  /** 氏名 in one string, as the provider has it. */
  name?: string;
  familyName?: string;
  givenName?: string;
  /** YYYY-MM-DD. */
  birthDate?: string;
  sex?: string;
  /** The address in one line. */
  address?: string;
}

/** The matched person: keys and household only. */
export interface MatchedPerson {
  personId: string;
  atenaNo: string;
  householdId: string;
  householdNo: string;
  isHouseholdHead: boolean;
}

export type MatchResult =
  | { matched: MatchedPerson }
  | { matched: null; reason: 'missing-attributes' | 'not-found' | 'several' };

/** The address as one line: prefecture, municipality, 町字, 番地 and (after an ideographic space) 方書. */
export function formatAddressLine(prefectureName: string, municipalityName: string, a: Pick<Address, 'townName' | 'banchi' | 'katagaki'>): string {
  return `${prefectureName}${municipalityName}${a.townName}${a.banchi}${a.katagaki ? `　${a.katagaki}` : ''}`;
}

/**
 * Finds the one living person of the transaction's municipality with these 基本4情報.
 * `municipality` names the tenant, to accept addresses written with the prefecture and municipality.
 */
export async function matchResidentPerson(trx: TenantTx, attrs: FourAttributes, municipality: { code: string; prefectureName: string; name: string }): Promise<MatchResult> {
  const birth = attrs.birthDate ?? '';
  const hasName = !!(attrs.familyName && attrs.givenName) || !!attrs.name;
  if (!hasName || !/^\d{4}-\d{2}-\d{2}$/.test(birth) || (attrs.sex !== 'male' && attrs.sex !== 'female') || !attrs.address) {
    return { matched: null, reason: 'missing-attributes' };
  }
  // registry.match_resident (SECURITY DEFINER, identity migration 0010): the public role reads no registry table.
  const both = !!(attrs.familyName && attrs.givenName);
  const rows = (await sql<MatchedPerson>`
    SELECT person_id AS "personId", atena_no AS "atenaNo", household_id AS "householdId", household_no AS "householdNo", is_household_head AS "isHouseholdHead"
    FROM registry.match_resident(${municipality.code}, ${both ? attrs.familyName! : null}, ${both ? attrs.givenName! : null}, ${both ? null : attrs.name ?? null},
      ${birth}, ${attrs.sex}, ${attrs.address}, ${`${municipality.prefectureName}${municipality.name}`})`.execute(trx)).rows;
  if (rows.length === 0) return { matched: null, reason: 'not-found' };
  if (rows.length > 1) return { matched: null, reason: 'several' };
  return { matched: rows[0]! };
}
