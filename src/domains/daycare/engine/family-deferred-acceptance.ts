// SPDX-License-Identifier: EUPL-1.2
/**
 * Family-aware deferred acceptance: child-proposing DA for independent children, extended so a
 * household proposes whole tuples (as in sorted / extended-sorted DA for siblings). A unit claims its
 * best tuple that it could take by displacing only lower-priority children; displaced units propose
 * again from the top; when seats free up (a family leaves, a transfer vacates a seat) the units that
 * list those seats above their outcome are re-examined. If this settles, no blocking coalition exists
 * by construction; with siblings it may cycle, so it runs under a step budget.
 */
import type { AllocationProblem } from './allocation-problem.ts';
import { SeatState } from './seat-state.ts';

/** An outcome: the chosen tuple index per unit (-1 = none) and its quality. */
export interface SearchOutcome {
  choice: Int32Array;
  blocking: number;
  offers: number;
  rankSum: number;
  converged: boolean;
  steps: number;
}

const slotEntryCache = new WeakMap<AllocationProblem, number[][]>();

/** For each slot, the (unit, tuple) pairs that place a child there, encoded as [u0, i0, u1, i1, …]. */
function slotEntries(problem: AllocationProblem): number[][] {
  let entries = slotEntryCache.get(problem);
  if (entries) return entries;
  entries = Array.from({ length: problem.baseSeats.length }, () => []);
  problem.units.forEach((unit, u) => unit.tuples.forEach((t, i) => {
    for (const g of t.groups) entries![g.slot]!.push(u, i);
  }));
  slotEntryCache.set(problem, entries);
  return entries;
}

/** Runs the search with units entering in `order`; stops after `budget` moves. */
export function runFamilyDeferredAcceptance(problem: AllocationProblem, order: number[], budget: number): SearchOutcome {
  const state = new SeatState(problem);
  const units = problem.units;
  const entries = slotEntries(problem);
  let queue: number[] = [...order];
  let head = 0;
  const inQueue = new Uint8Array(units.length).fill(1);
  const dirty = new Uint8Array(state.cap.length);
  let dirtyList: number[] = [];
  let steps = 0;
  let converged = false;

  const enqueue = (u: number) => { if (!inQueue[u]) { inQueue[u] = 1; queue.push(u); } };
  const markDirty = (slots: number[]) => { for (const s of slots) if (!dirty[s]) { dirty[s] = 1; dirtyList.push(s); } };

  const apply = (u: number, i: number): boolean => {
    const evicted: number[] = [];
    if (!claim(state, u, i, true, evicted)) return false;
    for (const v of evicted) enqueue(v);
    markDirty(state.lastTouched);
    return true;
  };

  outer: for (;;) {
    while (head < queue.length) {
      if (steps >= budget) break outer;
      const u = queue[head++]!;
      inQueue[u] = 0;
      const c = state.choice[u]!;
      const limit = c < 0 ? units[u]!.tuples.length : c;
      for (let i = 0; i < limit; i++) {
        if (state.feasible(u, i) && apply(u, i)) { steps++; break; }
      }
      if (head > 65536) { queue = queue.slice(head); head = 0; }
    }
    if (dirtyList.length === 0) { converged = true; break; }
    const slots = dirtyList;
    dirtyList = [];
    for (const s of slots) {
      dirty[s] = 0;
      const list = entries[s]!;
      for (let k = 0; k < list.length; k += 2) {
        const u = list[k]!;
        const c = state.choice[u]!;
        if (c < 0 || c > list[k + 1]!) enqueue(u);
      }
    }
    if (head >= queue.length) { converged = true; break; }
  }
  if (!converged) fillFreeSeats(state);
  return summarise(state, converged, steps);
}

/**
 * Moves unit `u` to its tuple `i`, evicting lower-priority units where seats overflow (when allowed).
 * The move is undone (and false returned) when it cannot be completed: when the unit's own children
 * end up over capacity, e.g. because the seat it wanted was vacated by a transfer child it displaced.
 */
export function claim(state: SeatState, u: number, i: number, allowEviction: boolean, evicted: number[]): boolean {
  const log: { unit: number; previous: number }[] = [{ unit: u, previous: state.choice[u]! }];
  const touched: number[] = [];
  state.release(u, touched);
  state.occupy(u, i, touched);
  const work = [...touched];
  let ok = true;
  while (ok && work.length > 0) {
    const slot = work.pop()!;
    while (state.occChild[slot]!.length > state.cap[slot]!) {
      const w = allowEviction ? state.worstOccupant(slot, u) : -1;
      if (w < 0) { ok = false; break; }
      const v = state.problem.unitOfChild[w]!;
      log.push({ unit: v, previous: state.choice[v]! });
      const freed: number[] = [];
      state.release(v, freed);
      touched.push(...freed);
      work.push(...freed);
      evicted.push(v);
    }
  }
  if (!ok) {
    for (let k = log.length - 1; k >= 0; k--) {
      const { unit, previous } = log[k]!;
      state.release(unit, []);
      if (previous >= 0) state.occupy(unit, previous, []);
    }
    evicted.length = 0;
    state.lastTouched = [];
    return false;
  }
  state.lastTouched = touched;
  return true;
}

/** After an unfinished search: let every unit move up into seats that are free without displacing anyone. */
function fillFreeSeats(state: SeatState): void {
  state.problem.units.forEach((unit, u) => {
    const c = state.choice[u]!;
    const limit = c < 0 ? unit.tuples.length : c;
    for (let i = 0; i < limit; i++) {
      if (state.feasible(u, i, false) && claim(state, u, i, false, [])) return;
    }
  });
}

/** Counts blocking coalitions of a state with the engine's own feasibility test. */
export function countBlocking(state: SeatState): number {
  let n = 0;
  state.problem.units.forEach((unit, u) => {
    const c = state.choice[u]!;
    const limit = c < 0 ? unit.tuples.length : c;
    for (let i = 0; i < limit; i++) if (state.feasible(u, i)) n++;
  });
  return n;
}

/** Rebuilds a seat state from a choice vector (e.g. one found by the exact solver). */
export function stateFromChoice(problem: AllocationProblem, choice: Int32Array): SeatState {
  const state = new SeatState(problem);
  const touched: number[] = [];
  choice.forEach((i, u) => { if (i >= 0) state.occupy(u, i, touched); });
  return state;
}

/** Quality figures of a state. */
export function summarise(state: SeatState, converged: boolean, steps: number): SearchOutcome {
  let rankSum = 0;
  state.choice.forEach((i, u) => { rankSum += i >= 0 ? state.problem.units[u]!.tuples[i]!.rank : 1000; });
  return {
    choice: Int32Array.from(state.choice),
    blocking: countBlocking(state),
    offers: state.offers(),
    rankSum,
    converged,
    steps,
  };
}

/** True when outcome `a` is better than `b` by the format's goal order. */
export function isBetter(a: SearchOutcome, b: SearchOutcome): boolean {
  if (a.blocking !== b.blocking) return a.blocking < b.blocking;
  if (a.offers !== b.offers) return a.offers > b.offers;
  return a.rankSum < b.rankSum;
}
