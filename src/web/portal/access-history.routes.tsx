// SPDX-License-Identifier: EUPL-1.2
/** GET /portal/my/access-history: わたしの記録の閲覧履歴. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { requireResident } from '../../platform/http/resident-middleware.ts';
import { ACCESS_HISTORY_LIMIT } from '../../domains/audit/resident-access-history.ts';
import type { Services } from '../../services.ts';
import { renderPage } from '../ui/render.ts';
import { AccessHistoryPage } from './access-history.page.tsx';
import { residentPageContext } from './my-page.routes.tsx';

/** Mounts /portal/my/access-history. */
export function accessHistoryRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  app.get('/portal/my/access-history', requireResident({ signInPath: '/portal/login' }), async (c) => {
    const ctx = await residentPageContext(c, services);
    const entries = await services.residentAccessHistory.list(c.var.resident, { clientIp: c.var.clientIp, requestId: c.var.requestId });
    return renderPage(c, AccessHistoryPage({ ...ctx, entries, limit: ACCESS_HISTORY_LIMIT }));
  });
  return app;
}
