// SPDX-License-Identifier: EUPL-1.2
/**
 * OpenID Connect staff sign-in against a real provider (`oidc-provider` on 127.0.0.1), with the app served
 * over real HTTP. A small cookie jar and manual redirect following stand in for the browser (issue #2).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import Provider from 'oidc-provider';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { createServices, type Services } from '../src/services.ts';
import { safeReturnPath } from '../src/domains/identity/oidc.service.ts';
import { openTestDatabase } from './test-database.ts';

const MUNICIPALITY = '202151'; // 塩尻市
const NOT_ONBOARDED = '131016'; // 千代田区: a valid code, but not a tenant here
const LINKED_SUBJECT = 'idp-user-0001';
const CLIENT_ID = 'jichi-test';
const CLIENT_SECRET = crypto.randomBytes(24).toString('base64url');

/** What the scripted provider does at its interaction step: sign in this subject, or deny. */
const idp = { subject: LINKED_SUBJECT, deny: false };

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let services: Services;
let app: ReturnType<typeof createApp>;
let appUrl = '';
let issuer = '';
let linkedStaffId = '';
const servers: Array<{ close(cb: () => void): unknown }> = [];

beforeAll(async () => {
  db = await openTestDatabase();
  services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 8 * 3600 });
  await services.tenants.loadReferenceData();
  await services.tenants.onboard(MUNICIPALITY);
  ({ staffId: linkedStaffId } = await services.identity.addStaff({ type: 'operator', id: 'test' }, MUNICIPALITY,
    { loginId: 'oidc-clerk', displayName: 'テスト 職員', roles: ['counter'], oidcSubject: LINKED_SUBJECT }, { clientIp: '', requestId: 'test' }));

  // The app listens first (the provider must know its callback URL); its handler is bound once built.
  const appServer = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: (req, env) => app.fetch(req, env), hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  servers.push(appServer);
  appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;

  const idpServer = http.createServer();
  await new Promise<void>((resolve) => idpServer.listen(0, '127.0.0.1', resolve));
  servers.push(idpServer);
  issuer = `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;
  const provider = createProvider(issuer, `${appUrl}/auth/oidc/callback`);
  const handle = provider.callback();
  idpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      completeInteraction(provider, req, res).catch((err: Error) => { res.statusCode = 500; res.end(err.message); });
      return;
    }
    handle(req, res);
  });

  app = createApp(services, {
    config: { publicUrl: appUrl, oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, label: 'テスト認証基盤' } },
    log: createLogger('silent'),
  });
});

afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  await db?.drop();
});

beforeEach(() => {
  idp.subject = LINKED_SUBJECT;
  idp.deny = false;
});

describe('OpenID Connect staff sign-in', () => {
  it('signs a linked staff member in through the provider and lands on the requested page', async () => {
    const browser = new Browser();
    const trip = await browser.navigate(`${appUrl}/auth/oidc/start?municipality=${MUNICIPALITY}&next=/console/cases?tab=open`);

    const authorize = new URL(trip.visited.find((u) => u.startsWith(`${issuer}/auth?`))!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${appUrl}/auth/oidc/callback`);

    expect(trip.stoppedAt).toBe(`${appUrl}/console/cases?tab=open`);
    expect(browser.cookie('jichi_session')).toMatch(/^202151\./);
    expect(browser.cookie('jichi_oidc_*')).toBeUndefined();

    const res = await browser.fetch(`${appUrl}/api/v1/sessions/current`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { staffId: string; authMethod: string; municipalityCode: string; loginId: string };
    expect(body).toMatchObject({ staffId: linkedStaffId, authMethod: 'oidc', municipalityCode: MUNICIPALITY, loginId: 'oidc-clerk' });

    const log = await accessLog();
    expect(log.find((e) => e.action === 'auth.login.oidc' && e.outcome === 'ok')?.actorId).toBe(linkedStaffId);
  });

  it('completes two sign-ins started in two tabs of one browser, in either order', async () => {
    const browser = new Browser();
    /** Follows the flow up to the provider's redirect back to Jichi, without taking it. */
    const untilCallback = async (start: string) => {
      let url = start;
      for (let hop = 0; hop < 20; hop++) {
        const res = await browser.fetch(url);
        await res.arrayBuffer();
        url = new URL(res.headers.get('location')!, url).href;
        if (url.startsWith(`${appUrl}/auth/oidc/callback`)) return url;
      }
      throw new Error('no callback');
    };
    const first = await untilCallback(`${appUrl}/auth/oidc/start?municipality=${MUNICIPALITY}&next=/console/registry`);
    const second = await untilCallback(`${appUrl}/auth/oidc/start?municipality=${MUNICIPALITY}&next=/console/daycare`);
    expect(browser.cookieNames('jichi_oidc_')).toHaveLength(2);
    const b = await browser.fetch(second);
    expect([b.status, b.headers.get('location')]).toEqual([303, '/console/daycare']);
    const a = await browser.fetch(first);
    expect([a.status, a.headers.get('location')]).toEqual([303, '/console/registry']);
    expect(browser.cookieNames('jichi_oidc_')).toHaveLength(0);
    // Each flow is single use: taking the first callback again finds no flow.
    expect(await problemCode(await browser.fetch(first))).toBe('oidc-flow-missing');
  });

  it('returns to /console when the requested page is not a same-origin path', async () => {
    const browser = new Browser();
    const trip = await browser.navigate(`${appUrl}/auth/oidc/start?municipality=${MUNICIPALITY}&next=//evil.example/x`);
    expect(trip.stoppedAt).toBe(`${appUrl}/console`);
  });

  it('refuses a subject that is linked to no staff account, and opens no session', async () => {
    idp.subject = 'idp-user-stranger';
    const before = (await accessLog()).length;
    const browser = new Browser();
    const trip = await browser.navigate(`${appUrl}/auth/oidc/start?municipality=${MUNICIPALITY}`);
    expect(trip.response.status).toBe(403);
    expect(await problemCode(trip.response)).toBe('oidc-account-not-linked');
    expect(browser.cookie('jichi_session')).toBeUndefined();
    const after = await accessLog();
    const added = after.slice(0, after.length - before);
    expect(added).toEqual([expect.objectContaining({ action: 'auth.login.oidc', outcome: 'denied', actorId: '(oidc)' })]);
  });

  it('refuses a callback whose state was tampered with, and access-logs the refusal', async () => {
    const browser = new Browser();
    const trip = await browser.navigate(`${appUrl}/auth/oidc/start?municipality=${MUNICIPALITY}`, (url) => {
      if (!url.startsWith(`${appUrl}/auth/oidc/callback`)) return url;
      const u = new URL(url);
      u.searchParams.set('state', `${u.searchParams.get('state')}x`);
      return u.href;
    });
    expect(trip.response.status).toBe(400);
    expect(await problemCode(trip.response)).toBe('oidc-state-mismatch');
    expect(browser.cookie('jichi_session')).toBeUndefined();
    expect((await accessLog())[0]).toMatchObject({ action: 'auth.login.oidc', outcome: 'denied', purpose: 'oidc-state-mismatch' });
  });

  it('refuses a callback without a prior start', async () => {
    const browser = new Browser();
    const res = await browser.fetch(`${appUrl}/auth/oidc/callback?code=made-up&state=made-up`);
    expect(res.status).toBe(400);
    expect(await problemCode(res)).toBe('oidc-flow-missing');
    expect(browser.cookie('jichi_session')).toBeUndefined();
  });

  it('refuses a flow cookie that was altered', async () => {
    const browser = new Browser();
    const trip = await browser.navigate(`${appUrl}/auth/oidc/start?municipality=${MUNICIPALITY}`, (url) => {
      if (url.startsWith(`${appUrl}/auth/oidc/callback`)) browser.set('jichi_oidc_*', `${browser.cookie('jichi_oidc_*')!.slice(0, -4)}AAAA`);
      return url;
    });
    expect(await problemCode(trip.response)).toBe('oidc-flow-missing');
    expect(browser.cookie('jichi_session')).toBeUndefined();
  });

  it('reports a refusal at the provider as a provider error', async () => {
    idp.deny = true;
    const browser = new Browser();
    const trip = await browser.navigate(`${appUrl}/auth/oidc/start?municipality=${MUNICIPALITY}`);
    expect(trip.response.status).toBe(401);
    const body = (await trip.response.json()) as { code: string; providerError?: string };
    expect(body).toMatchObject({ code: 'oidc-provider-error', providerError: 'access_denied' });
    expect(browser.cookie('jichi_session')).toBeUndefined();
    expect((await accessLog())[0]).toMatchObject({ outcome: 'denied', purpose: 'oidc-provider-error' });
  });

  it('refuses to start for a malformed or a not onboarded municipality', async () => {
    const browser = new Browser();
    const bad = await browser.fetch(`${appUrl}/auth/oidc/start?municipality=202150`);
    expect(bad.status).toBe(400);
    expect(await problemCode(bad)).toBe('unknown-municipality');
    const missing = await browser.fetch(`${appUrl}/auth/oidc/start`);
    expect(await problemCode(missing)).toBe('unknown-municipality');
    const other = await browser.fetch(`${appUrl}/auth/oidc/start?municipality=${NOT_ONBOARDED}`);
    expect(other.status).toBe(404);
    expect(await problemCode(other)).toBe('tenant-not-found');
    expect(browser.cookie('jichi_oidc_*')).toBeUndefined();
  });

  it('shows browsers a Japanese error page instead of JSON', async () => {
    const res = await new Browser().fetch(`${appUrl}/auth/oidc/callback?code=x&state=y`, { accept: 'text/html,application/xhtml+xml' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('ログインできませんでした');
    expect(page).toContain('oidc-flow-missing');
  });

  it('answers 503 when the provider cannot be reached, and tries discovery again next time', async () => {
    const unreachable = createApp(services, {
      config: { publicUrl: appUrl, oidc: { issuer: 'http://127.0.0.1:1', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, label: 'x' } },
      log: createLogger('silent'),
    });
    for (let i = 0; i < 2; i++) {
      const res = await unreachable.request(`/auth/oidc/start?municipality=${MUNICIPALITY}`);
      expect(res.status).toBe(503);
      expect(await problemCode(res)).toBe('oidc-provider-unavailable');
    }
  });

  it('answers 404 oidc-not-configured when no provider is configured', async () => {
    const plain = createApp(services, { config: { publicUrl: 'http://127.0.0.1' }, log: createLogger('silent') });
    for (const path of ['/auth/oidc/start?municipality=202151', '/auth/oidc/callback?code=x&state=y']) {
      const res = await plain.request(path);
      expect(res.status).toBe(404);
      expect(await problemCode(res)).toBe('oidc-not-configured');
    }
  });
});

