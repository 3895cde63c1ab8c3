// SPDX-License-Identifier: EUPL-1.2
/** HTTP for the national municipality list and the onboarded tenants. */
import { createRoute, z } from '@hono/zod-openapi';
import { NotFoundError } from '../../platform/http/errors.ts';
import { createRouter, MunicipalityCode, problems } from '../../platform/http/openapi.ts';
import type { TenantService } from './tenants.service.ts';

const MunicipalityView = z.object({
  code: MunicipalityCode,
  prefectureCode: z.string(),
  prefectureName: z.string(),
  name: z.string(),
  nameKana: z.string(),
  class: z.enum(['都道府県', '指定都市', '中核市', '特別区', '一般市', '町村', '行政区']),
  parentCode: z.string().nullable(),
}).openapi('Municipality');

const TenantView = z.object({
  municipalityCode: MunicipalityCode,
  name: z.string(),
  prefectureName: z.string(),
  class: z.string(),
}).openapi('Tenant');

/** Mounts the tenant routes (public reference data: no personal data). */
export function tenantRoutes(services: { tenants: TenantService }) {
  const app = createRouter();

  app.openapi(createRoute({
    method: 'get', path: '/municipalities', tags: ['tenants'], summary: '全国地方公共団体コード: search the national list',
    request: { query: z.object({ prefectureCode: z.string().regex(/^\d{2}$/).optional(), name: z.string().min(1).max(40).optional(), limit: z.coerce.number().int().min(1).max(2000).default(50) }) },
    responses: { 200: { description: 'Matches', content: { 'application/json': { schema: z.object({ items: z.array(MunicipalityView) }) } } }, ...problems(400) },
  }), async (c) => {
    const rows = await services.tenants.searchMunicipalities(c.req.valid('query'));
    return c.json({ items: rows.map(present) }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/municipalities/{code}', tags: ['tenants'], summary: 'One entry of the national list',
    request: { params: z.object({ code: MunicipalityCode }) },
    responses: { 200: { description: 'Found', content: { 'application/json': { schema: MunicipalityView } } }, ...problems(400, 404) },
  }), async (c) => {
    const row = await services.tenants.findMunicipality(c.req.valid('param').code);
    if (!row) throw new NotFoundError('Municipality', '地方公共団体');
    return c.json(present(row), 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/tenants', tags: ['tenants'], summary: 'Municipalities served by this deployment',
    responses: { 200: { description: 'Tenants', content: { 'application/json': { schema: z.object({ items: z.array(TenantView) }) } } } },
  }), async (c) => {
    const list = await services.tenants.list();
    return c.json({ items: list.map((t) => ({ municipalityCode: t.municipalityCode, name: t.name, prefectureName: t.prefectureName, class: t.class })) }, 200);
  });

  return app;
}

function present(r: { code: string; prefectureCode: string; prefectureName: string; name: string; nameKana: string; class: string; parentCode: string | null }) {
  return { ...r, code: r.code.trim(), prefectureCode: r.prefectureCode.trim(), parentCode: r.parentCode?.trim() ?? null, class: r.class as z.infer<typeof MunicipalityView>['class'] };
}
