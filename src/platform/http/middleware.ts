// SPDX-License-Identifier: EUPL-1.2
/** Cross-cutting request handling: request id, access logging without personal data, headers, CSRF, auth. */
import crypto from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Logger } from '../logger.ts';
import type { Actor } from '../auth/actor.ts';
import { safeEqual, sessionCookieName } from '../auth/session-token.ts';
import { DomainError, UnauthenticatedError } from './errors.ts';
import { withWorkplace } from '../tenancy/tenant-transaction.ts';
import { screenNameOf } from '../audit/screen-names.ts';
import type { AppEnv } from './app-env.ts';

/** Assigns a request id (or keeps a well-formed incoming one), a child logger and the client address. */
export function requestContext(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    let ip = '';
    try { ip = getConnInfo(c).remote.address ?? ''; } catch { ip = ''; }
    c.set('clientIp', ip);
    c.set('log', log.child({ requestId }));
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    // Path only (no query string: it may carry search terms), never bodies.
    c.var.log.info({ method: c.req.method, path: c.req.routePath ?? c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  };
}

/**
 * Security headers for every response. Nothing may be cached unless the route says so (only the static files
 * do): pages, JSON with personal data, PDFs and CSV downloads all get `Cache-Control: no-store` (issue #15).
 * With an https public URL, browsers are told to use https only (HSTS).
 */
export function securityHeaders(opts: { hsts?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    c.header('x-frame-options', 'DENY');
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
    if (opts.hsts) c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html')) {
      c.header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'");
    }
  };
}

/** Resolves the session cookie; sets `actor` when signed in. */
export function loadActor(resolve: (cookie: string | undefined) => Promise<Actor | undefined>, secureCookies: boolean): MiddlewareHandler<AppEnv> {
  const name = sessionCookieName(secureCookies);
  return async (c, next) => {
    const actor = await resolve(getCookie(c, name));
    if (actor) c.set('actor', actor);
    await next();
  };
}

/**
 * Runs a staff member's request at the terminal and place of their session (spec §1.3.1, §10.2): every tenant
 * transaction of the request records them (access log, changes, certificates). A session at no registered terminal
 * is recorded as `unregistered`. Console requests also record their 画面名 (screen-names.ts).
 */
export function bindWorkplace(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor) return next();
    await withWorkplace({ terminalCode: actor.terminalCode || 'unregistered', placeCode: actor.placeCode ?? '', screenName: screenNameOf(c.req.path) }, () => next());
  };
}

/** Requires a signed-in staff member; on unsafe methods also a CSRF token bound to the session. */
export function requireStaff(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor) throw new UnauthenticatedError();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) assertCsrf(actor, c.req.header('x-csrf-token'));
    await next();
  };
}

/** Refused: the request did not carry the session's CSRF token. */
export class CsrfError extends DomainError {
  constructor() {
    super('csrf-token-invalid', '画面の有効期限が切れました。もう一度操作してください', 403, 'Missing or wrong CSRF token');
  }
}

/** Throws `CsrfError` unless `token` is the session's CSRF token. */
export function assertCsrf(actor: Actor, token: string | undefined): void {
  if (!token || !safeEqual(token, actor.csrfToken)) throw new CsrfError();
}
