// SPDX-License-Identifier: EUPL-1.2
/** HTTP of 抑止 under /api/v1 (mounted by registry.routes.ts): validate, call the service, present. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { SUPPRESSION_LEVELS, SUPPRESSION_OPERATIONS } from './suppression.ts';

const DateText = z.string().min(4).max(40).openapi({ description: '日付（西暦 YYYY-MM-DD 又は和暦「令和7年4月1日」）' });

export const SuppressionInput = z.object({
  /** person (個人) or household (世帯: every member). */
  subjectType: z.enum(['person', 'household']),
  subjectId: z.string().uuid(),
  /** certificate (証明書発行), inquiry (照会・検索), change (異動入力), feed (他システム連携), inspection (閲覧), export (抽出). */
  operations: z.array(z.enum(SUPPRESSION_OPERATIONS)).min(1).max(SUPPRESSION_OPERATIONS.length),
  /** error (処理不可) or alert (警告して処理). */
  level: z.enum(SUPPRESSION_LEVELS),
  /** 抑止の理由. */
  reason: z.string().trim().min(1).max(500),
  /** 開始日; defaults to today. */
  startsOn: DateText.optional(),
}).openapi('RegistrySuppressionInput');

export const SuppressionEndInput = z.object({ endedOn: DateText.optional(), reason: z.string().trim().min(1).max(500) }).openapi('RegistrySuppressionEnd');
export const SuppressionLiftInput = z.object({
  /** 一時解除の時間（分、最長480分）. */
  minutes: z.number().int().min(1).max(480),
  reason: z.string().trim().min(1).max(500),
}).openapi('RegistrySuppressionLift');

export const SuppressionView = z.object({
  suppressionId: z.string().uuid(), subjectType: z.enum(['person', 'household']), subjectId: z.string().uuid(), operation: z.enum(SUPPRESSION_OPERATIONS), operationLabel: z.string(),
  level: z.enum(SUPPRESSION_LEVELS), levelLabel: z.string(), reason: z.string(), startsOn: z.string(), endedOn: z.string().nullable(), endReason: z.string().nullable(),
  createdBy: z.string(), createdAt: z.string(), active: z.boolean(), liftedNow: z.boolean(),
  lifts: z.array(z.object({ reason: z.string(), liftedFrom: z.string(), liftedUntil: z.string(), createdBy: z.string() })),
}).openapi('RegistrySuppression');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry'];
const Id = z.object({ suppressionId: z.string().uuid() });

/** Adds the suppression routes to the registry router (staff sessions are required by the caller). */
export function mountSuppressionRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openapi(createRoute({
    method: 'post', path: '/suppressions', tags, security: staffSecurity, summary: 'Set a suppression (抑止) per operation on a person or household (registry:suppression); logged',
    request: { body: { content: { 'application/json': { schema: SuppressionInput } }, required: true } },
    responses: { 201: json(z.object({ items: z.array(SuppressionView) }), 'Set'), ...problems(400, 401, 403, 404, 422) },
  }), async (c) => c.json(await svc.setSuppression(c.var.actor, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'get', path: '/suppressions', tags, security: staffSecurity, summary: '抑止対象者一覧: every suppression not ended (registry:suppression); logged per person',
    responses: { 200: json(z.object({ items: z.array(SuppressionView.extend({ subjectLabel: z.string() })) }), 'List'), ...problems(401, 403) },
  }), async (c) => c.json(await svc.suppressionList(c.var.actor, ctx(c)), 200));

  app.openapi(createRoute({
    method: 'get', path: '/persons/{personId}/suppressions', tags, security: staffSecurity, summary: "The suppressions on a resident and their household (registry:read); logged",
    request: { params: z.object({ personId: z.string().uuid() }) },
    responses: { 200: json(z.object({ items: z.array(SuppressionView) }), 'Suppressions'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.suppressionsOfPerson(c.var.actor, c.req.valid('param').personId, ctx(c)), 200));

  app.openapi(createRoute({
    method: 'post', path: '/suppressions/{suppressionId}/endings', tags, security: staffSecurity, summary: '抑止の解除 (explicit; a suppression never ends by itself)',
    request: { params: Id, body: { content: { 'application/json': { schema: SuppressionEndInput } }, required: true } },
    responses: { 201: json(SuppressionView, 'Ended'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.endSuppression(c.var.actor, c.req.valid('param').suppressionId, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/suppressions/{suppressionId}/lifts', tags, security: staffSecurity, summary: '一時解除: let the operation through for some minutes, with a reason (registry:suppression-lift)',
    request: { params: Id, body: { content: { 'application/json': { schema: SuppressionLiftInput } }, required: true } },
    responses: { 201: json(SuppressionView, 'Lifted'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.liftSuppression(c.var.actor, c.req.valid('param').suppressionId, c.req.valid('json'), ctx(c)), 201));
}
