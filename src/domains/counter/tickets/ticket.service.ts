// SPDX-License-Identifier: EUPL-1.2
/**
 * 受付番号 (counter tickets): issued at reception, called by number (the display), served; the waiting time
 * (issued → service start) and service time (start → end) are recorded for the insights. No personal data.
 */
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import { japanDay } from '../../../platform/dates/jp-date.ts';
import type { Database } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { isLifeEvent, type LifeEvent } from '../rules/life-events.ts';
import type { TicketRepository, TicketRow } from './ticket.repository.ts';
import { nextTicketStatus, type TicketAction } from './ticket-transition.ts';

type StaffActor = Actor;

export class TicketNotFoundError extends DomainError {
  constructor() { super('ticket-not-found', 'その受付番号は本日発行されていません', 404, 'No ticket with this number today'); }
}
export class TicketStateError extends DomainError {
  constructor(action: TicketAction, status: string) {
    const ja: Record<TicketAction, string> = { call: '呼び出せません', start: '対応を始められません', finish: '対応を終えられません', cancel: '取り消せません' };
    super('ticket-state', `この受付番号は${ja[action]}（${STATUS_JA[status] ?? status}）`, 409, `Ticket cannot ${action} from ${status}`, { action, ticketStatus: status });
  }
}
export const STATUS_JA: Record<string, string> = { waiting: '待ち', called: '呼出中', serving: '対応中', done: '完了', cancelled: '取消' };

/** A ticket as the pages show it. */
export interface TicketView {
  number: number; status: string; channel: string; lifeEvents: LifeEvent[];
  issuedAt: Date; calledAt: Date | null; serviceStartedAt: Date | null; serviceEndedAt: Date | null;
  waitMinutes: number | null; serviceMinutes: number | null; mine: boolean; visitId: string | null;
}

const minutes = (a: Date | null, b: Date | null) => (a && b ? Math.round((b.getTime() - a.getTime()) / 60_000) : null);

export function createTicketService(deps: { db: Database; clock: Clock; tickets: TicketRepository }) {
  const { db, clock, tickets } = deps;
  const present = (r: TicketRow, actor: StaffActor): TicketView => ({
    number: r.number, status: r.status, channel: r.channel, lifeEvents: r.lifeEvents.filter(isLifeEvent),
    issuedAt: r.issuedAt, calledAt: r.calledAt, serviceStartedAt: r.serviceStartedAt, serviceEndedAt: r.serviceEndedAt,
    waitMinutes: minutes(r.issuedAt, r.serviceStartedAt), serviceMinutes: minutes(r.serviceStartedAt, r.serviceEndedAt),
    mine: r.staffId === actor.staffId, visitId: r.visitId,
  });

  async function transition(trx: TenantTx, actor: StaffActor, number: number, action: TicketAction, extra: { visitId?: string } = {}) {
    const day = japanDay(clock.now());
    const row = await tickets.byNumber(trx, day, number);
    if (!row) throw new TicketNotFoundError();
    const to = nextTicketStatus(row.status, action);
    if (!to) throw new TicketStateError(action, row.status);
    const now = clock.now();
    await tickets.update(trx, row.ticketId, {
      status: to,
      ...(action === 'call' ? { calledAt: now } : {}),
      ...(action === 'start' ? { serviceStartedAt: now, staffId: actor.staffId, calledAt: row.calledAt ?? now } : {}),
      ...(action === 'finish' ? { serviceEndedAt: now, ...(extra.visitId ? { visitId: extra.visitId } : {}) } : {}),
    });
    return { ...row, status: to };
  }

  return {
    /** Issues the next 受付番号 of the day. */
    async issue(actor: StaffActor, input: { lifeEvents: string[]; channel: 'walk-in' | 'reservation' }) {
      assertAllowed(actor, 'counter:serve');
      const m = actor.municipalityCode;
      return withTenant(db, m, async (trx) => {
        await tickets.lockNumbering(trx, m);
        const day = japanDay(clock.now());
        const number = (await tickets.lastNumber(trx, day)) + 1;
        await tickets.insert(trx, { municipalityCode: m, ticketId: crypto.randomUUID(), serviceDay: day, number, channel: input.channel,
          lifeEvents: [...new Set(input.lifeEvents.filter(isLifeEvent))], issuedAt: clock.now() });
        return { number };
      });
    },

    /** Today's tickets, in number order. */
    async today(actor: StaffActor) {
      assertAllowed(actor, 'counter:serve');
      return withTenant(db, actor.municipalityCode, async (trx) => (await tickets.ofDay(trx, japanDay(clock.now()))).map((r) => present(r, actor)));
    },

    /** 呼出, 対応開始, 対応終了, 取消 of today's ticket `number`. */
    async act(actor: StaffActor, number: number, action: TicketAction) {
      assertAllowed(actor, 'counter:serve');
      return withTenant(db, actor.municipalityCode, async (trx) => present(await transition(trx, actor, number, action), actor));
    },

    /** Ends the service of a ticket inside the caller's transaction (the counter's filing), linking the visit. */
    finishIn: (trx: TenantTx, actor: StaffActor, number: number, visitId: string) => transition(trx, actor, number, 'finish', { visitId }),
  };
}
export type TicketService = ReturnType<typeof createTicketService>;
