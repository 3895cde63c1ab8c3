// SPDX-License-Identifier: EUPL-1.2
// Regression tests for issue #15 (defects 7 and 8): any clerk could withdraw (取下げ) another clerk's provisional
// change; and staff of a contractor (窓口業務の民間委託) could review and decide when given those roles.
import { beforeAll, describe, expect, it } from 'vitest';
import { japanToday } from '../src/domains/registry/registry.service.ts';
import { addDays } from '../src/platform/dates/jp-date.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { useTestApp, TEST_PASSWORD, type Client } from './test-app.ts';
import { newPerson } from './fixtures/registry/change-generator.ts';

const M = '202151';

describe('withdrawing a provisional change (issue #15, defect 7)', () => {
  const t = useTestApp();
  let clerkA: Client, clerkB: Client, reviewer: Client, approver: Client;
  let n = 700;
  const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
  beforeAll(async () => {
    clerkA = await mk(['counter']);
    clerkB = await mk(['counter']);
    reviewer = await mk(['reviewer']);
    approver = await mk(['approver']);
  });
  const record = async (by: Client) => {
    const res = await by.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(japanToday(t.services.clock), -2), address: { townName: '大字広丘野村', banchi: `${++n}番地` }, persons: [newPerson(n, '世帯主', '1980-01-01')] });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { changeId: string }).changeId;
  };
  const status = async (id: string) => ((await (await approver.request('GET', `/api/v1/changes/${id}`)).json()) as { status: string }).status;

  it('refuses another counter clerk with 403 and changes nothing', async () => {
    const id = await record(clerkA);
    const res = await clerkB.request('POST', `/api/v1/changes/${id}/withdrawals`);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'withdraw-others-change', title: expect.stringContaining('入力した職員本人') });
    expect(await status(id)).toBe('provisional');
  });

  it('lets the entering clerk, a reviewer and an approver withdraw', async () => {
    for (const by of [clerkA, reviewer, approver]) {
      const id = await record(clerkA);
      const res = await by.request('POST', `/api/v1/changes/${id}/withdrawals`);
      expect(res.status, await res.clone().text()).toBe(201);
      expect(await status(id)).toBe('withdrawn');
    }
  });
});

describe('contractor staff (issue #15, defect 8: 窓口業務の民間委託)', () => {
  const t = useTestApp();
  let admin: Client, contractor: Client, clerk: Client, contractorId: string;
  beforeAll(async () => {
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    clerk = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    // Given every role by mistake: the contractor flag still wins.
    const created = await admin.request('POST', '/api/v1/staff', { loginId: 'itaku-1', displayName: '委託 花子', roles: ['counter', 'reviewer', 'approver', 'daycare', 'admin', 'analyst'], password: TEST_PASSWORD, contractor: true });
    expect(created.status, await created.clone().text()).toBe(201);
    contractorId = ((await created.json()) as { staffId: string }).staffId;
    contractor = await t.login(M, 'itaku-1');
  });
  const move = (n: number) => ({ kind: 'move-in', occurredOn: addDays(japanToday(t.services.clock), -2), address: { townName: '大字広丘野村', banchi: `${n}番地` }, persons: [newPerson(n, '世帯主', '1981-01-01')] });

  it('may receive and enter (仮登録) and withdraw its own entry', async () => {
    const rec = await contractor.request('POST', '/api/v1/changes', move(801));
    expect(rec.status, await rec.clone().text()).toBe(201);
    const id = ((await rec.json()) as { changeId: string }).changeId;
    expect((await contractor.request('POST', `/api/v1/changes/${id}/withdrawals`)).status).toBe(201);
    expect((await (await admin.request('GET', `/api/v1/staff/${contractorId}`)).json())).toMatchObject({ contractor: true });
  });

  it('may never review or decide, whatever its roles: 本登録, 取下げ of others, 審査一覧, 支援措置, 保育, administration', async () => {
    const rec = await clerk.request('POST', '/api/v1/changes', move(802));
    const id = ((await rec.json()) as { changeId: string }).changeId;
    const refusals: Array<[string, string, unknown?]> = [
      ['POST', `/api/v1/changes/${id}/approvals`],
      ['POST', '/api/v1/provisional-changes/approvals', { changeIds: [id] }],
      ['POST', `/api/v1/changes/${id}/withdrawals`],
      ['GET', '/api/v1/provisional-changes'],
      ['POST', '/api/v1/support-measures', { personId: '00000000-0000-4000-8000-000000000000', kind: 'dv', startsOn: '2026-01-01', requestingBody: 'x' }],
      ['POST', '/api/v1/daycare-rounds', { roundId: 'X1', name: 'x', kind: 'primary', referenceDate: '2027-04-01' }],
      ['GET', '/api/v1/staff'],
      ['GET', '/api/v1/access-log-entries'],
    ];
    for (const [method, path, body] of refusals) {
      const res = await contractor.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as { code: string }).code, path).toMatch(/^(forbidden|withdraw-others-change)$/);
    }
    expect(((await (await clerk.request('GET', `/api/v1/changes/${id}`)).json()) as { status: string }).status).toBe('provisional');
  });

  it('shows contractor staff as such in the access log', async () => {
    const entries = await withTenant(t.services.db, M, (trx) => trx.selectFrom('audit.accessLog').select(['actorType', 'action']).where('actorId', '=', contractorId).execute());
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.actorType))).toEqual(new Set(['contractor']));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login.password', 'registry.change.record']));
    expect((await t.services.audit.verify()).breaks).toEqual([]);
  });
});
