// SPDX-License-Identifier: EUPL-1.2
/** SQL of the counter tickets (counter.ticket). No rules: the service decides. */
import { sql, type Selectable } from 'kysely';
import type { CounterTicket } from '../../../platform/db/types.ts';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';

export type TicketRow = Selectable<CounterTicket>;
const TENANT = sql<string>`platform.current_municipality()::char(6)`;

export function createTicketRepository() {
  return {
    /** Serialises numbering per municipality (numbers restart every day). */
    lockNumbering: (trx: TenantTx, m: string) => sql`SELECT pg_advisory_xact_lock(hashtextextended(${'counter-ticket:' + m}, 0))`.execute(trx),
    lastNumber: async (trx: TenantTx, day: string) => (await trx.selectFrom('counter.ticket').select('number')
      .where('municipalityCode', '=', TENANT).where('serviceDay', '=', day).orderBy('number', 'desc').limit(1).executeTakeFirst())?.number ?? 0,
    insert: (trx: TenantTx, row: Pick<TicketRow, 'municipalityCode' | 'ticketId' | 'serviceDay' | 'number' | 'channel' | 'lifeEvents' | 'issuedAt'>) =>
      trx.insertInto('counter.ticket').values(row).execute(),
    ofDay: (trx: TenantTx, day: string) => trx.selectFrom('counter.ticket').selectAll().where('municipalityCode', '=', TENANT)
      .where('serviceDay', '=', day).orderBy('number').execute(),
    byNumber: (trx: TenantTx, day: string, number: number) => trx.selectFrom('counter.ticket').selectAll().where('municipalityCode', '=', TENANT)
      .where('serviceDay', '=', day).where('number', '=', number).forUpdate().executeTakeFirst(),
    update: (trx: TenantTx, ticketId: string, patch: Partial<Pick<TicketRow, 'status' | 'calledAt' | 'serviceStartedAt' | 'serviceEndedAt' | 'staffId' | 'visitId' | 'lifeEvents'>>) =>
      trx.updateTable('counter.ticket').set(patch).where('municipalityCode', '=', TENANT).where('ticketId', '=', ticketId).execute(),
  };
}
export type TicketRepository = ReturnType<typeof createTicketRepository>;
