// SPDX-License-Identifier: EUPL-1.2
/**
 * Demo data for the insights (issue #12): municipalities of every class with a year of closed cases (with their
 * event log, touch times and decisions) and counter tickets, generated in SQL and deterministic by a seed. The
 * cases hold no personal data (the applicant is 「デモ 申請者」). Used by `jichi insights demo`, the tests and the bench.
 */
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { nationalMunicipalityList, type MunicipalityRow } from '../../platform/tenancy/municipality-list.ts';
import { generateMoveInTraces } from './insights-demo-move-in.ts';

/** One municipality to generate, with its population and the number of closed cases per year. */
export interface DemoMunicipality { code: string; population: number; casesPerYear: number; namedConsent?: boolean }

/** A deterministic uniform number in [0, 1) from a text key (the same in SQL below). */
function unit(key: string): number {
  let h = 2166136261;
  for (const ch of key) { h ^= ch.codePointAt(0)!; h = Math.imul(h, 16777619) >>> 0; }
  return h / 4294967296;
}

const POP_RANGE: Record<string, [number, number]> = {
  指定都市: [700_000, 3_700_000], 中核市: [200_000, 600_000], 特別区: [60_000, 900_000], 一般市: [20_000, 150_000], 町村: [2_000, 40_000],
};

/**
 * Picks `count` municipalities of every class (always 塩尻市 first, and enough 一般市 of its size for peers), with
 * populations drawn from the class's range; `casesPerThousand` closed cases per 1,000 residents a year, capped.
 */
export function pickDemoMunicipalities(opts: { count?: number; seed?: string; casesPerThousand?: number; maxCases?: number; all?: boolean } = {}): DemoMunicipality[] {
  const seed = opts.seed ?? 'jichi-demo';
  const per = opts.casesPerThousand ?? 30;
  const max = opts.maxCases ?? 4000;
  const rows = nationalMunicipalityList().filter((r) => r.class in POP_RANGE);
  const pop = (r: MunicipalityRow) => {
    if (r.code === '202151') return 66_000;
    const [lo, hi] = POP_RANGE[r.class]!;
    // Most 一般市 of the demo fall in 塩尻市's band (5万〜10万) so that its peers are shown.
    const u = unit(`${seed}|pop|${r.code}`);
    return r.class === '一般市' && !opts.all ? Math.round(50_000 + u * 50_000) : Math.round(lo + (hi - lo) * u * u);
  };
  let chosen: MunicipalityRow[];
  if (opts.all) chosen = rows;
  else {
    const count = opts.count ?? 36;
    const byClass = (cls: string, n: number) => rows.filter((r) => r.class === cls && r.code !== '202151')
      .sort((a, b) => unit(`${seed}|${a.code}`) - unit(`${seed}|${b.code}`)).slice(0, n);
    const general = Math.max(6, count - 16);
    chosen = [rows.find((r) => r.code === '202151')!, ...byClass('一般市', general), ...byClass('中核市', 5), ...byClass('指定都市', 3), ...byClass('特別区', 3), ...byClass('町村', 5)];
  }
  return chosen.map((r) => {
    const population = pop(r);
    return { code: r.code, population, casesPerYear: Math.max(20, Math.min(max, Math.round((population / 1000) * per))), namedConsent: unit(`${seed}|named|${r.code}`) < 0.3 };
  });
}

/** SQL: a uniform number in [0, 1) from the md5 of a key, chunk k (0–3) of 8 hex digits. */
const u = (key: string, k: number) => sql.raw(`(('x' || substr(md5(${key}), ${1 + k * 8}, 8))::bit(32)::bigint / 4294967296.0)`);

/**
 * Generates `days` days (ending yesterday) of closed cases, events, decisions and counter tickets for one municipality.
 * Replaces what a previous run generated for it (cases created by 'demo-insights'). The standard case types must exist.
 */
