// Recurring batch work (issue #13, spec §9.1 スケジューラ): the next-run rule of every frequency, a due schedule
// requesting exactly one run per day however often the task ticks, a change of remembered parameters marked, and
// refusals with codes and nothing written.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { japanToday } from '../registry.service.ts';
import { firstRunOn, nextRunAfter } from './batch-schedule.ts';

const M = '202151';

describe('next run day of a batch schedule', () => {
  it('follows each frequency: once, daily, weekly, monthly (day 31 in February and April = last day), month-end, yearly', () => {
    expect(firstRunOn({ every: 'once', on: '2026-12-10' }, '2026-12-04')).toBe('2026-12-10');
    expect(firstRunOn({ every: 'once', on: '2026-12-01' }, '2026-12-04')).toBeUndefined();
    expect(nextRunAfter({ every: 'once', on: '2026-12-10' }, '2026-12-10')).toBeUndefined();
    expect(nextRunAfter({ every: 'daily' }, '2026-12-31')).toBe('2027-01-01');
    expect(firstRunOn({ every: 'daily' }, '2026-12-04')).toBe('2026-12-04');
    // 2026-12-04 is a Friday (5); next Monday (1) is 2026-12-07.
    expect(firstRunOn({ every: 'weekly', weekday: 5 }, '2026-12-04')).toBe('2026-12-04');
    expect(nextRunAfter({ every: 'weekly', weekday: 5 }, '2026-12-04')).toBe('2026-12-11');
    expect(nextRunAfter({ every: 'weekly', weekday: 1 }, '2026-12-04')).toBe('2026-12-07');
    expect(nextRunAfter({ every: 'monthly', day: 15 }, '2026-12-15')).toBe('2027-01-15');
    expect(nextRunAfter({ every: 'monthly', day: 31 }, '2027-01-31')).toBe('2027-02-28');
    expect(nextRunAfter({ every: 'monthly', day: 31 }, '2028-01-31')).toBe('2028-02-29');
    expect(nextRunAfter({ every: 'monthly', day: 31 }, '2027-02-28')).toBe('2027-03-31');
    expect(nextRunAfter({ every: 'monthly', day: 31 }, '2027-03-31')).toBe('2027-04-30');
    expect(nextRunAfter({ every: 'monthly', day: 30 }, '2027-01-30')).toBe('2027-02-28');
    expect(nextRunAfter({ every: 'month-end' }, '2027-01-31')).toBe('2027-02-28');
    expect(nextRunAfter({ every: 'month-end' }, '2027-02-28')).toBe('2027-03-31');
    expect(nextRunAfter({ every: 'month-end' }, '2027-04-01')).toBe('2027-04-30');
    expect(firstRunOn({ every: 'month-end' }, '2026-12-31')).toBe('2026-12-31');
    expect(nextRunAfter({ every: 'yearly', month: 4, day: 1 }, '2026-12-04')).toBe('2027-04-01');
    expect(nextRunAfter({ every: 'yearly', month: 2, day: 29 }, '2026-12-04')).toBe('2027-02-28');
    expect(nextRunAfter({ every: 'yearly', month: 2, day: 29 }, '2027-12-04')).toBe('2028-02-29');
  });
});

