// SPDX-License-Identifier: EUPL-1.2
/** SQL of the daycare allocation domain (schema `daycare`). Queries only; the executor is passed in. */
import { sql, type Insertable } from 'kysely';
import type {
  DaycareAllocationRun, DaycareApplication, DaycareFacility, DaycareHousehold, DaycareOfferDecline, DaycareRound,
} from '../../platform/db/types.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

const CHUNK = 500;
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Run metadata without the (large) request and result documents. */
const RUN_META = ['roundId', 'runNo', 'inputSha256', 'engineName', 'engineVersion', 'algorithm', 'status', 'metrics', 'resultSha256', 'runtimeMs', 'createdAt', 'createdBy'] as const;

/** Creates the daycare repository. */
export function createDaycareRepository() {
  return {
    listRounds: (trx: TenantTx) => trx.selectFrom('daycare.round').selectAll().orderBy('createdAt', 'desc').orderBy('roundId').execute(),

    findRound: (trx: TenantTx, roundId: string, forUpdate = false) => {
      const q = trx.selectFrom('daycare.round').selectAll().where('roundId', '=', roundId);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },

    insertRound: (trx: TenantTx, row: Omit<Insertable<DaycareRound>, 'policy' | 'ruleTable' | 'meta'> & { policy: unknown; ruleTable: unknown; meta: unknown }) =>
      trx.insertInto('daycare.round').values({ ...row, policy: json(row.policy)!, ruleTable: json(row.ruleTable), meta: json(row.meta) }).execute(),

    updateRoundState: (trx: TenantTx, roundId: string, patch: { status?: string; currentRunNo?: number | null; confirmedAt?: Date; confirmedBy?: string }) =>
      trx.updateTable('daycare.round').set(patch).where('roundId', '=', roundId).execute(),

    /** Counts of facilities, households and children per round. */
    roundCounts: (trx: TenantTx) => trx.selectFrom('daycare.round as r')
      .select((eb) => [
        'r.roundId',
        eb.selectFrom('daycare.facility as f').whereRef('f.municipalityCode', '=', 'r.municipalityCode').whereRef('f.roundId', '=', 'r.roundId').select(sql<number>`count(*)::int`.as('n')).as('facilities'),
        eb.selectFrom('daycare.application as a').whereRef('a.municipalityCode', '=', 'r.municipalityCode').whereRef('a.roundId', '=', 'r.roundId').where('a.status', '=', 'active').select(sql<number>`count(*)::int`.as('n')).as('children'),
      ]).execute(),

    listFacilities: (trx: TenantTx, roundId: string) =>
      trx.selectFrom('daycare.facility').selectAll().where('roundId', '=', roundId).orderBy('position').execute(),

    insertFacilities: (trx: TenantTx, rows: Insertable<DaycareFacility>[]) =>
      insertChunked(rows, (chunk) => trx.insertInto('daycare.facility').values(chunk).execute()),

    updateFacility: (trx: TenantTx, roundId: string, facilityId: string, patch: { name: string; seats: number[] }) =>
      trx.updateTable('daycare.facility').set(patch).where('roundId', '=', roundId).where('facilityId', '=', facilityId).executeTakeFirst(),

    listHouseholds: (trx: TenantTx, roundId: string) =>
      trx.selectFrom('daycare.household').selectAll().where('roundId', '=', roundId).orderBy('position').execute(),

    maxHouseholdPosition: async (trx: TenantTx, roundId: string) =>
      (await trx.selectFrom('daycare.household').select(sql<number | null>`max(position)`.as('max')).where('roundId', '=', roundId).executeTakeFirst())?.max ?? 0,

    insertHouseholds: (trx: TenantTx, rows: (Omit<Insertable<DaycareHousehold>, 'jointPreferences'> & { jointPreferences: unknown })[]) =>
      insertChunked(rows, (chunk) => trx.insertInto('daycare.household').values(chunk.map((r) => ({ ...r, jointPreferences: json(r.jointPreferences) }))).execute()),

    listApplications: (trx: TenantTx, roundId: string) =>
      trx.selectFrom('daycare.application').selectAll().where('roundId', '=', roundId).orderBy('householdId').orderBy('position').execute(),

    findApplication: (trx: TenantTx, roundId: string, childId: string) =>
      trx.selectFrom('daycare.application').selectAll().where('roundId', '=', roundId).where('childId', '=', childId).executeTakeFirst(),

    findHousehold: (trx: TenantTx, roundId: string, householdId: string) =>
      trx.selectFrom('daycare.household').selectAll().where('roundId', '=', roundId).where('householdId', '=', householdId).executeTakeFirst(),

    insertApplications: (trx: TenantTx, rows: (Omit<Insertable<DaycareApplication>, 'scoreByFacility' | 'tieBreak' | 'facts' | 'scoreItems'> & { scoreByFacility: unknown; tieBreak: unknown; facts: unknown; scoreItems: unknown })[]) =>
      insertChunked(rows, (chunk) => trx.insertInto('daycare.application').values(chunk.map((r) => ({
        ...r, scoreByFacility: json(r.scoreByFacility)!, tieBreak: json(r.tieBreak)!, facts: json(r.facts), scoreItems: json(r.scoreItems),
      }))).execute()),

    /** Replaces a child's application fields (a correction). */
    updateApplication: (trx: TenantTx, roundId: string, childId: string, patch: {
      childName: string; ageClass: number; currentFacilityId: string | null; preferences: string[]; score: number;
      scoreByFacility: unknown; tieBreak: unknown; facts: unknown; scoreItems: unknown; updatedAt: Date; updatedBy: string;
    }) => trx.updateTable('daycare.application').set({
      ...patch, scoreByFacility: json(patch.scoreByFacility)!, tieBreak: json(patch.tieBreak)!, facts: json(patch.facts), scoreItems: json(patch.scoreItems),
    }).where('roundId', '=', roundId).where('childId', '=', childId).executeTakeFirst(),

    /** Marks a child's application withdrawn (取下げ); the row stays for the record. */
    withdrawApplication: (trx: TenantTx, roundId: string, childId: string, at: Date, by: string) =>
      trx.updateTable('daycare.application').set({ status: 'withdrawn', withdrawnAt: at, withdrawnBy: by })
        .where('roundId', '=', roundId).where('childId', '=', childId).where('status', '=', 'active').executeTakeFirst(),

    listDeclines: (trx: TenantTx, roundId: string) =>
      trx.selectFrom('daycare.offerDecline').selectAll().where('roundId', '=', roundId).orderBy('childId').execute(),

    insertDecline: (trx: TenantTx, row: Insertable<DaycareOfferDecline>) => trx.insertInto('daycare.offerDecline').values(row).execute(),

    nextRunNo: async (trx: TenantTx, roundId: string) =>
      ((await trx.selectFrom('daycare.allocationRun').select(sql<number | null>`max(run_no)`.as('max')).where('roundId', '=', roundId).executeTakeFirst())?.max ?? 0) + 1,

    insertRun: (trx: TenantTx, row: Omit<Insertable<DaycareAllocationRun>, 'metrics'> & { metrics: unknown }) =>
      trx.insertInto('daycare.allocationRun').values({ ...row, metrics: json(row.metrics)! }).execute(),

    findRun: (trx: TenantTx, roundId: string, runNo: number) =>
      trx.selectFrom('daycare.allocationRun').selectAll().where('roundId', '=', roundId).where('runNo', '=', runNo).executeTakeFirst(),

    findRunMeta: (trx: TenantTx, roundId: string, runNo: number) =>
      trx.selectFrom('daycare.allocationRun').select([...RUN_META]).where('roundId', '=', roundId).where('runNo', '=', runNo).executeTakeFirst(),

    /** Display names of staff members (for the audit block: who ran and who decided, never their ids). */
    staffNames: async (trx: TenantTx, staffIds: string[]) =>
      staffIds.length === 0 ? [] : trx.selectFrom('platform.staff').select(['staffId', 'displayName']).where('staffId', 'in', staffIds).execute(),

    listRuns: (trx: TenantTx, roundId: string) =>
      trx.selectFrom('daycare.allocationRun').select([...RUN_META]).where('roundId', '=', roundId).orderBy('runNo', 'desc').execute(),
  };
}

export type DaycareRepository = ReturnType<typeof createDaycareRepository>;
