// SPDX-License-Identifier: EUPL-1.2
/**
 * The allocation entry point: family-aware deferred acceptance with deterministic restarts, then the
 * exact MILP when blocking coalitions remain, then the independent verifier on the chosen outcome.
 * Goal order (format §3): no capacity/IR violation; fewest blocking coalitions; most children placed;
 * best preference ranks.
 */
import { createHash } from 'node:crypto';
import {
  ENGINE_NAME, ENGINE_VERSION, type AllocationRequest, type AllocationResult, type AuditRecord,
} from './allocation-format.ts';
import { compileProblem, type AllocationProblem } from './allocation-problem.ts';
import { estimateModelSize, solveExact } from './exact-milp.ts';
import {
  isBetter, runFamilyDeferredAcceptance, stateFromChoice, summarise, type SearchOutcome,
} from './family-deferred-acceptance.ts';
import { reportOutcome } from './outcome-report.ts';
import { verifyResult } from './result-verification.ts';

/** Knobs of one allocation run; all optional. */
export interface AllocateOptions {
  /** SHA-256 of the request file's bytes (the CLI passes it); otherwise hashed from JSON.stringify(request). */
  inputSha256?: string;
  /** Overrides `policy.timeLimitMs` (default 60 s). */
  timeLimitMs?: number;
  /** `auto` (default): exact MILP only when the heuristic leaves blocking coalitions. */
  exact?: 'auto' | 'always' | 'never';
  /** Extra deterministic restarts of the heuristic with other household orders (default 8). */
  restarts?: number;
  /** Largest model (estimated non-zeros) that `auto` hands to the MILP solver (default 2,000,000). */
  maxExactModelSize?: number;
  /** Put `runtimeMs` into the result (off by default so re-runs are byte-identical). */
  includeRuntime?: boolean;
}

interface SearchReport {
  outcome: SearchOutcome;
  algorithm: string;
  solver: AuditRecord['solver'];
  parameters: AuditRecord['parameters'];
}

/** Allocates seats for a valid request and returns the verified result. */
export async function allocate(request: AllocationRequest, options: AllocateOptions = {}): Promise<AllocationResult> {
  const started = performance.now();
  const problem = compileProblem(request);
  const search = await searchBest(problem, options, started);
  const state = stateFromChoice(problem, search.outcome.choice);
  const report = reportOutcome(state);
  const inputSha256 = options.inputSha256 ?? createHash('sha256').update(JSON.stringify(request)).digest('hex');
  const verification = verifyResult(request, report);
  const result: AllocationResult = {
    schemaVersion: '1',
    roundId: request.round.id,
    inputSha256,
    engine: { name: ENGINE_NAME, version: ENGINE_VERSION, algorithm: search.algorithm },
    status: verification.status,
    ...(options.includeRuntime ? { runtimeMs: 0 } : {}),
    assignments: report.assignments,
    households: report.households,
    checks: verification.checks,
    explanations: report.explanations,
    cutoffs: report.cutoffs,
    metrics: report.metrics,
    audit: {
      inputSha256, engineName: ENGINE_NAME, engineVersion: ENGINE_VERSION, algorithm: search.algorithm,
      parameters: search.parameters, policy: request.policy, solver: search.solver,
      siblingPatternExpansions: problem.expansions,
    },
  };
  if (options.includeRuntime) result.runtimeMs = Math.round(performance.now() - started);
  return result;
}

/** Units in entry order: independent children first, then joint households by their best priority. */
export function entryOrder(problem: AllocationProblem, shuffleSeed?: number, familiesFirst = false): number[] {
  const singles: number[] = [];
  const families: { u: number; key: number }[] = [];
  problem.units.forEach((unit, u) => {
    if (!unit.joint) return singles.push(u);
    let key = Infinity;
    for (const m of unit.members) for (const pr of problem.childPrefPriority[m]!) key = Math.min(key, pr);
    families.push({ u, key });
  });
  families.sort((a, b) => a.key - b.key || a.u - b.u);
  const fam = families.map((f) => f.u);
  if (shuffleSeed !== undefined) shuffle(fam, shuffleSeed);
  return familiesFirst ? [...fam, ...singles] : [...singles, ...fam];
}

function shuffle(list: number[], seed: number): void {
  let s = seed >>> 0 || 1;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}

async function searchBest(problem: AllocationProblem, options: AllocateOptions, started: number): Promise<SearchReport> {
  const timeLimitMs = options.timeLimitMs ?? problem.request.policy.timeLimitMs ?? 60_000;
  const restarts = options.restarts ?? 8;
  const exact = options.exact ?? 'auto';
  const tupleCount = problem.units.reduce((n, u) => n + u.tuples.length, 0);
  const budget = 40 * (problem.units.length + tupleCount) + 10_000;
  const parameters: AuditRecord['parameters'] = { restarts, stepBudget: budget, timeLimitMs, exact };
  const seed = parseInt(createHash('sha256').update(problem.request.policy.lotterySeed).digest('hex').slice(0, 8), 16);
  let best = runFamilyDeferredAcceptance(problem, entryOrder(problem), budget);
  let algorithm = 'family-deferred-acceptance';
  let tried = 1;
  for (let r = 0; r < restarts && best.blocking > 0; r++) {
    if (performance.now() - started > timeLimitMs / 2) break;
    const order = r === 0 ? entryOrder(problem, undefined, true) : entryOrder(problem, seed + r, r % 2 === 0);
    const next = runFamilyDeferredAcceptance(problem, order, budget);
    tried++;
    if (isBetter(next, best)) best = next;
  }
  parameters.heuristicRuns = tried;
  let solver: AuditRecord['solver'] = { status: best.converged ? 'converged' : 'step-budget', provedOptimal: false, minBlockingProved: null };
  const wantExact = exact === 'always' || (exact === 'auto' && best.blocking > 0
    && estimateModelSize(problem) <= (options.maxExactModelSize ?? 2_000_000));
  const remaining = timeLimitMs - (performance.now() - started);
  if (wantExact && remaining > 50) {
    const found = await solveExact(problem, remaining);
    solver = { status: `highs:${found.status}`, provedOptimal: found.provedMinBlocking !== null, minBlockingProved: found.provedMinBlocking };
    if (found.choice) {
      const candidate = summarise(stateFromChoice(problem, found.choice), false, 0);
      if (isBetter(candidate, best) || exact === 'always' && !isBetter(best, candidate)) {
        best = candidate;
        algorithm = 'highs-milp';
      } else algorithm = 'family-deferred-acceptance (exact mode checked)';
    }
  }
  return { outcome: best, algorithm, solver, parameters };
}
