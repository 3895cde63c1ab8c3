// SPDX-License-Identifier: EUPL-1.2
/**
 * 端末・場所 and the access log on the console (spec §1.3.1, §10.2; issue #13): an administrator registers a place and a
 * terminal, makes the browser that terminal (cookie), and the access log page shows each entry's terminal and place.
 * Bad input is refused at its field and records nothing; other roles are refused.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);

describe('端末・場所 and the access log (console)', () => {
  it('registers a place and a terminal, binds the browser, and shows terminal and place in the access log', async () => {
    const admin = await signIn(['admin']);
    const page = await (await get(admin, '/console/admin/terminals')).text();
    expect(page).toContain('このログインの端末: 未登録の端末');
    const idem = () => ({ _csrf: admin.csrf, _idem: crypto.randomUUID() });

    const bad = await post(admin, '/console/admin/places', { ...idem(), placeCode: '本庁', placeName: '本庁舎' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/id="placeCode-error">記号は半角英数字/);
    expect((await post(admin, '/console/admin/places', { ...idem(), placeCode: 'HONCHO', placeName: '本庁舎 市民課' })).status).toBe(303);
    const noPlace = await post(admin, '/console/admin/terminals', { ...idem(), terminalCode: 'HON1', terminalName: '本庁1', placeCode: '' });
    expect(noPlace.status).toBe(400);
    expect((await t.services.terminals.list({ roles: ['admin'], municipalityCode: CODE } as never)).terminals).toEqual([]);
    expect((await post(admin, '/console/admin/terminals', { ...idem(), terminalCode: 'HON1', terminalName: '本庁1', placeCode: 'HONCHO' })).status).toBe(303);
    const bound = await post(admin, '/console/admin/terminals/HON1/cookies', idem());
    expect(bound.status).toBe(303);
    const terminalCookie = (bound.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(terminalCookie).toMatch(/^jichi_terminal=202151\./);

    // A clerk signs in on that browser (the terminal cookie sent with the login form) and reads the console.
    const { loginId } = await t.staff(CODE, ['counter']);
    const login = await t.app.request('/login', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: terminalCookie },
      body: new URLSearchParams({ municipalityCode: CODE, loginId, password: 'correct-horse-battery-staple' }).toString(),
    });
    expect(login.status).toBe(303);
    const log = await (await get(admin, '/console/admin/access-log')).text();
    expect(log).toMatch(/data-testid="log-terminal">本庁1<\/td><td[^>]*>本庁舎 市民課<\/td>/);
    expect(log).toContain('ログイン（パスワード）');
    const filtered = await (await get(admin, '/console/admin/access-log?terminal=HON1')).text();
    expect(filtered).not.toContain('data-testid="log-terminal">未登録の端末');
    const list = await (await get(admin, '/console/admin/terminals')).text();
    expect(list).toContain('に登録');
  });

  it('refuses the pages to other roles', async () => {
    const clerk = await signIn(['counter']);
    expect((await get(clerk, '/console/admin/terminals')).status).toBe(403);
    expect((await get(clerk, '/console/admin/access-log')).status).toBe(403);
    expect((await post(clerk, '/console/admin/places', { _csrf: clerk.csrf, placeCode: 'X', placeName: 'x' })).status).toBe(403);
  });
});
