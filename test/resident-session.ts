// SPDX-License-Identifier: EUPL-1.2
/**
 * Residents signed in through a real OpenID Connect provider, for any test of the resident side (issue #14).
 * `useResidentTestApp()` is `useTestApp()` plus: 塩尻市 onboarded with a small demo registry, the demo identity
 * provider (src/demo/demo-idp.ts) on an ephemeral port, and `signIn(role)` that goes through /portal/login, the
 * provider's sign-in page and /portal/callback like a browser, returning a client with the resident's cookie.
 *
 * @example
 * const t = useResidentTestApp();
 * it('shows マイページ', async () => {
 *   const head = await t.signIn('head-1');          // 世帯主 of the first demo household
 *   expect((await head.get('/portal/my')).status).toBe(200);
 *   await head.post('/portal/some-form', { field: 'x' }); // _csrf added
 * });
 */
import { afterAll, beforeAll } from 'vitest';
import { startDemoIdpFor, type DemoAccount, type DemoIdp } from '../src/demo/demo-idp.ts';
import { useTestApp, type TestApp } from './test-app.ts';

/** 塩尻市: the municipality with the demo registry. */
export const RESIDENT_TEST_MUNICIPALITY = '202151';

/** Which demo resident: see src/domains/registry/demo/demo-identities.ts; 'visitor' is in no registry. */
export type DemoRole = 'head-1' | 'member-1' | 'head-2' | 'visitor';

/** A browser of one signed-in resident, over `app.request` (Jichi) and real HTTP (the provider). */
export interface ResidentClient {
  account: DemoAccount;
  /** The session's CSRF token (from マイページ's sign-out form). */
  csrfToken: string;
  /** The `Cookie` header value of the resident session. */
  cookie: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A form POST (application/x-www-form-urlencoded); `_csrf` is added unless given. */
  post(path: string, form?: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  request(method: string, path: string, init?: { body?: BodyInit; headers?: Record<string, string> }): Promise<Response>;
}

export interface ResidentTestApp extends TestApp {
  idp: DemoIdp;
  account(role: DemoRole): DemoAccount;
  /** Signs the resident in through the provider; `municipality` defaults to 塩尻市. */
  signIn(who: DemoRole | DemoAccount, opts?: { municipality?: string }): Promise<ResidentClient>;
  /** A browser with an empty cookie jar (for flows a test drives itself). */
  browser(): TestBrowser;
}

const ROLES: DemoRole[] = ['head-1', 'member-1', 'head-2', 'visitor'];

/** Sets up the app, the demo registry and the provider for the current test file. */
export function useResidentTestApp(opts: { persons?: number } = {}): ResidentTestApp {
  const t = useTestApp();
  const holder = {} as { idp: DemoIdp };
  beforeAll(async () => {
    await t.tenant(RESIDENT_TEST_MUNICIPALITY);
    await t.services.registry.seedDemoResidents(RESIDENT_TEST_MUNICIPALITY, { persons: opts.persons ?? 150, seed: 'resident-tests' });
    const idp = await startDemoIdpFor(t.services, RESIDENT_TEST_MUNICIPALITY, { port: 0, publicUrl: 'http://127.0.0.1' });
    if (!idp) throw new Error('the demo registry has too few households for demo residents');
    holder.idp = idp;
    t.configure({ residentOidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, label: 'テスト認証基盤でログイン' } });
  });
  afterAll(async () => holder.idp?.close());

  const account = (role: DemoRole) => holder.idp.accounts[ROLES.indexOf(role)]!;
  return {
    get services() { return t.services; },
    get app() { return t.app; },
    tenant: (code) => t.tenant(code),
    staff: (code, roles, loginId) => t.staff(code, roles, loginId),
    login: (code, loginId, password) => t.login(code, loginId, password),
    anonymous: () => t.anonymous(),
    configure: (config) => t.configure(config),
    get idp() { return holder.idp; },
    account,
    browser: () => new TestBrowser((path, init) => t.app.request(path, init)),
    async signIn(who: DemoRole | DemoAccount, o: { municipality?: string } = {}) {
      const acc = typeof who === 'string' ? account(who) : who;
      const browser = new TestBrowser((path, init) => t.app.request(path, init));
      const end = await browser.signIn(acc.subject, o.municipality ?? RESIDENT_TEST_MUNICIPALITY);
      if (end.status !== 303 || !end.headers.get('location')?.startsWith('/portal')) throw new Error(`resident sign-in failed: ${end.status} ${await end.text()}`);
      const page = await browser.fetch('/portal/my');
      const html = await page.text();
      const csrfToken = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      return browser.client(acc, csrfToken);
    },
  };
}

