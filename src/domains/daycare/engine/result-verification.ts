// SPDX-License-Identifier: EUPL-1.2
/**
 * The verifier: checks any result (ours or a third party's) against a request, exactly per §3 of the
 * format — capacity, individual rationality and blocking coalitions. It is deliberately a separate code
 * path from the allocation algorithms: it reads the JSON documents directly, compares children with its
 * own implementation of the priority order and shares no data structure with the engine.
 */
import { createHash } from 'node:crypto';
import type {
  AllocationRequest, AllocationResult, Assignment, CheckDetail, Checks, ChildInput, HouseholdInput,
} from './allocation-format.ts';
import { expandSiblingPattern } from './sibling-patterns.ts';

/** Verification report; `checks` has the shape of the result's `checks` block. */
export interface VerificationReport {
  checks: Checks;
  formatErrors: number;
  status: 'STABLE' | 'UNSTABLE' | 'INVALID';
}

interface Kid {
  input: ChildInput;
  household: HouseholdInput;
  lottery: string | undefined;
  /** Preferences strictly above staying (all of them when not a transfer applicant). */
  acceptable: string[];
  outcome: Assignment | undefined;
}

/** Checks `result` against `request`; see the format's §3 for the definitions enforced. */
export function verifyResult(request: AllocationRequest, result: Pick<AllocationResult, 'assignments'>): VerificationReport {
  const details: CheckDetail[] = [];
  const kids = new Map<string, Kid>();
  for (const h of request.households) for (const c of h.children) {
    const cut = c.currentFacilityId ? c.preferences.indexOf(c.currentFacilityId) : -1;
    kids.set(c.id, {
      input: c, household: h, outcome: undefined,
      lottery: undefined,
      acceptable: cut >= 0 ? c.preferences.slice(0, cut) : [...c.preferences],
    });
  }
  for (const a of result.assignments) {
    const kid = kids.get(a.childId);
    if (!kid) details.push({ type: 'RESULT_FORMAT', childId: a.childId, problem: 'child not in the request' });
    else if (kid.outcome) details.push({ type: 'RESULT_FORMAT', childId: a.childId, problem: 'child listed twice' });
    else kid.outcome = a;
  }
  let formatErrors = details.length;
  let ir = 0;
  const irFail = (kid: Kid, problem: string, child = true) => {
    ir++;
    details.push({ type: 'INDIVIDUAL_RATIONALITY', householdId: kid.household.id, childId: child ? kid.input.id : null, problem });
  };
  const facilities = new Map(request.facilities.map((f) => [f.id, f]));
  for (const kid of kids.values()) {
    const o = kid.outcome;
    if (!o) { formatErrors++; details.push({ type: 'RESULT_FORMAT', childId: kid.input.id, problem: 'child missing from assignments' }); continue; }
    if (o.status === 'OFFER') {
      if (o.facilityId === null || !facilities.has(o.facilityId)) irFail(kid, 'OFFER without a known facility');
      else if (!kid.acceptable.includes(o.facilityId)) irFail(kid, `OFFER at ${o.facilityId}, not a preference above staying`);
      else if (o.preferenceRank !== kid.input.preferences.indexOf(o.facilityId) + 1) {
        formatErrors++;
        details.push({ type: 'RESULT_FORMAT', childId: kid.input.id, problem: 'preferenceRank does not match preferences' });
      }
    } else if (o.status === 'STAY') {
      if (!kid.input.currentFacilityId) irFail(kid, 'STAY for a child who is not enrolled');
      else if (o.facilityId !== kid.input.currentFacilityId) irFail(kid, 'STAY at a facility other than the current one');
    } else if (o.status === 'HOLD') {
      if (kid.input.currentFacilityId) irFail(kid, 'transfer applicant left with neither OFFER nor STAY');
    } else {
      formatErrors++;
      details.push({ type: 'RESULT_FORMAT', childId: kid.input.id, problem: `unknown status ${String(o.status)}` });
    }
  }
  const reuse = request.policy.reuseVacatedSeats ?? true;
  const placedAt = (kid: Kid): string | null => (kid.outcome?.status === 'OFFER' ? kid.outcome.facilityId : null);

  // Capacity per (facility, class).
  const holders = new Map<string, Kid[]>();
  for (const kid of kids.values()) {
    const f = placedAt(kid);
    if (f === null || !facilities.has(f)) continue;
    const key = `${f}\u0000${kid.input.ageClass}`;
    (holders.get(key) ?? holders.set(key, []).get(key)!).push(kid);
  }
  // Holders of each (facility, class), best priority first, for counting who cannot be displaced.
  for (const [key, list] of holders) {
    const f = key.slice(0, key.indexOf('\u0000'));
    list.sort((x, y) => compare(request, x, y, f));
  }

  const movedOutInMu = (kid: Kid) => placedAt(kid) !== null && placedAt(kid) !== kid.input.currentFacilityId;
  const vacated = new Map<string, number>();
  if (reuse) for (const kid of kids.values()) {
    if (kid.input.currentFacilityId && movedOutInMu(kid)) {
      const key = `${kid.input.currentFacilityId}\u0000${kid.input.ageClass}`;
      vacated.set(key, (vacated.get(key) ?? 0) + 1);
    }
  }
  let capacity = 0;
  for (const [key, list] of [...holders.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [f, a] = key.split('\u0000') as [string, string];
    const seats = (facilities.get(f)!.seats[Number(a)] ?? 0) + (vacated.get(key) ?? 0);
    if (list.length > seats) {
      capacity++;
      details.push({ type: 'CAPACITY', facilityId: f, ageClass: Number(a), seats, offers: list.length });
    }
  }

  // Joint households must realise a tuple; then blocking coalitions.
  const better = (x: Kid, y: Kid, f: string): boolean => compare(request, x, y, f) < 0;
  let blocking = 0;
  for (const h of request.households) {
    const members = h.children.map((c) => kids.get(c.id)!);
    const joint = jointList(h);
    if (joint) {
      if (members.some((k) => !k.outcome)) continue;
      const realised = members.map(placedAt);
      const norm = (t: (string | null)[]) => t.map((f, j) => (f === members[j]!.input.currentFacilityId ? null : f));
      const same = (t: (string | null)[]) => norm(t).every((f, j) => f === realised[j]);
      let rank = joint.findIndex(same) + 1;
      const allNull = realised.every((f) => f === null);
      if (rank === 0 && !allNull) { irFail(members[0]!, 'household outcome is none of its joint tuples', false); continue; }
      if (rank === 0) rank = joint.length + 1;
      const earlier = new Set<string>();
      for (let r = 0; r < rank - 1; r++) {
        const t = norm(joint[r]!);
        if (t.every((f) => f === null)) break;
        const key = JSON.stringify(t);
        if (earlier.has(key)) continue; // repeats a higher-ranked tuple: the same coalition
        earlier.add(key);
        if (t.some((f, j) => f !== null && !members[j]!.acceptable.includes(f))) continue;
        if (blocks(members, t)) {
          blocking++;
          details.push({ type: 'BLOCKING_COALITION', householdId: h.id, childIds: members.map((k) => k.input.id), tupleRank: r + 1, tuple: joint[r]! });
        }
      }
    } else {
      for (const kid of members) {
        if (!kid.outcome) continue;
        const f = placedAt(kid);
        const pos = f === null ? kid.acceptable.length : kid.acceptable.indexOf(f);
        for (let r = 0; r < pos; r++) {
          if (blocks([kid], [kid.acceptable[r]!])) {
            blocking++;
            details.push({ type: 'BLOCKING_COALITION', householdId: h.id, childIds: [kid.input.id], tupleRank: r + 1, tuple: [kid.acceptable[r]!] });
          }
        }
      }
    }
  }

  function blocks(members: Kid[], tuple: (string | null)[]): boolean {
    const groups = new Map<string, Kid[]>();
    tuple.forEach((f, j) => {
      if (f === null) return;
      const key = `${f}\u0000${members[j]!.input.ageClass}`;
      const g = groups.get(key);
      if (g) g.push(members[j]!); else groups.set(key, [members[j]!]);
    });
    for (const [key, group] of groups) {
      const f = key.slice(0, key.indexOf('\u0000'));
      const a = group[0]!.input.ageClass;
      // Seats of (f, a) with the other households as in μ and this household as in the tuple.
      let seats = facilities.get(f)!.seats[a] ?? 0;
      if (reuse) {
        seats += vacated.get(key) ?? 0;
        members.forEach((k, j) => {
          if (k.input.currentFacilityId === f && k.input.ageClass === a) {
            if (movedOutInMu(k)) seats--;
            if (tuple[j] !== null && tuple[j] !== f) seats++;
          }
        });
      }
      let lowest = group[0]!;
      for (const k of group) if (better(lowest, k, f)) lowest = k;
      // Holders ranked above the household's lowest child there cannot be displaced.
      const list = holders.get(key) ?? [];
      let lo = 0, hi = list.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (better(list[mid]!, lowest, f)) lo = mid + 1; else hi = mid; }
      let undisplaceable = lo;
      for (let k = 0; k < lo; k++) if (members.includes(list[k]!)) undisplaceable--;
      if (group.length > seats - undisplaceable) return false;
    }
    return true;
  }

  const checks: Checks = { capacityViolations: capacity, individualRationalityViolations: ir, blockingCoalitions: blocking, details };
  const status = capacity > 0 || ir > 0 || formatErrors > 0 ? 'INVALID' : blocking > 0 ? 'UNSTABLE' : 'STABLE';
  return { checks, formatErrors, status };
}

