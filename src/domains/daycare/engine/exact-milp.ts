// SPDX-License-Identifier: EUPL-1.2
/**
 * Exact mode: the allocation as a mixed-integer program (after Sun et al., AAAI-24, re-expressed as a
 * MILP) solved with HiGHS (npm `highs`, WebAssembly). Lexicographic objective folded into weights:
 * fewest blocking coalitions first, then most children with a new seat. An optimum with zero blocking
 * coalitions is a stable outcome; an optimum above zero proves that no stable outcome exists.
 */
import type { AllocationProblem } from './allocation-problem.ts';

/** What the exact solver found. */
export interface ExactOutcome {
  status: string;
  /** Tuple index per unit (-1 = none), or null when no solution was found. */
  choice: Int32Array | null;
  /** Proven minimum number of blocking coalitions (only when solved to optimality). */
  provedMinBlocking: number | null;
  variables: number;
  constraints: number;
}

type HighsSolver = { solve(lp: string, options: Record<string, unknown>): { Status: string; Columns: Record<string, { Primal: number }>; ObjectiveValue: number } };
let highsPromise: Promise<HighsSolver> | undefined;

async function loadHighs(): Promise<HighsSolver> {
  highsPromise ??= import('highs').then((m) => (m.default as unknown as () => Promise<HighsSolver>)());
  return highsPromise;
}

/** Rough size of the model (non-zeros), to decide whether exact mode is worth trying. */
export function estimateModelSize(problem: AllocationProblem): number {
  const perSlot = new Map<number, number>();
  let entries = 0;
  for (const unit of problem.units) for (const t of unit.tuples) for (const g of t.groups) {
    perSlot.set(g.slot, (perSlot.get(g.slot) ?? 0) + 1);
    entries++;
  }
  let nz = 0;
  for (const unit of problem.units) for (const t of unit.tuples) for (const g of t.groups) nz += (perSlot.get(g.slot) ?? 0) / 2;
  return nz + entries;
}

class Row {
  readonly terms = new Map<string, number>();
  add(v: string, c: number): void { if (c !== 0) this.terms.set(v, (this.terms.get(v) ?? 0) + c); }
  text(name: string, sense: string, rhs: number): string {
    const parts: string[] = [];
    let k = 0;
    for (const [v, c] of this.terms) {
      if (c === 0) continue;
      parts.push(`${c < 0 ? '-' : '+'} ${Math.abs(c)} ${v}`);
      if (++k % 40 === 0) parts.push('\n  ');
    }
    if (parts.length === 0) parts.push('0 x_zero');
    return ` ${name}: ${parts.join(' ')} ${sense} ${rhs}`;
  }
}

