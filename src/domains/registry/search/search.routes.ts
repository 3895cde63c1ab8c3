// SPDX-License-Identifier: EUPL-1.2
/** HTTP of the search history (spec §2.1.1) under /api/v1 (mounted by registry.routes.ts). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { PersonHit } from '../registry.schema.ts';

const Criteria = z.record(z.string(), z.unknown()).openapi({ description: 'The criteria as searched (a 個人番号 is never kept: `myNumberUsed` only)' });

export const SearchHistoryEntry = z.object({
  searchId: z.string().uuid(), criteria: Criteria,
  /** The criteria in Japanese, e.g. 「氏名「やまだ」（部分一致）、除票を含む」. */
  summary: z.string(), hitCount: z.number().int(), times: z.number().int(), searchedAt: z.string(),
  /** False for a search by 個人番号 (the number is not kept). */
  rerunnable: z.boolean(),
}).openapi('RegistrySearchHistoryEntry');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry'];

/** Adds the search history routes to the registry router (staff sessions are required by the caller). */
export function mountSearchHistoryRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openapi(createRoute({
    method: 'get', path: '/search-history', tags, security: staffSecurity,
    summary: "The signed-in staff member's own recent searches (criteria only, never results), newest first",
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }) },
    responses: { 200: json(z.object({ items: z.array(SearchHistoryEntry) }), 'History'), ...problems(400, 401, 403) },
  }), async (c) => c.json({ items: await svc.searchHistory(c.var.actor, c.req.valid('query').limit) }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/search-history/{searchId}/hits', tags, security: staffSecurity,
    summary: 'Run one of your searches again: the hits now (each access-logged)',
    request: { params: z.object({ searchId: z.string().uuid() }) },
    responses: { 200: json(z.object({ criteria: Criteria, items: z.array(PersonHit) }), 'Hits'), ...problems(401, 403, 404, 422) },
  }), async (c) => {
    const r = await svc.rerunSearch(c.var.actor, c.req.valid('param').searchId, ctx(c));
    return c.json({ criteria: r.criteria as Record<string, unknown>, items: r.hits }, 200);
  });
}