/** The household's joint tuples (expanding a sibling pattern when that extension is used), or null. */
function jointList(h: HouseholdInput): (string | null)[][] | null {
  if (h.children.length < 2) return null;
  if (h.jointPreferences) return h.jointPreferences;
  if (!h.siblingPattern) return null;
  return expandSiblingPattern(h.children.map((c) => {
    const cut = c.currentFacilityId ? c.preferences.indexOf(c.currentFacilityId) : -1;
    return { ageClass: c.ageClass, preferences: cut >= 0 ? c.preferences.slice(0, cut) : c.preferences };
  }), h.siblingPattern);
}

/** Negative when x ranks above y at facility f (format §1 "Priority order"). */
function compare(request: AllocationRequest, x: Kid, y: Kid, f: string): number {
  const sx = x.input.scoreByFacility?.[f] ?? x.input.score;
  const sy = y.input.scoreByFacility?.[f] ?? y.input.score;
  if (sx !== sy) return sx > sy ? -1 : 1;
  for (const { key, order } of request.policy.tieBreak) {
    const vx = x.input.tieBreak?.[key];
    const vy = y.input.tieBreak?.[key];
    if (vx === vy) continue;
    if (vx === undefined) return 1;
    if (vy === undefined) return -1;
    return (order === 'asc' ? vx < vy : vx > vy) ? -1 : 1;
  }
  x.lottery ??= createHash('sha256').update(`${request.policy.lotterySeed}:${x.input.id}`).digest('hex');
  y.lottery ??= createHash('sha256').update(`${request.policy.lotterySeed}:${y.input.id}`).digest('hex');
  return x.lottery < y.lottery ? -1 : x.lottery > y.lottery ? 1 : 0;
}
