// SPDX-License-Identifier: EUPL-1.2
/** Public surface of the counter domain (書かない窓口, life-event rules, tickets, visits). */
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CasesService } from '../cases/index.ts';
import type { RegistryService } from '../registry/index.ts';
import { createAccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import { createTicketRepository } from './tickets/ticket.repository.ts';
import { createTicketService } from './tickets/ticket.service.ts';
import { createVisitRepository } from './visits/visit.repository.ts';
import { createVisitService } from './visits/visit.service.ts';

export { LIFE_EVENTS, LIFE_EVENT_LABELS, isLifeEvent, type LifeEvent } from './rules/life-events.ts';
export type { TicketService, TicketView } from './tickets/ticket.service.ts';
export { STATUS_JA as TICKET_STATUS_JA } from './tickets/ticket.service.ts';
export type { VisitService } from './visits/visit.service.ts';
export { Interview, registryChangeOf, type Reservation, type VisitMember } from './visits/interview.ts';
export { SIMULATED_CARDS, simulatedCardReader, type CardReader } from './card/card-face.ts';

/** Wires the counter services for the composition root. */
export function createCounter(db: Database, clock: Clock, registry: RegistryService, cases: CasesService) {
  const tickets = createTicketService({ db, clock, tickets: createTicketRepository() });
  const visits = createVisitService({ db, clock, visits: createVisitRepository(), tickets, registry, cases, accessLog: createAccessLogRepository() });
  return { tickets, visits };
}
