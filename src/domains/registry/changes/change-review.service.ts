// SPDX-License-Identifier: EUPL-1.2
/**
 * The approval step (issue #9): the work queue of open changes with filters, one change in detail (before → after
 * of every person it touches), 差戻し (return to the clerk with a reason), 再提出 (the clerk sends a returned change
 * back), and the counts and recent work of the console home. Merged into the registry service.
 *
 * Model of 差戻し: a returned change keeps everything it holds. Its snapshots stay, and its persons and households
 * stay reserved to it (`pending_change_id`), so nobody else can change them while the clerk looks at it. The clerk
 * either resubmits it unchanged (status back to `provisional`, e.g. after checking a document) or withdraws it
 * (取下げ: releases the reservations) and enters the corrected change again. A returned change cannot be approved.
 */
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed, can } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { ForbiddenError } from '../../../platform/http/errors.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { toWareki } from '../../../platform/dates/jp-date.ts';
import { fail } from '../registry-errors.ts';
import type { PersonRecord } from '../registry-model.ts';
import { presentPerson } from '../registry.presenter.ts';
import { disclosedItems, maskDiff, RESTRICTED_ITEMS, visibleItems, type RestrictedItem } from '../field-visibility.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import { diffRecords } from './change-diff.ts';

type ChangeRowOut = NonNullable<Awaited<ReturnType<RegistryRepository['findChange']>>>;
type Ctx = { clientIp: string; requestId: string };

/** Which open changes a queue shows. */
export interface ChangeQueueFilter {
  /** `open` = provisional and returned. */
  status?: 'provisional' | 'returned' | 'open';
  kind?: string;
  /** A clerk's staff id, or `mine`. */
  operator?: string;
  limit?: number;
}

/** 受付番号 as shown: 「令和8年第12号」 (year of the day it was received). */
export function receiptLabel(c: { receiptNo: number | null; processedOn: string }): string | null {
  return c.receiptNo ? `${toWareki(c.processedOn, 'year')}第${c.receiptNo}号` : null;
}

/** Row → API shape of a change (ids for clients; the 受付番号 for people). */
export function presentChange(c: ChangeRowOut) {
  return {
    changeId: c.changeId, receiptNo: c.receiptNo ?? null, receiptYear: c.receiptYear ?? null, receiptLabel: receiptLabel(c),
    kind: c.kind, reasonCode: c.reasonCode, status: c.status as 'provisional' | 'returned' | 'final' | 'withdrawn', occurredOn: c.occurredOn, notifiedOn: c.notifiedOn,
    processedOn: c.processedOn, processedAt: new Date(c.processedAt).toISOString(), exOfficio: c.exOfficio, notifier: c.notifier,
    onRequest: !!c.onRequest, requestedOn: c.requestedOn ?? null,
    operatorId: c.operatorId, decidedBy: c.decidedBy, decidedAt: c.decidedAt ? new Date(c.decidedAt).toISOString() : null,
    cancelsChangeId: c.cancelsChangeId, personIds: c.personIds, householdIds: c.householdIds,
    alerts: (typeof c.alerts === 'string' ? JSON.parse(c.alerts) : c.alerts) as Array<{ code: string; message: string }>, note: c.note,
    returnedReason: c.returnedReason ?? null, returnedBy: c.returnedBy ?? null, returnedAt: c.returnedAt ? new Date(c.returnedAt).toISOString() : null,
  };
}

const mayReview = (actor: Actor) => can(actor, 'registry:review') || can(actor, 'registry:approve');