/** Builds the CPLEX-LP text of the model. */
export function buildModel(problem: AllocationProblem): { lp: string; variables: number; constraints: number; beta: string[] } {
  const units = problem.units;
  const reuse = problem.reuseVacatedSeats;
  const nSlots = problem.baseSeats.length;
  const x = (u: number, i: number) => `x${u}_${i}`;
  // Per slot: occupants (var, unit, prio of each member there) and vacating tuples.
  const occupants: { v: string; u: number; prios: number[] }[][] = Array.from({ length: nSlots }, () => []);
  const vacaters: { v: string; u: number; n: number }[][] = Array.from({ length: nSlots }, () => []);
  units.forEach((unit, u) => unit.tuples.forEach((t, i) => {
    const bySlot = new Map<number, number[]>();
    unit.members.forEach((m, j) => {
      if (t.assign[j]! < 0) return;
      const s = t.assign[j]! * 6 + problem.childAge[m]!;
      (bySlot.get(s) ?? bySlot.set(s, []).get(s)!).push(t.prio[j]!);
    });
    for (const [s, prios] of bySlot) occupants[s]!.push({ v: x(u, i), u, prios });
    if (reuse) {
      const vc = new Map<number, number>();
      for (const s of t.vacates) vc.set(s, (vc.get(s) ?? 0) + 1);
      for (const [s, n] of vc) vacaters[s]!.push({ v: x(u, i), u, n });
    }
  }));
  const rows: string[] = [];
  const binaries: string[] = [];
  const beta: string[] = [];
  const objective = new Row();
  units.forEach((unit, u) => {
    const row = new Row();
    unit.tuples.forEach((t, i) => { row.add(x(u, i), 1); objective.add(x(u, i), -t.offers); binaries.push(x(u, i)); });
    if (unit.tuples.length > 0) rows.push(row.text(`one${u}`, '<=', 1));
  });
  for (let s = 0; s < nSlots; s++) {
    if (occupants[s]!.length === 0) continue;
    const row = new Row();
    for (const o of occupants[s]!) row.add(o.v, o.prios.length);
    for (const o of vacaters[s]!) row.add(o.v, -o.n);
    rows.push(row.text(`cap${s}`, '<=', problem.baseSeats[s]!));
  }
  const penalty = problem.children.length + 1;
  units.forEach((unit, u) => unit.tuples.forEach((t, i) => {
    const alternatives: { row: Row; rhs: number; big: number }[] = [];
    let neverBlocks = false;
    for (const g of t.groups) {
      const row = new Row();
      let maxLhs = 0;
      for (const o of occupants[g.slot]!) {
        if (o.u === u) continue;
        const n = o.prios.filter((p) => p < g.worst).length;
        if (n > 0) { row.add(o.v, n); maxLhs += n; }
      }
      let vacMax = 0;
      for (const o of vacaters[g.slot]!) if (o.u !== u) { row.add(o.v, -o.n); vacMax += o.n; }
      const own = reuse ? t.vacates.filter((s) => s === g.slot).length : 0;
      const rhs = problem.baseSeats[g.slot]! + own - g.count + 1;
      if (rhs <= -vacMax) { neverBlocks = true; break; } // this group can never be met
      if (rhs > maxLhs) continue; // this group can never stop the tuple
      alternatives.push({ row, rhs, big: rhs + vacMax });
    }
    if (neverBlocks) return;
    const b = `b${u}_${i}`;
    beta.push(b);
    binaries.push(b);
    objective.add(b, penalty);
    const cover = new Row();
    for (let j = 0; j <= i; j++) cover.add(x(u, j), 1);
    cover.add(b, 1);
    if (alternatives.length === 1) {
      const a = alternatives[0]!;
      for (const [v, c] of cover.terms) a.row.add(v, c * a.big);
      rows.push(a.row.text(`st${u}_${i}`, '>=', a.rhs));
      return;
    }
    alternatives.forEach((a, k) => {
      const y = `y${u}_${i}_${k}`;
      binaries.push(y);
      a.row.add(y, -a.big);
      rows.push(a.row.text(`sg${u}_${i}_${k}`, '>=', a.rhs - a.big));
      cover.add(y, 1);
    });
    rows.push(cover.text(`st${u}_${i}`, '>=', 1));
  }));
  const lp = [
    'Minimize', objective.text('obj', '', 0).replace(/\s+$/, '').replace(/\s0$/, ''),
    'Subject To', ...rows, ' fix_zero: x_zero = 0',
    'Binary', ...chunk(binaries), 'End', '',
  ].join('\n');
  return { lp, variables: binaries.length, constraints: rows.length, beta };
}

function chunk(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += 40) out.push(` ${names.slice(i, i + 40).join(' ')}`);
  return out;
}

/** Solves the exact model within `timeLimitMs`. */
export async function solveExact(problem: AllocationProblem, timeLimitMs: number): Promise<ExactOutcome> {
  const highs = await loadHighs();
  const model = buildModel(problem);
  const solution = highs.solve(model.lp, {
    time_limit: Math.max(0.05, timeLimitMs / 1000),
    mip_rel_gap: 0,
    mip_abs_gap: 0.5,
    output_flag: false,
    threads: 1,
    random_seed: 0,
  });
  const base = { status: solution.Status, variables: model.variables, constraints: model.constraints };
  const cols = solution.Columns ?? {};
  if (!Object.keys(cols).length || !['Optimal', 'Time limit reached', 'Interrupted by user'].includes(solution.Status)) {
    return { ...base, choice: null, provedMinBlocking: null };
  }
  const choice = new Int32Array(problem.units.length).fill(-1);
  problem.units.forEach((unit, u) => unit.tuples.forEach((_, i) => {
    if ((cols[`x${u}_${i}`]?.Primal ?? 0) > 0.5) choice[u] = i;
  }));
  let blocking = 0;
  for (const b of model.beta) if ((cols[b]?.Primal ?? 0) > 0.5) blocking++;
  return { ...base, choice, provedMinBlocking: solution.Status === 'Optimal' ? blocking : null };
}
