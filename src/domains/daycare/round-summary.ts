// SPDX-License-Identifier: EUPL-1.2
/** The result summary of a run (選考結果の概要): headline figures and the same per age class. */
import { AGE_CLASSES, type AllocationRequest, type AllocationResult } from './index.ts';

/** Figures of one age class (or of the whole round). */
export interface ClassFigures {
  applicants: number;
  postedSeats: number;
  offers: number;
  holds: number;
  stays: number;
  firstChoiceOffers: number;
}

/** The summary shown after a run. */
export interface RoundSummary {
  status: AllocationResult['status'];
  total: ClassFigures;
  /** 第1希望内定率: first-choice offers per applicant who was not a staying transfer applicant. */
  firstChoiceRate: number;
  /** 内定率: offers per applicant. */
  offerRate: number;
  byAgeClass: (ClassFigures & { ageClass: number })[];
  checks: { capacityViolations: number; individualRationalityViolations: number; blockingCoalitions: number };
  engine: AllocationResult['engine'];
  inputSha256: string;
}

const empty = (): ClassFigures => ({ applicants: 0, postedSeats: 0, offers: 0, holds: 0, stays: 0, firstChoiceOffers: 0 });

/** Computes the summary of a result for its request. */
export function summariseResult(request: AllocationRequest, result: AllocationResult): RoundSummary {
  const byAge = Array.from({ length: AGE_CLASSES }, empty);
  const total = empty();
  for (const f of request.facilities) f.seats.forEach((s, a) => { byAge[a]!.postedSeats += s; total.postedSeats += s; });
  const age = new Map<string, number>();
  for (const h of request.households) for (const c of h.children) age.set(c.id, c.ageClass);
  for (const a of result.assignments) {
    const row = byAge[age.get(a.childId) ?? 0]!;
    for (const target of [row, total]) {
      target.applicants++;
      if (a.status === 'OFFER') target.offers++;
      else if (a.status === 'HOLD') target.holds++;
      else target.stays++;
      if (a.status === 'OFFER' && a.preferenceRank === 1) target.firstChoiceOffers++;
    }
  }
  const movers = total.applicants - total.stays;
  return {
    status: result.status, total,
    firstChoiceRate: movers === 0 ? 0 : total.firstChoiceOffers / movers,
    offerRate: total.applicants === 0 ? 0 : total.offers / total.applicants,
    byAgeClass: byAge.map((f, ageClass) => ({ ageClass, ...f })),
    checks: {
      capacityViolations: result.checks.capacityViolations,
      individualRationalityViolations: result.checks.individualRationalityViolations,
      blockingCoalitions: result.checks.blockingCoalitions,
    },
    engine: result.engine,
    inputSha256: result.inputSha256,
  };
}
