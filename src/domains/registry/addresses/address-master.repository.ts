// SPDX-License-Identifier: EUPL-1.2
/** SQL of the address masters (migration 0015): 町字, 郵便番号, 住居表示・地番, 方書. No rules. */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { PostalArea, Town } from './address-master.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

const toTown = (r: { townCode: string; name: string; nameKana: string; postalCode: string | null; abrMachiazaId: string | null; residenceIndication: boolean;
  validFrom: string | null; abolishedOn: string | null }): Town => ({
  code: r.townCode, name: r.name, kana: r.nameKana, postalCode: r.postalCode, abrId: r.abrMachiazaId, residenceIndication: r.residenceIndication,
  validFrom: r.validFrom, abolishedOn: r.abolishedOn,
});

/** The current 町字 of the municipality of the transaction (not abolished on `today`), in code order. */
export async function currentTowns(trx: TenantTx, today: string): Promise<Town[]> {
  const rows = await trx.selectFrom('registry.town')
    .select(['townCode', 'name', 'nameKana', 'postalCode', 'abrMachiazaId', 'residenceIndication', 'validFrom', 'abolishedOn'])
    .where('municipalityCode', '=', TENANT)
    .where((w) => w.or([w('abolishedOn', 'is', null), w('abolishedOn', '>', today)]))
    .orderBy('townCode').execute();
  return rows.map(toTown);
}

/** Every 町字 ever loaded (abolished ones too: records keep their codes), in code order. */
export async function allTowns(trx: TenantTx): Promise<Town[]> {
  const rows = await trx.selectFrom('registry.town')
    .select(['townCode', 'name', 'nameKana', 'postalCode', 'abrMachiazaId', 'residenceIndication', 'validFrom', 'abolishedOn'])
    .where('municipalityCode', '=', TENANT).orderBy('townCode').execute();
  return rows.map(toTown);
}

/** Creates the address-master repository. */
export function createAddressMasterRepository() {
  return {
    currentTowns,

    allTowns,

    /** Upserts the loaded towns; towns of an earlier load missing from this one are marked abolished on `today`. */
    async replaceTowns(trx: TenantTx, m: string, towns: Town[], source: string, by: string, today: string) {
      for (let i = 0; i < towns.length; i += 500) {
        await trx.insertInto('registry.town').values(towns.slice(i, i + 500).map((t) => ({
          municipalityCode: m, townCode: t.code, name: t.name, nameKana: t.kana, abrMachiazaId: t.abrId, postalCode: t.postalCode,
          residenceIndication: t.residenceIndication, validFrom: t.validFrom, abolishedOn: t.abolishedOn, source, loadedBy: by,
        }))).onConflict((oc) => oc.columns(['municipalityCode', 'townCode']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'), nameKana: eb.ref('excluded.nameKana'), abrMachiazaId: eb.ref('excluded.abrMachiazaId'),
          postalCode: eb.ref('excluded.postalCode'), residenceIndication: eb.ref('excluded.residenceIndication'), validFrom: eb.ref('excluded.validFrom'),
          abolishedOn: eb.ref('excluded.abolishedOn'), source: eb.ref('excluded.source'), loadedBy: eb.ref('excluded.loadedBy'), loadedAt: sql`now()`,
        }))).execute();
      }
      const codes = towns.map((t) => t.code);
      const gone = await trx.updateTable('registry.town').set({ abolishedOn: today })
        .where('municipalityCode', '=', TENANT).where('abolishedOn', 'is', null).where('townCode', 'not in', codes).executeTakeFirst();
      return Number(gone.numUpdatedRows);
    },

    /** Replaces the municipality's postal codes. */
    async replacePostalCodes(trx: TenantTx, m: string, areas: PostalArea[]) {
      await trx.deleteFrom('registry.postalCode').where('municipalityCode', '=', TENANT).execute();
      const unique = [...new Map(areas.map((a) => [`${a.postalCode}\t${a.areaName}`, a])).values()];
      for (let i = 0; i < unique.length; i += 500) {
        await trx.insertInto('registry.postalCode').values(unique.slice(i, i + 500).map((a) => ({ municipalityCode: m, ...a }))).execute();
      }
      return unique.length;
    },

    postalAreas: (trx: TenantTx, postalCode: string) => trx.selectFrom('registry.postalCode').select(['postalCode', 'areaName', 'areaKana', 'townCode'])
      .where('municipalityCode', '=', TENANT).where('postalCode', '=', postalCode).orderBy('areaName').execute(),

    countPostal: async (trx: TenantTx) => Number((await trx.selectFrom('registry.postalCode').select((eb) => eb.fn.countAll().as('n')).where('municipalityCode', '=', TENANT).executeTakeFirst())?.n ?? 0),

    /** 住居表示・地番 of a 町字, in numeric order. */
    addressNumbers: (trx: TenantTx, townCode: string, kind?: 'residence' | 'lot') => {
      let q = trx.selectFrom('registry.addressNumber').select(['townCode', 'kind', 'label', 'sortCode', 'abolishedOn'])
        .where('municipalityCode', '=', TENANT).where('townCode', '=', townCode);
      if (kind) q = q.where('kind', '=', kind);
      return q.orderBy('kind').orderBy('sortCode').orderBy('label').execute();
    },

    /** Adds 住居表示・地番 (existing ones are kept); returns how many were new. */
    async addAddressNumbers(trx: TenantTx, m: string, rows: Array<{ townCode: string; kind: 'residence' | 'lot'; label: string; sortCode: string }>, by: string) {
      let n = 0;
      for (let i = 0; i < rows.length; i += 500) {
        const r = await trx.insertInto('registry.addressNumber').values(rows.slice(i, i + 500).map((x) => ({ municipalityCode: m, ...x, createdBy: by })))
          .onConflict((oc) => oc.columns(['municipalityCode', 'townCode', 'kind', 'label']).doNothing()).executeTakeFirst();
        n += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      return n;
    },

    findAddressNumber: (trx: TenantTx, townCode: string, label: string) => trx.selectFrom('registry.addressNumber').select(['kind', 'label', 'abolishedOn'])
      .where('municipalityCode', '=', TENANT).where('townCode', '=', townCode).where('label', '=', label).executeTakeFirst(),

    countAddressNumbers: async (trx: TenantTx, townCode: string) => Number((await trx.selectFrom('registry.addressNumber').select((eb) => eb.fn.countAll().as('n'))
      .where('municipalityCode', '=', TENANT).where('townCode', '=', townCode).executeTakeFirst())?.n ?? 0),

    /** 方書 registered at a 町字 (and 番地, when given). */
    katagaki: (trx: TenantTx, townCode: string, banchi?: string) => {
      let q = trx.selectFrom('registry.katagaki').select(['townCode', 'banchi', 'name', 'nameKana', 'abolishedOn'])
        .where('municipalityCode', '=', TENANT).where('townCode', '=', townCode).where('abolishedOn', 'is', null);
      if (banchi !== undefined) q = q.where('banchi', '=', banchi);
      return q.orderBy('banchi').orderBy('name').execute();
    },

    /** Registers a 方書; false when it was registered already. */
    async addKatagaki(trx: TenantTx, m: string, row: { townCode: string; banchi: string; name: string; nameKana: string }, by: string) {
      const r = await trx.insertInto('registry.katagaki').values({ municipalityCode: m, ...row, createdBy: by })
        .onConflict((oc) => oc.columns(['municipalityCode', 'townCode', 'banchi', 'name']).doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}

export type AddressMasterRepository = ReturnType<typeof createAddressMasterRepository>;
