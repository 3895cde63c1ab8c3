// SPDX-License-Identifier: EUPL-1.2
/**
 * The daily materialisation of the insights, all in SQL: per municipality (inside its own tenant transaction, under
 * row-level security) the facts of the cases closed since a day, their monthly metrics and the counter's waiting
 * times; then, as the owner (a maintenance read across municipalities, of aggregates only), the peer quartiles and the
 * survey results. Idempotent: each step deletes what it recomputes.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/types.ts';
import { withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { populationBandSql } from './population-band.ts';
import { refreshTraces } from './process-trace-refresh.ts';

/** Japan's time zone: months and days of the insights are Japanese calendar days. */
const TZ = 'Asia/Tokyo';

/** Recomputes one municipality's facts and metrics from `fromDay` ('YYYY-MM-DD', Japanese day) on. */
export async function refreshMunicipality(trx: TenantTx, m: string, fromDay: string): Promise<{ facts: number }> {
  const fromMonth = fromDay.slice(0, 7);
  const monthStart = `${fromMonth}-01`;
  // Facts are recomputed for whole months, so that a month's metrics always see all of its cases.
  await sql`DELETE FROM insights.case_fact WHERE municipality_code = ${m} AND closed_on >= ${monthStart}`.execute(trx);
  const facts = await sql`
    INSERT INTO insights.case_fact (municipality_code, case_id, procedure, channel, month, closed_on, lead_seconds, touch_seconds, auto_approved, within_legal, within_target)
    SELECT c.municipality_code, c.case_id, ct.code, c.channel,
      to_char(c.closed_at AT TIME ZONE ${TZ}, 'YYYY-MM'), to_char(c.closed_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD'),
      greatest(0, extract(epoch FROM c.closed_at - c.received_at))::int,
      coalesce((SELECT sum(e.touch_seconds) FROM cases.event e WHERE e.municipality_code = c.municipality_code AND e.case_id = c.case_id), 0)::int,
      coalesce(d.decided_by_type = 'system' AND d.outcome = 'approved', false),
      CASE WHEN c.legal_due_on IS NULL THEN NULL ELSE to_char(c.closed_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD') <= c.legal_due_on END,
      CASE WHEN c.target_due_on IS NULL THEN NULL ELSE to_char(c.closed_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD') <= c.target_due_on END
    FROM cases.case c
    JOIN cases.case_type ct ON ct.municipality_code = c.municipality_code AND ct.case_type_id = c.case_type_id
    LEFT JOIN cases.decision d ON d.municipality_code = c.municipality_code AND d.case_id = c.case_id
    WHERE c.municipality_code = ${m} AND c.closed_at IS NOT NULL
      AND c.closed_at >= (${monthStart} || 'T00:00:00+09:00')::timestamptz`.execute(trx);

  await sql`DELETE FROM insights.metric_month WHERE municipality_code = ${m} AND month >= ${fromMonth}`.execute(trx);
  // The counter baseline of a procedure: the median staff time of its counter cases (all months), else the configured minutes.
  await sql`
    WITH prof AS (
      SELECT coalesce((SELECT hourly_cost_yen FROM insights.profile WHERE municipality_code = ${m}), 4000) AS cost,
             coalesce((SELECT counter_baseline_minutes FROM insights.profile WHERE municipality_code = ${m}), 20) * 60 AS baseline),
    base AS (
      SELECT procedure, percentile_cont(0.5) WITHIN GROUP (ORDER BY touch_seconds) AS seconds
      FROM insights.case_fact WHERE municipality_code = ${m} AND channel = 'counter' GROUP BY procedure),
    f AS (
      SELECT f.*, coalesce(b.seconds, prof.baseline) AS baseline_seconds, prof.cost
      FROM insights.case_fact f CROSS JOIN prof LEFT JOIN base b ON b.procedure = f.procedure
      WHERE f.municipality_code = ${m} AND f.month >= ${fromMonth})
    INSERT INTO insights.metric_month (municipality_code, month, procedure, channel, cases, lead_median_hours, lead_p90_hours,
      touch_minutes_avg, waiting_hours_avg, within_legal_share, within_target_share, online_share, auto_share, cost_per_case_yen, hours_saved)
    SELECT ${m}, month, CASE WHEN grouping(procedure) = 1 THEN 'all' ELSE procedure END, CASE WHEN grouping(channel) = 1 THEN 'all' ELSE channel END,
      count(*),
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY lead_seconds) / 3600)::numeric, 2),
      round((percentile_cont(0.9) WITHIN GROUP (ORDER BY lead_seconds) / 3600)::numeric, 2),
      round((avg(touch_seconds) / 60)::numeric, 2),
      round((avg(greatest(0, lead_seconds - touch_seconds)) / 3600)::numeric, 2),
      round(avg(CASE WHEN within_legal THEN 1.0 WHEN NOT within_legal THEN 0.0 END), 4),
      round(avg(CASE WHEN within_target THEN 1.0 WHEN NOT within_target THEN 0.0 END), 4),
      round(avg(CASE WHEN channel = 'online' THEN 1.0 ELSE 0.0 END), 4),
      round(avg(CASE WHEN auto_approved THEN 1.0 ELSE 0.0 END), 4),
      round(avg(touch_seconds * cost / 3600.0)::numeric, 0),
      round((sum(CASE WHEN channel <> 'counter' THEN greatest(0, baseline_seconds - touch_seconds) ELSE 0 END) / 3600)::numeric, 2)
    FROM f GROUP BY GROUPING SETS ((month, procedure, channel), (month, procedure), (month, channel), (month))`.execute(trx);

  await sql`DELETE FROM insights.counter_month WHERE municipality_code = ${m} AND month >= ${fromMonth}`.execute(trx);
  await sql`
    INSERT INTO insights.counter_month (municipality_code, month, tickets, wait_median_minutes, wait_p90_minutes, service_avg_minutes)
    SELECT ${m}, substr(service_day, 1, 7),
      count(*),
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM service_started_at - issued_at)) / 60)::numeric, 1),
      round((percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM service_started_at - issued_at)) / 60)::numeric, 1),
      round((avg(extract(epoch FROM service_ended_at - service_started_at)) / 60)::numeric, 1)
    FROM counter.ticket
    WHERE municipality_code = ${m} AND status = 'done' AND service_started_at IS NOT NULL AND service_ended_at IS NOT NULL
      AND service_day >= ${monthStart}
    GROUP BY substr(service_day, 1, 7)`.execute(trx);
  // Counter visits filed (書かない窓口): how many, and the median from reception to filing, in the tickets' months.
  await sql`
    UPDATE insights.counter_month cm SET visits = v.n, visit_median_minutes = v.med
    FROM (SELECT substr(service_day, 1, 7) AS month, count(*)::int AS n,
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM filed_at - created_at)) / 60)::numeric, 1) AS med
          FROM counter.visit WHERE municipality_code = ${m} AND status = 'filed' AND service_day >= ${monthStart} GROUP BY 1) v
    WHERE cm.municipality_code = ${m} AND cm.month = v.month`.execute(trx);
  // The process-mining traces (case event log and registry access log).
  await refreshTraces(trx, m, fromDay);
  return { facts: Number(facts.numAffectedRows ?? 0) };
}

