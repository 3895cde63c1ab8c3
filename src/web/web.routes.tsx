// SPDX-License-Identifier: EUPL-1.2
/**
 * The web UI: server-rendered pages (hono/jsx) with progressive enhancement, Japanese first with an
 * English switch. Staff sign in at /login and work in /console; residents start at /portal.
 */
import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../platform/http/app-env.ts';
import { DomainError, UnauthenticatedError } from '../platform/http/errors.ts';
import { isWebPath, rejectControlCharacters } from '../platform/http/input-characters.ts';
import { constraintViolation, isDatabaseUnavailable } from '../platform/http/problem.ts';
import type { Services } from '../services.ts';
import { dictionary, LANG_COOKIE, requestLang } from './ui/i18n.ts';
import { ConsoleErrorPage, ErrorPage } from './ui/error.page.tsx';
import { currentPath, renderPage, safeNextPath } from './ui/render.ts';
import { consoleContext, consoleNotFound, consoleRoutes } from './console/console.routes.tsx';
import { daycareWebRoutes } from './daycare/daycare.routes.tsx';
import { certificateWebRoutes } from './certificates/certificates.routes.tsx';
import { portalRoutes } from './portal/portal.routes.tsx';
import { guideRoutes } from './counter/guide.routes.tsx';
import { counterWebRoutes } from './counter/counter.routes.tsx';
import { registryChangeRoutes } from './registry/registry-changes.routes.tsx';
import { registryAddressChangeRoutes } from './registry/registry-address-changes.routes.tsx';
import { registryBatchRoutes } from './registry/registry-batches.routes.tsx';
import { registryEucRoutes } from './registry/registry-euc.routes.tsx';
import { registryWebRoutes } from './registry/registry.routes.tsx';
import { registryReviewRoutes } from './registry/registry-review.routes.tsx';
import { sessionRoutes } from './session/session.routes.tsx';
import { casesWebRoutes } from './cases/cases.routes.tsx';
import { adminWebRoutes } from './admin/admin.routes.tsx';
import { adminMessagesRoutes } from './admin/admin-messages.routes.tsx';
import { manualRoutes } from './manual/manual.routes.tsx';
import { accountTotpRoutes } from './session/account-totp.routes.tsx';
import { staffAttachmentRoutes } from './procedures/staff-attachments.routes.tsx';
import { procedureSettingsRoutes } from './procedures/procedure-settings.routes.tsx';
import { insightsWebRoutes } from './insights/insights.routes.tsx';
import { staticRoutes, warnIfStylesheetMissing } from './ui/static-files.ts';

export type { WebOptions } from './ui/web-options.ts';
import type { WebOptions } from './ui/web-options.ts';

