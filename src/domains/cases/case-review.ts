// SPDX-License-Identifier: EUPL-1.2
/**
 * Automatic review and decisions, inside the caller's tenant transaction. A review gathers the registry facts and
 * other open cases, runs the case type's rules (review-rules.ts) and stores rules, inputs and results together.
 * A clean review of a case type that allows it approves the case; the approval's effect (e.g. the 転居 as 仮登録
 * in the registry) is written in the same transaction, or, when the registry refuses it, the case goes to a
 * person with the registry's reason as a failed check.
 */
import crypto from 'node:crypto';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { inSavepoint, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { currentTowns, japanToday, matchTown, type ChangeInputOf, type PersonRecord, type RegistryService } from '../registry/index.ts';
import type { CertificateService } from '../certificates/index.ts';
import type { DaycareService } from '../daycare/index.ts';
import type { CaseEngine, CaseType, EventObject, Operator } from './case-engine.ts';
import type { CaseRow, CasesRepository } from './cases.repository.ts';
import { fail } from './cases-errors.ts';
import { runReview, type CheckResult, type RegistryPerson, type ReviewInputs, type StatedPerson } from './review-rules.ts';

/** The registry operations the cases domain uses. */
export type RegistryForCases = Pick<RegistryService, 'lookupForCase' | 'recordChangeIn'> & Partial<Pick<RegistryService, 'finaliseChangeIn'>>;

/** The daycare office's entry of an approved 保育所等利用申込 into the open round. */
export type DaycareForCases = Pick<DaycareService, 'enterFromCaseIn'>;

/** The certificate issuance the cases domain uses (the effect of an approved 住民票の写し等の交付請求). */
export type CertificatesForCases = Pick<CertificateService, 'issueIn'>;

/** Where a request comes from, for the access log. */
export interface RequestContext { clientIp: string; requestId: string }

/** What the applicant stated, as stored on the case. */
export interface StoredSubmission {
  subjects: Array<StatedPerson & { birthDate: string }>;
  data: Record<string, unknown>;
}

type Lookup = Awaited<ReturnType<RegistryForCases['lookupForCase']>>;

const SYSTEM: Operator = { type: 'system', id: 'auto-review' };
/** The rule that finalises (本登録) the registry change of a clean automatic approval (another id than the recorder's). */
const FINALISE_RULE: Operator = { type: 'system', id: 'auto-finalise' };
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
/** A person's name as written: 氏 名, or the ローマ字氏名 of a foreign resident registered under it only. */
const nameOf = (p: { familyName: string; givenName: string; romanName?: string }) => (p.familyName ? `${p.familyName} ${p.givenName}`.trim() : p.romanName ?? '');

function registryPerson(p: Lookup['persons'][number]): RegistryPerson {
  const r: PersonRecord = p.record;
  return {
    atenaNo: p.atenaNo, familyName: r.familyName, givenName: r.givenName, ...(r.romanName ? { romanName: r.romanName } : {}), birthSort: r.birthDate.sortKey, householdId: p.householdId,
    relationship: r.relationship, townCode: r.address.townCode, townName: r.address.townName, banchi: r.address.banchi, katagaki: r.address.katagaki,
    removed: p.removed, pendingChange: p.pendingChangeId !== null,
  };
}

/** Creates the review and decision steps. */
export function createCaseReview(deps: { repo: CasesRepository; engine: CaseEngine; registry: RegistryForCases; accessLog: AccessLogRepository; clock: Clock;
  certificates?: CertificatesForCases; daycare?: DaycareForCases }) {
  const { repo, engine, registry, accessLog, clock } = deps;

  async function gather(trx: TenantTx, m: string, c: CaseRow, type: CaseType): Promise<{ inputs: ReviewInputs; lookup: Lookup }> {
    const applicant = parseJson<StatedPerson>(c.applicant);
    const sub = parseJson<StoredSubmission>(c.submittedData);
    const atenaNos = [...new Set([...sub.subjects.map((s) => s.atenaNo), applicant.atenaNo].filter((x): x is string => !!x))];
    const lookup = await registry.lookupForCase(trx, atenaNos);
    const newAddress = sub.data.newAddress as { townCode?: string; townName?: string } | undefined;
    const town = newAddress ? matchTown(await currentTowns(trx, japanToday(clock)), newAddress).kind : null;
    const inputs: ReviewInputs = {
      receivedOn: c.receivedOn,
      applicant: { atenaNo: applicant.atenaNo, familyName: applicant.familyName, givenName: applicant.givenName, ...(applicant.romanName ? { romanName: applicant.romanName } : {}), birthSort: applicant.birthSort },
      subjects: sub.subjects.map((s) => ({ atenaNo: s.atenaNo, familyName: s.familyName, givenName: s.givenName, ...(s.romanName ? { romanName: s.romanName } : {}), birthSort: s.birthSort })),
      data: sub.data,
      persons: Object.fromEntries(lookup.persons.map((p) => [p.atenaNo, registryPerson(p)])),
      households: Object.fromEntries(lookup.households.map((h) => [h.householdId, h.members.map((mb) => mb.atenaNo)])),
      newTown: town, conflictingCases: await repo.openCasesAbout(trx, type.code, c.subjectAtenaNos, c.caseId),
    };
    return { inputs, lookup };
  }

  /** Builds the registry change of a 転居届 or 転出届 from the case and the registry facts. */
  function changeOf(type: CaseType, sub: StoredSubmission, lookup: Lookup, notifier: string, caseNo: string) {
    const persons = sub.subjects.map((s) => lookup.persons.find((p) => p.atenaNo === s.atenaNo)).filter((p): p is Lookup['persons'][number] => !!p);
    const householdIds = [...new Set(persons.map((p) => p.householdId))];
    const expectedVersions = Object.fromEntries(lookup.households.filter((h) => householdIds.includes(h.householdId)).map((h) => [h.householdId, h.version]));
    const common = { notifier, note: `案件 ${caseNo}`, exOfficio: false, expectedVersions, personIds: persons.map((p) => p.personId) };
    if (type.effect === 'registry-move-within') {
      const d = sub.data as { movedOn: string; newAddress: { townCode?: string; townName?: string; banchi: string; katagaki?: string } };
      const change: ChangeInputOf<'move-within'> = { ...common, kind: 'move-within', occurredOn: d.movedOn,
        address: { townCode: d.newAddress.townCode, townName: d.newAddress.townName, banchi: d.newAddress.banchi, katagaki: d.newAddress.katagaki ?? '', unlisted: false },
        relationships: {}, remainingRelationships: {} };
      return change;
    }
    const d = sub.data as { movingOn: string; destination: string; abroad?: boolean };
    const change: ChangeInputOf<'move-out'> = { ...common, kind: 'move-out', occurredOn: d.movingOn, destination: d.destination, abroad: !!d.abroad,
      // A planned date more than 14 days ahead is refused until a clerk confirms it at the counter (registry rule, issue #9).
      confirmPlannedDate: false, remainingRelationships: {} };
    return change;
  }

  /** Writes the effect of an approval; returns what it wrote (stored on the decision) and the event's objects. */
  async function effectOf(trx: TenantTx, m: string, c: CaseRow, type: CaseType, op: Operator, ctx: RequestContext, known?: Lookup): Promise<{ effect: Record<string, unknown>; objects: EventObject[] }> {
    const sub = parseJson<StoredSubmission>(c.submittedData);
    if (type.effect === 'registry-move-within' || type.effect === 'registry-move-out') {
      const applicant = parseJson<{ familyName: string; givenName: string; romanName?: string }>(c.applicant);
      const lookup = known ?? await registry.lookupForCase(trx, sub.subjects.map((s) => s.atenaNo).filter((x): x is string => !!x));
      const input = changeOf(type, sub, lookup, nameOf(applicant), c.caseNo);
      const rec = await registry.recordChangeIn(trx, m, { type: op.type === 'staff' ? 'staff' : 'system', id: op.id }, input, ctx);
      // 本登録 by rule: only a clean automatic approval of a case type that allows it; a person's approval stays 仮登録
      // for a second person (the registry's four eyes).
      const finalise = type.finaliseByRule && op.type === 'system' && !!registry.finaliseChangeIn;
      if (finalise) await registry.finaliseChangeIn!(trx, m, { type: 'system', id: FINALISE_RULE.id }, rec.changeId, ctx);
      return {
        effect: { kind: 'registry-change', registryChangeId: rec.changeId, registryStatus: finalise ? 'final' : 'provisional', reasonLabel: rec.reasonLabel, personIds: rec.personIds, householdIds: rec.householdIds },
        objects: [{ id: rec.changeId, type: 'registry-change', qualifier: 'creates' }, ...rec.personIds.map((id) => ({ id, type: 'person' as const, qualifier: 'subject' })),
          ...rec.householdIds.map((id) => ({ id, type: 'household' as const, qualifier: 'household' }))],
      };
    }
    if (type.effect === 'certificate') {
      const d = sub.data as { delivery?: 'post' | 'counter'; copies?: number; scope?: 'self' | 'household'; purpose?: string };
      const delivery = d.delivery ?? 'post';
      if (!deps.certificates) return { effect: { kind: 'certificate', state: 'ready-for-issuance', delivery, copies: d.copies ?? 1 }, objects: [] };
      const applicant = parseJson<StatedPerson>(c.applicant);
      const lookup = known ?? await registry.lookupForCase(trx, [...sub.subjects.map((s) => s.atenaNo), applicant.atenaNo].filter((x): x is string => !!x));
      const personOf = (atenaNo?: string) => lookup.persons.find((p) => p.atenaNo === atenaNo);
      const requesterPerson = personOf(applicant.atenaNo);
      const subjects = sub.subjects.map((s) => personOf(s.atenaNo)).filter((p): p is Lookup['persons'][number] => !!p);
      if (!requesterPerson || subjects.length === 0) fail('effect-refused', { registryCode: 'not-found' }, '承認の結果を反映できません: 請求者又は対象者が住民記録にありません');
      const self = subjects.some((p) => p.personId === requesterPerson.personId);
      const issued = await deps.certificates.issueIn(trx, m, op.type === 'staff' ? { type: 'staff', staffId: op.id } : { type: 'system', id: op.id }, {
        kind: 'residence-copy',
        ...(d.scope === 'household' ? { householdId: requesterPerson.householdId } : { personIds: subjects.map((p) => p.personId) }),
        requester: { type: self ? 'self' : 'household', personId: requesterPerson.personId },
        purpose: d.purpose, copies: d.copies ?? 1,
        // A person deciding the case has seen the review's checks (a pending 仮登録 among them); the automatic review has not.
        acknowledgePendingChanges: op.type === 'staff',
      }, ctx, { caseId: c.caseId, postal: delivery === 'post' });
      return {
        effect: { kind: 'certificate', state: delivery === 'post' ? 'issued-awaiting-post' : 'issued', delivery, copies: d.copies ?? 1, issueNo: issued.issueNo, issuanceId: issued.issuanceId, feeYen: issued.feeYen },
        objects: [{ id: issued.issuanceId, type: 'certificate', qualifier: 'issues' }, ...subjects.map((p) => ({ id: p.personId, type: 'person' as const, qualifier: 'subject' }))],
      };
    }
    if (type.effect === 'daycare-application') {
      if (!deps.daycare) return { effect: { kind: 'daycare-application', state: 'forwarded-to-daycare-office' }, objects: [{ id: c.caseId, type: 'application', qualifier: 'application' }] };
      const d = sub.data as { preferences: string[]; needReason: string; roundId?: string; facts?: { parents: Array<{ need: string; weeklyHours?: number }>; waitingMonths?: number; childrenUnder18?: number } };
      const applicant = parseJson<StatedPerson>(c.applicant);
      const lookup = known ?? await registry.lookupForCase(trx, sub.subjects.map((s) => s.atenaNo).filter((x): x is string => !!x));
      const children = sub.subjects.map((s) => {
        const p = lookup.persons.find((x) => x.atenaNo === s.atenaNo);
        return { name: nameOf(p ? p.record : s), birthDate: p?.record.birthDate.sortKey ?? s.birthSort ?? '' };
      });
      const entered = await deps.daycare.enterFromCaseIn(trx, m, { type: op.type === 'staff' ? 'staff' : 'system', id: op.id }, {
        caseNo: c.caseNo, guardianName: nameOf(applicant), children, preferences: d.preferences, roundId: d.roundId,
        facts: d.facts as never,
      }, ctx);
      return {
        effect: { kind: 'daycare-application', state: 'entered-in-round', roundId: entered.roundId, roundName: entered.roundName, facilityNames: entered.facilityNames, score: entered.score },
        objects: [{ id: `${entered.roundId}/${entered.householdId}`, type: 'application', qualifier: 'creates' }],
      };
    }
    return { effect: {}, objects: [] };
  }

  const review = {
    /**
     * Decides the case (approve, reject, withdraw) with its effect, in the caller's transaction. Idempotent: a case
     * already decided returns its decision unchanged (a retried job never writes twice).
     * @throws CaseRuleError 'reasons-required'; a registry refusal of the effect as 'effect-refused' (422) with the registry's code
     */
    async decideIn(trx: TenantTx, m: string, c: CaseRow, type: CaseType, outcome: 'approved' | 'rejected' | 'withdrawn', reasons: string, op: Operator, ctx: RequestContext,
      reviewId: string | null = null, known?: Lookup) {
      const prior = await repo.decision(trx, c.caseId);
      if (prior) return { decision: prior, already: true };
      if (c.closedAt) fail('case-closed');
      if (outcome === 'rejected' && !reasons.trim()) fail('reasons-required');
      let written: { effect: Record<string, unknown>; objects: EventObject[] } = { effect: {}, objects: [] };
      if (outcome === 'approved') {
        try {
          written = await effectOf(trx, m, c, type, op, ctx, known);
        } catch (e) {
          if (e instanceof DomainError && e.status < 500 && !(e.code === 'forbidden')) {
            fail('effect-refused', { registryCode: e.code, registryMessage: e.title }, `承認の結果を住民記録に反映できません: ${e.title}`);
          }
          throw e;
        }
      }
      const decidedAt = clock.now();
      await repo.insertDecision(trx, m, { caseId: c.caseId, outcome, reasons, decidedByType: op.type, decidedBy: op.id, decidedAt, reviewId, effect: written.effect });
      await engine.event(trx, m, c, type, `decision:${outcome}`, op, { outcome, automatic: op.type === 'system' }, written.objects);
      await engine.transition(trx, m, c, type, 'closed', op, reasons, { resultCode: outcome, activity: 'closed' });
      return { decision: await repo.decision(trx, c.caseId), already: false };
    },

    /**
     * Runs the automatic review of an open case and stores it; approves automatically when clean and allowed,
     * else puts the case in the case type's queue for a person. Returns the stored review.
     */
    async reviewIn(trx: TenantTx, m: string, caseId: string, ctx: RequestContext) {
      const { kase: c, type } = await engine.lockCase(trx, m, caseId);
      if (c.closedAt) return { reviewId: null, outcome: 'closed' as const, checks: [] as CheckResult[] };
      const { inputs, lookup } = await gather(trx, m, c, type);
      let checks = runReview(type.reviewRules, inputs);
      let outcome: 'clean' | 'needs-person' = checks.every((x) => x.passed) ? 'clean' : 'needs-person';
      const reviewId = crypto.randomUUID();
      await accessLog.append(trx, m, { actorType: 'system', actorId: SYSTEM.id, action: 'cases.review.read-registry', subjectType: 'case', subjectId: caseId, ...ctx });
      if (c.statusCode === 'received') await engine.transition(trx, m, c, type, 'in-review', SYSTEM, '自動審査', { activity: 'review-started' });
      let approved = false;
      if (outcome === 'clean' && type.autoApprove) {
        try {
          // A refused effect is rolled back alone; the review is then stored with the registry's reason.
          await inSavepoint(trx, 'case_auto_approve', async () => {
            await repo.insertReview(trx, m, { caseId, reviewId, ruleVersion: type.ruleVersion, rules: type.reviewRules, inputs, results: checks, outcome, reviewedAt: clock.now() });
            await review.decideIn(trx, m, c, type, 'approved', '自動審査の全項目に適合', SYSTEM, ctx, reviewId, lookup);
          });
          approved = true;
        } catch (e) {
          if (!(e instanceof DomainError) || e.code !== 'effect-refused') throw e;
          const reg = e.extra as { registryMessage?: string } | undefined;
          checks = [...checks, { rule: 'registry-rules' as CheckResult['rule'], passed: false, message: `住民記録の確認で受け付けられません: ${reg?.registryMessage ?? e.title}` }];
          outcome = 'needs-person';
          Object.assign(c, (await repo.findCase(trx, caseId))!);
        }
      }
      if (!approved) {
        await repo.insertReview(trx, m, { caseId, reviewId, ruleVersion: type.ruleVersion, rules: type.reviewRules, inputs, results: checks, outcome, reviewedAt: clock.now() });
        await repo.updateCase(trx, caseId, { reviewOutcome: outcome, queue: type.defaultQueue });
        await engine.event(trx, m, c, type, outcome === 'clean' ? 'review:clean' : 'review:needs-person', SYSTEM,
          { failed: checks.filter((x) => !x.passed).map((x) => x.rule), ruleVersion: type.ruleVersion });
      } else {
        await repo.updateCase(trx, caseId, { reviewOutcome: 'clean' });
      }
      return { reviewId, outcome, approved, checks };
    },

    /** Re-runs a stored review on its stored inputs and compares the results (explainability). */
    async replayIn(trx: TenantTx, caseId: string, reviewId: string) {
      const r = await repo.findReview(trx, caseId, reviewId);
      if (!r) fail('review-not-found');
      const stored = parseJson<CheckResult[]>(r.results);
      const replayed = runReview(parseJson(r.rules), parseJson(r.inputs));
      const registryChecks = stored.filter((x) => (x.rule as string) === 'registry-rules');
      const comparable = stored.filter((x) => (x.rule as string) !== 'registry-rules');
      return { reviewId, ruleVersion: r.ruleVersion, identical: JSON.stringify(comparable) === JSON.stringify(replayed), stored, replayed: [...replayed, ...registryChecks] };
    },
  };
  return review;
}

export type CaseReview = ReturnType<typeof createCaseReview>;
