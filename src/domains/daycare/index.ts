// SPDX-License-Identifier: EUPL-1.2
/**
 * Public surface of the daycare allocation domain (保育所等利用調整). Other domains and the future staff
 * UI/API import only from here. Everything exported is pure (no database, no HTTP).
 */
export * from './engine/allocation-format.ts';
export { allocate, type AllocateOptions } from './engine/allocate.ts';
export { verifyResult as verify, type VerificationReport } from './engine/result-verification.ts';
export { validateRequest, formatProblems, type InputProblem } from './engine/request-validation.ts';
export { allocateNaive } from './engine/naive-reference.ts';
export { expandSiblingPattern, SIBLING_PATTERN_NAMES, type SiblingChild } from './engine/sibling-patterns.ts';
export { lotteryHash } from './engine/priority-order.ts';
export { explainChild, explainChild as explain, cutoffTable } from './engine/result-views.ts';
export { generateRequest as generate } from './generator/generate-request.ts';
export { PRESETS, isPresetName, type PresetName, type GeneratorParameters } from './generator/generator-presets.ts';
export { scoreApplication, type ScoredApplication, type ScoreItem } from './rules/rule-scoring.ts';
export type * from './rules/rule-table.ts';
export { EXAMPLE_RULE_TABLES, HACHIOJI_STYLE, KORIYAMA_STYLE, NAGOYA_STYLE } from './rules/example-rule-tables.ts';
export type { DaycareService } from './daycare.service.ts';
export type { ResidentDaycareResult, ResidentChildResult } from './resident-result.ts';