export async function generateMunicipalityActivity(db: Database, m: DemoMunicipality, opts: { seed: string; endDay: string; days: number }) {
  await db.owner.transaction().execute(async (trx) => {
    await sql`SELECT set_config('app.municipality_code', ${m.code}, true)`.execute(trx);
    const mine = sql`SELECT case_id FROM cases.case WHERE municipality_code = ${m.code} AND created_by = 'demo-insights'`;
    await sql`DELETE FROM insights.case_fact WHERE municipality_code = ${m.code} AND case_id IN (${mine})`.execute(trx);
    await sql`DELETE FROM cases.event WHERE municipality_code = ${m.code} AND case_id IN (${mine})`.execute(trx);
    await sql`DELETE FROM cases.decision WHERE municipality_code = ${m.code} AND case_id IN (${mine})`.execute(trx);
    await sql`DELETE FROM cases.case WHERE municipality_code = ${m.code} AND created_by = 'demo-insights'`.execute(trx);
    await sql`DELETE FROM counter.ticket WHERE municipality_code = ${m.code} AND window_code = 'demo'`.execute(trx);
    await sql`DROP TABLE IF EXISTS demo_gen`.execute(trx);
    const key = (salt: string) => `'${opts.seed.replace(/'/g, "''")}|${m.code}|${salt}|' || i`;
    const mk = `'${opts.seed.replace(/'/g, "''")}|${m.code}'`;
    // One row per case: type, channel, times (JST business hours), lead and touch seconds, automatic or not, 補正 or not.
    await sql`
      CREATE TEMP TABLE demo_gen ON COMMIT DROP AS
      WITH p AS (
        SELECT 0.1 + 0.5 * ${u(mk, 0)} AS online_base, 0.6 + 0.8 * ${u(mk, 1)} AS speed, 8 + 20 * ${u(mk, 2)} AS wait_minutes
      ), g AS (
        SELECT i, ${u(key('a'), 0)} AS u_type, ${u(key('a'), 1)} AS u_channel, ${u(key('a'), 2)} AS u_day, ${u(key('a'), 3)} AS u_hour,
               ${u(key('b'), 0)} AS u_lead, ${u(key('b'), 1)} AS u_touch, ${u(key('b'), 2)} AS u_auto, ${u(key('b'), 3)} AS u_fix
        FROM generate_series(1, ${m.casesPerYear}::int) AS i
      ), t AS (
        SELECT g.*, p.*,
          CASE WHEN u_type < 0.35 THEN 'move-within' WHEN u_type < 0.55 THEN 'move-out' WHEN u_type < 0.95 THEN 'residence-certificate' ELSE 'daycare-application' END AS type_code,
          floor(u_day * ${opts.days}::int)::int AS day_index
        FROM g CROSS JOIN p
      ), c AS (
        SELECT t.*,
          (${opts.endDay}::date - ${opts.days}::int + day_index) AS received_day,
          CASE WHEN u_channel < least(0.95, online_base * (0.6 + 0.8 * day_index / ${opts.days}::numeric)) THEN 'online'
               WHEN u_channel > 0.97 THEN 'post' ELSE 'counter' END AS channel
        FROM t
      ), d AS (
        SELECT c.*,
          -- Weekends fall on the next Monday; offices open 8:30–17:15.
          (received_day + CASE extract(isodow FROM received_day)::int WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END) AS day,
          (channel = 'online' AND type_code <> 'daycare-application' AND u_auto < 0.7) AS auto,
          (u_fix < 0.08 AND NOT (channel = 'online' AND type_code <> 'daycare-application' AND u_auto < 0.7)) AS correction
        FROM c
      )
      SELECT d.*, (md5(${sql.raw(key('id'))}))::uuid AS case_id,
        ((day + time '08:30' + (u_hour * interval '8 hours 45 minutes')) AT TIME ZONE 'Asia/Tokyo') AS received_at,
        CASE
          WHEN auto THEN (300 + u_lead * 3300)::int
          WHEN channel = 'counter' AND type_code = 'residence-certificate' THEN (600 + u_lead * 1800 * speed)::int
          WHEN channel = 'counter' AND type_code <> 'daycare-application' THEN (1800 + u_lead * 5400 * speed)::int
          WHEN type_code = 'daycare-application' THEN (86400 * (10 + 30 * u_lead * speed))::int
          ELSE (86400 * (-ln(1 - u_lead * 0.98) * 2.2 * speed) + 3600)::int
        END + CASE WHEN correction THEN (86400 * (2 + 5 * u_touch))::int ELSE 0 END AS lead_seconds,
        CASE
          WHEN auto THEN 0
          WHEN type_code = 'daycare-application' THEN (3600 + u_touch * 3600)::int
          WHEN channel = 'counter' THEN (600 + u_touch * 1200 * speed)::int
          ELSE (300 + u_touch * 600 * speed)::int
        END AS touch_seconds,
        (wait_minutes * 60 * (0.3 + 1.6 * u_touch) * CASE WHEN extract(isodow FROM day) = 1 OR extract(month FROM day) IN (3, 4) THEN 1.6 ELSE 1 END)::int AS wait_seconds
      FROM d`.execute(trx);
    await sql`
      INSERT INTO cases.case (municipality_code, case_id, case_no, case_type_id, channel, status_code, applicant, submitted_data, received_at, received_on,
        legal_due_on, target_due_on, review_outcome, result_code, closed_at, created_by)
      SELECT ${m.code}, g.case_id, '9999-' || lpad(g.i::text, 6, '0'), ct.case_type_id, g.channel, 'closed',
        '{"familyName":"デモ","givenName":"申請者"}'::jsonb, '{}'::jsonb, g.received_at, to_char(g.day, 'YYYY-MM-DD'),
        to_char(g.day + (ct.legal_period_days * 7 / 5), 'YYYY-MM-DD'), to_char(g.day + (ct.service_target_days * 7 / 5), 'YYYY-MM-DD'),
        CASE WHEN g.auto THEN 'clean' ELSE 'needs-person' END, 'approved', g.received_at + g.lead_seconds * interval '1 second', 'demo-insights'
      FROM demo_gen g
      JOIN LATERAL (SELECT case_type_id, legal_period_days, service_target_days FROM cases.case_type
                    WHERE municipality_code = ${m.code} AND code = g.type_code AND status = 'published' ORDER BY version DESC LIMIT 1) ct ON true`.execute(trx);
    await sql`
      INSERT INTO cases.decision (municipality_code, case_id, outcome, decided_by_type, decided_by, decided_at)
      SELECT ${m.code}, case_id, 'approved', CASE WHEN auto THEN 'system' ELSE 'staff' END, CASE WHEN auto THEN 'auto-review' ELSE 'demo-staff' END,
        received_at + (lead_seconds - 60) * interval '1 second'
      FROM demo_gen`.execute(trx);
    // The event log: submitted → review-started → (correction-requested → correction-answered) → decision → closed.
    await sql`
      INSERT INTO cases.event (municipality_code, event_id, case_id, case_type_code, activity, actor_type, actor_id, channel, occurred_at, touch_seconds)
      SELECT ${m.code}, md5(g.case_id::text || e.activity)::uuid, g.case_id, g.type_code, e.activity, e.actor_type, e.actor_id, g.channel,
        g.received_at + e.at * g.lead_seconds * interval '1 second', e.touch
      FROM demo_gen g CROSS JOIN LATERAL (VALUES
        ('submitted', CASE WHEN g.channel = 'counter' THEN 'staff' ELSE 'applicant' END, CASE WHEN g.channel = 'counter' THEN 'demo-staff' ELSE 'applicant' END, 0.0,
          CASE WHEN g.channel = 'counter' THEN g.touch_seconds / 2 ELSE 0 END),
        ('review-started', 'system', 'auto-review', 0.01, 0),
        ('correction-requested', 'staff', 'demo-staff', 0.3, CASE WHEN g.correction THEN 300 ELSE NULL END),
        ('correction-answered', 'applicant', 'applicant', 0.7, CASE WHEN g.correction THEN 0 ELSE NULL END),
        ('decision:approved', CASE WHEN g.auto THEN 'system' ELSE 'staff' END, CASE WHEN g.auto THEN 'auto-review' ELSE 'demo-staff' END, 0.98,
          CASE WHEN g.auto THEN 0 WHEN g.channel = 'counter' THEN g.touch_seconds - g.touch_seconds / 2 ELSE g.touch_seconds END),
        ('closed', 'system', 'auto-review', 1.0, 0)
      ) AS e(activity, actor_type, actor_id, at, touch)
      WHERE e.touch IS NOT NULL`.execute(trx);
    // Counter tickets: one per counter case, issued the waiting time before its service started.
    await sql`
      INSERT INTO counter.ticket (municipality_code, ticket_id, service_day, number, window_code, channel, life_events, status, issued_at, called_at, service_started_at, service_ended_at)
      SELECT ${m.code}, md5(case_id::text || 'ticket')::uuid, to_char(day, 'YYYY-MM-DD'),
        row_number() OVER (PARTITION BY day ORDER BY received_at) + 9000, 'demo', 'walk-in',
        CASE type_code WHEN 'move-within' THEN ARRAY['move-within'] WHEN 'move-out' THEN ARRAY['move-out'] ELSE ARRAY[]::text[] END, 'done',
        received_at - wait_seconds * interval '1 second', received_at - interval '1 minute', received_at, received_at + touch_seconds * interval '1 second'
      FROM demo_gen WHERE channel = 'counter'`.execute(trx);
    // 転入 (no case type: a registry change) as the access log's traces, about one for every eight closed cases.
    await generateMoveInTraces(trx, m.code, { seed: opts.seed, endDay: opts.endDay, days: opts.days, count: Math.max(10, Math.round(m.casesPerYear / 8)) });
    await sql`INSERT INTO insights.profile (municipality_code, population, named_consent) VALUES (${m.code}, ${m.population}, ${m.namedConsent ?? false})
      ON CONFLICT (municipality_code) DO UPDATE SET population = excluded.population, named_consent = excluded.named_consent`.execute(trx);
  });
}