describe('safeReturnPath', () => {
  it.each([
    [undefined, '/console'], ['/console/cases?x=1', '/console/cases?x=1'], ['//evil.example', '/console'],
    ['/\\evil.example', '/console'], ['https://evil.example/', '/console'], ['/a\nb', '/console'], ['console', '/console'],
  ])('maps %j to %j', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});

/** The provider: one confidential client, any subject the interaction step signs in, RS256 ID tokens. */
function createProvider(issuerUrl: string, redirectUri: string): Provider {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return new Provider(issuerUrl, {
    clients: [{
      client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
  });
}

/** The scripted user at the provider: signs in `idp.subject` (or refuses), then grants the openid scope. */
async function completeInteraction(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (idp.deny) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'refused by the user' }, { mergeWithLastSubmission: false });
  } else if (details.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: idp.subject } }, { mergeWithLastSubmission: false });
  } else {
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
    grant.addOIDCScope('openid');
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
}

/** Minimal browser: a cookie jar (host, path, expiry) and manual redirect following. */
const matches = (cookieName: string, pattern: string) => pattern.endsWith('*') ? cookieName.startsWith(pattern.slice(0, -1)) : cookieName === pattern;

class Browser {
  private jar = new Map<string, { value: string; host: string; path: string }>();

  /** A cookie's value; a name ending in `*` matches by prefix (the flow cookies are named per flow). */
  cookie(name: string): string | undefined {
    for (const [key, c] of this.jar) if (matches(key.split('|')[2]!, name)) return c.value;
    return undefined;
  }

