// SPDX-License-Identifier: EUPL-1.2
/** Records → API shapes of the daycare domain (shared by the API routes and the web pages). */
import type { Selectable } from 'kysely';
import type { DaycareRound } from '../../platform/db/types.ts';
import type { ApplicationQuery } from './daycare.schema.ts';
import type { Assignment } from './index.ts';
import type { ChildRecord, HouseholdRecord, RoundRecord } from './round-request.ts';
import type { RoundSummary } from './round-summary.ts';
import type { StoredRun } from './round-store.ts';

/** API shape of a round. */
export function presentRound(r: { row: Selectable<DaycareRound>; round: RoundRecord; facilities: number; children: number }) {
  const p = r.round.policy;
  return {
    roundId: r.round.roundId, name: r.round.name, kind: r.round.kind, referenceDate: r.round.referenceDate, status: r.round.status,
    previousRoundId: r.round.previousRoundId, ruleTableId: r.round.ruleTable?.id ?? null,
    policy: { tieBreak: p.tieBreak, lotterySeed: p.lotterySeed, ...(p.reuseVacatedSeats !== undefined ? { reuseVacatedSeats: p.reuseVacatedSeats } : {}), ...(p.timeLimitMs !== undefined ? { timeLimitMs: p.timeLimitMs } : {}) },
    facilities: r.facilities, children: r.children, currentRunNo: r.round.currentRunNo,
    createdAt: r.row.createdAt.toISOString(), confirmedAt: r.row.confirmedAt?.toISOString() ?? null,
  };
}

/** API shape of one application. */
export function presentApplication(h: HouseholdRecord, c: ChildRecord, outcome: Assignment | undefined, declinedAt: Date | null = null) {
  return {
    childId: c.childId, householdId: h.householdId, childName: c.childName, guardianName: h.guardianName, ageClass: c.ageClass,
    currentFacilityId: c.currentFacilityId, preferences: c.preferences, score: c.score, scoreByFacility: c.scoreByFacility,
    tieBreak: c.tieBreak, scoreItems: c.scoreItems, siblings: h.children.filter((s) => s.childId !== c.childId).map((s) => s.childId),
    carriedFromRound: h.carriedFromRound,
    outcome: outcome ? { status: outcome.status, facilityId: outcome.facilityId, preferenceRank: outcome.preferenceRank } : null,
    withdrawnAt: c.withdrawn?.at.toISOString() ?? null, declinedAt: declinedAt?.toISOString() ?? null,
  };
}

/** Filters and pages the applications of a round. */
export function filterApplications(households: HouseholdRecord[], run: StoredRun | undefined, q: ApplicationQuery, declines: ReadonlyMap<string, Date> = new Map()) {
  const outcomes = new Map((run?.result.assignments ?? []).map((a) => [a.childId, a]));
  const all = households.flatMap((h) => h.children.map((c) => presentApplication(h, c, outcomes.get(c.childId), declines.get(c.childId) ?? null)));
  const needle = q.q?.trim().toLowerCase();
  const items = all.filter((a) => (!needle || a.childId.toLowerCase().startsWith(needle) || a.householdId.toLowerCase().startsWith(needle))
    && (q.status === undefined || a.outcome?.status === q.status)
    && (q.ageClass === undefined || a.ageClass === q.ageClass));
  return { total: items.length, items: items.slice(q.offset, q.offset + q.limit) };
}

/** API shape of a result summary. */
export function presentResult(roundId: string, run: StoredRun, summary: RoundSummary, upToDate: boolean) {
  return {
    roundId, runNo: run.runNo, status: summary.status, upToDate, total: summary.total, firstChoiceRate: summary.firstChoiceRate,
    offerRate: summary.offerRate, byAgeClass: summary.byAgeClass, checks: summary.checks, engine: summary.engine,
    inputSha256: summary.inputSha256, resultSha256: run.resultSha256, runtimeMs: run.runtimeMs, createdAt: run.createdAt.toISOString(),
  };
}