/** What `jichi insights demo` needs of the services. */
interface DemoServices {
  db: Database;
  tenants: { isOnboarded(code: string): Promise<boolean>; onboard(code: string): Promise<unknown> };
  cases: { install(code: string): Promise<unknown> };
  insights: { refresh(opts: { fromDay?: string; codes?: string[] }): Promise<{ municipalities: number; facts: number }> };
}

/** Onboards the demo municipalities (when needed), generates their year of activity and refreshes the insights. */
export async function runInsightsDemo(services: DemoServices, opts: { endDay: string; days?: number; seed?: string; municipalities?: DemoMunicipality[]; onProgress?: (done: number, total: number) => void }) {
  const seed = opts.seed ?? 'jichi-demo';
  const days = opts.days ?? 365;
  const list = opts.municipalities ?? pickDemoMunicipalities({ seed });
  let done = 0;
  for (const m of list) {
    if (!(await services.tenants.isOnboarded(m.code))) await services.tenants.onboard(m.code);
    await services.cases.install(m.code);
    await generateMunicipalityActivity(services.db, m, { seed, endDay: opts.endDay, days });
    opts.onProgress?.(++done, list.length);
  }
  const from = new Date(Date.parse(`${opts.endDay}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 8) + '01';
  const refreshed = await services.insights.refresh({ fromDay: from });
  return { cases: list.reduce((a, m) => a + m.casesPerYear, 0), ...refreshed };
}
