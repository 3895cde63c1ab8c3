// SPDX-License-Identifier: EUPL-1.2
/** HTTP of cases (案件) under /api/v1: validate, call the service, present. No rules here. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { requireStaff } from '../../platform/http/middleware.ts';
import { createRouter, problems, staffSecurity } from '../../platform/http/openapi.ts';
import type { CasesModule } from './cases.module.ts';
import {
  AssignmentInput, AttachmentInput, CaseEventView, CaseIdParams, CaseQuery, CaseSubmission, CaseSummary, CaseTypeIdParams, CaseTypeVersionInput, CaseTypeView, CaseView,
  ClosureDayInput, CorrectionAnswerInput, CorrectionIdParams, CorrectionInput, DecisionInput, ExtensionInput, NoteInput, OcelQuery, ReplayView, StatusChangeInput,
} from './cases.schema.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const tags = ['cases'];
const IdempotencyHeader = z.object({
  'idempotency-key': z.string().min(8).max(255).optional().openapi({ description: 'Idempotency-Key (platform middleware): the same key (per staff member, for a day) answers the first result' }),
});
const Created = z.object({ caseId: z.string().uuid(), caseNo: z.string(), statusCode: z.string(), legalDueOn: z.string().nullable(), targetDueOn: z.string().nullable() }).openapi('CaseCreated');
const ReviewIdParams = CaseIdParams.extend({ reviewId: z.string().uuid().openapi({ param: { name: 'reviewId', in: 'path' } }) });
const ClosureDay = z.object({ day: z.string(), label: z.string() });
const ClosureDaysChanged = z.object({ items: z.array(ClosureDay), recomputedCases: z.number().int() });
const ClosureDayParams = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ param: { name: 'day', in: 'path' }, description: '閉庁日（西暦 YYYY-MM-DD）' }) });

/** Mounts the cases routes. */
export function casesRoutes(services: CasesModule) {
  const app = createRouter();
  const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });
  for (const p of ['/case-types', '/case-types/*', '/cases', '/cases/*', '/case-approvals', '/case-closure-days', '/case-events/*']) app.use(p, requireStaff());
  const svc = () => services.cases;
  const view = (v: unknown) => v as z.infer<typeof CaseView>;

  app.openapi(createRoute({
    method: 'get', path: '/case-types', tags, security: staffSecurity, summary: 'Case types (手続定義), every version',
    responses: { 200: json(z.object({ items: z.array(CaseTypeView) }), 'Case types'), ...problems(401, 403) },
  }), async (c) => c.json({ items: await services.caseTypes.listCaseTypes(c.var.actor) as Array<z.infer<typeof CaseTypeView>> }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/case-types/{caseTypeId}', tags, security: staffSecurity, summary: 'One case-type version',
    request: { params: CaseTypeIdParams },
    responses: { 200: json(CaseTypeView, 'The case type'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await services.caseTypes.getCaseType(c.var.actor, c.req.valid('param').caseTypeId) as z.infer<typeof CaseTypeView>, 200));

  app.openapi(createRoute({
    method: 'post', path: '/case-types/{caseTypeId}/versions', tags, security: staffSecurity, summary: "A new draft version with the municipality's configuration (periods, queue, fee)",
    request: { params: CaseTypeIdParams, ...body(CaseTypeVersionInput) },
    responses: { 201: json(CaseTypeView, 'Draft created'), ...problems(400, 401, 403, 404, 422) },
  }), async (c) => c.json(await services.caseTypes.createVersion(c.var.actor, c.req.valid('param').caseTypeId, c.req.valid('json')) as z.infer<typeof CaseTypeView>, 201));

  app.openapi(createRoute({
    method: 'post', path: '/case-types/{caseTypeId}/publications', tags, security: staffSecurity, summary: 'Publish a draft version (the previous one ends the day before)',
    request: { params: CaseTypeIdParams },
    responses: { 201: json(CaseTypeView, 'Published'), ...problems(401, 403, 404, 409) },
  }), async (c) => c.json(await services.caseTypes.publish(c.var.actor, c.req.valid('param').caseTypeId) as z.infer<typeof CaseTypeView>, 201));

  app.openapi(createRoute({
    method: 'get', path: '/case-closure-days', tags, security: staffSecurity, summary: "The municipality's closure days (閉庁日)",
    responses: { 200: json(z.object({ items: z.array(ClosureDay) }), 'Closure days'), ...problems(401, 403) },
  }), async (c) => c.json({ items: await services.caseTypes.listClosureDays(c.var.actor) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/case-closure-days', tags, security: staffSecurity, summary: 'Add a closure day (閉庁日)',
    request: body(ClosureDayInput),
    responses: { 201: json(ClosureDaysChanged, 'Closure days; the open cases whose due dates moved'), ...problems(400, 401, 403) },
  }), async (c) => c.json(await services.caseTypes.addClosureDay(c.var.actor, c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'delete', path: '/case-closure-days/{day}', tags, security: staffSecurity,
    summary: 'Remove a closure day (閉庁日); the due dates of open cases are recomputed. Idempotent (removed: false when it was not one)',
    request: { params: ClosureDayParams },
    responses: { 200: json(ClosureDaysChanged.extend({ removed: z.boolean() }), 'Closure days; the open cases whose due dates moved'), ...problems(400, 401, 403) },
  }), async (c) => c.json(await services.caseTypes.removeClosureDay(c.var.actor, c.req.valid('param').day), 200));

  app.openapi(createRoute({
    method: 'post', path: '/cases', tags, security: staffSecurity,
    summary: 'Submit an application: it becomes a case (受付) and is reviewed automatically; Idempotency-Key accepted',
    request: { headers: IdempotencyHeader, ...body(CaseSubmission) },
    responses: { 201: json(Created, 'Case opened'), ...problems(400, 401, 403, 404, 422) },
  }), async (c) => c.json(await svc().submit(c.var.actor, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'get', path: '/cases', tags, security: staffSecurity, summary: 'Queues of cases (filters: view, queue, type, status, assignee, due date); access-logged',
    request: { query: CaseQuery },
    responses: { 200: json(z.object({ items: z.array(CaseSummary) }), 'Cases'), ...problems(400, 401, 403) },
  }), async (c) => c.json({ items: await svc().list(c.var.actor, c.req.valid('query'), ctx(c)) }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/cases/{caseId}', tags, security: staffSecurity, summary: 'A case with its data, checks, history, notes, correspondence and decision; access-logged',
    request: { params: CaseIdParams },
    responses: { 200: json(CaseView, 'The case'), ...problems(401, 403, 404) },
  }), async (c) => c.json(view(await svc().get(c.var.actor, c.req.valid('param').caseId, ctx(c))), 200));

  app.openapi(createRoute({
    method: 'post', path: '/cases/{caseId}/status-changes', tags, security: staffSecurity, summary: 'Move the status (closing goes through decisions)',
    request: { params: CaseIdParams, ...body(StatusChangeInput) },
    responses: { 201: json(CaseView, 'The case'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(view(await svc().changeStatus(c.var.actor, c.req.valid('param').caseId, c.req.valid('json'), ctx(c))), 201));

  app.openapi(createRoute({
    method: 'post', path: '/cases/{caseId}/assignments', tags, security: staffSecurity, summary: 'Assign to a queue and/or a staff member',
    request: { params: CaseIdParams, ...body(AssignmentInput) },
    responses: { 201: json(CaseView, 'The case'), ...problems(400, 401, 403, 404, 409) },
  }), async (c) => c.json(view(await svc().assign(c.var.actor, c.req.valid('param').caseId, c.req.valid('json'), ctx(c))), 201));

  app.openapi(createRoute({
    method: 'post', path: '/cases/{caseId}/notes', tags, security: staffSecurity, summary: 'Add an internal note',
    request: { params: CaseIdParams, ...body(NoteInput) },
    responses: { 201: json(z.object({ noteId: z.string().uuid() }), 'Added'), ...problems(400, 401, 403, 404) },
  }), async (c) => c.json(await svc().addNote(c.var.actor, c.req.valid('param').caseId, c.req.valid('json').body, ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/cases/{caseId}/corrections', tags, security: staffSecurity, summary: 'Request a correction (補正) from the applicant; the legal clock stops',
    request: { params: CaseIdParams, ...body(CorrectionInput) },
    responses: { 201: json(z.object({ correctionId: z.string().uuid() }), 'Requested'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(await svc().requestCorrection(c.var.actor, c.req.valid('param').caseId, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/cases/{caseId}/corrections/{correctionId}/answers', tags, security: staffSecurity,
    summary: "Record the applicant's answer to a 補正; the clock restarts and the automatic review runs again",
    request: { params: CorrectionIdParams, ...body(CorrectionAnswerInput) },
    responses: { 201: json(CaseView, 'The case'), ...problems(400, 401, 403, 404, 409) },
  }), async (c) => {
    const p = c.req.valid('param');
    return c.json(view(await svc().answerCorrection(c.var.actor, p.caseId, p.correctionId, c.req.valid('json'), ctx(c))), 201);
  });

  app.openapi(createRoute({
    method: 'post', path: '/cases/{caseId}/extensions', tags, security: staffSecurity, summary: 'Extend the processing period (延長) by business days',
    request: { params: CaseIdParams, ...body(ExtensionInput) },
    responses: { 201: json(CaseView, 'The case'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(view(await svc().extend(c.var.actor, c.req.valid('param').caseId, c.req.valid('json'), ctx(c))), 201));

  app.openapi(createRoute({
    method: 'post', path: '/cases/{caseId}/decisions', tags, security: staffSecurity,
    summary: 'Decide (approve, reject with reasons, withdraw); an approval writes its effect (e.g. the registry change as 仮登録) in the same transaction',
    request: { params: CaseIdParams, ...body(DecisionInput) },
    responses: { 201: json(CaseView, 'The case'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => c.json(view(await svc().decide(c.var.actor, c.req.valid('param').caseId, c.req.valid('json'), ctx(c))), 201));

  app.openapi(createRoute({
    method: 'post', path: '/case-approvals', tags, security: staffSecurity,
    summary: '一括承認 where safe: approves each open case whose automatic review passed every check (one transaction each, at most 100); a decided case is reported as already, never decided twice',
    request: body(z.object({ caseIds: z.array(z.string().uuid()).min(1).max(100) }).openapi('CaseBulkApprovalInput')),
    responses: { 200: json(z.object({ items: z.array(z.object({ caseId: z.string().uuid(), result: z.enum(['approved', 'already', 'skipped']), message: z.string().optional() })) }), 'Per case: approved, already decided, or skipped with the reason'), ...problems(400, 401, 403) },
  }), async (c) => c.json({ items: await svc().approveClean(c.var.actor, c.req.valid('json').caseIds, ctx(c)) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/cases/{caseId}/attachments', tags, security: staffSecurity, summary: 'Add an attachment (添付書類, base64, up to 1 MiB)',
    request: { params: CaseIdParams, ...body(AttachmentInput) },
    responses: { 201: json(z.object({ attachmentId: z.string().uuid(), sha256: z.string(), byteSize: z.number().int() }), 'Added'), ...problems(400, 401, 403, 404, 413) },
  }), async (c) => c.json(await svc().attach(c.var.actor, c.req.valid('param').caseId, c.req.valid('json'), ctx(c)), 201));

  app.openapi(createRoute({
    method: 'post', path: '/cases/{caseId}/reviews', tags, security: staffSecurity, summary: 'Run the automatic review again now',
    request: { params: CaseIdParams },
    responses: { 201: json(CaseView, 'The case'), ...problems(401, 403, 404, 409) },
  }), async (c) => c.json(view(await svc().rerunReview(c.var.actor, c.req.valid('param').caseId, ctx(c))), 201));

  app.openapi(createRoute({
    method: 'get', path: '/cases/{caseId}/reviews/{reviewId}/replay', tags, security: staffSecurity, summary: 'Replay a stored automatic review on its stored inputs',
    request: { params: ReviewIdParams },
    responses: { 200: json(ReplayView, 'Replay'), ...problems(401, 403, 404) },
  }), async (c) => {
    const p = c.req.valid('param');
    return c.json(await svc().replayReview(c.var.actor, p.caseId, p.reviewId, ctx(c)) as z.infer<typeof ReplayView>, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/cases/{caseId}/events', tags, security: staffSecurity, summary: 'The event log of a case',
    request: { params: CaseIdParams },
    responses: { 200: json(z.object({ items: z.array(CaseEventView) }), 'Events'), ...problems(401, 403, 404) },
  }), async (c) => c.json({ items: await services.caseEvents.caseEvents(c.var.actor, c.req.valid('param').caseId, ctx(c)) as Array<z.infer<typeof CaseEventView>> }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/case-events/ocel', tags, security: staffSecurity, summary: 'The case event log as OCEL 2.0 JSON, valid against the official schema (objects: case, person, household, registry change, certificate, application)',
    request: { query: OcelQuery },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'OCEL 2.0 JSON'), ...problems(400, 401, 403) },
  }), async (c) => c.json(await services.caseEvents.ocel(c.var.actor, c.req.valid('query'), ctx(c)) as unknown as Record<string, unknown>, 200));

  return app;
}
