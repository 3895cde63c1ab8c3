// SPDX-License-Identifier: EUPL-1.2
/**
 * Administration pages (/console/admin): 端末・場所 (spec §1.3.1; administrators) and the access log (spec §10.2).
 * Forms post/redirect/get with a one-time `_idem` token; registering the same place or terminal again changes nothing.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError, ValidationError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { setTerminalCookie } from '../../domains/identity/index.ts';
import { adminText } from './admin-i18n.ts';
import { AccessLogPage, AdminHomePage, TerminalsPage } from './admin.page.tsx';

const TERMINAL = /^[A-Za-z0-9_-]{1,20}$/;

/** Mounts the administration pages. */
export function adminWebRoutes(services: Services, opts: { secureCookies: boolean }) {
  const app = new Hono<AppEnv>();
  const ctxOf = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });
  const signedIn = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    await next();
  };
  app.use('/console/admin', signedIn);
  app.use('/console/admin/*', signedIn);
  const form = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    return (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim().slice(0, 200) : '');
  };

  app.get('/console/admin', async (c) => {
    const canTerminals = can(c.var.actor, 'terminal:manage');
    const canLog = can(c.var.actor, 'access-log:read');
    if (!canTerminals && !canLog && !can(c.var.actor, 'staff:manage') && !can(c.var.actor, 'tenant:configure')) throw new ForbiddenError('access-log:read');
    return renderPage(c, AdminHomePage({ ...(await consoleContext(c, services)), canTerminals, canLog }));
  });

  const terminalsPage = async (c: Context<AppEnv>, extra: { done?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } = {}, status: 200 | 400 | 409 | 422 = 200) => {
    if (!can(c.var.actor, 'terminal:manage')) throw new ForbiddenError('terminal:manage');
    return renderPage(c, TerminalsPage({ ...(await consoleContext(c, services)), list: await services.terminals.list(c.var.actor), csrfToken: c.var.actor.csrfToken, ...extra }), status);
  };
  /** A refusal shown on the page (field errors at their fields), or rethrown. */
  const refused = (c: Context<AppEnv>, err: unknown, values: Record<string, string>, rename: Record<string, string>) => {
    if (err instanceof ValidationError) {
      return terminalsPage(c, { values, error: err.title, fieldErrors: Object.fromEntries(err.invalidParams.map((p) => [rename[p.name] ?? p.name, p.reason])) }, 400);
    }
    if (err instanceof DomainError && err.status < 500 && err.status !== 401 && err.status !== 403) return terminalsPage(c, { values, error: err.title }, err.status as 409);
    throw err;
  };

  app.get('/console/admin/terminals', async (c) => {
    const done = c.req.query('done') ?? '';
    return terminalsPage(c, { done: ['place', 'terminal', 'bound', 'retired'].includes(done) ? done : undefined });
  });
  app.post('/console/admin/places', async (c) => {
    const f = await form(c);
    const values = { newPlaceCode: f('placeCode'), placeName: f('placeName') };
    try {
      await services.terminals.addPlace(c.var.actor, { placeCode: values.newPlaceCode, name: values.placeName }, ctxOf(c));
    } catch (err) { return refused(c, err, values, { name: 'placeName' }); }
    return c.redirect('/console/admin/terminals?done=place', 303);
  });
  app.post('/console/admin/terminals', async (c) => {
    const f = await form(c);
    const values = { terminalCode: f('terminalCode'), terminalName: f('terminalName'), placeCode: f('placeCode') };
    if (!values.placeCode) return terminalsPage(c, { values, fieldErrors: { placeCode: adminText((await consoleContext(c, services)).lang).terminals.choosePlace } }, 400);
    try {
      await services.terminals.addTerminal(c.var.actor, { terminalCode: values.terminalCode, name: values.terminalName, placeCode: values.placeCode }, ctxOf(c));
    } catch (err) { return refused(c, err, values, { name: 'terminalName' }); }
    return c.redirect('/console/admin/terminals?done=terminal', 303);
  });
  app.post('/console/admin/terminals/:code/cookies', async (c) => {
    await form(c);
    const code = c.req.param('code');
    if (!TERMINAL.test(code)) return c.notFound();
    try {
      setTerminalCookie(c, await services.terminals.issueCookie(c.var.actor, code, ctxOf(c)), opts.secureCookies);
    } catch (err) { return refused(c, err, {}, {}); }
    return c.redirect('/console/admin/terminals?done=bound', 303);
  });
  app.post('/console/admin/terminals/:code/retirements', async (c) => {
    await form(c);
    const code = c.req.param('code');
    if (!TERMINAL.test(code)) return c.notFound();
    try {
      await services.terminals.retireTerminal(c.var.actor, code, ctxOf(c));
    } catch (err) { return refused(c, err, {}, {}); }
    return c.redirect('/console/admin/terminals?done=retired', 303);
  });

  app.get('/console/admin/access-log', async (c) => {
    const terminal = (c.req.query('terminal') ?? '').slice(0, 40);
    const beforeSeq = Number(c.req.query('beforeSeq')) || undefined;
    const limit = 100;
    const rows = await services.audit.list(c.var.actor, { terminalCode: terminal || undefined, beforeSeq, limit });
    const staffIds = [...new Set(rows.filter((r) => r.actorType === 'staff' || r.actorType === 'contractor').map((r) => r.actorId))]
      .filter((id) => /^[0-9a-f-]{36}$/.test(id));
    return renderPage(c, AccessLogPage({
      ...(await consoleContext(c, services)), rows, terminal, list: await services.terminals.list(c.var.actor),
      staffNames: await services.identity.staffNames(c.var.actor, staffIds), nextBefore: rows.length === limit ? rows.at(-1)!.seq : undefined,
    }));
  });
  return app;
}
