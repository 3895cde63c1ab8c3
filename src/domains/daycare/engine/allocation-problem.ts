// SPDX-License-Identifier: EUPL-1.2
/**
 * Compiles a validated request into the indexed problem the algorithms work on: facilities and children
 * as integers, one "unit" per joint household or independent child, each unit's acceptable tuples in
 * rank order, and one integer priority per (child, facility) where lower is better.
 */
import { AGE_CLASSES, type AllocationRequest, type ChildInput, type SiblingPattern } from './allocation-format.ts';
import { scoreAt, tieBreakRanks } from './priority-order.ts';
import { expandSiblingPattern } from './sibling-patterns.ts';

/** Children of one tuple placed in one (facility, class) slot. */
export interface TupleGroup {
  slot: number;
  count: number;
  /** Priority of the lowest-priority child of the group (larger = lower priority). */
  worst: number;
}

/** One acceptable outcome of a unit. */
export interface Tuple {
  /** 1-based rank in the household's `jointPreferences` or the child's `preferences`. */
  rank: number;
  /** Facility index per member, -1 for no new seat. */
  assign: number[];
  groups: TupleGroup[];
  /** Slots (current facility, class) of transfer members who move; each is a vacated seat. */
  vacates: number[];
  /** Number of members with a new seat. */
  offers: number;
  /** Priority of each member at its assigned facility (-1 for no new seat). */
  prio: number[];
}

/** A household allocated jointly, or one independent child. */
export interface Unit {
  household: number;
  members: number[];
  joint: boolean;
  tuples: Tuple[];
}

/** The indexed problem. */
export interface AllocationProblem {
  request: AllocationRequest;
  facilityIds: string[];
  children: ChildInput[];
  childHousehold: Int32Array;
  childAge: Int32Array;
  /** Current facility index of a transfer applicant, -1 otherwise. */
  childCurrent: Int32Array;
  /** Effective preferences (cut at the current facility) as facility indices. */
  childPrefs: number[][];
  /** Priority of the child at each effective preference, parallel to `childPrefs`. */
  childPrefPriority: number[][];
  /** Preference rank of the current facility when listed (stay ranks there), else null. */
  childStayRank: (number | null)[];
  baseSeats: Int32Array;
  reuseVacatedSeats: boolean;
  units: Unit[];
  unitOfChild: Int32Array;
  expansions: { householdId: string; pattern: SiblingPattern; tuples: number }[];
}

/** Slot index of a facility and age class. */
export const slotOf = (facility: number, ageClass: number): number => facility * AGE_CLASSES + ageClass;

/** Compiles a valid request (see validateRequest) into an {@link AllocationProblem}. */
export function compileProblem(request: AllocationRequest): AllocationProblem {
  const facilityIds = request.facilities.map((f) => f.id);
  const facIndex = new Map(facilityIds.map((id, i) => [id, i]));
  const baseSeats = new Int32Array(facilityIds.length * AGE_CLASSES);
  request.facilities.forEach((f, i) => f.seats.forEach((s, a) => { baseSeats[slotOf(i, a)] = s; }));

  const children: ChildInput[] = [];
  const childHousehold: number[] = [];
  request.households.forEach((h, hi) => h.children.forEach((c) => { children.push(c); childHousehold.push(hi); }));
  const n = children.length;
  const childAge = new Int32Array(n);
  const childCurrent = new Int32Array(n).fill(-1);
  const childPrefs: number[][] = [];
  const childStayRank: (number | null)[] = [];
  children.forEach((c, i) => {
    childAge[i] = c.ageClass;
    const cur = c.currentFacilityId ? facIndex.get(c.currentFacilityId)! : -1;
    childCurrent[i] = cur;
    const prefs: number[] = [];
    let stayRank: number | null = null;
    for (let k = 0; k < c.preferences.length; k++) {
      const f = facIndex.get(c.preferences[k]!)!;
      if (f === cur) { stayRank = k + 1; break; }
      prefs.push(f);
    }
    childPrefs.push(prefs);
    childStayRank.push(stayRank);
  });
  const childPrefPriority = priorities(request, children, childPrefs, facilityIds);

  const units: Unit[] = [];
  const unitOfChild = new Int32Array(n);
  const expansions: AllocationProblem['expansions'] = [];
  let next = 0;
  request.households.forEach((h, hi) => {
    const members = h.children.map((_, j) => next + j);
    next += h.children.length;
    let joint = h.jointPreferences;
    if (!joint && h.siblingPattern && h.children.length >= 2) {
      joint = expandSiblingPattern(h.children.map((c, j) => ({
        ageClass: c.ageClass, preferences: childPrefs[members[j]!]!.map((f) => facilityIds[f]!),
      })), h.siblingPattern);
      expansions.push({ householdId: h.id, pattern: h.siblingPattern, tuples: joint.length });
    }
    if (joint && h.children.length >= 2) {
      const unit: Unit = { household: hi, members, joint: true, tuples: jointTuples(joint, members, facIndex, childPrefs, childPrefPriority, childAge, childCurrent) };
      for (const m of members) unitOfChild[m] = units.length;
      units.push(unit);
    } else {
      for (const m of members) {
        unitOfChild[m] = units.length;
        units.push({ household: hi, members: [m], joint: false, tuples: singleTuples(m, childPrefs, childPrefPriority, childAge, childCurrent) });
      }
    }
  });

  return {
    request, facilityIds, children, childHousehold: Int32Array.from(childHousehold), childAge, childCurrent,
    childPrefs, childPrefPriority, childStayRank, baseSeats,
    reuseVacatedSeats: request.policy.reuseVacatedSeats ?? true, units, unitOfChild, expansions,
  };
}

