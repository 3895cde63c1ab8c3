// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases of 抑止 (spec §3.1, §3.2, §9.2): set (設定), end (解除), temporarily lift (一時解除), list a person's and the
 * municipality's suppressions (抑止対象者一覧), and the checks the other operations call inside their transaction.
 * Separate permissions: `registry:suppression` sets and ends, `registry:suppression-lift` lifts temporarily. Every
 * read and write is access-logged against the persons concerned. Merged into the registry service.
 */
import crypto from 'node:crypto';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { alert, fail, type Alert } from '../registry-errors.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import { createSuppressionRepository, suppressionsOn, type SuppressionRow } from './suppression.repository.ts';
import {
  calendarDay, isLifted, isSuppressionActive, planLift, planSuppressionEnd, SUPPRESSION_LEVEL_LABELS, SUPPRESSION_OPERATION_LABELS, suppressionEffect,
  type SuppressionLevel, type SuppressionOperation,
} from './suppression.ts';

interface Ctx { clientIp: string; requestId: string }

/** Input of setting a suppression. */
export interface SuppressionInput {
  subjectType: 'person' | 'household';
  subjectId: string;
  operations: SuppressionOperation[];
  level: SuppressionLevel;
  reason: string;
  startsOn?: string;
}

/**
 * The effect of the suppressions on an operation for these persons (each with their household), inside the
 * caller's transaction: persons refused (error) and persons to warn about (alert).
 * @param local false for other systems (temporary liftings are not propagated)
 */
export async function checkSuppressions(trx: TenantTx, subjects: ReadonlyArray<{ personId: string; householdId?: string }>, operation: SuppressionOperation,
  now: Date, day: string, local = true): Promise<{ errors: string[]; alerts: string[] }> {
  const ids = subjects.flatMap((s) => [s.personId, ...(s.householdId ? [s.householdId] : [])]);
  const { rows, lifts } = await suppressionsOn(trx, ids);
  const out = { errors: [] as string[], alerts: [] as string[] };
  for (const s of subjects) {
    const e = suppressionEffect(rows, lifts, s, operation, now, day, local);
    if (e === 'error') out.errors.push(s.personId); else if (e === 'alert') out.alerts.push(s.personId);
  }
  return out;
}

/** Refuses (`suppressed`, naming the persons) or returns the alert for an operation on these persons. */
export async function enforceSuppressions(trx: TenantTx, subjects: ReadonlyArray<{ personId: string; householdId?: string }>, operation: SuppressionOperation,
  now: Date, day: string): Promise<Alert[]> {
  const r = await checkSuppressions(trx, subjects, operation, now, day);
  if (r.errors.length > 0) fail('suppressed', { personIds: r.errors, operation });
  return r.alerts.length > 0 ? [alert('suppression-alert')] : [];
}

