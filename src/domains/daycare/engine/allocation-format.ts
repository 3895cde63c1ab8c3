// SPDX-License-Identifier: EUPL-1.2
/**
 * Types of the daycare allocation exchange format v1 (保育所等利用調整 入出力形式 v1).
 * The contract is /work/shared/formats/daycare-allocation-v1.md; field names must not drift from it.
 */

/** Number of age classes (0歳児〜5歳児クラス). */
export const AGE_CLASSES = 6;

/** Engine identity written into every result and audit record. */
export const ENGINE_NAME = 'jichi-daycare';
/** Engine version; bump when an allocation for the same request could change. */
export const ENGINE_VERSION = '0.1.0';

/** One key of the published tie-break order (同点時の優先順位). */
export interface TieBreakKey {
  key: string;
  order: 'asc' | 'desc';
}

/** Municipal policy for one round. */
export interface AllocationPolicy {
  tieBreak: TieBreakKey[];
  lotterySeed: string;
  reuseVacatedSeats?: boolean;
  timeLimitMs?: number;
}

/** A facility with its posted vacancies (募集人数) per age class 0..5. */
export interface FacilityInput {
  id: string;
  name?: string;
  seats: number[];
}

/** One applicant child (申込児童). */
export interface ChildInput {
  id: string;
  ageClass: number;
  currentFacilityId?: string | null;
  score: number;
  scoreByFacility?: Record<string, number>;
  tieBreak?: Record<string, number>;
  preferences: string[];
}

/** The seven sibling patterns (1 同保同時 … 7 別保順次（希）); an optional extension of v1. */
export type SiblingPattern = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A household (世帯); with `jointPreferences` its children are allocated jointly. */
export interface HouseholdInput {
  id: string;
  children: ChildInput[];
  jointPreferences?: (string | null)[][];
  /** Extension: expand one of the seven sibling patterns into `jointPreferences` when those are absent. */
  siblingPattern?: SiblingPattern;
}

/** The request (`AllocationRequest`). */
export interface AllocationRequest {
  schemaVersion: '1';
  round: { id: string; municipalityCode: string; referenceDate: string; kind?: 'primary' | 'secondary' | 'monthly' };
  policy: AllocationPolicy;
  facilities: FacilityInput[];
  households: HouseholdInput[];
  meta?: Record<string, unknown>;
}

/** Outcome of one child: 内定 / 保留 / 在園継続. */
export type AssignmentStatus = 'OFFER' | 'HOLD' | 'STAY';

/** One line of `assignments`. */
export interface Assignment {
  childId: string;
  status: AssignmentStatus;
  facilityId: string | null;
  preferenceRank: number | null;
}

/** Score and tie-break values of a (pseudonymous) admitted child, as published. */
export interface AdmittedKey {
  score: number;
  tieBreak?: Record<string, number>;
}

/** Why a child did not get a preference ranked above its outcome. */
export type ReasonCode =
  | 'CUTOFF_HIGHER'
  | 'NO_SEATS_IN_CLASS'
  | 'JOINT_CONDITION'
  | 'ASSIGNED_HIGHER_CHOICE'
  | 'UNRESOLVED_BLOCKING';

/** One explained preference of a child. */
export interface PreferenceExplanation {
  rank: number;
  facilityId: string;
  reason: ReasonCode;
  seats: number;
  offers: number;
  lowestAdmitted: AdmittedKey | null;
  own: AdmittedKey;
}

/** Per-child explanation (only for children without their first choice). */
export interface ChildExplanation {
  childId: string;
  perPreference: PreferenceExplanation[];
}

/** Cut-off table line per facility and age class (最低指数). */
export interface CutoffEntry {
  facilityId: string;
  ageClass: number;
  seats: number;
  applicants: number;
  offers: number;
  lowestAdmitted: AdmittedKey | null;
}

/** One finding of the verifier. */
export type CheckDetail =
  | { type: 'CAPACITY'; facilityId: string; ageClass: number; seats: number; offers: number }
  | { type: 'INDIVIDUAL_RATIONALITY'; householdId: string; childId: string | null; problem: string }
  | { type: 'BLOCKING_COALITION'; householdId: string; childIds: string[]; tupleRank: number; tuple: (string | null)[] }
  | { type: 'RESULT_FORMAT'; childId: string | null; problem: string };

/** The `checks` block of a result, as computed by the verifier. */
export interface Checks {
  capacityViolations: number;
  individualRationalityViolations: number;
  blockingCoalitions: number;
  details: CheckDetail[];
}

/** Headline figures of a result. */
export interface Metrics {
  children: number;
  offers: number;
  holds: number;
  stays: number;
  firstChoiceOffers: number;
  transferApplicants: number;
  transfersMoved: number;
  jointHouseholds: number;
  postedSeats: number;
  vacatedSeats: number;
}

/** The result (`AllocationResult`). */
export interface AllocationResult {
  schemaVersion: '1';
  roundId: string;
  inputSha256: string;
  engine: { name: string; version: string; algorithm: string };
  status: 'STABLE' | 'UNSTABLE' | 'INVALID';
  runtimeMs?: number;
  assignments: Assignment[];
  households: { householdId: string; tupleRank: number | null }[];
  checks: Checks;
  explanations: ChildExplanation[];
  cutoffs: CutoffEntry[];
  metrics: Metrics;
  audit: AuditRecord;
}

/** Audit trail of one run; everything needed to reproduce it. */
export interface AuditRecord {
  inputSha256: string;
  engineName: string;
  engineVersion: string;
  algorithm: string;
  parameters: Record<string, number | string | boolean>;
  policy: AllocationPolicy;
  solver: { status: string; provedOptimal: boolean; minBlockingProved: number | null };
  siblingPatternExpansions: { householdId: string; pattern: SiblingPattern; tuples: number }[];
}
