// SPDX-License-Identifier: EUPL-1.2
/**
 * Pure mapping between the stored round (facilities, households, applications) and the exchange-format
 * request (保育所等利用調整 入出力形式 v1). The request is built in one canonical field and key order, so the
 * same stored data always serialises to the same bytes (and so to the same input hash and result).
 */
import type {
  AllocationPolicy, AllocationRequest, AllocationResult, ApplicationFacts, ChildInput, HouseholdInput,
  RuleTable, ScoreItem, SiblingPattern,
} from './index.ts';
import { AGE_CLASSES } from './index.ts';

/** Kinds of round: 一次利用調整 and 二次利用調整. */
export type RoundKind = 'primary' | 'secondary';
/** Life cycle of a round: open (editable) → allocated (a result exists) → confirmed (決定; frozen). */
export type RoundStatus = 'open' | 'allocated' | 'confirmed';

/** A round as the service sees it. */
export interface RoundRecord {
  roundId: string;
  name: string;
  kind: RoundKind;
  referenceDate: string;
  status: RoundStatus;
  policy: AllocationPolicy;
  ruleTable: RuleTable | null;
  previousRoundId: string | null;
  meta: Record<string, unknown> | null;
  currentRunNo: number | null;
}

/** A facility with its posted seats per age class 0..5. */
export interface FacilityRecord {
  facilityId: string;
  name: string;
  seats: number[];
}

/** One child's application (申込児童). */
export interface ChildRecord {
  childId: string;
  childName: string;
  ageClass: number;
  currentFacilityId: string | null;
  preferences: string[];
  score: number;
  scoreByFacility: Record<string, number>;
  tieBreak: Record<string, number>;
  /** Facts the score was computed from (null when the index was entered as a number). */
  facts: ApplicationFacts | null;
  /** Itemised breakdown (内訳) of the score, when computed from a rule table. */
  scoreItems: ScoreItem[] | null;
  /** Set when the application was withdrawn (取下げ); such children are only loaded for the record. */
  withdrawn?: { at: Date; by: string } | null;
}

/** A household with its children in order. */
export interface HouseholdRecord {
  householdId: string;
  guardianName: string;
  jointPreferences: (string | null)[][] | null;
  siblingPattern: SiblingPattern | null;
  carriedFromRound: string | null;
  children: ChildRecord[];
}

const sortedObject = (o: Record<string, number>, first: string[] = []): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const k of first) if (Object.hasOwn(o, k)) out[k] = o[k]!;
  for (const k of Object.keys(o).sort()) if (!Object.hasOwn(out, k)) out[k] = o[k]!;
  return out;
};

/** The canonical policy object (fixed field order). */
export function canonicalPolicy(p: AllocationPolicy): AllocationPolicy {
  return {
    tieBreak: p.tieBreak.map((k) => ({ key: k.key, order: k.order })),
    lotterySeed: p.lotterySeed,
    ...(p.reuseVacatedSeats !== undefined ? { reuseVacatedSeats: p.reuseVacatedSeats } : {}),
    ...(p.timeLimitMs !== undefined ? { timeLimitMs: p.timeLimitMs } : {}),
  };
}

/** Builds the exchange-format request of a round in canonical order. */
export function buildRequest(
  municipalityCode: string, round: RoundRecord, facilities: FacilityRecord[], households: HouseholdRecord[],
): AllocationRequest {
  const policy = canonicalPolicy(round.policy);
  const tieKeys = policy.tieBreak.map((k) => k.key);
  const request: AllocationRequest = {
    schemaVersion: '1',
    round: { id: round.roundId, municipalityCode, referenceDate: round.referenceDate, kind: round.kind },
    policy,
    facilities: facilities.map((f) => ({ id: f.facilityId, name: f.name, seats: [...f.seats] })),
    households: households.map((h) => {
      const out: HouseholdInput = {
        id: h.householdId,
        children: h.children.map((c) => {
          const child: ChildInput = {
            id: c.childId, ageClass: c.ageClass, currentFacilityId: c.currentFacilityId, score: c.score,
          } as ChildInput;
          if (Object.keys(c.scoreByFacility).length > 0) child.scoreByFacility = sortedObject(c.scoreByFacility);
          child.tieBreak = sortedObject(c.tieBreak, tieKeys);
          child.preferences = [...c.preferences];
          return child;
        }),
      };
      if (h.jointPreferences) out.jointPreferences = h.jointPreferences.map((t) => [...t]);
      if (h.siblingPattern) out.siblingPattern = h.siblingPattern;
      return out;
    }),
  };
  if (round.meta && Object.keys(round.meta).length > 0) request.meta = round.meta;
  return request;
}

