// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP of the 法務大臣's notices (住基法30条の50) under /api/v1 (mounted by registry.routes.ts): the 未処理の入管通知一覧
 * `GET /immigration-notices`, taking in what the file link delivered `POST /immigration-notices/receipts`, and 処理
 * `POST /immigration-notices/{noticeId}/applications` (the 職権 change as 仮登録; answered again, not repeated).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { requireStaff } from '../../../platform/http/middleware.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { NOTICE_EVENTS, UNMATCHED_REASONS } from './immigration-notices.ts';

const tags = ['registry'];
const Notice = z.object({
  noticeId: z.string().uuid(), noticeNo: z.string().openapi({ description: '通知番号' }), event: z.enum(NOTICE_EVENTS), eventLabel: z.string(),
  noticedOn: z.string().openapi({ description: '通知日' }), occurredOn: z.string().openapi({ description: '事由の発生日（許可日・出国日等）' }),
  residenceCardNo: z.string(), status: z.enum(['unmatched', 'pending', 'in-progress', 'done']).openapi({ description: '未照合・未処理・処理中（仮登録）・処理済み（本登録）' }),
  unmatchedReason: z.enum(UNMATCHED_REASONS).nullable(), changeId: z.string().uuid().nullable(), personId: z.string().uuid().nullable(),
  person: z.object({ atenaNo: z.string(), romanName: z.string(), name: z.string(), birthDate: z.string(), residenceStatus: z.string(), residencePeriod: z.string(), residenceExpiry: z.string() })
    .nullable().openapi({ description: '照合した住民の現在の記録（変更前）' }),
  noticeItems: z.record(z.string(), z.unknown()).openapi({ description: '通知の変更後の項目' }),
  noticePerson: z.record(z.string(), z.unknown()).nullable(),
}).openapi('RegistryImmigrationNotice');
const Applied = z.object({
  noticeId: z.string().uuid(), changeId: z.string().uuid(), status: z.string(), alreadyApplied: z.boolean(),
  alerts: z.array(z.object({ code: z.string(), message: z.string() }).passthrough()), reasonCode: z.string().optional(), reasonLabel: z.string().optional(),
}).openapi('RegistryImmigrationNoticeApplied');
const Received = z.object({ files: z.number().int(), added: z.number().int(), rematched: z.number().int(), rejected: z.array(z.object({ file: z.string(), reason: z.string() })) })
  .openapi('RegistryImmigrationNoticesReceived');

/** Mounts the routes. */
export function mountImmigrationRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.use('/immigration-notices', requireStaff());
  app.use('/immigration-notices/*', requireStaff());
  app.openapi(createRoute({
    method: 'get', path: '/immigration-notices', tags, security: staffSecurity,
    summary: '未処理の入管通知一覧: the 法務大臣\'s notices not yet done (or all), matched or with the reason why not; each listed person access-logged',
    request: { query: z.object({ which: z.enum(['open', 'all']).optional().openapi({ description: 'open（既定: 処理済みを除く）又は all' }) }) },
    responses: { 200: { description: 'The notices', content: { 'application/json': { schema: z.object({ items: z.array(Notice) }) } } }, ...problems(400, 401, 403) },
  }), async (c) => c.json(await svc.listImmigrationNotices(c.var.actor, c.req.valid('query'), ctx(c)) as never, 200));

  app.openapi(createRoute({
    method: 'post', path: '/immigration-notices/receipts', tags, security: staffSecurity,
    summary: 'Takes in the notices the 入管 file link delivered (each once) and matches them again',
    responses: { 200: { description: 'What was taken in', content: { 'application/json': { schema: Received } } }, ...problems(401, 403) },
  }), async (c) => {
    assertAllowed(c.var.actor, 'registry:immigration-notice');
    return c.json(await svc.receiveImmigrationNotices(c.var.actor.municipalityCode), 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/immigration-notices/{noticeId}/applications', tags, security: staffSecurity,
    summary: '処理: records the 職権 change the notice calls for as 仮登録, linked to it (201); a notice already applied answers its change (200)',
    request: { params: z.object({ noticeId: z.string().uuid() }) },
    responses: {
      201: { description: 'Applied', content: { 'application/json': { schema: Applied } } },
      200: { description: 'Already applied: nothing more was recorded', content: { 'application/json': { schema: Applied } } },
      ...problems(400, 401, 403, 404, 409, 422),
    },
  }), async (c) => {
    const r = await svc.applyImmigrationNotice(c.var.actor, c.req.valid('param').noticeId, ctx(c));
    return c.json(r as never, r.alreadyApplied ? 200 : 201);
  });
}
