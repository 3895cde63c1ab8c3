// SPDX-License-Identifier: EUPL-1.2
// Regression test for issue #15 (defect 3): identical create requests at once (e.g. two daycare rounds with the
// same id) lost the race to each other's insert and answered 500. Every unique or foreign-key violation is now
// a 409/422 problem with a stable code, and exactly one of the duplicates is created.
import { describe, expect, it } from 'vitest';
import { useTestApp, type Client } from './test-app.ts';

const M = '202151';
const PARALLEL = 8;

describe('concurrent duplicate creations (issue #15)', () => {
  const t = useTestApp();
  const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);

  /** Fires the same request PARALLEL times at once; exactly `created` succeed, the rest are 409/422 problems. */
  async function fire(client: Client, method: string, path: string, body: unknown, okStatus = 201, created = 1) {
    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => client.request(method, path, body)));
    const seen: Array<{ status: number; code?: string }> = [];
    for (const r of responses) {
      const text = await r.text();
      const parsed = text.startsWith('{') ? JSON.parse(text) as { code?: string; title?: string } : {};
      seen.push({ status: r.status, code: parsed.code });
      expect(r.status, `${path}: ${text}`).toBeLessThan(500);
      if (r.status !== okStatus) {
        expect([409, 422]).toContain(r.status);
        expect(r.headers.get('content-type')).toContain('application/problem+json');
        expect(parsed.code).toMatch(/^[a-z][a-z-]+$/);
        expect(parsed.title).toMatch(/[ぁ-んァ-ン一-龯]/);
      }
    }
    expect(seen.filter((s) => s.status === okStatus), JSON.stringify(seen)).toHaveLength(created);
    return seen;
  }

  it('daycare: rounds, imports, applications, declines', async () => {
    const officer = await mk(['daycare']);
    await fire(officer, 'POST', '/api/v1/daycare-rounds', { roundId: 'DUP1', name: '一次', kind: 'primary', referenceDate: '2027-04-01', lotterySeed: 's' });
    for (const id of ['F1', 'F2']) expect((await officer.request('PUT', `/api/v1/daycare-rounds/DUP1/facilities/${id}`, { name: id, seats: [0, 1, 0, 0, 0, 0] })).status).toBe(201);
    await fire(officer, 'POST', '/api/v1/daycare-rounds/DUP1/applications', { householdId: 'HA', children: [{ childId: 'CA', ageClass: 1, preferences: ['F1', 'F2'], score: 10 }] });
    expect((await officer.request('POST', '/api/v1/daycare-rounds/DUP1/allocation-runs')).status).toBe(201);
    const exported = await (await officer.request('GET', '/api/v1/daycare-rounds/DUP1/allocation-request')).json();
    await fire(officer, 'POST', '/api/v1/daycare-round-imports', { name: '再現', roundId: 'DUP1-COPY', request: exported });
    expect((await officer.request('POST', '/api/v1/daycare-rounds/DUP1/confirmations')).status).toBe(204);
    await fire(officer, 'POST', '/api/v1/daycare-rounds/DUP1/applications/CA/declines', undefined);
  });

  it('identity: staff accounts with the same login id', async () => {
    const admin = await mk(['admin']);
    await fire(admin, 'POST', '/api/v1/staff', { loginId: 'dup-clerk', displayName: '重複 太郎', roles: ['counter'], password: 'a-long-enough-password' });
  });
});
