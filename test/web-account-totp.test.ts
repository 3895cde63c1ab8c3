// SPDX-License-Identifier: EUPL-1.2
/**
 * 二要素認証 on the console (標準仕様書 §10.3; issue #13): a staff member enrols an authenticator app from the console — QR
 * code (SVG) and secret, a first code confirms — and the next password sign-in asks for a code. A wrong code is refused at
 * its field and enrols nothing.
 */
import { describe, expect, it } from 'vitest';
import { base32Decode, totp } from '../src/platform/auth/totp.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { TEST_PASSWORD, useTestApp } from './test-app.ts';
import { consoleSessions } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
const idem = () => crypto.randomUUID();

describe('二要素認証 (console)', () => {
  it('enrols an authenticator with a QR code and a first code; then sign-in needs a code', async () => {
    const clerk = await signIn(['counter']);
    const home = await (await get(clerk, '/console')).text();
    expect(home).toContain('href="/console/account/two-factor" data-testid="two-factor-link">二要素認証</a>');
    const before = await (await get(clerk, '/console/account/two-factor')).text();
    expect(before).toContain('このアカウントには認証アプリが登録されていません。');
    expect(before).not.toContain('data-testid="totp-qr"');

    expect((await post(clerk, '/console/account/two-factor', { _csrf: 'wrong', _idem: idem() })).status).toBe(403);
    const started = await post(clerk, '/console/account/two-factor', { _csrf: clerk.csrf, _idem: idem() });
    expect(started.status).toBe(303);
    const page = await (await get(clerk, '/console/account/two-factor')).text();
    expect(page).toMatch(/data-testid="totp-qr"><svg [^>]*viewBox/);
    const secret = /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(page)![1]!.replace(/ /g, '');
    expect(secret.length).toBeGreaterThanOrEqual(32);
    // A second start keeps the same secret (double submit).
    await post(clerk, '/console/account/two-factor', { _csrf: clerk.csrf, _idem: idem() });
    expect(await (await get(clerk, '/console/account/two-factor')).text()).toContain(secret.slice(0, 4));

    const now = Date.now() / 1000;
    const good = totp(base32Decode(secret), now);
    const wrong = await post(clerk, '/console/account/two-factor/confirmations', { _csrf: clerk.csrf, _idem: idem(), code: good === '123456' ? '654321' : '123456' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/id="code-error">確認コードが正しくないか、既に使われています/);
    const { loginId } = await withTenant(t.services.db, CODE, (trx) => trx.selectFrom('platform.staff').select('loginId').where('staffId', '=', clerk.staffId).executeTakeFirstOrThrow());
    const signInWith = (otp?: string) => t.anonymous().request('POST', '/api/v1/sessions', { municipalityCode: CODE, loginId, password: TEST_PASSWORD, ...(otp ? { otp } : {}) });
    expect((await signInWith()).status).toBe(201); // not enrolled yet

    // Full-width digits are read as digits.
    const fullWidth = good.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const ok = await post(clerk, '/console/account/two-factor/confirmations', { _csrf: clerk.csrf, _idem: idem(), code: fullWidth });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/console/account/two-factor?done=enrolled');
    const after = await (await get(clerk, '/console/account/two-factor?done=enrolled')).text();
    expect(after).toContain('認証アプリを登録しました。');
    expect(after).toContain('このアカウントには認証アプリが登録されています。');
    expect(after).not.toContain('data-testid="totp-secret"');
    const missing = await signInWith();
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { code: string }).code).toBe('otp-required');
    expect((await signInWith(totp(base32Decode(secret), now + 30))).status).toBe(201);

    const en = await (await get(clerk, '/console/account/two-factor', { cookie: `${clerk.cookie}; lang=en` })).text();
    expect(en).toContain('An authenticator app is enrolled for this account.');
  });

  it('sends a visitor without a session to sign in', async () => {
    expect((await t.app.request('/console/account/two-factor')).status).toBe(303);
  });
});
