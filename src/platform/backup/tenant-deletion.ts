// SPDX-License-Identifier: EUPL-1.2
/**
 * Deleting one municipality's data after its retention period (issue #15): a shared service must be able to let
 * a municipality go without touching any other. The deletion is refused unless
 *   - the municipality was offboarded (`jichi tenant offboard`) at least the retention period ago, and
 *   - an archive of it (`jichi tenant export`) is given whose table checksums equal its rows now,
 * so that nothing is deleted that was not handed over. Its rows go in one transaction, children first; the tenant
 * row stays, marked deleted with the archive's SHA-256, as the record.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { addDays } from '../dates/jp-date.ts';
import { assertSeesAllRows, checkBackup, checksumTables, ident, listTables } from './backup.ts';

/** Refused: the municipality may not be deleted (yet), or the archive does not hold exactly its data. */
export class TenantDeletionRefused extends Error {}

/** What a deletion removed. */
export interface TenantDeletion { tables: number; rows: number; archiveSha256: string }

/**
 * Deletes every row of `code` but its tenant row.
 * @throws TenantDeletionRefused; BackupInvalidError from ./backup.ts for an unreadable archive
 */
export async function deleteTenantData(db: Database, code: string, archive: string, opts: { today: string; retentionDays: number }): Promise<TenantDeletion> {
  const tenant = (await sql<{ offboardedOn: string | null; deletedAt: Date | null }>`
    SELECT offboarded_on, deleted_at FROM platform.tenant WHERE municipality_code = ${code}`.execute(db.owner)).rows[0];
  if (!tenant) throw new TenantDeletionRefused(`自治体 ${code} は登録されていません`);
  if (tenant.deletedAt) throw new TenantDeletionRefused(`自治体 ${code} のデータは削除済みです`);
  if (!tenant.offboardedOn) throw new TenantDeletionRefused(`自治体 ${code} は利用終了の手続（jichi tenant offboard）がされていません`);
  const allowedOn = addDays(tenant.offboardedOn, opts.retentionDays);
  if (opts.today < allowedOn) throw new TenantDeletionRefused(`保存期間（利用終了日 ${tenant.offboardedOn} から ${opts.retentionDays} 日）が過ぎていません。削除できるのは ${allowedOn} からです`);
  const header = await checkBackup(archive);
  if (header.municipalityCode !== code || !header.checksums) throw new TenantDeletionRefused(`自治体 ${code} のアーカイブ（jichi tenant export）を指定してください`);
  const archiveSha256 = crypto.createHash('sha256').update(fs.readFileSync(archive)).digest('hex');
  let rows = 0;
  const tables = await listTables(db.owner, true);
  await db.owner.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    await assertSeesAllRows(trx);
    // Compared in the deleting transaction itself (serializable): nothing written in between escapes the archive.
    const now = await checksumTables(trx, tables, code);
    const archived = header.checksums!;
    const differs = Object.keys({ ...now, ...archived }).filter((t) => JSON.stringify(now[t]) !== JSON.stringify(archived[t]));
    if (differs.length > 0) throw new TenantDeletionRefused(`アーカイブが現在のデータと一致しません（${differs.slice(0, 3).join(', ')}${differs.length > 3 ? ' ほか' : ''}）。削除の直前に jichi tenant export で書き出してください`);
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
    // Append-only triggers (access log, histories) refuse deletes: the deletion of a whole municipality is the exception.
    for (const t of tables) await sql`ALTER TABLE ${ident(t)} DISABLE TRIGGER USER`.execute(trx);
    for (const t of [...tables].reverse()) {
      if (t.qualified === 'platform.tenant') continue;
      const r = await sql`DELETE FROM ${ident(t)} WHERE municipality_code = ${code}`.execute(trx);
      rows += Number(r.numAffectedRows ?? 0);
    }
    await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx);
    for (const t of tables) await sql`ALTER TABLE ${ident(t)} ENABLE TRIGGER USER`.execute(trx);
    await sql`UPDATE platform.tenant SET deleted_at = now(), deletion_archive_sha256 = ${archiveSha256} WHERE municipality_code = ${code}`.execute(trx);
  });
  return { tables: tables.length - 1, rows, archiveSha256 };
}


