// SPDX-License-Identifier: EUPL-1.2
/**
 * Browser routes of the OpenID Connect staff sign-in, mounted at /auth/oidc (outside /api: the provider
 * redirects browsers here). Refusals are problem+json for API-style clients and a minimal Japanese page
 * for browsers (Accept: text/html).
 */
import crypto from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import { createOidcClient } from '../../platform/auth/oidc-client.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/database.ts';
import { terminalCookieName } from './terminal.service.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { problemResponse, toProblem, type Problem } from '../../platform/http/problem.ts';
import type { TenantService } from '../tenants/index.ts';
import type { IdentityService } from './identity.service.ts';
import { setSessionCookie } from './identity.routes.ts';
import { createOidcLoginService } from './oidc.service.ts';

/** Refused: this installation has no OpenID Connect provider configured. */
export class OidcNotConfiguredError extends DomainError {
  constructor() {
    super('oidc-not-configured', '認証基盤によるログインは設定されていません', 404, 'OpenID Connect is not configured');
  }
}

/** Options of the OpenID Connect routes. */
export interface OidcRouteOptions {
  oidc?: Config['oidc'];
  /** Public base URL: the callback is `<publicUrl>/auth/oidc/callback`. */
  publicUrl: string;
  secureCookies: boolean;
}

/** Path under which the routes are mounted, and therefore the flow cookie's path. */
export const OIDC_BASE_PATH = '/auth/oidc';

/**
 * Name of the short-lived cookie of one sign-in flow (`__Secure-` over https; not `__Host-`, which would need
 * Path=/). Each flow has its own cookie, named after a hash of its `state`, so that sign-ins started in two tabs
 * do not overwrite each other's flow.
 */
export function flowCookieName(secure: boolean, state: string): string {
  const tag = crypto.createHash('sha256').update(state).digest('base64url').slice(0, 16);
  return `${secure ? '__Secure-' : ''}jichi_oidc_${tag}`;
}

/** Mounts GET /start and GET /callback; without configuration every path answers 404 `oidc-not-configured`. */
export function oidcRoutes(
  services: { db: Database; accessLog: AccessLogRepository; tenants: TenantService; identity: IdentityService },
  opts: OidcRouteOptions,
) {
  const app = new Hono<AppEnv>();
  app.onError((err, c) => renderRefusal(c, err));
  const settings = opts.oidc;
  if (!settings) {
    app.all('*', () => { throw new OidcNotConfiguredError(); });
    return app;
  }

  const rp = createOidcClient({
    issuer: settings.issuer, clientId: settings.clientId, clientSecret: settings.clientSecret,
    redirectUri: `${opts.publicUrl}${OIDC_BASE_PATH}/callback`,
  });
  const oidc = createOidcLoginService({ ...services, rp });
  const flowPrefix = `${opts.secureCookies ? '__Secure-' : ''}jichi_oidc_`;
  const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

  app.get('/start', async (c) => {
    const { authorizationUrl, sealedFlow } = await oidc.start(c.req.query('municipality'), c.req.query('next'));
    setCookie(c, flowCookieName(opts.secureCookies, authorizationUrl.searchParams.get('state') ?? ''), sealedFlow, {
      httpOnly: true, secure: opts.secureCookies, sameSite: 'Lax', path: OIDC_BASE_PATH, maxAge: 600,
    });
    return c.redirect(authorizationUrl.href, 302);
  });

  app.get('/callback', async (c) => {
    const state = c.req.query('state') ?? '';
    const cookieName = flowCookieName(opts.secureCookies, state);
    let sealed = getCookie(c, cookieName);
    if (sealed) {
      // Single use: the flow's cookie goes whatever the outcome.
      deleteCookie(c, cookieName, { path: OIDC_BASE_PATH, secure: opts.secureCookies });
    } else {
      // No flow with this state: if another flow is under way, its check reports the mismatch (and logs it);
      // that flow's cookie stays for its own callback.
      sealed = Object.entries(getCookie(c)).find(([name]) => name.startsWith(flowPrefix))?.[1];
    }
    const { session, next } = await oidc.finish(sealed, new URL(c.req.url).searchParams, ctx(c), getCookie(c, terminalCookieName(opts.secureCookies)));
    setSessionCookie(c, session, opts.secureCookies);
    return c.redirect(next, 303);
  });

  return app;
}

/** A refusal as problem+json, or as a minimal standalone Japanese page for browsers. */
function renderRefusal(c: Context<AppEnv>, err: Error): Response | Promise<Response> {
  const problem = toProblem(err, c.var.requestId ?? 'unknown');
  if (problem.status >= 500) c.var.log?.error({ err: { name: err.name, message: err.message, stack: err.stack } }, 'oidc sign-in failed');
  else c.var.log?.info({ code: problem.code, status: problem.status }, 'request refused');
  if (!prefersHtml(c.req.header('accept'))) return problemResponse(c, problem);
  return c.html(errorPage(problem), problem.status as 400);
}

function prefersHtml(accept: string | undefined): boolean {
  return !!accept && accept.includes('text/html') && !accept.includes('json');
}

function errorPage(p: Problem) {
  return html`<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ログインできませんでした | Jichi</title></head>
<body>
<main>
<h1>ログインできませんでした</h1>
<p role="alert">${p.title}</p>
<p>エラーコード: <code>${p.code}</code>（お問い合わせの際はこのコードと受付番号 <code>${p.instance}</code> をお伝えください）</p>
<p><a href="/login?error=${encodeURIComponent(p.code)}">ログイン画面に戻る</a></p>
</main>
</body>
</html>`;
}
