// SPDX-License-Identifier: EUPL-1.2
/**
 * The demo identity provider for residents (issue #14): a real OpenID Connect provider (`oidc-provider`) in the
 * same process on its own port, standing in for the national one (the マイナンバーカード-based login). Its accounts
 * are real persons of the demo registry (src/domains/registry/demo/demo-identities.ts) plus one visitor who is not
 * registered here. Its sign-in page lets the demo user pick who to be; ID tokens carry the 基本4情報 as standard
 * claims (name, family_name, given_name, birthdate, gender, address) and an assurance level (acr).
 * Never for production: anyone can be anyone.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { demoIdentities, type DemoIdentity } from '../domains/registry/index.ts';
import { RESIDENT_CALLBACK_PATH } from '../domains/identity/resident-oidc.service.ts';
import type { Services } from '../services.ts';

/** The assurance level the demo provider states (as if signed in with the card). */
export const DEMO_ACR = 'urn:jichi:demo:mynumbercard';

/** One account of the demo provider. */
export interface DemoAccount {
  subject: string;
  /** What the sign-in page says about the account. */
  label: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: 'male' | 'female';
  address: string;
}

/** A running demo provider. */
export interface DemoIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: DemoAccount[];
  close(): Promise<void>;
}

const ROLE_LABEL: Record<DemoIdentity['role'], string> = {
  'head-1': '世帯主', 'member-1': '世帯主と同じ世帯の人', 'head-2': '別の世帯の世帯主',
};

/** The accounts: the demo registry's persons, and a visitor the registry does not know (never matched). */
export function demoAccounts(identities: DemoIdentity[], municipalityLine: string): DemoAccount[] {
  const subject = (s: string) => `demo-${crypto.createHash('sha256').update(`jichi-demo-idp:${s}`).digest('hex').slice(0, 16)}`;
  const accounts = identities.map((p) => ({
    subject: subject(`${p.familyName}|${p.givenName}|${p.birthDate}|${p.address}`), label: ROLE_LABEL[p.role],
    familyName: p.familyName, givenName: p.givenName, birthDate: p.birthDate, sex: p.sex, address: p.address,
  }));
  accounts.push({
    subject: subject('visitor'), label: 'この市区町村に住民登録のない人', familyName: '旅人', givenName: '一郎', birthDate: '1990-01-01', sex: 'male',
    address: `${municipalityLine}存在しない町999番地`,
  });
  return accounts;
}

/**
 * Starts the provider on `host:port` (port 0: any free port) for one client whose callback is `redirectUri`.
 * @example
 * const idp = await startDemoIdp({ port: 3001, redirectUris: ['http://127.0.0.1:3000/portal/callback'], accounts });
 */
