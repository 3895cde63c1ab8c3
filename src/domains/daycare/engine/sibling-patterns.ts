// SPDX-License-Identifier: EUPL-1.2
/**
 * Expands the seven sibling patterns used by municipalities (きょうだい希望パターン) into a ranked list of
 * joint-preference tuples, the only form the allocation engine reads. Ordering follows the domain brief
 * (ChilmAI's ordering): more children admitted first, then more at the same facility, then the smaller
 * product of preference ranks, then the individual ranks in child order.
 */
import type { SiblingPattern } from './allocation-format.ts';

/** The pattern names, as municipalities print them. */
export const SIBLING_PATTERN_NAMES: Record<SiblingPattern, string> = {
  1: '同保同時',
  2: '同保順次（上）',
  3: '同保順次（下）',
  4: '別保同時（同）',
  5: '別保順次（同）',
  6: '別保同時（希）',
  7: '別保順次（希）',
};

/** What the expansion needs to know about each child, in household order. */
export interface SiblingChild {
  ageClass: number;
  preferences: string[];
}

/** Default cap on tuples per household (real lists reach 800; most are far shorter). */
export const DEFAULT_MAX_TUPLES = 200;
const MAX_ENUMERATED = 50_000;

interface Candidate {
  tuple: (string | null)[];
  admitted: number;
  same: number;
  product: number;
  ranks: number[];
}

/** Builds the ranked joint-preference tuples of one household for a sibling pattern. */
export function expandSiblingPattern(
  children: SiblingChild[],
  pattern: SiblingPattern,
  maxTuples = DEFAULT_MAX_TUPLES,
): (string | null)[][] {
  const n = children.length;
  const all = enumerate(children);
  const allIn = (c: Candidate) => c.admitted === n;
  const sameAll = (c: Candidate) => allIn(c) && new Set(c.tuple).size === 1;
  const oldest = indexOfExtreme(children, (a, b) => a > b);
  const youngest = indexOfExtreme(children, (a, b) => a < b);
  const alone = (k: number) => (c: Candidate) => c.admitted === 1 && c.tuple[k] !== null;
  let chosen: Candidate[];
  let withSame = true;
  switch (pattern) {
    case 1: chosen = all.filter(sameAll); break;
    case 2: chosen = [...sortCandidates(all.filter(sameAll), true), ...sortCandidates(all.filter(alone(oldest)), true)]; return cap(chosen, maxTuples);
    case 3: chosen = [...sortCandidates(all.filter(sameAll), true), ...sortCandidates(all.filter(alone(youngest)), true)]; return cap(chosen, maxTuples);
    case 4: chosen = all.filter(allIn); break;
    case 5: chosen = all.filter((c) => c.admitted >= 1); break;
    case 6: chosen = all.filter(allIn); withSame = false; break;
    case 7: chosen = all.filter((c) => c.admitted >= 1); withSame = false; break;
  }
  return cap(sortCandidates(chosen, withSame), maxTuples);
}

function cap(list: Candidate[], maxTuples: number): (string | null)[][] {
  return list.slice(0, maxTuples).map((c) => c.tuple);
}

function indexOfExtreme(children: SiblingChild[], better: (a: number, b: number) => boolean): number {
  let best = 0;
  children.forEach((c, i) => { if (better(c.ageClass, children[best]!.ageClass)) best = i; });
  return best;
}

function enumerate(children: SiblingChild[]): Candidate[] {
  const out: Candidate[] = [];
  const tuple: (string | null)[] = [];
  const ranks: number[] = [];
  const walk = (i: number) => {
    if (out.length >= MAX_ENUMERATED) return;
    if (i === children.length) {
      const placed = tuple.filter((f): f is string => f !== null);
      if (placed.length === 0) return;
      const counts = new Map<string, number>();
      for (const f of placed) counts.set(f, (counts.get(f) ?? 0) + 1);
      const same = Math.max(...counts.values());
      const product = ranks.reduce((p, r) => p * (r === 0 ? 1 : r), 1);
      out.push({ tuple: [...tuple], admitted: placed.length, same: same > 1 ? same : 0, product, ranks: [...ranks] });
      return;
    }
    const prefs = children[i]!.preferences;
    for (let k = 0; k <= prefs.length; k++) {
      tuple.push(k < prefs.length ? prefs[k]! : null);
      ranks.push(k < prefs.length ? k + 1 : 0);
      walk(i + 1);
      tuple.pop();
      ranks.pop();
    }
  };
  walk(0);
  return out;
}

function sortCandidates(list: Candidate[], withSame: boolean): Candidate[] {
  return [...list].sort((a, b) => {
    if (a.admitted !== b.admitted) return b.admitted - a.admitted;
    if (withSame && a.same !== b.same) return b.same - a.same;
    if (a.product !== b.product) return a.product - b.product;
    for (let i = 0; i < a.ranks.length; i++) {
      const ra = a.ranks[i] === 0 ? Infinity : a.ranks[i]!;
      const rb = b.ranks[i] === 0 ? Infinity : b.ranks[i]!;
      if (ra !== rb) return ra - rb;
    }
    return 0;
  });
}
