// SPDX-License-Identifier: EUPL-1.2
/** SQL of 住所一括変更: the active residents of the 町字 a batch covers. No rules (address-batch.ts decides). */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** Active residents whose 町字 code is one of `townCodes`, plus those at unlisted 町字 when `unlisted`. */
export function activeInTowns(trx: TenantTx, townCodes: string[], unlisted: boolean) {
  return trx.selectFrom('registry.personCurrent').select(['personId', 'householdId', 'record']).where('municipalityCode', '=', TENANT).where('removedOn', 'is', null)
    .where((eb) => eb.or([...(townCodes.length > 0 ? [eb('townCode', 'in', townCodes)] : []), ...(unlisted ? [eb('townCode', 'is', null)] : []), eb.val(false)]))
    .orderBy('householdId').orderBy('memberOrder').execute();
}

/** Active residents of the households with these 世帯番号 (住所一括変更 by a list of households). */
export function activeInHouseholdNos(trx: TenantTx, householdNos: string[]) {
  if (householdNos.length === 0) return Promise.resolve([]);
  return trx.selectFrom('registry.household as h')
    .innerJoin('registry.personCurrent as c', (j) => j.onRef('c.municipalityCode', '=', 'h.municipalityCode').onRef('c.householdId', '=', 'h.householdId'))
    .select(['c.personId', 'c.householdId', 'h.householdNo', 'c.record'])
    .where('h.municipalityCode', '=', TENANT).where('h.householdNo', 'in', householdNos).where('c.removedOn', 'is', null)
    .orderBy('c.householdId').orderBy('c.memberOrder').execute();
}
