// SPDX-License-Identifier: EUPL-1.2
/** Composition root of the HTTP application: middleware, the API under /api/v1, the web UI, health. */
import { sql } from 'kysely';
import { bodyLimit } from 'hono/body-limit';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Config } from './platform/config.ts';
import type { Logger } from './platform/logger.ts';
import type { AppEnv } from './platform/http/app-env.ts';
import { bindWorkplace, loadActor, requestContext, securityHeaders } from './platform/http/middleware.ts';
import { isWebPath, rejectControlCharacters } from './platform/http/input-characters.ts';
import { problemResponse, toProblem } from './platform/http/problem.ts';
import { idempotency } from './platform/http/idempotency.ts';
import type { Services } from './services.ts';
import { identityRoutes } from './domains/identity/identity.routes.ts';
import { terminalRoutes } from './domains/identity/terminal.routes.ts';
import { staffChangeRoutes } from './domains/identity/staff-changes.routes.ts';
import { tenantRoutes } from './domains/tenants/tenants.routes.ts';
import { auditRoutes } from './domains/audit/audit.routes.ts';
import { registryRoutes } from './domains/registry/index.ts';
import { daycareApiRoutes } from './domains/daycare/daycare.module.ts';
import { certificateRoutes } from './domains/certificates/index.ts';
import { casesRoutes } from './domains/cases/index.ts';
import { oidcRoutes } from './domains/identity/oidc.routes.ts';
import { webErrorPage, webRoutes, wantsHtml } from './web/web.routes.tsx';
import { dictionary, requestLang } from './web/ui/i18n.ts';

export const API_VERSION = '1.0.0';

/** Options of the HTTP application. */
export interface AppOptions {
  config: Pick<Config, 'publicUrl' | 'oidc'> & Partial<Pick<Config, 'idempotencyLeaseMs' | 'residentOidc'>>;
  log: Logger;
  /** 'public': the internet side only (resident portal, public guide, verify page); staff screens and the API are absent. */
  role?: 'all' | 'public';
}

/** Paths the internet side serves (issue #14): everything else answers 404 there. */
export const PUBLIC_PATHS = /^\/($|portal(\/|$)|guide(\/|$)|verify(\/|$)|static\/|lang\/|healthz$|readyz$)/;

/** Builds the API router (used for serving and to generate the OpenAPI document). */
export function buildApi(services: Services, secureCookies: boolean) {
  const api = new OpenAPIHono<AppEnv>();
  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey', in: 'cookie', name: 'jichi_session',
    description: 'Session cookie from POST /api/v1/sessions; unsafe methods also need the X-CSRF-Token header',
  });
  api.route('/', identityRoutes(services, { secureCookies }));
  api.route('/', terminalRoutes(services, { secureCookies }));
  api.route('/', staffChangeRoutes(services));
  api.route('/', tenantRoutes(services));
  api.route('/', auditRoutes(services));
  api.route('/', registryRoutes(services));
  api.route('/', daycareApiRoutes(services));
  api.route('/', certificateRoutes(services));
  api.route('/', casesRoutes(services));
  return api;
}

/** The OpenAPI 3.1 document of /api/v1. */
export function openApiDocument(api: ReturnType<typeof buildApi>) {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Jichi API', version: API_VERSION,
      description: 'Jichi (自治): the shared smart-municipality platform. Errors are application/problem+json with a stable `code`.',
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    servers: [{ url: '/api/v1' }],
  });
}

/** Builds the whole application. */
export function createApp(services: Services, opts: AppOptions) {
  const secureCookies = opts.config.publicUrl.startsWith('https://');
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestContext(opts.log));
  app.use('*', securityHeaders({ hsts: secureCookies }));
  // 1 MiB for ordinary requests; daycare rounds (a city's request or result, CSV imports) are larger.
  // Too large: a Japanese page for people (the portal's attachments), problem+json for programs; nothing is read or written.
  const tooLarge = (c: Context<AppEnv>) => {
    c.var.log?.info({ code: 'payload-too-large', status: 413 }, 'request refused');
    if (wantsHtml(c)) {
      const t = dictionary(requestLang(c)).errors;
      return webError(c, 413, t.tooLargeTitle, t.tooLargeBody);
    }
    return problemResponse(c, { type: 'about:blank', title: 'リクエストが大きすぎます', status: 413, code: 'payload-too-large', detail: 'Request body too large', instance: `urn:request:${c.var.requestId}` });
  };
  const smallBody = bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge });
  const largeBody = bodyLimit({ maxSize: 32 * 1024 * 1024, onError: tooLarge });
  app.use('*', (c, next) => (/^\/(api\/v1|console)\/daycare/.test(c.req.path) ? largeBody : smallBody)(c, next));
  if (opts.role === 'public') {
    // No staff on the internet side: no staff session is even looked up, staff paths do not exist.
    app.use('*', async (c, next) => (PUBLIC_PATHS.test(c.req.path) ? next() : c.text('Not Found', 404)));
  } else {
    app.use('*', loadActor((cookie) => services.identity.resolveSession(cookie), secureCookies));
    app.use('*', bindWorkplace());
  }
  // Control characters: the API answers problem+json here; web pages check in webRoutes (an HTML page).
  const controlCharacters = rejectControlCharacters();
  app.use('*', (c, next) => (isWebPath(c.req.path) ? next() : controlCharacters(c, next)));
  // Operations that issue, record or approve are safe to repeat (Idempotency-Key header, console form token).
  const idempotent = idempotency(services.db, { leaseMs: opts.config.idempotencyLeaseMs });
  app.use('/api/v1/*', idempotent);
  app.use('/console/*', idempotent);

  app.onError((err, c) => {
    const problem = toProblem(err, c.var.requestId ?? 'unknown');
    if (problem.status === 503) {
      // The database is unreachable (e.g. in the session check, before any route): a page for people, a problem for programs.
      c.var.log?.warn({ code: problem.code }, 'database unavailable');
      if (wantsHtml(c)) {
        c.header('retry-after', '5');
        const t = dictionary(requestLang(c)).errors;
        return webError(c, 503, t.unavailableTitle, t.unavailableBody);
      }
      return problemResponse(c, problem);
    }
    if (problem.status >= 500) c.var.log?.error({ err: { name: (err as Error).name, message: (err as Error).message, stack: (err as Error).stack } }, 'unhandled error');
    else c.var.log?.info({ code: problem.code, status: problem.status }, 'request refused');
    return problemResponse(c, problem);
  });
  // Unknown web pages (also a route's own c.notFound(), e.g. a malformed id) are HTML pages; the API's are problems.
  const webError = webErrorPage(services);
  app.notFound((c) => wantsHtml(c) ? webError(c, 404, dictionary(requestLang(c)).errors.notFoundTitle, dictionary(requestLang(c)).errors.notFoundBody) : problemResponse(c, { type: 'about:blank', title: 'ページが見つかりません', status: 404, code: 'not-found', detail: 'No such route', instance: `urn:request:${c.var.requestId}` }));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await sql`SELECT 1`.execute(services.db.app);
      return c.json({ status: 'ready', database: services.db.kind });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  const api = buildApi(services, secureCookies);
  const document = openApiDocument(api);
  app.get('/api/v1/openapi.json', (c) => c.json(document));
  app.route('/api/v1', api);
  app.route('/auth/oidc', oidcRoutes(services, { oidc: opts.config.oidc, publicUrl: opts.config.publicUrl, secureCookies }));
  app.route('/', webRoutes(services, { secureCookies, oidc: opts.config.oidc, residentOidc: opts.config.residentOidc, publicUrl: opts.config.publicUrl, log: opts.log }));
  return app;
}
