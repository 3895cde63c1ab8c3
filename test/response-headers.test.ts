// SPDX-License-Identifier: EUPL-1.2
// Regression tests for issue #15 (defect 4): JSON with personal data, PDFs and CSV downloads could be cached
// (only HTML had Cache-Control: no-store); no HSTS with an https public URL.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import { useTestApp, type Client } from './test-app.ts';
import { fillEveryTable } from './fixtures/every-table.ts';

describe('response headers (issue #15)', () => {
  const t = useTestApp();
  let clients: Awaited<ReturnType<typeof fillEveryTable>>;
  let admin: Client;
  beforeAll(async () => {
    clients = await fillEveryTable(t);
    admin = await t.login('202151', (await t.staff('202151', ['admin'])).loginId);
  });

  it('sends Cache-Control: no-store on personal-data JSON, PDFs and CSV downloads', async () => {
    const cases: Array<[Client, string, string]> = [
      [admin, '/api/v1/staff', 'application/json'],
      [clients.counter, '/api/v1/certificate-issuances', 'application/json'],
      [clients.counter, '/api/v1/certificate-issuances?format=csv', 'text/csv'],
      [clients.officer, '/api/v1/daycare-rounds/B1/applications', 'application/json'],
      [clients.officer, '/api/v1/daycare-rounds/B1/cutoffs?format=csv', 'text/csv'],
      [clients.officer, '/api/v1/daycare-rounds/B1/notices/CA', 'application/pdf'],
      [clients.officer, '/api/v1/daycare-rounds/B1/allocation-request', 'application/json'],
      [clients.counter, '/console', 'text/html'],
    ];
    for (const [client, path, type] of cases) {
      const res = await client.request('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain(type);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const ledger = (await (await clients.counter.request('GET', '/api/v1/certificate-issuances')).json()) as { items: Array<{ issuanceId?: string }> };
    expect(ledger.items.length).toBeGreaterThan(0);
    // Refusals too (problem+json may name a record).
    expect((await clients.counter.request('GET', '/api/v1/persons/00000000-0000-4000-8000-000000000000')).headers.get('cache-control')).toBe('no-store');
  });

  it('sends HSTS only when the public URL is https', async () => {
    const https = createApp(t.services, { config: { publicUrl: 'https://jichi.example.jp' }, log: createLogger('silent') });
    expect((await https.request('/healthz')).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect((await t.app.request('/healthz')).headers.get('strict-transport-security')).toBeNull();
  });
});
