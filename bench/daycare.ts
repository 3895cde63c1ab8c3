// SPDX-License-Identifier: EUPL-1.2
/**
 * Daycare allocation benchmark (issue #5): for every preset and seeds 1..N, run allocate (which runs the
 * verifier on its result) and the naive reference in the same process, and print per-preset figures.
 *
 *   npx tsx bench/daycare.ts [--seeds N] [--presets town,paper-s,…]
 */
import { createHash } from 'node:crypto';
import { allocate, allocateNaive, generate, PRESETS, verify, type PresetName } from '../src/domains/daycare/index.ts';

const arg = (name: string): string | undefined => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
};
const seeds = Number(arg('--seeds') ?? 20);
const presets = (arg('--presets')?.split(',') ?? Object.keys(PRESETS)) as PresetName[];

interface Row {
  preset: string;
  runs: number;
  meanMs: number;
  maxMs: number;
  verifyMs: number;
  maxRssMb: number;
  placed: number;
  firstChoice: number;
  blocking: number;
  stable: number;
  violations: number;
  provedNoStable: number;
  exactUsed: number;
  naiveMs: number;
  naivePlaced: number;
  naiveFirst: number;
  naiveBlocking: number;
}

const rows: Row[] = [];
const fewer: string[] = [];
const unstable: string[] = [];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

for (const preset of presets) {
  const t: number[] = [], tv: number[] = [], placed: number[] = [], first: number[] = [], tn: number[] = [], np: number[] = [], nf: number[] = [];
  let blocking = 0, stable = 0, violations = 0, proved = 0, exactUsed = 0, naiveBlocking = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const request = generate(preset, seed);
    const bytes = Buffer.from(JSON.stringify(request)); // what the CLI reads from the request file
    const started = performance.now();
    const result = await allocate(request, { inputSha256: createHash('sha256').update(bytes).digest('hex') });
    t.push(performance.now() - started);
    const vStart = performance.now();
    verify(request, result);
    tv.push(performance.now() - vStart);
    const n = result.metrics.children;
    placed.push(result.metrics.offers);
    first.push(result.metrics.firstChoiceOffers / n);
    blocking += result.checks.blockingCoalitions;
    violations += result.checks.capacityViolations + result.checks.individualRationalityViolations;
    if (result.status === 'STABLE') stable++;
    if (result.audit.solver.status.startsWith('highs')) exactUsed++;
    if ((result.audit.solver.minBlockingProved ?? 0) > 0) proved++;
    if (result.status !== 'STABLE') {
      unstable.push(`${preset} seed ${seed}: ${result.checks.blockingCoalitions} blocking coalitions; solver ${result.audit.solver.status}, proved minimum ${result.audit.solver.minBlockingProved ?? 'unknown'}`);
    }
    const nStart = performance.now();
    const naive = allocateNaive(request);
    tn.push(performance.now() - nStart);
    np.push(naive.metrics.offers);
    nf.push(naive.metrics.firstChoiceOffers / n);
    naiveBlocking += naive.checks.blockingCoalitions;
    if (result.metrics.offers < naive.metrics.offers) {
      // Ask the exact mode for the most children any outcome with the fewest blocking coalitions can place.
      let proof = 'exact mode not run (instance too large)';
      if (n <= 3000) {
        const exact = await allocate(request, { exact: 'always', timeLimitMs: 120_000 });
        proof = exact.audit.solver.provedOptimal
          ? `exact mode proves at most ${exact.metrics.offers} can be placed with ${exact.checks.blockingCoalitions} blocking coalitions`
          : `exact mode stopped (${exact.audit.solver.status}) at ${exact.metrics.offers}`;
      }
      fewer.push(`${preset} seed ${seed}: engine ${result.metrics.offers} vs naive ${naive.metrics.offers} placed; `
        + `the naive outcome has ${naive.checks.blockingCoalitions} blocking coalitions (engine ${result.checks.blockingCoalitions}); ${proof}`);
    }
  }
  rows.push({
    preset, runs: seeds, meanMs: mean(t), maxMs: Math.max(...t), verifyMs: mean(tv),
    maxRssMb: process.resourceUsage().maxRSS / 1024, placed: mean(placed), firstChoice: mean(first), blocking, stable,
    violations, provedNoStable: proved, exactUsed, naiveMs: mean(tn), naivePlaced: mean(np), naiveFirst: mean(nf), naiveBlocking,
  });
  process.stderr.write(`${preset} done\n`);
}

const fmt = (x: number, d = 0) => x.toFixed(d);
const header = ['preset', 'runs', 'alloc+verify ms mean', 'max', 'verify ms', 'peak RSS MB', 'placed', '1st choice', 'blocking (sum)', 'stable', 'cap/IR viol.', 'exact used', 'proved no stable',
  'naive ms', 'naive placed', 'naive 1st', 'naive blocking (sum)', 'placed ratio', 'time ratio'];
const lines = rows.map((r) => [r.preset, r.runs, fmt(r.meanMs), fmt(r.maxMs), fmt(r.verifyMs, 1), fmt(r.maxRssMb), fmt(r.placed, 1), `${fmt(100 * r.firstChoice, 1)}%`,
  r.blocking, `${r.stable}/${r.runs}`, r.violations, r.exactUsed, r.provedNoStable, fmt(r.naiveMs), fmt(r.naivePlaced, 1), `${fmt(100 * r.naiveFirst, 1)}%`, r.naiveBlocking,
  fmt(r.placed / r.naivePlaced, 4), fmt(r.meanMs / r.naiveMs, 2)].map(String));
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const l of lines) console.log(`| ${l.join(' | ')} |`);
console.log(`\nNode ${process.version}, one thread; peak RSS is the process-wide maximum so far (includes generation).`);
console.log(`Instances where the engine placed fewer children than the naive reference: ${fewer.length}`);
for (const f of fewer) console.log(`  - ${f}`);
console.log(`Instances without a stable outcome in the result: ${unstable.length}`);
for (const u of unstable) console.log(`  - ${u}`);
