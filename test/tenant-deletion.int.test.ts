// SPDX-License-Identifier: EUPL-1.2
// Issue #15 (per-municipality operations): a municipality that leaves the shared service is offboarded (nobody
// signs in from that day) and, after the retention period, its data is deleted, but only against an export that
// holds exactly that data; every other municipality's rows stay byte-identical.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../src/platform/backup/backup.ts';
import { deleteTenantData, TenantDeletionRefused } from '../src/platform/backup/tenant-deletion.ts';
import { addDays, japanDay } from '../src/platform/dates/jp-date.ts';
import { TEST_PASSWORD, useTestApp } from './test-app.ts';
import { fillEveryTable, FIXTURE_MAIN, FIXTURE_OTHER, rowsOfMunicipality } from './fixtures/every-table.ts';

describe('deleting one municipality after its retention period (issue #15)', () => {
  const t = useTestApp();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-tenant-delete-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let loginId = '';
  beforeAll(async () => {
    await fillEveryTable(t);
    loginId = (await t.staff(FIXTURE_MAIN, ['counter'])).loginId;
  });

  const rowsOf = (code: string) => rowsOfMunicipality(t, code);
  const today = japanDay(new Date());

  it('refuses until offboarded and the retention period has passed, and without an export that matches the data', async () => {
    const file = path.join(dir, 'early.jichi-backup');
    await writeBackup(t.services.db, file, { purpose: 'テスト' }, FIXTURE_MAIN);
    await expect(deleteTenantData(t.services.db, FIXTURE_MAIN, file, { today, retentionDays: 90 })).rejects.toThrow(/利用終了の手続/);
    await t.services.tenants.offboard(FIXTURE_MAIN, addDays(today, -10));
    await expect(deleteTenantData(t.services.db, FIXTURE_MAIN, file, { today, retentionDays: 90 })).rejects.toThrow(`削除できるのは ${addDays(today, 80)} から`);
    // Old enough now, but the export predates the offboarding (the tenant row changed since): refused.
    await t.services.tenants.offboard(FIXTURE_MAIN, addDays(today, -100));
    await expect(deleteTenantData(t.services.db, FIXTURE_MAIN, file, { today, retentionDays: 90 })).rejects.toThrow(/アーカイブが現在のデータと一致しません/);
    // Another municipality's archive: refused.
    const other = path.join(dir, 'other.jichi-backup');
    await writeBackup(t.services.db, other, { purpose: 'テスト' }, FIXTURE_OTHER);
    await expect(deleteTenantData(t.services.db, FIXTURE_MAIN, other, { today, retentionDays: 90 })).rejects.toThrow(TenantDeletionRefused);
    expect((await rowsOf(FIXTURE_MAIN))['audit.access_log']!.length).toBeGreaterThan(0);
  });

  it('refuses sign-in from the day of offboarding', async () => {
    expect(await t.services.tenants.isOnboarded(FIXTURE_MAIN)).toBe(false);
    const res = await t.app.request('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ municipalityCode: FIXTURE_MAIN, loginId, password: TEST_PASSWORD }) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('deletes every row of the municipality but its tenant record, and leaves the other municipality byte-identical', async () => {
    const otherBefore = await rowsOf(FIXTURE_OTHER);
    const file = path.join(dir, 'final.jichi-backup');
    await writeBackup(t.services.db, file, { purpose: '利用終了に伴う引渡し' }, FIXTURE_MAIN);
    const r = await deleteTenantData(t.services.db, FIXTURE_MAIN, file, { today, retentionDays: 90 });
    expect(r.rows).toBeGreaterThan(50);
    expect(r.archiveSha256).toMatch(/^[0-9a-f]{64}$/);
    const left = Object.entries(await rowsOf(FIXTURE_MAIN)).filter(([, rows]) => rows.length > 0).map(([table]) => table);
    expect(left).toEqual(['platform.tenant']);
    const record = (await sql<{ deletedAt: Date | null; sha: string }>`SELECT deleted_at, deletion_archive_sha256 AS sha FROM platform.tenant WHERE municipality_code = ${FIXTURE_MAIN}`.execute(t.services.db.owner)).rows[0]!;
    expect(record.deletedAt).toBeInstanceOf(Date);
    expect(record.sha).toBe(r.archiveSha256);
    expect(await rowsOf(FIXTURE_OTHER)).toEqual(otherBefore);
    expect((await t.services.tenants.list()).map((x) => x.municipalityCode)).not.toContain(FIXTURE_MAIN);
    await expect(deleteTenantData(t.services.db, FIXTURE_MAIN, file, { today, retentionDays: 90 })).rejects.toThrow(/削除済み/);
  });
});
