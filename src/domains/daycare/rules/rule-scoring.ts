// SPDX-License-Identifier: EUPL-1.2
/**
 * Applies a municipal rule table to one application and returns the priority index with an itemised
 * breakdown (内訳), ready for the request's `score`, `scoreByFacility` and `tieBreak` fields.
 */
import type { ApplicationFacts, NeedRule, RuleTable } from './rule-table.ts';

/** One line of the itemised breakdown. */
export interface ScoreItem {
  code: string;
  label: string;
  points: number;
  parent?: number;
  rank?: string;
  facilityId?: string;
}

/** The score of one child with its breakdown. */
export interface ScoredApplication {
  score: number;
  scoreByFacility: Record<string, number>;
  tieBreak: Record<string, number>;
  rank: string | null;
  items: ScoreItem[];
}

function needPoints(rule: NeedRule | undefined, hours: number | undefined): number {
  if (!rule) return 0;
  if (rule.bands) {
    for (const b of rule.bands) if ((hours ?? 0) >= b.minWeeklyHours) return b.points;
    return 0;
  }
  return rule.points ?? 0;
}

/** Scores one application with a rule table. */
export function scoreApplication(table: RuleTable, facts: ApplicationFacts): ScoredApplication {
  const items: ScoreItem[] = [];
  const parents = facts.parents.length === 1 ? [...facts.parents, { need: 'absent' as const }] : facts.parents;
  const base = parents.map((p, i) => {
    const rule = table.needs[p.need];
    const points = needPoints(rule, p.weeklyHours);
    return { parent: i, label: rule?.label ?? p.need, points, need: p.need };
  });
  let score = 0;
  let rank: string | null = null;
  if (table.combine === 'sum') {
    for (const b of base) { items.push({ code: `base:${b.need}`, label: b.label, points: b.points, parent: b.parent }); score += b.points; }
  } else {
    const counted = base.filter((b) => b.need !== 'absent' || table.needs.absent);
    const lower = counted.reduce((lo, b) => (b.points < lo.points ? b : lo), counted[0]!);
    if (table.combine === 'lowerParent') {
      items.push({ code: `base:${lower.need}`, label: `${lower.label}（低い方の保護者）`, points: lower.points, parent: lower.parent });
      score = lower.points;
    } else {
      const r = rankOf(table, lower.points);
      rank = r.letter;
      items.push({ code: `rank:${r.letter}`, label: `${lower.label}（ランク${r.letter}）`, points: r.score, parent: lower.parent, rank: r.letter });
      score = r.score;
    }
  }
  for (const adj of table.adjustments) {
    let points = 0;
    if (adj.when) {
      if (!facts.flags?.[adj.when]) continue;
      if (adj.forceRank && table.ranks) {
        const forced = table.ranks.find((r) => r.letter === adj.forceRank)!;
        const delta = forced.score - (table.ranks.find((r) => r.letter === rank)?.score ?? score);
        if (delta < 0) { rank = forced.letter; points = delta; }
      } else points = adj.points;
    } else if (adj.perUnit) {
      const raw = adj.perUnit.fact === 'waitingMonths' ? facts.waitingMonths ?? 0 : Math.max(0, (facts.childrenUnder18 ?? 0) - 1);
      points = adj.points * Math.min(raw, adj.perUnit.maxUnits ?? Infinity);
    }
    if (points === 0) continue;
    items.push({ code: adj.code, label: adj.label, points });
    score += points;
  }
  const scoreByFacility: Record<string, number> = {};
  if (table.siblingEnrolledBonus) {
    const bonus = table.siblingEnrolledBonus;
    for (const f of [...new Set(facts.siblingEnrolledAt ?? [])].sort()) {
      scoreByFacility[f] = score + bonus.points;
      items.push({ code: bonus.code, label: bonus.label, points: bonus.points, facilityId: f });
    }
  }
  const tieBreak: Record<string, number> = {};
  for (const { key } of table.tieBreak) {
    const v = facts.tieBreak?.[key];
    if (v !== undefined) tieBreak[key] = v;
  }
  return { score, scoreByFacility, tieBreak, rank, items };
}

function rankOf(table: RuleTable, points: number): { letter: string; score: number } {
  const ranks = table.ranks ?? [];
  for (const r of ranks) if (points >= r.minPoints) return r;
  const last = ranks[ranks.length - 1];
  return last ?? { letter: '-', score: 0 };
}
