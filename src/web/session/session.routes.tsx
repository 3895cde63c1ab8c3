// SPDX-License-Identifier: EUPL-1.2
/** Sign-in and sign-out pages: GET/POST /login, POST /logout. */
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { clearSessionCookie, setSessionCookie, terminalCookieName } from '../../domains/identity/index.ts';
import type { Services } from '../../services.ts';
import { dictionary, requestLang } from '../ui/i18n.ts';
import { LoginPage, type FieldError, type LoginPageProps, type MunicipalityOption } from './login.page.tsx';
import { currentPath, isSameOriginRequest, renderPage, safeNextPath } from '../ui/render.ts';
import type { WebOptions } from '../ui/web-options.ts';

/** The municipalities staff can sign in to, for the select. */
export async function municipalityOptions(services: Pick<Services, 'tenants'>): Promise<MunicipalityOption[]> {
  const tenants = await services.tenants.list();
  return tenants
    .map((t) => ({ code: t.municipalityCode, name: t.name, prefectureName: t.prefectureName }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

const field = (form: Record<string, unknown>, name: string, max: number): string => {
  const v = form[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
};

/** Mounts the sign-in and sign-out routes. */
export function sessionRoutes(services: Services, opts: WebOptions) {
  const app = new Hono<AppEnv>();

  const show = async (c: Context<AppEnv>, props: Partial<LoginPageProps>, status: 200 | 400 | 401 | 403 | 423 | 429 = 200) => {
    const lang = requestLang(c);
    return renderPage(c, LoginPage({
      lang, t: dictionary(lang), currentPath: currentPath(c), municipalities: await municipalityOptions(services),
      values: {}, oidc: opts.oidc ? { label: opts.oidc.label } : undefined, ...props,
    }), status);
  };

  app.get('/login', async (c) => {
    const next = safeNextPath(c.req.query('next'));
    if (c.get('actor')) return c.redirect(next ?? '/console', 303);
    const t = dictionary(requestLang(c));
    const status = c.req.query('loggedOut') !== undefined ? t.login.loggedOut : next ? t.login.sessionRequired : undefined;
    // The OpenID Connect routes come back here with ?error=<code> when the external sign-in failed.
    const error = c.req.query('error');
    const formError = error && /^[a-z0-9-]{1,64}$/.test(error) ? t.login.externalFailed(error) : undefined;
    return show(c, { next, status, formError, values: { municipalityCode: c.req.query('municipality') } });
  });

  app.post('/login', async (c) => {
    const t = dictionary(requestLang(c));
    const form = await c.req.parseBody();
    const values = { municipalityCode: field(form, 'municipalityCode', 6).trim(), loginId: field(form, 'loginId', 63).trim() };
    const password = field(form, 'password', 1024);
    const next = safeNextPath(field(form, 'next', 2000));
    // The login form has no session yet, so no CSRF token: SameSite=Lax cookies and this check guard it.
    if (!isSameOriginRequest(c, opts.publicUrl)) return show(c, { values, next, formError: t.login.foreignOrigin }, 403);

    const fieldErrors: FieldError[] = [];
    if (!values.municipalityCode) fieldErrors.push({ field: 'municipalityCode', message: t.login.chooseRequired });
    if (!values.loginId) fieldErrors.push({ field: 'loginId', message: t.login.required(t.login.loginId) });
    if (!password) fieldErrors.push({ field: 'password', message: t.login.required(t.login.password) });
    if (fieldErrors.length > 0) return show(c, { values, next, fieldErrors }, 400);

    try {
      const session = await services.identity.login({ ...values, password, otp: field(form, 'otp', 10).trim() || undefined }, { clientIp: c.var.clientIp, requestId: c.var.requestId },
        getCookie(c, terminalCookieName(opts.secureCookies)));
      setSessionCookie(c, session, opts.secureCookies);
      return c.redirect(next ?? '/console', 303);
    } catch (err) {
      if (!(err instanceof DomainError) || ![401, 403, 423, 429].includes(err.status)) throw err;
      const retryAfter = err.extra?.retryAfter;
      if (err.status === 429 && typeof retryAfter === 'number') c.header('retry-after', String(Math.ceil(retryAfter)));
      const message = requestLang(c) === 'en' && err.detail ? err.detail : err.title;
      return show(c, { values, next, formError: message }, err.status as 401 | 423 | 429);
    }
  });

  app.post('/logout', async (c) => {
    const actor = c.get('actor');
    if (!actor) return c.redirect('/login', 303);
    const form = await c.req.parseBody();
    const token = form._csrf;
    assertCsrf(actor, typeof token === 'string' ? token : undefined);
    await services.identity.logout(actor, { clientIp: c.var.clientIp, requestId: c.var.requestId });
    clearSessionCookie(c, opts.secureCookies);
    return c.redirect('/login?loggedOut', 303);
  });

  return app;
}
