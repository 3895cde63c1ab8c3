// SPDX-License-Identifier: EUPL-1.2
/**
 * The 入管通知 screen: GET lists the notices; POST …/receipts takes in what the file link delivered; POST
 * …/{id}/applications enters the notice's 職権 change as 仮登録 (a repeated POST answers the same change) and opens it.
 * The service authorises and access-logs.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { ImmigrationPage } from './registry-immigration.page.tsx';
import { registryFlags, requestCtx } from './registry.routes.tsx';

const PATH = '/console/registry/immigration-notices';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mounts the 入管通知 screen. */
export function registryImmigrationRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const svc = services.registry;
  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'registry:immigration-notice')) throw new ForbiddenError('registry:immigration-notice');
    await next();
  };
  app.use(PATH, guard);
  app.use(`${PATH}/*`, guard);

  const page = async (c: Context<AppEnv>, extra: { received?: { added: number; rejected: number }; error?: { message: string; code?: string } } = {}, status: 200 | 404 | 409 | 422 = 200) => {
    const all = c.req.query('which') === 'all';
    const { items } = await svc.listImmigrationNotices(c.var.actor, { which: all ? 'all' : 'open' }, requestCtx(c));
    return renderPage(c, ImmigrationPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), csrfToken: c.var.actor.csrfToken, items, all, ...extra }), status);
  };
  const csrf = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
  };

  app.get(PATH, (c) => {
    const added = c.req.query('added');
    const rejected = c.req.query('rejected');
    return page(c, added !== undefined && /^\d+$/.test(added) ? { received: { added: Number(added), rejected: /^\d+$/.test(rejected ?? '') ? Number(rejected) : 0 } } : {});
  });

  app.post(`${PATH}/receipts`, async (c) => {
    await csrf(c);
    const r = await svc.receiveImmigrationNotices(c.var.actor.municipalityCode);
    return c.redirect(`${PATH}?added=${r.added}&rejected=${r.rejected.length}`, 303);
  });

  app.post(`${PATH}/:id/applications`, async (c) => {
    await csrf(c);
    const id = c.req.param('id');
    if (!UUID.test(id)) return c.notFound();
    try {
      const r = await svc.applyImmigrationNotice(c.var.actor, id, requestCtx(c));
      return c.redirect(`/console/registry/changes/${r.changeId}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401 || err.status === 403) throw err;
      return page(c, { error: { message: err.message, code: err.code } }, err.status as 404 | 409 | 422);
    }
  });
  return app;
}
