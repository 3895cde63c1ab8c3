// SPDX-License-Identifier: EUPL-1.2
/**
 * The naive reference used to judge the engine (issue #5): deferred acceptance for independent children
 * (with vacated-seat reuse), then sibling households greedily, best priority first, into the seats left.
 */
import type { AllocationRequest, AllocationResult } from './allocation-format.ts';
import { compileProblem, type AllocationProblem } from './allocation-problem.ts';
import { entryOrder } from './allocate.ts';
import { runFamilyDeferredAcceptance, stateFromChoice } from './family-deferred-acceptance.ts';
import { reportOutcome } from './outcome-report.ts';
import { verifyResult } from './result-verification.ts';

/** Choice vector (tuple index per unit, -1 = none) of the naive reference. */
export function naiveChoice(problem: AllocationProblem): Int32Array {
  const singlesOnly: AllocationProblem = { ...problem, units: problem.units.map((u) => (u.joint ? { ...u, tuples: [] } : u)) };
  const order = entryOrder(problem).filter((u) => !problem.units[u]!.joint);
  const da = runFamilyDeferredAcceptance(singlesOnly, order, Number.MAX_SAFE_INTEGER);
  const state = stateFromChoice(problem, da.choice);
  for (const u of entryOrder(problem)) {
    const unit = problem.units[u]!;
    if (!unit.joint) continue;
    for (let i = 0; i < unit.tuples.length; i++) {
      if (state.feasible(u, i, false)) { state.occupy(u, i, []); break; }
    }
  }
  return Int32Array.from(state.choice);
}

/** Runs the naive reference and returns a verified result (same shape as `allocate`). */
export function allocateNaive(request: AllocationRequest): Pick<AllocationResult, 'assignments' | 'households' | 'checks' | 'metrics' | 'status'> {
  const problem = compileProblem(request);
  const report = reportOutcome(stateFromChoice(problem, naiveChoice(problem)));
  const verification = verifyResult(request, report);
  return { assignments: report.assignments, households: report.households, checks: verification.checks, metrics: report.metrics, status: verification.status };
}
