// SPDX-License-Identifier: EUPL-1.2
/** Deterministic random source (mulberry32) for the demo generator. */
import { createHash } from 'node:crypto';

export interface Random {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  weighted(weights: readonly number[]): number;
}

/** Creates a random source from a string seed. */
export function seededRandom(seed: string): Random {
  let a = parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 8), 16) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const weighted = (ws: readonly number[]) => {
    let total = 0;
    for (const w of ws) total += w;
    let r = next() * total;
    for (let i = 0; i < ws.length; i++) { r -= ws[i]!; if (r < 0) return i; }
    return ws.length - 1;
  };
  return { next, int: (n) => Math.floor(next() * n), chance: (p) => next() < p, pick: (xs) => xs[Math.floor(next() * xs.length)]!, weighted };
}
