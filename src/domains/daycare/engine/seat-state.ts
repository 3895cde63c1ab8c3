// SPDX-License-Identifier: EUPL-1.2
/**
 * Mutable seat bookkeeping used by the search: who holds which (facility, class) seat, the seats of each
 * slot including vacated transfer seats, and each unit's chosen tuple. Feasibility follows the format's
 * blocking-coalition test, so "feasible" here means "the unit could claim this tuple by displacing only
 * lower-priority children".
 */
import type { AllocationProblem, Tuple } from './allocation-problem.ts';

/** The seat state of one outcome. */
export class SeatState {
  readonly cap: Int32Array;
  readonly occChild: number[][];
  readonly occPrio: number[][];
  /** Chosen tuple index per unit, -1 for none (no new seat; transfer applicants stay). */
  readonly choice: Int32Array;
  private readonly reuse: boolean;
  /** Slots whose holders or seats changed in the last successful claim (for re-examination). */
  lastTouched: number[] = [];

  constructor(readonly problem: AllocationProblem) {
    this.cap = Int32Array.from(problem.baseSeats);
    this.occChild = Array.from({ length: this.cap.length }, () => []);
    this.occPrio = Array.from({ length: this.cap.length }, () => []);
    this.choice = new Int32Array(problem.units.length).fill(-1);
    this.reuse = problem.reuseVacatedSeats;
  }

  /** Vacated seats at `slot` created by a tuple (0 when vacated seats are not reused). */
  vacatesAt(tuple: Tuple | undefined, slot: number): number {
    if (!tuple || !this.reuse) return 0;
    let n = 0;
    for (const s of tuple.vacates) if (s === slot) n++;
    return n;
  }

  /** Whether unit `u` could claim its tuple `i`, displacing only children of lower priority. */
  feasible(u: number, i: number, allowDisplacement = true): boolean {
    const unit = this.problem.units[u]!;
    const tuple = unit.tuples[i]!;
    const current = this.choice[u]! >= 0 ? unit.tuples[this.choice[u]!] : undefined;
    const unitOf = this.problem.unitOfChild;
    for (const g of tuple.groups) {
      const cap = this.cap[g.slot]! - this.vacatesAt(current, g.slot) + this.vacatesAt(tuple, g.slot);
      const occ = this.occChild[g.slot]!;
      const pr = this.occPrio[g.slot]!;
      let blocking = 0; // others the unit cannot displace
      for (let k = 0; k < occ.length; k++) {
        if (unitOf[occ[k]!] === u) continue;
        if (!allowDisplacement || pr[k]! < g.worst) blocking++;
      }
      if (g.count > cap - blocking) return false;
    }
    return true;
  }

  /** Removes a unit's children from their seats; returns the slots touched. */
  release(u: number, touched: number[]): void {
    const c = this.choice[u]!;
    if (c < 0) return;
    const unit = this.problem.units[u]!;
    const tuple = unit.tuples[c]!;
    unit.members.forEach((m, j) => {
      const f = tuple.assign[j]!;
      if (f < 0) return;
      const slot = f * 6 + this.problem.childAge[m]!;
      const occ = this.occChild[slot]!;
      const k = occ.indexOf(m);
      occ[k] = occ[occ.length - 1]!;
      occ.pop();
      const pr = this.occPrio[slot]!;
      pr[k] = pr[pr.length - 1]!;
      pr.pop();
      touched.push(slot);
    });
    if (this.reuse) for (const s of tuple.vacates) { this.cap[s]!--; touched.push(s); }
    this.choice[u] = -1;
  }

  /** Seats a unit on its tuple `i` (after {@link release}); returns the slots touched. */
  occupy(u: number, i: number, touched: number[]): void {
    const unit = this.problem.units[u]!;
    const tuple = unit.tuples[i]!;
    this.choice[u] = i;
    unit.members.forEach((m, j) => {
      const f = tuple.assign[j]!;
      if (f < 0) return;
      const slot = f * 6 + this.problem.childAge[m]!;
      this.occChild[slot]!.push(m);
      this.occPrio[slot]!.push(tuple.prio[j]!);
      touched.push(slot);
    });
    if (this.reuse) for (const s of tuple.vacates) { this.cap[s]!++; touched.push(s); }
  }

  /** The occupant of `slot` with the lowest priority that is not in unit `except`, or -1. */
  worstOccupant(slot: number, except: number): number {
    const occ = this.occChild[slot]!;
    const pr = this.occPrio[slot]!;
    let worst = -1;
    let worstPrio = -1;
    for (let k = 0; k < occ.length; k++) {
      if (this.problem.unitOfChild[occ[k]!] === except) continue;
      if (pr[k]! > worstPrio) { worstPrio = pr[k]!; worst = occ[k]!; }
    }
    return worst;
  }

  /** Number of children with a new seat. */
  offers(): number {
    let n = 0;
    for (const o of this.occChild) n += o.length;
    return n;
  }
}
