// SPDX-License-Identifier: EUPL-1.2
/** The resident portal (public; sign-in for residents comes later). */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { Services } from '../../services.ts';
import { dictionary, requestLang } from '../ui/i18n.ts';
import { PortalHomePage } from './portal-home.page.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { municipalityOptions } from '../session/session.routes.tsx';

/** Mounts /portal. */
export function portalRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  app.get('/portal', async (c) => {
    const lang = requestLang(c);
    return renderPage(c, PortalHomePage({ lang, t: dictionary(lang), currentPath: currentPath(c), municipalities: await municipalityOptions(services) }));
  });
  return app;
}
