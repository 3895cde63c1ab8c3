// SPDX-License-Identifier: EUPL-1.2
/** HTTP-level tests of the web UI: sign-in form, logout with CSRF, console guard, safe redirects, language. */
import { describe, expect, it } from 'vitest';
import { webRoutes } from '../src/web/web.routes.tsx';
import { TEST_PASSWORD, useTestApp } from './test-app.ts';

const CODE = '202151';
const t = useTestApp();

/** Posts the sign-in form as a browser on this site would. */
function postLogin(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.request('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Signs in through the form and returns the session cookie and the CSRF token of the console page. */
async function signIn(roles: Parameters<typeof t.staff>[1]) {
  const { loginId } = await t.staff(CODE, roles);
  const res = await postLogin({ municipalityCode: CODE, loginId, password: TEST_PASSWORD });
  expect(res.status).toBe(303);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const page = await (await t.app.request('/console', { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  expect(csrf).toBeTruthy();
  return { cookie, csrf: csrf!, loginId, page };
}

describe('POST /login', () => {
  it('signs in, sets an HttpOnly SameSite=Lax session cookie and redirects to the console', async () => {
    const { loginId } = await t.staff(CODE, ['counter']);
    const res = await postLogin({ municipalityCode: CODE, loginId, password: TEST_PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^jichi_session=202151\./);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const console = await t.app.request('/console', { headers: { cookie: setCookie.split(';')[0]! } });
    expect(console.status).toBe(200);
    const html = await console.text();
    expect(html).toContain('塩尻市');
    expect(html).toContain('<title>職員コンソール | Jichi 塩尻市</title>');
  });

  it('re-renders the form with an alert for a wrong password, keeps the login id, never the password, sets no cookie', async () => {
    const { loginId } = await t.staff(CODE, ['counter']);
    const res = await postLogin({ municipalityCode: CODE, loginId, password: 'wrong-password-123' });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('自治体、職員ID又はパスワードが正しくありません');
    expect(html).toContain(`value="${loginId}"`);
    expect(html).not.toContain('wrong-password-123');
    expect(html).toMatch(/<option value="202151" selected/);
    expect(html).toMatch(/id="password"[^>]*aria-invalid="true"/);
  });

  it('explains a wrong password in English when the UI is in English', async () => {
    const { loginId } = await t.staff(CODE, ['counter']);
    const res = await postLogin({ municipalityCode: CODE, loginId, password: 'wrong-password-123' }, { cookie: 'lang=en' });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Invalid municipality, login id or password');
  });

  it('asks for the missing fields with errors linked to them', async () => {
    const res = await postLogin({ municipalityCode: CODE, loginId: '', password: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('職員IDを入力してください');
    expect(html).toMatch(/id="loginId"[^>]*aria-describedby="loginId-hint loginId-error"/);
  });

  it('refuses a form posted from another site', async () => {
    const { loginId } = await t.staff(CODE, ['counter']);
    const res = await postLogin({ municipalityCode: CODE, loginId, password: TEST_PASSWORD }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('ignores open-redirect attempts in next and keeps same-site paths', async () => {
    const { loginId } = await t.staff(CODE, ['counter']);
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/%0a//evil.example']) {
      const res = await postLogin({ municipalityCode: CODE, loginId, password: TEST_PASSWORD, next });
      expect(res.status, next).toBe(303);
      expect(res.headers.get('location'), next).toMatch(/^\/(console|%0a\/\/evil\.example)$/);
      expect(new URL(res.headers.get('location')!, 'http://localhost').origin).toBe('http://localhost');
    }
    const ok = await postLogin({ municipalityCode: CODE, loginId, password: TEST_PASSWORD, next: '/console/registry?x=1' });
    expect(ok.headers.get('location')).toBe('/console/registry?x=1');
    const page = await (await t.app.request('/login?next=%2F%2Fevil.example')).text();
    expect(page).not.toContain('name="next"');
  });
});

describe('GET /login', () => {
  it('offers the OpenID Connect sign-in when it is configured', async () => {
    await t.tenant(CODE);
    const web = webRoutes(t.services, { secureCookies: false, publicUrl: 'http://localhost', oidc: { issuer: 'https://idp.example', clientId: 'jichi', label: '庁内認証基盤' } });
    const html = await (await web.request('/login')).text();
    expect(html).toContain('庁内認証基盤でログイン');
    expect(html).toContain('href="/auth/oidc/start?municipality=202151"');
    expect(await (await t.app.request('/login')).text()).not.toContain('/auth/oidc/start');
  });

  it('explains a failed external sign-in coming back with ?error=<code>, and ignores odd codes', async () => {
    const html = await (await t.app.request('/login?error=oidc-account-not-linked')).text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('エラーコード: oidc-account-not-linked');
    expect(await (await t.app.request('/login?error=%3Cscript%3E')).text()).not.toContain('role="alert"');
  });
});

describe('POST /logout', () => {
  it('is refused without the CSRF token, and the session stays valid', async () => {
    const { cookie } = await signIn(['counter']);
    const res = await t.app.request('/logout', {
      method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: '_csrf=wrong',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect((await t.app.request('/console', { headers: { cookie } })).status).toBe(200);
  });

  it('ends the session with the CSRF token and says so on the login page', async () => {
    const { cookie, csrf } = await signIn(['counter']);
    const res = await t.app.request('/logout', {
      method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?loggedOut');
    expect(res.headers.get('set-cookie')).toMatch(/jichi_session=;/);
    expect((await t.app.request('/console', { headers: { cookie } })).status).toBe(303);
    const login = await (await t.app.request('/login?loggedOut')).text();
    expect(login).toContain('ログアウトしました');
  });
});

describe('GET /console', () => {
  it('sends anonymous visitors to the login page and back afterwards', async () => {
    const res = await t.app.request('/console/registry?q=1');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fconsole%2Fregistry%3Fq%3D1');
    const page = await (await t.app.request(res.headers.get('location')!)).text();
    expect(page).toContain('name="next" value="/console/registry?q=1"');
  });

  it('shows only the capabilities the roles allow', async () => {
    const { cookie, page } = await signIn(['analyst']);
    expect(page).toContain('見える化');
    expect(page).not.toContain('住民記録');
    expect((await t.app.request('/console/registry', { headers: { cookie } })).status).toBe(403);
    const insights = await t.app.request('/console/insights', { headers: { cookie } });
    expect(insights.status).toBe(200);
    const text = await insights.text();
    expect(text).toContain('団体区分');
    expect(text).not.toContain('準備中');
  });

  it('answers unknown console paths with an HTML page inside the console', async () => {
    const { cookie } = await signIn(['counter']);
    const res = await t.app.request('/console/no-such-page', { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('ページが見つかりません');
  });

  it('answers other unknown pages with an HTML 404 for browsers and problem+json for API clients', async () => {
    const page = await t.app.request('/no-such-page', { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('ページが見つかりません');
    const api = await t.app.request('/api/v1/no-such-resource', { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    const plain = await t.app.request('/no-such-page');
    expect(((await plain.json()) as { code: string }).code).toBe('not-found');
  });
});

describe('language and static files', () => {
  it('switches to English with the lang cookie and back', async () => {
    const res = await t.app.request('/lang/en?next=%2Fportal');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toBe('lang=en');
    const html = await (await t.app.request('/portal', { headers: { cookie } })).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Resident portal');
    expect((await t.app.request('/lang/en?next=https://evil.example')).headers.get('location')).toBe('/');
  });

  it('serves static files with content types and caching, and nothing outside the folder', async () => {
    const js = await t.app.request('/static/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/max-age=300/);
    const page = await (await t.app.request('/portal')).text();
    const versioned = /src="(\/static\/app\.js\?v=[0-9a-f]+)"/.exec(page)![1]!;
    expect((await t.app.request(versioned)).headers.get('cache-control')).toMatch(/immutable/);
    expect((await t.app.request('/static/..%2Fweb.routes.tsx')).status).toBe(404);
    expect((await t.app.request('/static/web.routes.tsx')).status).toBe(404);
  });
});
