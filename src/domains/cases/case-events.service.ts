// SPDX-License-Identifier: EUPL-1.2
/** The case event log (process mining): events of a case, the OCEL 2.0 export, and the deadline-alert job. */
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed, can } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import { withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { deadlineState, shiftDays } from './business-days.ts';
import type { CaseEngine } from './case-engine.ts';
import type { RequestContext } from './case-review.ts';
import type { CasesRepository } from './cases.repository.ts';
import { fail } from './cases-errors.ts';
import { toOcel, type LoggedEvent } from './ocel-export.ts';

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function presentEvent(e: Awaited<ReturnType<CasesRepository['events']>>[number]): LoggedEvent & { occurredAtIso: string } {
  return { eventId: e.eventId, caseId: e.caseId, caseTypeCode: e.caseTypeCode, activity: e.activity, actorType: e.actorType, actorId: e.actorId, channel: e.channel,
    occurredAt: new Date(e.occurredAt), touchSeconds: e.touchSeconds, objects: parseJson(e.objects), occurredAtIso: new Date(e.occurredAt).toISOString() };
}

/** Creates the event-log use cases. */
export function createCaseEventService(deps: { db: Database; repo: CasesRepository; engine: CaseEngine; accessLog: AccessLogRepository; clock: Clock }) {
  const { db, repo, engine, accessLog, clock } = deps;
  return {
    /** The events of one case, oldest first. */
    async caseEvents(actor: Actor, caseId: string, ctx: RequestContext) {
      if (!can(actor, 'cases:handle') && !can(actor, 'cases:decide') && !can(actor, 'insights:read')) throw new ForbiddenError('cases:handle');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        if (!(await repo.findCase(trx, caseId))) fail('case-not-found');
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'cases.events.read', subjectType: 'case', subjectId: caseId, ...ctx });
        return (await repo.events(trx, { caseId })).map((e) => {
          const p = presentEvent(e);
          return { eventId: p.eventId, caseId: p.caseId, caseTypeCode: p.caseTypeCode, activity: p.activity, actorType: p.actorType, actorId: p.actorId, channel: p.channel,
            occurredAt: p.occurredAtIso, touchSeconds: p.touchSeconds, objects: p.objects };
        });
      });
    },

    /** The event log between two dates (inclusive, Japan time days) as OCEL 2.0 JSON; for analysts (見える化). */
    async ocel(actor: Actor, q: { from?: string; to?: string }, ctx: RequestContext) {
      assertAllowed(actor, 'insights:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const from = q.from ? new Date(`${q.from}T00:00:00+09:00`) : undefined;
        const to = q.to ? new Date(`${shiftDays(q.to, 1)}T00:00:00+09:00`) : undefined;
        const events = (await repo.events(trx, { from, to })).map(presentEvent);
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'cases.events.export', subjectType: 'event-log', subjectId: `${q.from ?? ''}..${q.to ?? ''}`, ...ctx });
        return toOcel(events);
      });
    },

    /** The deadline-alert job: raises 期限間近 / 期限超過 once per case and due date, each an event. */
    async raiseDeadlineAlertsIn(trx: TenantTx, m: string) {
      const today = engine.today();
      const closures = new Set((await repo.closureDays(trx)).map((d) => d.day));
      let raised = 0;
      for (const c of await repo.openCasesWithDue(trx)) {
        const state = deadlineState(c.legalDueOn, today, { suspended: c.suspended, closures });
        if (state !== 'due-soon' && state !== 'overdue') continue;
        if (await repo.insertAlert(trx, m, c.caseId, state, c.legalDueOn!, clock.now())) {
          const full = (await repo.findCase(trx, c.caseId))!;
          await engine.event(trx, m, full, await engine.caseType(trx, m, full.caseTypeId), `alert:${state}`, { type: 'system', id: 'deadline-alerts' }, { dueOn: c.legalDueOn });
          raised++;
        }
      }
      return raised;
    },
  };
}

export type CaseEventService = ReturnType<typeof createCaseEventService>;
