// SPDX-License-Identifier: EUPL-1.2
/**
 * What-if (シミュレーション): applies ONE change to a copy of a round's request — one child's data, one
 * facility's seats, or one rule — and lists who moves between the two results. Pure; the service runs the
 * engine on both requests. Nothing here is stored.
 */
import {
  scoreApplication, type AllocationRequest, type AllocationResult, type ApplicationFacts, type Assignment,
  type RuleTable, type TieBreakKey,
} from './index.ts';

/** The one change of a what-if run. */
export type WhatIfChange =
  | { kind: 'child'; childId: string; score?: number; ageClass?: number; preferences?: string[]; currentFacilityId?: string | null }
  | { kind: 'facility'; facilityId: string; seats: number[] }
  | { kind: 'adjustment'; code: string; points: number }
  | { kind: 'tieBreak'; tieBreak: TieBreakKey[] }
  | { kind: 'reuseVacatedSeats'; value: boolean };

/** Facts and rule table needed to re-score children for an `adjustment` change. */
export interface Rescoring {
  ruleTable: RuleTable | null;
  factsByChild: Map<string, ApplicationFacts>;
}

/** Raised when a change names something that is not in the round. */
export class WhatIfTargetError extends Error {
  constructor(readonly target: string) { super(`unknown what-if target: ${target}`); }
}

/** Returns the modified copy of the request and the children whose input changed. */
export function applyWhatIf(request: AllocationRequest, change: WhatIfChange, rescoring?: Rescoring): { request: AllocationRequest; changedChildren: string[] } {
  const copy = structuredClone(request) as AllocationRequest;
  const changed: string[] = [];
  switch (change.kind) {
    case 'child': {
      const child = copy.households.flatMap((h) => h.children).find((c) => c.id === change.childId);
      if (!child) throw new WhatIfTargetError(`child ${change.childId}`);
      if (change.score !== undefined) {
        const delta = change.score - child.score;
        child.score = change.score;
        if (child.scoreByFacility) for (const f of Object.keys(child.scoreByFacility)) child.scoreByFacility[f]! += delta;
      }
      if (change.ageClass !== undefined) child.ageClass = change.ageClass;
      if (change.preferences !== undefined) child.preferences = [...change.preferences];
      if (change.currentFacilityId !== undefined) child.currentFacilityId = change.currentFacilityId;
      changed.push(child.id);
      break;
    }
    case 'facility': {
      const facility = copy.facilities.find((f) => f.id === change.facilityId);
      if (!facility) throw new WhatIfTargetError(`facility ${change.facilityId}`);
      facility.seats = [...change.seats];
      break;
    }
    case 'adjustment': {
      const table = rescoring?.ruleTable;
      if (!table) throw new WhatIfTargetError('rule table');
      const modified = structuredClone(table);
      const adj = modified.adjustments.find((a) => a.code === change.code);
      if (adj) adj.points = change.points;
      else if (modified.siblingEnrolledBonus?.code === change.code) modified.siblingEnrolledBonus.points = change.points;
      else throw new WhatIfTargetError(`adjustment ${change.code}`);
      const facilityIds = new Set(copy.facilities.map((f) => f.id));
      for (const h of copy.households) for (const c of h.children) {
        const facts = rescoring.factsByChild.get(c.id);
        if (!facts) continue;
        const before = scoreApplication(table, facts);
        const after = scoreApplication(modified, facts);
        if (before.score === after.score && JSON.stringify(before.scoreByFacility) === JSON.stringify(after.scoreByFacility)) continue;
        c.score = after.score;
        const byFacility = Object.fromEntries(Object.entries(after.scoreByFacility).filter(([f]) => facilityIds.has(f)));
        if (Object.keys(byFacility).length > 0) c.scoreByFacility = byFacility; else delete c.scoreByFacility;
        changed.push(c.id);
      }
      break;
    }
    case 'tieBreak':
      copy.policy.tieBreak = change.tieBreak.map((k) => ({ key: k.key, order: k.order }));
      break;
    case 'reuseVacatedSeats':
      copy.policy.reuseVacatedSeats = change.value;
      break;
  }
  return { request: copy, changedChildren: changed };
}

/** One child whose outcome differs between two results. */
export interface Move {
  childId: string;
  before: Pick<Assignment, 'status' | 'facilityId' | 'preferenceRank'>;
  after: Pick<Assignment, 'status' | 'facilityId' | 'preferenceRank'>;
  /** placed: 保留 → 内定; lost: 内定 → 保留/在園; moved: another facility; changed: anything else. */
  direction: 'placed' | 'lost' | 'moved' | 'changed';
  /** True for a child whose own input the change touched. */
  changedInput: boolean;
}

/** The difference between the base and the modified result. */
export interface WhatIfDiff {
  moves: Move[];
  before: { offers: number; holds: number; stays: number; firstChoiceOffers: number };
  after: { offers: number; holds: number; stays: number; firstChoiceOffers: number };
}

const headline = (r: Pick<AllocationResult, 'metrics'>) => ({ offers: r.metrics.offers, holds: r.metrics.holds, stays: r.metrics.stays, firstChoiceOffers: r.metrics.firstChoiceOffers });
const pick = (a: Assignment | undefined) => ({ status: a?.status ?? 'HOLD', facilityId: a?.facilityId ?? null, preferenceRank: a?.preferenceRank ?? null });

/** Lists every child whose outcome differs, in the order of the base result. */
export function diffResults(before: Pick<AllocationResult, 'assignments' | 'metrics'>, after: Pick<AllocationResult, 'assignments' | 'metrics'>, changedChildren: string[] = []): WhatIfDiff {
  const next = new Map(after.assignments.map((a) => [a.childId, a]));
  const touched = new Set(changedChildren);
  const moves: Move[] = [];
  for (const a of before.assignments) {
    const b = next.get(a.childId);
    if (b && a.status === b.status && a.facilityId === b.facilityId) continue;
    const from = pick(a);
    const to = pick(b);
    const direction = from.status !== 'OFFER' && to.status === 'OFFER' ? 'placed'
      : from.status === 'OFFER' && to.status !== 'OFFER' ? 'lost'
        : from.status === 'OFFER' && to.status === 'OFFER' ? 'moved' : 'changed';
    moves.push({ childId: a.childId, before: from, after: to, direction, changedInput: touched.has(a.childId) });
  }
  return { moves, before: headline(before), after: headline(after) };
}
