// SPDX-License-Identifier: EUPL-1.2
/**
 * Municipal rule tables (利用調整基準表) as data: how application facts become the priority index
 * (利用調整指数 = 基本指数 + 調整指数). Each municipality ships its own table; the engine never
 * hard-codes one. Scoring itself is in rule-scoring.ts.
 */

/** Need category of one parent (保育の必要性の事由). `absent` is the missing parent of a single-parent household. */
export type NeedCategory =
  | 'employed' | 'selfEmployedHelper' | 'pregnancy' | 'illness' | 'disability' | 'care'
  | 'disaster' | 'jobSeeking' | 'study' | 'abuse' | 'absent';

/** A band of weekly working hours and the points (or rank letter) it gives. */
export interface HoursBand {
  minWeeklyHours: number;
  points: number;
}

/** Points for one need category: a fixed value, or bands by weekly hours (highest band first). */
export interface NeedRule {
  label: string;
  points?: number;
  bands?: HoursBand[];
}

/** Facts about one parent. */
export interface ParentFacts {
  need: NeedCategory;
  weeklyHours?: number;
}

/** Boolean household facts an adjustment can test. */
export type HouseholdFlag =
  | 'singleParent' | 'returningFromChildcareLeave' | 'siblingsApplyingSimultaneously' | 'twinsApplying'
  | 'welfareHousehold' | 'childDisability' | 'grandparentAvailable' | 'acceptsLeaveExtension';

/** Facts of one child's application, as entered from the application form. */
export interface ApplicationFacts {
  /** One entry per parent; single-parent households list one parent. */
  parents: ParentFacts[];
  flags?: Partial<Record<HouseholdFlag, boolean>>;
  /** Months already on the waiting list (待機月数). */
  waitingMonths?: number;
  /** Children under 18 in the household (for "per child from the 2nd" rules). */
  childrenUnder18?: number;
  /** Facilities where an older sibling is enrolled now (facility-specific bonus). */
  siblingEnrolledAt?: string[];
  /** Raw values for the tie-break keys (e.g. priorityCategory, householdIncome). */
  tieBreak?: Record<string, number>;
}

/** An adjustment (調整指数) item. */
export interface AdjustmentRule {
  code: string;
  label: string;
  /** Applies when this flag is true. */
  when?: HouseholdFlag;
  /** Or: points per unit of a counted fact, up to `maxUnits`. */
  perUnit?: { fact: 'waitingMonths' | 'childrenUnder18From2nd'; maxUnits?: number };
  points: number;
  /** Rank schemes: force the household to this rank letter (e.g. Nagoya's rank I for leave extension). */
  forceRank?: string;
}

/** A rank letter of a rank scheme, with the per-parent points it needs and the index it yields. */
export interface RankRule {
  letter: string;
  minPoints: number;
  score: number;
}

/** A complete rule table of one municipality and year. */
export interface RuleTable {
  id: string;
  name: string;
  /** Where the numbers come from; example tables are "modelled on" published rules, not copies. */
  source: string;
  needs: Partial<Record<NeedCategory, NeedRule>>;
  /** How the parents' base points combine: sum, the lower parent, or rank letters of the lower parent. */
  combine: 'sum' | 'lowerParent' | 'rank';
  /** Rank scheme only: letters from best to worst. */
  ranks?: RankRule[];
  adjustments: AdjustmentRule[];
  /** Bonus at a facility where a sibling is enrolled (施設別加点). */
  siblingEnrolledBonus?: { code: string; label: string; points: number };
  /** The tie-break order to publish in `policy.tieBreak`. */
  tieBreak: { key: string; order: 'asc' | 'desc' }[];
}
