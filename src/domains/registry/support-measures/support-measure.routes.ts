// SPDX-License-Identifier: EUPL-1.2
/** HTTP of DV等支援措置 under /api/v1 (mounted by registry.routes.ts): validate, call the service, present. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { SUPPORT_MEASURE_KINDS } from './support-measure.ts';

const DateText = z.string().min(4).max(40).openapi({ description: '日付（西暦 YYYY-MM-DD 又は和暦「令和7年4月1日」）' });

export const SupportMeasureInput = z.object({
  personId: z.string().uuid(),
  /** dv (DV), stalking (ストーカー行為等), child-abuse (児童虐待等), other (これらに準ずる). */
  kind: z.enum(SUPPORT_MEASURE_KINDS),
  /** 支援開始日; defaults to today. */
  startsOn: DateText.optional(),
  /** 支援終了日; defaults to one year less a day after the start. */
  endsOn: DateText.optional(),
  /** 意見を聴いた相談機関 (警察署, 配偶者暴力相談支援センター, 児童相談所 …). */
  requestingBody: z.string().min(1).max(200),
  note: z.string().max(1000).optional(),
  /** 申出者の詳細 (連絡先, 前住所, 本籍, 通称 …). */
  applicant: z.object({ contact: z.string().max(200).optional(), previousAddresses: z.array(z.string().max(300)).max(10).optional(), honseki: z.string().max(200).optional(),
    alias: z.string().max(100).optional(), note: z.string().max(1000).optional() }).optional(),
  /** 仮支援措置 (the 相談機関's opinion is awaited; confirm later). */
  provisional: z.boolean().optional(),
  /** 併せて支援を求める者 (residents, protected like the 申出者). */
  coProtectedPersonIds: z.array(z.string().uuid()).max(20).optional(),
  /** 加害者: a resident (personId) or someone elsewhere (what is known). Their own requests are refused. */
  perpetrators: z.array(z.object({ personId: z.string().uuid().optional(), name: z.string().trim().min(1).max(200), nameKana: z.string().max(200).optional(),
    birthDate: DateText.optional(), sex: z.enum(['male', 'female']).optional(), address: z.string().max(300).optional(), note: z.string().max(1000).optional() })).max(10).optional(),
}).openapi('RegistrySupportMeasureInput');

export const SupportMeasureEndingInput = z.object({
  /** 終了日 (the last protected day); defaults to today. */
  endedOn: DateText.optional(),
  /** 終了事由 (申出による終了, 期間満了, 支援の必要がなくなった …). */
  reason: z.string().min(1).max(500),
}).openapi('RegistrySupportMeasureEnding');

const AlertView = z.object({ code: z.string(), message: z.string() });
export const SupportMeasureView = z.object({
  supportMeasureId: z.string().uuid(), personId: z.string().uuid(), kind: z.enum(SUPPORT_MEASURE_KINDS), kindLabel: z.string(), startsOn: z.string(), endsOn: z.string(),
  requestingBody: z.string(), note: z.string(), endedOn: z.string().nullable(), endReason: z.string().nullable(), createdBy: z.string(), createdAt: z.string(),
  endedBy: z.string().nullable(), endedAt: z.string().nullable(),
  applicant: z.record(z.string(), z.unknown()).optional(), provisional: z.boolean().optional(),
  parties: z.array(z.object({ partyId: z.string().uuid(), role: z.enum(['co-protected', 'perpetrator']), roleLabel: z.string(), personId: z.string().uuid().nullable(), name: z.string(),
    nameKana: z.string(), birthDate: z.string().nullable(), sex: z.string().nullable(), address: z.string(), note: z.string() })).optional(),
  extensions: z.array(z.object({ previousEndsOn: z.string(), newEndsOn: z.string(), requestedOn: z.string(), createdBy: z.string() })).optional(),
}).openapi('RegistrySupportMeasure');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry'];

