// SPDX-License-Identifier: EUPL-1.2
/**
 * The resident side's session handling (issue #14): the resident cookie is resolved on portal paths and sets
 * `c.var.resident`; `requireResident` guards pages and forms (CSRF token on unsafe methods, `_csrf` form field or
 * X-CSRF-Token header). Staff and resident sessions are separate cookies: one never stands for the other.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Resident } from '../auth/resident.ts';
import { safeEqual } from '../auth/session-token.ts';
import { DomainError } from './errors.ts';
import { CsrfError } from './middleware.ts';
import type { AppEnv } from './app-env.ts';

/** Name of the resident session cookie (`__Host-` prefix over https). */
export function residentCookieName(secure: boolean): string {
  return secure ? '__Host-jichi_resident' : 'jichi_resident';
}

/** Refused: the page needs a signed-in resident. */
export class ResidentUnauthenticatedError extends DomainError {
  constructor() {
    super('resident-unauthenticated', 'ログインが必要です。もう一度ログインしてください', 401, 'Resident sign-in required');
  }
}

/** Resolves the resident cookie; sets `resident` when signed in. */
export function loadResident(resolve: (cookie: string | undefined) => Promise<Resident | undefined>, secureCookies: boolean): MiddlewareHandler<AppEnv> {
  const name = residentCookieName(secureCookies);
  return async (c, next) => {
    const value = getCookie(c, name);
    const resident = value ? await resolve(value) : undefined;
    if (resident) c.set('resident', resident);
    await next();
  };
}

/** The signed-in resident, if any (undefined rather than a throw, for pages that differ when signed in). */
export function currentResident(c: Context<AppEnv>): Resident | undefined {
  return c.get('resident') as Resident | undefined;
}

/**
 * Requires a signed-in resident: a browser GET without one is sent to `signInPath?next=<this page>`; anything else
 * is refused with `resident-unauthenticated`. Unsafe methods also need the session's CSRF token.
 */
export function requireResident(opts: { signInPath: string }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const resident = currentResident(c);
    if (!resident) {
      if (c.req.method === 'GET') {
        const url = new URL(c.req.url);
        return c.redirect(`${opts.signInPath}?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
      }
      throw new ResidentUnauthenticatedError();
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      let token = c.req.header('x-csrf-token');
      if (!token && (c.req.header('content-type') ?? '').match(/^(application\/x-www-form-urlencoded|multipart\/form-data)/)) {
        const v = (await c.req.parseBody())._csrf;
        token = typeof v === 'string' ? v : undefined;
      }
      assertResidentCsrf(resident, token);
    }
    await next();
  };
}

/** Throws `CsrfError` unless `token` is the resident session's CSRF token. */
export function assertResidentCsrf(resident: Resident, token: string | undefined): void {
  if (!token || !safeEqual(token, resident.csrfToken)) throw new CsrfError();
}
