// 他業務の資格 (issue #13, spec §7.2.2): business systems registered as 連携先 post a resident's current eligibility by
// 宛名番号 within their eligibility scopes; the latest as-of wins, every report is kept, a repeat is not written again;
// refusals have codes and write nothing; staff read the latest of each kind, access-logged.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { japanToday } from '../registry.service.ts';

const M = '202151';
type View = { kind: string; label: string; eligible: boolean; acquiredOn: string | null; lostOn: string | null; asOf: string; reportedBy: string };

describe('他業務の資格 (eligibility reported by other systems)', () => {
  const t = useTestApp();
  let clerk: Client;
  let approver: Client;
  let admin: Client;
  let today: string;
  const tokens: Record<string, string> = {};
  let person = { personId: '', atenaNo: '' };

  const report = (token: string, body: unknown) => t.app.request('/api/v1/registry-feed/eligibility', {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.eligibility_report`.execute(t.services.db.owner)).rows[0]!.n;
  const addConsumer = async (name: string, scopes: string[]) => {
    const res = await admin.request('POST', '/api/v1/registry-feed/consumers', { name, purpose: `${name} の資格管理`, scopes });
    expect(res.status, await res.clone().text()).toBe(201);
    tokens[name] = ((await res.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    clerk = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    await addConsumer('kokuho', ['eligibility-kokuho', 'eligibility-kouki']);
    await addConsumer('senkyo', ['eligibility-election']);
    await addConsumer('card', ['eligibility-mynumber-card']);
    const res = await clerk.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -3), previousAddress: '東京都新宿区西新宿2-8-1',
      address: { townName: '大字広丘野村', banchi: '888番地' }, persons: [newPerson(8801, '世帯主', '1955-06-01')] });
    const body = (await res.json()) as { changeId: string; personIds: string[] };
    expect((await approver.request('POST', `/api/v1/changes/${body.changeId}/approvals`)).status).toBe(201);
    const p = (await (await clerk.request('GET', `/api/v1/persons/${body.personIds[0]}`)).json()) as { personId: string; atenaNo: string };
    person = { personId: body.personIds[0]!, atenaNo: p.atenaNo };
    expect(person.atenaNo).toMatch(/^\d+$/);
  });

  it('records reports within the consumer\'s scopes; the latest as-of wins whatever the order, history kept, a repeat not written again', async () => {
    const n0 = await count();
    const base = { atenaNo: person.atenaNo, kind: 'kokuho' };
    const first = await report(tokens.kokuho!, { ...base, eligible: true, acquiredOn: addDays(today, -3), asOf: new Date(Date.now() - 3600_000).toISOString() });
    expect(first.status, await first.clone().text()).toBe(201);
    // Lost later (as of now), then a stale report (as of yesterday) arrives late: the latest stays the loss.
    const lost = { ...base, eligible: false, acquiredOn: addDays(today, -3), lostOn: today, asOf: new Date(Date.now() - 60_000).toISOString() };
    expect((await report(tokens.kokuho!, lost)).status).toBe(201);
    expect((await report(tokens.kokuho!, { ...base, eligible: true, acquiredOn: addDays(today, -3), asOf: new Date(Date.now() - 86400_000).toISOString() })).status).toBe(201);
    const again = await report(tokens.kokuho!, lost);
    expect(again.status).toBe(200);
    expect(await count()).toBe(n0 + 3);
    expect((await report(tokens.senkyo!, { atenaNo: person.atenaNo, kind: 'election', eligible: true, acquiredOn: addDays(today, -1), asOf: new Date().toISOString() })).status).toBe(201);
    expect((await report(tokens.card!, { atenaNo: person.atenaNo, kind: 'mynumber-card', eligible: true, acquiredOn: addDays(today, -2), asOf: new Date().toISOString() })).status).toBe(201);

    const res = await clerk.request('GET', `/api/v1/persons/${person.personId}/eligibility`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { latest: View[]; history: View[] };
    expect(body.latest.map((v) => [v.kind, v.eligible, v.lostOn, v.reportedBy])).toEqual([
      ['election', true, null, 'senkyo'], ['kokuho', false, today, 'kokuho'], ['mynumber-card', true, null, 'card']]);
    expect(body.latest[1]!.label).toBe('国民健康保険');
    expect(body.history.filter((v) => v.kind === 'kokuho')).toHaveLength(3);
    const log = await sql<{ action: string; n: number }>`SELECT action, count(*)::int AS n FROM audit.access_log WHERE subject_id = ${person.personId}
      AND action IN ('registry.eligibility.report', 'registry.eligibility.read') GROUP BY action ORDER BY action`.execute(t.services.db.owner);
    expect(log.rows).toEqual([{ action: 'registry.eligibility.read', n: 1 }, { action: 'registry.eligibility.report', n: 5 }]);
    // History is append-only for the application role.
    await expect(sql`SET LOCAL ROLE jichi_app; UPDATE registry.eligibility_report SET eligible = true`.execute(t.services.db.owner)).rejects.toThrow();
  });

  it('refuses a kind outside the scope, an unknown 宛名番号, future dates, inconsistent dates, a conflicting repeat and a bad token, writing nothing', async () => {
    const n0 = await count();
    const now = new Date().toISOString();
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      [tokens.senkyo!, { atenaNo: person.atenaNo, kind: 'kokuho', eligible: true, acquiredOn: today, asOf: now }, 403, 'eligibility-kind-out-of-scope'],
      [tokens.kokuho!, { atenaNo: '999999999', kind: 'kokuho', eligible: true, acquiredOn: today, asOf: now }, 404, 'eligibility-person-unknown'],
      [tokens.kokuho!, { atenaNo: person.atenaNo, kind: 'kokuho', eligible: true, acquiredOn: addDays(today, 2), asOf: now }, 422, 'eligibility-date-in-future'],
      [tokens.kokuho!, { atenaNo: person.atenaNo, kind: 'kokuho', eligible: true, acquiredOn: today, asOf: new Date(Date.now() + 86400_000).toISOString() }, 422, 'eligibility-date-in-future'],
      [tokens.kokuho!, { atenaNo: person.atenaNo, kind: 'kouki', eligible: true, asOf: now }, 422, 'eligibility-dates-invalid'],
      [tokens.kokuho!, { atenaNo: person.atenaNo, kind: 'kouki', eligible: false, acquiredOn: today, lostOn: addDays(today, -5), asOf: now }, 422, 'eligibility-dates-invalid'],
      [tokens.kokuho!, { atenaNo: person.atenaNo, kind: 'kouki', eligible: true, acquiredOn: '2025-02-30', asOf: now }, 400, ''],
      ['jfc_202151_' + 'x'.repeat(43), { atenaNo: person.atenaNo, kind: 'kokuho', eligible: true, acquiredOn: today, asOf: now }, 401, 'feed-consumer-unauthenticated'],
    ];
    for (const [token, body, status, code] of cases) {
      const res = await report(token, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (code) expect(((await res.json()) as { code: string }).code).toBe(code);
    }
    const asOf = new Date(Date.now() - 5000).toISOString();
    expect((await report(tokens.kokuho!, { atenaNo: person.atenaNo, kind: 'kouki', eligible: true, acquiredOn: today, asOf })).status).toBe(201);
    const conflict = await report(tokens.kokuho!, { atenaNo: person.atenaNo, kind: 'kouki', eligible: false, asOf });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { code: string }).code).toBe('eligibility-conflict');
    expect(await count()).toBe(n0 + 1);
    // Staff without registry:read cannot read; an unknown person is 404.
    expect((await admin.request('GET', `/api/v1/persons/${person.personId}/eligibility`)).status).toBe(403);
    expect((await clerk.request('GET', '/api/v1/persons/00000000-0000-4000-8000-000000000000/eligibility')).status).toBe(404);
  });

  it('lets only ordinary systems hold eligibility scopes', async () => {
    const res = await admin.request('POST', '/api/v1/registry-feed/consumers', { name: 'atena-x', kind: '団体内統合宛名', purpose: 'x', scopes: ['eligibility-kokuho'] });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { code: string }).code).toBe('feed-consumer-invalid');
  });
});
