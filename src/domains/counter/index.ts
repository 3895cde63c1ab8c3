// SPDX-License-Identifier: EUPL-1.2
/** Public surface of the counter domain (書かない窓口, life-event rules, tickets). */
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createTicketRepository } from './tickets/ticket.repository.ts';
import { createTicketService } from './tickets/ticket.service.ts';

export { LIFE_EVENTS, LIFE_EVENT_LABELS, isLifeEvent, type LifeEvent } from './rules/life-events.ts';
export type { TicketService, TicketView } from './tickets/ticket.service.ts';
export { STATUS_JA as TICKET_STATUS_JA } from './tickets/ticket.service.ts';

/** Wires the counter services for the composition root. */
export function createCounter(db: Database, clock: Clock) {
  return { tickets: createTicketService({ db, clock, tickets: createTicketRepository() }) };
}
