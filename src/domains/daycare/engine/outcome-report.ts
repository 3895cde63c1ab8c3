// SPDX-License-Identifier: EUPL-1.2
/**
 * Turns an outcome (one chosen tuple per unit) into the published parts of a result: assignments,
 * household tuple ranks, the cut-off table (最低指数) per facility and class, per-child explanations and
 * headline metrics. Explanations name no other child: only the lowest admitted child's score and
 * tie-break values are shown.
 */
import type {
  AdmittedKey, Assignment, ChildExplanation, CutoffEntry, Metrics, PreferenceExplanation, ReasonCode,
} from './allocation-format.ts';
import { AGE_CLASSES } from './allocation-format.ts';
import { slotOf, type AllocationProblem } from './allocation-problem.ts';
import { scoreAt } from './priority-order.ts';
import type { SeatState } from './seat-state.ts';

/** The published parts of a result computed from a seat state. */
export interface OutcomeReport {
  assignments: Assignment[];
  households: { householdId: string; tupleRank: number | null }[];
  cutoffs: CutoffEntry[];
  explanations: ChildExplanation[];
  metrics: Metrics;
}

/** The facility index each child is offered (-1 for none). */
export function offeredFacilities(state: SeatState): Int32Array {
  const p = state.problem;
  const offered = new Int32Array(p.children.length).fill(-1);
  p.units.forEach((unit, u) => {
    const c = state.choice[u]!;
    if (c < 0) return;
    unit.members.forEach((m, j) => { offered[m] = unit.tuples[c]!.assign[j]!; });
  });
  return offered;
}

/** Builds assignments, cut-offs, explanations and metrics for a seat state. */
export function reportOutcome(state: SeatState): OutcomeReport {
  const p = state.problem;
  const offered = offeredFacilities(state);
  const tieBreaks = new Map<number, Record<string, number>>();
  const keyOf = (child: number, facility: number): AdmittedKey => {
    let tb = tieBreaks.get(child);
    if (!tb) { tb = tieBreakOf(p, child); tieBreaks.set(child, tb); }
    return { score: scoreAt(p.children[child]!, p.facilityIds[facility]!), tieBreak: tb };
  };
  const lowest = lowestAdmittedPerSlot(state);
  const lowestKey = new Map<number, AdmittedKey>();
  const lowestKeyOf = (slot: number, facility: number): AdmittedKey | null => {
    const w = lowest[slot]!;
    if (w < 0) return null;
    let key = lowestKey.get(slot);
    if (!key) { key = keyOf(w, facility); lowestKey.set(slot, key); }
    return key;
  };

  const assignments: Assignment[] = p.children.map((c, i) => {
    const f = offered[i]!;
    if (f >= 0) return { childId: c.id, status: 'OFFER', facilityId: p.facilityIds[f]!, preferenceRank: c.preferences.indexOf(p.facilityIds[f]!) + 1 };
    if (p.childCurrent[i]! >= 0) return { childId: c.id, status: 'STAY', facilityId: p.facilityIds[p.childCurrent[i]!]!, preferenceRank: null };
    return { childId: c.id, status: 'HOLD', facilityId: null, preferenceRank: null };
  });

  const households = p.units.flatMap((unit, u) => {
    if (!unit.joint) return [];
    const c = state.choice[u]!;
    const h = p.request.households[unit.household]!;
    return [{ householdId: h.id, tupleRank: c >= 0 ? unit.tuples[c]!.rank : explicitNullRank(p, unit.household) }];
  });

  const applicants = new Int32Array(state.cap.length);
  p.childPrefs.forEach((prefs, i) => { for (const f of prefs) applicants[slotOf(f, p.childAge[i]!)]!++; });
  const cutoffs: CutoffEntry[] = [];
  p.facilityIds.forEach((id, f) => {
    for (let a = 0; a < AGE_CLASSES; a++) {
      const s = slotOf(f, a);
      if (state.cap[s] === 0 && applicants[s] === 0) continue;
      cutoffs.push({ facilityId: id, ageClass: a, seats: state.cap[s]!, applicants: applicants[s]!, offers: state.occChild[s]!.length, lowestAdmitted: lowestKeyOf(s, f) });
    }
  });

  const explanations: ChildExplanation[] = [];
  p.children.forEach((c, i) => {
    const prefs = p.childPrefs[i]!;
    const got = offered[i]!;
    const upto = got >= 0 ? prefs.indexOf(got) : prefs.length;
    const per: PreferenceExplanation[] = [];
    const joint = p.units[p.unitOfChild[i]!]!.joint;
    for (let k = 0; k < upto; k++) {
      const f = prefs[k]!;
      const s = slotOf(f, p.childAge[i]!);
      const w = lowest[s]!;
      const full = state.occChild[s]!.length >= state.cap[s]!;
      const outranked = w >= 0 && state.occPrio[s]![state.occChild[s]!.indexOf(w)]! < p.childPrefPriority[i]![k]!;
      let reason: ReasonCode;
      if (state.cap[s] === 0) reason = 'NO_SEATS_IN_CLASS';
      else if (full && outranked) reason = 'CUTOFF_HIGHER';
      else reason = joint ? 'JOINT_CONDITION' : 'UNRESOLVED_BLOCKING';
      per.push({
        rank: k + 1, facilityId: p.facilityIds[f]!, reason, seats: state.cap[s]!, offers: state.occChild[s]!.length,
        lowestAdmitted: lowestKeyOf(s, f), own: keyOf(i, f),
      });
    }
    if (per.length > 0) explanations.push({ childId: c.id, perPreference: per });
  });

  return { assignments, households, cutoffs, explanations, metrics: metricsOf(state, assignments) };
}

