// SPDX-License-Identifier: EUPL-1.2
/**
 * メモ (spec §1.1.15): internal notes of the registry section on a person or a household, with who wrote each version
 * and when. Never printed: certificates read the person's record, never memos. Reading needs `registry:read`;
 * writing `registry:memo`; changing or deleting another staff member's memo `registry:memo-manage` (決裁). Every
 * read and write is access-logged against the persons concerned.
 */
import crypto from 'node:crypto';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed, can } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { fail } from '../registry-errors.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import { insertMemo, insertRevision, latestRevision, lockMemo, memosOf } from './memo.repository.ts';

interface Deps { db: Database; registry: RegistryRepository; accessLog: AccessLogRepository; clock: Clock }
type Ctx = { clientIp: string; requestId: string };

/** One memo as shown: its latest text, who wrote it first and last, and every revision. */
export interface MemoView {
  memoId: string; subjectType: 'person' | 'household'; subjectId: string; body: string; deleted: boolean; revisionNo: number;
  createdBy: string; createdByName: string; createdAt: string; updatedBy: string; updatedByName: string; updatedAt: string;
  revisions: Array<{ revisionNo: number; body: string; deleted: boolean; writtenByName: string; writtenAt: string }>;
}

type Row = Awaited<ReturnType<typeof memosOf>>[number];

/** Groups revision rows into memos (rows come ordered by memo, then revision). */
function present(rows: Row[]): MemoView[] {
  const out = new Map<string, MemoView>();
  for (const r of rows) {
    const at = new Date(r.writtenAt).toISOString();
    let m = out.get(r.memoId);
    if (!m) {
      m = { memoId: r.memoId, subjectType: r.subjectType as MemoView['subjectType'], subjectId: r.subjectId, body: '', deleted: false, revisionNo: 0,
        createdBy: r.createdBy, createdByName: r.writtenByName, createdAt: new Date(r.createdAt).toISOString(), updatedBy: '', updatedByName: '', updatedAt: '', revisions: [] };
      out.set(r.memoId, m);
    }
    m.revisions.push({ revisionNo: r.revisionNo, body: r.body, deleted: r.deleted, writtenByName: r.writtenByName, writtenAt: at });
    Object.assign(m, { body: r.deleted ? m.body : r.body, deleted: r.deleted, revisionNo: r.revisionNo, updatedBy: r.writtenBy, updatedByName: r.writtenByName, updatedAt: at });
  }
  return [...out.values()];
}

/** The memo use cases. */
export function createMemoUseCases(deps: Deps) {
  const { db, registry: repo, accessLog } = deps;
  const logPersons = (trx: TenantTx, actor: Actor, action: string, personIds: string[], ctx: Ctx) =>
    accessLog.appendMany(trx, actor.municipalityCode, personIds.map((id) => ({ actorType: actor.contractor ? 'contractor' as const : 'staff' as const, actorId: actor.staffId,
      action, subjectType: 'person', subjectId: id, ...ctx })));

  /** The persons a memo is about: the person, or every member (living or not) of the household. */
  async function subjectPersons(trx: TenantTx, subjectType: 'person' | 'household', subjectId: string): Promise<string[]> {
    if (subjectType === 'person') {
      if (!(await repo.current(trx, subjectId))) fail('person-not-found');
      return [subjectId];
    }
    if (!(await repo.findHousehold(trx, subjectId))) fail('household-not-found');
    return (await repo.householdMembers(trx, subjectId, true)).map((p) => p.personId);
  }

  /** Checks the memo may get a new revision from this staff member, at the revision the clerk saw. */
  async function revisable(trx: TenantTx, actor: Actor, memoId: string, expectedRevision: number) {
    assertAllowed(actor, 'registry:memo');
    const memo = await lockMemo(trx, memoId);
    const last = memo && (await latestRevision(trx, memoId));
    if (!memo || !last || last.deleted) fail('memo-not-found');
    if (memo.createdBy !== actor.staffId && !can(actor, 'registry:memo-manage')) fail('memo-not-author');
    if (last.revisionNo !== expectedRevision) fail('memo-version-conflict');
    return { memo, next: last.revisionNo + 1 };
  }

  return {
    /** A person's memos and those of their household, newest revision each with its history; access-logged. */
    async memosOfPerson(actor: Actor, personId: string, ctx: Ctx, opts: { includeDeleted?: boolean } = {}) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const cur = await repo.current(trx, personId);
        if (!cur) fail('person-not-found');
        const items = present(await memosOf(trx, [personId, cur.householdId])).filter((m) => opts.includeDeleted || !m.deleted);
        await logPersons(trx, actor, 'registry.memo.read', [personId], ctx);
        return { items };
      });
    },

    /** A household's memos; access-logged against its members. */
    async memosOfHousehold(actor: Actor, householdId: string, ctx: Ctx, opts: { includeDeleted?: boolean } = {}) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const persons = await subjectPersons(trx, 'household', householdId);
        const items = present(await memosOf(trx, [householdId])).filter((m) => opts.includeDeleted || !m.deleted);
        await logPersons(trx, actor, 'registry.memo.read', persons, ctx);
        return { items };
      });
    },

    /**
     * Writes a memo on a person or household.
     * @throws RegistryRuleError 'person-not-found', 'household-not-found'; ForbiddenError without registry:memo
     */
    async addMemo(actor: Actor, input: { subjectType: 'person' | 'household'; subjectId: string; body: string }, ctx: Ctx) {
      assertAllowed(actor, 'registry:memo');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const persons = await subjectPersons(trx, input.subjectType, input.subjectId);
        const memoId = crypto.randomUUID();
        await insertMemo(trx, actor.municipalityCode, { memoId, subjectType: input.subjectType, subjectId: input.subjectId, body: input.body, by: actor.staffId, byName: actor.displayName });
        await logPersons(trx, actor, 'registry.memo.write', persons, ctx);
        return present(await memosOf(trx, [input.subjectId])).find((m) => m.memoId === memoId)!;
      });
    },

    /**
     * Changes a memo's text: a new revision (the earlier ones stay).
     * @throws RegistryRuleError 'memo-not-found', 'memo-not-author', 'memo-version-conflict'
     */
    async reviseMemo(actor: Actor, memoId: string, input: { body: string; expectedRevision: number }, ctx: Ctx) {
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const { memo, next } = await revisable(trx, actor, memoId, input.expectedRevision);
        await insertRevision(trx, actor.municipalityCode, { memoId, revisionNo: next, body: input.body, deleted: false, by: actor.staffId, byName: actor.displayName });
        await logPersons(trx, actor, 'registry.memo.write', await subjectPersons(trx, memo.subjectType as 'person', memo.subjectId), ctx);
        return present(await memosOf(trx, [memo.subjectId])).find((m) => m.memoId === memoId)!;
      });
    },

    /**
     * Deletes a memo: a deletion revision (the text stays in the history).
     * @throws RegistryRuleError 'memo-not-found', 'memo-not-author', 'memo-version-conflict'
     */
    async deleteMemo(actor: Actor, memoId: string, input: { expectedRevision: number }, ctx: Ctx) {
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const { memo, next } = await revisable(trx, actor, memoId, input.expectedRevision);
        await insertRevision(trx, actor.municipalityCode, { memoId, revisionNo: next, body: '', deleted: true, by: actor.staffId, byName: actor.displayName });
        await logPersons(trx, actor, 'registry.memo.delete', await subjectPersons(trx, memo.subjectType as 'person', memo.subjectId), ctx);
        return present(await memosOf(trx, [memo.subjectId])).find((m) => m.memoId === memoId)!;
      });
    },
  };
}
