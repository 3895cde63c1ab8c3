// SPDX-License-Identifier: EUPL-1.2
/** Zod schemas of the daycare allocation API (保育所等利用調整): requests, responses and their types. */
import { z } from '@hono/zod-openapi';

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
const Seats = z.array(z.number().int().min(0).max(9999)).length(6).openapi({ description: '年齢クラス0〜5歳児の募集人数', example: [3, 5, 2, 0, 0, 1] });
const TieBreakKey = z.object({ key: z.string().min(1).max(40), order: z.enum(['asc', 'desc']) });

/** Path parameters of a round. */
export const RoundParams = z.object({ roundId: Id.openapi({ param: { name: 'roundId', in: 'path' }, example: '2027-04-R1' }) });
/** Path parameters of a child in a round. */
export const ChildParams = RoundParams.extend({ childId: Id.openapi({ param: { name: 'childId', in: 'path' }, example: 'C0001' }) });
/** Path parameters of a facility in a round. */
export const FacilityParams = RoundParams.extend({ facilityId: Id.openapi({ param: { name: 'facilityId', in: 'path' }, example: 'F001' }) });

/** Body of POST /daycare-rounds. */
export const RoundInput = z.object({
  /** Round id, e.g. 2027-04-R1. */
  roundId: Id,
  /** 表示名, e.g. 令和9年4月入所 一次利用調整. */
  name: z.string().min(1).max(100),
  /** primary = 一次利用調整, secondary = 二次利用調整 (needs a confirmed previous round). */
  kind: z.enum(['primary', 'secondary']),
  /** 基準日 for age classes (usually April 1). */
  referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  previousRoundId: Id.optional(),
  /** Rule table (利用調整基準表) to score applications from their facts. */
  ruleTableId: z.string().max(64).optional(),
  lotterySeed: z.string().min(1).max(200).optional(),
  tieBreak: z.array(TieBreakKey).max(10).optional(),
  reuseVacatedSeats: z.boolean().optional(),
}).openapi('DaycareRoundInput');
export type RoundInput = z.infer<typeof RoundInput>;

/** Body of POST /daycare-rounds/generated: a synthetic round from the engine's generator (demo). */
export const GeneratedRoundInput = z.object({
  roundId: Id,
  name: z.string().min(1).max(100),
  preset: z.enum(['town', 'paper-s', 'paper-l', 'city']).default('city'),
  seed: z.number().int().min(0).max(1_000_000).default(1),
}).openapi('DaycareGeneratedRoundInput');
export type GeneratedRoundInput = z.infer<typeof GeneratedRoundInput>;

/** Summary of a round in lists. */
export const RoundView = z.object({
  roundId: z.string(),
  name: z.string(),
  kind: z.enum(['primary', 'secondary']),
  referenceDate: z.string(),
  status: z.enum(['open', 'allocated', 'confirmed']),
  previousRoundId: z.string().nullable(),
  ruleTableId: z.string().nullable(),
  policy: z.object({ tieBreak: z.array(TieBreakKey), lotterySeed: z.string(), reuseVacatedSeats: z.boolean().optional(), timeLimitMs: z.number().int().optional() }),
  facilities: z.number().int(),
  children: z.number().int(),
  currentRunNo: z.number().int().nullable(),
  createdAt: z.string().datetime(),
  confirmedAt: z.string().datetime().nullable(),
}).openapi('DaycareRound');

/** A facility with its seats. */
export const FacilityView = z.object({ facilityId: z.string(), name: z.string(), seats: Seats }).openapi('DaycareFacility');
/** Body of PUT /daycare-rounds/{roundId}/facilities/{facilityId}. */
export const FacilityInput = z.object({ name: z.string().max(100), seats: Seats }).openapi('DaycareFacilityInput');
export type FacilityInput = z.infer<typeof FacilityInput>;

const Outcome = z.object({ status: z.enum(['OFFER', 'HOLD', 'STAY']), facilityId: z.string().nullable(), preferenceRank: z.number().int().nullable() });
const ScoreItem = z.object({ code: z.string(), label: z.string(), points: z.number(), parent: z.number().int().optional(), rank: z.string().optional(), facilityId: z.string().optional() });

