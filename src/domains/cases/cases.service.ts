// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases of cases (案件): submit an application as a case, queues, the case page, and the staff's actions
 * (assign, note, 補正, extension, decision, re-review). Owns the tenant transaction, authorisation (platform
 * permissions, then the case type's roles), and the access log.
 */
import crypto from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError, ForbiddenError, ValidationError } from '../../platform/http/errors.ts';
import { withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { InvalidLegalDateError, parseLegalDate } from '../registry/index.ts';
import type { CaseEngine, CaseType, Operator } from './case-engine.ts';
import type { JobRunner } from './case-jobs.ts';
import type { CaseReview, RequestContext } from './case-review.ts';
import type { CaseRow, CasesRepository } from './cases.repository.ts';
import { CASE_DATA_SCHEMAS, type CaseQuery, type CaseSubmission } from './cases.schema.ts';
import { fail } from './cases-errors.ts';
import { presentCase, presentSummary } from './cases.presenter.ts';

/** An answer to a 補正: a message, corrected data (replacing the submitted keys given), corrected subjects. */
export interface CorrectionAnswer { message: string; data?: Record<string, unknown>; subjects?: CaseSubmission['subjects'] }

export interface CasesDeps {
  db: Database;
  clock: Clock;
  repo: CasesRepository;
  engine: CaseEngine;
  review: CaseReview;
  jobs: JobRunner;
  accessLog: AccessLogRepository;
}

const staffOp = (actor: Actor): Operator => ({ type: 'staff', id: actor.staffId });

/** May the actor work on cases at all (platform permissions)? */
function assertCaseStaff(actor: Actor) {
  if (!can(actor, 'cases:handle') && !can(actor, 'cases:decide')) throw new ForbiddenError('cases:handle');
}

/** May the actor handle (or decide) cases of this type (the case type's roles)? */
function assertHandler(actor: Actor, type: CaseType) {
  assertCaseStaff(actor);
  if (!actor.roles.some((r) => type.handlerRoles.includes(r) || type.deciderRoles.includes(r))) fail('not-a-handler');
}

/** Parses a stated birth date to its sort key. */
function birthSort(text: string, field: string): string {
  try {
    return parseLegalDate(text).sortKey;
  } catch (e) {
    if (e instanceof InvalidLegalDateError) throw new ValidationError([{ name: field, code: 'invalid-date', reason: '生年月日を読み取れません' }]);
    throw e;
  }
}

/** Creates the cases service. */
export function createCasesService(deps: CasesDeps) {
  const { db, clock, repo, engine, review, jobs, accessLog } = deps;

  const log = (trx: TenantTx, actor: Actor, action: string, caseIds: string[], ctx: RequestContext) =>
    accessLog.appendMany(trx, actor.municipalityCode, caseIds.map((id) => ({ actorType: 'staff' as const, actorId: actor.staffId, action, subjectType: 'case', subjectId: id, ...ctx })));

  /**
   * Opens a case inside the caller's tenant transaction: the building block for every channel (the staff API, the
   * resident portal, the counter filing several cases at once). Validates the data against the case type valid on
   * the day of receipt, numbers the case, sets its deadlines, records 受付 and queues the automatic review. The
   * caller authorises `by` and calls `jobs.kick` after its commit (or leaves it to the periodic tick).
   * @throws CaseRuleError 'case-type-not-found', 'case-type-not-valid', 'received-in-future'; ValidationError for bad data
   */
  async function submitIn(trx: TenantTx, m: string, by: Operator, input: CaseSubmission, ctx: RequestContext) {
    const today = engine.today();
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today) fail('received-in-future');
    const schema = CASE_DATA_SCHEMAS[input.caseTypeCode];
    if (!schema) fail('case-type-not-found');
    const parsed = schema.safeParse(input.data);
    if (!parsed.success) {
      throw new ValidationError(parsed.error.issues.map((i) => ({ name: ['data', ...i.path.map(String)].join('.'), code: i.code, reason: i.message })));
    }
    // A name is needed: 氏 (or, for a foreign resident registered under a roman name only, the ローマ字氏名).
    const nameless = [['applicant', input.applicant] as const, ...input.subjects.map((s, i) => [`subjects.${i}`, s] as const)]
      .filter(([, p]) => !p.familyName?.trim() && !p.romanName?.trim());
    if (nameless.length > 0) {
      throw new ValidationError(nameless.map(([path]) => ({ name: `${path}.familyName`, code: 'required', reason: '氏名を入力してください（外国人住民でローマ字氏名のみの方は romanName）' })));
    }
    const applicant = { ...input.applicant, birthSort: birthSort(input.applicant.birthDate, 'applicant.birthDate') };
    const subjects = input.subjects.map((s, i) => ({ ...s, birthSort: birthSort(s.birthDate, `subjects.${i}.birthDate`) }));
    await engine.ensureInstalled(trx, m);
    const typeRow = await repo.publishedOn(trx, input.caseTypeCode, receivedOn);
    if (!typeRow) fail('case-type-not-valid');
    const type = await engine.caseType(trx, m, typeRow.caseTypeId);
    await repo.lockNumbering(trx, m);
    const year = receivedOn.slice(0, 4);
    const caseNo = `${year}-${String((await repo.lastCaseNoOfYear(trx, `${year}-`)) + 1).padStart(6, '0')}`;
    const caseId = crypto.randomUUID();
    const now = clock.now();
    const due = await engine.deadlines(trx, { caseId, receivedOn, extensionDays: 0 }, type, { newCase: true });
    const row = {
      caseId, caseNo, caseTypeId: type.caseTypeId, channel: input.channel, statusCode: 'received', applicant, applicantAtenaNo: applicant.atenaNo ?? null,
      subjectAtenaNos: subjects.map((s) => s.atenaNo).filter((x): x is string => !!x), submittedData: { subjects, data: parsed.data },
      receivedAt: now, receivedOn, legalDueOn: due.legalDueOn, targetDueOn: due.targetDueOn, suspended: false, extensionDays: 0, queue: type.defaultQueue,
      assigneeStaffId: null, reviewOutcome: null, resultCode: null, closedAt: null, createdBy: by.id,
    };
    await repo.insertCase(trx, m, row);
    await repo.insertStatus(trx, m, caseId, { statusCode: 'received', setAt: now, actorType: by.type, actorId: by.id, reason: '' });
    await engine.event(trx, m, row, type, 'submitted', by, { channel: input.channel });
    await jobs.enqueue(trx, m, 'case-review', `review:${caseId}:submitted`, { caseId });
    await accessLog.appendMany(trx, m, [{ actorType: by.type === 'applicant' ? 'resident' : by.type, actorId: by.id, action: 'cases.case.create', subjectType: 'case', subjectId: caseId, ...ctx }]);
    return { caseId, caseNo, statusCode: 'received', legalDueOn: due.legalDueOn, targetDueOn: due.targetDueOn };
  }

  /** Runs a staff action on a locked case: checks roles, runs `fn`, logs; kicks the job runner after commit. */
  async function act<T>(actor: Actor, caseId: string, action: string, ctx: RequestContext, fn: (trx: TenantTx, c: CaseRow, type: CaseType) => Promise<T>, opts: { decide?: boolean } = {}) {
    assertCaseStaff(actor);
    const m = actor.municipalityCode;
    const out = await withTenant(db, m, async (trx) => {
      const { kase, type } = await engine.lockCase(trx, m, caseId);
      if (opts.decide) {
        if (!actor.roles.some((r) => type.deciderRoles.includes(r))) fail('not-a-decider');
      } else assertHandler(actor, type);
      const result = await fn(trx, kase, type);
      await log(trx, actor, action, [caseId], ctx);
      return result;
    });
    void jobs.kick(actor.municipalityCode).catch(() => undefined);
    return out;
  }

  async function view(trx: TenantTx, m: string, caseId: string) {
    const c = await repo.findCase(trx, caseId);
    if (!c) fail('case-not-found');
    const type = await engine.caseType(trx, m, c.caseTypeId);
    const [history, suspensions, notes, corrections, attachments, latest, decision, failed] = await Promise.all([
      repo.history(trx, caseId), repo.suspensions(trx, caseId), repo.notes(trx, caseId), repo.corrections(trx, caseId), repo.attachments(trx, caseId),
      repo.latestReview(trx, caseId), repo.decision(trx, caseId), repo.failedCheckCounts(trx, [caseId])]);
    const assignee = c.assigneeStaffId ? await repo.staffName(trx, c.assigneeStaffId) : null;
    return presentCase({ c, type, history, suspensions, notes, corrections, attachments, review: latest ?? null, decision: decision ?? null,
      failed: failed.get(caseId) ?? 0, assigneeName: assignee, today: engine.today() });
  }

  /** Records an answer to a 補正 on a locked case (staff for post and counter, or the applicant online). */
  async function answerIn(trx: TenantTx, m: string, c: CaseRow, type: CaseType, by: Operator, correctionId: string, input: CorrectionAnswer) {
    const caseId = c.caseId;
    const sub = (typeof c.submittedData === 'string' ? JSON.parse(c.submittedData) : c.submittedData) as { subjects: unknown[]; data: Record<string, unknown> };
    const data = { ...sub.data, ...(input.data ?? {}) };
    const parsed = CASE_DATA_SCHEMAS[type.code]!.safeParse(data);
    if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ name: ['data', ...i.path.map(String)].join('.'), code: i.code, reason: i.message })));
    const subjects = input.subjects ? input.subjects.map((s, i) => ({ ...s, birthSort: birthSort(s.birthDate, `subjects.${i}.birthDate`) })) : sub.subjects;
    const updated = await repo.answerCorrection(trx, caseId, correctionId, { answerMessage: input.message, answerData: input.data ?? null, answeredAt: clock.now() });
    if (Number(updated?.numUpdatedRows ?? 0) === 0) fail((await repo.corrections(trx, caseId)).some((x) => x.correctionId === correctionId) ? 'correction-answered' : 'correction-not-found');
    await repo.updateCase(trx, caseId, { submittedData: { subjects, data: parsed.data } });
    await engine.transition(trx, m, c, type, 'in-review', by, '補正回答', { activity: 'correction-answered' });
    await jobs.enqueue(trx, m, 'case-review', `review:${caseId}:correction:${correctionId}`, { caseId });
    return view(trx, m, caseId);
  }

  return {
    /**
     * Submits an application: validates its data against the case type valid on the day of receipt, opens the
     * case (受付) with its deadlines and queues the automatic review (a job in the same transaction).
     * A repeated request is answered by the platform's Idempotency-Key middleware (platform/http/idempotency.ts).
     * @throws CaseRuleError 'case-type-not-found', 'case-type-not-valid', 'received-in-future'; ValidationError for bad data
     */
    async submit(actor: Actor, input: CaseSubmission, ctx: RequestContext) {
      assertCaseStaff(actor);
      const out = await withTenant(db, actor.municipalityCode, (trx) => submitIn(trx, actor.municipalityCode, staffOp(actor), input, ctx));
      void jobs.kick(actor.municipalityCode).catch(() => undefined);
      return out;
    },

    submitIn,

    /** A queue of cases with filters (type, status, due date, assignee); every listed case is access-logged. */
    async list(actor: Actor, q: CaseQuery, ctx: RequestContext) {
      assertCaseStaff(actor);
      const m = actor.municipalityCode;
      const today = engine.today();
      return withTenant(db, m, async (trx) => {
        await engine.ensureInstalled(trx, m);
        const assignee = q.view === 'mine' ? actor.staffId : q.view === 'unassigned' ? null : q.assigneeStaffId;
        const rows = await repo.listCases(trx, { open: q.view !== 'closed', queue: q.queue, caseTypeCode: q.caseTypeCode, status: q.status,
          assigneeStaffId: assignee, dueBefore: q.dueBefore, limit: q.view === 'due-soon' || q.view === 'overdue' ? 5000 : q.limit });
        const closures = new Set((await repo.closureDays(trx)).map((d) => d.day));
        const failed = await repo.failedCheckCounts(trx, rows.map((r) => r.caseId));
        const types = new Map((await engine.caseTypes(trx)).map((t) => [t.caseTypeId, t]));
        let items = rows.map((r) => presentSummary(r, types.get(r.caseTypeId)!, { today, closures, failed: failed.get(r.caseId) ?? 0, assigneeName: r.assigneeName }));
        if (q.view === 'due-soon' || q.view === 'overdue') items = items.filter((i) => i.deadlineState === q.view).slice(0, q.limit);
        await log(trx, actor, 'cases.case.list', items.map((i) => i.caseId), ctx);
        return items;
      });
    },

    /** The case page: data, checks, history, notes, correspondence, decision. Access-logged; records the opening (touch time). */
    async get(actor: Actor, caseId: string, ctx: RequestContext) {
      assertCaseStaff(actor);
      const m = actor.municipalityCode;
      return withTenant(db, m, async (trx) => {
        const v = await view(trx, m, caseId);
        await repo.recordView(trx, m, caseId, actor.staffId, clock.now());
        await log(trx, actor, 'cases.case.read', [caseId], ctx);
        return v;
      });
    },

    /**
     * The case id of a 受付番号 (the console's URLs carry the number, never an id).
     * @throws CaseRuleError 'case-not-found'
     */
    async idOfCaseNo(actor: Actor, caseNo: string) {
      assertCaseStaff(actor);
      const id = await withTenant(db, actor.municipalityCode, (trx) => repo.caseIdByNo(trx, caseNo));
      if (!id) fail('case-not-found');
      return id;
    },

    /** Staff of the municipality (names for history and assignment). */
    async staffDirectory(actor: Actor) {
      assertCaseStaff(actor);
      return withTenant(db, actor.municipalityCode, (trx) => repo.caseStaff(trx));
    },

    /** Moves the status (e.g. back to 審査中); closing goes through decide. */
    changeStatus(actor: Actor, caseId: string, input: { statusCode: string; reason: string }, ctx: RequestContext) {
      return act(actor, caseId, 'cases.case.status-change', ctx, async (trx, c, type) => {
        if (input.statusCode === 'closed') fail('invalid-transition');
        await engine.transition(trx, actor.municipalityCode, c, type, input.statusCode, staffOp(actor), input.reason);
        return view(trx, actor.municipalityCode, caseId);
      });
    },

    /** Assigns the case to a queue and/or a staff member (null: back to the queue). */
    assign(actor: Actor, caseId: string, input: { queue?: string; staffId?: string | null; reason: string }, ctx: RequestContext) {
      return act(actor, caseId, 'cases.case.assign', ctx, async (trx, c, type) => {
        if (c.closedAt) fail('case-closed');
        if (input.staffId && !(await repo.staffExists(trx, input.staffId))) fail('staff-not-found');
        await repo.updateCase(trx, caseId, { ...(input.queue ? { queue: input.queue } : {}), ...(input.staffId !== undefined ? { assigneeStaffId: input.staffId } : {}) });
        await engine.event(trx, actor.municipalityCode, c, type, 'assigned', staffOp(actor), { queue: input.queue ?? null, toStaff: input.staffId ?? null });
        return view(trx, actor.municipalityCode, caseId);
      });
    },

    /** Adds an internal note (never shown to the applicant). */
    addNote(actor: Actor, caseId: string, body: string, ctx: RequestContext) {
      return act(actor, caseId, 'cases.case.note', ctx, async (trx, c, type) => {
        const noteId = crypto.randomUUID();
        await repo.insertNote(trx, actor.municipalityCode, { caseId, noteId, authorStaffId: actor.staffId, body, createdAt: clock.now() });
        await engine.event(trx, actor.municipalityCode, c, type, 'note-added', staffOp(actor));
        return { noteId };
      });
    },

    /** Asks the applicant for a correction (補正): the case waits and the legal clock stops. */
    requestCorrection(actor: Actor, caseId: string, input: { message: string; fields: string[] }, ctx: RequestContext) {
      return act(actor, caseId, 'cases.case.correction-request', ctx, async (trx, c, type) => {
        const correctionId = crypto.randomUUID();
        await engine.transition(trx, actor.municipalityCode, c, type, 'awaiting-correction', staffOp(actor), '補正依頼', { activity: 'correction-requested' });
        await repo.insertCorrection(trx, actor.municipalityCode, { caseId, correctionId, message: input.message, fields: input.fields, requestedBy: actor.staffId, requestedAt: clock.now() });
        return { correctionId };
      });
    },

    /**
     * Records the applicant's answer to a 補正 (entered by staff for post and counter): corrected data replace the
     * submitted keys, the clock restarts and the automatic review runs again.
     */
    answerCorrection(actor: Actor, caseId: string, correctionId: string, input: CorrectionAnswer, ctx: RequestContext) {
      return act(actor, caseId, 'cases.case.correction-answer', ctx, (trx, c, type) =>
        answerIn(trx, actor.municipalityCode, c, type, { type: 'applicant', id: 'applicant' }, correctionId, input));
    },

    /**
     * The applicant answers a 補正 themselves (the resident portal), inside the caller's tenant transaction: the
     * caller authorises (the case is the resident's own) and access-logs; the clock restarts and the review runs again.
     */
    async answerCorrectionIn(trx: TenantTx, m: string, by: Operator, caseId: string, correctionId: string, input: CorrectionAnswer) {
      const { kase, type } = await engine.lockCase(trx, m, caseId);
      if (kase.closedAt) fail('case-closed');
      return answerIn(trx, m, kase, type, by, correctionId, input);
    },

    /** The case as the case page shows it, inside the caller's tenant transaction (the portal picks what a resident may see). */
    viewIn: view,

    /** Runs the case's queued jobs soon, after the caller's commit. */
    kickJobs: (m: string) => { void jobs.kick(m).catch(() => undefined); },

    /** Extends the processing period (延長) by business days, where the case type allows it. */
    extend(actor: Actor, caseId: string, input: { days: number; reason: string }, ctx: RequestContext) {
      return act(actor, caseId, 'cases.case.extend', ctx, async (trx, c, type) => {
        if (c.closedAt) fail('case-closed');
        if (!type.extensionAllowed) fail('extension-not-allowed');
        if (c.extensionDays + input.days > type.extensionMaxDays) fail('extension-too-long', { maxDays: type.extensionMaxDays });
        const extensionDays = c.extensionDays + input.days;
        const due = await engine.deadlines(trx, { ...c, extensionDays }, type);
        await repo.updateCase(trx, caseId, { extensionDays, ...due });
        await engine.event(trx, actor.municipalityCode, c, type, 'extended', staffOp(actor), { days: input.days });
        return view(trx, actor.municipalityCode, caseId);
      });
    },

    /**
     * Decides the case: approval writes its effect (e.g. the 転居 as 仮登録) in the same transaction; a refusal by
     * the registry changes nothing and answers 422 with the registry's reason.
     * @throws CaseRuleError 'not-a-decider', 'case-closed', 'reasons-required', 'effect-refused'
     */
    decide(actor: Actor, caseId: string, input: { outcome: 'approved' | 'rejected' | 'withdrawn'; reasons: string }, ctx: RequestContext) {
      return act(actor, caseId, 'cases.case.decide', ctx, async (trx, c, type) => {
        if (c.closedAt) fail('case-closed');
        const latest = await repo.latestReview(trx, caseId);
        await review.decideIn(trx, actor.municipalityCode, c, type, input.outcome, input.reasons, staffOp(actor), ctx, latest?.reviewId ?? null);
        return view(trx, actor.municipalityCode, caseId);
      }, { decide: true });
    },

    /**
     * 一括承認, where it is safe: approves each open case whose latest automatic review found nothing wrong (every check
     * passed), one transaction per case, so that a refusal (a role, a registry refusal of the effect) leaves the
     * others as they are. A case already decided is reported as such and changes nothing (a repeated request is
     * harmless). At most 100 cases a request.
     */
    async approveClean(actor: Actor, caseIds: string[], ctx: RequestContext) {
      const out: Array<{ caseId: string; result: 'approved' | 'already' | 'skipped'; message?: string }> = [];
      for (const caseId of caseIds.slice(0, 100)) {
        try {
          const result = await act(actor, caseId, 'cases.case.decide', ctx, async (trx, c, type) => {
            if (c.closedAt || await repo.decision(trx, caseId)) return 'already' as const;
            const latest = await repo.latestReview(trx, caseId);
            const checks = latest ? (typeof latest.results === 'string' ? JSON.parse(latest.results) : latest.results) as Array<{ passed: boolean }> : [];
            if (!latest || latest.outcome !== 'clean' || checks.some((x) => !x.passed)) fail('not-clean');
            await review.decideIn(trx, actor.municipalityCode, c, type, 'approved', '自動審査の全項目に適合（一括承認）', staffOp(actor), ctx, latest.reviewId);
            return 'approved' as const;
          }, { decide: true });
          out.push({ caseId, result });
        } catch (err) {
          if (!(err instanceof DomainError) || err.status >= 500) throw err;
          out.push({ caseId, result: 'skipped', message: err.title });
        }
      }
      return out;
    },

    /** Adds an attachment (添付書類). */
    attach(actor: Actor, caseId: string, input: { fileName: string; mediaType: string; contentBase64: string }, ctx: RequestContext) {
      return act(actor, caseId, 'cases.case.attach', ctx, async (trx, c, type) => {
        const content = Buffer.from(input.contentBase64, 'base64');
        if (content.length > 1024 * 1024) fail('attachment-too-large');
        const attachmentId = crypto.randomUUID();
        const sha256 = crypto.createHash('sha256').update(content).digest('hex');
        await repo.insertAttachment(trx, actor.municipalityCode, { caseId, attachmentId, fileName: input.fileName, mediaType: input.mediaType, byteSize: content.length, sha256, content, addedBy: actor.staffId });
        await engine.event(trx, actor.municipalityCode, c, type, 'attachment-added', staffOp(actor));
        return { attachmentId, sha256, byteSize: content.length };
      });
    },

    /** Runs the automatic review again now (e.g. after the registry changed). */
    rerunReview(actor: Actor, caseId: string, ctx: RequestContext) {
      return act(actor, caseId, 'cases.case.review', ctx, async (trx, c) => {
        if (c.closedAt) fail('case-closed');
        await review.reviewIn(trx, actor.municipalityCode, caseId, ctx);
        return view(trx, actor.municipalityCode, caseId);
      });
    },

    /** Replays a stored review on its stored inputs. */
    replayReview(actor: Actor, caseId: string, reviewId: string, ctx: RequestContext) {
      return act(actor, caseId, 'cases.review.replay', ctx, (trx) => review.replayIn(trx, caseId, reviewId));
    },

    /** Runs due jobs now (tests, the bench and the operator); returns how many ran. */
    drainJobs: (municipalityCode?: string, opts: { max?: number } = {}) => (opts.max ? jobs.drain({ municipalityCode, max: opts.max }) : jobs.settle({ municipalityCode })),

    /** Turns the in-process drain after each commit on or off (benchmarks). */
    setAutoKick: (on: boolean) => jobs.setAutoKick(on),
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
