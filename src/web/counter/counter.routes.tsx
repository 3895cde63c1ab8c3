// SPDX-License-Identifier: EUPL-1.2
/**
 * The staff counter (/console/counter, `counter:serve`): reception with 受付番号, the lobby display, and the visit
 * (interview → signature sheet → filing). Every POST carries `_csrf` and a one-time `_idem`, and answers 303.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { CounterDisplayPage } from './counter-display.page.tsx';
import { counterText } from './counter-i18n.ts';
import { CounterTicketsPage } from './counter-tickets.page.tsx';

const ACTIONS = ['call', 'start', 'finish', 'cancel'] as const;

export function counterWebRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'counter:serve')) throw new ForbiddenError('counter:serve');
    await next();
  };
  app.use('/console/counter', guard);
  app.use('/console/counter/*', guard);

  const ticketsPage = async (c: Context<AppEnv>, extra: { notice?: string; error?: string } = {}, status: 200 | 404 | 409 = 200) =>
    renderPage(c, CounterTicketsPage({ ...(await consoleContext(c, services)), tickets: await services.counter.tickets.today(c.var.actor), ...extra }), status);

  app.get('/console/counter', async (c) => {
    const k = counterText((await consoleContext(c, services)).lang);
    const issued = Number(c.req.query('issued'));
    const done = c.req.query('done') ?? '';
    return ticketsPage(c, { notice: Number.isInteger(issued) && issued > 0 ? k.issued(issued) : k.done[done] });
  });

  app.get('/console/counter/display', async (c) => {
    const ctx = await consoleContext(c, services);
    return renderPage(c, CounterDisplayPage({ lang: ctx.lang, municipalityName: ctx.municipalityName, tickets: await services.counter.tickets.today(c.var.actor) }));
  });

  app.post('/console/counter/tickets', async (c) => {
    const body = await c.req.parseBody({ all: true });
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : '');
    const events = ([] as unknown[]).concat(body.e ?? []).filter((x): x is string => typeof x === 'string');
    const { number } = await services.counter.tickets.issue(c.var.actor, { lifeEvents: events, channel: body.channel === 'reservation' ? 'reservation' : 'walk-in' });
    return c.redirect(`/console/counter?issued=${number}`, 303);
  });

  app.post('/console/counter/tickets/:number/:action', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : '');
    const action = c.req.param('action') as (typeof ACTIONS)[number];
    const number = Number(c.req.param('number'));
    if (!ACTIONS.includes(action) || !Number.isInteger(number) || number < 1 || number > 99999) return c.notFound();
    try {
      await services.counter.tickets.act(c.var.actor, number, action);
    } catch (e) {
      if (e instanceof DomainError && (e.status === 404 || e.status === 409)) return ticketsPage(c, { error: e.title }, e.status);
      throw e;
    }
    return c.redirect(`/console/counter?done=${action}`, 303);
  });
  return app;
}
