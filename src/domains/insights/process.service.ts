// SPDX-License-Identifier: EUPL-1.2
/**
 * Process mining use cases (見える化): the procedures with traces, the process map of one (directly-follows graph,
 * variants, bottlenecks) over a range of months, and the XES export of its traces (access-logged: the export leaves
 * the system). Reads only insights.trace, inside the municipality's tenant transaction.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { mineProcess, type ProcessMap, type Trace } from './process-map.ts';
import { toXes } from './xes-export.ts';

export const PROCESS_SOURCES = ['cases', 'access-log'] as const;
export type ProcessSource = (typeof PROCESS_SOURCES)[number];
const MONTH = /^\d{4}-\d{2}$/;
/** At most this many traces (the most recent) are mined or exported at once. */
export const MAX_TRACES = 20_000;

export const PROCESS_ERRORS = {
  badQuery: () => new DomainError('invalid-process-query', '手続と期間を正しく選んでください', 400, 'Invalid procedure or period'),
};

export interface ProcessQuery { source: ProcessSource; procedure: string; from?: string; to?: string }
interface Ctx { clientIp: string; requestId: string }

/** The months of the last year ending with the one of `today` ('YYYY-MM'). */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const [y, mo] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, mo - 1 - 11, 1));
  return { from: start.toISOString().slice(0, 7), to: today.slice(0, 7) };
}

export function createProcessService(deps: { db: Database; clock: Clock; accessLog: AccessLogRepository }) {
  const { db, clock, accessLog } = deps;

  const check = (q: ProcessQuery) => {
    const range = lastTwelveMonths(japanDay(clock.now()));
    const from = q.from ?? range.from;
    const to = q.to ?? range.to;
    if (!(PROCESS_SOURCES as readonly string[]).includes(q.source) || !/^[a-z0-9:-]{1,60}$/.test(q.procedure) || !MONTH.test(from) || !MONTH.test(to) || from > to) throw PROCESS_ERRORS.badQuery();
    return { ...q, from, to };
  };

  async function traces(m: string, q: Required<ProcessQuery>): Promise<Trace[]> {
    return withTenant(db, m, async (trx) => (await trx.selectFrom('insights.trace').select(['traceId', 'activities', 'occurredAt', 'resources'])
      .where('municipalityCode', '=', m).where('source', '=', q.source).where('procedure', '=', q.procedure)
      .where('month', '>=', q.from).where('month', '<=', q.to).orderBy('startedAt', 'desc').limit(MAX_TRACES).execute())
      .map((r) => ({ id: r.traceId, activities: r.activities, times: r.occurredAt.map((t) => new Date(t).getTime()), resources: r.resources })));
  }

  return {
    /** The procedures that have traces in the last year, by source, with their numbers of traces. */
    async procedures(actor: Actor) {
      assertAllowed(actor, 'insights:read');
      const m = actor.municipalityCode;
      const range = lastTwelveMonths(japanDay(clock.now()));
      return withTenant(db, m, async (trx) => {
        const rows = await trx.selectFrom('insights.trace').select(['source', 'procedure', sql<number>`count(*)::int`.as('traces')])
          .where('municipalityCode', '=', m).where('month', '>=', range.from).groupBy(['source', 'procedure']).orderBy('source').orderBy('procedure').execute();
        // Case types are named by their latest version; registry change kinds are named by the web layer.
        const titles = new Map((await trx.selectFrom('cases.caseType').select(['code', 'titleJa', 'titleEn']).where('municipalityCode', '=', m).orderBy('version').execute())
          .map((t) => [t.code, { ja: t.titleJa, en: t.titleEn }]));
        return rows.map((r) => ({ source: r.source as ProcessSource, procedure: r.procedure, traces: r.traces, title: r.source === 'cases' ? titles.get(r.procedure) ?? null : null }));
      });
    },

    /** The process map of one procedure over a range of months (default: the last twelve). */
    async processMap(actor: Actor, query: ProcessQuery): Promise<{ query: Required<ProcessQuery>; map: ProcessMap; truncated: boolean }> {
      assertAllowed(actor, 'insights:read');
      const q = check(query);
      const list = await traces(actor.municipalityCode, q);
      return { query: q, map: mineProcess(list, { topVariants: 10, topBottlenecks: 5 }), truncated: list.length >= MAX_TRACES };
    },

    /** The traces of one procedure as XES (IEEE 1849), access-logged as an export of the event log. */
    async xes(actor: Actor, query: ProcessQuery, ctx: Ctx, label?: (activity: string) => string) {
      assertAllowed(actor, 'insights:read');
      const q = check(query);
      const m = actor.municipalityCode;
      const list = await traces(m, q);
      await withTenant(db, m, (trx) => accessLog.append(trx, m, { actorType: 'staff', actorId: actor.staffId, action: 'insights.process.export',
        subjectType: 'event-log', subjectId: `${q.source}:${q.procedure}:${q.from}..${q.to}`, purpose: 'xes', ...ctx }));
      return toXes(list, { name: `${q.source}:${q.procedure} ${q.from}..${q.to}`, procedure: q.procedure, label });
    },
  };
}

export type ProcessService = ReturnType<typeof createProcessService>;
