// SPDX-License-Identifier: EUPL-1.2
// Regression test for issue #15 (defect 6): the certificate issuance ledger (JSON and CSV) was read without an
// access-log entry. (Backups: test/backup.int.test.ts; registry export/import: registry-csv.int.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { useTestApp } from './test-app.ts';
import { fillEveryTable, FIXTURE_MAIN } from './fixtures/every-table.ts';

describe('reads of the issuance ledger are logged (issue #15)', () => {
  const t = useTestApp();
  let clients: Awaited<ReturnType<typeof fillEveryTable>>;
  beforeAll(async () => { clients = await fillEveryTable(t); });
  const ledgerEntries = () => withTenant(t.services.db, FIXTURE_MAIN, (trx) => trx.selectFrom('audit.accessLog').selectAll()
    .where('action', 'like', 'certificates.ledger.%').orderBy('seq').execute());

  it('logs the JSON read and the CSV export with actor, period and purpose', async () => {
    expect(await ledgerEntries()).toEqual([]);
    expect((await clients.counter.request('GET', '/api/v1/certificate-issuances?from=2026-01-01')).status).toBe(200);
    expect((await clients.counter.request('GET', '/api/v1/certificate-issuances?format=csv')).status).toBe(200);
    const entries = await ledgerEntries();
    expect(entries.map((e) => [e.action, e.actorId, e.subjectId, e.purpose])).toEqual([
      ['certificates.ledger.read', clients.counter.staffId, '2026-01-01..', '交付記録の閲覧'],
      ['certificates.ledger.export', clients.counter.staffId, '..', '交付記録の出力（CSV）'],
    ]);
  });

  it('logs nothing and answers 403 for a role without the ledger', async () => {
    const before = (await ledgerEntries()).length;
    expect((await clients.officer.request('GET', '/api/v1/certificate-issuances')).status).toBe(403);
    expect(await ledgerEntries()).toHaveLength(before);
  });
});
