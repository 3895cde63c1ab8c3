// SPDX-License-Identifier: EUPL-1.2
/** SQL for the national municipality list and the onboarded tenants. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/types.ts';
import type { MunicipalityRow } from '../../platform/tenancy/municipality-list.ts';

type Exec = Kysely<DB>;

/** Creates the tenants repository. */
export function createTenantRepository() {
  return {
    countMunicipalities: async (db: Exec) =>
      Number((await db.selectFrom('platform.municipality').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n),

    /** Inserts or refreshes the national list (owner only). */
    upsertMunicipalities: async (db: Exec, rows: MunicipalityRow[]) => {
      for (let i = 0; i < rows.length; i += 500) {
        await db.insertInto('platform.municipality').values(rows.slice(i, i + 500))
          .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'), nameKana: eb.ref('excluded.nameKana'), class: eb.ref('excluded.class'),
            prefectureName: eb.ref('excluded.prefectureName'), parentCode: eb.ref('excluded.parentCode'),
          }))).execute();
      }
    },

    findMunicipality: (db: Exec, code: string) =>
      db.selectFrom('platform.municipality').selectAll().where('code', '=', code).executeTakeFirst(),

    searchMunicipalities: (db: Exec, q: { prefectureCode?: string; name?: string; limit: number }) => {
      let query = db.selectFrom('platform.municipality').selectAll();
      if (q.prefectureCode) query = query.where('prefectureCode', '=', q.prefectureCode);
      if (q.name) query = query.where((eb) => eb.or([eb('name', 'like', `%${q.name}%`), eb('nameKana', 'like', `%${q.name}%`)]));
      return query.orderBy('code').limit(q.limit).execute();
    },

    insertTenant: (db: Exec, code: string, settings: Record<string, unknown>) =>
      db.insertInto('platform.tenant').values({ municipalityCode: code, settings: JSON.stringify(settings) }).execute(),

    updateTenantSettings: (db: Exec, code: string, settings: Record<string, unknown>) =>
      db.updateTable('platform.tenant').set({ settings: JSON.stringify(settings) }).where('municipalityCode', '=', code).execute(),

    /** Tenants whose data was not deleted; `active` is false from the day they were offboarded (Japan's calendar). */
    listTenants: (db: Exec) =>
      db.selectFrom('platform.tenant as t').innerJoin('platform.municipality as m', 'm.code', 't.municipalityCode')
        .select(['t.municipalityCode', 't.onboardedAt', 't.settings', 't.offboardedOn', 'm.name', 'm.nameKana', 'm.prefectureName', 'm.class'])
        .select(sql<boolean>`t.offboarded_on IS NULL OR t.offboarded_on > to_char(now() AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD')`.as('active'))
        .where('t.deletedAt', 'is', null)
        .orderBy('t.municipalityCode').execute(),

    setOffboardedOn: (db: Exec, code: string, on: string | null) =>
      db.updateTable('platform.tenant').set({ offboardedOn: on }).where('municipalityCode', '=', code).where('deletedAt', 'is', null).executeTakeFirst(),
  };
}

export type TenantRepository = ReturnType<typeof createTenantRepository>;
