// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP of the change feed under /api/v1 (mounted by registry.routes.ts). Consumers (other standard systems) pull
 * with their bearer token: `GET /registry-feed/extract` (full) and `GET /registry-feed/changes` (delta from a
 * cursor). Staff with `registry:feed-admin` manage the consumers under `/registry-feed/consumers`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { requireStaff } from '../../../platform/http/middleware.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { CONSUMER_SCOPES, FEED_CONSUMER_KINDS } from './feed-items.ts';
import { CHANGES_PAGE_MAX, EXTRACT_PAGE_MAX } from './feed.service.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry-feed'];
const consumerSecurity = [{ feedToken: [] }];

const Items = z.record(z.string(), z.string()).openapi({
  description: '標準データ項目（住民記録 基本データリスト／中間標準レイアウトの項目名、docs/registry-csv-layout.md と同じ名前）。連携先の提供範囲（scopes）にある項目だけ。住民状態・支援措置対象・証明書発行抑止・連携抑止（0: なし、1: アラート、2: エラー。一時解除は反映しない）は常に含む。連携抑止が2の住民は宛名番号以外を空欄で提供',
});
const FeedRecord = z.object({ historyNo: z.number().int().openapi({ description: '履歴番号' }), items: Items }).openapi('RegistryFeedRecord');
const ExtractPage = z.object({
  cursor: z.string().openapi({ description: 'この抽出が少なくとも反映している変更フィードの位置。最初のページの値を保存し、抽出後に /registry-feed/changes へ渡す' }),
  next: z.string().nullable().openapi({ description: '次のページの after（宛名番号）。null なら最後のページ' }),
  records: z.array(FeedRecord),
}).openapi('RegistryFeedExtractPage');
const ChangesPage = z.object({
  cursor: z.string().openapi({ description: '次に渡す位置（このページの最後の変更の番号）' }),
  hasMore: z.boolean(),
  changes: z.array(z.object({
    seq: z.string(), reasonCode: z.string().openapi({ description: '異動事由コード' }), kind: z.string(), occurredOn: z.string().openapi({ description: '異動年月日' }),
    committedAt: z.string().nullable().openapi({ description: '本登録の日時' }), records: z.array(FeedRecord),
  })),
}).openapi('RegistryFeedChangesPage');
const Consumer = z.object({
  consumerId: z.string().uuid(), name: z.string(), kind: z.enum(FEED_CONSUMER_KINDS), purpose: z.string(), scopes: z.array(z.string()), createdBy: z.string(), createdAt: z.string(),
  revokedBy: z.string().nullable(), revokedAt: z.string().nullable(),
}).openapi('RegistryFeedConsumer');
const ConsumerInput = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).openapi({ description: '連携先の名前（英小文字・数字・ハイフン）、例 tax, kokuho, election' }),
  kind: z.enum(FEED_CONSUMER_KINDS).optional().openapi({ description: '連携先の種別。standard（業務システム、既定）、団体内統合宛名（個人番号を受け取れる唯一の種別。特定個人情報）、戸籍附票（本籍がこの市区町村にある住民だけを受け取り、附票通知を読む）' }),
  purpose: z.string().min(1).max(500).openapi({ description: '利用目的（アクセスログに記録）' }),
  scopes: z.array(z.enum(CONSUMER_SCOPES)).max(CONSUMER_SCOPES.length).openapi({ description: '提供する項目群と登録できる資格（eligibility-<種類>）。basic は常に含む。my-number は団体内統合宛名だけ（常に含む）' }),
}).openapi('RegistryFeedConsumerInput');

const bearer = (c: Context<AppEnv>) => /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];

/** Adds the feed routes to the registry router. */
export function mountFeedRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'feedToken', {
    type: 'http', scheme: 'bearer', description: '連携先トークン（jichi registry consumers add 又は POST /registry-feed/consumers で発行）',
  });
  app.use('/registry-feed/consumers', requireStaff());
  app.use('/registry-feed/consumers/*', requireStaff());

  app.openapi(createRoute({
    method: 'get', path: '/registry-feed/extract', tags, security: consumerSecurity,
    summary: 'Full extract of current (本登録) records in 宛名番号 order, in the consumer\'s item scopes; every record access-logged',
    request: { query: z.object({ after: z.string().max(20).optional(), limit: z.coerce.number().int().min(1).max(EXTRACT_PAGE_MAX).optional() }) },
    responses: { 200: json(ExtractPage, 'A page'), ...problems(400, 401) },
  }), async (c) => c.json(await svc.feedExtract(bearer(c), c.req.valid('query'), ctx(c)), 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-feed/changes', tags, security: consumerSecurity,
    summary: 'Committed (本登録) changes after a cursor, in commit order, gap-free; every record access-logged',
    request: { query: z.object({ cursor: z.string().max(20).optional(), limit: z.coerce.number().int().min(1).max(CHANGES_PAGE_MAX).optional() }) },
    responses: { 200: json(ChangesPage, 'A page'), ...problems(400, 401, 422) },
  }), async (c) => c.json(await svc.feedChanges(bearer(c), c.req.valid('query'), ctx(c)), 200));

  app.openapi(createRoute({
    method: 'post', path: '/registry-feed/consumers', tags, security: staffSecurity, summary: 'Register a consumer (registry:feed-admin); the token is shown once',
    request: { body: { content: { 'application/json': { schema: ConsumerInput } }, required: true } },
    responses: { 201: json(z.object({ consumer: Consumer, token: z.string() }), 'Registered'), ...problems(400, 401, 403, 409, 422) },
  }), async (c) => c.json(await svc.addFeedConsumer(c.var.actor, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'get', path: '/registry-feed/consumers', tags, security: staffSecurity, summary: 'The consumers (registry:feed-admin)',
    responses: { 200: json(z.object({ items: z.array(Consumer) }), 'Consumers'), ...problems(401, 403) },
  }), async (c) => c.json({ items: await svc.listFeedConsumers(c.var.actor) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/registry-feed/consumers/{consumerId}/revocations', tags, security: staffSecurity, summary: 'Revoke a consumer (registry:feed-admin)',
    request: { params: z.object({ consumerId: z.string().uuid() }) },
    responses: { 201: json(Consumer, 'Revoked'), ...problems(401, 403, 404, 409) },
  }), async (c) => c.json(await svc.revokeFeedConsumer(c.var.actor, c.req.valid('param').consumerId, ctx(c)), 201));
}