/** Mounts the server-rendered pages. */
export function webRoutes(services: Services, opts: WebOptions) {
  warnIfStylesheetMissing(opts.log);
  const app = new Hono<AppEnv>();

  const errorPage = webErrorPage(services);
  // Errors of web pages become pages, not problem+json.
  app.onError(async (error, c) => {
    const err = constraintViolation(error) ?? error; // issue #15: a lost race on a key is a refusal, not a 500
    if (err instanceof UnauthenticatedError) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    const t = dictionary(requestLang(c));
    if (err instanceof DomainError && err.status < 500) {
      c.var.log?.info({ code: err.code, status: err.status }, 'request refused');
      const title = requestLang(c) === 'en' && err.detail ? err.detail : err.title;
      return errorPage(c, err.status as 400, title, '');
    }
    if (isDatabaseUnavailable(err)) {
      c.var.log?.warn({ code: 'database-unavailable' }, 'database unavailable');
      c.header('retry-after', '5');
      return errorPage(c, 503, t.errors.unavailableTitle, t.errors.unavailableBody);
    }
    c.var.log?.error({ err: { name: (err as Error).name, message: (err as Error).message, stack: (err as Error).stack } }, 'unhandled error');
    return errorPage(c, 500, t.errors.genericTitle, t.errors.genericBody);
  });

  // Control characters in a page's query or form: a 400 page naming the field (issue #9).
  const controlCharacters = rejectControlCharacters();
  app.use('*', (c, next) => (isWebPath(c.req.path) ? controlCharacters(c, next) : next()));

  app.route('/', staticRoutes());

  app.get('/', (c) => c.redirect(c.get('actor') ? '/console' : '/portal', 303));

  // The language switch: a plain link that sets the `lang` cookie and returns to the page.
  app.get('/lang/:lang', (c) => {
    const lang = c.req.param('lang') === 'en' ? 'en' : 'ja';
    setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', httpOnly: true, secure: opts.secureCookies, maxAge: 365 * 24 * 3600 });
    return c.redirect(safeNextPath(c.req.query('next')) ?? '/', 303);
  });

  app.route('/', sessionRoutes(services, opts));
  app.route('/', portalRoutes(services, opts));
  app.route('/', guideRoutes(services));
  app.route('/', certificateWebRoutes(services));
  app.route('/', daycareWebRoutes(services));
  app.route('/', registryWebRoutes(services));
  app.route('/', registryReviewRoutes(services));
  app.route('/', registryChangeRoutes(services));
  app.route('/', registryAddressChangeRoutes(services));
  app.route('/', registryBatchRoutes(services));
  app.route('/', registryEucRoutes(services));
  app.route('/', casesWebRoutes(services));
  app.route('/', adminMessagesRoutes(services));
  app.route('/', manualRoutes(services));
  app.route('/', accountTotpRoutes(services));
  app.route('/', adminWebRoutes(services, { secureCookies: opts.secureCookies }));
  app.route('/', staffAttachmentRoutes(services));
  app.route('/', procedureSettingsRoutes(services));
  app.route('/', counterWebRoutes(services));
  app.route('/', insightsWebRoutes(services));
  app.route('/', consoleRoutes(services));
  app.route('/', consoleNotFound(errorPage));

  // Any other page a browser asks for: an HTML 404 instead of the API's problem+json.
  app.get('*', async (c, next) => {
    if (!wantsHtml(c)) return next();
    const t = dictionary(requestLang(c));
    return errorPage(c, 404, t.errors.notFoundTitle, t.errors.notFoundBody);
  });
  return app;
}

/** Whether a request gets an HTML error page: every console path, and other pages a browser asks for. */
export function wantsHtml(c: Context<AppEnv>): boolean {
  if (!isWebPath(c.req.path)) return false;
  return /^\/console(\/|$)/.test(c.req.path) || (c.req.header('accept') ?? '').includes('text/html');
}

/**
 * Renders an error of a web page (issue #9): inside the console frame, with its navigation and links back,
 * for a signed-in staff member on a console path; otherwise the public error page. Never problem JSON.
 */
export function webErrorPage(services: Services) {
  return async (c: Context<AppEnv>, status: 400 | 403 | 404 | 409 | 413 | 422 | 500 | 503, title: string, body: string): Promise<Response> => {
    const lang = requestLang(c);
    const t = dictionary(lang);
    const actor = c.get('actor');
    if (actor && /^\/console(\/|$)/.test(c.req.path)) {
      try {
        const ctx = await consoleContext(c, services);
        const area = /^\/console\/(registry|daycare|certificates)(\/|$)/.exec(c.req.path)?.[1];
        return renderPage(c, ConsoleErrorPage({
          ...ctx, title, body, requestId: c.var.requestId, backHref: refererPath(c),
          area: area && c.req.path !== `/console/${area}` ? { href: `/console/${area}`, label: t.errors.areas[area]! } : undefined,
        }), status);
      } catch { /* the console frame itself failed: fall back to the plain page */ }
    }
    return renderPage(c, ErrorPage({ lang, t, currentPath: currentPath(c), title, body, requestId: c.var.requestId, homeHref: actor ? '/console' : '/portal' }), status);
  };
}

/** The console page the visitor came from (same origin only), for a 「前の画面に戻る」 link. */
function refererPath(c: Context<AppEnv>): string | undefined {
  const referer = c.req.header('referer');
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    if (from.origin !== new URL(c.req.url).origin || !from.pathname.startsWith('/console')) return undefined;
    const path = `${from.pathname}${from.search}`;
    return path === currentPath(c) ? undefined : path;
  } catch {
    return undefined;
  }
}
