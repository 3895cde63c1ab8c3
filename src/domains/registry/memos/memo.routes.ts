// SPDX-License-Identifier: EUPL-1.2
/** HTTP of メモ under /api/v1 (mounted by registry.routes.ts): validate, call the service, present. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';

/** The text of a memo (1–2,000 characters, kept as written). */
const Body = z.string().refine((s) => s.trim().length > 0, 'empty').pipe(z.string().max(2000));

export const MemoInput = z.object({
  /** person (個人票) or household (世帯票). */
  subjectType: z.enum(['person', 'household']),
  subjectId: z.string().uuid(),
  body: Body,
}).openapi('RegistryMemoInput');

/** A change of text: the revision the clerk saw (a newer one answers 409 memo-version-conflict). */
export const MemoRevisionInput = z.object({ body: Body, expectedRevision: z.number().int().min(1) }).openapi('RegistryMemoRevisionInput');
export const MemoDeletionInput = z.object({ expectedRevision: z.number().int().min(1) }).openapi('RegistryMemoDeletionInput');

export const MemoView = z.object({
  memoId: z.string().uuid(), subjectType: z.enum(['person', 'household']), subjectId: z.string().uuid(),
  /** The latest text (a deleted memo keeps its last text in `revisions`). */
  body: z.string(), deleted: z.boolean(), revisionNo: z.number().int(),
  createdBy: z.string(), createdByName: z.string(), createdAt: z.string(), updatedBy: z.string(), updatedByName: z.string(), updatedAt: z.string(),
  revisions: z.array(z.object({ revisionNo: z.number().int(), body: z.string(), deleted: z.boolean(), writtenByName: z.string(), writtenAt: z.string() })),
}).openapi('RegistryMemo');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry'];
const Id = z.object({ memoId: z.string().uuid() });
const ListQuery = z.object({ includeDeleted: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

/** Adds the memo routes to the registry router (staff sessions are required by the caller). */
export function mountMemoRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openapi(createRoute({
    method: 'get', path: '/persons/{personId}/memos', tags, security: staffSecurity, summary: "メモ on a resident and the resident's household, with every revision; access-logged",
    request: { params: z.object({ personId: z.string().uuid() }), query: ListQuery },
    responses: { 200: json(z.object({ items: z.array(MemoView) }), 'Memos'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.memosOfPerson(c.var.actor, c.req.valid('param').personId, ctx(c), c.req.valid('query')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/households/{householdId}/memos', tags, security: staffSecurity, summary: 'メモ on a household, with every revision; access-logged per member',
    request: { params: z.object({ householdId: z.string().uuid() }), query: ListQuery },
    responses: { 200: json(z.object({ items: z.array(MemoView) }), 'Memos'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.memosOfHousehold(c.var.actor, c.req.valid('param').householdId, ctx(c), c.req.valid('query')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/memos', tags, security: staffSecurity, summary: 'Write a メモ on a resident or household (registry:memo; never printed on certificates)',
    request: { body: { content: { 'application/json': { schema: MemoInput } }, required: true } },
    responses: { 201: json(MemoView, 'Written'), ...problems(400, 401, 403, 404) },
  }), async (c) => c.json(await svc.addMemo(c.var.actor, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/memos/{memoId}/revisions', tags, security: staffSecurity,
    summary: "Change a メモ's text: a new revision, earlier ones kept (its writer, or registry:memo-manage)",
    request: { params: Id, body: { content: { 'application/json': { schema: MemoRevisionInput } }, required: true } },
    responses: { 201: json(MemoView, 'Changed'), ...problems(400, 401, 403, 404, 409) },
  }), async (c) => c.json(await svc.reviseMemo(c.var.actor, c.req.valid('param').memoId, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/memos/{memoId}/deletions', tags, security: staffSecurity,
    summary: 'Delete a メモ: a deletion revision, the text stays in its history (its writer, or registry:memo-manage)',
    request: { params: Id, body: { content: { 'application/json': { schema: MemoDeletionInput } }, required: true } },
    responses: { 201: json(MemoView, 'Deleted'), ...problems(400, 401, 403, 404, 409) },
  }), async (c) => c.json(await svc.deleteMemo(c.var.actor, c.req.valid('param').memoId, c.req.valid('json'), ctx(c)), 201));
}
