// SPDX-License-Identifier: EUPL-1.2
/** The sign-in form explains a locked account and too many attempts in Japanese (own app: own rate limiter). */
import { describe, expect, it } from 'vitest';
import { LOCKOUT_THRESHOLD } from '../src/domains/identity/identity.service.ts';
import { TEST_PASSWORD, useTestApp } from './test-app.ts';

const CODE = '202151';
const t = useTestApp();

const postLogin = (fields: Record<string, string>) => t.app.request('/login', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('POST /login refusals', () => {
  it('tells a locked account to wait, and later too many attempts to slow down, without a cookie', async () => {
    const { loginId } = await t.staff(CODE, ['counter']);
    let res: Response | undefined;
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) res = await postLogin({ municipalityCode: CODE, loginId, password: 'wrong-password-123' });
    expect(res!.status).toBe(423);
    expect(await res!.text()).toContain('アカウントを一時的にロックしました');
    const locked = await postLogin({ municipalityCode: CODE, loginId, password: TEST_PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.headers.get('set-cookie')).toBeNull();

    // 20 attempts per address per 5 minutes (src/services.ts).
    let limited: Response | undefined;
    for (let i = 0; i < 20 && limited?.status !== 429; i++) limited = await postLogin({ municipalityCode: CODE, loginId: 'nobody', password: 'x' });
    expect(limited!.status).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await limited!.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('ログインの試行回数が多すぎます');
  });
});

// Regression tests for issue #15 (defect 2): the failure count was read, then written, without a lock, so 20
// parallel wrong passwords made 17 password checks with a policy of 5; and the per-address limit counted
// successful sign-ins, locking a counter office behind one address out at opening time.
function signInWith(app: ReturnType<typeof useTestApp>) {
  return (loginId: string, password: string) => app.app.request('/api/v1/sessions', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: CODE, loginId, password }),
  });
}

describe('sign-in lock-out under parallel attempts (issue #15)', () => {
  const app = useTestApp();
  const signIn = signInWith(app);

  it('checks at most 5 passwords of 20 parallel wrong attempts on one account, and locks it', async () => {
    const { loginId, staffId } = await app.staff(CODE, ['counter']);
    const responses = await Promise.all(Array.from({ length: 20 }, () => signIn(loginId, 'wrong-password-123')));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOCKOUT_THRESHOLD - 1);
    expect(statuses.filter((s) => s === 423)).toHaveLength(20 - (LOCKOUT_THRESHOLD - 1));
    for (const r of responses) expect((await r.json() as { code: string }).code).toMatch(/^(invalid-credentials|account-locked)$/);
    // Password checks are the denied entries that were not refused as locked.
    const entries = await app.services.audit.list({ type: 'staff', municipalityCode: CODE, roles: ['admin'] } as never, { actorId: staffId, limit: 100 });
    const checked = entries.filter((e) => e.action === 'auth.login.password' && e.outcome === 'denied' && e.purpose !== 'locked');
    expect(checked).toHaveLength(LOCKOUT_THRESHOLD);
    const row = await app.services.db.owner.selectFrom('platform.staff').select(['failedLogins', 'lockedUntil']).where('staffId', '=', staffId).executeTakeFirstOrThrow();
    expect(row.failedLogins).toBe(LOCKOUT_THRESHOLD);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('sign-in rate limit counts failures only (issue #15)', () => {
  const app = useTestApp();
  const signIn = signInWith(app);

  it('does not count successful sign-ins against the address: 40 clerks of one office sign in at opening time', async () => {
    const clerks = [];
    for (let i = 0; i < 40; i++) clerks.push((await app.staff(CODE, ['counter'], `opening-${i}`)).loginId);
    for (const loginId of clerks) expect((await signIn(loginId, TEST_PASSWORD)).status).toBe(201);
    // Failures still count: 20 per address per 5 minutes, then 429 with Retry-After.
    let limited: Response | undefined;
    for (let i = 0; i < 21 && limited?.status !== 429; i++) limited = await signIn(clerks[i % clerks.length]!, `wrong-password-${i}`);
    expect(limited!.status).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited!.json() as { code: string }).code).toBe('too-many-attempts');
  });
});
