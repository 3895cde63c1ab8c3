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