/** Adds the support-measure routes to the registry router (staff sessions are required by the caller). */
export function mountSupportMeasureRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openapi(createRoute({
    method: 'post', path: '/support-measures', tags, security: staffSecurity, summary: 'Register a DV等支援措置 for a resident (registry:support-measure); logged',
    request: { body: { content: { 'application/json': { schema: SupportMeasureInput } }, required: true } },
    responses: { 201: json(SupportMeasureView, 'Registered'), ...problems(400, 401, 403, 404, 422) },
  }), async (c) => c.json(await svc.registerSupportMeasure(c.var.actor, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'get', path: '/persons/{personId}/support-measures', tags, security: staffSecurity, summary: "A resident's support measures with alerts (registry:support-measure); logged",
    request: { params: z.object({ personId: z.string().uuid() }) },
    responses: { 200: json(z.object({ items: z.array(SupportMeasureView), alerts: z.array(AlertView) }), 'Measures'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.listSupportMeasures(c.var.actor, c.req.valid('param').personId, ctx(c)), 200));

  app.openapi(createRoute({
    method: 'get', path: '/persons/{personId}/support-measure-alerts', tags, security: staffSecurity, summary: 'Whether a resident is under a support measure today, as an alert (no details); logged',
    request: { params: z.object({ personId: z.string().uuid() }) },
    responses: { 200: json(z.object({ alerts: z.array(AlertView) }), 'Alerts'), ...problems(401, 403, 404) },
  }), async (c) => c.json({ alerts: await svc.supportMeasureAlertsOf(c.var.actor, c.req.valid('param').personId, ctx(c)) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/support-measures/{supportMeasureId}/extensions', tags, security: staffSecurity, summary: '延長: one more year on the 申出者\'s request (from a month before the end)',
    request: { params: z.object({ supportMeasureId: z.string().uuid() }), body: { content: { 'application/json': { schema: z.object({ requestedOn: DateText.optional() }).openapi('RegistrySupportMeasureExtension') } }, required: true } },
    responses: { 201: json(SupportMeasureView, 'Extended'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.extendSupportMeasure(c.var.actor, c.req.valid('param').supportMeasureId, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/support-measures/{supportMeasureId}/confirmations', tags, security: staffSecurity, summary: '仮支援措置 → 支援措置 (the 相談機関\'s opinion is in)',
    request: { params: z.object({ supportMeasureId: z.string().uuid() }) },
    responses: { 201: json(SupportMeasureView, 'Confirmed'), ...problems(401, 403, 404, 409) },
  }), async (c) => c.json(await svc.confirmSupportMeasure(c.var.actor, c.req.valid('param').supportMeasureId, ctx(c)), 201));

  app.openapi(createRoute({
    method: 'get', path: '/support-measures/ending', tags, security: staffSecurity, summary: '終了通知: measures in force ending within `days` (default 31) or past their end; logged',
    request: { query: z.object({ days: z.coerce.number().int().min(0).max(366).optional() }) },
    responses: { 200: json(z.object({ items: z.array(SupportMeasureView.extend({ applicantName: z.string(), atenaNo: z.string(), overdue: z.boolean() })) }), 'Ending'), ...problems(400, 401, 403) },
  }), async (c) => c.json(await svc.supportMeasuresEnding(c.var.actor, c.req.valid('query').days ?? 31, ctx(c)), 200));

  app.openapi(createRoute({
    method: 'post', path: '/support-measures/{supportMeasureId}/endings', tags, security: staffSecurity, summary: 'End a support measure explicitly (measures never lapse by themselves)',
    request: { params: z.object({ supportMeasureId: z.string().uuid() }), body: { content: { 'application/json': { schema: SupportMeasureEndingInput } }, required: true } },
    responses: { 201: json(SupportMeasureView, 'Ended'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.endSupportMeasure(c.var.actor, c.req.valid('param').supportMeasureId, c.req.valid('json'), ctx(c)), 201));
}
