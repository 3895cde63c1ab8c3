// SPDX-License-Identifier: EUPL-1.2
/**
 * Synthetic request generator (brief §7): households on a unit square choose facilities by popularity
 * and distance with random noise (a Plackett–Luce stand-in for the Mallows model), siblings share the
 * household's list and state one of the seven sibling patterns (expanded into joint tuples), 10% are
 * transfer applicants, seats per class follow a tightness profile with zeros, and scores come from an
 * example municipal rule table. Deterministic in (preset, seed).
 */
import type { AllocationRequest, ChildInput, HouseholdInput, SiblingPattern } from '../engine/allocation-format.ts';
import { ENGINE_VERSION } from '../engine/allocation-format.ts';
import { expandSiblingPattern } from '../engine/sibling-patterns.ts';
import { scoreApplication } from '../rules/rule-scoring.ts';
import type { ApplicationFacts, ParentFacts } from '../rules/rule-table.ts';
import { PRESETS, type GeneratorParameters, type PresetName } from './generator-presets.ts';
import { createRandom, type Random } from '../../../platform/random/seeded-random.ts';

interface Facility { id: string; x: number; y: number; logPop: number; size: number }

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Generates the request of a preset and seed. */
export function generateRequest(preset: PresetName, seed: number, overrides: Partial<GeneratorParameters> = {}): AllocationRequest {
  const params = { ...PRESETS[preset], ...overrides };
  const rng = createRandom(`jichi-daycare:${preset}:${seed}`);
  const facilities = makeFacilities(params, rng);
  const households = makeHouseholds(params, facilities, rng);
  const seats = makeSeats(params, facilities, households, rng);
  return {
    schemaVersion: '1',
    round: { id: `GEN-${preset}-${seed}`, municipalityCode: '999997', referenceDate: '2027-04-01', kind: 'primary' },
    policy: { tieBreak: params.ruleTable.tieBreak, lotterySeed: `${preset}-${seed}-published-seed`, reuseVacatedSeats: true, timeLimitMs: 30000 },
    facilities: facilities.map((f, i) => ({ id: f.id, name: `第${i + 1}保育園`, seats: seats[i]! })),
    households,
    meta: {
      generator: {
        name: 'jichi-daycare-generate', engineVersion: ENGINE_VERSION, preset, seed, ruleTable: params.ruleTable.id,
        parameters: { ...params, ruleTable: params.ruleTable.id },
      },
    },
  };
}

function makeFacilities(params: GeneratorParameters, rng: Random): Facility[] {
  const width = Math.max(3, String(params.facilities).length);
  return Array.from({ length: params.facilities }, (_, i) => {
    const logPop = 0.8 * rng.normal();
    return { id: `F${pad(i + 1, width)}`, x: rng.next(), y: rng.next(), logPop, size: Math.exp(logPop / 2) * (0.5 + rng.next()) };
  });
}

/** The household's top facilities by noisy utility, best first. */
function rankFacilities(facilities: Facility[], x: number, y: number, take: number, params: GeneratorParameters, rng: Random): number[] {
  const scale = 6 / Math.sqrt(facilities.length);
  const top: { f: number; u: number }[] = [];
  facilities.forEach((fac, f) => {
    const d = Math.hypot(fac.x - x, fac.y - y) / scale;
    const gumbel = -Math.log(-Math.log(rng.next() * 0.999998 + 0.000001));
    const u = fac.logPop - params.distanceWeight * d * 0.3 + gumbel;
    if (top.length < take || u > top[top.length - 1]!.u) {
      let k = top.length < take ? top.length : take - 1;
      if (top.length < take) top.push({ f, u }); else top[k] = { f, u };
      while (k > 0 && top[k - 1]!.u < top[k]!.u) { [top[k - 1], top[k]] = [top[k]!, top[k - 1]!]; k--; }
    }
  });
  return top.map((t) => t.f);
}

function listLength(params: GeneratorParameters, rng: Random): number {
  const k = rng.weighted(params.listLengthWeights);
  return k < 5 ? k + 1 : 6 + rng.int(10);
}