/** The metrics compared between municipalities (columns of insights.metric_month). */
export const PEER_METRICS = ['cases', 'lead_median_hours', 'lead_p90_hours', 'touch_minutes_avg', 'waiting_hours_avg', 'within_legal_share',
  'within_target_share', 'online_share', 'auto_share', 'cost_per_case_yen'] as const;
export type PeerMetric = (typeof PEER_METRICS)[number];

/** Recomputes the peer quartiles from `fromMonth` on, as the owner (reads every municipality's monthly aggregates). */
export async function refreshPeers(owner: Kysely<DB>, fromMonth: string): Promise<void> {
  const values = sql.join(PEER_METRICS.map((c) => sql`(${c}, ${sql.raw(`mm.${c}`)}::numeric)`));
  await owner.transaction().execute(async (trx) => {
    await sql`DELETE FROM insights.peer_month WHERE month >= ${fromMonth}`.execute(trx);
    await sql`
      WITH muni AS (
        SELECT t.municipality_code, m.class, ${populationBandSql('p.population')} AS band, coalesce(p.named_consent, false) AS named
        FROM platform.tenant t JOIN platform.municipality m ON m.code = t.municipality_code
        LEFT JOIN insights.profile p ON p.municipality_code = t.municipality_code
        WHERE m.class IN ('指定都市', '中核市', '特別区', '一般市', '町村')),
      vals AS (
        SELECT mm.month, mm.procedure, mm.channel, muni.class, muni.band, muni.named, v.metric, v.value
        FROM insights.metric_month mm JOIN muni ON muni.municipality_code = mm.municipality_code
        CROSS JOIN LATERAL (VALUES ${values}) AS v(metric, value)
        WHERE mm.month >= ${fromMonth} AND v.value IS NOT NULL)
      INSERT INTO insights.peer_month (month, procedure, channel, municipality_class, population_band, metric, contributors, all_named, p25, median, p75)
      SELECT month, procedure, channel, class, CASE WHEN grouping(band) = 1 THEN 'all' ELSE band END, metric, count(*), bool_and(named),
        round(percentile_cont(0.25) WITHIN GROUP (ORDER BY value)::numeric, 4),
        round(percentile_cont(0.5) WITHIN GROUP (ORDER BY value)::numeric, 4),
        round(percentile_cont(0.75) WITHIN GROUP (ORDER BY value)::numeric, 4)
      FROM vals GROUP BY GROUPING SETS ((month, procedure, channel, class, band, metric), (month, procedure, channel, class, metric))`.execute(trx);
  });
}

