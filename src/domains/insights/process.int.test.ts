// Process mining (issue #12) on both databases: traces materialised from the case event log and from the registry's
// access log (a real 転入 entered, approved and read through the API), the process map of 転入, the XES export
// (access-logged), refusals, isolation between municipalities, and the console page (an SVG, words not codes).
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { addDays, japanDay } from '../../platform/dates/jp-date.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { pickDemoMunicipalities, runInsightsDemo } from './index.ts';

const M = '202151';
const OTHER = '202011';
const actor = (m: string, staffId = '00000000-0000-4000-8000-000000000001'): Actor => ({
  type: 'staff', municipalityCode: m, staffId, loginId: 'bunseki', displayName: '分析 四郎', roles: ['analyst'],
  csrfToken: '', sessionTokenHash: '', authMethod: 'password',
});
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ctx = { clientIp: '127.0.0.1', requestId: 'test' };

describe('process mining', () => {
  const t = useTestApp();
  let clerk: Client;
  let approver: Client;
  let entered: { changeId: string; personIds: string[] };
  let today: string;

  beforeAll(async () => {
    today = japanDay(t.services.clock.now());
    // A year of demo cases for 塩尻市 (and one other city), then a real 転入 through the registry's API.
    const list = pickDemoMunicipalities({ seed: 'pm', count: 22, casesPerThousand: 1, maxCases: 80 }).filter((m) => m.code === M || m.code === OTHER);
    if (!list.some((m) => m.code === OTHER)) list.push({ code: OTHER, population: 240_000, casesPerYear: 40 });
    await runInsightsDemo(t.services, { endDay: today, days: 90, seed: 'pm', municipalities: list });
    clerk = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    const res = await clerk.request('POST', '/api/v1/changes', {
      kind: 'move-in', occurredOn: addDays(today, -2), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '7番地' },
      persons: [newPerson(71, '世帯主', '1980-04-01'), newPerson(72, '妻', '1982-08-08')],
    });
    expect(res.status).toBe(201);
    entered = (await res.json()) as typeof entered;
    expect((await approver.request('POST', `/api/v1/changes/${entered.changeId}/approvals`)).status).toBe(201);
    expect((await clerk.request('GET', `/api/v1/persons/${entered.personIds[0]}`)).status).toBe(200);
    await t.services.insights.refresh({ fromDay: addDays(today, -100) });
  }, 180_000);

  it('materialises one access-log trace per person record of the 転入, with the operations in order and no personal identifiers', async () => {
    const rows = await withTenant(t.services.db, M, (trx) => trx.selectFrom('insights.trace').selectAll()
      .where('source', '=', 'access-log').where('procedure', '=', 'move-in').where('traceId', 'not like', 'demo-%').execute());
    expect(rows).toHaveLength(2);
    const byLength = [...rows].sort((a, b) => b.activities.length - a.activities.length);
    expect(byLength[0]!.activities).toEqual(['registry.change.record', 'registry.change.approve', 'registry.person.read']);
    expect(byLength[1]!.activities).toEqual(['registry.change.record', 'registry.change.approve']);
    for (const r of rows) {
      expect(r.traceId).not.toMatch(UUID);
      expect(entered.personIds.some((p) => r.traceId.includes(p))).toBe(false);
      expect(r.resources.every((x) => x !== entered.personIds[0])).toBe(true);
      expect(r.occurredAt.map((d) => new Date(d).getTime())).toEqual([...r.occurredAt.map((d) => new Date(d).getTime())].sort((a, b) => a - b));
    }
    // Repeating the refresh writes the same traces, not more.
    await t.services.insights.refresh({ fromDay: addDays(today, -100) });
    const again = await withTenant(t.services.db, M, (trx) => trx.selectFrom('insights.trace').select('traceId').where('source', '=', 'access-log').where('traceId', 'not like', 'demo-%').execute());
    expect(again.map((r) => r.traceId).sort()).toEqual(rows.map((r) => r.traceId).sort());
  });

  it('draws the process map of 転入 (demo and real traces) with variants, waiting per edge and bottlenecks', async () => {
    const { map, query } = await t.services.insightsProcess.processMap(actor(M), { source: 'access-log', procedure: 'move-in' });
    expect(query.to).toBe(today.slice(0, 7));
    const demo = await withTenant(t.services.db, M, async (trx) => (await trx.selectFrom('insights.trace').select('traceId').where('source', '=', 'access-log')
      .where('month', '>=', query.from).execute()).length);
    expect(map.traces).toBe(demo);
    const entry = map.edges.find((e) => e.from === 'registry.change.record' && e.to === 'registry.provisional.read')!;
    expect(entry.count).toBeGreaterThan(0);
    expect(entry.medianWaitSeconds).toBeGreaterThan(0);
    expect(map.edges.find((e) => e.from === 'registry.change.record' && e.to === 'registry.change.approve')!.count).toBe(2);
    expect(map.variants.reduce((a, v) => a + v.count, 0)).toBeLessThanOrEqual(map.traces);
    expect(map.variants[0]!.count).toBeGreaterThanOrEqual(map.variants.at(-1)!.count);
    expect(map.bottlenecks.length).toBeGreaterThan(0);
  });

  it('mines the case event log per procedure: one trace per case, every case starting with its submission', async () => {
    const procs = await t.services.insightsProcess.procedures(actor(M));
    const cases = procs.find((p) => p.source === 'cases' && p.procedure === 'residence-certificate')!;
    expect(cases.title?.ja).toBe('住民票の写し等の交付請求');
    const { map } = await t.services.insightsProcess.processMap(actor(M), { source: 'cases', procedure: 'residence-certificate' });
    expect(map.traces).toBe(cases.traces);
    expect(map.edges.find((e) => e.from === '__start__')).toMatchObject({ to: 'submitted', count: map.traces });
    const closed = await withTenant(t.services.db, M, async (trx) => (await trx.selectFrom('cases.case as c').innerJoin('cases.caseType as ct', (j) => j.onRef('ct.caseTypeId', '=', 'c.caseTypeId').onRef('ct.municipalityCode', '=', 'c.municipalityCode'))
      .select('c.caseId').where('ct.code', '=', 'residence-certificate').execute()).length);
    expect(map.traces).toBeLessThanOrEqual(closed);
  });

  it('exports XES with one trace per record and logs the export; refuses a bad query without logging', async () => {
    const a = actor(M, (await t.staff(M, ['analyst'])).staffId);
    const count = async () => withTenant(t.services.db, M, async (trx) => (await trx.selectFrom('audit.accessLog').select('seq').where('action', '=', 'insights.process.export').execute()).length);
    const before = await count();
    const xes = await t.services.insightsProcess.xes(a, { source: 'access-log', procedure: 'move-in' }, ctx);
    const { map } = await t.services.insightsProcess.processMap(a, { source: 'access-log', procedure: 'move-in' });
    expect(xes.match(/<trace>/g)).toHaveLength(map.traces);
    expect(xes.match(/<event>/g)).toHaveLength(map.events);
    expect(await count()).toBe(before + 1);
    for (const bad of [{ source: 'access-log', procedure: 'move-in', from: '2026-13' }, { source: 'elsewhere', procedure: 'move-in' }, { source: 'cases', procedure: "x'; DROP" },
      { source: 'cases', procedure: 'move-in', from: '2026-05', to: '2026-01' }]) {
      await expect(t.services.insightsProcess.xes(a, bad as never, ctx)).rejects.toMatchObject({ code: 'invalid-process-query', status: 400 });
    }
    expect(await count()).toBe(before + 1);
    await expect(t.services.insightsProcess.processMap({ ...a, roles: ['counter'] }, { source: 'cases', procedure: 'move-in' })).rejects.toMatchObject({ status: 403 });
  });

  it('counts the counter visits filed per month with the median from reception to filing (second counter source)', async () => {
    const { staffId } = await t.staff(M, ['counter']);
    // A day of a month with counter tickets (the demo's counter cases are few).
    const month = (await t.services.insights.dashboard(actor(M))).counter[0]!.month;
    const day = `${month}-02`;
    const at = (min: number) => new Date(Date.parse(`${day}T10:00:00+09:00`) + min * 60_000);
    for (const [i, minutes] of [[1, 20], [2, 40], [3, 0]] as const) {
      await sql`INSERT INTO counter.visit (municipality_code, visit_id, visit_no, service_day, staff_id, life_events, status, interview, rule_version, filed_at, created_at)
        VALUES (${M}, gen_random_uuid(), ${`${day.slice(0, 4)}-90000${i}`}, ${day}, ${staffId}, ARRAY['move-in'], ${minutes ? 'filed' : 'interview'}, '{}'::jsonb, 'test',
          ${minutes ? at(minutes) : null}, ${at(0)})`.execute(t.services.db.owner);
    }
    await t.services.insights.refresh({ fromDay: day });
    const d = await t.services.insights.dashboard(actor(M));
    const row = d.counter.find((r) => r.month === day.slice(0, 7))!;
    expect(row.tickets).toBeGreaterThan(0);
    expect(row).toMatchObject({ visits: 2, visitMedianMinutes: 30 });
  });

  it('keeps each municipality to its own traces', async () => {
    const other = await withTenant(t.services.db, M, (trx) => trx.selectFrom('insights.trace').select('municipalityCode').distinct().execute());
    expect(other.map((r) => r.municipalityCode)).toEqual([M]);
    const theirs = await t.services.insightsProcess.processMap(actor(OTHER), { source: 'access-log', procedure: 'move-in' });
    const mine = await withTenant(t.services.db, OTHER, async (trx) => (await trx.selectFrom('insights.trace').select('traceId').where('source', '=', 'access-log').execute()).length);
    expect(theirs.map.traces).toBe(mine);
    expect(theirs.map.edges.find((e) => e.from === 'registry.change.record' && e.to === 'registry.change.approve')?.count ?? 0).toBe(0);
  });

  it('shows the process map of 転入 in the console as an SVG, in words, with the downloads', async () => {
    const { loginId } = await t.staff(M, ['analyst']);
    const login = await t.app.request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ municipalityCode: M, loginId, password: TEST_PASSWORD }).toString() });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const res = await t.app.request('/console/insights/process', { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h2 class="text-std-24B-150 mt-8">転入（住基システムの操作記録（個人票ごと））</h2>');
    expect(html).toMatch(/<svg[^>]*role="img" aria-label="転入のプロセスマップ"/);
    expect(html).toContain('本登録（決裁）');
    expect(html).not.toMatch(UUID);
    expect(html).not.toMatch(/>registry\.|>certificates\.|__start__|<style|style="/);
    const xes = await t.app.request('/console/insights/process.xes?source=access-log&procedure=move-in', { headers: { cookie } });
    expect(xes.status).toBe(200);
    expect(xes.headers.get('content-type')).toContain('application/xml');
    expect(await xes.text()).toContain('value="本登録（決裁）"');
    const ocel = await t.app.request('/console/insights/process.ocel.json', { headers: { cookie } });
    expect(ocel.status).toBe(200);
    expect(((await ocel.json()) as { events: unknown[] }).events.length).toBeGreaterThan(0);
    const bad = await t.app.request('/console/insights/process?p=cases|move-in&from=2026-09&to=2026-01', { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('手続と期間を正しく選んでください');
    const badXes = await t.app.request('/console/insights/process.xes?source=nowhere&procedure=x', { headers: { cookie } });
    expect(badXes.status).toBe(400);
    const counter = await t.app.request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ municipalityCode: M, loginId: (await t.staff(M, ['counter'])).loginId, password: TEST_PASSWORD }).toString() });
    const counterCookie = (counter.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await t.app.request('/console/insights/process', { headers: { cookie: counterCookie } })).status).toBe(403);
  });
});