  cookieNames(prefix: string): string[] {
    return [...this.jar.keys()].map((key) => key.split('|')[2]!).filter((n) => n.startsWith(prefix));
  }

  set(name: string, value: string): void {
    for (const [key, c] of this.jar) if (matches(key.split('|')[2]!, name)) c.value = value;
  }

  async fetch(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const u = new URL(url);
    const cookie = [...this.jar.entries()]
      .filter(([, c]) => c.host === u.hostname && (u.pathname === c.path || u.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map(([key, c]) => `${key.split('|')[2]}=${c.value}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...headers } });
    for (const line of res.headers.getSetCookie()) this.store(u, line);
    return res;
  }

  /** Follows redirects until a response that is not a redirect, or a redirect away from /auth/oidc on the app. */
  async navigate(start: string, rewrite: (url: string) => string = (x) => x) {
    const visited: string[] = [];
    let url = start;
    for (let hop = 0; hop < 20; hop++) {
      url = rewrite(url);
      visited.push(url);
      const response = await this.fetch(url);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, visited, stoppedAt: undefined };
      await response.arrayBuffer();
      const next = new URL(location, url).href;
      if (next.startsWith(appUrl) && !next.startsWith(`${appUrl}/auth/oidc/`)) return { response, visited, stoppedAt: next };
      url = next;
    }
    throw new Error(`too many redirects: ${visited.join(' → ')}`);
  }

  private store(origin: URL, line: string): void {
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
    const id = `${origin.hostname}|${path}|${name}`;
    if (expired) this.jar.delete(id);
    else this.jar.set(id, { value, host: origin.hostname, path });
  }
}

async function problemCode(res: Response): Promise<string> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return ((await res.json()) as { code: string }).code;
}

/** The municipality's access log, newest first. */
async function accessLog() {
  return withTenant(db, MUNICIPALITY, (trx) => services.accessLog.list(trx, { limit: 100 }));
}
