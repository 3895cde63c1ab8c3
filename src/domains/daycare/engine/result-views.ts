// SPDX-License-Identifier: EUPL-1.2
/** Read helpers over a result for staff screens and notices: one child's explanation, the cut-off table. */
import type { AllocationResult, Assignment, ChildExplanation, CutoffEntry } from './allocation-format.ts';

/** The outcome and explanation of one child (explanation is null when it got its first choice). */
export function explainChild(
  result: Pick<AllocationResult, 'assignments' | 'explanations'>, childId: string,
): { assignment: Assignment; explanation: ChildExplanation | null } | null {
  const assignment = result.assignments.find((a) => a.childId === childId);
  if (!assignment) return null;
  return { assignment, explanation: result.explanations.find((e) => e.childId === childId) ?? null };
}

/** The cut-off table (最低指数), optionally for one facility, ordered as published. */
export function cutoffTable(result: Pick<AllocationResult, 'cutoffs'>, facilityId?: string): CutoffEntry[] {
  return facilityId === undefined ? result.cutoffs : result.cutoffs.filter((c) => c.facilityId === facilityId);
}