/** Recomputes the survey results (導入団体数 / 団体数 per class, and 全市区町村 without the prefectures), as the owner. */
export async function refreshSurveyResults(owner: Kysely<DB>): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    await sql`DELETE FROM insights.survey_result`.execute(trx);
    await sql`
      INSERT INTO insights.survey_result (survey_code, reference_date, municipality_class, implemented, total)
      SELECT survey_code, reference_date, municipality_class, count(*) FILTER (WHERE implemented), count(*)
      FROM insights.survey_answer GROUP BY survey_code, reference_date, municipality_class
      UNION ALL
      SELECT survey_code, reference_date, '全市区町村', count(*) FILTER (WHERE implemented), count(*)
      FROM insights.survey_answer WHERE municipality_class <> '都道府県' GROUP BY survey_code, reference_date`.execute(trx);
  });
}

/** The first day of the month before `today`: the daily refresh recomputes the previous and the current month. */
export function defaultFromDay(today: string): string {
  const [y, mo] = today.split('-').map(Number) as [number, number];
  const prev = mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  return `${prev}-01`;
}

/** Refreshes every municipality served, then the peers and the survey results. */
export async function refreshAll(db: Database, fromDay: string, onlyCodes?: string[]): Promise<{ municipalities: number; facts: number }> {
  const codes = onlyCodes ?? (await db.owner.selectFrom('platform.tenant').select('municipalityCode').orderBy('municipalityCode').execute()).map((r) => r.municipalityCode);
  let facts = 0;
  for (const code of codes) facts += (await withTenant(db, code, (trx) => refreshMunicipality(trx, code, fromDay))).facts;
  await refreshPeers(db.owner, fromDay.slice(0, 7));
  await refreshSurveyResults(db.owner);
  return { municipalities: codes.length, facts };
}
