// SPDX-License-Identifier: EUPL-1.2
/**
 * The web UI: server-rendered pages (hono/jsx) with progressive enhancement, Japanese first with an
 * English switch. Staff sign in at /login and work in /console; residents start at /portal.
 */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../platform/http/app-env.ts';
import { DomainError, UnauthenticatedError } from '../platform/http/errors.ts';
import { constraintViolation } from '../platform/http/problem.ts';
import type { Services } from '../services.ts';
import { dictionary, LANG_COOKIE, requestLang } from './ui/i18n.ts';
import { ErrorPage } from './ui/error.page.tsx';
import { currentPath, renderPage, safeNextPath } from './ui/render.ts';
import { consoleNotFound, consoleRoutes } from './console/console.routes.tsx';
import { daycareWebRoutes } from './daycare/daycare.routes.tsx';
import { certificateWebRoutes } from './certificates/certificates.routes.tsx';
import { portalRoutes } from './portal/portal.routes.tsx';
import { registryChangeRoutes } from './registry/registry-changes.routes.tsx';
import { registryAddressChangeRoutes } from './registry/registry-address-changes.routes.tsx';
import { registryWebRoutes } from './registry/registry.routes.tsx';
import { registryReviewRoutes } from './registry/registry-review.routes.tsx';
import { sessionRoutes } from './session/session.routes.tsx';
import { casesWebRoutes } from './cases/cases.routes.tsx';
import { staticRoutes, warnIfStylesheetMissing } from './ui/static-files.ts';

export type { WebOptions } from './ui/web-options.ts';
import type { WebOptions } from './ui/web-options.ts';

/** Mounts the server-rendered pages. */
export function webRoutes(services: Services, opts: WebOptions) {
  warnIfStylesheetMissing(opts.log);
  const app = new Hono<AppEnv>();

  // Errors of web pages become pages, not problem+json.
  app.onError(async (error, c) => {
    const err = constraintViolation(error) ?? error; // issue #15: a lost race on a key is a refusal, not a 500
    if (err instanceof UnauthenticatedError) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    const lang = requestLang(c);
    const t = dictionary(lang);
    const home = c.get('actor') ? '/console' : '/portal';
    if (err instanceof DomainError && err.status < 500) {
      c.var.log?.info({ code: err.code, status: err.status }, 'request refused');
      const title = lang === 'en' && err.detail ? err.detail : err.title;
      return renderPage(c, ErrorPage({ lang, t, currentPath: currentPath(c), title, body: '', requestId: c.var.requestId, homeHref: home }), err.status as 400);
    }
    c.var.log?.error({ err: { name: (err as Error).name, message: (err as Error).message, stack: (err as Error).stack } }, 'unhandled error');
    return renderPage(c, ErrorPage({ lang, t, currentPath: currentPath(c), title: t.errors.genericTitle, body: t.errors.genericBody, requestId: c.var.requestId, homeHref: home }), 500);
  });

  app.route('/', staticRoutes());

  app.get('/', (c) => c.redirect(c.get('actor') ? '/console' : '/portal', 303));

  // The language switch: a plain link that sets the `lang` cookie and returns to the page.
  app.get('/lang/:lang', (c) => {
    const lang = c.req.param('lang') === 'en' ? 'en' : 'ja';
    setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', httpOnly: true, secure: opts.secureCookies, maxAge: 365 * 24 * 3600 });
    return c.redirect(safeNextPath(c.req.query('next')) ?? '/', 303);
  });

  app.route('/', sessionRoutes(services, opts));
  app.route('/', portalRoutes(services));
  app.route('/', certificateWebRoutes(services));
  app.route('/', daycareWebRoutes(services));
  app.route('/', registryWebRoutes(services));
  app.route('/', registryReviewRoutes(services));
  app.route('/', registryChangeRoutes(services));
  app.route('/', registryAddressChangeRoutes(services));
  app.route('/', casesWebRoutes(services));
  app.route('/', consoleRoutes(services));
  app.route('/', consoleNotFound(services));

  // Any other page a browser asks for: an HTML 404 instead of the API's problem+json.
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || !(c.req.header('accept') ?? '').includes('text/html')) return next();
    const lang = requestLang(c);
    const t = dictionary(lang);
    return renderPage(c, ErrorPage({ lang, t, currentPath: currentPath(c), title: t.errors.notFoundTitle, body: t.errors.notFoundBody,
      requestId: c.var.requestId, homeHref: c.get('actor') ? '/console' : '/portal' }), 404);
  });
  return app;
}
