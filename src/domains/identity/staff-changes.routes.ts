// SPDX-License-Identifier: EUPL-1.2
/** HTTP for booked roles changes and bulk maintenance of staff accounts (spec §10.3) under /api/v1 (administrators). */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { requireStaff } from '../../platform/http/middleware.ts';
import { createRouter, problems, staffSecurity } from '../../platform/http/openapi.ts';
import type { Services } from '../../services.ts';
import { StaffIdParams } from './identity.schema.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const RoleChangeInput = z.object({
  effectiveOn: Day.openapi({ description: 'The day the roles take effect (after today)', example: '2027-04-01' }),
  roles: z.array(z.string().max(20)).min(1).max(6).openapi({ example: ['reviewer'] }),
}).openapi('StaffRoleChangeInput');
const RoleChange = z.object({ changeId: z.string().uuid(), effectiveOn: Day, roles: z.array(z.string()), applied: z.boolean() }).openapi('StaffRoleChange');
const BulkInput = z.object({
  mode: z.enum(['trial', 'run']).openapi({ description: 'trial: check and report, nothing written; run: apply when every row is right' }),
  csv: z.string().max(500_000).openapi({ description: 'CSV with the header 職員ID,役割,有効期間開始日,有効期間終了日,適用日 (roles separated by ・; days 西暦 or 和暦; an empty 適用日 is today)' }),
}).openapi('StaffBulkInput');
const BulkRow = z.object({
  line: z.number().int(), loginId: z.string(), roles: z.array(z.string()), validFrom: Day.nullable(), validTo: Day.nullable(), effectiveOn: Day,
  action: z.enum(['now', 'booked', 'unchanged']), problems: z.array(z.string()),
}).openapi('StaffBulkRow');
const BulkResult = z.object({ mode: z.enum(['trial', 'run']), applied: z.boolean(), rows: z.array(BulkRow) }).openapi('StaffBulkResult');

/** Mounts the routes. */
export function staffChangeRoutes(services: Services) {
  const app = createRouter();
  const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });
  app.use('/staff/*', requireStaff());
  app.use('/staff-bulk-maintenance', requireStaff());

  app.openapi(createRoute({
    method: 'post', path: '/staff/{staffId}/role-changes', tags: ['identity'], security: staffSecurity,
    summary: "Book a change of a staff account's roles for a later day (予約変更; administrators); the same booking again changes nothing",
    request: { params: StaffIdParams, body: { content: { 'application/json': { schema: RoleChangeInput } }, required: true } },
    responses: { 201: { description: 'Booked', content: { 'application/json': { schema: z.object({ changeId: z.string().uuid() }) } } },
      200: { description: 'Already booked', content: { 'application/json': { schema: z.object({ changeId: z.string().uuid() }) } } }, ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => {
    const r = await services.staffChanges.book(c.var.actor, c.req.valid('param').staffId, c.req.valid('json'), ctx(c));
    return r.created ? c.json({ changeId: r.changeId }, 201) : c.json({ changeId: r.changeId }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/staff/{staffId}/role-changes', tags: ['identity'], security: staffSecurity,
    summary: "A staff account's booked and applied roles changes (administrators)",
    request: { params: StaffIdParams },
    responses: { 200: { description: 'Changes', content: { 'application/json': { schema: z.object({ items: z.array(RoleChange) }) } } }, ...problems(401, 403) },
  }), async (c) => c.json({ items: await services.staffChanges.list(c.var.actor, c.req.valid('param').staffId) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/staff-bulk-maintenance', tags: ['identity'], security: staffSecurity,
    summary: 'Bulk maintenance of staff roles and validity from a CSV (一括保守; administrators): trial, then run',
    request: { body: { content: { 'application/json': { schema: BulkInput } }, required: true } },
    responses: { 200: { description: 'Report (trial) or applied (run)', content: { 'application/json': { schema: BulkResult } } }, ...problems(400, 401, 403, 422) },
  }), async (c) => {
    const { mode, csv } = c.req.valid('json');
    return c.json(await services.staffChanges.bulk(c.var.actor, csv, mode, ctx(c)), 200);
  });
  return app;
}
