// SPDX-License-Identifier: EUPL-1.2
/** Status transitions of a case, pure: which moves are allowed and what they do to the clock. */
import { fail } from './cases-errors.ts';

/** What a case is now, for planning a move. */
export interface CaseState {
  statusCode: string;
  closed: boolean;
  suspended: boolean;
  suspensionAllowed: boolean;
}

/** The effect of a move: the new status, and whether it stops or restarts the clock or closes the case. */
export interface Transition {
  statusCode: string;
  suspends: boolean;
  resumes: boolean;
  closes: boolean;
}

/** Allowed moves between the standard statuses (the final status `closed` is reached only by a decision). */
const MOVES: Record<string, string[]> = {
  received: ['in-review', 'awaiting-correction'],
  'in-review': ['awaiting-correction', 'received'],
  'awaiting-correction': ['in-review'],
};

/**
 * Plans a move to `next` (one of the case type's status codes); throws when the case is closed or the move is
 * not allowed. `closed` closes the case (decisions), `awaiting-correction` stops the clock, leaving it restarts.
 */
export function planTransition(current: CaseState, next: string, knownStatuses: string[]): Transition {
  if (current.closed) fail('case-closed');
  if (!knownStatuses.includes(next)) fail('unknown-status');
  if (next === 'closed') return { statusCode: next, suspends: false, resumes: current.suspended, closes: true };
  if (!(MOVES[current.statusCode] ?? []).includes(next)) fail('invalid-transition', { from: current.statusCode, to: next });
  if (next === 'awaiting-correction' && !current.suspensionAllowed) fail('suspension-not-allowed');
  return { statusCode: next, suspends: next === 'awaiting-correction', resumes: current.suspended && next !== 'awaiting-correction', closes: false };
}
