// SPDX-License-Identifier: EUPL-1.2
/**
 * The resident portal: the public home (/portal), resident sign-in (resident-session.routes.tsx) and the signed-in
 * resident's pages (マイページ and what hangs off it). Each feature of the resident side mounts its own route file
 * here, one line each.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { loadResident } from '../../platform/http/resident-middleware.ts';
import type { Services } from '../../services.ts';
import { dictionary, requestLang } from '../ui/i18n.ts';
import { PortalHomePage } from './portal-home.page.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { municipalityOptions } from '../session/session.routes.tsx';
import type { WebOptions } from '../ui/web-options.ts';
import { residentSessionRoutes, signInOffer } from './resident-session.routes.tsx';
import { myPageRoutes } from './my-page.routes.tsx';
import { accessHistoryRoutes } from './access-history.routes.tsx';
import { notificationsRoutes } from './notifications.routes.tsx';
import { proceduresWebRoutes } from '../procedures/procedures.routes.tsx';

/** Mounts /portal and everything under it. */
export function portalRoutes(services: Services, opts: WebOptions) {
  const app = new Hono<AppEnv>();
  // The resident's session (a cookie of its own, never the staff session) on every portal path.
  app.use('/portal/*', loadResident((cookie) => services.residentSessions.resolve(cookie), opts.secureCookies));
  app.use('/portal', loadResident((cookie) => services.residentSessions.resolve(cookie), opts.secureCookies));

  app.get('/portal', async (c) => {
    const lang = requestLang(c);
    return renderPage(c, PortalHomePage({
      lang, t: dictionary(lang), currentPath: currentPath(c), municipalities: await municipalityOptions(services),
      signIn: signInOffer(opts, lang), signedIn: !!c.get('resident'), signedOut: c.req.query('signedOut') !== undefined,
    }));
  });
  app.route('/', residentSessionRoutes(services, opts));
  app.route('/', myPageRoutes(services));
  app.route('/', accessHistoryRoutes(services));
  app.route('/', notificationsRoutes(services));
  app.route('/', proceduresWebRoutes(services));
  return app;
}
