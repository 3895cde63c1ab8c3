// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases of the resident registry: record a change as 仮登録, approve (本登録) or withdraw it, read persons,
 * history and households, search and statistics. Owns the tenant transaction, authorization, the household
 * version check (via the planner), the access log and the 個人番号 vault.
 */
import crypto from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed, can } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import { inSavepoint, withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { involvedIds, planChange, type CancelTarget, type Plan, type PlanContext, type World } from './changes/change-planner.ts';
import { fail } from './registry-errors.ts';
import { formatRegistryNumber, isValidMyNumber, residentCodeCheckDigit } from './numbers/my-number.ts';
import type { MyNumberCipher } from './numbers/my-number-cipher.ts';
import { foldName } from './name-folding.ts';
import { parseLegalDate } from '../../platform/dates/jp-date.ts';
import type { PersonRecord } from './registry-model.ts';
import { presentHit, presentPerson } from './registry.presenter.ts';
import { containsMask, disclosedItems, maskDiff, visibleItems } from './field-visibility.ts';
import type { RegistryRepository } from './registry.repository.ts';
import type { ChangeInput } from './registry.schema.ts';
import { buildStatistics, statisticsCsv } from './registry-statistics.ts';
import { seedDemoResidents } from './demo/demo-residents.ts';
import { createSupportMeasureUseCases } from './support-measures/support-measure.service.ts';
import { checkSuppressions, createSuppressionUseCases, enforceSuppressions } from './suppressions/suppression.service.ts';
import { memberOrderModeOf, orderMembers, type MemberOrderMode } from './member-order.ts';
import { createAddressChangeUseCases } from './addresses/address-change.service.ts';
import { createAddressMasterUseCases } from './addresses/address-master.service.ts';
import { allTowns, currentTowns } from './addresses/address-master.repository.ts';
import { createAddressDictionaryUseCases, loadDictionaryLookups } from './addresses/address-dictionary.service.ts';
import { createChangePreviewUseCases } from './changes/change-preview.service.ts';
import { createChangeReviewUseCases, presentChange } from './changes/change-review.service.ts';
import { createFeedUseCases } from './feed/feed.service.ts';
import { createFeedRepository } from './feed/feed.repository.ts';
import { createJukinetUseCases, RESIDENT_CODE_FROM_STOCK } from './jukinet/jukinet.service.ts';
import { createMoveInPrefillUseCases } from './jukinet/move-in-prefill.service.ts';
import { createMoveInNoticeOverdueUseCases } from './changes/move-in-notice-overdue.service.ts';
import type { MoveOutInfoInbox } from './jukinet/move-out-info-inbox.ts';
import { createBatchUseCases } from './batch/batch.service.ts';
import { createEucUseCases } from './euc/euc.service.ts';
import { createFormUseCases } from './forms/forms.service.ts';
import { diffRecords } from './changes/change-diff.ts';
import { createSearchUseCases } from './search/search.service.ts';
import { createRecordPeriodUseCases } from './search/record-periods.service.ts';
import { createMemoUseCases } from './memos/memo.service.ts';
import { createEligibilityUseCases } from './eligibility/eligibility.service.ts';
import { createFuhyoUseCases } from './fuhyo/fuhyo.service.ts';
import { createGuardianshipUseCases } from './guardianship/guardianship.service.ts';
import { createImmigrationUseCases } from './immigration/immigration.service.ts';
import type { ImmigrationInbox } from './immigration/immigration-adapter.ts';
import { createCardUseCases, type CardDeps } from './cards/card.service.ts';

/** Where a request comes from, for the access log. */
export interface RequestContext {
  clientIp: string;
  requestId: string;
}

export interface RegistryDeps {
  db: Database;
  registry: RegistryRepository;
  accessLog: AccessLogRepository;
  cipher: MyNumberCipher;
  clock: Clock;
  /** Received 転出証明書情報 (特例転入); none configured: nothing is ever found. */
  moveOutInbox?: MoveOutInfoInbox;
  /** Notices from the 法務大臣 (住基法30条の50) the 入管 file link delivers; none configured: none are received. */
  immigrationInbox?: ImmigrationInbox;
  /** Days a staff member's search history entry is kept after its last use (default 30). */
  searchHistoryDays?: number;
  /** Where the 住基ネット CS link drops files (<dir>/<市区町村コード>/): the CS's 本人確認情報 extract for the 整合性確認. */
  jukinetInboxDir?: string;
}

/** Today in Japan (法定の日付は日本時間). */
export function japanToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}


export type { SearchQuery } from './search/search-criteria.ts';

