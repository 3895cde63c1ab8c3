// 二要素認証 (標準仕様書 §10.3, issue #13): a staff member enrols an authenticator (TOTP, RFC 6238) with a first code; then
// every password sign-in needs a current code, each code is accepted once, and every refusal is access-logged.
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../../test/test-app.ts';
import { base32Decode, totp } from '../../platform/auth/totp.ts';

const M = '202151';

describe('two-factor sign-in with TOTP (spec §10.3)', () => {
  const t = useTestApp();
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const login = (loginId: string, extra: Record<string, unknown> = {}) =>
    t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: M, loginId, password: TEST_PASSWORD, ...extra });

  it('enrols with a first code, then requires a current code once per sign-in', async () => {
    const { loginId, staffId } = await t.staff(M, ['counter']);
    const clerk = await t.login(M, loginId);
    const started = await clerk.request('POST', '/api/v1/sessions/current/totp');
    expect(started.status).toBe(201);
    const { secret, otpauthUri } = await json<{ secret: string; otpauthUri: string }>(started);
    expect(otpauthUri).toContain(`secret=${secret}`);
    // Not yet enrolled: a password alone still signs in.
    expect((await login(loginId)).status).toBe(201);
    const wrong = await clerk.request('POST', '/api/v1/sessions/current/totp/confirmations', { code: '000000' === totp(base32Decode(secret), Date.now() / 1000) ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect((await login(loginId)).status).toBe(201);
    const now = Date.now() / 1000;
    expect((await clerk.request('POST', '/api/v1/sessions/current/totp/confirmations', { code: totp(base32Decode(secret), now) })).status).toBe(204);

    const missing = await login(loginId);
    expect(missing.status).toBe(401);
    expect((await json(missing)).code).toBe('otp-required');
    // The code used to confirm cannot be used again; the next step's code can, once.
    const replay = await login(loginId, { otp: totp(base32Decode(secret), now) });
    expect(replay.status).toBe(401);
    expect((await json(replay)).code).toBe('otp-invalid');
    const next = totp(base32Decode(secret), now + 30);
    expect((await login(loginId, { otp: next })).status).toBe(201);
    expect((await login(loginId, { otp: next })).status).toBe(401);

    const admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    const log = await json<{ items: Array<{ action: string; outcome: string; purpose: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?actorId=${staffId}`));
    expect(log.items.filter((e) => e.outcome === 'denied').map((e) => e.purpose).sort()).toEqual(['otp-invalid', 'otp-invalid', 'otp-required']);
    expect(log.items.some((e) => e.action === 'auth.totp.enrol')).toBe(true);
  });
});
