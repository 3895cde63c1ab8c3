// SPDX-License-Identifier: EUPL-1.2
/** HTTP for sign-in, sessions and staff accounts under /api/v1. */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { Actor } from '../../platform/auth/actor.ts';
import { sessionCookieName } from '../../platform/auth/session-token.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { requireStaff } from '../../platform/http/middleware.ts';
import { createRouter, problems, staffSecurity } from '../../platform/http/openapi.ts';
import type { TenantService } from '../tenants/index.ts';
import type { IdentityService, NewSession } from './identity.service.ts';
import { terminalCookieName } from './terminal.service.ts';
import { LoginInput, SessionView, StaffIdParams, StaffInput, StaffValidityInput, StaffScopeInput, StaffView, TotpConfirmInput, TotpEnrolmentView } from './identity.schema.ts';
import type { StaffRow } from './identity.presenter.ts';
import { presentStaff } from './identity.presenter.ts';

/** Sets the session cookie of a new session. */
export function setSessionCookie(c: Context<AppEnv>, session: NewSession, secure: boolean): void {
  setCookie(c, sessionCookieName(secure), session.cookieValue, {
    httpOnly: true, secure, sameSite: 'Lax', path: '/', expires: session.expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>, secure: boolean): void {
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure });
}

async function present(actor: Actor, tenants: TenantService) {
  const t = await tenants.get(actor.municipalityCode);
  return {
    municipalityCode: actor.municipalityCode, municipalityName: t?.name ?? '', staffId: actor.staffId, loginId: actor.loginId,
    displayName: actor.displayName, roles: actor.roles, csrfToken: actor.csrfToken, authMethod: actor.authMethod,
  };
}

/** Mounts the identity routes. */
export function identityRoutes(services: { identity: IdentityService; tenants: TenantService }, opts: { secureCookies: boolean }) {
  const app = createRouter();
  const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

  app.openapi(createRoute({
    method: 'post', path: '/sessions', tags: ['identity'], summary: 'Sign in with a password (ログイン)',
    request: { body: { content: { 'application/json': { schema: LoginInput } }, required: true } },
    responses: { 201: { description: 'Signed in; the session cookie is set', content: { 'application/json': { schema: SessionView } } }, ...problems(400, 401, 423, 429) },
  }), async (c) => {
    const session = await services.identity.login(c.req.valid('json'), ctx(c), getCookie(c, terminalCookieName(opts.secureCookies)));
    setSessionCookie(c, session, opts.secureCookies);
    return c.json(await present(session.actor, services.tenants), 201);
  });

  app.use('/sessions/current', requireStaff());
  app.openapi(createRoute({
    method: 'get', path: '/sessions/current', tags: ['identity'], summary: 'The current session', security: staffSecurity,
    responses: { 200: { description: 'Signed in', content: { 'application/json': { schema: SessionView } } }, ...problems(401) },
  }), async (c) => c.json(await present(c.var.actor, services.tenants), 200));

  app.use('/sessions/current/*', requireStaff());
  app.openapi(createRoute({
    method: 'post', path: '/sessions/current/totp', tags: ['identity'], security: staffSecurity,
    summary: 'Start enrolling an authenticator (TOTP, 二要素認証) for the own account: the secret to enter, pending until confirmed',
    responses: { 201: { description: 'Secret (shown once)', content: { 'application/json': { schema: TotpEnrolmentView } } }, ...problems(401, 403) },
  }), async (c) => c.json(await services.identity.startTotp(c.var.actor, ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/sessions/current/totp/confirmations', tags: ['identity'], security: staffSecurity,
    summary: 'Confirm the authenticator with a first code; from then on a code is required at every password sign-in',
    request: { body: { content: { 'application/json': { schema: TotpConfirmInput } }, required: true } },
    responses: { 204: { description: 'Enrolled' }, ...problems(400, 401, 403) },
  }), async (c) => {
    await services.identity.confirmTotp(c.var.actor, c.req.valid('json').code, ctx(c));
    return c.body(null, 204);
  });

  app.openapi(createRoute({
    method: 'delete', path: '/sessions/current', tags: ['identity'], summary: 'Sign out (ログアウト)', security: staffSecurity,
    responses: { 204: { description: 'Signed out' }, ...problems(401, 403) },
  }), async (c) => {
    await services.identity.logout(c.var.actor, ctx(c));
    clearSessionCookie(c, opts.secureCookies);
    return c.body(null, 204);
  });

  app.use('/staff', requireStaff());
  app.use('/staff/*', requireStaff());
  app.openapi(createRoute({
    method: 'get', path: '/staff', tags: ['identity'], summary: 'Staff of the municipality (administrators)', security: staffSecurity,
    responses: { 200: { description: 'Staff list', content: { 'application/json': { schema: z.object({ items: z.array(StaffView) }) } } }, ...problems(401, 403) },
  }), async (c) => {
    const rows = await services.identity.listStaff(c.var.actor);
    return c.json({ items: rows.map((r) => presentStaff(r as StaffRow)) }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/staff', tags: ['identity'], summary: 'Add a staff account (administrators)', security: staffSecurity,
    request: { body: { content: { 'application/json': { schema: StaffInput } }, required: true } },
    responses: { 201: { description: 'Created', content: { 'application/json': { schema: z.object({ staffId: z.string().uuid() }) } } }, ...problems(400, 401, 403, 409) },
  }), async (c) => {
    const created = await services.identity.addStaff(c.var.actor, c.var.actor.municipalityCode, c.req.valid('json'), ctx(c));
    return c.json(created, 201);
  });

  app.openapi(createRoute({
    method: 'get', path: '/staff/{staffId}', tags: ['identity'], summary: 'One staff account (administrators); the read is access-logged', security: staffSecurity,
    request: { params: StaffIdParams },
    responses: { 200: { description: 'Staff', content: { 'application/json': { schema: StaffView } } }, ...problems(401, 403, 404) },
  }), async (c) => {
    const row = await services.identity.getStaff(c.var.actor, c.req.valid('param').staffId, ctx(c));
    return c.json(presentStaff(row as StaffRow), 200);
  });

  app.openapi(createRoute({
    method: 'put', path: '/staff/{staffId}/validity', tags: ['identity'], security: staffSecurity,
    summary: "Set a staff account's validity period (有効期間; administrators): outside it the account cannot sign in",
    request: { params: StaffIdParams, body: { content: { 'application/json': { schema: StaffValidityInput } }, required: true } },
    responses: { 204: { description: 'Set' }, ...problems(400, 401, 403, 404) },
  }), async (c) => {
    await services.identity.setValidity(c.var.actor, c.req.valid('param').staffId, c.req.valid('json'), ctx(c));
    return c.body(null, 204);
  });

  app.openapi(createRoute({
    method: 'put', path: '/staff/{staffId}/scope', tags: ['identity'], security: staffSecurity,
    summary: "Set a staff account's 利用範囲 (administrators): the places it may sign in at and the actions withheld from its roles",
    request: { params: StaffIdParams, body: { content: { 'application/json': { schema: StaffScopeInput } }, required: true } },
    responses: { 204: { description: 'Set' }, ...problems(400, 401, 403, 404) },
  }), async (c) => {
    await services.identity.setScope(c.var.actor, c.req.valid('param').staffId, c.req.valid('json'), ctx(c));
    return c.body(null, 204);
  });

  return app;
}