export async function startDemoIdp(opts: { host?: string; port: number; redirectUris: string[]; accounts: DemoAccount[]; issuerHost?: string }): Promise<DemoIdp> {
  const host = opts.host ?? '127.0.0.1';
  const clientId = 'jichi-portal-demo';
  const clientSecret = crypto.randomBytes(24).toString('base64url');
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${opts.issuerHost ?? (host === '0.0.0.0' ? 'localhost' : host)}:${port}`;
  const byId = new Map(opts.accounts.map((a) => [a.subject, a]));
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId, client_secret: clientSecret, redirect_uris: opts.redirectUris,
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'demo-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    claims: { acr: null, amr: null, auth_time: null, sid: null, iss: null, openid: ['sub', 'acr'], profile: ['name', 'family_name', 'given_name', 'birthdate', 'gender'], address: ['address'] },
    conformIdTokenClaims: false,
    acrValues: [DEMO_ACR],
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const a = byId.get(sub);
      if (!a) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub, name: `${a.familyName}　${a.givenName}`, family_name: a.familyName, given_name: a.givenName,
          birthdate: a.birthDate, gender: a.sex, address: { formatted: a.address },
        }),
      };
    },
  });
  provider.on('server_error', () => { /* the provider answers the browser itself; nothing personal is logged here */ });
  const handle = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const m = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/(login|abort))?$/.exec(req.url ?? '');
    if (!m) { handle(req, res); return; }
    interaction(provider, req, res, m[3], byId, opts.accounts).catch(() => {
      if (!res.headersSent) { res.statusCode = 400; res.setHeader('content-type', 'text/plain; charset=utf-8'); }
      res.end('ログイン手続が無効か期限切れです。もう一度最初からお試しください。');
    });
  });
  return {
    issuer, clientId, clientSecret, accounts: opts.accounts,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function interaction(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse, step: string | undefined,
  byId: Map<string, DemoAccount>, accounts: DemoAccount[]): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET' && !step) {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(signInPage(details.uid, accounts));
    return;
  }
  if (req.method !== 'POST') { res.statusCode = 405; res.end(); return; }
  if (step === 'abort') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'cancelled by the user' }, { mergeWithLastSubmission: false });
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  const account = byId.get(form.get('account') ?? '');
  if (!account) {
    res.statusCode = 400;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(signInPage(details.uid, accounts, '利用者を選んでください'));
    return;
  }
  const grant = new provider.Grant({ accountId: account.subject, clientId: details.params.client_id });
  grant.addOIDCScope('openid profile address');
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, {
    login: { accountId: account.subject, acr: DEMO_ACR, remember: false }, consent: { grantId },
  }, { mergeWithLastSubmission: false });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { body += chunk; if (body.length > 10_000) req.destroy(); });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function signInPage(uid: string, accounts: DemoAccount[], error?: string): string {
  const wareki = (iso: string) => new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const items = accounts.map((a, i) => `<li><label><input type="radio" name="account" value="${esc(a.subject)}"${i === 0 ? ' checked' : ''}>
<span><strong>${esc(`${a.familyName}　${a.givenName}`)}</strong>（${esc(a.label)}）<br>${esc(wareki(a.birthDate))}生・${a.sex === 'male' ? '男' : '女'}<br>${esc(a.address)}</span></label></li>`).join('\n');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>デモ用認証基盤</title><link rel="icon" href="data:,">
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;line-height:1.6}main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem}ul{list-style:none;padding:0}li{border:1px solid #767676;border-radius:8px;margin:.5rem 0;padding:.75rem}
label{display:flex;gap:.75rem;align-items:flex-start}input{width:1.25rem;height:1.25rem;margin-top:.25rem}
button{font-size:1rem;padding:.75rem 1.5rem;border-radius:8px;border:2px solid #0031d8;margin:.25rem .5rem .25rem 0}
.primary{background:#0031d8;color:#fff}.secondary{background:#fff;color:#0031d8}.note{background:#fff5e5;border-left:4px solid #b78f00;padding:.5rem .75rem}
.error{color:#ce0000;font-weight:bold}</style></head>
<body><main>
<h1>デモ用認証基盤</h1>
<p class="note">これはデモ用の認証基盤です。本番ではマイナンバーカードによる本人確認（公的個人認証）に置き換わります。</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login">
<fieldset style="border:0;padding:0"><legend>ログインする利用者を選んでください</legend>
<ul>
${items}
</ul></fieldset>
<button type="submit" class="primary">この利用者でログイン</button>
</form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit" class="secondary">キャンセル</button></form>
</main></body></html>`;
}

/**
 * Starts the demo provider for a municipality's demo registry, with Jichi at `publicUrl` as its client; undefined
 * when the registry has too few households to pick demo residents from.
 */
export async function startDemoIdpFor(services: Pick<Services, 'db' | 'tenants'>, municipalityCode: string,
  opts: { host?: string; port: number; publicUrl: string; issuerHost?: string }): Promise<DemoIdp | undefined> {
  const tenant = await services.tenants.get(municipalityCode);
  if (!tenant) return undefined;
  const identities = await demoIdentities(services.db, { code: municipalityCode, prefectureName: tenant.prefectureName, name: tenant.name });
  if (identities.length === 0) return undefined;
  return startDemoIdp({
    host: opts.host, port: opts.port, issuerHost: opts.issuerHost, redirectUris: [`${opts.publicUrl}${RESIDENT_CALLBACK_PATH}`],
    accounts: demoAccounts(identities, `${tenant.prefectureName}${tenant.name}`),
  });
}