/** Creates the approval-step use cases. */
export function createChangeReviewUseCases(deps: { db: Database; registry: RegistryRepository; accessLog: AccessLogRepository; today: () => string }) {
  const { db, registry: repo, accessLog } = deps;
  /** One entry per person; `disclosed` gives the restricted items (spec §10.4) each person's records showed. */
  const logMany = (trx: TenantTx, actor: Actor, action: string, personIds: string[], ctx: Ctx, disclosed: Map<string, string[]> = new Map()) =>
    accessLog.appendMany(trx, actor.municipalityCode, [...new Set(personIds)].map((personId) => (
      { actorType: 'staff' as const, actorId: actor.staffId, action, subjectType: 'person', subjectId: personId, ...ctx, disclosedItems: disclosed.get(personId) ?? [] })));

  /** Adds the restricted items the records of each person showed to `into`. */
  const noteDisclosed = (into: Map<string, string[]>, personId: string, records: PersonRecord[], visible: ReadonlySet<RestrictedItem>) => {
    const seen = new Set([...(into.get(personId) ?? []), ...disclosedItems(records, visible)]);
    into.set(personId, RESTRICTED_ITEMS.filter((item) => seen.has(item)));
  };

  async function withPersons(trx: TenantTx, actor: Actor, rows: ChangeRowOut[], disclosed: Map<string, string[]>) {
    const today = deps.today();
    const visible = visibleItems(actor);
    const out = [];
    for (const c of rows) {
      const snaps = await repo.snapshotsOfChange(trx, c.changeId);
      for (const s of snaps) noteDisclosed(disclosed, s.personId, [s.record as unknown as PersonRecord], visible);
      out.push({ ...presentChange(c), persons: snaps.map((s) => presentPerson(s.personId, s.historyNo, s.record as unknown as PersonRecord, { today, visible })) });
    }
    return out;
  }

  return {
    /**
     * The work queue: open changes, oldest first, with their proposed records. Reviewers and approvers see every
     * clerk's; a counter clerk sees only their own (「自分の入力」). Each person shown is access-logged.
     */
    async listChanges(actor: Actor, f: ChangeQueueFilter, ctx: Ctx) {
      const own = !mayReview(actor);
      // Contractor staff (issue #15) receive and enter only: no list of changes, not even their own.
      if (own && (!can(actor, 'registry:change') || actor.contractor)) throw new ForbiddenError('registry:review');
      const statuses = f.status === 'provisional' ? ['provisional'] : f.status === 'returned' ? ['returned'] : ['provisional', 'returned'];
      const operatorId = own || f.operator === 'mine' ? actor.staffId : f.operator || undefined;
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = await repo.listChanges(trx, { statuses, kind: f.kind || undefined, operatorId, limit: Math.min(f.limit ?? 100, 200) });
        const disclosed = new Map<string, string[]>();
        const out = await withPersons(trx, actor, rows, disclosed);
        await logMany(trx, actor, 'registry.provisional.read', out.flatMap((c) => c.persons.map((p) => p.personId)), ctx, disclosed);
        return out;
      });
    },

    /** The clerks who entered open changes (the queue's 入力者 filter; ids only, names come from identity). */
    async openChangeOperators(actor: Actor) {
      if (!mayReview(actor)) return [];
      return withTenant(db, actor.municipalityCode, (trx) => repo.operatorsOf(trx, ['provisional', 'returned']));
    },

    /**
     * One change with, for every person it touches, the record before (the previous final snapshot; none for a new
     * person) and after, and the items that differ. Any registry reader; every person is access-logged
     * (`registry.change.read`).
     */
    async getChangeDetail(actor: Actor, changeId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:read');
      const today = deps.today();
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const c = await repo.findChange(trx, changeId);
        if (!c) fail('change-not-found');
        const snaps = await repo.snapshotsOfChange(trx, changeId);
        const visible = visibleItems(actor);
        const disclosed = new Map<string, string[]>();
        const persons = [];
        for (const s of snaps) {
          const after = s.record as unknown as PersonRecord;
          const prev = await repo.previousFinalSnapshot(trx, s.personId, s.historyNo);
          const before = (prev?.record as unknown as PersonRecord | undefined) ?? null;
          noteDisclosed(disclosed, s.personId, before ? [before, after] : [after], visible);
          persons.push({
            personId: s.personId, isNewPerson: !before, exists: !!(await repo.current(trx, s.personId)),
            before: before ? presentPerson(s.personId, prev!.historyNo, before, { today, visible }) : null,
            after: presentPerson(s.personId, s.historyNo, after, { today, visible }),
            changes: maskDiff(diffRecords(before, after), visible),
          });
        }
        await logMany(trx, actor, 'registry.change.read', snaps.map((s) => s.personId), ctx, disclosed);
        return { ...presentChange(c), persons };
      });
    },

    /** The household with a 世帯番号 (forms pick households by number, never by id); null when there is none. */
    async findHouseholdByNo(actor: Actor, householdNo: string) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => (await repo.findHouseholdByNo(trx, householdNo))?.householdId ?? null);
    },

    /** A change by its 受付番号 (year, number), for the search box; only the id and status. */
    async findChangeByReceipt(actor: Actor, year: number, no: number) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const c = await repo.findChangeByReceipt(trx, year, no);
        return c ? { changeId: c.changeId, status: c.status } : null;
      });
    },

    /**
     * 差戻し: returns a provisional change to its clerk with a reason (reviewers and approvers; not one's own change).
     * Nothing is released (see the model above).
     * @throws RegistryRuleError 'return-reason-required', 'change-not-found', 'change-returned', 'change-not-open', 'self-return'
     */
    async returnChange(actor: Actor, changeId: string, reason: string, ctx: Ctx) {
      if (!mayReview(actor)) throw new ForbiddenError('registry:review');
      const text = reason.trim();
      if (!text || text.length > 1000) fail('return-reason-required');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const c = await repo.findChange(trx, changeId, true);
        if (!c) fail('change-not-found');
        if (c.status === 'returned') fail('change-returned');
        if (c.status !== 'provisional') fail('change-not-open');
        if (c.operatorId === actor.staffId) fail('self-return');
        await repo.setReturned(trx, changeId, text, actor.staffId);
        await logMany(trx, actor, 'registry.change.return', c.personIds, ctx);
        return { changeId, status: 'returned' as const, reason: text };
      });
    },

    /**
     * 再提出: the clerk who entered a returned change sends it back to the queue (provisional again).
     * @throws RegistryRuleError 'change-not-found', 'change-not-returned', 'not-own-change'
     */
    async resubmitChange(actor: Actor, changeId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:change');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const c = await repo.findChange(trx, changeId, true);
        if (!c) fail('change-not-found');
        if (c.operatorId !== actor.staffId) fail('not-own-change');
        if (c.status !== 'returned') fail('change-not-returned');
        await repo.setResubmitted(trx, changeId);
        await logMany(trx, actor, 'registry.change.resubmit', c.personIds, ctx);
        return { changeId, status: 'provisional' as const };
      });
    },

    /**
     * What the console home shows about the registry: open changes to review (reviewers, approvers), the clerk's own
     * pending and returned changes, and the clerk's latest changes with the persons' names (access-logged).
     */
    async workSummary(actor: Actor, ctx: Ctx, recent = 5) {
      const review = mayReview(actor);
      const clerk = can(actor, 'registry:change') && !actor.contractor;
      if (!review && !clerk) return null;
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const all = review ? await repo.countChanges(trx, { statuses: ['provisional', 'returned'] }) : {};
        const mine = clerk ? await repo.countChanges(trx, { statuses: ['provisional', 'returned'], operatorId: actor.staffId }) : {};
        const disclosed = new Map<string, string[]>();
        const latest = clerk ? await withPersons(trx, actor, await repo.listChanges(trx, { statuses: ['provisional', 'returned', 'final', 'withdrawn'], operatorId: actor.staffId, limit: recent, newestFirst: true }), disclosed) : [];
        await logMany(trx, actor, 'registry.change.list', latest.flatMap((c) => c.persons.map((p) => p.personId)), ctx, disclosed);
        return {
          awaitingReview: review ? all.provisional ?? 0 : null, returnedToOthers: review ? all.returned ?? 0 : null,
          minePending: clerk ? mine.provisional ?? 0 : null, mineReturned: clerk ? mine.returned ?? 0 : null, recent: latest,
        };
      });
    },
  };
}
