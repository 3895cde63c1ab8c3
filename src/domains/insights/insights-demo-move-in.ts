// SPDX-License-Identifier: EUPL-1.2
/**
 * Demo 転入 traces for the process map (issue #12), deterministic by seed: what the refresh materialises from the
 * registry's access log for a 転入 (one trace per person record: 仮登録 → 確認 → 本登録 → 照会 → 交付, with 差戻し and
 * 再入力, history look-ups and next-day approvals as variants). The demo municipalities have no registry behind them,
 * so these traces are written directly into insights.trace (trace ids start with 'demo-'; a real registry's traces
 * come from its access log). No personal data: activities, times and demo staff labels.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

/** A deterministic uniform number in [0, 1) from a text key (FNV-1a). */
function unit(key: string): number {
  let h = 2166136261;
  for (const ch of key) { h ^= ch.codePointAt(0)!; h = Math.imul(h, 16777619) >>> 0; }
  return h / 4294967296;
}

const MIN = 60_000;

/** The events of one demo 転入 trace starting at `start` (ms). */
export function demoMoveInTrace(seed: string, start: number, speed: number): { activities: string[]; times: number[]; resources: string[] } {
  const r = (salt: string) => unit(`${seed}|${salt}`);
  const activities: string[] = [];
  const times: number[] = [];
  const resources: string[] = [];
  let t = start;
  const clerk = `demo-staff-${1 + Math.floor(r('clerk') * 4)}`;
  const chief = `demo-chief-${1 + Math.floor(r('chief') * 2)}`;
  const add = (a: string, minutes: number, who: string) => { t += Math.round(minutes * MIN); activities.push(a); times.push(t); resources.push(who); };
  add('registry.change.record', 0, clerk);
  add('registry.provisional.read', (2 + 18 * r('check')) * speed, chief);
  if (r('return') < 0.12) {
    add('registry.change.return', 3 + 20 * r('ret'), chief);
    add('registry.change.resubmit', (10 + 50 * r('resub')) * speed, clerk);
    add('registry.provisional.read', 3 + 15 * r('check2'), chief);
  }
  if (r('history') < 0.2) add('registry.person.history.read', 2 + 8 * r('hist'), chief);
  // Most are approved while the resident waits; some the next morning (busy days).
  add('registry.change.approve', r('nextday') < 0.1 ? 17 * 60 + 120 * r('late') : (5 + 60 * r('approve')) * speed, chief);
  add('registry.person.read', 1 + 9 * r('read'), clerk);
  if (r('certificate') < 0.45) {
    add('certificates.preview', 2 + 6 * r('prev'), clerk);
    add('certificates.issue', 1 + 4 * r('issue'), clerk);
  }
  return { activities, times, resources };
}

/** Replaces the municipality's demo 転入 traces: `count` over `days` days ending `endDay` (office hours, weekdays). */
export async function generateMoveInTraces(trx: TenantTx, m: string, opts: { seed: string; endDay: string; days: number; count: number }) {
  await sql`DELETE FROM insights.trace WHERE municipality_code = ${m} AND source = 'access-log' AND trace_id LIKE 'demo-%'`.execute(trx);
  const speed = 0.6 + 0.8 * unit(`${opts.seed}|${m}|speed`);
  const end = Date.parse(`${opts.endDay}T00:00:00+09:00`);
  const rows = [];
  for (let i = 0; i < opts.count; i++) {
    const key = `${opts.seed}|${m}|move-in|${i}`;
    let day = end - Math.floor(unit(`${key}|day`) * opts.days + 1) * 86_400_000;
    const dow = new Date(day + 9 * 3600_000).getUTCDay();
    if (dow === 0) day += 86_400_000; else if (dow === 6) day += 2 * 86_400_000;
    const start = day + Math.round((8.75 + unit(`${key}|hour`) * 7.5) * 3600_000);
    const t = demoMoveInTrace(key, start, speed);
    const month = new Date(t.times[0]! + 9 * 3600_000).toISOString().slice(0, 7);
    rows.push({ municipalityCode: m, source: 'access-log', procedure: 'move-in', traceId: `demo-${i}`, month, startedAt: new Date(t.times[0]!), endedAt: new Date(t.times.at(-1)!),
      activities: t.activities, occurredAt: t.times.map((x) => new Date(x)), resources: t.resources });
  }
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('insights.trace').values(rows.slice(i, i + 500)).execute();
  return rows.length;
}