/** Serialises a request to the bytes that are hashed, stored and exported. */
export function serializeRequest(request: AllocationRequest): string {
  return JSON.stringify(request);
}

/** Splits a (valid) exchange-format request into stored records. */
export function recordsFromRequest(request: AllocationRequest): { facilities: FacilityRecord[]; households: HouseholdRecord[] } {
  return {
    facilities: request.facilities.map((f) => ({ facilityId: f.id, name: f.name ?? '', seats: [...f.seats] })),
    households: request.households.map((h) => ({
      householdId: h.id, guardianName: '', carriedFromRound: null,
      jointPreferences: h.jointPreferences ?? null, siblingPattern: h.siblingPattern ?? null,
      children: h.children.map((c) => ({
        childId: c.id, childName: '', ageClass: c.ageClass, currentFacilityId: c.currentFacilityId ?? null,
        preferences: [...c.preferences], score: c.score, scoreByFacility: { ...(c.scoreByFacility ?? {}) },
        tieBreak: { ...(c.tieBreak ?? {}) }, facts: null, scoreItems: null,
      })),
    })),
  };
}

/**
 * Seats left for a 二次利用調整 after a confirmed round: posted seats, plus seats freed by transfer applicants
 * who moved away, minus the round's offers (which stay frozen). Never negative.
 */
export function remainingSeats(request: AllocationRequest, result: Pick<AllocationResult, 'assignments'>): FacilityRecord[] {
  const outcome = new Map(result.assignments.map((a) => [a.childId, a]));
  const left = new Map(request.facilities.map((f) => [f.id, [...f.seats]]));
  for (const h of request.households) for (const c of h.children) {
    const a = outcome.get(c.id);
    if (a?.status !== 'OFFER') continue;
    const at = left.get(a.facilityId!);
    if (at) at[c.ageClass]! -= 1;
    const from = c.currentFacilityId ? left.get(c.currentFacilityId) : undefined;
    if (from) from[c.ageClass]! += 1;
  }
  return request.facilities.map((f) => ({
    facilityId: f.id, name: f.name ?? '', seats: left.get(f.id)!.map((s) => Math.max(0, s)).slice(0, AGE_CLASSES),
  }));
}

/**
 * The applications a 二次 round carries over from a confirmed round: every child without a new seat (保留, or a
 * transfer applicant who stayed). Children who got an offer are not carried: their offers are frozen. A
 * household keeps its joint preferences only when none of its children was placed.
 */
export function carriedHouseholds(
  previous: HouseholdRecord[], result: Pick<AllocationResult, 'assignments'>, previousRoundId: string, declined: ReadonlySet<string> = new Set(),
): HouseholdRecord[] {
  const outcome = new Map(result.assignments.map((a) => [a.childId, a.status]));
  const out: HouseholdRecord[] = [];
  for (const h of previous) {
    // A child who declined (辞退) an offer is not carried: a new application is needed to be placed again.
    const left = h.children.filter((c) => outcome.get(c.childId) !== 'OFFER' && !declined.has(c.childId));
    if (left.length === 0) continue;
    const whole = left.length === h.children.length;
    out.push({
      ...h, children: left.map((c) => ({ ...c, preferences: [...c.preferences] })), carriedFromRound: previousRoundId,
      jointPreferences: whole && left.length > 1 ? h.jointPreferences : null,
      siblingPattern: whole && left.length > 1 ? h.siblingPattern : null,
    });
  }
  return out;
}
