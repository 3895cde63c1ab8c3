// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP of 他業務の資格 (spec §7.2.2) under /api/v1: a business system (連携先, bearer token of the change feed) posts a
 * resident's current eligibility to `POST /registry-feed/eligibility`; staff read a resident's latest of each kind at
 * `GET /persons/{personId}/eligibility`. Mounted by registry.routes.ts.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { ELIGIBILITY_KINDS } from './eligibility-kinds.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar day');

export const EligibilityInput = z.object({
  atenaNo: z.string().regex(/^\d{1,20}$/).openapi({ description: '宛名番号' }),
  kind: z.enum(ELIGIBILITY_KINDS).openapi({ description: '資格の種類: election 選挙人名簿登録, kokuho 国民健康保険, kouki 後期高齢者医療, kaigo 介護保険, nenkin 国民年金, child-allowance 児童手当, mynumber-card マイナンバーカード保有' }),
  eligible: z.boolean().openapi({ description: '資格の有無' }),
  acquiredOn: Day.nullable().optional().openapi({ description: '取得日（資格ありのとき必須）' }),
  lostOn: Day.nullable().optional().openapi({ description: '喪失日（資格なしのとき。取得日以後）' }),
  asOf: z.string().datetime({ offset: true }).openapi({ description: 'この状態の基準日時（ISO 8601）。同じ住民・種類では基準日時の最も新しい報告が最新' }),
}).openapi('RegistryEligibilityInput');

export const EligibilityView = z.object({
  kind: z.enum(ELIGIBILITY_KINDS), label: z.string(), eligible: z.boolean(), acquiredOn: z.string().nullable(), lostOn: z.string().nullable(),
  asOf: z.string(), reportedBy: z.string().openapi({ description: '報告した連携先の名前' }), receivedAt: z.string(),
}).openapi('RegistryEligibility');

const bearer = (c: Context<AppEnv>) => /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];

/** Adds the eligibility routes (the staff route needs a staff session: /persons/* is guarded by the caller). */
export function mountEligibilityRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openapi(createRoute({
    method: 'post', path: '/registry-feed/eligibility', tags: ['registry-feed'], security: [{ feedToken: [] }],
    summary: "A business system reports a resident's current eligibility (他業務の資格); kinds per the consumer's eligibility-* scopes; the same report again is answered 200 and not written",
    request: { body: { content: { 'application/json': { schema: EligibilityInput } }, required: true } },
    responses: { 201: json(z.object({ report: EligibilityView }), 'Recorded'), 200: json(z.object({ report: EligibilityView }), 'Already recorded'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => {
    const r = await svc.reportEligibility(bearer(c), c.req.valid('json'), ctx(c));
    return r.created ? c.json({ report: r.report }, 201) : c.json({ report: r.report }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/persons/{personId}/eligibility', tags: ['registry'], security: staffSecurity,
    summary: "A resident's latest eligibility of each kind reported by other systems, and every report; access-logged",
    request: { params: z.object({ personId: z.string().uuid() }) },
    responses: { 200: json(z.object({ latest: z.array(EligibilityView), history: z.array(EligibilityView) }), 'Eligibility'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.eligibilityOfPerson(c.var.actor, c.req.valid('param').personId, ctx(c)), 200));
}
