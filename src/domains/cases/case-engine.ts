// SPDX-License-Identifier: EUPL-1.2
/**
 * The steps every use case of a case is made of, inside the caller's tenant transaction: load a case with its
 * type, move its status (history, clock, deadlines), write the event, install the standard case types.
 * Used by cases.service.ts (staff), case-review.ts (automatic review and decisions) and the jobs.
 */
import crypto from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { japanToday } from '../registry/index.ts';
import { dueDate } from './business-days.ts';
import { planTransition } from './case-transition.ts';
import type { CaseRow, CasesRepository, CaseTypeRow } from './cases.repository.ts';
import { fail } from './cases-errors.ts';
import { STANDARD_CASE_TYPES, type RuleConfig } from './standard-case-types.ts';

/** Who acts on a case: a staff member, the system (jobs, automatic review) or the applicant. */
export interface Operator {
  type: 'staff' | 'system' | 'applicant';
  id: string;
}

/** A case type version with its status and result types. */
export interface CaseType extends Omit<CaseTypeRow, 'reviewRules'> {
  reviewRules: RuleConfig[];
  statuses: Array<{ code: string; sequence: number; labelJa: string; labelEn: string; informsApplicant: boolean; isFinal: boolean }>;
  results: Array<{ code: string; labelJa: string; labelEn: string }>;
}

