// SPDX-License-Identifier: EUPL-1.2
/**
 * The life-event rule engine (pure): household facts + a rule set → every procedure needed, each with why it
 * applies and for whom; the clerk's additions and drops (each with a reason) on top. The public guide and the
 * counter both call `listProcedures`, so they cannot disagree.
 */
import type { HouseholdFacts, MemberFacts } from './life-events.ts';
import type { MemberCondition, ProcedureDef, RuleCondition, RuleSet, Text } from './rule-set.ts';

/** One procedure the household needs. */
export interface NeededProcedure {
  code: string;
  def: ProcedureDef;
  reason: Text;
  /** The members it is for (their `ref`s); empty when it is for the household. */
  memberRefs: string[];
  source: 'rule' | 'clerk';
}

/** A procedure the clerk dropped, kept for the record with the reason. */
export interface DroppedProcedure { code: string; def: ProcedureDef; reason: string }

function memberMatches(m: MemberFacts, c: MemberCondition): boolean {
  return (c.minAge === undefined || m.age >= c.minAge) && (c.maxAge === undefined || m.age <= c.maxAge)
    && (c.foreign === undefined || m.foreign === c.foreign) && (c.nhi === undefined || m.nhi === c.nhi)
    && (c.head === undefined || m.head === c.head);
}

/** The members a condition holds for, `[]` for a household-level match, or null when it does not hold. */
function match(cond: RuleCondition, facts: HouseholdFacts): string[] | null {
  if (!cond.events.some((e) => facts.events.includes(e))) return null;
  if (cond.dog && !facts.dog) return null;
  if (!cond.member) return [];
  const pool = cond.scope === 'household' ? facts.members : facts.members.filter((m) => m.concerned);
  const hits: string[] = [];
  for (const m of pool) if (memberMatches(m, cond.member)) hits.push(m.ref);
  if (hits.length === 0) return null;
  return cond.scope === 'household' ? [] : hits;
}

/** Every procedure the rule set lists for these facts, in the rule set's order. */
export function listProcedures(rules: RuleSet, facts: HouseholdFacts): NeededProcedure[] {
  const out: NeededProcedure[] = [];
  for (const def of rules.procedures) {
    for (const rule of def.rules) {
      const refs = match(rule.when, facts);
      if (refs) { out.push({ code: def.code, def, reason: rule.reason, memberRefs: refs, source: 'rule' }); break; }
    }
  }
  return out;
}

/** A clerk's change to the list: add a procedure the rules did not list, or drop one they did; the reason is required. */
export interface Adjustment { action: 'add' | 'drop'; code: string; reason: string; memberRefs?: string[] }

export class AdjustmentError extends Error {
  constructor(readonly code: 'adjustment-reason-required' | 'procedure-unknown' | 'procedure-not-listed' | 'procedure-already-listed', readonly procedure: string) {
    super(code);
  }
}

/** Applies the clerk's adjustments in order; refuses an unknown procedure, a missing reason, a drop of what is not listed. */
export function adjustProcedures(rules: RuleSet, listed: NeededProcedure[], adjustments: Adjustment[]) {
  let needed = [...listed];
  const dropped: DroppedProcedure[] = [];
  for (const a of adjustments) {
    const reason = a.reason.trim();
    if (!reason) throw new AdjustmentError('adjustment-reason-required', a.code);
    const def = rules.procedures.find((p) => p.code === a.code);
    if (!def) throw new AdjustmentError('procedure-unknown', a.code);
    const present = needed.some((n) => n.code === a.code);
    if (a.action === 'drop') {
      if (!present) throw new AdjustmentError('procedure-not-listed', a.code);
      needed = needed.filter((n) => n.code !== a.code);
      dropped.push({ code: a.code, def, reason });
    } else {
      if (present) throw new AdjustmentError('procedure-already-listed', a.code);
      needed.push({ code: a.code, def, reason: { ja: reason, en: reason }, memberRefs: a.memberRefs ?? [], source: 'clerk' });
    }
  }
  const order = new Map(rules.procedures.map((p, i) => [p.code, i]));
  needed.sort((x, y) => order.get(x.code)! - order.get(y.code)!);
  return { needed, dropped };
}
