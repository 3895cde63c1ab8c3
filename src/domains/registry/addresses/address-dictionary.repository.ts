// SPDX-License-Identifier: EUPL-1.2
/**
 * SQL of the national address dictionary (migration 0038): 町字 and postal codes of any loaded municipality
 * (reference tables, written by the owner on a load, read by tenants), and the 都道府県 → 市区町村 levels from
 * platform.municipality. No rules.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/types.ts';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { PostalArea, Town } from './address-master.ts';

type Reader = TenantTx | Kysely<DB>;

const toTown = (r: { townCode: string; name: string; nameKana: string; postalCode: string | null; abrMachiazaId: string | null; abolishedOn: string | null }): Town => ({
  code: r.townCode, name: r.name, kana: r.nameKana, postalCode: r.postalCode, abrId: r.abrMachiazaId, residenceIndication: false, validFrom: null, abolishedOn: r.abolishedOn,
});

/** Creates the national-dictionary repository. */
export function createAddressDictionaryRepository() {
  return {
    /** Rows of the national list: prefectures (`prefecture` omitted) or the 市区町村 and 行政区 of a prefecture. */
    municipalities: (db: Reader, q: { prefecture?: string; code?: string[] }) => {
      let s = db.selectFrom('platform.municipality').select(['code', 'name', 'nameKana', 'class', 'parentCode']);
      if (q.code) s = s.where('code', 'in', q.code.length ? q.code : ['']);
      else if (q.prefecture) s = s.where(sql<string>`left(code, 2)`, '=', q.prefecture).where('class', '<>', '都道府県');
      else s = s.where('class', '=', '都道府県');
      return s.orderBy('code').execute();
    },

    /** Municipality codes (of the given ones) with a loaded 町字 master. */
    async loadedMunicipalities(db: Reader, codes: string[]): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      const rows = await db.selectFrom('registry.nationalTown').select('municipalityCode').distinct().where('municipalityCode', 'in', codes).execute();
      return new Set(rows.map((r) => r.municipalityCode));
    },

    /** The current 町字 of a loaded municipality (abolished ones only with `all`), in code order. */
    async towns(db: Reader, municipalityCode: string, opts: { today: string; all?: boolean }): Promise<Town[]> {
      let s = db.selectFrom('registry.nationalTown').select(['townCode', 'name', 'nameKana', 'postalCode', 'abrMachiazaId', 'abolishedOn'])
        .where('municipalityCode', '=', municipalityCode);
      if (!opts.all) s = s.where((w) => w.or([w('abolishedOn', 'is', null), w('abolishedOn', '>', opts.today)]));
      return (await s.orderBy('townCode').execute()).map(toTown);
    },

    async postalCodesOf(db: Reader, municipalityCode: string): Promise<Set<string>> {
      const rows = await db.selectFrom('registry.nationalPostalCode').select('postalCode').distinct().where('municipalityCode', '=', municipalityCode).execute();
      return new Set(rows.map((r) => r.postalCode));
    },

    postalAreas: (db: Reader, postalCode: string) => db.selectFrom('registry.nationalPostalCode')
      .select(['postalCode', 'municipalityCode', 'areaName', 'areaKana', 'townCode']).where('postalCode', '=', postalCode)
      .orderBy('municipalityCode').orderBy('areaName').execute(),

    /**
     * Replaces a municipality's 町字 and (when given) postal codes in the national dictionary; 町字 missing from this
     * load are kept, abolished on `today`. Owner handle (a maintenance load).
     */
    async replace(owner: Kysely<DB>, m: string, towns: Town[], areas: PostalArea[] | undefined, source: string, today: string) {
      await owner.transaction().execute(async (trx) => {
        for (let i = 0; i < towns.length; i += 500) {
          await trx.insertInto('registry.nationalTown').values(towns.slice(i, i + 500).map((t) => ({
            municipalityCode: m, townCode: t.code, name: t.name, nameKana: t.kana, abrMachiazaId: t.abrId, postalCode: t.postalCode, abolishedOn: t.abolishedOn, source,
          }))).onConflict((oc) => oc.columns(['municipalityCode', 'townCode']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'), nameKana: eb.ref('excluded.nameKana'), abrMachiazaId: eb.ref('excluded.abrMachiazaId'),
            postalCode: eb.ref('excluded.postalCode'), abolishedOn: eb.ref('excluded.abolishedOn'), source: eb.ref('excluded.source'), loadedAt: sql`now()`,
          }))).execute();
        }
        await trx.updateTable('registry.nationalTown').set({ abolishedOn: today }).where('municipalityCode', '=', m).where('abolishedOn', 'is', null)
          .where('townCode', 'not in', towns.map((t) => t.code)).execute();
        if (!areas) return;
        await trx.deleteFrom('registry.nationalPostalCode').where('municipalityCode', '=', m).execute();
        const unique = [...new Map(areas.map((a) => [`${a.postalCode}\t${a.areaName}`, a])).values()];
        for (let i = 0; i < unique.length; i += 500) {
          await trx.insertInto('registry.nationalPostalCode').values(unique.slice(i, i + 500).map((a) => ({ municipalityCode: m, ...a }))).execute();
        }
      });
    },
  };
}

export type AddressDictionaryRepository = ReturnType<typeof createAddressDictionaryRepository>;
