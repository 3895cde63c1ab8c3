// SPDX-License-Identifier: EUPL-1.2
/**
 * Case types (手続定義) and the municipality's calendar: list the versions, configure a new draft version (periods,
 * queue, fee, automatic approval), publish it (the previous version ends the day before), and closure days.
 * The standard definitions are installed by the engine; configuration never changes code.
 */
import crypto from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed, can } from '../../platform/auth/permissions.ts';
import type { Database } from '../../platform/db/database.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { shiftDays } from './business-days.ts';
import type { CaseEngine } from './case-engine.ts';
import type { CasesRepository } from './cases.repository.ts';
import { fail } from './cases-errors.ts';

/** Creates the case-type use cases. */
export function createCaseTypeService(deps: { db: Database; repo: CasesRepository; engine: CaseEngine }) {
  const { db, repo, engine } = deps;
  const assertReader = (actor: Actor) => {
    if (!can(actor, 'cases:handle') && !can(actor, 'cases:decide') && !can(actor, 'tenant:configure')) throw new ForbiddenError('cases:handle');
  };

  return {
    /** Every version of every case type of the municipality (installs the standard ones on first use). */
    async listCaseTypes(actor: Actor) {
      assertReader(actor);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await engine.ensureInstalled(trx, actor.municipalityCode);
        return (await engine.caseTypes(trx)).map(presentType);
      });
    },

    /** One version. */
    async getCaseType(actor: Actor, caseTypeId: string) {
      assertReader(actor);
      return withTenant(db, actor.municipalityCode, async (trx) => presentType(await engine.caseType(trx, actor.municipalityCode, caseTypeId)));
    },

    /**
     * A new draft version of a case type with the municipality's configuration (copied from `caseTypeId`).
     * @throws CaseRuleError 'case-type-not-found'
     */
    async createVersion(actor: Actor, caseTypeId: string, input: { validFrom: string; legalPeriodDays?: number; serviceTargetDays?: number; autoApprove?: boolean; defaultQueue?: string; feeYen?: number }) {
      assertAllowed(actor, 'tenant:configure');
      const m = actor.municipalityCode;
      return withTenant(db, m, async (trx) => {
        const from = await engine.caseType(trx, m, caseTypeId);
        const legal = input.legalPeriodDays ?? from.legalPeriodDays;
        const target = input.serviceTargetDays ?? Math.min(from.serviceTargetDays, legal);
        if (target > legal) fail('invalid-case-data', undefined, '標準処理期間（目標）は法定処理期間以下にしてください');
        const id = crypto.randomUUID();
        const { statuses, results, createdAt: _c, municipalityCode: _m, ...rest } = from;
        await repo.insertCaseType(trx, m, { ...rest, caseTypeId: id, version: (await repo.maxVersion(trx, from.code)) + 1, status: 'draft', validFrom: input.validFrom, validTo: null,
          legalPeriodDays: legal, serviceTargetDays: target, autoApprove: input.autoApprove ?? from.autoApprove, defaultQueue: input.defaultQueue ?? from.defaultQueue,
          feeYen: input.feeYen ?? from.feeYen, standard: false });
        await repo.insertStatusTypes(trx, m, id, statuses.map(({ isFinal: _f, ...s }) => s));
        await repo.insertResultTypes(trx, m, id, results);
        return presentType(await engine.caseType(trx, m, id));
      });
    },

    /**
     * Publishes a draft version; the published version in force on its first day ends the day before.
     * @throws CaseRuleError 'case-type-not-draft', 'case-type-overlap'
     */
    async publish(actor: Actor, caseTypeId: string) {
      assertAllowed(actor, 'tenant:configure');
      const m = actor.municipalityCode;
      return withTenant(db, m, async (trx) => {
        const t = await engine.caseType(trx, m, caseTypeId);
        if (t.status !== 'draft') fail('case-type-not-draft');
        const current = await repo.publishedOn(trx, t.code, t.validFrom);
        if (current) {
          if (current.validFrom >= t.validFrom) fail('case-type-overlap');
          await repo.setValidTo(trx, current.caseTypeId, shiftDays(t.validFrom, -1));
        }
        const later = (await repo.listCaseTypes(trx)).some((x) => x.code === t.code && x.status === 'published' && x.validFrom > t.validFrom);
        if (later) fail('case-type-overlap');
        await repo.publishCaseType(trx, caseTypeId);
        engine.resetCaches();
        return presentType(await engine.caseType(trx, m, caseTypeId));
      });
    },

    /** The municipality's closure days. */
    async listClosureDays(actor: Actor) {
      assertReader(actor);
      return withTenant(db, actor.municipalityCode, (trx) => repo.closureDays(trx));
    },

    /** Adds a closure day (閉庁日) and recomputes the due dates of every open case in the same transaction. */
    async addClosureDay(actor: Actor, input: { day: string; label: string }) {
      assertAllowed(actor, 'tenant:configure');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await repo.insertClosureDay(trx, actor.municipalityCode, input.day, input.label);
        const recomputedCases = await engine.recomputeOpenDeadlines(trx, actor.municipalityCode);
        return { items: await repo.closureDays(trx), recomputedCases };
      });
    },

    /**
     * Removes a closure day and recomputes the due dates of every open case. Idempotent: removing a day that is not
     * (or no longer) a closure day changes nothing (`removed: false`).
     */
    async removeClosureDay(actor: Actor, day: string) {
      assertAllowed(actor, 'tenant:configure');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const removed = await repo.deleteClosureDay(trx, day);
        const recomputedCases = removed ? await engine.recomputeOpenDeadlines(trx, actor.municipalityCode) : 0;
        return { items: await repo.closureDays(trx), removed, recomputedCases };
      });
    },
  };
}

function presentType(t: Awaited<ReturnType<CaseEngine['caseType']>>) {
  return {
    caseTypeId: t.caseTypeId, code: t.code, version: t.version, status: t.status as 'draft' | 'published', validFrom: t.validFrom, validTo: t.validTo,
    titleJa: t.titleJa, titleEn: t.titleEn, legalPeriodDays: t.legalPeriodDays, serviceTargetDays: t.serviceTargetDays, suspensionAllowed: t.suspensionAllowed,
    extensionAllowed: t.extensionAllowed, extensionMaxDays: t.extensionMaxDays, handlerRoles: t.handlerRoles, deciderRoles: t.deciderRoles, autoApprove: t.autoApprove,
    reviewRules: t.reviewRules, ruleVersion: t.ruleVersion, effect: t.effect, defaultQueue: t.defaultQueue, feeYen: t.feeYen, standard: t.standard,
    statuses: t.statuses, results: t.results,
  };
}

export type CaseTypeService = ReturnType<typeof createCaseTypeService>;
