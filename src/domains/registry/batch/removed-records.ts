// SPDX-License-Identifier: EUPL-1.2
/**
 * 除票DB (spec §1.1.5, §9.3; 住基法施行令 34条1項): the yearly move of 除票 out of the main DB, and the list / purge
 * of 除票 whose 150-year retention has ended. The 除票DB is the archived partition of the current state
 * (`person_current.archived_at`, migration 0031): moved records stay searchable (combined search), issuable as
 * 除票の写し and in their history and the change feed. Both kinds run through `registry.batch_run`.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { PersonRecord } from '../registry-model.ts';
import type { BatchResult, ResultRow } from './batch-reports.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** Years a 除票 is kept from its 消除 (施行令34条1項). Never shortened: the database checks it again. */
export const RETENTION_YEARS = 150;

/** Default cut-off of the yearly move: the end of the previous calendar year (the 年報's year). */
export const defaultArchiveCutoff = (day: string) => `${Number(day.slice(0, 4)) - 1}-12-31`;

/** The last day of 消除 more than 150 years before `day`: records removed before this day may be purged. */
export const retentionLimit = (day: string) => `${String(Number(day.slice(0, 4)) - RETENTION_YEARS).padStart(4, '0')}${day.slice(4)}`;

const row = (personId: string, r: PersonRecord, removedOn: string): ResultRow => ({
  宛名番号: r.atenaNo, 氏名: `${r.familyName}　${r.givenName}`.trim() || r.romanName || '', 消除日: removedOn, 消除事由: r.removalReason ?? '',
});

/**
 * Moves every 除票 removed on or before `through` and still in the main DB into the 除票DB. A second run with the
 * same cut-off finds nothing to move. Records with a pending (仮登録) change wait for the next run (alerted).
 */
export async function archiveRemoved(trx: TenantTx, runId: string, p: { through: string }): Promise<BatchResult> {
  const due = await trx.selectFrom('registry.personCurrent').select(['personId', 'removedOn', 'record', 'pendingChangeId'])
    .where('municipalityCode', '=', TENANT).where('removedOn', 'is not', null).where('removedOn', '<=', p.through).where('archivedAt', 'is', null)
    .orderBy('removedOn').orderBy('personId').execute();
  const ready = due.filter((d) => !d.pendingChangeId);
  const held = due.length - ready.length;
  if (ready.length > 0) {
    await trx.updateTable('registry.personCurrent').set({ archivedAt: sql`now()`, archiveRunId: runId })
      .where('municipalityCode', '=', TENANT).where('personId', 'in', ready.map((d) => d.personId)).where('archivedAt', 'is', null).execute();
  }
  const inArchive = Number((await trx.selectFrom('registry.personCurrent').select(sql<number>`count(*)::int`.as('n'))
    .where('municipalityCode', '=', TENANT).where('archivedAt', 'is not', null).executeTakeFirstOrThrow()).n);
  return {
    rows: ready.map((d) => row(d.personId, d.record as unknown as PersonRecord, d.removedOn!)),
    personIds: ready.map((d) => d.personId),
    summary: { 移動した除票: ready.length, '保留（仮登録中）': held, 除票DBの件数: inArchive },
    alerts: [
      ...(held > 0 ? [{ code: 'archive-held-pending', message: `仮登録中の異動がある除票${held}件は移動していません。本登録の後、次回の処理で移動します` }] : []),
      ...(ready.length === 0 ? [{ code: 'archive-nothing-to-move', message: '移動する除票はありませんでした（既に移動済み又は対象なし）' }] : []),
    ],
  };
}

/**
 * Lists 除票 removed more than 150 years before `asOf` (保存期間経過), and with `purge` deletes them; the database
 * function refuses any record younger than that (or under a 支援措置 record, or with a pending change), whatever
 * was asked.
 */
export async function purgeExpired(trx: TenantTx, p: { asOf: string; removedBefore: string; purge: boolean }): Promise<BatchResult> {
  const due = await trx.selectFrom('registry.personCurrent').select(['personId', 'removedOn', 'record'])
    .where('municipalityCode', '=', TENANT).where('removedOn', 'is not', null).where('removedOn', '<', p.removedBefore)
    .orderBy('removedOn').orderBy('personId').execute();
  const rows: ResultRow[] = [];
  let purged = 0;
  let kept = 0;
  for (const d of due) {
    let done = false;
    if (p.purge) {
      done = (await sql<{ ok: boolean }>`SELECT registry.purge_removed_record(${d.personId}::uuid) AS ok`.execute(trx)).rows[0]?.ok === true;
      if (done) purged++; else kept++;
    }
    rows.push({ ...row(d.personId, d.record as unknown as PersonRecord, d.removedOn!), 処理: p.purge ? (done ? '消去' : '保存（消去不可）') : '一覧のみ' });
  }
  return {
    rows, personIds: due.map((d) => d.personId),
    summary: { 保存期間経過: due.length, 消去: purged, 保存: kept, 基準日: p.removedBefore },
    alerts: kept > 0 ? [{ code: 'purge-kept', message: `${kept}件は消去できませんでした（支援措置の記録、仮登録中の異動又は未送信の住基ネット電文があります）` }] : [],
  };
}
