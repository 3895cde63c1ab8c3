// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases of the daycare office (保育所等利用調整): rounds, facilities and seats, applications (entered
 * or imported from CSV), allocation runs with their stored request/result, and round 2 built on a
 * confirmed round 1 whose offers stay frozen. Result views (explanations, cut-offs, what-if, comparison,
 * notices) are in daycare-results.service.ts. Every use case needs 'daycare:manage'.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError, NotFoundError } from '../../platform/http/errors.ts';
import { withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { decodeCsvBytes, importApplicationsCsv, type CsvRowProblem } from './application-csv.ts';
import type { DaycareRepository } from './daycare.repository.ts';
import type { ApplicationCorrection, FacilityInput, GeneratedRoundInput, HouseholdInput, RoundInput } from './daycare.schema.ts';
import {
  allocate, EXAMPLE_RULE_TABLES, generate, scoreApplication, validateRequest,
  type AllocationPolicy, type AllocationRequest, type InputProblem, type RuleTable, type SiblingPattern,
} from './index.ts';
import {
  buildRequest, carriedHouseholds, recordsFromRequest, remainingSeats, serializeRequest,
  type ChildRecord, type FacilityRecord, type HouseholdRecord, type RoundRecord,
} from './round-request.ts';
import { createRoundStore, roundRecord, sha256, type StoredRun } from './round-store.ts';
import { residentResultIn } from './resident-result.ts';

/** Request facts for the access log. */
export interface RequestContext {
  clientIp: string;
  requestId: string;
}

/** The round id is taken. */
export class RoundExistsError extends DomainError {
  constructor(roundId: string) { super('daycare-round-exists', 'この回の番号は既に使われています', 409, `Round ${roundId} exists`); }
}
/** The round is confirmed (決定済み): its data and result are frozen. */
export class RoundFrozenError extends DomainError {
  constructor() { super('daycare-round-frozen', 'この回は決定済みのため変更できません', 409, 'The round is confirmed and frozen'); }
}
/** The round has no allocation result yet. */
export class NoResultError extends DomainError {
  constructor() { super('daycare-no-result', 'この回はまだ選考を実行していません', 409, 'The round has no allocation result'); }
}
/** The stored data do not form a valid v1 request. */
export class InvalidRoundDataError extends DomainError {
  constructor(problems: InputProblem[]) {
    super('daycare-invalid-request', '選考データに誤りがあります', 422, 'The round data is not a valid allocation request', { problems: problems.slice(0, 200) });
  }
}
/** A CSV import had rows with problems; nothing was stored. */
export class CsvRejectedError extends DomainError {
  constructor(problems: CsvRowProblem[], rows: number) {
    super('daycare-csv-invalid', 'CSVに誤りがあるため取り込みませんでした', 422, 'CSV rows were rejected; nothing was stored', { rows, problems: problems.slice(0, 500), problemCount: problems.length });
  }
}

const notFoundRound = () => new NotFoundError('Daycare round', '利用調整の回');
const notFoundApplication = () => new NotFoundError('Application', '申込');
/** The application was withdrawn (取下げ): it can no longer be corrected or withdrawn. */
export class ApplicationWithdrawnError extends DomainError {
  constructor() { super('daycare-application-withdrawn', 'この申込は取下げ済みです', 409, 'The application was withdrawn'); }
}

/** One entered child → its record, scored by the round's rule table when no index is given. @throws InvalidRoundDataError */
function childRecord(round: RoundRecord, childId: string, c: ApplicationCorrection): ChildRecord {
  const scored = c.score === undefined && c.facts && round.ruleTable ? scoreApplication(round.ruleTable, { ...c.facts, tieBreak: c.tieBreak }) : null;
  if (c.score === undefined && !scored) throw new InvalidRoundDataError([{ pointer: `/children/${childId}/score`, message: 'score, or facts with a rule table, is required' }]);
  return {
    childId, childName: c.childName, ageClass: c.ageClass, currentFacilityId: c.currentFacilityId,
    preferences: c.preferences, score: scored ? scored.score : c.score!, scoreByFacility: scored?.scoreByFacility ?? {},
    tieBreak: c.tieBreak, facts: c.facts ?? null, scoreItems: scored?.items ?? null,
  };
}

/** Default policy of a new round: the rule table's tie-break order, a published lottery seed. */
function defaultPolicy(input: RoundInput, table: RuleTable | null, municipalityCode: string): AllocationPolicy {
  return {
    tieBreak: input.tieBreak ?? table?.tieBreak ?? [],
    lotterySeed: input.lotterySeed ?? `${municipalityCode}-${input.roundId}`,
    reuseVacatedSeats: input.reuseVacatedSeats ?? true,
    timeLimitMs: 30_000,
  };
}

/** Creates the daycare service. */
export function createDaycareService(deps: { db: Database; repo: DaycareRepository; accessLog: AccessLogRepository; clock: Clock }) {
  const { db, repo, accessLog } = deps;
  const store = createRoundStore(repo);

  const log = (trx: TenantTx, actor: Actor, ctx: RequestContext, action: string, subjectType: string, subjectId: string) =>
    accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action, subjectType, subjectId, purpose: '保育所等利用調整', ...ctx });

  async function requireRound(trx: TenantTx, roundId: string, forUpdate = false): Promise<RoundRecord> {
    const row = await repo.findRound(trx, roundId, forUpdate);
    if (!row) throw notFoundRound();
    return roundRecord(row);
  }
  const requireOpen = (round: RoundRecord) => { if (round.status === 'confirmed') throw new RoundFrozenError(); };

  /** The request of the round's current data (canonical bytes). */
  async function currentRequest(trx: TenantTx, actor: Actor, round: RoundRecord) {
    const { facilities, households } = await store.loadContents(trx, round.roundId);
    const request = buildRequest(actor.municipalityCode, round, facilities, households);
    return { request, json: serializeRequest(request), facilities, households };
  }

  async function createWithContents(trx: TenantTx, actor: Actor, round: RoundRecord, facilities: FacilityRecord[], households: HouseholdRecord[]) {
    if (await repo.findRound(trx, round.roundId)) throw new RoundExistsError(round.roundId);
    await repo.insertRound(trx, {
      municipalityCode: actor.municipalityCode, roundId: round.roundId, name: round.name, kind: round.kind,
      referenceDate: round.referenceDate, status: 'open', policy: round.policy, ruleTable: round.ruleTable,
      previousRoundId: round.previousRoundId, meta: round.meta, createdBy: actor.staffId,
    });
    await store.insertContents(trx, actor.municipalityCode, round.roundId, facilities, households);
  }

  return {
    store,

    /** Rounds of the municipality with their counts, newest first. @throws ForbiddenError */
    async listRounds(actor: Actor) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const [rows, counts] = await Promise.all([repo.listRounds(trx), repo.roundCounts(trx)]);
        const byId = new Map(counts.map((c) => [c.roundId, c]));
        return rows.map((r) => ({ row: r, round: roundRecord(r), facilities: byId.get(r.roundId)?.facilities ?? 0, children: byId.get(r.roundId)?.children ?? 0 }));
      });
    },

    /** One round with its counts. @throws NotFoundError */
    async getRound(actor: Actor, roundId: string) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await repo.findRound(trx, roundId);
        if (!row) throw notFoundRound();
        const counts = (await repo.roundCounts(trx)).find((c) => c.roundId === roundId);
        return { row, round: roundRecord(row), facilities: counts?.facilities ?? 0, children: counts?.children ?? 0 };
      });
    },

    /**
     * Creates a round. A 二次 round starts from a confirmed earlier round: the seats its offers left and
     * its children without an offer; the earlier round's offers stay frozen.
     * @throws RoundExistsError, NotFoundError, DomainError daycare-previous-round-not-confirmed
     */
    async createRound(actor: Actor, input: RoundInput) {
      assertAllowed(actor, 'daycare:manage');
      const table = input.ruleTableId ? EXAMPLE_RULE_TABLES[input.ruleTableId] : undefined;
      if (input.ruleTableId && !table) throw new DomainError('daycare-unknown-rule-table', '利用調整基準表が見つかりません', 422, `Unknown rule table ${input.ruleTableId}`);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        let facilities: FacilityRecord[] = [];
        let households: HouseholdRecord[] = [];
        let ruleTable = table ?? null;
        let policy = defaultPolicy(input, ruleTable, actor.municipalityCode);
        if (input.kind === 'secondary') {
          if (!input.previousRoundId) throw new DomainError('daycare-previous-round-required', '二次利用調整には元になる一次の回が必要です', 422, 'previousRoundId is required for a secondary round');
          // Locked: a decline (辞退) recorded on it at the same time must not be lost to this round.
          const prev = await requireRound(trx, input.previousRoundId, true);
          if (prev.status !== 'confirmed' || prev.currentRunNo === null) {
            throw new DomainError('daycare-previous-round-not-confirmed', '元になる回の結果が決定されていません', 409, 'The previous round must be confirmed first');
          }
          const run = (await store.loadRun(trx, actor.municipalityCode, prev.roundId, prev.currentRunNo))!;
          const prevContents = await store.loadContents(trx, prev.roundId);
          // 辞退: a declined offer is released (its seat returns to the pool) and the child is not carried.
          const declined = new Set((await repo.listDeclines(trx, prev.roundId)).map((d) => d.childId));
          const held = { assignments: run.result.assignments.map((a) => (declined.has(a.childId) ? { ...a, status: 'HOLD' as const, facilityId: null } : a)) };
          facilities = remainingSeats(run.request, held);
          households = carriedHouseholds(prevContents.households, held, prev.roundId, declined);
          ruleTable = table ?? prev.ruleTable;
          if (!input.tieBreak) policy = { ...policy, tieBreak: prev.policy.tieBreak };
        }
        const round: RoundRecord = {
          roundId: input.roundId, name: input.name, kind: input.kind, referenceDate: input.referenceDate, status: 'open',
          policy, ruleTable, previousRoundId: input.kind === 'secondary' ? input.previousRoundId! : null, meta: null, currentRunNo: null,
        };
        await createWithContents(trx, actor, round, facilities, households);
        return round;
      });
    },

    /** Creates a synthetic round from the engine's generator (demo data; no personal data). @throws RoundExistsError */
    async generateRound(actor: Actor, input: GeneratedRoundInput) {
      assertAllowed(actor, 'daycare:manage');
      const generated = generate(input.preset, input.seed);
      const gen = (generated.meta?.generator ?? {}) as { ruleTable?: string };
      const { facilities, households } = recordsFromRequest(generated);
      const round: RoundRecord = {
        roundId: input.roundId, name: input.name, kind: 'primary', referenceDate: generated.round.referenceDate, status: 'open',
        policy: generated.policy, ruleTable: (gen.ruleTable && EXAMPLE_RULE_TABLES[gen.ruleTable]) || null,
        previousRoundId: null, meta: generated.meta ?? null, currentRunNo: null,
      };
      await withTenant(db, actor.municipalityCode, (trx) => createWithContents(trx, actor, round, facilities, households));
      return round;
    },

    /** Imports a v1 request as a new round (e.g. to re-run an exported round), optionally under another id. @throws InvalidRoundDataError, RoundExistsError */
    async importRound(actor: Actor, name: string, value: unknown, roundId?: string) {
      assertAllowed(actor, 'daycare:manage');
      const problems = validateRequest(value);
      if (problems.length > 0) throw new InvalidRoundDataError(problems);
      const request = value as AllocationRequest;
      if (request.round.kind === 'monthly') throw new InvalidRoundDataError([{ pointer: '/round/kind', message: 'monthly rounds are not supported here' }]);
      const { facilities, households } = recordsFromRequest(request);
      const round: RoundRecord = {
        // An imported round stands alone: it has no earlier round here to freeze offers from.
        roundId: roundId ?? request.round.id, name, kind: 'primary', referenceDate: request.round.referenceDate,
        status: 'open', policy: request.policy, ruleTable: null, previousRoundId: null, meta: request.meta ?? null, currentRunNo: null,
      };
      await withTenant(db, actor.municipalityCode, (trx) => createWithContents(trx, actor, round, facilities, households));
      return round;
    },

    /** Confirms (決定) the round's current result: data, result and offers are frozen from now on. */
    async confirmRound(actor: Actor, roundId: string, ctx: RequestContext) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId, true);
        requireOpen(round);
        if (round.currentRunNo === null) throw new NoResultError();
        const run = (await store.loadRun(trx, actor.municipalityCode, roundId, round.currentRunNo))!;
        if (run.result.status === 'INVALID') throw new DomainError('daycare-result-invalid', '検証で違反が見つかった結果は決定できません', 409, 'An INVALID result cannot be confirmed');
        const { json } = await currentRequest(trx, actor, round);
        if (sha256(json) !== run.result.inputSha256) throw new DomainError('daycare-result-outdated', '選考後にデータが変更されています。選考を再実行してください', 409, 'The data changed after the run');
        await repo.updateRoundState(trx, roundId, { status: 'confirmed', confirmedAt: deps.clock.now(), confirmedBy: actor.staffId });
        await log(trx, actor, ctx, 'daycare.round.confirm', 'daycare-round', roundId);
      });
    },

    /** Facilities of a round in published order. */
    async listFacilities(actor: Actor, roundId: string) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await requireRound(trx, roundId);
        return (await repo.listFacilities(trx, roundId)).map((f) => ({ facilityId: f.facilityId, name: f.name, seats: f.seats }));
      });
    },

    /** Adds a facility or changes its name and seats. @throws RoundFrozenError */
    async putFacility(actor: Actor, roundId: string, facilityId: string, input: FacilityInput) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        requireOpen(await requireRound(trx, roundId, true));
        const updated = await repo.updateFacility(trx, roundId, facilityId, { name: input.name, seats: input.seats });
        if (Number(updated.numUpdatedRows) === 0) {
          const count = (await repo.listFacilities(trx, roundId)).length;
          await repo.insertFacilities(trx, [{ municipalityCode: actor.municipalityCode, roundId, facilityId, name: input.name, seats: input.seats, position: count + 1 }]);
          return { created: true };
        }
        return { created: false };
      });
    },

    /** Applications with their outcome in the current result; the read is access-logged. */
    async listApplications(actor: Actor, roundId: string, ctx: RequestContext) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId);
        const { households, facilities } = await store.loadContents(trx, roundId, true);
        const run = round.currentRunNo === null ? undefined : await store.loadRun(trx, actor.municipalityCode, roundId, round.currentRunNo);
        const declines = new Map((await repo.listDeclines(trx, roundId)).map((d) => [d.childId, d.declinedAt]));
        await log(trx, actor, ctx, 'daycare.application.list', 'daycare-round', roundId);
        return { round, households, facilities, run, declines };
      });
    },

    /** One child's application with its household and outcome; the read is access-logged. @throws NotFoundError */
    async getApplication(actor: Actor, roundId: string, childId: string, ctx: RequestContext) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId);
        const app = await repo.findApplication(trx, roundId, childId);
        if (!app) throw notFoundApplication();
        const { households, facilities } = await store.loadContents(trx, roundId, true);
        const household = households.find((h) => h.householdId === app.householdId)!;
        const run = round.currentRunNo === null ? undefined : await store.loadRun(trx, actor.municipalityCode, roundId, round.currentRunNo);
        const declinedAt = (await repo.listDeclines(trx, roundId)).find((d) => d.childId === childId)?.declinedAt ?? null;
        await log(trx, actor, ctx, 'daycare.application.read', 'daycare-child', `${roundId}/${childId}`);
        return { round, household, child: household.children.find((c) => c.childId === childId)!, facilities, run, declinedAt };
      });
    },

    /**
     * Enters the application of an approved 保育所等利用申込 case into the open round (the newest open round), inside
     * the caller's transaction (the approval's): the child's 年齢クラス from its birth date on the round's reference
     * date, the preferred facilities matched by name (or id) among the round's, and the index scored by the round's
     * rule table. Idempotent per case: a case already entered returns its application (`already`).
     * @throws DomainError 'daycare-no-open-round' | 'daycare-facility-unknown' | 'daycare-age-out-of-range'; InvalidRoundDataError
     */
    async enterFromCaseIn(trx: TenantTx, m: string, op: { type: 'staff' | 'system'; id: string }, input: {
      caseNo: string; guardianName: string; children: Array<{ name: string; birthDate: string }>; preferences: string[];
      facts: ApplicationCorrection['facts']; roundId?: string;
    }, ctx: RequestContext) {
      const rows = (await repo.listRounds(trx)).map(roundRecord).filter((r) => r.status !== 'confirmed' && (!input.roundId || r.roundId === input.roundId))
        .sort((a, b) => (a.referenceDate < b.referenceDate ? 1 : -1));
      const round = rows[0] ? await requireRound(trx, rows[0].roundId, true) : undefined;
      if (!round) throw new DomainError('daycare-no-open-round', '受付中の利用調整の回がありません', 409, 'No open daycare round');
      const householdId = `case-${input.caseNo}`;
      const contents = await store.loadContents(trx, round.roundId);
      const names = new Map(contents.facilities.map((f) => [f.facilityId, f.name]));
      const existing = await repo.findHousehold(trx, round.roundId, householdId);
      if (existing) {
        const h = contents.households.find((x) => x.householdId === householdId);
        return { roundId: round.roundId, roundName: round.name, householdId, facilityNames: (h?.children[0]?.preferences ?? []).map((f) => names.get(f) ?? f),
          score: h?.children[0]?.score ?? null, already: true };
      }
      const facilityIds = input.preferences.map((p) => {
        const f = contents.facilities.find((x) => x.name === p.trim() || x.facilityId === p.trim());
        if (!f) throw new DomainError('daycare-facility-unknown', `希望施設「${p}」はこの回の施設にありません`, 422, 'Unknown facility in the preferences', { facility: p });
        return f.facilityId;
      });
      // 年齢クラス: the age on 4月1日 of the fiscal year of the round's reference date.
      const ref = round.referenceDate;
      const fyStart = `${Number(ref.slice(5, 7)) >= 4 ? ref.slice(0, 4) : String(Number(ref.slice(0, 4)) - 1)}-04-01`;
      const ageOn = (birth: string) => Number(fyStart.slice(0, 4)) - Number(birth.slice(0, 4)) - (fyStart.slice(5) < birth.slice(5) ? 1 : 0);
      const household: HouseholdRecord = {
        householdId, guardianName: input.guardianName, jointPreferences: null, siblingPattern: null, carriedFromRound: null,
        children: input.children.map((c, i) => {
          const ageClass = ageOn(c.birthDate);
          if (ageClass < 0 || ageClass > 5) throw new DomainError('daycare-age-out-of-range', `${c.name}さんはこの回の年齢クラス（0〜5歳児）の対象外です`, 422, 'Child out of the age classes');
          return childRecord(round, `${householdId}-${i + 1}`, { childName: c.name, ageClass, currentFacilityId: null, preferences: facilityIds, facts: input.facts, tieBreak: {} });
        }),
      };
      const problems = validateRequest(buildRequest(m, round, contents.facilities, [...contents.households, household]));
      if (problems.length > 0) throw new InvalidRoundDataError(problems);
      await store.insertContents(trx, m, round.roundId, [], [household]);
      await accessLog.append(trx, m, { actorType: op.type, actorId: op.id, action: 'daycare.application.create', subjectType: 'daycare-child',
        subjectId: `${round.roundId}/${household.children.map((c) => c.childId).join(',')}`.slice(0, 200), purpose: '保育所等利用調整', ...ctx });
      return { roundId: round.roundId, roundName: round.name, householdId, facilityNames: facilityIds.map((f) => names.get(f) ?? f), score: household.children[0]!.score, already: false };
    },

    /** The parent's view of an online application's result (portal): pending until the round is decided. */
    resultForCaseIn: (trx: TenantTx, m: string, roundId: string, caseNo: string, lang: 'ja' | 'en') => residentResultIn(repo, store, trx, m, roundId, caseNo, lang),

    /** Adds one household's applications (entered on screen). @throws RoundFrozenError, InvalidRoundDataError */
    async addHousehold(actor: Actor, roundId: string, input: HouseholdInput, ctx: RequestContext) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId, true);
        requireOpen(round);
        const household: HouseholdRecord = {
          householdId: input.householdId, guardianName: input.guardianName, jointPreferences: null,
          siblingPattern: (input.siblingPattern as SiblingPattern | undefined) ?? null, carriedFromRound: null,
          children: input.children.map((c) => childRecord(round, c.childId, c)),
        };
        const contents = await store.loadContents(trx, roundId);
        // Ids stay taken by withdrawn applications (kept for the record).
        const all = await store.loadContents(trx, roundId, true);
        if ((await repo.findHousehold(trx, roundId, household.householdId))) throw new DomainError('daycare-household-exists', 'この世帯番号は登録済みです', 409, 'Household exists');
        const ids = new Set(all.households.flatMap((h) => h.children.map((c) => c.childId)));
        if (household.children.some((c) => ids.has(c.childId))) throw new DomainError('daycare-child-exists', 'この児童番号は登録済みです', 409, 'Child exists');
        const problems = validateRequest(buildRequest(actor.municipalityCode, round, contents.facilities, [...contents.households, household]));
        if (problems.length > 0) throw new InvalidRoundDataError(problems);
        await store.insertContents(trx, actor.municipalityCode, roundId, [], [household]);
        await log(trx, actor, ctx, 'daycare.application.create', 'daycare-child', `${roundId}/${household.children.map((c) => c.childId).join(',')}`.slice(0, 200));
        return household;
      });
    },

    /**
     * Corrects (修正) one child's application: replaced whole, validated as on entry; nothing changes on a
     * refusal. A result already run becomes outdated (re-run needed), as after any data change.
     * @throws RoundFrozenError, NotFoundError, ApplicationWithdrawnError, InvalidRoundDataError
     */
    async correctApplication(actor: Actor, roundId: string, childId: string, input: ApplicationCorrection, ctx: RequestContext) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId, true);
        requireOpen(round);
        const app = await repo.findApplication(trx, roundId, childId);
        if (!app) throw notFoundApplication();
        if (app.status === 'withdrawn') throw new ApplicationWithdrawnError();
        const child = childRecord(round, childId, input);
        const contents = await store.loadContents(trx, roundId);
        const households = contents.households.map((h) => (h.householdId !== app.householdId ? h
          : { ...h, children: h.children.map((c) => (c.childId === childId ? child : c)) }));
        const problems = validateRequest(buildRequest(actor.municipalityCode, round, contents.facilities, households));
        if (problems.length > 0) throw new InvalidRoundDataError(problems);
        await repo.updateApplication(trx, roundId, childId, {
          childName: child.childName, ageClass: child.ageClass, currentFacilityId: child.currentFacilityId, preferences: child.preferences,
          score: child.score, scoreByFacility: child.scoreByFacility, tieBreak: child.tieBreak, facts: child.facts, scoreItems: child.scoreItems,
          updatedAt: deps.clock.now(), updatedBy: actor.staffId,
        });
        await log(trx, actor, ctx, 'daycare.application.correct', 'daycare-child', `${roundId}/${childId}`);
        return households.find((h) => h.householdId === app.householdId)!;
      });
    },

    /**
     * Withdraws (取下げ) one child's application: kept for the record (who, when) and left out of runs,
     * exports, cut-offs and summaries from now on. @throws RoundFrozenError, NotFoundError, ApplicationWithdrawnError
     */
    async withdrawApplication(actor: Actor, roundId: string, childId: string, ctx: RequestContext) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        requireOpen(await requireRound(trx, roundId, true));
        const app = await repo.findApplication(trx, roundId, childId);
        if (!app) throw notFoundApplication();
        if (app.status === 'withdrawn') throw new ApplicationWithdrawnError();
        await repo.withdrawApplication(trx, roundId, childId, deps.clock.now(), actor.staffId);
        await log(trx, actor, ctx, 'daycare.application.withdraw', 'daycare-child', `${roundId}/${childId}`);
      });
    },

    /**
     * Records that a child offered a place in a confirmed round declines it (辞退). A 二次 round created from
     * this round afterwards releases the seat and does not carry the child.
     * @throws NotFoundError, DomainError daycare-round-not-confirmed | daycare-no-offer | daycare-offer-declined | daycare-secondary-round-exists
     */
    async declineOffer(actor: Actor, roundId: string, childId: string, ctx: RequestContext) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId, true);
        if (round.status !== 'confirmed' || round.currentRunNo === null) throw new DomainError('daycare-round-not-confirmed', '辞退は決定済みの回の内定についてのみ記録できます', 409, 'A decline needs a confirmed round');
        if (!(await repo.findApplication(trx, roundId, childId))) throw notFoundApplication();
        const run = (await store.loadRun(trx, actor.municipalityCode, roundId, round.currentRunNo))!;
        if (run.result.assignments.find((a) => a.childId === childId)?.status !== 'OFFER') throw new DomainError('daycare-no-offer', 'この児童には内定がありません', 409, 'The child has no offer');
        if ((await repo.listDeclines(trx, roundId)).some((d) => d.childId === childId)) throw new DomainError('daycare-offer-declined', 'この内定の辞退は記録済みです', 409, 'The decline is recorded already');
        if ((await repo.listRounds(trx)).some((r) => r.previousRoundId === roundId)) {
          throw new DomainError('daycare-secondary-round-exists', 'この回から二次利用調整の回が作成済みのため、辞退を反映できません', 409, 'A secondary round was created from this round already');
        }
        const declinedAt = deps.clock.now();
        await repo.insertDecline(trx, { municipalityCode: actor.municipalityCode, roundId, childId, declinedAt, declinedBy: actor.staffId });
        await log(trx, actor, ctx, 'daycare.offer.decline', 'daycare-child', `${roundId}/${childId}`);
        return { declinedAt };
      });
    },

    /**
     * Imports applications from CSV bytes: every row is validated and nothing is stored unless all rows
     * pass (all or nothing). With `dryRun` only the validation runs.
     * @throws CsvRejectedError, RoundFrozenError
     */
    async importApplications(actor: Actor, roundId: string, bytes: Uint8Array, opts: { dryRun: boolean }, ctx: RequestContext) {
      assertAllowed(actor, 'daycare:manage');
      const text = decodeCsvBytes(bytes);
      if (text === null) throw new CsvRejectedError([{ row: 0, column: '', message: '文字コードがUTF-8ではありません。ExcelではCSV UTF-8（コンマ区切り）で保存してください' }], 0);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId, true);
        requireOpen(round);
        const contents = await store.loadContents(trx, roundId);
        const all = await store.loadContents(trx, roundId, true);
        const outcome = importApplicationsCsv(text, {
          facilityIds: new Set(contents.facilities.map((f) => f.facilityId)),
          existingChildIds: new Set(all.households.flatMap((h) => h.children.map((c) => c.childId))),
          existingHouseholdIds: new Set((await repo.listHouseholds(trx, roundId)).map((h) => h.householdId)),
          ruleTable: round.ruleTable, tieBreakKeys: round.policy.tieBreak.map((k) => k.key),
        });
        if (!outcome.ok) throw new CsvRejectedError(outcome.problems, outcome.rows);
        const merged = buildRequest(actor.municipalityCode, round, contents.facilities, [...contents.households, ...outcome.households]);
        const problems = validateRequest(merged);
        if (problems.length > 0) throw new InvalidRoundDataError(problems);
        const children = outcome.households.reduce((n, h) => n + h.children.length, 0);
        if (!opts.dryRun) {
          await store.insertContents(trx, actor.municipalityCode, roundId, [], outcome.households);
          await log(trx, actor, ctx, 'daycare.application.import', 'daycare-round', roundId);
        }
        return { rows: outcome.rows, households: outcome.households.length, children, stored: !opts.dryRun };
      });
    },

    /**
     * Runs the allocation on the round's current data and stores the request and result documents with
     * the audit record. The same data gives byte-identical documents.
     * @throws RoundFrozenError, InvalidRoundDataError
     */
    async runAllocation(actor: Actor, roundId: string, ctx: RequestContext): Promise<StoredRun> {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId, true);
        requireOpen(round);
        const { request, json } = await currentRequest(trx, actor, round);
        const problems = validateRequest(request);
        if (problems.length > 0) throw new InvalidRoundDataError(problems);
        if (request.households.length === 0) throw new DomainError('daycare-no-applications', '申込がないため選考できません', 422, 'The round has no applications');
        const started = performance.now();
        const result = await allocate(request, { inputSha256: sha256(json) });
        const runtimeMs = Math.round(performance.now() - started);
        const resultJson = JSON.stringify(result);
        const runNo = await repo.nextRunNo(trx, roundId);
        await repo.insertRun(trx, {
          municipalityCode: actor.municipalityCode, roundId, runNo, inputSha256: result.inputSha256, engineName: result.engine.name,
          engineVersion: result.engine.version, algorithm: result.engine.algorithm, status: result.status, metrics: result.metrics,
          requestJson: json, resultJson, resultSha256: sha256(resultJson), runtimeMs, createdBy: actor.staffId,
        });
        await repo.updateRoundState(trx, roundId, { status: 'allocated', currentRunNo: runNo });
        await log(trx, actor, ctx, 'daycare.allocation.run', 'daycare-round', roundId);
        return (await store.loadRun(trx, actor.municipalityCode, roundId, runNo))!;
      });
    },

    /** The current run of a round, and whether the data changed since. @throws NoResultError */
    async currentRun(actor: Actor, roundId: string) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId);
        if (round.currentRunNo === null) throw new NoResultError();
        const run = (await store.loadRun(trx, actor.municipalityCode, roundId, round.currentRunNo))!;
        const { json } = await currentRequest(trx, actor, round);
        return { round, run, upToDate: sha256(json) === run.result.inputSha256 };
      });
    },

    /** Run history (metadata only). */
    async listRuns(actor: Actor, roundId: string) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await requireRound(trx, roundId);
        return repo.listRuns(trx, roundId);
      });
    },

    /** The exchange-format request of the round's current data (for export and what-if). */
    async exportRequest(actor: Actor, roundId: string, ctx: RequestContext) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId);
        const built = await currentRequest(trx, actor, round);
        await log(trx, actor, ctx, 'daycare.request.export', 'daycare-round', roundId);
        return { round, ...built };
      });
    },

    /** The round with what the result views need: the current run and the facts for re-scoring. */
    async loadForViews(actor: Actor, roundId: string) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const round = await requireRound(trx, roundId);
        if (round.currentRunNo === null) throw new NoResultError();
        const run = (await store.loadRun(trx, actor.municipalityCode, roundId, round.currentRunNo))!;
        const built = await currentRequest(trx, actor, round);
        return { round, run, current: built, upToDate: sha256(built.json) === run.result.inputSha256 };
      });
    },

    /**
     * Who ran the current result and who decided the round, by name and time (the audit block of the
     * overview shows people and dates, not staff ids or hashes; issue #9). @throws NotFoundError
     */
    async auditTrail(actor: Actor, roundId: string) {
      assertAllowed(actor, 'daycare:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await repo.findRound(trx, roundId);
        if (!row) throw notFoundRound();
        const run = row.currentRunNo === null ? undefined : await repo.findRunMeta(trx, roundId, row.currentRunNo);
        const ids = [run?.createdBy, row.confirmedBy].filter((x): x is string => !!x);
        const names = new Map((await repo.staffNames(trx, [...new Set(ids)])).map((s) => [s.staffId, s.displayName]));
        const name = (id: string | null | undefined) => (id ? names.get(id) ?? null : null);
        return {
          runAt: run?.createdAt ?? null, runBy: name(run?.createdBy),
          confirmedAt: row.confirmedAt ?? null, confirmedBy: name(row.confirmedBy),
        };
      });
    },

    /** Writes an access-log entry for a read done by the result views. */
    async logRead(actor: Actor, ctx: RequestContext, action: string, subjectType: string, subjectId: string) {
      await withTenant(db, actor.municipalityCode, (trx) => log(trx, actor, ctx, action, subjectType, subjectId));
    },
  };
}

export type DaycareService = ReturnType<typeof createDaycareService>;