/**
 * A minimal browser: a cookie jar (name and path; the provider and Jichi share the host 127.0.0.1 as browsers do),
 * Jichi's pages through `app.request`, the provider's over real HTTP, redirects followed by hand.
 */
export class TestBrowser {
  private jar = new Map<string, { value: string; path: string }>();

  constructor(private readonly appRequest: (path: string, init: RequestInit) => Response | Promise<Response>) {}

  cookieHeader(pathname: string): string {
    return [...this.jar.entries()]
      .filter(([, c]) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([key, c]) => `${key.split('|')[1]}=${c.value}`).join('; ');
  }

  cookie(name: string): string | undefined {
    for (const [key, c] of this.jar) if (key.split('|')[1] === name) return c.value;
    return undefined;
  }

  /** One request: a path (or http://127.0.0.1/… URL) goes to Jichi, any other URL to the network. */
  async fetch(url: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
    const toApp = url.startsWith('/') || url.startsWith('http://127.0.0.1/');
    const u = new URL(url, 'http://127.0.0.1');
    const cookie = this.cookieHeader(u.pathname);
    const headers = { ...(cookie ? { cookie } : {}), ...init.headers };
    const res = toApp
      ? await this.appRequest(u.pathname + u.search, { method: init.method ?? 'GET', body: init.body, headers })
      : await fetch(url, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) this.store(line);
    return res;
  }

  /**
   * Starts at /portal/login, picks `subject` on the provider's sign-in page (or cancels when `subject` is
   * undefined) and follows the redirects back to Jichi's callback; returns the callback's response.
   */
  async signIn(subject: string | undefined, municipality: string, rewriteCallback: (url: string) => string = (x) => x): Promise<Response> {
    let url = `/portal/login?municipality=${municipality}`;
    for (let hop = 0; hop < 20; hop++) {
      const res = await this.fetch(url);
      const location = res.headers.get('location');
      if (res.status === 200 && /\/interaction\/[^/]+$/.test(new URL(url, 'http://127.0.0.1').pathname)) {
        await res.arrayBuffer();
        const post = await this.fetch(`${url}/${subject ? 'login' : 'abort'}`, {
          method: 'POST', body: new URLSearchParams(subject ? { account: subject } : {}).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        url = new URL(post.headers.get('location')!, url).href;
        continue;
      }
      if (res.status < 300 || res.status >= 400 || !location) return res;
      const next = new URL(location, url.startsWith('/') ? 'http://127.0.0.1' : url).href;
      if (next.startsWith('http://127.0.0.1/portal/callback')) return this.fetch(rewriteCallback(next));
      await res.arrayBuffer();
      url = next;
    }
    throw new Error('too many redirects');
  }

  /** A client over this browser's cookies. */
  client(account: DemoAccount, csrfToken: string): ResidentClient {
    return {
      account, csrfToken, cookie: `jichi_resident=${this.cookie('jichi_resident') ?? ''}`,
      get: (path, headers) => this.fetch(path, { headers }),
      post: (path, form = {}, headers = {}) => this.fetch(path, {
        method: 'POST', body: new URLSearchParams({ _csrf: csrfToken, ...form }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1', ...headers },
      }),
      request: (method, path, init = {}) => this.fetch(path, { method, ...init }),
    };
  }

  private store(line: string): void {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    let path = '/';
    let expired = value === '';
    for (const a of attrs) {
      const [k, v = ''] = a.split('=');
      const key = k!.toLowerCase();
      if (key === 'path') path = v;
      if (key === 'max-age' && Number(v) <= 0) expired = true;
      if (key === 'expires' && new Date(v).getTime() <= Date.now()) expired = true;
    }
    const id = `${path}|${name}`;
    if (expired) this.jar.delete(id);
    else this.jar.set(id, { value, path });
  }
}