/** One child's application with its score breakdown. */
export const ApplicationView = z.object({
  childId: z.string(),
  householdId: z.string(),
  childName: z.string(),
  guardianName: z.string(),
  ageClass: z.number().int(),
  currentFacilityId: z.string().nullable(),
  preferences: z.array(z.string()),
  score: z.number(),
  scoreByFacility: z.record(z.string(), z.number()),
  tieBreak: z.record(z.string(), z.number()),
  scoreItems: z.array(ScoreItem).nullable(),
  siblings: z.array(z.string()),
  carriedFromRound: z.string().nullable(),
  outcome: Outcome.nullable(),
  /** 取下げ: when the application was withdrawn (it is then left out of runs and exports). */
  withdrawnAt: z.string().nullable(),
  /** 辞退: when the offer of a confirmed round was declined. */
  declinedAt: z.string().nullable(),
}).openapi('DaycareApplication');

const ParentFacts = z.object({
  need: z.enum(['employed', 'selfEmployedHelper', 'pregnancy', 'illness', 'disability', 'care', 'disaster', 'jobSeeking', 'study', 'abuse']),
  weeklyHours: z.number().min(0).max(168).optional(),
});
/** Facts of an application scored by the round's rule table. */
export const FactsInput = z.object({
  parents: z.array(ParentFacts).min(1).max(2),
  flags: z.record(z.string(), z.boolean()).optional(),
  waitingMonths: z.number().int().min(0).max(120).optional(),
  childrenUnder18: z.number().int().min(0).max(20).optional(),
  siblingEnrolledAt: z.array(Id).max(10).optional(),
});

/** One child's application as entered (the child id aside). */
const ChildFields = {
  childName: z.string().max(100).default(''),
  ageClass: z.number().int().min(0).max(5),
  currentFacilityId: Id.nullable().default(null),
  preferences: z.array(Id).min(1).max(30),
  /** Entered index; omit to score `facts` with the round's rule table. */
  score: z.number().optional(),
  facts: FactsInput.optional(),
  tieBreak: z.record(z.string(), z.number()).default({}),
};

/** Body of POST /daycare-rounds/{roundId}/applications: one household with its children. */
export const HouseholdInput = z.object({
  householdId: Id,
  guardianName: z.string().max(100).default(''),
  siblingPattern: z.number().int().min(1).max(7).optional(),
  children: z.array(z.object({ childId: Id, ...ChildFields })).min(1).max(6),
}).openapi('DaycareHouseholdInput');
export type HouseholdInput = z.infer<typeof HouseholdInput>;

/** Body of PUT /daycare-rounds/{roundId}/applications/{childId}: the child's application, replaced whole (修正). */
export const ApplicationCorrection = z.object(ChildFields).openapi('DaycareApplicationCorrection');
export type ApplicationCorrection = z.infer<typeof ApplicationCorrection>;

