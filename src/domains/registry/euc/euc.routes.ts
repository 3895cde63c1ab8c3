// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP of EUC (標準仕様書 §10.1) under /api/v1 (mounted by registry.routes.ts): the items the caller may pick, a count
 * preview, saved extractions (parameters kept) and a run that downloads the CSV, each extracted person access-logged.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isCalendarDate, parseLegalDate } from '../../../platform/dates/jp-date.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { requireStaff } from '../../../platform/http/middleware.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { EUC_ITEMS } from './euc-items.ts';

const Day = z.string().max(40).transform((v, ctx) => {
  try {
    const d = parseLegalDate(v);
    if (d.precision === 'day' && !d.text && isCalendarDate(d.sortKey)) return d.sortKey;
  } catch { /* reported below */ }
  ctx.addIssue({ code: 'custom', message: '日付が正しくありません（例: 令和7年4月1日、2025-04-01）' });
  return z.NEVER;
}).openapi({ description: '日付（西暦 YYYY-MM-DD 又は和暦「令和7年4月1日」）' });

export const EucConditionsSchema = z.object({
  townCodes: z.array(z.string().regex(/^\d{7}$/)).max(500).optional().openapi({ description: '町字コード（GET /registry-towns）。省略時は全域' }),
  ageFrom: z.number().int().min(0).max(150).optional(), ageTo: z.number().int().min(0).max(150).optional(),
  sex: z.enum(['male', 'female']).optional(),
  residentKind: z.enum(['japanese', 'foreign']).optional().openapi({ description: '日本人 / 外国人' }),
  changedFrom: Day.optional(), changedTo: Day.optional(),
  state: z.enum(['current', 'removed', 'all']).optional().openapi({ description: '現存（既定）・除票・両方' }),
}).strict().openapi('RegistryEucConditions');

const Items = z.array(z.enum(EUC_ITEMS)).min(1).max(EUC_ITEMS.length).openapi({ description: '抽出する項目（中間標準レイアウトの項目名）' });
export const EucPreviewInput = z.object({ conditions: EucConditionsSchema, items: Items.optional() }).openapi('RegistryEucPreviewInput');
export const EucQueryInput = z.object({
  title: z.string().max(100).openapi({ description: '抽出の名前' }), purpose: z.string().max(500).openapi({ description: '利用目的（アクセスログに記録）' }),
  items: Items, conditions: EucConditionsSchema,
}).openapi('RegistryEucQueryInput');
const Alert = z.object({ code: z.string(), message: z.string() });
export const EucPreview = z.object({
  count: z.number().int().openapi({ description: '抽出される人数' }), excluded: z.number().int().openapi({ description: '除いた人数（DV等支援措置・抽出の抑止）' }), alerts: z.array(Alert),
}).openapi('RegistryEucPreview');
export const EucQueryView = z.object({
  queryId: z.string().uuid(), title: z.string(), purpose: z.string(),
  parameters: z.object({ items: z.array(z.string()), conditions: z.record(z.string(), z.unknown()) }), createdByName: z.string(), createdAt: z.string(),
  lastRunAt: z.string().nullable(), lastRunByName: z.string().nullable(), lastCount: z.number().int().nullable(), lastExcluded: z.number().int().nullable(), runs: z.number().int(),
}).openapi('RegistryEucQuery');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry-euc'];
const QueryParams = z.object({ queryId: z.string().uuid() });

/** Adds the EUC routes to the registry router. */
export function mountEucRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.use('/registry-euc/*', requireStaff());

  app.openapi(createRoute({
    method: 'get', path: '/registry-euc/items', tags, security: staffSecurity, summary: 'EUC: the standard data items the caller may extract',
    responses: { 200: json(z.object({ items: z.array(z.string()) }), 'Items'), ...problems(401, 403) },
  }), async (c) => c.json({ items: [...svc.eucItems(c.var.actor)] }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/registry-euc/previews', tags, security: staffSecurity, summary: 'EUC: how many persons an extraction gives now (protected persons excluded, with alerts)',
    request: { body: { content: { 'application/json': { schema: EucPreviewInput } }, required: true } },
    responses: { 200: json(EucPreview, 'Counts'), ...problems(400, 401, 403, 422) },
  }), async (c) => {
    const b = c.req.valid('json');
    return c.json(await svc.previewEuc(c.var.actor, { items: b.items ?? ['宛名番号'], conditions: b.conditions }, ctx(c)), 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/registry-euc/queries', tags, security: staffSecurity, summary: 'EUC: save an extraction (items, conditions, purpose kept for later runs)',
    request: { body: { content: { 'application/json': { schema: EucQueryInput } }, required: true } },
    responses: { 201: json(EucQueryView, 'Saved'), ...problems(400, 401, 403, 422) },
  }), async (c) => c.json(await svc.saveEucQuery(c.var.actor, c.req.valid('json'), ctx(c)) as z.infer<typeof EucQueryView>, 201));

  app.openapi(createRoute({
    method: 'get', path: '/registry-euc/queries', tags, security: staffSecurity, summary: 'EUC: the saved extractions with their last run',
    responses: { 200: json(z.object({ items: z.array(EucQueryView) }), 'Extractions'), ...problems(401, 403) },
  }), async (c) => c.json({ items: await svc.listEucQueries(c.var.actor) as Array<z.infer<typeof EucQueryView>> }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-euc/queries/{queryId}', tags, security: staffSecurity, summary: 'EUC: one saved extraction',
    request: { params: QueryParams },
    responses: { 200: json(EucQueryView, 'The extraction'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.getEucQuery(c.var.actor, c.req.valid('param').queryId) as z.infer<typeof EucQueryView>, 200));

  app.openapi(createRoute({
    method: 'post', path: '/registry-euc/queries/{queryId}/runs', tags, security: staffSecurity,
    summary: 'EUC: run a saved extraction now and download its CSV (UTF-8 with BOM); every extracted person is access-logged',
    request: { params: QueryParams },
    responses: { 200: { description: 'The CSV', content: { 'text/csv': { schema: z.string() } } }, ...problems(401, 403, 404, 422) },
  }), async (c) => {
    const f = await svc.runEucQuery(c.var.actor, c.req.valid('param').queryId, ctx(c));
    return c.body(f.body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${f.filename}"`,
      'x-euc-count': String(f.count), 'x-euc-excluded': String(f.excluded) });
  });
}
