// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP of the 転入/転出 exchange with other municipalities under /api/v1 (mounted by registry.routes.ts): the 特例転入
 * prefill `GET /move-in-prefill?residentCodes=…` and the 転入通知未着一覧 `GET /move-in-notices/overdue?days=…`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { requireStaff } from '../../../platform/http/middleware.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';

const Prefill = z.object({
  kind: z.literal('move-in'),
  fromMunicipalityCode: z.string().openapi({ description: '転出元の市区町村コード' }),
  previousAddress: z.string().openapi({ description: '転入前住所（転出証明書情報の住所）' }),
  plannedMoveOutOn: z.string().openapi({ description: '転出予定年月日' }),
  persons: z.array(z.object({
    residentKind: z.literal('japanese'), birthDate: z.string(), sex: z.enum(['male', 'female']), relationship: z.string(), honseki: z.string(), hittosha: z.string(),
    residentCode: z.string(), familyNameKana: z.string(), givenNameKana: z.string(),
  })).openapi({ description: '転入する方の項目（氏名を除く。氏名はマイナンバーカードで確認して入力）' }),
}).openapi('RegistryMoveInPrefill');
const Overdue = z.object({
  days: z.number().int(),
  items: z.array(z.object({
    personId: z.string().uuid(), atenaNo: z.string(), name: z.string(), destination: z.string().openapi({ description: '転出先（予定）' }),
    plannedMoveOutOn: z.string().openapi({ description: '転出予定年月日（和暦）' }), daysSince: z.number().int(), specialMoveOut: z.boolean(),
  })),
}).openapi('RegistryMoveInNoticesOverdue');
const Query = z.object({
  residentCodes: z.string().max(400).transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{11}$/, '住民票コードは11桁の数字です')).min(1).max(20))
    .openapi({ description: '転入する方の住民票コード（カンマ区切り、同じ世帯）' }),
});

/** Mounts the route. */
export function mountMoveInPrefillRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.use('/move-in-prefill', requireStaff());
  app.use('/move-in-notices/overdue', requireStaff());
  app.openapi(createRoute({
    method: 'get', path: '/move-in-notices/overdue', tags: ['registry'], security: staffSecurity,
    summary: '転入通知未着一覧: persons moved out (国内転出) with no 転入通知 received after the given days; each listed person access-logged',
    request: { query: z.object({ days: z.coerce.number().int().min(0).max(3650).optional().openapi({ description: '転出予定日からの日数（既定 30日）' }) }) },
    responses: { 200: { description: 'The list', content: { 'application/json': { schema: Overdue } } }, ...problems(400, 401, 403) },
  }), async (c) => c.json(await svc.overdueMoveInNotices(c.var.actor, c.req.valid('query'), ctx(c)), 200));

  app.openapi(createRoute({
    method: 'get', path: '/move-in-prefill', tags: ['registry'], security: staffSecurity,
    summary: '特例転入: a 転入 prefilled from the 転出証明書情報 received through the 住基ネット (all items but the name); access-logged',
    request: { query: Query },
    responses: { 200: { description: 'The prefilled 転入', content: { 'application/json': { schema: Prefill } } }, ...problems(400, 401, 403, 404) },
  }), async (c) => c.json(await svc.prefillSpecialMoveIn(c.var.actor, c.req.valid('query').residentCodes, ctx(c)), 200));
}
