// 利用範囲 per staff account (標準仕様書 §10.3 "scope", issue #13): beyond its roles, an account may be limited to places
// (signs in only at a registered terminal of one of them, e.g. a 支所 clerk) and have actions withheld (e.g. a 窓口 account
// that may not issue certificates showing 個人番号). Refusals are 403 with a code and access-logged; bad scopes are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../test/test-app.ts';
import { can } from '../../platform/auth/permissions.ts';

const M = '202151';

describe('利用範囲 per account (spec §10.3)', () => {
  const t = useTestApp();
  let admin: Client;
  let shishoCookie = '';
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const signIn = (loginId: string, cookie = '') => t.app.request('/api/v1/sessions', {
    method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ municipalityCode: M, loginId, password: TEST_PASSWORD }),
  });

  beforeAll(async () => {
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    expect((await admin.request('POST', '/api/v1/places', { placeCode: 'SHISHO', name: '北支所' })).status).toBe(201);
    expect((await admin.request('POST', '/api/v1/terminals', { terminalCode: 'SHI1', name: '支所1', placeCode: 'SHISHO' })).status).toBe(201);
    shishoCookie = ((await admin.request('POST', '/api/v1/terminals/SHI1/cookies')).headers.get('set-cookie') ?? '').split(';')[0]!;
  });

  it('limits an account to a place: it signs in at a terminal of that place only', async () => {
    const { loginId, staffId } = await t.staff(M, ['counter']);
    expect((await admin.request('PUT', `/api/v1/staff/${staffId}/scope`, { places: ['SHISHO'], withheld: [] })).status).toBe(204);
    const elsewhere = await signIn(loginId);
    expect(elsewhere.status).toBe(403);
    expect((await json(elsewhere)).code).toBe('account-outside-scope');
    expect((await signIn(loginId, shishoCookie)).status).toBe(201);
    const log = await json<{ items: Array<{ action: string; outcome: string; purpose: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?actorId=${staffId}`));
    expect(log.items.filter((e) => e.outcome === 'denied').map((e) => e.purpose)).toEqual(['outside-scope']);
    // Back to any place.
    expect((await admin.request('PUT', `/api/v1/staff/${staffId}/scope`, { places: [], withheld: [] })).status).toBe(204);
    expect((await signIn(loginId)).status).toBe(201);
  });

  it('withholds an action from one account: no certificate showing 個人番号, other certificates as before', async () => {
    const limited = await t.staff(M, ['counter']);
    const other = await t.staff(M, ['counter']);
    expect((await admin.request('PUT', `/api/v1/staff/${limited.staffId}/scope`, { places: [], withheld: ['certificates:issue-my-number'] })).status).toBe(204);
    const clerk = await t.login(M, limited.loginId);
    const colleague = await t.login(M, other.loginId);
    const request = { kind: 'residence-copy', personIds: ['00000000-0000-4000-8000-000000000000'], requester: { type: 'self', personId: '00000000-0000-4000-8000-000000000000', identityDocument: 'my-number-card' } };
    const refused = await clerk.request('POST', '/api/v1/certificates', { ...request, items: ['myNumber'] });
    expect(refused.status).toBe(403);
    expect((await json(refused)).code).toBe('my-number-not-in-scope');
    // The same request passes the scope for a colleague (and fails later, on the unknown person), and without 個人番号 for the clerk.
    expect((await json(await colleague.request('POST', '/api/v1/certificates', { ...request, items: ['myNumber'] }))).code).not.toBe('my-number-not-in-scope');
    expect((await json(await clerk.request('POST', '/api/v1/certificates', request))).code).not.toBe('my-number-not-in-scope');
    expect(can({ roles: ['counter'], withheld: ['certificates:issue-my-number'] }, 'certificates:issue')).toBe(true);
    expect(can({ roles: ['counter'], withheld: ['certificates:issue-my-number'] }, 'certificates:issue-my-number')).toBe(false);
  });

  it('refuses unknown places and actions, other roles and unknown accounts, changing nothing', async () => {
    const { loginId, staffId } = await t.staff(M, ['counter']);
    const badPlace = await admin.request('PUT', `/api/v1/staff/${staffId}/scope`, { places: ['NOWHERE'], withheld: [] });
    expect(badPlace.status).toBe(400);
    expect((await json<{ title: string }>(badPlace)).title).toContain('利用範囲の場所が登録されていません');
    const badAction = await admin.request('PUT', `/api/v1/staff/${staffId}/scope`, { places: [], withheld: ['registry:fly'] });
    expect(badAction.status).toBe(400);
    expect((await admin.request('PUT', '/api/v1/staff/00000000-0000-4000-8000-000000000000/scope', { places: [], withheld: [] })).status).toBe(404);
    const clerk = await t.login(M, loginId);
    expect((await clerk.request('PUT', `/api/v1/staff/${staffId}/scope`, { places: [], withheld: [] })).status).toBe(403);
    expect((await signIn(loginId)).status).toBe(201); // still unrestricted
  });
});
