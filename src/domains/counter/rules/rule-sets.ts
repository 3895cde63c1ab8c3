// SPDX-License-Identifier: EUPL-1.2
/**
 * Which rule set applies: the municipality's own newest version valid on the day, else the national template's.
 * A municipality's version is data (a RuleSet with its code) built from the national one; none ship yet.
 */
import { NATIONAL_RULES_2020, NATIONAL_RULES_2024 } from './national-rules.ts';
import type { RuleSet } from './rule-set.ts';

const SHIPPED: RuleSet[] = [NATIONAL_RULES_2020, NATIONAL_RULES_2024];

/** The rule set for a municipality on a day (ISO), from `sets` (the shipped ones by default). */
export function ruleSetFor(municipalityCode: string, day: string, sets: RuleSet[] = SHIPPED): RuleSet {
  const valid = (s: RuleSet) => s.validFrom <= day;
  const newest = (xs: RuleSet[]) => xs.filter(valid).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  const own = newest(sets.filter((s) => s.municipalityCode === municipalityCode));
  const chosen = own ?? newest(sets.filter((s) => s.municipalityCode === '*'));
  if (!chosen) throw new Error(`no life-event rule set valid on ${day}`);
  return chosen;
}
