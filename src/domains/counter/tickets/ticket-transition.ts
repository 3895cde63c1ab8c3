// SPDX-License-Identifier: EUPL-1.2
/** Pure: which ticket actions are allowed in which status (発券 → 呼出 → 対応中 → 完了, or 取消). */

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'cancelled';
export type TicketAction = 'call' | 'start' | 'finish' | 'cancel';

const FROM: Record<TicketAction, TicketStatus[]> = {
  // Calling again (nobody came) keeps the ticket called.
  call: ['waiting', 'called'],
  start: ['waiting', 'called'],
  finish: ['serving'],
  cancel: ['waiting', 'called'],
};
const TO: Record<TicketAction, TicketStatus> = { call: 'called', start: 'serving', finish: 'done', cancel: 'cancelled' };

/** The status after the action, or null when the action is not allowed from `status`. */
export function nextTicketStatus(status: string, action: TicketAction): TicketStatus | null {
  return (FROM[action] as string[]).includes(status) ? TO[action] : null;
}
