// SPDX-License-Identifier: EUPL-1.2
/**
 * The materialisation of the process-mining traces (insights.trace), in SQL inside the municipality's tenant
 * transaction: every case with an event since the start of `fromDay`'s month (its whole event log, one trace), and
 * every person record of a registry change processed since 30 days before it (the access-log entries on that record
 * from the change on, for 30 days: the 前橋 project's view, activities = operations of the registry system).
 * Idempotent: each trace recomputed is deleted first.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

const TZ = 'Asia/Tokyo';
/** How long after a registry change the operations on a person record belong to its trace. */
export const ACCESS_LOG_WINDOW_DAYS = 30;

/** Recomputes one municipality's traces from `fromDay`'s month on; returns how many traces were written. */
export async function refreshTraces(trx: TenantTx, m: string, fromDay: string): Promise<{ caseTraces: number; accessLogTraces: number }> {
  const since = sql`(${`${fromDay.slice(0, 7)}-01`} || 'T00:00:00+09:00')::timestamptz`;
  const touched = sql`SELECT DISTINCT case_id FROM cases.event WHERE municipality_code = ${m} AND occurred_at >= ${since}`;
  await sql`DELETE FROM insights.trace WHERE municipality_code = ${m} AND source = 'cases' AND trace_id IN (SELECT case_id::text FROM (${touched}) t)`.execute(trx);
  const cases = await sql`
    INSERT INTO insights.trace (municipality_code, source, procedure, trace_id, month, started_at, ended_at, activities, occurred_at, resources)
    SELECT ${m}, 'cases', min(e.case_type_code), e.case_id::text, to_char(min(e.occurred_at) AT TIME ZONE ${TZ}, 'YYYY-MM'), min(e.occurred_at), max(e.occurred_at),
      array_agg(e.activity ORDER BY e.occurred_at, e.event_id), array_agg(e.occurred_at ORDER BY e.occurred_at, e.event_id),
      -- Who acted: the staff member's id, else only 'system' or 'applicant' (never a resident's id).
      array_agg(CASE WHEN e.actor_type = 'staff' THEN e.actor_id ELSE e.actor_type END ORDER BY e.occurred_at, e.event_id)
    FROM cases.event e
    WHERE e.municipality_code = ${m} AND e.case_id IN (${touched})
    GROUP BY e.case_id`.execute(trx);

  const changes = sql`
    SELECT c.change_id, c.kind, c.processed_at, p.person_id, md5(c.change_id::text || ':' || p.person_id::text) AS trace_id
    FROM registry.change c CROSS JOIN LATERAL unnest(c.person_ids) AS p(person_id)
    WHERE c.municipality_code = ${m} AND c.processed_at >= ${since} - ${`${ACCESS_LOG_WINDOW_DAYS} days`}::interval`;
  await sql`DELETE FROM insights.trace WHERE municipality_code = ${m} AND source = 'access-log' AND trace_id IN (SELECT trace_id FROM (${changes}) ch)`.execute(trx);
  const access = await sql`
    INSERT INTO insights.trace (municipality_code, source, procedure, trace_id, month, started_at, ended_at, activities, occurred_at, resources)
    SELECT ${m}, 'access-log', ch.kind, ch.trace_id, to_char(min(a.occurred_at) AT TIME ZONE ${TZ}, 'YYYY-MM'), min(a.occurred_at), max(a.occurred_at),
      array_agg(a.action ORDER BY a.seq), array_agg(a.occurred_at ORDER BY a.seq),
      array_agg(CASE WHEN a.actor_type IN ('staff', 'contractor') THEN a.actor_id ELSE a.actor_type END ORDER BY a.seq)
    FROM (${changes}) ch
    JOIN audit.access_log a ON a.municipality_code = ${m} AND a.subject_type = 'person' AND a.subject_id = ch.person_id::text
      AND a.occurred_at >= ch.processed_at - interval '10 minutes' AND a.occurred_at < ch.processed_at + ${`${ACCESS_LOG_WINDOW_DAYS} days`}::interval
    GROUP BY ch.kind, ch.trace_id`.execute(trx);
  return { caseTraces: Number(cases.numAffectedRows ?? 0), accessLogTraces: Number(access.numAffectedRows ?? 0) };
}