/**
 * Kinds planned under the municipality lock from the start: those that enter new persons (再転入 and identity
 * checks) and 異動の取消し, which may bring a removed person back (as a 再転入 might).
 */
const LOCKED_KINDS = new Set<ChangeInput['kind']>(['move-in', 'ex-officio-entry', 'birth', 'cancellation']);

/** An optimistic plan asked for a new 宛名番号 or 世帯番号 (see planIn). */
class NeedsNumbers extends Error {}

/** Creates the registry service. */
export function createRegistryService(deps: RegistryDeps) {
  const { db, registry: repo, accessLog, cipher, clock } = deps;
  const feed = createFeedRepository();
  const jukinet = createJukinetUseCases({ db, accessLog, cipher });
  const feedUseCases = createFeedUseCases({ db, accessLog, cipher, today: () => japanToday(clock) });
  const fuhyo = createFuhyoUseCases({ accessLog, asConsumer: feedUseCases.asFeedConsumer });
  const immigration = createImmigrationUseCases({ db, accessLog, today: () => japanToday(clock), plan: (...a) => planIn(...a), suppress: (...a) => suppressChange(...a),
    write: (trx, m, plan, input, actor, today) => writePlan(trx, m, plan, input, actor, today, 'provisional'), inbox: deps.immigrationInbox });

  const log = (trx: TenantTx, actor: Actor, action: string, personId: string, ctx: RequestContext, extra: { purpose?: string; myNumberAccessed?: boolean; disclosedItems?: string[] } = {}) =>
    accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action, subjectType: 'person', subjectId: personId, ...ctx, ...extra });

  /** One access-log entry per person, written in one statement. */
  const logMany = (trx: TenantTx, actor: Actor, action: string, personIds: string[], ctx: RequestContext, extra: { purpose?: string; myNumberAccessed?: boolean; disclosedItems?: string[] } = {}) =>
    accessLog.appendMany(trx, actor.municipalityCode, personIds.map((personId) => (
      { actorType: 'staff' as const, actorId: actor.staffId, action, subjectType: 'person', subjectId: personId, ...ctx, ...extra })));

  /** Loads every person and household the change touches, with the households locked. */
  async function loadWorld(trx: TenantTx, m: string, input: ChangeInput, today: string): Promise<World> {
    const ids = involvedIds(input);
    let cancel: CancelTarget | undefined;
    const personIds = new Set(ids.personIds);
    const householdIds = new Set(ids.householdIds);
    if (input.kind === 'cancellation') {
      const c = await repo.findChange(trx, input.changeId);
      if (!c) fail('change-not-found');
      const snaps = await repo.snapshotsOfChange(trx, c.changeId);
      const items: CancelTarget['items'] = [];
      for (const s of snaps) {
        const prev = await repo.previousFinalSnapshot(trx, s.personId, s.historyNo);
        const previous = (prev?.record as unknown as PersonRecord | undefined) ?? null;
        items.push({ personId: s.personId, historyNo: s.historyNo, previous, cancelled: s.record as unknown as PersonRecord });
        personIds.add(s.personId);
        if (previous) householdIds.add(previous.householdId);
      }
      const kindClass = c.reasonCode.startsWith('A') ? '記載' : c.reasonCode.startsWith('B') ? '消除' : '修正';
      cancel = { changeId: c.changeId, kind: c.kind as CancelTarget['kind'], status: c.status, reasonClass: kindClass, items };
    }
    // Lock every household involved (row locks, in id order), then read the persons again: without the
    // municipality lock, a change committed in between may have moved a person into another household.
    let first = await repo.personsByIds(trx, [...personIds]);
    for (const p of first) householdIds.add(p.record.householdId);
    let households = await repo.lockHouseholds(trx, [...householdIds]);
    for (let round = 0; round < 5 && first.length > 0; round++) {
      first = await repo.personsByIds(trx, [...personIds]);
      const missing = first.map((p) => p.record.householdId).filter((h) => !householdIds.has(h));
      if (missing.length === 0) break;
      for (const h of missing) householdIds.add(h);
      households = await repo.lockHouseholds(trx, [...householdIds]);
    }
    const members = await repo.membersOf(trx, [...householdIds]);
    const persons = new Map([...first, ...members].map((p) => [p.personId, p]));
    const identityMatches: World['identityMatches'] = new Map();
    const nameMatches: World['nameMatches'] = new Map();
    const newPersons = input.kind === 'move-in' || input.kind === 'ex-officio-entry' ? input.persons : input.kind === 'birth' ? [input.person] : [];
    for (const [i, p] of newPersons.entries()) {
      const myNumberIndex = p.myNumber && isValidMyNumber(p.myNumber) ? cipher.blindIndex(p.myNumber) : undefined;
      if (myNumberIndex && (await repo.pendingWithMyNumber(trx, myNumberIndex))) fail('provisional-change-pending');
      const matches = await repo.findByIdentifiers(trx, { myNumberIndex, residentCode: p.residentCode || undefined, residenceCardNo: p.foreign?.residenceCardNo });
      identityMatches.set(i, matches);
      for (const mt of matches) persons.set(mt.personId, mt);
      try {
        const birth = parseLegalDate(p.birthDate, { allowNonCalendar: true }).sortKey;
        nameMatches.set(i, await repo.findRemovedByNameBirth(trx, foldName(`${p.familyName}${p.givenName}`), birth, p.sex));
      } catch {
        nameMatches.set(i, []);
      }
    }
    const details = [
      ...newPersons.map((p) => p.honsekiDetail), 'previousAddressDetail' in input ? input.previousAddressDetail : undefined,
      'destinationDetail' in input ? input.destinationDetail : undefined, 'honsekiDetail' in input ? input.honsekiDetail : undefined,
      'patch' in input ? input.patch.honsekiDetail : undefined, { municipalityCode: m },
    ];
    const dictionary = await loadDictionaryLookups(trx, m, details, today);
    return { municipalityCode: m, today, towns: await currentTowns(trx, today), dictionary, persons, households: new Map(households.map((h) => [h.householdId, h])), identityMatches, nameMatches, cancel };
  }

  /** Writes a plan: the change, new households and persons, snapshots, vault rows, reservations. */
  async function writePlan(trx: TenantTx, m: string, plan: Plan, input: ChangeInput, actor: { staffId: string }, today: string, status: 'provisional' | 'final') {
    const changeId = crypto.randomUUID();
    const householdIds = [...new Set([...plan.touchedHouseholdIds, ...plan.newHouseholds.map((h) => h.householdId)])];
    // 受付番号 of the year; taken after the households' locks (the counter row stays locked until commit).
    const receiptYear = Number(today.slice(0, 4));
    const receiptNo = await repo.nextReceiptNo(trx, m, receiptYear);
    await repo.insertChange(trx, m, {
      receiptYear, receiptNo,
      changeId, kind: plan.kind, reasonCode: plan.reason.code, status, occurredOn: plan.occurredOn, notifiedOn: plan.notifiedOn,
      processedOn: today, exOfficio: plan.exOfficio, onRequest: plan.onRequest, requestedOn: plan.requestedOn, notifier: input.notifier, operatorId: actor.staffId, cancelsChangeId: plan.cancelsChangeId,
      personIds: plan.snapshots.map((s) => s.personId), householdIds, alerts: plan.alerts, note: input.note,
      ...(status === 'final' ? { decidedBy: actor.staffId, decidedAt: new Date() } : {}),
    });
    const pending = status === 'provisional' ? changeId : null;
    await repo.insertHouseholds(trx, m, plan.newHouseholds.map((h) => ({ ...h, pendingChangeId: pending })));
    await repo.insertPersons(trx, m, plan.snapshots.filter((s) => s.isNewPerson).map((s) => ({ personId: s.personId, atenaNo: s.record.atenaNo })));
    await repo.vaultInsert(trx, m, plan.myNumbers.map((n) => ({ myNumberIndex: n.index, ...cipher.seal(n.myNumber, n.index) })));
    await repo.insertSnapshots(trx, m, plan.snapshots.map((s) => ({ personId: s.personId, historyNo: s.historyNo, changeId, effectiveOn: s.effectiveOn, record: s.record })));
    await repo.reserveHouseholds(trx, plan.touchedHouseholdIds, pending);
    if (status === 'provisional') {
      // The plan saw these persons free; a change that reserved one since (a race the locks should prevent) wins.
      const existing = [...new Set(plan.snapshots.filter((s) => !s.isNewPerson).map((s) => s.personId))];
      if ((await repo.reservePersons(trx, existing, changeId)) !== existing.length) fail('provisional-change-pending');
    }
    else await repo.upsertCurrent(trx, m, plan.snapshots);
    return changeId;
  }

  /**
   * Plans a change with the locks it needs. Changes of existing persons and households are planned under their
   * households' row locks only, so changes of different households run side by side. A change that enters new
   * persons (転入, 出生, 職権記載: 再転入 and identity checks), cancels one (異動の取消し) or needs a new 宛名番号 or 世帯番号 (e.g. a 転居 that
   * splits a household) is planned under the municipality's registry lock, taken before any household lock. When
   * an optimistic plan turns out to need a number, its household locks are released (savepoint) and the change is
   * planned again under the municipality lock, so the lock order is always municipality → households.
   */
  async function planIn(trx: TenantTx, m: string, input: ChangeInput, today: string) {
    // A masked value (spec §10.4) copied from a screen back into a change would overwrite the real item.
    if (containsMask(input)) fail('masked-value');
    const p = await planLocked(trx, m, input, today);
    await jukinet.drawResidentCodes(trx, m, p); // new 住民票コード from the allotted stock (a preview's savepoint returns them)
    return p;
  }

  /** The municipality's 世帯員の並び順 (spec §5.2): `memberOrder` in its settings, the standard order unless `entry`. */
  async function memberOrderModeIn(trx: TenantTx, m: string): Promise<MemberOrderMode> {
    const t = await trx.selectFrom('platform.tenant').select('settings').where('municipalityCode', '=', m).executeTakeFirst();
    return memberOrderModeOf(t?.settings as Record<string, unknown> | undefined);
  }

  async function planLocked(trx: TenantTx, m: string, input: ChangeInput, today: string) {
    const mode = await memberOrderModeIn(trx, m);
    const plan = async (numbers: { atena: number; household: number } | null) => planChange(input, await loadWorld(trx, m, input, today), { ...numberingContext(numbers), memberOrderMode: mode });
    if (!LOCKED_KINDS.has(input.kind)) {
      try {
        // A refused plan's savepoint is rolled back too, releasing its row locks: a batch (住所一括変更) goes on.
        return await inSavepoint(trx, 'registry_plan', () => plan(null));
      } catch (e) {
        if (!(e instanceof NeedsNumbers)) throw e;
      }
    }
    await repo.lockMunicipality(trx, m);
    return plan(await repo.maxNumbers(trx));
  }

  /** Id and number sources of a plan; without numbers (optimistic plan), asking for one throws NeedsNumbers. */
  function numberingContext(n: { atena: number; household: number } | null): PlanContext {
    let stockDraws = 0;
    return {
      newId: () => crypto.randomUUID(),
      nextAtenaNo: () => { if (!n) throw new NeedsNumbers(); return formatRegistryNumber(++n.atena); },
      nextHouseholdNo: () => { if (!n) throw new NeedsNumbers(); return formatRegistryNumber(++n.household); },
      newResidentCode: () => `${RESIDENT_CODE_FROM_STOCK}${++stockDraws}`,
      myNumberIndex: (x) => cipher.blindIndex(x),
    };
  }

  /** 抑止 of 異動入力 (spec §3.1): refuses the change for a suppressed person or household, or adds the alert. */
  async function suppressChange(trx: TenantTx, plan: Plan, today: string) {
    const existing = plan.snapshots.map((x) => ({ personId: x.personId, householdId: x.record.householdId }));
    for (const a of await enforceSuppressions(trx, existing, 'change', clock.now(), today)) plan.alerts.push(a);
  }

  async function approveIn(trx: TenantTx, actor: Actor, changeId: string, ctx: RequestContext) {
    await finaliseIn(trx, actor.municipalityCode, { type: 'staff', id: actor.staffId }, changeId, ctx);
  }

  /** 本登録 of a provisional change by a staff member or by rule (system); never by the one who recorded it. */
  async function finaliseIn(trx: TenantTx, m: string, by: { type: 'staff' | 'system'; id: string }, changeId: string, ctx: RequestContext) {
    const c = await repo.findChange(trx, changeId, true);
    if (!c) fail('change-not-found');
    if (c.status === 'returned') fail('change-returned');
    if (c.status !== 'provisional') fail('change-not-provisional');
    if (c.operatorId === by.id) fail('self-approval');
    const snaps = await repo.snapshotsOfChange(trx, changeId);
    await repo.upsertCurrent(trx, m, snaps.map((s) => ({ personId: s.personId, historyNo: s.historyNo, record: s.record as unknown as PersonRecord })));
    await repo.releaseHouseholds(trx, changeId);
    await repo.setChangeStatus(trx, changeId, 'final', by.id);
    await accessLog.appendMany(trx, m, snaps.map((s) => ({ actorType: by.type, actorId: by.id, action: 'registry.change.approve', subjectType: 'person', subjectId: s.personId, ...ctx })));
  }

  // The J-LIS answers record a 個人番号の変更請求 through recordFinalAsSystem (set below, once the service exists).
  let recordFinal: CardDeps['recordFinal'] = () => Promise.reject(new Error('registry service not ready'));
  const service = {
    ...createSupportMeasureUseCases({ db, registry: repo, accessLog, clock, today: () => japanToday(clock) }),
    ...createSuppressionUseCases({ db, registry: repo, accessLog, clock, today: () => japanToday(clock) }),
    ...createAddressChangeUseCases({ db, registry: repo, accessLog, today: () => japanToday(clock), plan: planIn,
      write: (trx, m, plan, input, actor, today) => writePlan(trx, m, plan, input, actor, today, 'provisional') }),
    ...createAddressMasterUseCases({ db, accessLog, today: () => japanToday(clock) }),
    ...createAddressDictionaryUseCases({ db, today: () => japanToday(clock) }),
    ...createChangePreviewUseCases({ db, accessLog, today: () => japanToday(clock), plan: planIn }),
    ...createChangeReviewUseCases({ db, registry: repo, accessLog, today: () => japanToday(clock) }),
    ...feedUseCases,
    ...fuhyo,
    ...createGuardianshipUseCases({ db, accessLog, today: () => japanToday(clock) }),
    ...createEligibilityUseCases({ db, accessLog, clock, today: () => japanToday(clock), asConsumer: feedUseCases.asFeedConsumer }),
    ...jukinet,
    ...immigration,
    ...createMoveInPrefillUseCases({ db, accessLog, inbox: deps.moveOutInbox ?? { find: async () => undefined } }),
    ...createMoveInNoticeOverdueUseCases({ db, accessLog, today: () => japanToday(clock) }),
    ...createBatchUseCases({ db, registry: repo, accessLog, today: () => japanToday(clock), jukinetInboxDir: deps.jukinetInboxDir }),
    ...createEucUseCases({ db, accessLog, cipher, today: () => japanToday(clock) }),
    ...createFormUseCases({ db, registry: repo, accessLog, clock }),
    ...createSearchUseCases({ db, registry: repo, accessLog, cipher, clock, today: () => japanToday(clock), historyDays: deps.searchHistoryDays ?? 30 }),
    ...createRecordPeriodUseCases({ db, accessLog, clock, today: () => japanToday(clock) }),
    ...createMemoUseCases({ db, registry: repo, accessLog, clock }),
    ...createCardUseCases({ db, accessLog, cipher, today: () => japanToday(clock), recordFinal: (m, input) => recordFinal(m, input) }),

    /**
     * Records a change as 仮登録 (provisional): invisible to reads and certificates until approved.
     * @throws RegistryRuleError for every blocking rule; 'household-version-conflict' when another clerk changed a household first
     */
    async recordChange(actor: Actor, input: ChangeInput, ctx: RequestContext) {
      assertAllowed(actor, 'registry:change');
      const m = actor.municipalityCode;
      const today = japanToday(clock);
      return withTenant(db, m, async (trx) => {
        const plan = await planIn(trx, m, input, today);
        await suppressChange(trx, plan, today);
        const changeId = await writePlan(trx, m, plan, input, actor, today, 'provisional');
        await logMany(trx, actor, 'registry.change.record', plan.snapshots.map((s) => s.personId), ctx, { myNumberAccessed: plan.myNumbers.length > 0 });
        return {
          changeId, status: 'provisional' as const, kind: plan.kind, reasonCode: plan.reason.code, reasonLabel: plan.reason.label,
          alerts: plan.alerts, personIds: plan.snapshots.map((s) => s.personId),
          householdIds: [...new Set(plan.snapshots.map((s) => s.record.householdId))],
        };
      });
    },

    /**
     * For the cases domain, inside its tenant transaction: the persons with these 宛名番号, the active members of
     * their households and the households' versions. The caller authorises and writes the access log.
     */
    async lookupForCase(trx: TenantTx, atenaNos: string[]) {
      const persons = await repo.personsByAtenaNos(trx, [...new Set(atenaNos)]);
      const householdIds = [...new Set(persons.map((p) => p.householdId))];
      const members = await repo.membersOf(trx, householdIds);
      const households = await Promise.all(householdIds.map((h) => repo.findHousehold(trx, h)));
      return {
        persons: persons.map((p) => ({ personId: p.personId, atenaNo: p.atenaNo, householdId: p.householdId, removed: p.removedOn !== null,
          pendingChangeId: p.pendingChangeId, record: p.record as unknown as PersonRecord })),
        households: households.filter((h) => !!h).map((h) => ({ householdId: h.householdId, version: h.version, pendingChangeId: h.pendingChangeId,
          members: members.filter((mb) => mb.record.householdId === h.householdId).map((mb) => ({ personId: mb.personId, atenaNo: mb.record.atenaNo })) })),
      };
    },

    /**
     * Records a change as 仮登録 inside the caller's tenant transaction (the cases domain: the effect of an approved
     * case, written in the same transaction as the decision). The caller authorises; the operator may be `system`.
     * @throws RegistryRuleError for every blocking rule (the caller's transaction is then rolled back by the caller)
     */
    async recordChangeIn(trx: TenantTx, m: string, operator: { type: 'staff' | 'system'; id: string }, input: ChangeInput, ctx: RequestContext) {
      const today = japanToday(clock);
      const plan = await planIn(trx, m, input, today);
      await suppressChange(trx, plan, today);
      const changeId = await writePlan(trx, m, plan, input, { staffId: operator.id }, today, 'provisional');
      await accessLog.appendMany(trx, m, plan.snapshots.map((s) => ({ actorType: operator.type, actorId: operator.id, action: 'registry.change.record',
        subjectType: 'person', subjectId: s.personId, ...ctx })));
      return { changeId, kind: plan.kind, reasonCode: plan.reason.code, reasonLabel: plan.reason.label, alerts: plan.alerts,
        personIds: plan.snapshots.map((s) => s.personId), householdIds: [...new Set(plan.snapshots.map((s) => s.record.householdId))] };
    },

    /**
     * 本登録 by rule inside the caller's tenant transaction (the cases domain: a case type whose clean, automatically
     * approved cases are finalised without a second person). The rule's id must differ from the one that recorded it.
     * @throws RegistryRuleError 'change-not-found', 'change-not-provisional', 'self-approval'
     */
    async finaliseChangeIn(trx: TenantTx, m: string, by: { type: 'system'; id: string }, changeId: string, ctx: RequestContext) {
      await finaliseIn(trx, m, by, changeId, ctx);
    },

    /** Plans and writes a change as final in one step (system use: demo data, tests of invariants). */
    async recordFinalAsSystem(municipalityCode: string, input: ChangeInput) {
      const today = japanToday(clock);
      return withTenant(db, municipalityCode, async (trx) => {
        const plan = await planIn(trx, municipalityCode, input, today);
        const changeId = await writePlan(trx, municipalityCode, plan, input, { staffId: 'system' }, today, 'final');
        await feed.allocate(trx, municipalityCode, [changeId]); // the feed number's lock is held to commit
        await jukinet.recordJukinetMessages(trx, municipalityCode, [changeId]);
        await fuhyo.recordFuhyoNotices(trx, municipalityCode, [changeId]); // 附票 notices of local 本籍 holders (spec §7.2.4)
        await immigration.recordImmigrationMessages(trx, municipalityCode, [changeId]);
        return { changeId, plan };
      });
    },

    /**
     * Approves provisional changes (本登録), one or many in one transaction (spec §4.0.8: bulk finalisation).
     * @throws RegistryRuleError 'change-not-provisional', 'self-approval', 'too-many-changes'
     */
    async approve(actor: Actor, changeIds: string[], ctx: RequestContext) {
      assertAllowed(actor, 'registry:approve');
      if (changeIds.length > 100) fail('too-many-changes');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        // Row locks only (the change rows, then their households), taken in id order so that two approvers of
        // overlapping lists cannot deadlock; a pending change's persons and households are reserved to it.
        const ids = [...new Set(changeIds)].sort();
        for (const id of ids) await approveIn(trx, actor, id, ctx);
        // At the end: the change feed's numbers, whose lock is held to commit (numbers become visible in order), and
        // the 住基ネット outbox in the same transaction.
        await feed.allocate(trx, actor.municipalityCode, ids);
        await jukinet.recordJukinetMessages(trx, actor.municipalityCode, ids);
        await fuhyo.recordFuhyoNotices(trx, actor.municipalityCode, ids);
        await immigration.recordImmigrationMessages(trx, actor.municipalityCode, ids); // 入管 市町村通知 (R3), same transaction
        return { approved: changeIds };
      });
    },

    /**
     * Withdraws (取下げ) a provisional or returned (差戻し中) change; its snapshots stay in history as withdrawn and its
     * reservations are released. The clerk who entered it may withdraw it, and so may a reviewer (審査) or approver
     * (決裁); another counter clerk may not (issue #15).
     * @throws RegistryRuleError 'change-not-found', 'change-not-provisional', 'withdraw-others-change'
     */
    async withdraw(actor: Actor, changeId: string, ctx: RequestContext) {
      const supervises = can(actor, 'registry:approve') || can(actor, 'registry:review');
      if (!supervises && !can(actor, 'registry:change')) throw new ForbiddenError('registry:change');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const c = await repo.findChange(trx, changeId, true);
        if (!c) fail('change-not-found');
        if (!supervises && c.operatorId !== actor.staffId) fail('withdraw-others-change');
        if (c.status !== 'provisional' && c.status !== 'returned') fail('change-not-provisional');
        await repo.releaseHouseholds(trx, changeId);
        await repo.releasePersons(trx, changeId);
        await repo.setChangeStatus(trx, changeId, 'withdrawn', actor.staffId);
        await logMany(trx, actor, 'registry.change.withdraw', c.personIds, ctx);
        return { changeId, status: 'withdrawn' as const };
      });
    },

    /** Provisional changes for review, oldest first, with the proposed records (個人番号 masked). */
    async listProvisional(actor: Actor, ctx: RequestContext, limit = 100) {
      if (!can(actor, 'registry:review') && !can(actor, 'registry:approve')) throw new ForbiddenError('registry:review');
      const today = japanToday(clock);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = await repo.listProvisional(trx, limit);
        const out = [];
        for (const c of rows) {
          const snaps = await repo.snapshotsOfChange(trx, c.changeId);
          const visible = visibleItems(actor);
          const records = snaps.map((s) => s.record as unknown as PersonRecord);
          await logMany(trx, actor, 'registry.provisional.read', snaps.map((s) => s.personId), ctx, { disclosedItems: disclosedItems(records, visible) });
          out.push({ ...presentChange(c), persons: snaps.map((s, i) => presentPerson(s.personId, s.historyNo, records[i]!, { today, visible })) });
        }
        return out;
      });
    },

    /** One change (異動) with its metadata. */
    async getChange(actor: Actor, changeId: string) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const c = await repo.findChange(trx, changeId);
        if (!c) fail('change-not-found');
        return presentChange(c);
      });
    },

    /**
     * A person's final record, now or as of a date; 個人番号 unmasked only with the permission and a purpose.
     * Every read is access-logged, with whether the 個人番号 was shown.
     */
    async getPerson(actor: Actor, personId: string, opts: { asOf?: string; unmask?: boolean; purpose?: string }, ctx: RequestContext) {
      assertAllowed(actor, 'registry:read');
      if (opts.unmask) {
        assertAllowed(actor, 'registry:unmask-my-number');
        if (!opts.purpose?.trim()) fail('purpose-required');
      }
      const today = japanToday(clock);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const cur = await repo.current(trx, personId);
        if (!cur) fail('person-not-found');
        await enforceSuppressions(trx, [{ personId, householdId: cur.householdId }], 'inquiry', clock.now(), today); // 照会の抑止 (spec §3.1)
        let historyNo = cur.historyNo;
        let record = cur.record as unknown as PersonRecord;
        if (opts.asOf) {
          const s = await repo.snapshotAsOf(trx, personId, opts.asOf);
          if (!s) fail('person-not-found');
          historyNo = s.historyNo;
          record = s.record as unknown as PersonRecord;
        }
        let myNumber: string | undefined;
        if (opts.unmask && record.myNumberIndex) {
          const v = await repo.vaultGet(trx, record.myNumberIndex);
          if (v) myNumber = cipher.open({ keyId: v.keyId, ciphertext: v.ciphertext }, v.myNumberIndex);
        }
        const visible = visibleItems(actor);
        await log(trx, actor, 'registry.person.read', personId, ctx, { purpose: opts.purpose ?? '', myNumberAccessed: !!myNumber, disclosedItems: disclosedItems([record], visible) });
        return presentPerson(personId, historyNo, record, { myNumber, today, pendingChangeId: cur.pendingChangeId, visible });
      });
    },

    /** Every snapshot of a person (履歴), including provisional and withdrawn ones, with their change. */
    async getHistory(actor: Actor, personId: string, ctx: RequestContext) {
      assertAllowed(actor, 'registry:read');
      const today = japanToday(clock);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = await repo.history(trx, personId);
        if (rows.length === 0) fail('person-not-found');
        const visible = visibleItems(actor);
        await log(trx, actor, 'registry.person.history.read', personId, ctx, { disclosedItems: disclosedItems(rows.map((r) => r.record as unknown as PersonRecord), visible) });
        // Item by item before → after (spec §2.2.1): against the record in force before each entry (the last final one);
        // restricted items the actor may not see are masked there too (spec §10.4).
        let inForce: PersonRecord | null = null;
        return rows.map((r) => {
          const record = r.record as unknown as PersonRecord;
          const changes = maskDiff(diffRecords(inForce, record), visible);
          if (r.status === 'final') inForce = record;
          return {
          historyNo: r.historyNo, effectiveOn: r.effectiveOn,
          change: { changeId: r.changeId, kind: r.kind, reasonCode: r.reasonCode, status: r.status, occurredOn: r.occurredOn, notifiedOn: r.notifiedOn,
            processedOn: r.processedOn, operatorId: r.operatorId, decidedBy: r.decidedBy, notifier: r.notifier, exOfficio: r.exOfficio, onRequest: r.onRequest, requestedOn: r.requestedOn, cancelsChangeId: r.cancelsChangeId },
          record: presentPerson(personId, r.historyNo, record, { today, visible }), changes,
          };
        });
      });
    },

    /** A household with its version (for the optimistic check) and ordered members. */
    async getHousehold(actor: Actor, householdId: string, opts: { includeRemoved?: boolean }, ctx: RequestContext) {
      assertAllowed(actor, 'registry:read');
      const today = japanToday(clock);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const h = await repo.findHousehold(trx, householdId);
        if (!h) fail('household-not-found');
        const members = await repo.householdMembers(trx, householdId, !!opts.includeRemoved);
        const visible = visibleItems(actor);
        // One entry per member, in one statement, each with the restricted items its record showed.
        await accessLog.appendMany(trx, actor.municipalityCode, members.map((mb) => ({
          actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.person.read', subjectType: 'person', subjectId: mb.personId, ...ctx,
          purpose: 'household', disclosedItems: disclosedItems([mb.record as unknown as PersonRecord], visible),
        })));
        // 世帯員の並び順 by the standard's rule (spec §5.2): a newcomer takes its place, the stored order breaks ties.
        const mode = await memberOrderModeIn(trx, actor.municipalityCode);
        const ordered = orderMembers(members, (mb) => { const r = mb.record as unknown as PersonRecord; return { personId: mb.personId, relationship: r.relationship, birthKey: r.birthDate.sortKey, atenaNo: r.atenaNo, memberOrder: r.memberOrder, familyOf: r.familyOf }; }, mode);
        const presented = ordered.map((mb) => presentPerson(mb.personId, mb.historyNo, mb.record as unknown as PersonRecord, { today, visible }));
        const head = presented.find((p) => p.relationship === '世帯主' && p.status !== 'removed');
        // A household may be without a head for a while (spec §1.1.10): its address is every living member's.
        const living = presented.find((p) => p.status !== 'removed');
        return {
          householdId: h.householdId, householdNo: h.householdNo, version: h.version, pendingChangeId: h.pendingChangeId,
          headPersonId: head?.personId ?? null, address: (head ?? living)?.address ?? null,
          deFactoHead: (head ?? living)?.deFactoHead ?? null, members: presented,
        };
      });
    },

    /** Population by 町字, 5-year age band, sex and Japanese/foreign, and households, as of a date. */
    async statistics(actor: Actor, asOf: string | undefined, format: 'json' | 'csv') {
      if (!can(actor, 'registry:read') && !can(actor, 'insights:read')) throw new ForbiddenError('registry:read');
      const date = asOf ?? japanToday(clock);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = (await repo.statistics(trx, date)).rows;
        const households = (await repo.householdCount(trx, date)).rows;
        const stats = buildStatistics(actor.municipalityCode, date, rows, households, await allTowns(trx));
        return format === 'csv' ? statisticsCsv(stats) : stats;
      });
    },

    /** Seeds generated demo residents (bulk; skipped when the municipality already has persons). */
    seedDemoResidents(municipalityCode: string, opts: { persons?: number; seed?: string; asOf?: string } = {}) {
      return seedDemoResidents(db, cipher, municipalityCode, opts);
    },

    /** Re-encrypts every 個人番号 not under the current key (key rotation); returns how many rows changed. */
    async rotateMyNumberKeys(municipalityCode: string) {
      let total = 0;
      for (;;) {
        const n = await withTenant(db, municipalityCode, async (trx) => {
          const rows = await repo.vaultNotUnder(trx, cipher.currentKeyId, 1000);
          for (const r of rows) {
            const plain = cipher.open(r, r.myNumberIndex);
            const sealed = cipher.seal(plain, r.myNumberIndex);
            await repo.vaultUpdate(trx, r.myNumberIndex, sealed.keyId, sealed.ciphertext);
          }
          return rows.length;
        });
        total += n;
        if (n < 1000) return total;
      }
    },
  };
  recordFinal = (m, input) => service.recordFinalAsSystem(m, input);
  return service;
}

export type RegistryService = ReturnType<typeof createRegistryService>;