function metricsOf(state: SeatState, assignments: Assignment[]): Metrics {
  const p = state.problem;
  let offers = 0, holds = 0, stays = 0, first = 0, transfersMoved = 0;
  assignments.forEach((a, i) => {
    if (a.status === 'OFFER') {
      offers++;
      if (a.preferenceRank === 1) first++;
      if (p.childCurrent[i]! >= 0) transfersMoved++;
    } else if (a.status === 'HOLD') holds++;
    else stays++;
  });
  let posted = 0;
  for (const s of p.baseSeats) posted += s;
  let capTotal = 0;
  for (const s of state.cap) capTotal += s;
  return {
    children: p.children.length, offers, holds, stays, firstChoiceOffers: first,
    transferApplicants: p.childCurrent.reduce((n, f) => n + (f >= 0 ? 1 : 0), 0), transfersMoved,
    jointHouseholds: p.units.filter((u) => u.joint).length, postedSeats: posted, vacatedSeats: capTotal - posted,
  };
}

/** For each slot, the occupying child with the lowest priority (-1 when empty). */
function lowestAdmittedPerSlot(state: SeatState): Int32Array {
  const out = new Int32Array(state.cap.length).fill(-1);
  state.occChild.forEach((occ, s) => {
    let worst = -1, wp = -1;
    occ.forEach((c, k) => { if (state.occPrio[s]![k]! > wp) { wp = state.occPrio[s]![k]!; worst = c; } });
    out[s] = worst;
  });
  return out;
}

function tieBreakOf(p: AllocationProblem, child: number): Record<string, number> {
  const c = p.children[child]!;
  const tieBreak: Record<string, number> = {};
  for (const { key } of p.request.policy.tieBreak) {
    const v = c.tieBreak?.[key];
    if (v !== undefined) tieBreak[key] = v;
  }
  return tieBreak;
}

/** Rank of an explicit all-null tuple in a household's list (null when only the implicit one applies). */
function explicitNullRank(p: AllocationProblem, household: number): number | null {
  const h = p.request.households[household]!;
  const joint = h.jointPreferences;
  if (!joint) return null;
  const k = joint.findIndex((t) => t.every((f, j) => f === null || f === h.children[j]?.currentFacilityId));
  return k >= 0 ? k + 1 : null;
}
