// SPDX-License-Identifier: EUPL-1.2
/**
 * What the registry gives a signed-in resident's form: the matched person's items for prefill, and the household's
 * members and children as choices. Only for a resident matched to exactly one registry person (Resident.match);
 * otherwise nothing, and the form says why.
 */
import type { Resident } from '../../platform/auth/resident.ts';
import { ageOn } from '../../platform/dates/jp-date.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { PersonRecord, RegistryService } from '../registry/index.ts';
import type { RegistryItem } from './procedure-definition.ts';
import type { HouseholdRow } from './procedures.repository.ts';

export type RegistryForProcedures = Pick<RegistryService, 'lookupForCase'>;

/** A household member as a choice (宛名番号, name, birth date). */
export interface MemberChoice { atenaNo: string; name: string; familyName: string; givenName: string; familyNameKana: string; givenNameKana: string; birthDate: string; age: number; isSelf: boolean }

/** The resident's registry view: prefill items, household members. */
export interface RegistryView {
  items: Partial<Record<RegistryItem, string>>;
  members: MemberChoice[];
  /** Registry persons read (for the access log). */
  readPersonIds: string[];
}

const EMPTY: RegistryView = { items: {}, members: [], readPersonIds: [] };

/** Reads the matched person and their household (current members only). */
export async function registryView(trx: TenantTx, registry: RegistryForProcedures, resident: Resident, today: string): Promise<RegistryView> {
  if (!resident.match) return EMPTY;
  const own = await registry.lookupForCase(trx, [resident.match.atenaNo]);
  const me = own.persons.find((p) => p.atenaNo === resident.match!.atenaNo && !p.removed);
  if (!me) return EMPTY;
  const memberNos = own.households.find((h) => h.householdId === me.householdId)?.members.map((m) => m.atenaNo) ?? [me.atenaNo];
  const all = await registry.lookupForCase(trx, memberNos);
  const r: PersonRecord = me.record;
  const items: RegistryView['items'] = {
    'person.familyName': r.familyName, 'person.givenName': r.givenName, 'person.familyNameKana': r.familyNameKana, 'person.givenNameKana': r.givenNameKana,
    'person.address': `${r.address.townName}${r.address.banchi}${r.address.katagaki ? ` ${r.address.katagaki}` : ''}`,
  };
  if (r.birthDate.precision === 'day' && !r.birthDate.text) items['person.birthDate'] = r.birthDate.sortKey;
  const members = all.persons.filter((p) => !p.removed && p.householdId === me.householdId)
    .sort((a, b) => a.record.memberOrder - b.record.memberOrder)
    .map((p) => ({ atenaNo: p.atenaNo, name: `${p.record.familyName}　${p.record.givenName}`, familyName: p.record.familyName, givenName: p.record.givenName,
      familyNameKana: p.record.familyNameKana, givenNameKana: p.record.givenNameKana, birthDate: p.record.birthDate.sortKey,
      age: ageOn(p.record.birthDate.sortKey, today), isSelf: p.atenaNo === me.atenaNo }));
  return { items, members, readPersonIds: all.persons.map((p) => p.personId) };
}

/**
 * The same view from procedures.resident_household (the internet side: the registry is read only through that
 * function, keyed by the live session, which returns the resident and the living members of their household).
 */
export function registryViewOfRows(rows: HouseholdRow[], today: string): RegistryView {
  const me = rows.find((r) => r.isSelf);
  if (!me) return EMPTY;
  const items: RegistryView['items'] = {
    'person.familyName': me.familyName, 'person.givenName': me.givenName, 'person.familyNameKana': me.familyNameKana, 'person.givenNameKana': me.givenNameKana,
    'person.address': `${me.townName ?? ''}${me.banchi ?? ''}${me.katagaki ? ` ${me.katagaki}` : ''}`,
  };
  if (me.birthPrecision === 'day' && !me.birthText) items['person.birthDate'] = me.birthSort;
  const members = rows.map((p) => ({ atenaNo: p.atenaNo, name: `${p.familyName}　${p.givenName}`, familyName: p.familyName, givenName: p.givenName,
    familyNameKana: p.familyNameKana, givenNameKana: p.givenNameKana, birthDate: p.birthSort, age: ageOn(p.birthSort, today), isSelf: p.isSelf }));
  return { items, members, readPersonIds: rows.map((p) => p.personId) };
}
