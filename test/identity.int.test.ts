// Staff sign-in, sessions, CSRF, lock-out and roles through the HTTP API.
import { describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { TEST_PASSWORD, useTestApp } from './test-app.ts';

const CODE = '202151';

describe('sessions API', () => {
  const t = useTestApp();

  it('signs in with the right password and answers the current session', async () => {
    const s = await t.staff(CODE, ['counter', 'reviewer']);
    const client = await t.login(CODE, s.loginId);
    const res = await client.request('GET', '/api/v1/sessions/current');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(await res.json()).toMatchObject({ municipalityCode: CODE, municipalityName: '塩尻市', loginId: s.loginId, roles: ['counter', 'reviewer'], authMethod: 'password' });
  });

  it('sets an HttpOnly, SameSite session cookie that carries no password', async () => {
    const s = await t.staff(CODE, ['counter']);
    const res = await t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: CODE, loginId: s.loginId, password: TEST_PASSWORD });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toContain(TEST_PASSWORD);
  });

  it('refuses a wrong password with a Japanese problem and no cookie', async () => {
    const s = await t.staff(CODE, ['counter']);
    const res = await t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: CODE, loginId: s.loginId, password: 'wrong-password-123' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('set-cookie')).toBeNull();
    const body = (await res.json()) as { code: string; title: string; instance: string };
    expect(body.code).toBe('invalid-credentials');
    expect(body.title).toContain('パスワード');
    expect(body.instance).toBe(`urn:request:${res.headers.get('x-request-id')}`);
  });

  it('gives the same answer for an unknown user, an unknown municipality and a wrong password', async () => {
    const codes = await Promise.all([
      t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: CODE, loginId: 'nobody', password: 'whatever-123456' }),
      t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: '131016', loginId: 'nobody', password: 'whatever-123456' }),
    ].map(async (p) => ((await (await p).json()) as { code: string }).code));
    expect(codes).toEqual(['invalid-credentials', 'invalid-credentials']);
  });

  it('validates the body and lists invalid parameters', async () => {
    const res = await t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: '12', loginId: '' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; invalidParams: Array<{ name: string }> };
    expect(body.code).toBe('invalid-params');
    expect(body.invalidParams.map((p) => p.name)).toEqual(expect.arrayContaining(['municipalityCode', 'loginId', 'password']));
  });

  it('locks the account after five failures, even for the right password, and logs the denials', async () => {
    const s = await t.staff(CODE, ['counter']);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: CODE, loginId: s.loginId, password: `wrong-${i}-xxxxxxxx` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: CODE, loginId: s.loginId, password: TEST_PASSWORD });
    expect(right.status).toBe(423);
    expect(((await right.json()) as { code: string }).code).toBe('account-locked');
    const denied = await withTenant(t.services.db, CODE, (trx) => trx.selectFrom('audit.accessLog').select('outcome')
      .where('actorId', '=', s.staffId).where('action', '=', 'auth.login.password').execute());
    expect(denied.filter((d) => d.outcome === 'denied')).toHaveLength(6);
  });

  it('requires the CSRF token for unsafe methods and keeps the session when it is missing', async () => {
    const s = await t.staff(CODE, ['counter']);
    const client = await t.login(CODE, s.loginId);
    const noToken = await client.request('DELETE', '/api/v1/sessions/current', undefined, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { code: string }).code).toBe('csrf-token-invalid');
    expect((await client.request('GET', '/api/v1/sessions/current')).status).toBe(200);
  });

  it('ends the session on logout', async () => {
    const s = await t.staff(CODE, ['counter']);
    const client = await t.login(CODE, s.loginId);
    expect((await client.request('DELETE', '/api/v1/sessions/current')).status).toBe(204);
    const after = await client.request('GET', '/api/v1/sessions/current');
    expect(after.status).toBe(401);
    expect(((await after.json()) as { code: string }).code).toBe('unauthenticated');
  });

  it('allows staff management only to administrators', async () => {
    const clerk = await t.login(CODE, (await t.staff(CODE, ['counter'])).loginId);
    const admin = await t.login(CODE, (await t.staff(CODE, ['admin'])).loginId);
    const forbidden = await clerk.request('POST', '/api/v1/staff', { loginId: 'newbie', displayName: '新人', roles: ['counter'], password: 'long-enough-password' });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { code: string }).code).toBe('forbidden');
    expect((await clerk.request('GET', '/api/v1/staff')).status).toBe(403);

    const created = await admin.request('POST', '/api/v1/staff', { loginId: 'newbie', displayName: '新人', roles: ['counter'], password: 'long-enough-password' });
    expect(created.status).toBe(201);
    const dup = await admin.request('POST', '/api/v1/staff', { loginId: 'newbie', displayName: '新人', roles: ['counter'], password: 'long-enough-password' });
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { code: string }).code).toBe('staff-exists');
    const newbie = await t.login(CODE, 'newbie', 'long-enough-password');
    expect((await newbie.request('GET', '/api/v1/sessions/current')).status).toBe(200);
  });

  it('refuses a weak password or unknown role and creates nothing', async () => {
    const admin = await t.login(CODE, (await t.staff(CODE, ['admin'])).loginId);
    const weak = await admin.request('POST', '/api/v1/staff', { loginId: 'weakling', displayName: '弱', roles: ['counter'], password: 'short' });
    expect(weak.status).toBe(400);
    const role = await admin.request('POST', '/api/v1/staff', { loginId: 'rooty', displayName: '根', roles: ['root'], password: 'long-enough-password' });
    expect(role.status).toBe(400);
    const list = (await (await admin.request('GET', '/api/v1/staff')).json()) as { items: Array<{ loginId: string }> };
    expect(list.items.map((s) => s.loginId)).not.toContain('weakling');
    expect(list.items.map((s) => s.loginId)).not.toContain('rooty');
  });

  it('never returns the password hash', async () => {
    const s = await t.staff(CODE, ['admin']);
    const admin = await t.login(CODE, s.loginId);
    const text = await (await admin.request('GET', `/api/v1/staff/${s.staffId}`)).text();
    expect(text).not.toMatch(/argon2|passwordHash/);
  });
});

describe('health', () => {
  const t = useTestApp();
  it('answers liveness and readiness', async () => {
    expect(await (await t.app.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await t.app.request('/readyz')).json()).toMatchObject({ status: 'ready' });
  });
  it('refuses a body over 1 MiB with 413 and a problem', async () => {
    const res = await t.app.request('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'x'.repeat(1_100_000) }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('payload-too-large');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
  it('answers a too-large form from a browser (an attachment over 1 MiB) with a Japanese page, not a plain 413', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(1_200_000)], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await t.app.request('/portal/applications/00000000-0000-4000-8000-000000000000/attachments', { method: 'POST', headers: { accept: 'text/html' }, body: form });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('送信した内容が大きすぎます');
    expect(html).toContain('1MB以下');
  });
  it('answers unknown routes with a problem', async () => {
    const res = await t.app.request('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('not-found');
  });
});
