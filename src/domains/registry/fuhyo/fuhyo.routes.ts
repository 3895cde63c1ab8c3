// SPDX-License-Identifier: EUPL-1.2
/** HTTP of the 戸籍附票 link (spec §7.2.4): the municipality's 戸籍附票システム (a feed consumer of kind 戸籍附票) reads the 附票 notices of local 本籍 holders. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { FUHYO_PAGE_MAX } from './fuhyo.service.ts';

const FuhyoPage = z.object({
  cursor: z.string().openapi({ description: '次に渡す位置' }), hasMore: z.boolean(),
  notices: z.array(z.object({
    seq: z.string().openapi({ description: '変更フィードの番号（本登録の順）' }), position: z.number().int(), historyNo: z.number().int(),
    items: z.record(z.string(), z.string()).openapi({ description: '附票記載事項通知の項目（氏名、住所、住所を定めた年月日、生年月日、性別、住民票コード、本籍、筆頭者、異動事由コード、異動年月日、消除年月日）' }),
  })),
}).openapi('RegistryFuhyoNoticePage');

const bearer = (c: Context<AppEnv>) => /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];

/** Adds the route. */
export function mountFuhyoRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openapi(createRoute({
    method: 'get', path: '/registry-feed/fuhyo-notices', tags: ['registry-feed'], security: [{ feedToken: [] }],
    summary: '附票記載事項通知 of residents whose 本籍 is in this municipality, in commit order after a cursor (consumer kind 戸籍附票 only); access-logged',
    request: { query: z.object({ cursor: z.string().max(20).optional(), limit: z.coerce.number().int().min(1).max(FUHYO_PAGE_MAX).optional() }) },
    responses: { 200: { description: 'A page', content: { 'application/json': { schema: FuhyoPage } } }, ...problems(400, 401, 403, 422) },
  }), async (c) => c.json(await svc.fuhyoNotices(bearer(c), c.req.valid('query'), ctx(c)), 200));
}
