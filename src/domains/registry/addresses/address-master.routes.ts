// SPDX-License-Identifier: EUPL-1.2
/** HTTP of the address masters under /api/v1 (mounted by registry.routes.ts): 町字, 郵便番号, 住居表示・地番, 方書. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';

const tags = ['registry'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export const TownView = z.object({
  /** 町字コード: the ABR 町字ID when the master was loaded from the ABR. */
  code: z.string(), name: z.string(), kana: z.string(), postalCode: z.string().nullable(), abrMachiazaId: z.string().nullable(), residenceIndication: z.boolean(),
}).openapi('RegistryTown');
export const TownsView = z.object({ attribution: z.string(), items: z.array(TownView) }).openapi('RegistryTowns');
const TownParams = z.object({ townCode: z.string().regex(/^\d{7}$/) });
const PostalParams = z.object({ postalCode: z.string().max(10) });
const PostalView = z.object({ postalCode: z.string(), items: z.array(z.object({ areaName: z.string(), areaKana: z.string(), town: TownView.nullable() })) }).openapi('RegistryPostalCode');
const Kind = z.enum(['residence', 'lot']).openapi({ description: 'residence: 住居表示（街区符号・住居番号）, lot: 地番' });
const AddressNumbersView = z.object({ town: TownView, items: z.array(z.object({ kind: Kind, label: z.string(), sortCode: z.string(), abolishedOn: z.string().nullable() })) }).openapi('RegistryAddressNumbers');
const AddressNumbersInput = z.object({ kind: Kind, labels: z.array(z.string().min(1).max(50)).min(1).max(2000) }).openapi('RegistryAddressNumbersInput');
const KatagakiInput = z.object({ banchi: z.string().min(1).max(100), name: z.string().min(1).max(200), nameKana: z.string().max(200).optional() }).openapi('RegistryKatagakiInput');
const KatagakiView = z.object({ banchi: z.string(), name: z.string(), nameKana: z.string() }).openapi('RegistryKatagaki');

/** Adds the address-master routes to the registry router (staff sessions are required by the caller). */
export function mountAddressMasterRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService) {
  app.openapi(createRoute({
    method: 'get', path: '/registry-towns', tags, security: staffSecurity,
    summary: '町字マスター of the municipality (loaded by `jichi registry addresses load`); `prefix` filters by reading (カナ) or name',
    request: { query: z.object({ prefix: z.string().max(50).optional() }) },
    responses: { 200: json(TownsView, 'Towns'), ...problems(401, 403) },
  }), async (c) => c.json(await svc.listTowns(c.var.actor, { prefix: c.req.valid('query').prefix }), 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-postal-codes/{postalCode}', tags, security: staffSecurity, summary: '郵便番号 → 町域 and 町字 of the municipality (postal-code input)',
    request: { params: PostalParams },
    responses: { 200: json(PostalView, 'Areas of the postal code'), ...problems(401, 403, 404, 422) },
  }), async (c) => c.json(await svc.lookupPostalCode(c.var.actor, c.req.valid('param').postalCode), 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-towns/{townCode}/address-numbers', tags, security: staffSecurity, summary: '住居表示・地番 master of a 町字, in numeric order',
    request: { params: TownParams, query: z.object({ kind: Kind.optional() }) },
    responses: { 200: json(AddressNumbersView, 'Address numbers'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.listAddressNumbers(c.var.actor, c.req.valid('param').townCode, c.req.valid('query').kind), 200));

  app.openapi(createRoute({
    method: 'post', path: '/registry-towns/{townCode}/address-numbers', tags, security: staffSecurity,
    summary: 'Registers 住居表示 (「1番2号」) or 地番 (「1234番地5」) of a 町字; registered ones are kept (safe to repeat)',
    request: { params: TownParams, body: { content: { 'application/json': { schema: AddressNumbersInput } }, required: true } },
    responses: { 200: json(z.object({ added: z.number().int(), total: z.number().int() }), 'Registered'), ...problems(400, 401, 403, 404, 422) },
  }), async (c) => c.json(await svc.addAddressNumbers(c.var.actor, c.req.valid('param').townCode, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-towns/{townCode}/katagaki', tags, security: staffSecurity, summary: '方書 master of a 町字 (building names per 番地)',
    request: { params: TownParams, query: z.object({ banchi: z.string().max(100).optional() }) },
    responses: { 200: json(z.object({ items: z.array(KatagakiView) }), '方書'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.listKatagaki(c.var.actor, c.req.valid('param').townCode, c.req.valid('query').banchi), 200));

  app.openapi(createRoute({
    method: 'post', path: '/registry-towns/{townCode}/katagaki', tags, security: staffSecurity, summary: 'Registers a 方書 at a 町字 and 番地 (safe to repeat: 200 when registered already)',
    request: { params: TownParams, body: { content: { 'application/json': { schema: KatagakiInput } }, required: true } },
    responses: { 201: json(KatagakiView, 'Registered'), 200: json(KatagakiView, 'Registered already'), ...problems(400, 401, 403, 404, 422) },
  }), async (c) => {
    const { created, townCode: _t, ...view } = await svc.addKatagaki(c.var.actor, c.req.valid('param').townCode, c.req.valid('json'));
    return created ? c.json(view, 201) : c.json(view, 200);
  });
}
