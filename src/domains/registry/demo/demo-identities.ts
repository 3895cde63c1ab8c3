// SPDX-License-Identifier: EUPL-1.2
/**
 * Demo residents for the demo identity provider (issue #14): real persons of the demo registry, chosen the same way
 * every time (the first two households, by 世帯番号, with three or more living members whose dates are known to the
 * day; households with a child under school age first, so the demo resident can apply for daycare), with the
 * 基本4情報 as a マイナンバーカード would carry them. Used by the demo and the tests only.
 */
import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import type { PersonRecord } from '../registry-model.ts';
import { formatAddressLine } from '../resident-match.ts';

/** One demo person as the identity provider knows them. */
export interface DemoIdentity {
  /** Which demo resident: 'head-1' (世帯主), 'member-1' (another member of that household), 'head-2' (世帯主 of another household). */
  role: 'head-1' | 'member-1' | 'head-2';
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female';
  /** One line, with prefecture and municipality. */
  address: string;
}

/** The demo identities of a municipality's registry (empty when it has too few households). */
export async function demoIdentities(db: Database, municipality: { code: string; prefectureName: string; name: string }): Promise<DemoIdentity[]> {
  return withTenant(db, municipality.code, async (trx) => {
    const households = await trx.selectFrom('registry.personCurrent as p')
      .innerJoin('registry.household as h', (j) => j.onRef('h.municipalityCode', '=', 'p.municipalityCode').onRef('h.householdId', '=', 'p.householdId'))
      .select(['p.householdId', 'h.householdNo'])
      .where('p.removedOn', 'is', null).where('p.residentKind', '=', 'japanese')
      .where(sql<boolean>`p.record->'birthDate'->>'precision' = 'day'`)
      .groupBy(['p.householdId', 'h.householdNo'])
      .having(sql<boolean>`count(*) >= 3`)
      .orderBy(sql`bool_or(p.birth_sort > to_char(current_date - interval '5 years', 'YYYY-MM-DD'))`, 'desc').orderBy('h.householdNo').limit(2).execute();
    if (households.length < 2) return [];
    const members = async (householdId: string) => (await trx.selectFrom('registry.personCurrent').select(['record', 'relationship'])
      .where('householdId', '=', householdId).where('removedOn', 'is', null).orderBy('memberOrder').execute())
      .map((r) => r.record as unknown as PersonRecord);
    const first = await members(households[0]!.householdId);
    const second = await members(households[1]!.householdId);
    const of = (role: DemoIdentity['role'], r: PersonRecord): DemoIdentity => ({
      role, familyName: r.familyName, givenName: r.givenName, birthDate: r.birthDate.sortKey, sex: r.sex,
      address: formatAddressLine(municipality.prefectureName, municipality.name, r.address),
    });
    return [of('head-1', first[0]!), of('member-1', first[1]!), of('head-2', second[0]!)];
  });
}
