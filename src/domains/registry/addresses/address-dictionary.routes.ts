// SPDX-License-Identifier: EUPL-1.2
/** HTTP of the national address dictionary under /api/v1 (mounted by registry.routes.ts): 都道府県 → 市区町村 → 町字, 郵便番号. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';

const tags = ['registry'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const DictTown = z.object({
  code: z.string(), name: z.string(), kana: z.string(), postalCode: z.string().nullable(),
  addressCode: z.string().nullable().openapi({ description: '住所コード (11 digits: 市区町村コード 5 + 大字 3 + 小字 3, spec v1.0 §1.3.3)' }),
}).openapi('RegistryDictionaryTown');
const Prefix = z.object({ prefix: z.string().max(50).optional() });

/** Adds the national-dictionary routes to the registry router (staff sessions are required by the caller). */
export function mountAddressDictionaryRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService) {
  app.openapi(createRoute({
    method: 'get', path: '/registry-address-dictionary/prefectures', tags, security: staffSecurity, summary: '都道府県 of the national list (address dictionary, first level)',
    responses: { 200: json(z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), kana: z.string() })) }).openapi('RegistryDictionaryPrefectures'), 'Prefectures'), ...problems(401, 403) },
  }), async (c) => c.json(await svc.listPrefectures(c.var.actor), 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-address-dictionary/prefectures/{prefecture}/municipalities', tags, security: staffSecurity,
    summary: '市区町村 of a 都道府県 (national list of 全国地方公共団体コード); `prefix` by reading or name; `townsLoaded` when its 町字 can be picked',
    request: { params: z.object({ prefecture: z.string().max(2) }), query: Prefix },
    responses: {
      200: json(z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), kana: z.string(), class: z.string(), townsLoaded: z.boolean() })) }).openapi('RegistryDictionaryMunicipalities'), 'Municipalities'),
      ...problems(401, 403, 422),
    },
  }), async (c) => c.json(await svc.listMunicipalities(c.var.actor, c.req.valid('param').prefecture, c.req.valid('query').prefix), 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-address-dictionary/municipalities/{municipalityCode}/towns', tags, security: staffSecurity,
    summary: '町字 of a municipality whose ABR 町字マスター is loaded (any municipality), with 住所コード; `prefix` by reading or name',
    request: { params: z.object({ municipalityCode: z.string().max(6) }), query: Prefix },
    responses: {
      200: json(z.object({ municipality: z.object({ code: z.string(), name: z.string() }), loaded: z.boolean(), items: z.array(DictTown) }).openapi('RegistryDictionaryTowns'), 'Towns'),
      ...problems(401, 403, 422),
    },
  }), async (c) => c.json(await svc.listDictionaryTowns(c.var.actor, c.req.valid('param').municipalityCode, c.req.valid('query').prefix), 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-address-dictionary/postal-codes/{postalCode}', tags, security: staffSecurity,
    summary: '郵便番号 → 都道府県・市区町村・町域 (and 町字) in every municipality loaded into the dictionary',
    request: { params: z.object({ postalCode: z.string().max(10) }) },
    responses: {
      200: json(z.object({ postalCode: z.string(), items: z.array(z.object({
        prefectureCode: z.string(), prefectureName: z.string(), municipalityCode: z.string(), municipalityName: z.string(), areaName: z.string(), areaKana: z.string(), town: DictTown.nullable(),
      })) }).openapi('RegistryDictionaryPostalCode'), 'Areas'),
      ...problems(401, 403, 404, 422),
    },
  }), async (c) => c.json(await svc.lookupNationalPostalCode(c.var.actor, c.req.valid('param').postalCode), 200));
}
