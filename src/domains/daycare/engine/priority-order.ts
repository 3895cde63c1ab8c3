// SPDX-License-Identifier: EUPL-1.2
/**
 * The published priority order of the format (§1 "Priority order"): score at the facility, then the
 * tie-break keys of the policy, then the lottery hash. Used by the engine; the verifier has its own copy.
 */
import { createHash } from 'node:crypto';
import type { ChildInput, TieBreakKey } from './allocation-format.ts';

/** The lottery value of a child: lower-case hex SHA-256 of `lotterySeed + ":" + childId`. */
export function lotteryHash(lotterySeed: string, childId: string): string {
  return createHash('sha256').update(`${lotterySeed}:${childId}`, 'utf8').digest('hex');
}

/** The score of a child at a facility (`scoreByFacility` overrides `score`). */
export function scoreAt(child: ChildInput, facilityId: string): number {
  return child.scoreByFacility?.[facilityId] ?? child.score;
}

/**
 * Orders children by the tie-break keys and the lottery only (the facility-independent part of the
 * priority); returns each child's position, 0 = best.
 */
export function tieBreakRanks(children: ChildInput[], keys: TieBreakKey[], lotterySeed: string): Int32Array {
  const hashes: (string | undefined)[] = new Array(children.length);
  const hash = (i: number) => (hashes[i] ??= lotteryHash(lotterySeed, children[i]!.id));
  const order = children.map((_, i) => i);
  order.sort((i, j) => {
    const a = children[i]!;
    const b = children[j]!;
    for (const { key, order: dir } of keys) {
      const va = a.tieBreak?.[key];
      const vb = b.tieBreak?.[key];
      if (va === vb) continue;
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      if (va !== vb) return dir === 'asc' ? va - vb : vb - va;
    }
    const ha = hash(i);
    const hb = hash(j);
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  });
  const rank = new Int32Array(children.length);
  order.forEach((child, pos) => { rank[child] = pos; });
  return rank;
}
