// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP of 成年被後見人 (spec §9.4) under /api/v1 (staff with registry:guardianship): a resident's status and notices,
 * a notice recorded by staff, and the 法務局's notice file (text/csv). Mounted by registry.routes.ts.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry'];
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar day');

export const GuardianshipNoticeInput = z.object({
  event: z.enum(['start', 'end']).openapi({ description: 'start 後見開始 / end 後見終了' }),
  effectiveOn: Day.openapi({ description: '効力発生日（審判確定日・終了日）' }),
  registrationNo: z.string().min(1).max(40).openapi({ description: '登記番号' }),
  notifiedOn: Day.openapi({ description: '法務局からの通知日' }),
}).openapi('RegistryGuardianshipNoticeInput');

const Notice = z.object({
  event: z.enum(['start', 'end']), effectiveOn: z.string(), registrationNo: z.string(), notifiedOn: z.string(), source: z.enum(['file', 'staff']), recordedByName: z.string(), recordedAt: z.string(),
}).openapi('RegistryGuardianshipNotice');
const Status = z.object({ under: z.boolean().openapi({ description: '本日時点で成年被後見人か' }), since: z.string().nullable(), notices: z.array(Notice) });

/** Adds the routes (/persons/* needs a staff session, set by the caller; /guardianship-notices/* here). */
export function mountGuardianshipRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openapi(createRoute({
    method: 'get', path: '/persons/{personId}/guardianship', tags, security: staffSecurity, summary: '成年被後見人: status and the 法務局 notices of a resident (registry:guardianship); access-logged',
    request: { params: z.object({ personId: z.string().uuid() }) },
    responses: { 200: json(Status, 'Status'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.guardianshipOfPerson(c.var.actor, c.req.valid('param').personId, ctx(c)), 200));

  app.openapi(createRoute({
    method: 'post', path: '/persons/{personId}/guardianship-notices', tags, security: staffSecurity,
    summary: 'Record a 法務局 notice of 後見開始/終了 (registry:guardianship); the same notice again is answered 200 and not written',
    request: { params: z.object({ personId: z.string().uuid() }), body: { content: { 'application/json': { schema: GuardianshipNoticeInput } }, required: true } },
    responses: { 201: json(Status, 'Recorded'), 200: json(Status, 'Already recorded'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => {
    const { created, ...r } = await svc.recordGuardianshipNotice(c.var.actor, c.req.valid('param').personId, c.req.valid('json'), ctx(c));
    return created ? c.json(r, 201) : c.json(r, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/guardianship-notices/imports', tags, security: staffSecurity,
    summary: "Take in the 法務局's notice file (CSV: 宛名番号,種別(開始|終了),効力発生日,登記番号,通知日 after a header line); all lines or none",
    request: { body: { content: { 'text/csv': { schema: z.string().max(5_000_000) } }, required: true } },
    responses: { 201: json(z.object({ lines: z.number().int(), recorded: z.number().int(), alreadyRecorded: z.number().int() }), 'Imported'), ...problems(400, 401, 403, 422) },
  }), async (c) => c.json(await svc.importGuardianshipFile(c.var.actor, await c.req.text(), ctx(c)), 201));
}
