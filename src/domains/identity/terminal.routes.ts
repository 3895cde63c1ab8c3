// SPDX-License-Identifier: EUPL-1.2
/** HTTP for the places and terminals (入力場所・入力端末, spec §1.3.1) under /api/v1 (administrators). */
import { createRoute, z } from '@hono/zod-openapi';
import { setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { requireStaff } from '../../platform/http/middleware.ts';
import { createRouter, problems, staffSecurity } from '../../platform/http/openapi.ts';
import { terminalCookieName, type TerminalService } from './terminal.service.ts';

const Code = z.string().max(40);
const PlaceInput = z.object({
  /** Short code of the place (半角英数字・_・-, ≤ 20), e.g. `HONCHO`. */
  placeCode: Code,
  /** Name shown on screens and logs, e.g. 本庁舎 市民課. */
  name: z.string().max(200),
}).openapi('PlaceInput');
const TerminalInput = z.object({
  /** Short code of the terminal, e.g. `HON1` (`unregistered` is reserved). */
  terminalCode: Code,
  name: z.string().max(200),
  /** The place the terminal stands at. */
  placeCode: Code,
}).openapi('TerminalInput');
const Place = z.object({ placeCode: z.string(), name: z.string() }).openapi('Place');
const Terminal = z.object({ terminalCode: z.string(), name: z.string(), placeCode: z.string(), active: z.boolean(), issuedAt: z.string().datetime().nullable() }).openapi('Terminal');
const TerminalParams = z.object({ terminalCode: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/) });

/** Days a terminal cookie lasts (re-issued by the administrator when it ends). */
const COOKIE_DAYS = 400;

/** Sets a terminal's cookie on the browser of the request. */
export function setTerminalCookie(c: Context<AppEnv>, value: string, secure: boolean): void {
  setCookie(c, terminalCookieName(secure), value, { httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: COOKIE_DAYS * 86400 });
}

/** Mounts the routes. */
export function terminalRoutes(services: { terminals: TerminalService }, opts: { secureCookies: boolean }) {
  const app = createRouter();
  const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });
  for (const p of ['/places', '/terminals', '/terminals/*']) app.use(p, requireStaff());

  app.openapi(createRoute({
    method: 'get', path: '/terminals', tags: ['identity'], summary: 'Places and terminals (入力場所・入力端末)', security: staffSecurity,
    responses: { 200: { description: 'Places and terminals', content: { 'application/json': { schema: z.object({ places: z.array(Place), terminals: z.array(Terminal) }) } } }, ...problems(401, 403) },
  }), async (c) => {
    const { places, terminals } = await services.terminals.list(c.var.actor);
    return c.json({ places, terminals: terminals.map((t) => ({ ...t, issuedAt: t.issuedAt ? new Date(t.issuedAt).toISOString() : null })) }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/places', tags: ['identity'], summary: 'Register a place (administrators); repeating it answers 200', security: staffSecurity,
    request: { body: { content: { 'application/json': { schema: PlaceInput } }, required: true } },
    responses: { 201: { description: 'Registered' }, 200: { description: 'Already registered as given' }, ...problems(400, 401, 403, 409) },
  }), async (c) => {
    const r = await services.terminals.addPlace(c.var.actor, c.req.valid('json'), ctx(c));
    return c.body(null, r.created ? 201 : 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/terminals', tags: ['identity'], summary: 'Register a terminal at a place (administrators); repeating it answers 200', security: staffSecurity,
    request: { body: { content: { 'application/json': { schema: TerminalInput } }, required: true } },
    responses: { 201: { description: 'Registered' }, 200: { description: 'Already registered as given' }, ...problems(400, 401, 403, 409, 422) },
  }), async (c) => {
    const r = await services.terminals.addTerminal(c.var.actor, c.req.valid('json'), ctx(c));
    return c.body(null, r.created ? 201 : 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/terminals/{terminalCode}/retirements', tags: ['identity'], summary: 'Retire a terminal: its cookie no longer binds sessions', security: staffSecurity,
    request: { params: TerminalParams },
    responses: { 204: { description: 'Retired' }, ...problems(401, 403, 404) },
  }), async (c) => {
    await services.terminals.retireTerminal(c.var.actor, c.req.valid('param').terminalCode, ctx(c));
    return c.body(null, 204);
  });

  app.openapi(createRoute({
    method: 'post', path: '/terminals/{terminalCode}/cookies', tags: ['identity'], security: staffSecurity,
    summary: 'Make the calling browser this terminal: sets the terminal cookie (any earlier one is void); staff signing in there are bound to it',
    request: { params: TerminalParams },
    responses: { 201: { description: 'Cookie set' }, ...problems(401, 403, 404, 409) },
  }), async (c) => {
    setTerminalCookie(c, await services.terminals.issueCookie(c.var.actor, c.req.valid('param').terminalCode, ctx(c)), opts.secureCookies);
    return c.body(null, 201);
  });
  return app;
}
