// SPDX-License-Identifier: EUPL-1.2
/** HTTP for the access log (administrators of the municipality). */
import { createRoute, z } from '@hono/zod-openapi';
import { requireStaff } from '../../platform/http/middleware.ts';
import { createRouter, problems, staffSecurity } from '../../platform/http/openapi.ts';
import type { AuditService } from './audit.service.ts';
import { analysisCsv } from './access-log-analysis.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { parseCalendarDate } from '../../platform/dates/jp-date.ts';
import { toAsciiDigits } from '../../platform/text/ascii-digits.ts';

const Entry = z.object({
  seq: z.number().int(),
  occurredAt: z.string().datetime(),
  actorType: z.string(),
  actorId: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  purpose: z.string(),
  myNumberAccessed: z.boolean(),
  clientIp: z.string(),
  requestId: z.string(),
  outcome: z.string(),
  /** Restricted items the read showed (spec §10.4): `domicile`, `resident-code`, `residence-status`. */
  disclosedItems: z.array(z.string()),
  /** 入力端末 and place (spec §1.3.1): '' for residents, systems and operators; `unregistered` for staff at no registered terminal. */
  terminalCode: z.string(),
  placeCode: z.string(),
  /** 画面名 of a console request (spec §10.2); '' for the API, systems, operators and residents. */
  screenName: z.string(),
  hash: z.string(),
}).openapi('AccessLogEntry');

/** Mounts the access-log routes. */
export function auditRoutes(services: { audit: AuditService }) {
  const app = createRouter();
  app.use('/access-log-entries', requireStaff());
  app.openapi(createRoute({
    method: 'get', path: '/access-log-entries', tags: ['audit'], summary: 'アクセスログ: who read or changed which record', security: staffSecurity,
    request: { query: z.object({
      subjectType: z.string().max(40).optional(), subjectId: z.string().max(80).optional(), actorId: z.string().max(80).optional(),
      /** A terminal's code, or `unregistered` (spec §1.3.1). */
      terminalCode: z.string().max(40).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100), beforeSeq: z.coerce.number().int().min(1).optional(),
    }) },
    responses: { 200: { description: 'Entries, newest first', content: { 'application/json': { schema: z.object({ items: z.array(Entry) }) } } }, ...problems(400, 401, 403) },
  }), async (c) => {
    const rows = await services.audit.list(c.var.actor, c.req.valid('query'));
    return c.json({ items: rows.map(({ municipalityCode: _m, prevHash: _p, occurredAt, disclosedItems, ...r }) => ({ ...r, occurredAt: occurredAt.toISOString(), disclosedItems: disclosedItems ? disclosedItems.split(',') : [], screenName: r.screenName ?? '' })) }, 200);
  });
  // A calendar day as people type it on the console (和暦 such as 令和8年12月1日) or ISO (YYYY-MM-DD), read as ISO.
  const Day = z.string().max(40).transform((text, ctx) => {
    try { return parseCalendarDate(toAsciiDigits(text.trim())); } catch {
      ctx.addIssue({ code: 'custom', message: '日付が正しくありません（例: 令和8年12月1日）' });
      return z.NEVER;
    }
  }).openapi({ type: 'string', example: '令和8年12月1日' });
  const AnalysisRow = z.object({
    actorType: z.string(), actorId: z.string(), actorName: z.string(), action: z.string(), entries: z.number().int(), persons: z.number().int().openapi({ description: '対象者数（重複なし）' }),
    afterHours: z.number().int().openapi({ description: '時間外（8時前・19時以降・土日）の件数' }), refused: z.number().int(), flags: z.array(z.string()).openapi({ description: 'after-hours, many-persons, refused' }),
  }).openapi('AccessLogAnalysisRow');
  app.use('/access-log-analysis', requireStaff());
  app.openapi(createRoute({
    method: 'get', path: '/access-log-analysis', tags: ['audit'], security: staffSecurity,
    summary: 'アクセスログの分析: per operator and operation over a period — entries, persons, after-hours and refused entries, flags (JSON or CSV)',
    request: { query: z.object({ from: Day, to: Day, format: z.enum(['json', 'csv']).optional() }) },
    responses: { 200: { description: 'The analysis', content: { 'application/json': { schema: z.object({ items: z.array(AnalysisRow) }) }, 'text/csv': { schema: z.string() } } }, ...problems(400, 401, 403, 422) },
  }), async (c) => {
    const q = c.req.valid('query');
    if (q.from > q.to) throw new DomainError('analysis-period-invalid', '期間の開始日が終了日より後です。期間を確認してください', 422, 'from is after to');
    const rows = await services.audit.analyse(c.var.actor, q.from, q.to, { clientIp: c.var.clientIp, requestId: c.var.requestId });
    if (q.format === 'csv') return c.body(analysisCsv(rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="access-log-analysis-${q.from}-${q.to}.csv"` });
    return c.json({ items: rows }, 200);
  });
  return app;
}