/** Integer priority per (child, effective preference): the position in one global sort, lower = better. */
function priorities(request: AllocationRequest, children: ChildInput[], prefs: number[][], facilityIds: string[]): number[][] {
  const tb = tieBreakRanks(children, request.policy.tieBreak, request.policy.lotterySeed);
  // One numeric sort: key = (score rank, tie-break rank, entry), packed below 2^53.
  const scores: number[] = [];
  const owner: number[] = [];
  const slotK: number[] = [];
  prefs.forEach((list, c) => list.forEach((f, k) => { scores.push(scoreAt(children[c]!, facilityIds[f]!)); owner.push(c); slotK.push(k); }));
  const distinct = [...new Set(scores)].sort((a, b) => b - a);
  const scoreRank = new Map(distinct.map((s, i) => [s, i]));
  const n = children.length;
  const e = scores.length;
  const keys = new Float64Array(e);
  for (let i = 0; i < e; i++) keys[i] = (scoreRank.get(scores[i]!)! * n + tb[owner[i]!]!) * e + i;
  keys.sort();
  const out = prefs.map((list) => new Array<number>(list.length).fill(0));
  for (let pos = 0; pos < e; pos++) {
    const i = keys[pos]! % e;
    out[owner[i]!]![slotK[i]!] = pos;
  }
  return out;
}

function singleTuples(m: number, prefs: number[][], prio: number[][], age: Int32Array, cur: Int32Array): Tuple[] {
  return prefs[m]!.map((f, k) => ({
    rank: k + 1,
    assign: [f],
    groups: [{ slot: slotOf(f, age[m]!), count: 1, worst: prio[m]![k]! }],
    vacates: cur[m]! >= 0 ? [slotOf(cur[m]!, age[m]!)] : [],
    offers: 1,
    prio: [prio[m]![k]!],
  }));
}

function jointTuples(
  joint: (string | null)[][], members: number[], facIndex: Map<string, number>,
  prefs: number[][], prio: number[][], age: Int32Array, cur: Int32Array,
): Tuple[] {
  const out: Tuple[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < joint.length; r++) {
    const raw = joint[r]!;
    const assign = new Array<number>(members.length).fill(-1);
    const tp = new Array<number>(members.length).fill(-1);
    let acceptable = true;
    const groups = new Map<number, TupleGroup>();
    const vacates: number[] = [];
    members.forEach((m, j) => {
      const id = raw[j];
      if (id === null || id === undefined) return;
      const f = facIndex.get(id)!;
      if (f === cur[m]) return; // naming the current facility means staying
      const k = prefs[m]!.indexOf(f);
      if (k < 0) { acceptable = false; return; } // ranked below staying: not acceptable
      assign[j] = f;
      tp[j] = prio[m]![k]!;
      const slot = slotOf(f, age[m]!);
      const g = groups.get(slot);
      if (g) { g.count++; g.worst = Math.max(g.worst, prio[m]![k]!); } else groups.set(slot, { slot, count: 1, worst: prio[m]![k]! });
      if (cur[m]! >= 0) vacates.push(slotOf(cur[m]!, age[m]!));
    });
    if (!acceptable) continue;
    const offers = assign.reduce((s, f) => s + (f >= 0 ? 1 : 0), 0);
    if (offers === 0) break; // an explicit all-null tuple: everything after it ranks below "no seat"
    const key = assign.join(',');
    if (seen.has(key)) continue; // the same outcome as a higher-ranked tuple (e.g. naming the current facility)
    seen.add(key);
    out.push({ rank: r + 1, assign, groups: [...groups.values()], vacates, offers, prio: tp });
  }
  return out;
}
