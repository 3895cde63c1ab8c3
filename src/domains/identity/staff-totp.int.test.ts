// 二要素認証 (標準仕様書 §10.3, issue #13): a staff member enrols an authenticator (TOTP, RFC 6238) with a first code; then
// every password sign-in needs a current code, each code is accepted once, and every refusal is access-logged.
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../../test/test-app.ts';
import { base32Decode, totp } from '../../platform/auth/totp.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';

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

  it('keeps the secret sealed at rest (JICHI_TOTP_KEYS), and seals a secret kept as text before (migration of 0024 rows)', async () => {
    const { loginId, staffId } = await t.staff(M, ['counter']);
    const clerk = await t.login(M, loginId);
    const { secret } = await json<{ secret: string }>(await clerk.request('POST', '/api/v1/sessions/current/totp'));
    const stored = () => withTenant(t.services.db, M, (trx) => trx.selectFrom('platform.staff').select(['totpSecret', 'totpPending']).where('staffId', '=', staffId).executeTakeFirstOrThrow());
    const pending = (await stored()).totpPending!;
    expect(pending).toMatch(/^v1:dev1:/);
    expect(pending).not.toContain(secret);
    const now = Date.now() / 1000;
    expect((await clerk.request('POST', '/api/v1/sessions/current/totp/confirmations', { code: totp(base32Decode(secret), now) })).status).toBe(204);
    expect((await stored()).totpSecret).toMatch(/^v1:dev1:/);
    expect((await stored()).totpSecret).not.toContain(secret);
    expect((await login(loginId, { otp: totp(base32Decode(secret), now + 30) })).status).toBe(201);

    // A row from before sealing: the secret as base32 text. The sealing task seals it (once); sign-in still works.
    await withTenant(t.services.db, M, (trx) => trx.updateTable('platform.staff').set({ totpSecret: secret, totpLastStep: null }).where('staffId', '=', staffId).execute());
    expect(await t.services.identity.sealTotpSecrets()).toBeGreaterThanOrEqual(1);
    const resealed = (await stored()).totpSecret!;
    expect(resealed).toMatch(/^v1:dev1:/);
    expect(resealed).not.toContain(secret);
    expect(await t.services.identity.sealTotpSecrets()).toBe(0);
    expect((await stored()).totpSecret).toBe(resealed);
    expect((await login(loginId, { otp: totp(base32Decode(secret), Date.now() / 1000) })).status).toBe(201);
    // Moved to another account, the sealed value opens nothing (bound to the staff member).
    const other = await t.staff(M, ['counter']);
    await withTenant(t.services.db, M, (trx) => trx.updateTable('platform.staff').set({ totpSecret: resealed }).where('staffId', '=', other.staffId).execute());
    const moved = await login(other.loginId, { otp: totp(base32Decode(secret), Date.now() / 1000) });
    expect(moved.status).toBe(401);
    expect((await json(moved)).code).toBe('otp-invalid');
  });
});
