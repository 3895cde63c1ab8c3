// SPDX-License-Identifier: EUPL-1.2
/** HTTP of a change's forms under /api/v1 (mounted by registry.routes.ts): which apply, print one (recorded). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { CHANGE_FORMS } from './change-forms.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry'];
const Form = z.enum(CHANGE_FORMS).openapi({
  description: 'confirmation 記載内容確認書 (§4.0.9), acceptance-notice 受理通知書 (§4.1.0.3), head-change-notice 世帯主変更通知書 (§4.0.5), ex-officio-record 職権記録書 / ex-officio-notice 職権記載等通知書 (§4.2.0.1), resident-code-notice 住民票コード通知票 (20.4.1, per person)',
});
const ChangeForms = z.object({
  items: z.array(z.object({ form: Form, title: z.string(), personId: z.string().uuid().nullable(), personName: z.string().nullable(), prints: z.number().int().openapi({ description: '印刷回数' }) })),
  prints: z.array(z.object({ form: Form, title: z.string(), personId: z.string().nullable(), printNo: z.number().int(), printedByName: z.string(), printedAt: z.string(), clientIp: z.string() })),
}).openapi('RegistryChangeForms');

/** Adds the form routes (staff sessions are required by the caller for /changes/*). */
export function mountFormRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  const Params = z.object({ changeId: z.string().uuid() });
  app.openapi(createRoute({
    method: 'get', path: '/changes/{changeId}/forms', tags, security: staffSecurity, summary: 'The forms of a change (通知書・確認書) and every print of them',
    request: { params: Params },
    responses: { 200: json(ChangeForms, 'Forms and prints'), ...problems(401, 403, 404) },
  }), async (c) => {
    const id = c.req.valid('param').changeId;
    return c.json({ items: await svc.listChangeForms(c.var.actor, id), prints: await svc.listFormPrints(c.var.actor, id) } as z.infer<typeof ChangeForms>, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/changes/{changeId}/forms/{form}/prints', tags, security: staffSecurity,
    summary: 'Print a form of a change (PDF); the print is recorded (再印刷 from the second) and access-logged per person',
    request: { params: Params.extend({ form: Form }), body: { content: { 'application/json': { schema: z.object({ personId: z.string().uuid().optional().openapi({ description: '住民票コード通知票の対象者' }) }) } }, required: false } },
    responses: { 201: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(400, 401, 403, 404, 422) },
  }), async (c) => {
    const p = c.req.valid('param');
    const body = (c.req.header('content-type') ?? '').includes('json') ? c.req.valid('json') : {};
    const r = await svc.printChangeForm(c.var.actor, p.changeId, p.form, body?.personId, ctx(c));
    return c.body(r.pdf as unknown as ArrayBuffer, 201, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${r.filename}"`, 'cache-control': 'no-store' });
  });
}