describe('registry batch schedules', () => {
  const t = useTestApp();
  let reviewer: Client;
  let counter: Client;
  let today: string;
  type View = { scheduleId: string; nextRunOn: string; active: boolean; lastRunId: string | null; lastRunOn: string | null; parameters: Record<string, unknown>;
    previousParameters: Record<string, unknown> | null; parametersChangedAt: string | null; code?: string; title?: string };
  const post = async (body: unknown, c: Client = reviewer) => {
    const res = await c.request('POST', '/api/v1/registry-batch-schedules', body);
    return { status: res.status, json: (await res.json()) as View };
  };
  const count = async (table: 'batch_schedule' | 'batch_run') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(`registry.${table}`)} WHERE municipality_code = ${M}`.execute(t.services.db.owner)).rows[0]!.n);
  const runsOf = async (scheduleId: string) => (await sql<{ runId: string; status: string; parameters: Record<string, unknown> }>`
    SELECT run_id AS "runId", status, parameters FROM registry.batch_run WHERE municipality_code = ${M} AND parameters->>'scheduleId' = ${scheduleId}`.execute(t.services.db.owner)).rows;
  const makeDue = (scheduleId: string) => sql`UPDATE registry.batch_schedule SET next_run_on = ${addDays(today, -2)} WHERE schedule_id = ${scheduleId}`.execute(t.services.db.owner);
  const list = async () => ((await (await reviewer.request('GET', '/api/v1/registry-batch-schedules')).json()) as { items: View[] }).items;

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    reviewer = await t.login(M, (await t.staff(M, ['reviewer'])).loginId);
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
  });

  it('a due schedule requests exactly one run however often the task ticks (twice, and twice at once), and advances next_run_on', async () => {
    const a = await post({ run: { kind: 'inspection-copy', order: 'kana' }, frequency: { every: 'daily' } });
    expect(a.status, JSON.stringify(a.json)).toBe(201);
    expect(a.json.nextRunOn).toBe(today);
    await makeDue(a.json.scheduleId);
    await t.services.registry.runBatches();
    await t.services.registry.runBatches();
    let runs = await runsOf(a.json.scheduleId);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('done');
    expect(runs[0]!.parameters).toMatchObject({ kind: 'inspection-copy', order: 'kana', asOf: today, scheduleId: a.json.scheduleId });
    let s = (await list()).find((x) => x.scheduleId === a.json.scheduleId)!;
    expect(s.nextRunOn).toBe(addDays(today, 1));
    expect(s.lastRunOn).toBe(today);
    expect(s.lastRunId).toBe(runs[0]!.runId);
    // The run is shown with the others, requested by the scheduler on the staff member's behalf.
    const shown = (await (await reviewer.request('GET', `/api/v1/registry-batch-runs/${runs[0]!.runId}`)).json()) as { requestedByName: string };
    expect(shown.requestedByName).toContain('定期実行');

    // Month-end schedule, due: two concurrent ticks make one run.
    const b = await post({ run: { kind: 'annual-report' }, frequency: { every: 'month-end' } });
    expect(b.status).toBe(201);
    await makeDue(b.json.scheduleId);
    await Promise.all([t.services.registry.runBatches(), t.services.registry.runBatches()]);
    runs = await runsOf(b.json.scheduleId);
    expect(runs).toHaveLength(1);
    s = (await list()).find((x) => x.scheduleId === b.json.scheduleId)!;
    expect(s.nextRunOn).toBe(nextRunAfter({ every: 'month-end' }, today));

    // A one-off runs once and is then inactive.
    const c = await post({ run: { kind: 'removed-purge' }, frequency: { every: 'once', on: today } });
    expect(c.status).toBe(201);
    await t.services.registry.runBatches();
    await t.services.registry.runBatches();
    expect(await runsOf(c.json.scheduleId)).toHaveLength(1);
    expect((await list()).find((x) => x.scheduleId === c.json.scheduleId)!.active).toBe(false);
  });

  it('marks a change of the remembered parameters (when, and the previous ones) and the next run uses the new ones', async () => {
    const a = await post({ run: { kind: 'random-extraction', count: 5 }, frequency: { every: 'monthly', day: 31 } });
    expect(a.status).toBe(201);
    expect(a.json.parametersChangedAt).toBeNull();
    // Only the frequency changed: not a parameter change.
    let res = await reviewer.request('PUT', `/api/v1/registry-batch-schedules/${a.json.scheduleId}`, { frequency: { every: 'weekly', weekday: 1 } });
    let v = (await res.json()) as View;
    expect(res.status).toBe(200);
    expect(v.parametersChangedAt).toBeNull();
    expect(v.nextRunOn).toBe(firstRunOn({ every: 'weekly', weekday: 1 }, today));
    res = await reviewer.request('PUT', `/api/v1/registry-batch-schedules/${a.json.scheduleId}`, { run: { kind: 'random-extraction', count: 10, ageFrom: 18 } });
    v = (await res.json()) as View;
    expect(res.status).toBe(200);
    expect(v.parametersChangedAt).not.toBeNull();
    expect(v.previousParameters).toEqual({ kind: 'random-extraction', count: 5 });
    expect(v.parameters).toEqual({ kind: 'random-extraction', count: 10, ageFrom: 18 });
    await makeDue(a.json.scheduleId);
    await t.services.registry.runBatches();
    const runs = await runsOf(a.json.scheduleId);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.parameters).toMatchObject({ count: 10, ageFrom: 18 });
    expect(typeof runs[0]!.parameters.seed).toBe('string');
  });

  it('refuses bad input with a code and writes nothing; only staff allowed to request runs may schedule', async () => {
    const before = [await count('batch_schedule'), await count('batch_run')];
    const past = await post({ run: { kind: 'annual-report' }, frequency: { every: 'once', on: addDays(today, -1) } });
    expect(past.status).toBe(422);
    expect(past.json.code).toBe('batch-schedule-date-past');
    const period = await post({ run: { kind: 'annual-report', from: addDays(today, -1), to: addDays(today, -10) }, frequency: { every: 'daily' } });
    expect(period.status).toBe(422);
    expect(period.json.code).toBe('batch-period-invalid');
    const future = await post({ run: { kind: 'immigration-report', to: addDays(today, 5) }, frequency: { every: 'daily' } });
    expect(future.json.code).toBe('batch-period-future');
    expect((await post({ run: { kind: 'annual-report' }, frequency: { every: 'monthly', day: 32 } })).status).toBe(400);
    expect((await post({ run: { kind: 'annual-report' }, frequency: { every: 'hourly' } })).status).toBe(400);
    expect((await post({ run: { kind: 'no-such-kind' }, frequency: { every: 'daily' } })).status).toBe(400);
    expect((await post({ run: { kind: 'annual-report' }, frequency: { every: 'daily' } }, counter)).status).toBe(403);
    const a = await post({ run: { kind: 'annual-report' }, frequency: { every: 'daily' } });
    const kind = await reviewer.request('PUT', `/api/v1/registry-batch-schedules/${a.json.scheduleId}`, { run: { kind: 'inspection-copy' } });
    expect(kind.status).toBe(422);
    expect(((await kind.json()) as View).code).toBe('batch-schedule-kind-changed');
    const bad = await reviewer.request('PUT', `/api/v1/registry-batch-schedules/${a.json.scheduleId}`, { run: { kind: 'annual-report', from: addDays(today, -1), to: addDays(today, -9) } });
    expect(((await bad.json()) as View).code).toBe('batch-period-invalid');
    const gone = await reviewer.request('PUT', `/api/v1/registry-batch-schedules/${crypto.randomUUID()}`, { active: false });
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as View).code).toBe('batch-schedule-not-found');
    expect((await list()).find((x) => x.scheduleId === a.json.scheduleId)!.parametersChangedAt).toBeNull();
    expect([await count('batch_schedule'), await count('batch_run')]).toEqual([before[0]! + 1, before[1]]);
  });
});
