// SPDX-License-Identifier: EUPL-1.2
// Property tests: the engine against an exhaustive search on small random instances, and the engine's
// own blocking test against the independent verifier.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRequest } from '../../../../test/fixtures/daycare/small-instances.ts';
import { validateRequest } from './request-validation.ts';
import { allocate } from './allocate.ts';
import { compileProblem, type AllocationProblem } from './allocation-problem.ts';
import { countBlocking, stateFromChoice } from './family-deferred-acceptance.ts';
import { reportOutcome } from './outcome-report.ts';
import { verifyResult } from './result-verification.ts';

/** Every outcome (one tuple or none per unit), judged by the verifier. */
function bruteForce(problem: AllocationProblem): { minBlocking: number; maxOffers: number } {
  const units = problem.units;
  const choice = new Int32Array(units.length).fill(-1);
  let minBlocking = Infinity;
  let maxOffers = -1;
  const visit = (u: number) => {
    if (u === units.length) {
      const report = reportOutcome(stateFromChoice(problem, choice));
      const v = verifyResult(problem.request, report);
      if (v.checks.capacityViolations > 0 || v.checks.individualRationalityViolations > 0) return;
      const b = v.checks.blockingCoalitions;
      if (b < minBlocking) { minBlocking = b; maxOffers = report.metrics.offers; } else if (b === minBlocking) maxOffers = Math.max(maxOffers, report.metrics.offers);
      return;
    }
    for (let i = -1; i < units[u]!.tuples.length; i++) { choice[u] = i; visit(u + 1); }
    choice[u] = -1;
  };
  visit(0);
  return { minBlocking, maxOffers };
}

const seeds = fc.integer({ min: 0, max: 2 ** 30 });

describe('allocate on small random instances', () => {
  it('generates valid requests', () => {
    fc.assert(fc.property(seeds, (seed) => { expect(validateRequest(smallRequest(seed))).toEqual([]); }), { numRuns: 200 });
  });

  it('never violates capacity or IR and reaches the minimum number of blocking coalitions', async () => {
    await fc.assert(fc.asyncProperty(seeds, async (seed) => {
      const req = smallRequest(seed);
      const result = await allocate(req);
      expect(result.checks.capacityViolations).toBe(0);
      expect(result.checks.individualRationalityViolations).toBe(0);
      expect(result.checks.blockingCoalitions).toBe(bruteForce(compileProblem(req)).minBlocking);
    }), { numRuns: 120 });
  });

  it('in exact mode also places the most children among outcomes with fewest blocking coalitions', async () => {
    await fc.assert(fc.asyncProperty(seeds, async (seed) => {
      const req = smallRequest(seed, { jointShare: 1 });
      const result = await allocate(req, { exact: 'always' });
      const best = bruteForce(compileProblem(req));
      expect(result.checks.blockingCoalitions).toBe(best.minBlocking);
      expect(result.metrics.offers).toBe(best.maxOffers);
    }), { numRuns: 60 });
  });

  it('is stable whenever there are no joint households (deferred acceptance)', async () => {
    await fc.assert(fc.asyncProperty(seeds, async (seed) => {
      const result = await allocate(smallRequest(seed, { jointShare: 0, maxHouseholds: 8 }), { exact: 'never' });
      expect(result.status).toBe('STABLE');
    }), { numRuns: 150 });
  });
});

describe('engine blocking test vs verifier', () => {
  it('count the same blocking coalitions on arbitrary outcomes', () => {
    fc.assert(fc.property(seeds, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (seed, picks) => {
      const problem = compileProblem(smallRequest(seed));
      const choice = Int32Array.from(problem.units.map((u, k) => (picks[k % picks.length]! % (u.tuples.length + 1)) - 1));
      const state = stateFromChoice(problem, choice);
      const v = verifyResult(problem.request, reportOutcome(state));
      if (v.checks.capacityViolations > 0) return; // blocking is only defined on feasible outcomes
      expect(countBlocking(state)).toBe(v.checks.blockingCoalitions);
    }), { numRuns: 300 });
  });
});