/** A related object of an event (OCEL: qualified event-to-object relation). */
export interface EventObject { id: string; type: 'case' | 'person' | 'household' | 'registry-change' | 'application' | 'certificate'; qualifier: string }

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Creates the engine over the repository and the clock. */
export function createCaseEngine(deps: { repo: CasesRepository; clock: Clock }) {
  const { repo, clock } = deps;
  const installed = new Set<string>();
  const typeCache = new Map<string, CaseType>();

  async function loadTypes(trx: TenantTx, rows: CaseTypeRow[]): Promise<CaseType[]> {
    const ids = rows.map((r) => r.caseTypeId);
    const statuses = await repo.statusTypes(trx, ids);
    const results = await repo.resultTypes(trx, ids);
    return rows.map((r) => {
      const own = statuses.filter((s) => s.caseTypeId === r.caseTypeId);
      const max = Math.max(...own.map((s) => s.sequence));
      return {
        ...r, reviewRules: parseJson<RuleConfig[]>(r.reviewRules),
        statuses: own.map((s) => ({ code: s.code, sequence: s.sequence, labelJa: s.labelJa, labelEn: s.labelEn, informsApplicant: s.informsApplicant, isFinal: s.sequence === max })),
        results: results.filter((x) => x.caseTypeId === r.caseTypeId).map((x) => ({ code: x.code, labelJa: x.labelJa, labelEn: x.labelEn })),
      };
    });
  }

  const engine = {
    today: () => japanToday(clock),

    /** Installs the national standard case types the municipality does not have yet (idempotent). */
    async ensureInstalled(trx: TenantTx, m: string) {
      if (installed.has(m)) return;
      const have = new Set(await repo.caseTypeCodes(trx));
      for (const def of STANDARD_CASE_TYPES.filter((d) => !have.has(d.code))) {
        const caseTypeId = crypto.randomUUID();
        const { statuses, results, ...rest } = def;
        await repo.insertCaseType(trx, m, { ...rest, finaliseByRule: rest.finaliseByRule ?? false, caseTypeId, status: 'published', validTo: null, standard: true });
        await repo.insertStatusTypes(trx, m, caseTypeId, statuses.map((s, i) => ({ ...s, sequence: i + 1 })));
        await repo.insertResultTypes(trx, m, caseTypeId, results);
      }
      installed.add(m);
    },

    /** Forgets what was installed (after a restore or in tests that reopen a database). */
    resetCaches() { installed.clear(); typeCache.clear(); },

    /** A case type version with statuses and results (published versions are immutable, so cached). */
    async caseType(trx: TenantTx, m: string, caseTypeId: string): Promise<CaseType> {
      const key = `${m}:${caseTypeId}`;
      const hit = typeCache.get(key);
      if (hit) return hit;
      const row = await repo.findCaseType(trx, caseTypeId);
      if (!row) fail('case-type-not-found');
      const [t] = await loadTypes(trx, [row]);
      if (t!.status === 'published') typeCache.set(key, t!);
      return t!;
    },

    /** Every case type version of the municipality. */
    async caseTypes(trx: TenantTx) {
      return loadTypes(trx, await repo.listCaseTypes(trx));
    },

    /** The case, locked for update, with its type; 404 when not found. */
    async lockCase(trx: TenantTx, m: string, caseId: string) {
      const c = await repo.findCase(trx, caseId, true);
      if (!c) fail('case-not-found');
      return { kase: c, type: await engine.caseType(trx, m, c.caseTypeId) };
    },

    /** Legal and target due dates from the case's suspensions, extensions and the municipality's closure days. */
    async deadlines(trx: TenantTx, c: Pick<CaseRow, 'caseId' | 'receivedOn' | 'extensionDays'>, type: CaseType, opts: { newCase?: boolean } = {}) {
      // A case being opened has no suspension yet (one query fewer per submission).
      const suspensions = opts.newCase ? [] : (await repo.suspensions(trx, c.caseId)).map((s) => ({ from: s.fromOn, to: s.toOn }));
      const closures = new Set((await repo.closureDays(trx)).map((d) => d.day));
      return {
        legalDueOn: dueDate({ receivedOn: c.receivedOn, periodDays: type.legalPeriodDays, extensionDays: c.extensionDays, suspensions, closures }),
        targetDueOn: dueDate({ receivedOn: c.receivedOn, periodDays: type.serviceTargetDays, extensionDays: c.extensionDays, suspensions, closures }),
      };
    },

    /**
     * Recomputes the legal and target due dates of every open case (after a closure day was added or removed);
     * returns how many cases' dates changed.
     */
    async recomputeOpenDeadlines(trx: TenantTx, m: string) {
      let changed = 0;
      for (const c of await repo.openCasesForDeadlines(trx)) {
        const due = await engine.deadlines(trx, c, await engine.caseType(trx, m, c.caseTypeId));
        if (due.legalDueOn !== c.legalDueOn || due.targetDueOn !== c.targetDueOn) {
          await repo.updateCase(trx, c.caseId, due);
          changed++;
        }
      }
      return changed;
    },

    /** Moves the status (history row, clock stop/restart, deadlines, closing) and writes the event. */
    async transition(trx: TenantTx, m: string, c: CaseRow, type: CaseType, next: string, op: Operator, reason: string, extra: { resultCode?: string; activity?: string; objects?: EventObject[] } = {}) {
      const plan = planTransition({ statusCode: c.statusCode, closed: c.closedAt !== null, suspended: c.suspended, suspensionAllowed: type.suspensionAllowed },
        next, type.statuses.map((s) => s.code));
      const now = clock.now();
      const today = engine.today();
      await repo.insertStatus(trx, m, c.caseId, { statusCode: plan.statusCode, setAt: now, actorType: op.type, actorId: op.id, reason });
      if (plan.suspends) await repo.openSuspension(trx, m, c.caseId, today, reason);
      if (plan.resumes) await repo.closeSuspension(trx, c.caseId, today);
      // Due dates move only when the clock stops or restarts here (extensions and closure days recompute them where
      // they change), so other transitions keep the case's dates without reading suspensions and closure days.
      const due = plan.suspends || plan.resumes ? await engine.deadlines(trx, c, type) : { legalDueOn: c.legalDueOn, targetDueOn: c.targetDueOn };
      await repo.updateCase(trx, c.caseId, {
        statusCode: plan.statusCode, suspended: plan.suspends, ...due,
        ...(plan.closes ? { closedAt: now, resultCode: extra.resultCode ?? null, queue: null } : {}),
      });
      await engine.event(trx, m, c, type, extra.activity ?? `status:${plan.statusCode}`, op, { statusCode: plan.statusCode, reason: reason ? 'given' : '' }, extra.objects);
      Object.assign(c, { statusCode: plan.statusCode, suspended: plan.suspends, ...due, ...(plan.closes ? { closedAt: now, resultCode: extra.resultCode ?? null } : {}) });
      return plan;
    },

    /** Appends an event; a staff member's touch time is the time since they opened the case (at most an hour). */
    async event(trx: TenantTx, m: string, c: Pick<CaseRow, 'caseId' | 'channel' | 'subjectAtenaNos'>, type: Pick<CaseType, 'code'>, activity: string, op: Operator,
      attributes: Record<string, unknown> = {}, objects: EventObject[] = []) {
      const now = clock.now();
      let touchSeconds = 0;
      if (op.type === 'staff') {
        const opened = await repo.lastView(trx, c.caseId, op.id);
        if (opened) {
          const s = Math.round((now.getTime() - new Date(opened).getTime()) / 1000);
          if (s >= 0 && s <= 3600) touchSeconds = s;
        }
      }
      const all: EventObject[] = [{ id: c.caseId, type: 'case', qualifier: 'case' }, ...objects];
      await repo.insertEvent(trx, m, { eventId: crypto.randomUUID(), caseId: c.caseId, caseTypeCode: type.code, activity, actorType: op.type, actorId: op.id,
        channel: c.channel, occurredAt: now, touchSeconds, objects: all, attributes });
    },
  };
  return engine;
}

export type CaseEngine = ReturnType<typeof createCaseEngine>;
