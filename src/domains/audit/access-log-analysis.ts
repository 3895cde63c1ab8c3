// SPDX-License-Identifier: EUPL-1.2
/**
 * Analysis output of the access log (標準仕様書 §10.2: night/holiday access, logins per ID, failures, mass reads):
 * per operator × operation over a period, the entries, the distinct persons touched, the entries outside office hours
 * (before 8:00 or from 19:00 Japan time, or on a Saturday or Sunday) and the refused ones, with flags for after-hours
 * work and many-persons reads. Read-only SQL over audit.access_log in the tenant transaction (PostgreSQL and PGlite).
 */
import { sql } from 'kysely';
import { csvText } from '../../platform/csv/csv-cell.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

/** Distinct persons at or above which an operator's operation is flagged as a many-persons read. */
export const MANY_PERSONS = 100;

export interface AnalysisRow {
  actorType: string;
  actorId: string;
  actorName: string;
  action: string;
  entries: number;
  persons: number;
  afterHours: number;
  refused: number;
  /** `after-hours`, `many-persons`, `refused`. */
  flags: string[];
}

/** The analysis of the days [from, to] (Japan calendar days), busiest first. */
export async function analyseAccessLog(trx: TenantTx, from: string, to: string): Promise<AnalysisRow[]> {
  const jst = sql`((l.occurred_at AT TIME ZONE 'UTC') + interval '9 hours')`;
  const rows = (await sql<{ actorType: string; actorId: string; actorName: string | null; action: string; entries: number; persons: number; afterHours: number; refused: number }>`
    SELECT l.actor_type AS "actorType", l.actor_id AS "actorId", max(s.display_name) AS "actorName", l.action,
      count(*)::int AS entries,
      count(DISTINCT CASE WHEN l.subject_type = 'person' THEN l.subject_id END)::int AS persons,
      count(*) FILTER (WHERE extract(isodow FROM ${jst}) >= 6 OR ${jst}::time < time '08:00' OR ${jst}::time >= time '19:00')::int AS "afterHours",
      count(*) FILTER (WHERE l.outcome <> 'ok')::int AS refused
    FROM audit.access_log l
    LEFT JOIN platform.staff s ON s.municipality_code = l.municipality_code AND s.staff_id::text = l.actor_id
    WHERE l.municipality_code = platform.current_municipality()
      AND ${jst} >= ${from}::timestamp AND ${jst} < (${to}::date + 1)::timestamp
    GROUP BY l.actor_type, l.actor_id, l.action
    ORDER BY entries DESC, l.actor_id, l.action`.execute(trx)).rows;
  return rows.map((r) => ({
    ...r, actorName: r.actorName ?? '',
    flags: [...(r.afterHours > 0 ? ['after-hours'] : []), ...(r.persons >= MANY_PERSONS ? ['many-persons'] : []), ...(r.refused > 0 ? ['refused'] : [])],
  }));
}

const FLAG_LABELS: Record<string, string> = { 'after-hours': '時間外', 'many-persons': '大量照会', refused: '拒否あり' };

/** The analysis as CSV (UTF-8 with BOM, text cells guarded against formula injection). */
export function analysisCsv(rows: AnalysisRow[]): string {
  const header = ['操作者種別', '操作者ID', '操作者名', '操作', '件数', '対象者数', '時間外件数', '拒否件数', '注意'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push([csvText(r.actorType), csvText(r.actorId), csvText(r.actorName), csvText(r.action), String(r.entries), String(r.persons), String(r.afterHours), String(r.refused),
      csvText(r.flags.map((f) => FLAG_LABELS[f] ?? f).join('・'))].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