function makeHouseholds(params: GeneratorParameters, facilities: Facility[], rng: Random): HouseholdInput[] {
  const households: HouseholdInput[] = [];
  const width = String(params.children).length + 1;
  let childNo = 0;
  while (childNo < params.children) {
    const size = Math.min(rng.weighted(params.householdSizeWeights) + 1, params.children - childNo);
    const hx = rng.next();
    const hy = rng.next();
    const order = rankFacilities(facilities, hx, hy, 24, params, rng);
    const ages = siblingAges(size, params, rng);
    const facts = householdFacts(size, ages, rng);
    const enrolledAt = rng.chance(0.08) ? [facilities[order[rng.int(3)]!]!.id] : [];
    const baseLength = listLength(params, rng);
    const children: ChildInput[] = ages.map((age) => {
      childNo++;
      const transfer = rng.chance(params.transferShare * (age === 0 ? 0.3 : 1.15));
      const len = Math.max(1, Math.min(baseLength + (rng.chance(0.2) ? rng.int(3) - 1 : 0), order.length - 1));
      let list = order.slice(0, len);
      if (rng.chance(0.2) && list.length > 1) { const k = rng.int(list.length - 1); [list[k], list[k + 1]] = [list[k + 1]!, list[k]!]; }
      let current: number | null = null;
      if (transfer) {
        current = order[Math.min(order.length - 1, len + rng.int(order.length - len))]!;
        list = list.filter((f) => f !== current);
      }
      const scored = scoreApplication(params.ruleTable, { ...facts, siblingEnrolledAt: enrolledAt });
      const child: ChildInput = {
        id: `C${pad(childNo, width)}`, ageClass: age, currentFacilityId: current === null ? null : facilities[current]!.id,
        score: scored.score, tieBreak: scored.tieBreak, preferences: list.map((f) => facilities[f]!.id),
      };
      if (Object.keys(scored.scoreByFacility).length > 0) child.scoreByFacility = scored.scoreByFacility;
      return child;
    });
    const household: HouseholdInput = { id: `H${pad(households.length + 1, width)}`, children };
    if (size >= 2) {
      const pattern = (rng.weighted(params.patternWeights) + 1) as SiblingPattern;
      let tuples = expandSiblingPattern(children, pattern, params.maxTuples);
      if (tuples.length === 0) tuples = expandSiblingPattern(children, 5, params.maxTuples);
      household.jointPreferences = tuples;
    }
    households.push(household);
  }
  return households;
}

function siblingAges(size: number, params: GeneratorParameters, rng: Random): number[] {
  const first = rng.weighted(params.ageWeights);
  if (size === 1) return [first];
  if (size === 2 && rng.chance(0.15)) return [first, first]; // twins (多胎児)
  const ages = new Set([first]);
  while (ages.size < size) ages.add(rng.weighted(params.ageWeights));
  return [...ages].sort((a, b) => b - a);
}

function parent(rng: Random, fullTime: boolean): ParentFacts {
  if (fullTime) return { need: 'employed', weeklyHours: 40 };
  const r = rng.next();
  if (r < 0.7) return { need: 'employed', weeklyHours: [35, 30, 25, 20, 16][rng.int(5)]! };
  if (r < 0.78) return { need: 'selfEmployedHelper', weeklyHours: [40, 30, 20][rng.int(3)]! };
  if (r < 0.86) return { need: 'pregnancy' };
  if (r < 0.93) return { need: 'jobSeeking' };
  if (r < 0.96) return { need: 'illness' };
  return { need: 'care' };
}

function householdFacts(size: number, ages: number[], rng: Random): ApplicationFacts {
  const single = rng.chance(0.1);
  const dualFull = rng.chance(0.7);
  const parents = single ? [parent(rng, rng.chance(0.6))] : [parent(rng, dualFull), parent(rng, dualFull || rng.chance(0.3))];
  const waiting = rng.chance(0.15) ? 1 + rng.int(12) : 0;
  return {
    parents,
    flags: {
      singleParent: single,
      returningFromChildcareLeave: ages.some((a) => a <= 1) && rng.chance(0.35),
      siblingsApplyingSimultaneously: size >= 2 && new Set(ages).size > 1,
      twinsApplying: size >= 2 && new Set(ages).size < ages.length,
      welfareHousehold: rng.chance(0.03),
      childDisability: rng.chance(0.02),
      grandparentAvailable: rng.chance(0.1),
      acceptsLeaveExtension: rng.chance(0.04),
    },
    waitingMonths: waiting,
    childrenUnder18: size + rng.int(2),
    tieBreak: {
      priorityCategory: 1 + rng.weighted([5, 20, 35, 30, 10]),
      waitingMonths: waiting,
      householdIncome: Math.round(Math.exp(12.5 + 0.6 * rng.normal()) / 1000) * 1000,
    },
  };
}

function makeSeats(params: GeneratorParameters, facilities: Facility[], households: HouseholdInput[], rng: Random): number[][] {
  const applicants = new Array<number>(6).fill(0);
  for (const h of households) for (const c of h.children) applicants[c.ageClass]!++;
  const seats = facilities.map(() => new Array<number>(6).fill(0));
  const cumulative: number[] = [];
  let total = 0;
  for (const f of facilities) { total += f.size; cumulative.push(total); }
  for (let a = 0; a < 6; a++) {
    const posted = Math.round(params.tightness[a]! * applicants[a]! * 0.92);
    const noAge0 = new Set<number>();
    if (a === 0) facilities.forEach((_, i) => { if (rng.chance(0.25)) noAge0.add(i); });
    for (let k = 0; k < posted; k++) {
      const r = rng.next() * total;
      let lo = 0, hi = cumulative.length - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid]! > r) hi = mid; else lo = mid + 1; }
      if (noAge0.has(lo)) continue;
      seats[lo]![a]!++;
    }
  }
  return seats;
}
