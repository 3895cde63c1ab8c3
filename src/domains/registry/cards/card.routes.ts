// SPDX-License-Identifier: EUPL-1.2
/** HTTP of the マイナンバーカード and J-LIS requests under /api/v1 (mounted by registry.routes.ts). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { CARD_STATUSES, CERT_KINDS, JLIS_REQUEST_KINDS } from './card-model.ts';

const DateText = z.string().min(4).max(40).openapi({ description: '日付（西暦 YYYY-MM-DD 又は和暦「令和7年4月1日」）' });
const Line = (max: number) => z.string().max(max).refine((v) => !/[\u0000-\u001f\u007f]/.test(v), '使用できない文字（制御文字）が含まれています');

export const MyNumberChangeRequestInput = z.object({ reason: Line(300).refine((v) => v.trim().length > 0, 'empty') }).openapi('RegistryMyNumberChangeRequestInput');
export const CardStatusInput = z.object({
  status: z.enum(CARD_STATUSES), statusOn: DateText, issuedOn: DateText.optional(), expiresOn: DateText.optional(), note: Line(500).optional(),
}).openapi('RegistryCardStatusInput');
export const JpkiCertificateInput = z.object({
  certKind: z.enum(CERT_KINDS), serialNo: z.string().min(1).max(40), event: z.enum(['issued', 'revoked']), eventOn: DateText,
}).openapi('RegistryJpkiCertificateInput');
export const CardDeliveryAddressInput = z.object({
  placeKind: z.enum(['address', 'kyosho']), postalCode: z.string().min(1).max(10), address: Line(300).optional(), addressee: Line(100).optional(), reason: Line(300).optional(),
}).openapi('RegistryCardDeliveryAddressInput');

const Req = z.object({ requestId: z.string().uuid(), kind: z.enum(JLIS_REQUEST_KINDS), status: z.string() });
export const CardView = z.object({
  card: z.object({ status: z.enum(CARD_STATUSES), statusLabel: z.string(), statusOn: z.string(), issuedOn: z.string().nullable(), expiresOn: z.string().nullable() }).nullable(),
  statusHistory: z.array(z.object({ status: z.enum(CARD_STATUSES), statusLabel: z.string(), statusOn: z.string(), issuedOn: z.string().nullable(), expiresOn: z.string().nullable(),
    source: z.enum(['cs-notice', 'staff']), note: z.string(), recordedAt: z.string() })),
  deliveryAddresses: z.array(z.object({ placeKind: z.enum(['address', 'kyosho']), postalCode: z.string(), address: z.string(), addressee: z.string(), reason: z.string(), recordedAt: z.string() })),
  /** Serial numbers are `＊＊＊＊` without registry:view-jpki-serial. */
  certificates: z.array(z.object({ certKind: z.enum(CERT_KINDS), certKindLabel: z.string(), serialNo: z.string(), issuedOn: z.string().nullable(), revokedOn: z.string().nullable() })),
  serialsMasked: z.boolean(),
  /** The 符号 itself is never shown. */
  token: z.object({ status: z.enum(['none', 'requested', 'received', 'refused']), receivedAt: z.string().nullable(), requestedAt: z.string().nullable() }),
  requests: z.array(z.object({ kind: z.enum(JLIS_REQUEST_KINDS), status: z.string(), createdAt: z.string(), sentAt: z.string().nullable(), answeredAt: z.string().nullable(), answer: z.string().nullable() })),
}).openapi('RegistryCardView');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const tags = ['registry'];
const Person = z.object({ personId: z.string().uuid() });

/** Adds the card routes to the registry router (staff sessions are required by the caller). */
export function mountCardRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openapi(createRoute({
    method: 'get', path: '/persons/{personId}/card', tags, security: staffSecurity,
    summary: "A resident's マイナンバーカード: status and history, 送付先, JPKI certificates, 符号 (status only), J-LIS requests; access-logged",
    request: { params: Person }, responses: { 200: json(CardView, 'Card'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.cardOfPerson(c.var.actor, c.req.valid('param').personId, ctx(c)), 200));

  app.openapi(createRoute({
    method: 'post', path: '/persons/{personId}/my-number-change-requests', tags, security: staffSecurity,
    summary: '個人番号の変更請求 to J-LIS through the 住基ネット CS; the answer (new number) is recorded as C20 (registry:card)',
    request: { params: Person, ...body(MyNumberChangeRequestInput) }, responses: { 201: json(Req, 'Queued'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.requestMyNumberChange(c.var.actor, c.req.valid('param').personId, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/persons/{personId}/token-requests', tags, security: staffSecurity,
    summary: '符号取得 for the 情報提供ネットワークシステム (registry:card); one open request at a time',
    request: { params: Person }, responses: { 201: json(Req, 'Queued'), ...problems(401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.requestToken(c.var.actor, c.req.valid('param').personId, ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/persons/{personId}/card-statuses', tags, security: staffSecurity,
    summary: "Record the マイナンバーカード's status (申請中・交付済・一時停止・失効・廃止・返納) with 交付日 and 有効期限; history kept (registry:card)",
    request: { params: Person, ...body(CardStatusInput) }, responses: { 201: json(z.object({ recorded: z.boolean() }), 'Recorded'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.recordCardStatus(c.var.actor, c.req.valid('param').personId, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/persons/{personId}/card-delivery-addresses', tags, security: staffSecurity,
    summary: '送付先情報 (the address or a 居所) for the card, sent to J-LIS; history kept (registry:card)',
    request: { params: Person, ...body(CardDeliveryAddressInput) }, responses: { 201: json(z.object({ requestId: z.string().uuid() }), 'Recorded'), ...problems(400, 401, 403, 404, 422) },
  }), async (c) => c.json(await svc.setCardDeliveryAddress(c.var.actor, c.req.valid('param').personId, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/persons/{personId}/jpki-certificates', tags, security: staffSecurity,
    summary: "Record a JPKI certificate's 発行 or 失効 with its serial number (registry:card)",
    request: { params: Person, ...body(JpkiCertificateInput) }, responses: { 201: json(z.object({ recorded: z.boolean() }), 'Recorded'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc.recordJpkiCertificate(c.var.actor, c.req.valid('param').personId, c.req.valid('json'), ctx(c)), 201));
}