/** Query of the application list. */
export const ApplicationQuery = z.object({
  q: z.string().max(64).optional().openapi({ description: '児童番号・世帯番号の前方一致' }),
  status: z.enum(['OFFER', 'HOLD', 'STAY']).optional(),
  ageClass: z.coerce.number().int().min(0).max(5).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ApplicationQuery = z.infer<typeof ApplicationQuery>;

/** A row problem of a CSV import. */
export const CsvProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
/** Result of a CSV import (or of its dry run). */
export const CsvImportView = z.object({ rows: z.number().int(), households: z.number().int(), children: z.number().int(), stored: z.boolean() }).openapi('DaycareCsvImport');

const ClassFigures = z.object({ applicants: z.number().int(), postedSeats: z.number().int(), offers: z.number().int(), holds: z.number().int(), stays: z.number().int(), firstChoiceOffers: z.number().int() });
/** The result summary of a run. */
export const ResultView = z.object({
  roundId: z.string(),
  runNo: z.number().int(),
  status: z.enum(['STABLE', 'UNSTABLE', 'INVALID']),
  upToDate: z.boolean().openapi({ description: 'False when facilities or applications changed after the run' }),
  total: ClassFigures,
  firstChoiceRate: z.number(),
  offerRate: z.number(),
  byAgeClass: z.array(ClassFigures.extend({ ageClass: z.number().int() })),
  checks: z.object({ capacityViolations: z.number().int(), individualRationalityViolations: z.number().int(), blockingCoalitions: z.number().int() }),
  engine: z.object({ name: z.string(), version: z.string(), algorithm: z.string() }),
  inputSha256: z.string(),
  resultSha256: z.string(),
  runtimeMs: z.number().int(),
  createdAt: z.string().datetime(),
}).openapi('DaycareResult');

/** Per-child explanation. */
export const ExplanationView = z.object({
  childId: z.string(),
  ageClass: z.number().int(),
  status: z.enum(['OFFER', 'HOLD', 'STAY']),
  facilityId: z.string().nullable(),
  facilityName: z.string().nullable(),
  preferenceRank: z.number().int().nullable(),
  score: z.number(),
  preferences: z.array(z.object({ rank: z.number().int(), facilityId: z.string(), facilityName: z.string() })),
  summary: z.string(),
  lines: z.array(z.object({ rank: z.number().int(), facilityId: z.string(), facilityName: z.string(), reason: z.string(), text: z.string() })),
  closing: z.array(z.string()),
}).openapi('DaycareExplanation');

const AdmittedKey = z.object({ score: z.number(), tieBreak: z.record(z.string(), z.number()).optional() });
/** One line of the cut-off table. */
export const CutoffView = z.object({
  facilityId: z.string(), facilityName: z.string(), ageClass: z.number().int(), seats: z.number().int(),
  applicants: z.number().int(), offers: z.number().int(), lowestAdmitted: AdmittedKey.nullable(),
}).openapi('DaycareCutoff');

/** Body of POST /daycare-rounds/{roundId}/what-ifs. */
export const WhatIfInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('child'), childId: Id, score: z.number().optional(), ageClass: z.number().int().min(0).max(5).optional(), preferences: z.array(Id).min(1).max(30).optional(), currentFacilityId: Id.nullable().optional() }),
  z.object({ kind: z.literal('facility'), facilityId: Id, seats: Seats }),
  z.object({ kind: z.literal('adjustment'), code: z.string().min(1).max(64), points: z.number().min(-10000).max(10000) }),
  z.object({ kind: z.literal('tieBreak'), tieBreak: z.array(TieBreakKey).max(10) }),
  z.object({ kind: z.literal('reuseVacatedSeats'), value: z.boolean() }),
]).openapi('DaycareWhatIfInput');
export type WhatIfInput = z.infer<typeof WhatIfInput>;

const Headline = z.object({ offers: z.number().int(), holds: z.number().int(), stays: z.number().int(), firstChoiceOffers: z.number().int() });
/** Result of a what-if run. */
export const WhatIfView = z.object({
  changedChildren: z.array(z.string()),
  status: z.enum(['STABLE', 'UNSTABLE', 'INVALID']),
  before: Headline,
  after: Headline,
  moves: z.array(z.object({
    childId: z.string(), before: Outcome, after: Outcome,
    direction: z.enum(['placed', 'lost', 'moved', 'changed']), changedInput: z.boolean(),
  })),
}).openapi('DaycareWhatIf');

/** Result of a comparison with a reference allocation. */
export const ComparisonView = z.object({
  children: z.number().int(),
  same: z.number().int(),
  agreementRate: z.number(),
  differences: z.array(z.object({
    childId: z.string(), ours: Outcome, reference: Outcome.pick({ status: true, facilityId: true }), reasonAtReference: z.string().nullable(),
  })),
  missing: z.array(z.string()),
  unknown: z.array(z.string()),
  ours: z.object({ offers: z.number().int(), holds: z.number().int(), stays: z.number().int() }),
  reference: z.object({ offers: z.number().int(), holds: z.number().int(), stays: z.number().int() }),
  referenceCheck: z.object({ status: z.string(), capacityViolations: z.number().int(), individualRationalityViolations: z.number().int(), blockingCoalitions: z.number().int() }),
}).openapi('DaycareComparison');
