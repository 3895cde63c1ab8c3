// 職員アカウントの有効期間 (標準仕様書 §10.3, issue #13): an account outside its validity period cannot sign in (the refusal
// is access-logged) and its open sessions stop; a period ending before it starts is refused and changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../test/test-app.ts';
import { addDays, japanDay } from '../../platform/dates/jp-date.ts';

const M = '202151';

describe('staff account validity (spec §10.3)', () => {
  const t = useTestApp();
  let admin: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const login = (loginId: string) => t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: M, loginId, password: TEST_PASSWORD });
  const add = (loginId: string, extra: Record<string, unknown>) => admin.request('POST', '/api/v1/staff', { loginId, displayName: '期間 職員', roles: ['counter'], password: TEST_PASSWORD, ...extra });

  beforeAll(async () => {
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    today = japanDay(t.services.clock.now());
  });

  it('refuses sign-in before the first and after the last day, allows it on both, and logs the refusal', async () => {
    expect((await add('kikan-ended', { validFrom: addDays(today, -30), validTo: addDays(today, -1) })).status).toBe(201);
    expect((await add('kikan-future', { validFrom: addDays(today, 1) })).status).toBe(201);
    expect((await add('kikan-today', { validFrom: today, validTo: today })).status).toBe(201);
    for (const id of ['kikan-ended', 'kikan-future']) {
      const res = await login(id);
      expect(res.status).toBe(403);
      expect((await json(res)).code).toBe('account-outside-validity');
    }
    expect((await login('kikan-today')).status).toBe(201);
    const staff = await json<{ items: Array<{ loginId: string; staffId: string; validFrom: string | null; validTo: string | null }> }>(await admin.request('GET', '/api/v1/staff'));
    const ended = staff.items.find((s) => s.loginId === 'kikan-ended')!;
    expect(ended).toMatchObject({ validFrom: addDays(today, -30), validTo: addDays(today, -1) });
    const log = await json<{ items: Array<{ action: string; outcome: string; purpose: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?actorId=${ended.staffId}`));
    expect(log.items).toEqual([expect.objectContaining({ action: 'auth.login.password', outcome: 'denied', purpose: 'outside-validity' })]);
  });

  it('ends the open sessions of an account whose period the administrator ends', async () => {
    const { loginId, staffId } = await t.staff(M, ['counter']);
    const clerk = await t.login(M, loginId);
    expect((await clerk.request('GET', '/api/v1/sessions/current')).status).toBe(200);
    expect((await admin.request('PUT', `/api/v1/staff/${staffId}/validity`, { validFrom: null, validTo: addDays(today, -1) })).status).toBe(204);
    expect((await clerk.request('GET', '/api/v1/sessions/current')).status).toBe(401);
    expect((await admin.request('PUT', `/api/v1/staff/${staffId}/validity`, { validFrom: null, validTo: null })).status).toBe(204);
    expect((await clerk.request('GET', '/api/v1/sessions/current')).status).toBe(200);
  });

  it('refuses a period ending before it starts, and a non-administrator, changing nothing', async () => {
    const bad = await add('kikan-bad', { validFrom: addDays(today, 10), validTo: addDays(today, 1) });
    expect(bad.status).toBe(400);
    expect((await json<{ invalidParams: Array<{ name: string }> }>(bad)).invalidParams.map((p) => p.name)).toEqual(['validTo']);
    expect((await json<{ items: Array<{ loginId: string }> }>(await admin.request('GET', '/api/v1/staff'))).items.some((s) => s.loginId === 'kikan-bad')).toBe(false);
    const { loginId, staffId } = await t.staff(M, ['counter']);
    const clerk = await t.login(M, loginId);
    expect((await clerk.request('PUT', `/api/v1/staff/${staffId}/validity`, { validFrom: null, validTo: addDays(today, -1) })).status).toBe(403);
    expect((await clerk.request('GET', '/api/v1/sessions/current')).status).toBe(200);
    expect((await admin.request('PUT', `/api/v1/staff/${staffId}/validity`, { validFrom: '2026-05-01', validTo: '2026-04-30' })).status).toBe(400);
  });
});
