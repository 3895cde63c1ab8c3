// SPDX-License-Identifier: EUPL-1.2
/** HTTP of the resident registry under /api/v1: validate, call the service, present. No rules here. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { requireStaff } from '../../platform/http/middleware.ts';
import { createRouter, problems, staffSecurity } from '../../platform/http/openapi.ts';
import { assertAllowed } from '../../platform/auth/permissions.ts';
import { mountAddressMasterRoutes } from './addresses/address-master.routes.ts';
import { mountAddressDictionaryRoutes } from './addresses/address-dictionary.routes.ts';
import type { RegistryService } from './registry.service.ts';
import { mountSupportMeasureRoutes } from './support-measures/support-measure.routes.ts';
import { mountSuppressionRoutes } from './suppressions/suppression.routes.ts';
import { mountAddressChangeRoutes } from './addresses/address-change.routes.ts';
import { mountFeedRoutes } from './feed/feed.routes.ts';
import { mountBatchRoutes } from './batch/batch.routes.ts';
import { mountEucRoutes } from './euc/euc.routes.ts';
import { mountFormRoutes } from './forms/forms.routes.ts';
import { mountMoveInPrefillRoutes } from './jukinet/move-in-prefill.routes.ts';
import { mountMemoRoutes } from './memos/memo.routes.ts';
import { mountEligibilityRoutes } from './eligibility/eligibility.routes.ts';
import { mountFuhyoRoutes } from './fuhyo/fuhyo.routes.ts';
import { mountGuardianshipRoutes } from './guardianship/guardianship.routes.ts';
import { mountCardRoutes } from './cards/card.routes.ts';
import { mountSearchHistoryRoutes } from './search/search.routes.ts';
import { mountImmigrationRoutes } from './immigration/immigration.routes.ts';
import {
  BulkApprovalInput, ChangeIdParams, ChangeQueueQuery, ChangeReturnInput, ChangeInput, ChangePreview, ChangeRecorded, ChangeView, HistoryEntry, HouseholdIdParams, HouseholdQuery, HouseholdView,
  PersonHit, PersonIdParams, PersonQuery, PersonView, ProvisionalChangeView, SearchQuerySchema, StatisticsQuery, StatisticsView,
} from './registry.schema.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry'];

/** Mounts the registry routes. */
export function registryRoutes(services: { registry: RegistryService }) {
  const app = createRouter();
  const svc = services.registry;
  const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });
  for (const p of ['/persons', '/persons/*', '/households/*', '/changes', '/changes/*', '/provisional-changes', '/provisional-changes/*', '/registry-statistics', '/registry-towns', '/registry-towns/*', '/registry-postal-codes/*',
    '/support-measures', '/support-measures/*', '/address-changes', '/household-address-changes', '/memos', '/memos/*', '/search-history', '/search-history/*', '/guardianship-notices/*']) {
    app.use(p, requireStaff());
  }
  mountSupportMeasureRoutes(app, svc, ctx);
  mountSuppressionRoutes(app, svc, ctx);
  mountAddressChangeRoutes(app, svc, ctx);
  mountFeedRoutes(app, svc, ctx);
  mountBatchRoutes(app, svc, ctx);
  mountEucRoutes(app, svc, ctx);
  mountFormRoutes(app, svc, ctx);
  mountAddressMasterRoutes(app, svc);
  mountAddressDictionaryRoutes(app, svc);
  mountMoveInPrefillRoutes(app, svc, ctx);
  mountMemoRoutes(app, svc, ctx);
  mountEligibilityRoutes(app, svc, ctx);
  mountFuhyoRoutes(app, svc, ctx);
  mountGuardianshipRoutes(app, svc, ctx);
  mountCardRoutes(app, svc, ctx);
  mountSearchHistoryRoutes(app, svc, ctx);
  mountImmigrationRoutes(app, svc, ctx);

  app.openapi(createRoute({
    method: 'get', path: '/persons', tags, security: staffSecurity, summary: 'Search residents (住民検索); each hit is access-logged',
    request: { query: SearchQuerySchema },
    responses: { 200: json(z.object({ items: z.array(PersonHit) }), 'Hits'), ...problems(400, 401, 403, 422) },
  }), async (c) => c.json({ items: await svc.search(c.var.actor, c.req.valid('query'), ctx(c)) }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/persons/{personId}', tags, security: staffSecurity, summary: 'A resident record (住民票), now or as of a date; access-logged',
    request: { params: PersonIdParams, query: PersonQuery },
    responses: { 200: json(PersonView, 'The record'), ...problems(401, 403, 404, 422) },
  }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await svc.getPerson(c.var.actor, c.req.valid('param').personId, { asOf: q.asOf, unmask: q.unmask === 'my-number', purpose: q.purpose }, ctx(c)), 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/persons/{personId}/history', tags, security: staffSecurity, summary: 'Every snapshot of a resident (履歴), oldest first',
    request: { params: PersonIdParams },
    responses: { 200: json(z.object({ items: z.array(HistoryEntry) }), 'History'), ...problems(401, 403, 404) },
  }), async (c) => c.json({ items: await svc.getHistory(c.var.actor, c.req.valid('param').personId, ctx(c)) }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/households/{householdId}', tags, security: staffSecurity, summary: 'A household (世帯) with its version and members',
    request: { params: HouseholdIdParams, query: HouseholdQuery },
    responses: { 200: json(HouseholdView, 'The household'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.getHousehold(c.var.actor, c.req.valid('param').householdId, { includeRemoved: c.req.valid('query').includeRemoved }, ctx(c)), 200));

  app.openapi(createRoute({
    method: 'post', path: '/changes', tags, security: staffSecurity, summary: 'Record a change (異動) as 仮登録',
    request: { body: { content: { 'application/json': { schema: ChangeInput } }, required: true } },
    responses: { 201: json(ChangeRecorded, 'Recorded as provisional'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.recordChange(c.var.actor, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/changes/preview', tags, security: staffSecurity,
    summary: 'Preview a change (異動の事前確認): its alerts and proposed records, or the refusal recording it would get; writes nothing but the access log',
    request: { body: { content: { 'application/json': { schema: ChangeInput } }, required: true } },
    responses: { 200: json(ChangePreview, 'What recording this change would do now'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.previewChange(c.var.actor, c.req.valid('json'), ctx(c)) as z.infer<typeof ChangePreview>, 200));

  app.openapi(createRoute({
    method: 'get', path: '/changes/{changeId}', tags, security: staffSecurity, summary: 'A change (異動)',
    request: { params: ChangeIdParams },
    responses: { 200: json(ChangeView, 'The change'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.getChange(c.var.actor, c.req.valid('param').changeId) as z.infer<typeof ChangeView>, 200));

  app.openapi(createRoute({
    method: 'post', path: '/changes/{changeId}/approvals', tags, security: staffSecurity, summary: 'Approve a provisional change (本登録)',
    request: { params: ChangeIdParams },
    responses: { 201: json(z.object({ approved: z.array(z.string().uuid()) }), 'Approved'), ...problems(401, 403, 404, 409) },
  }), async (c) => c.json(await svc.approve(c.var.actor, [c.req.valid('param').changeId], ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/changes/{changeId}/withdrawals', tags, security: staffSecurity, summary: 'Withdraw a provisional change (取下げ)',
    request: { params: ChangeIdParams },
    responses: { 201: json(z.object({ changeId: z.string().uuid(), status: z.literal('withdrawn') }), 'Withdrawn'), ...problems(401, 403, 404, 409) },
  }), async (c) => c.json(await svc.withdraw(c.var.actor, c.req.valid('param').changeId, ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/changes/{changeId}/returns', tags, security: staffSecurity,
    summary: 'Return a provisional change to its clerk with a reason (差戻し; reviewers and approvers); its reservations stay',
    request: { params: ChangeIdParams, body: { content: { 'application/json': { schema: ChangeReturnInput } }, required: true } },
    responses: { 201: json(z.object({ changeId: z.string().uuid(), status: z.literal('returned'), reason: z.string() }), 'Returned'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.returnChange(c.var.actor, c.req.valid('param').changeId, c.req.valid('json').reason, ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/changes/{changeId}/resubmissions', tags, security: staffSecurity,
    summary: 'Resubmit a returned change (再提出; only the clerk who entered it): provisional again',
    request: { params: ChangeIdParams },
    responses: { 201: json(z.object({ changeId: z.string().uuid(), status: z.literal('provisional') }), 'Resubmitted'), ...problems(401, 403, 404, 409) },
  }), async (c) => c.json(await svc.resubmitChange(c.var.actor, c.req.valid('param').changeId, ctx(c)), 201));

  app.openapi(createRoute({
    method: 'get', path: '/provisional-changes', tags, security: staffSecurity,
    summary: 'Open changes (仮登録一覧): provisional by default, or returned (差戻し中); by kind and clerk. A counter clerk sees only their own',
    request: { query: ChangeQueueQuery },
    responses: { 200: json(z.object({ items: z.array(ProvisionalChangeView) }), 'Open changes'), ...problems(400, 401, 403) },
  }), async (c) => {
    const q = c.req.valid('query');
    return c.json({ items: await svc.listChanges(c.var.actor, { ...q, status: q.status ?? 'provisional' }, ctx(c)) as Array<z.infer<typeof ProvisionalChangeView>> }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/provisional-changes/approvals', tags, security: staffSecurity, summary: 'Approve provisional changes in bulk (一括本登録, max 100)',
    request: { body: { content: { 'application/json': { schema: BulkApprovalInput } }, required: true } },
    responses: { 201: json(z.object({ approved: z.array(z.string().uuid()) }), 'Approved'), ...problems(400, 401, 403, 404, 409) },
  }), async (c) => c.json(await svc.approve(c.var.actor, c.req.valid('json').changeIds, ctx(c)), 201));

  app.openapi(createRoute({
    method: 'get', path: '/registry-statistics', tags, security: staffSecurity, summary: 'Population by 町字, age band, sex, Japanese/foreign and households, as of a date (JSON or CSV)',
    request: { query: StatisticsQuery },
    responses: { 200: { description: 'Statistics', content: { 'application/json': { schema: StatisticsView }, 'text/csv': { schema: z.string() } } }, ...problems(401, 403) },
  }), async (c) => {
    const q = c.req.valid('query');
    const out = await svc.statistics(c.var.actor, q.asOf, q.format ?? 'json');
    if (typeof out === 'string') return c.body(out, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="registry-statistics.csv"` });
    return c.json(out, 200);
  });

  return app;
}
