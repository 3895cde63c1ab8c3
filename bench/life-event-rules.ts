// SPDX-License-Identifier: EUPL-1.2
/**
 * Life-event rules per household on one core (the interview re-evaluates them on every keystroke), against a
 * baseline in the same run: one JSON round trip of the same facts.
 *
 *   npx tsx bench/life-event-rules.ts [--households 100000]
 */
import { LIFE_EVENTS, type HouseholdFacts } from '../src/domains/counter/rules/life-events.ts';
import { listProcedures } from '../src/domains/counter/rules/rule-engine.ts';
import { ruleSetFor } from '../src/domains/counter/rules/rule-sets.ts';

const i = process.argv.indexOf('--households');
const n = i > 0 ? Number(process.argv[i + 1]) : 100_000;
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const households: HouseholdFacts[] = Array.from({ length: n }, () => ({
  events: [LIFE_EVENTS[Math.floor(rnd() * LIFE_EVENTS.length)]!],
  dog: rnd() < 0.1,
  members: Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, k) => ({
    ref: String(k), age: Math.floor(rnd() * 95), foreign: rnd() < 0.03, nhi: rnd() < 0.25, head: k === 0, concerned: rnd() < 0.8,
  })),
}));
const rules = ruleSetFor('202151', '2026-12-03');

function time(fn: (h: HouseholdFacts) => unknown) {
  let sink = 0;
  for (let k = 0; k < Math.min(n, 5000); k++) sink += Number(!!fn(households[k]!)); // warm-up
  const t0 = process.hrtime.bigint();
  for (const h of households) sink += Number(!!fn(h));
  const ns = Number(process.hrtime.bigint() - t0);
  return { usPer: ns / n / 1000, sink };
}

const base = time((h) => JSON.parse(JSON.stringify(h)));
const eng = time((h) => listProcedures(rules, h).length);
let listed = 0;
for (const h of households.slice(0, 10_000)) listed += listProcedures(rules, h).length;
console.log(`households: ${n}, procedures in the rule set: ${rules.procedures.length}, mean listed: ${(listed / Math.min(n, 10_000)).toFixed(1)}`);
console.log(`baseline (JSON round trip of the facts): ${base.usPer.toFixed(2)} µs per household`);
console.log(`life-event rules:                        ${eng.usPer.toFixed(2)} µs per household`);
console.log(`ratio rules / baseline: ${(eng.usPer / base.usPer).toFixed(2)}`);
