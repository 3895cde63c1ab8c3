// SPDX-License-Identifier: EUPL-1.2
// Issue #15 (per-municipality operations): `jichi restore` replaced every municipality's data, so one
// municipality's mistake would roll back all the others. A municipality's archive restores that municipality only,
// in one transaction, with its access-log chain intact, and leaves every other municipality's rows byte-identical.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, tableChecksums, writeBackup, BackupInvalidError } from '../src/platform/backup/backup.ts';
import { useTestApp } from './test-app.ts';
import { fillEveryTable, FIXTURE_MAIN, FIXTURE_OTHER, rowsOfMunicipality } from './fixtures/every-table.ts';

describe('per-municipality export and restore (issue #15)', () => {
  const t = useTestApp();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-tenant-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, '202151.jichi-backup');
  beforeAll(async () => { await fillEveryTable(t); });

  const rowsOf = (code: string) => rowsOfMunicipality(t, code);
  const withoutLog = (c: Record<string, unknown>) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'audit.access_log'));

  it('restores 塩尻市 to its export while another municipality keeps every row byte-identical', async () => {
    const exported = await writeBackup(t.services.db, file, { purpose: 'テスト', operatorId: 'ops' }, FIXTURE_MAIN);
    expect(exported.rows).toBeGreaterThan(50);
    const mainAtExport = await tableChecksums(t.services.db, FIXTURE_MAIN);

    // Both municipalities change after the export; then 塩尻市 is restored.
    await t.staff(FIXTURE_MAIN, ['admin']);
    await t.staff(FIXTURE_OTHER, ['admin']);
    const otherBefore = await rowsOf(FIXTURE_OTHER);
    expect(Object.values(otherBefore).flat().length).toBeGreaterThan(5);

    await restoreBackup(t.services.db, file, { purpose: '誤操作からの復旧', operatorId: 'ops' }, FIXTURE_MAIN);
    expect(await rowsOf(FIXTURE_OTHER)).toEqual(otherBefore);
    const mainAfter = await tableChecksums(t.services.db, FIXTURE_MAIN);
    expect(withoutLog(mainAfter)).toEqual(withoutLog(mainAtExport));
    // The access log is the exported chain plus one entry for the restore itself, and the chain verifies.
    expect(mainAfter['audit.access_log']!.rows).toBe(mainAtExport['audit.access_log']!.rows + 1);
    expect((await t.services.audit.verify()).breaks).toEqual([]);
    const last = await t.services.db.owner.selectFrom('audit.accessLog').selectAll().where('municipalityCode', '=', FIXTURE_MAIN).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'platform.tenant-restore', actorType: 'operator', purpose: '誤操作からの復旧' });
    await expect(t.services.db.owner.deleteFrom('audit.accessLog').execute()).rejects.toThrow(/append-only/);
  }, 180_000);

  it('refuses an archive of another municipality, and a municipality archive for a full restore, changing nothing', async () => {
    const before = await tableChecksums(t.services.db);
    await expect(restoreBackup(t.services.db, file, undefined, FIXTURE_OTHER)).rejects.toBeInstanceOf(BackupInvalidError);
    await expect(restoreBackup(t.services.db, file)).rejects.toThrow(/jichi tenant restore/);
    expect(await tableChecksums(t.services.db)).toEqual(before);
  }, 120_000);
});