/** Creates the suppression use cases. */
export function createSuppressionUseCases(deps: { db: Database; registry: RegistryRepository; accessLog: AccessLogRepository; clock: Clock; today: () => string }) {
  const { db, registry, accessLog } = deps;
  const repo = createSuppressionRepository();
  const now = () => new Date(deps.clock.now());
  /** The persons a suppression is about: the person, or the household's current members. */
  const personsOf = async (trx: TenantTx, subjectType: 'person' | 'household', subjectId: string): Promise<string[]> => {
    if (subjectType === 'person') {
      if (!(await registry.current(trx, subjectId))) fail('person-not-found');
      return [subjectId];
    }
    if (!(await registry.findHousehold(trx, subjectId))) fail('household-not-found');
    return (await registry.membersOf(trx, [subjectId])).map((m) => m.personId);
  };
  const log = (trx: TenantTx, actor: Actor, action: string, personIds: string[], ctx: Ctx) => personIds.length === 0 ? Promise.resolve() :
    accessLog.appendMany(trx, actor.municipalityCode, personIds.map((subjectId) => ({ actorType: 'staff' as const, actorId: actor.staffId, action, subjectType: 'person', subjectId, ...ctx })));
  const present = (r: SuppressionRow, lifts: ReadonlyArray<{ suppressionId: string; liftedFrom: Date | string; liftedUntil: Date | string; reason: string; createdBy: string }>, at: Date, day: string) => ({
    suppressionId: r.suppressionId, subjectType: r.subjectType, subjectId: r.subjectId, operation: r.operation, operationLabel: SUPPRESSION_OPERATION_LABELS[r.operation],
    level: r.level, levelLabel: SUPPRESSION_LEVEL_LABELS[r.level], reason: r.reason, startsOn: r.startsOn, endedOn: r.endedOn, endReason: r.endReason,
    createdBy: r.createdBy, createdAt: new Date(r.createdAt).toISOString(), active: isSuppressionActive(r, day), liftedNow: isLifted(r, lifts as never, at),
    lifts: lifts.filter((l) => l.suppressionId === r.suppressionId).map((l) => ({ reason: l.reason, liftedFrom: new Date(l.liftedFrom).toISOString(),
      liftedUntil: new Date(l.liftedUntil).toISOString(), createdBy: l.createdBy })),
  });

  return {
    /** 抑止の設定: one suppression per operation, for a person or a household, at a level, from a day. */
    async setSuppression(actor: Actor, input: SuppressionInput, ctx: Ctx) {
      assertAllowed(actor, 'registry:suppression');
      const startsOn = calendarDay(input.startsOn ?? deps.today());
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const persons = await personsOf(trx, input.subjectType, input.subjectId);
        const ids: string[] = [];
        for (const operation of [...new Set(input.operations)]) {
          const suppressionId = crypto.randomUUID();
          ids.push(suppressionId);
          await repo.insert(trx, actor.municipalityCode, { suppressionId, subjectType: input.subjectType, subjectId: input.subjectId, operation, level: input.level,
            reason: input.reason, startsOn, createdBy: actor.staffId });
        }
        await log(trx, actor, 'registry.suppression.set', persons, ctx);
        const { rows, lifts } = await suppressionsOn(trx, [input.subjectId]);
        return { items: rows.filter((r) => ids.includes(r.suppressionId)).map((r) => present(r, lifts, now(), deps.today())) };
      });
    },

    /** 抑止の解除: explicit, once; a suppression never ends by itself. */
    async endSuppression(actor: Actor, suppressionId: string, input: { endedOn?: string; reason: string }, ctx: Ctx) {
      assertAllowed(actor, 'registry:suppression');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const s = await repo.find(trx, suppressionId, true);
        if (!s) fail('suppression-not-found');
        const endedOn = planSuppressionEnd(s, input.endedOn ?? deps.today());
        await repo.end(trx, suppressionId, { endedOn, endReason: input.reason, endedBy: actor.staffId });
        await log(trx, actor, 'registry.suppression.end', await personsOf(trx, s.subjectType, s.subjectId), ctx);
        return present((await repo.find(trx, suppressionId))!, await repo.liftsOf(trx, [suppressionId]), now(), deps.today());
      });
    },

    /** 一時解除: the operation goes through for `minutes`, with a reason; then the suppression applies again. */
    async liftSuppression(actor: Actor, suppressionId: string, input: { minutes: number; reason: string }, ctx: Ctx) {
      assertAllowed(actor, 'registry:suppression-lift');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const s = await repo.find(trx, suppressionId, true);
        if (!s) fail('suppression-not-found');
        const period = planLift(s, input.minutes, now(), deps.today());
        await repo.insertLift(trx, actor.municipalityCode, { liftId: crypto.randomUUID(), suppressionId, reason: input.reason, ...period, createdBy: actor.staffId });
        await log(trx, actor, 'registry.suppression.lift', await personsOf(trx, s.subjectType, s.subjectId), ctx);
        return present(s, await repo.liftsOf(trx, [suppressionId]), now(), deps.today());
      });
    },

    /** The suppressions on a person and on their household (ended ones too), logged as a read of the person. */
    async suppressionsOfPerson(actor: Actor, personId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const cur = await registry.current(trx, personId);
        if (!cur) fail('person-not-found');
        const { rows, lifts } = await suppressionsOn(trx, [personId, cur.householdId]);
        await log(trx, actor, 'registry.suppression.read', [personId], ctx);
        return { items: rows.map((r) => present(r, lifts, now(), deps.today())) };
      });
    },

    /** 抑止対象者一覧 (spec §9.2): every suppression not ended, with the person or household it is on; logged per person. */
    async suppressionList(actor: Actor, ctx: Ctx, limit = 1000) {
      assertAllowed(actor, 'registry:suppression');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = await repo.notEnded(trx, Math.min(limit, 5000));
        const lifts = await repo.liftsOf(trx, rows.map((r) => r.suppressionId));
        const personIds = rows.filter((r) => r.subjectType === 'person').map((r) => r.subjectId);
        const householdIds = rows.filter((r) => r.subjectType === 'household').map((r) => r.subjectId);
        const people = new Map((await registry.personsByIds(trx, [...new Set(personIds)])).map((p) => [p.personId, p.record]));
        const households = new Map((await Promise.all(householdIds.map((h) => registry.findHousehold(trx, h)))).flatMap((h) => (h ? [[h.householdId, h] as const] : [])));
        await log(trx, actor, 'registry.suppression.list', [...new Set(personIds)], ctx);
        return {
          items: rows.map((r) => {
            const p = people.get(r.subjectId);
            const h = households.get(r.subjectId);
            return { ...present(r, lifts, now(), deps.today()),
              subjectLabel: p ? `${`${p.familyName}　${p.givenName}`.trim() || p.romanName || ''}（宛名番号 ${p.atenaNo}）` : h ? `世帯番号 ${h.householdNo}` : '' };
          }),
        };
      });
    },
  };
}
