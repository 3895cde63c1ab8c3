// Backups round-trip the data; a damaged archive is refused and changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBackup, restoreBackup, tableChecksums, verifyBackup, writeBackup, BackupInvalidError } from '../src/platform/backup/backup.ts';
import { fillEveryTable, FIXTURE_MAIN, FIXTURE_OTHER } from './fixtures/every-table.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { useTestApp } from './test-app.ts';

const CODE = '202151';

describe('backup and restore', () => {
  const t = useTestApp();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-backup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'a.jichi-backup');

  const staffIds = () => withTenant(t.services.db, CODE, async (trx) => (await trx.selectFrom('platform.staff').select('staffId').orderBy('staffId').execute()).map((r) => r.staffId));

  it('restores exactly what was backed up, access log chain included', async () => {
    const a = await t.staff(CODE, ['counter']);
    const r = await writeBackup(t.services.db, file);
    expect(r.rows).toBeGreaterThan(1900);
    const before = await staffIds();
    const logBefore = await withTenant(t.services.db, CODE, (trx) => trx.selectFrom('audit.accessLog').select(['seq', 'hash']).orderBy('seq').execute());

    await t.staff(CODE, ['admin']); // a change after the backup
    expect(await staffIds()).toHaveLength(before.length + 1);

    await restoreBackup(t.services.db, file);
    expect(await staffIds()).toEqual(before);
    expect(before).toContain(a.staffId);
    const logAfter = await withTenant(t.services.db, CODE, (trx) => trx.selectFrom('audit.accessLog').select(['seq', 'hash']).orderBy('seq').execute());
    expect(logAfter).toEqual(logBefore);
    expect((await t.services.audit.verify()).breaks).toEqual([]);
    // The append-only guard is back on after the restore.
    await expect(t.services.db.owner.deleteFrom('audit.accessLog').execute()).rejects.toThrow(/append-only/);
  });

  it('refuses a truncated archive and leaves the data alone', async () => {
    await writeBackup(t.services.db, file);
    const bytes = fs.readFileSync(file);
    const cut = path.join(dir, 'cut.jichi-backup');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await t.staff(CODE, ['analyst']);
    const before = await staffIds();
    await expect(restoreBackup(t.services.db, cut)).rejects.toBeInstanceOf(BackupInvalidError);
    expect(await staffIds()).toEqual(before);
  });

  it('refuses an archive whose content was altered and re-compressed', async () => {
    await writeBackup(t.services.db, file);
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const forged = path.join(dir, 'forged.jichi-backup');
    fs.writeFileSync(forged, zlib.gzipSync(text.replace('"roles":["counter"]', '"roles":["admin"]')));
    expect(text).toContain('"roles":["counter"]');
    await expect(restoreBackup(t.services.db, forged)).rejects.toThrow(/チェックサム/);
  });

  it('refuses a file that is not a backup', async () => {
    const junk = path.join(dir, 'junk');
    fs.writeFileSync(junk, 'hello');
    await expect(restoreBackup(t.services.db, junk)).rejects.toBeInstanceOf(BackupInvalidError);
  });
});

// Regression tests for issue #15 (defect 1): a backup holding daycare data (the round ↔ allocation_run cycle)
// could not be restored, and nothing proved it. Every table of every domain is filled, backed up and restored.
describe('backup and restore of every table (issue #15)', () => {
  const t = useTestApp();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-backup-all-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'all.jichi-backup');

  it('the fixture leaves no table empty (a new table must be added to test/fixtures/every-table.ts)', async () => {
    await fillEveryTable(t);
    const counts = await tableChecksums(t.services.db);
    const empty = Object.entries(counts).filter(([, c]) => c.rows === 0).map(([name]) => name);
    expect(empty).toEqual([]);
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['daycare.round', 'daycare.allocation_run', 'daycare.offer_decline', 'registry.import_job', 'certificates.issuance']));
  }, 120_000);

  it('restores a database with rows in every table to identical checksums', async () => {
    await writeBackup(t.services.db, file);
    const before = await tableChecksums(t.services.db);
    expect((await checkBackup(file)).checksums).toEqual(before);
    await t.staff(CODE, ['admin']); // a change after the backup
    await restoreBackup(t.services.db, file);
    expect(await tableChecksums(t.services.db)).toEqual(before);
    expect((await t.services.audit.verify()).breaks).toEqual([]);
    await expect(t.services.db.owner.deleteFrom('audit.accessLog').execute()).rejects.toThrow(/append-only/);
  }, 120_000);

  it('logs the backup as a batch access with its purpose in every municipality (issue #15, unlogged reads)', async () => {
    await writeBackup(t.services.db, file, { purpose: '月次バックアップ', operatorId: 'ops-tanaka' });
    for (const code of [FIXTURE_MAIN, FIXTURE_OTHER]) {
      const entries = await withTenant(t.services.db, code, (trx) => trx.selectFrom('audit.accessLog').selectAll().where('action', '=', 'platform.backup').orderBy('seq').execute());
      expect(entries.at(-1)).toMatchObject({ actorType: 'operator', actorId: 'ops-tanaka', purpose: '月次バックアップ', myNumberAccessed: true });
    }
  });

  it('verifies a backup by restoring it into a scratch database (jichi backup --verify)', async () => {
    const r = await writeBackup(t.services.db, file);
    const v = await verifyBackup(file, { databaseUrl: process.env.DATABASE_URL });
    expect(v.ok).toBe(true);
    expect(v.rows).toBe(r.rows);
    expect(v.mismatches).toEqual([]);
  }, 180_000);
});
