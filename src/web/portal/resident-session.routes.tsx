// SPDX-License-Identifier: EUPL-1.2
/**
 * Resident sign-in and sign-out (issue #14): GET /portal/login → the identity provider → GET /portal/callback →
 * マイページ; POST /portal/logout. Each sign-in flow has its own short-lived cookie (named after its state, path
 * /portal/callback), as the staff sign-in does.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { currentResident, requireResident, residentCookieName } from '../../platform/http/resident-middleware.ts';
import { flowCookieName } from '../../domains/identity/oidc.routes.ts';
import { createResidentOidcService, RESIDENT_CALLBACK_PATH, residentReturnPath } from '../../domains/identity/resident-oidc.service.ts';
import type { Services } from '../../services.ts';
import { safeNextPath } from '../ui/render.ts';
import type { WebOptions } from '../ui/web-options.ts';
import { residentText } from './resident-i18n.ts';

/** Refused: this installation has no identity provider for residents. */
export class ResidentSignInNotConfiguredError extends DomainError {
  constructor() {
    super('resident-oidc-not-configured', '住民の方のログインは、この環境ではまだ設定されていません', 404, 'Resident sign-in is not configured');
  }
}

/** Mounts /portal/login, /portal/callback and /portal/logout. */
export function residentSessionRoutes(services: Services, opts: WebOptions) {
  const app = new Hono<AppEnv>();
  const secure = opts.secureCookies;
  const settings = opts.residentOidc;
  const signIn = settings
    ? createResidentOidcService({ ...services, residentSessions: services.residentSessions, settings, publicUrl: opts.publicUrl })
    : undefined;
  const flowPrefix = `${secure ? '__Secure-' : ''}jichi_oidc_`;
  const ctx = (c: { var: AppEnv['Variables'] }) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

  app.get('/portal/login', async (c) => {
    if (!signIn) throw new ResidentSignInNotConfiguredError();
    const next = residentReturnPath(safeNextPath(c.req.query('next')));
    if (currentResident(c)) return c.redirect(next, 303);
    let code = c.req.query('municipality') ?? '';
    if (!code) {
      // One municipality on this installation: no need to ask.
      const tenants = await services.tenants.list();
      if (tenants.length === 1) code = tenants[0]!.municipalityCode;
      else return c.redirect('/portal#sign-in', 303);
    }
    const { authorizationUrl, sealedFlow } = await signIn.start(code, next);
    setCookie(c, flowCookieName(secure, authorizationUrl.searchParams.get('state') ?? ''), sealedFlow, {
      httpOnly: true, secure, sameSite: 'Lax', path: RESIDENT_CALLBACK_PATH, maxAge: 600,
    });
    return c.redirect(authorizationUrl.href, 302);
  });

  app.get(RESIDENT_CALLBACK_PATH, async (c) => {
    if (!signIn) throw new ResidentSignInNotConfiguredError();
    const state = c.req.query('state') ?? '';
    const cookieName = flowCookieName(secure, state);
    let sealed = getCookie(c, cookieName);
    if (sealed) deleteCookie(c, cookieName, { path: RESIDENT_CALLBACK_PATH, secure });
    else sealed = Object.entries(getCookie(c)).find(([name]) => name.startsWith(flowPrefix))?.[1];
    const { session, next } = await signIn.finish(sealed, new URL(c.req.url).searchParams, ctx(c));
    setCookie(c, residentCookieName(secure), session.cookieValue, { httpOnly: true, secure, sameSite: 'Lax', path: '/', expires: session.expiresAt });
    return c.redirect(next, 303);
  });

  app.post('/portal/logout', requireResident({ signInPath: '/portal/login' }), async (c) => {
    await services.residentSessions.signOut(c.var.resident, ctx(c));
    deleteCookie(c, residentCookieName(secure), { path: '/', secure });
    return c.redirect('/portal?signedOut', 303);
  });

  return app;
}

/** Whether the portal offers sign-in, and its label (for the portal's home page). */
export function signInOffer(opts: WebOptions, lang: 'ja' | 'en'): { label: string } | undefined {
  if (!opts.residentOidc) return undefined;
  return { label: lang === 'en' ? `${residentText('en').signIn} (${opts.residentOidc.label})` : opts.residentOidc.label };
}
