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
import type { Address, PersonRecord } from './registry-model.ts';

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

const noSpace = (s: string) => s.replace(/[\s\u3000]+/g, '');

/**
 * Finds the one living person of the transaction's municipality with these 基本4情報.
 * `municipality` names the tenant, to accept addresses written with the prefecture and municipality.
 */
export async function matchResidentPerson(trx: TenantTx, attrs: FourAttributes, municipality: { prefectureName: string; name: string }): Promise<MatchResult> {
  const birth = attrs.birthDate ?? '';
  const hasName = !!(attrs.familyName && attrs.givenName) || !!attrs.name;
  if (!hasName || !/^\d{4}-\d{2}-\d{2}$/.test(birth) || (attrs.sex !== 'male' && attrs.sex !== 'female') || !attrs.address) {
    return { matched: null, reason: 'missing-attributes' };
  }
  const rows = await trx.selectFrom('registry.personCurrent')
    .select(['personId', 'relationship', 'record'])
    .where('birthSort', '=', birth).where('sex', '=', attrs.sex).where('removedOn', 'is', null)
    .where(sql<boolean>`record->'birthDate'->>'precision' = 'day'`)
    .execute();
  const wanted = noSpace(attrs.address);
  const prefix = noSpace(`${municipality.prefectureName}${municipality.name}`);
  const candidates = rows.filter((r) => {
    const rec = r.record as unknown as PersonRecord;
    if (!nameMatches(attrs, rec)) return false;
    const local = noSpace(`${rec.address.townName}${rec.address.banchi}${rec.address.katagaki}`);
    return wanted === local || wanted === prefix + local;
  });
  if (candidates.length === 0) return { matched: null, reason: 'not-found' };
  if (candidates.length > 1) return { matched: null, reason: 'several' };
  const rec = candidates[0]!.record as unknown as PersonRecord;
  return {
    matched: {
      personId: candidates[0]!.personId, atenaNo: rec.atenaNo, householdId: rec.householdId, householdNo: rec.householdNo,
      isHouseholdHead: candidates[0]!.relationship === '世帯主',
    },
  };
}

function nameMatches(attrs: FourAttributes, rec: PersonRecord): boolean {
  if (attrs.familyName && attrs.givenName) return attrs.familyName === rec.familyName && attrs.givenName === rec.givenName;
  const n = attrs.name ?? '';
  return [`${rec.familyName}${rec.givenName}`, `${rec.familyName}\u3000${rec.givenName}`, `${rec.familyName} ${rec.givenName}`].includes(n);
}
