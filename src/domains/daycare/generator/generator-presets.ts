// SPDX-License-Identifier: EUPL-1.2
/**
 * Scale presets and default parameters of the synthetic instance generator, anchored on the figures in
 * the domain brief §7 (DaycareCP example, AAAI-24 real data, Minato/Onomichi, Saitama FY2016).
 */
import { HACHIOJI_STYLE, KORIYAMA_STYLE, NAGOYA_STYLE } from '../rules/example-rule-tables.ts';
import type { RuleTable } from '../rules/rule-table.ts';

/** Names of the presets. */
export type PresetName = 'town' | 'paper-s' | 'paper-l' | 'city' | 'metro';

/** Parameters of one generated instance family. */
export interface GeneratorParameters {
  children: number;
  facilities: number;
  /** Rule table used to score applications. */
  ruleTable: RuleTable;
  /** Household sizes 1..4 weights (DaycareCP: 508/42/3/1 → 16% of children in sibling households). */
  householdSizeWeights: number[];
  /** Share of children who are transfer applicants (DaycareCP: 61/605). */
  transferShare: number;
  /** Applicants per age class 0..5 (DaycareCP: 92/109/107/114/95/88). */
  ageWeights: number[];
  /** Posted seats per applicant, per age class (brief §7 PROPOSAL). */
  tightness: number[];
  /** Preference-list length weights for 1..5 and 6+ (DaycareCP: mean 3.4). */
  listLengthWeights: number[];
  /** Sibling pattern mix over patterns 1..7 (brief §7 PROPOSAL). */
  patternWeights: number[];
  /** Cap on joint tuples per household. */
  maxTuples: number;
  /** Distance sensitivity of facility choice (higher = more local). */
  distanceWeight: number;
}

const common = {
  householdSizeWeights: [508, 42, 3, 1],
  transferShare: 0.1,
  ageWeights: [92, 109, 107, 114, 95, 88],
  tightness: [1.1, 0.6, 0.8, 1.0, 1.3, 1.3],
  listLengthWeights: [17.5, 23, 24, 12, 9, 14],
  patternWeights: [40, 10, 10, 10, 15, 5, 10],
  maxTuples: 60,
  distanceWeight: 6,
};

/** The five presets of the brief (§7). */
export const PRESETS: Record<PresetName, GeneratorParameters> = {
  town: { ...common, children: 300, facilities: 20, ruleTable: HACHIOJI_STYLE },
  'paper-s': { ...common, children: 605, facilities: 33, ruleTable: KORIYAMA_STYLE },
  'paper-l': { ...common, children: 1600, facilities: 86, ruleTable: NAGOYA_STYLE },
  city: { ...common, children: 3000, facilities: 100, ruleTable: HACHIOJI_STYLE },
  metro: { ...common, children: 10000, facilities: 400, ruleTable: KORIYAMA_STYLE },
};

/** True when `name` is a preset name. */
export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}
