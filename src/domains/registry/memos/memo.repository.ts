// SPDX-License-Identifier: EUPL-1.2
/** SQL of メモ (spec §1.1.15): memos and their append-only revisions. No rules. */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** A new memo with its first revision. */
export async function insertMemo(trx: TenantTx, m: string, row: { memoId: string; subjectType: 'person' | 'household'; subjectId: string; body: string; by: string; byName: string }) {
  await trx.insertInto('registry.memo').values({ municipalityCode: m, memoId: row.memoId, subjectType: row.subjectType, subjectId: row.subjectId, createdBy: row.by }).execute();
  await trx.insertInto('registry.memoRevision').values({ municipalityCode: m, memoId: row.memoId, revisionNo: 1, body: row.body, writtenBy: row.by, writtenByName: row.byName }).execute();
}

/**
 * The memo row, with the memo locked for a new revision until commit (an advisory lock: revisions are insert only,
 * so the application role holds no UPDATE right that a row lock would need).
 */
export async function lockMemo(trx: TenantTx, memoId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'registry-memo:' + memoId}, 0))`.execute(trx);
  return trx.selectFrom('registry.memo').select(['memoId', 'subjectType', 'subjectId', 'createdBy']).where('municipalityCode', '=', TENANT).where('memoId', '=', memoId).executeTakeFirst();
}

/** The latest revision of a memo. */
export function latestRevision(trx: TenantTx, memoId: string) {
  return trx.selectFrom('registry.memoRevision').select(['revisionNo', 'deleted', 'writtenBy']).where('municipalityCode', '=', TENANT).where('memoId', '=', memoId)
    .orderBy('revisionNo', 'desc').limit(1).executeTakeFirst();
}

/** Appends a revision (a change of text, or a deletion). */
export async function insertRevision(trx: TenantTx, m: string, row: { memoId: string; revisionNo: number; body: string; deleted: boolean; by: string; byName: string }) {
  await trx.insertInto('registry.memoRevision').values({ municipalityCode: m, memoId: row.memoId, revisionNo: row.revisionNo, body: row.body, deleted: row.deleted,
    writtenBy: row.by, writtenByName: row.byName }).execute();
}

/** Every memo on these subjects with every revision, oldest memo and revision first. */
export function memosOf(trx: TenantTx, subjectIds: string[]) {
  if (subjectIds.length === 0) return Promise.resolve([]);
  return trx.selectFrom('registry.memo as m')
    .innerJoin('registry.memoRevision as r', (j) => j.onRef('r.municipalityCode', '=', 'm.municipalityCode').onRef('r.memoId', '=', 'm.memoId'))
    .select(['m.memoId', 'm.subjectType', 'm.subjectId', 'm.createdBy', 'm.createdAt', 'r.revisionNo', 'r.body', 'r.deleted', 'r.writtenBy', 'r.writtenByName', 'r.writtenAt'])
    .where('m.municipalityCode', '=', TENANT).where('m.subjectId', 'in', subjectIds)
    .orderBy('m.createdAt').orderBy('m.memoId').orderBy('r.revisionNo').execute();
}
