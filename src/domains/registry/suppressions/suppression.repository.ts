// SPDX-License-Identifier: EUPL-1.2
/** SQL of 抑止 (registry.suppression, registry.suppression_lift). No rules: suppression.ts decides. */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { Suppression, SuppressionLift } from './suppression.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
const COLUMNS = ['suppressionId', 'subjectType', 'subjectId', 'operation', 'level', 'reason', 'startsOn', 'endedOn', 'endReason', 'createdBy', 'createdAt', 'endedBy', 'endedAt'] as const;
export type SuppressionRow = Suppression & { endReason: string | null; createdBy: string; createdAt: Date; endedBy: string | null; endedAt: Date | null };

/** Suppressions on these persons or households (ended ones too; the caller decides), with their liftings. */
export type LiftRow = SuppressionLift & { liftId: string; reason: string; createdBy: string; createdAt: Date };

export async function suppressionsOn(trx: TenantTx, subjectIds: readonly string[]): Promise<{ rows: SuppressionRow[]; lifts: LiftRow[] }> {
  if (subjectIds.length === 0) return { rows: [], lifts: [] };
  const rows = (await trx.selectFrom('registry.suppression').select([...COLUMNS]).where('municipalityCode', '=', TENANT)
    .where('subjectId', 'in', [...new Set(subjectIds)]).orderBy('startsOn').orderBy('createdAt').execute()) as SuppressionRow[];
  return { rows, lifts: await liftsOf(trx, rows.map((r) => r.suppressionId)) };
}

async function liftsOf(trx: TenantTx, ids: readonly string[]): Promise<LiftRow[]> {
  if (ids.length === 0) return [];
  return trx.selectFrom('registry.suppressionLift').select(['liftId', 'suppressionId', 'reason', 'liftedFrom', 'liftedUntil', 'createdBy', 'createdAt'])
    .where('municipalityCode', '=', TENANT).where('suppressionId', 'in', [...ids]).orderBy('liftedFrom').execute();
}

/** Creates the suppression repository. */
export function createSuppressionRepository() {
  return {
    suppressionsOn,
    liftsOf,
    insert: (trx: TenantTx, m: string, row: Omit<Suppression, 'endedOn'> & { createdBy: string }) =>
      trx.insertInto('registry.suppression').values({ municipalityCode: m, ...row }).execute(),
    find: async (trx: TenantTx, id: string, lock = false) => {
      const q = trx.selectFrom('registry.suppression').select([...COLUMNS]).where('municipalityCode', '=', TENANT).where('suppressionId', '=', id);
      return (await (lock ? q.forUpdate() : q).executeTakeFirst()) as SuppressionRow | undefined;
    },
    end: (trx: TenantTx, id: string, e: { endedOn: string; endReason: string; endedBy: string }) =>
      trx.updateTable('registry.suppression').set({ ...e, endedAt: sql`now()` }).where('municipalityCode', '=', TENANT).where('suppressionId', '=', id).execute(),
    insertLift: (trx: TenantTx, m: string, row: { liftId: string; suppressionId: string; reason: string; liftedFrom: Date; liftedUntil: Date; createdBy: string }) =>
      trx.insertInto('registry.suppressionLift').values({ municipalityCode: m, ...row }).execute(),
    /** Every suppression not explicitly ended (抑止対象者一覧, spec §9.2), oldest first. */
    notEnded: async (trx: TenantTx, limit: number) =>
      (await trx.selectFrom('registry.suppression').select([...COLUMNS]).where('municipalityCode', '=', TENANT).where('endedOn', 'is', null)
        .orderBy('startsOn').orderBy('createdAt').limit(limit).execute()) as SuppressionRow[],
  };
}
export type SuppressionRepository = ReturnType<typeof createSuppressionRepository>;
