// SPDX-License-Identifier: EUPL-1.2
/** SQL of the counter visits (counter.visit). No rules: the service decides. */
import { sql, type Selectable } from 'kysely';
import type { CounterVisit } from '../../../platform/db/types.ts';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';

export type VisitRow = Selectable<CounterVisit>;
const TENANT = sql<string>`platform.current_municipality()::char(6)`;

export function createVisitRepository() {
  return {
    lockNumbering: (trx: TenantTx, m: string) => sql`SELECT pg_advisory_xact_lock(hashtextextended(${'counter-visit:' + m}, 0))`.execute(trx),
    lastNoOfYear: async (trx: TenantTx, year: string) => Number((await trx.selectFrom('counter.visit').select('visitNo').where('municipalityCode', '=', TENANT)
      .where('visitNo', '>=', `${year}-000000`).where('visitNo', '<=', `${year}-999999`).orderBy('visitNo', 'desc').limit(1).executeTakeFirst())?.visitNo.slice(5) ?? 0),
    insert: (trx: TenantTx, row: Pick<VisitRow, 'municipalityCode' | 'visitId' | 'visitNo' | 'serviceDay' | 'ticketNumber' | 'staffId' | 'lifeEvents' | 'ruleVersion'> & { interview: unknown }) =>
      trx.insertInto('counter.visit').values({ ...row, interview: JSON.stringify(row.interview) }).execute(),
    byNo: (trx: TenantTx, visitNo: string, lock = false) => {
      const q = trx.selectFrom('counter.visit').selectAll().where('municipalityCode', '=', TENANT).where('visitNo', '=', visitNo);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    saveInterview: (trx: TenantTx, visitId: string, interview: unknown, ruleVersion: string) => trx.updateTable('counter.visit')
      .set({ interview: JSON.stringify(interview), ruleVersion, updatedAt: new Date() }).where('municipalityCode', '=', TENANT).where('visitId', '=', visitId).execute(),
    markFiled: (trx: TenantTx, visitId: string, patch: { filedAt: Date; registryChangeId: string | null; caseNos: string[]; ruleVersion: string }) => trx.updateTable('counter.visit')
      .set({ ...patch, status: 'filed', updatedAt: patch.filedAt }).where('municipalityCode', '=', TENANT).where('visitId', '=', visitId).execute(),
  };
}
export type VisitRepository = ReturnType<typeof createVisitRepository>;
