// EUC (issue #13, spec §10.1): staff with registry:euc pick standard items and conditions, preview the count, save the
// extraction (parameters kept) and run it into a CSV; protected persons (DV等支援措置, 抽出 suppressions) are excluded
// with a count alert; 個人番号 and restricted items only for roles allowed to see them; every extracted person is
// access-logged; refusals with codes and nothing written.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { ChangeInput } from '../registry.schema.ts';
import { japanToday } from '../registry.service.ts';

const M = '202151';

describe('registry EUC', () => {
  const t = useTestApp();
  let reviewer: Client, approver: Client, counter: Client;
  let today: string;
  let townCode: string;
  let townName: string;
  const ids: Record<string, string> = {};
  const record = (o: Record<string, unknown>) => t.services.registry.recordFinalAsSystem(M, ChangeInput.parse({ expectedVersions: {}, ...o }));
  const moveIn = async (on: string, persons: unknown[], town: string, banchi: string) =>
    (await record({ kind: 'move-in', occurredOn: on, previousAddress: '東京都新宿区', address: { townName: town, banchi }, persons })).plan.snapshots;
  const logCount = async (action: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action = ${action}`.execute(t.services.db.owner)).rows[0]!.n;
  const queries = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.euc_query`.execute(t.services.db.owner)).rows[0]!.n;
  const conditions = () => ({ townCodes: [townCode] });

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    reviewer = await t.login(M, (await t.staff(M, ['reviewer'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    const towns = (await (await counter.request('GET', '/api/v1/registry-towns')).json()) as { items: Array<{ code: string; name: string }> };
    const town = towns.items.find((x) => x.name !== '大字広丘野村' && x.name.startsWith('大字'))!;
    townCode = town.code;
    townName = town.name;
    const a = await moveIn(addDays(today, -60), [newPerson(901, '世帯主', '1950-05-05', { familyName: '抽出', givenName: '一郎', sex: 'male' }),
      newPerson(902, '妻', '1955-06-06', { familyName: '抽出', givenName: '花子', sex: 'female' })], townName, '1番地');
    const b = await moveIn(addDays(today, -10), [newPerson(903, '世帯主', '2000-01-01', { familyName: '抽出', givenName: '次郎', sex: 'male' })], townName, '2番地');
    const c = await moveIn(addDays(today, -10), [newPerson(904, '世帯主', '1990-01-01', { familyName: '保護', givenName: '秘子', sex: 'female' })], townName, '3番地');
    const d = await moveIn(addDays(today, -10), [newPerson(905, '世帯主', '1991-01-01', { familyName: '抑止', givenName: '三郎', sex: 'male' })], townName, '4番地');
    const e = await moveIn(addDays(today, -10), [newPerson(906, '世帯主', '1992-01-01', { familyName: '警告', givenName: '四郎', sex: 'male' })], townName, '5番地');
    Object.assign(ids, { ichiro: a[0]!.personId, hanako: a[1]!.personId, jiro: b[0]!.personId, protected: c[0]!.personId, blocked: d[0]!.personId, alerted: e[0]!.personId });
    expect((await approver.request('POST', '/api/v1/support-measures', { personId: ids.protected, kind: 'dv', requestingBody: '塩尻警察署' })).status).toBe(201);
    expect((await approver.request('POST', '/api/v1/suppressions', { subjectType: 'person', subjectId: ids.blocked, operations: ['export'], level: 'error', reason: '本人からの申出' })).status).toBe(201);
    expect((await approver.request('POST', '/api/v1/suppressions', { subjectType: 'person', subjectId: ids.alerted, operations: ['export'], level: 'alert', reason: '本人からの申出' })).status).toBe(201);
  });

  it('previews the count by 町字, age, sex, 日本人/外国人 and 異動日, excluding protected persons with a count alert', async () => {
    const preview = async (c: Record<string, unknown>) => {
      const res = await reviewer.request('POST', '/api/v1/registry-euc/previews', { conditions: c });
      expect(res.status).toBe(200);
      return (await res.json()) as { count: number; excluded: number; alerts: Array<{ code: string; message: string }> };
    };
    const all = await preview(conditions());
    expect(all.count).toBe(4); // 一郎, 花子, 次郎, 警告 (protected and blocked excluded)
    expect(all.excluded).toBe(2);
    expect(all.alerts.map((a) => a.code)).toEqual(['support-measure-excluded', 'suppression-excluded', 'suppression-alert']);
    expect(all.alerts[0]!.message).toBe('DV等支援措置の対象者1人を抽出の対象から除きました');
    expect((await preview({ ...conditions(), sex: 'female' })).count).toBe(1); // 花子 (保護 excluded)
    expect((await preview({ ...conditions(), ageFrom: 60 })).count).toBe(2);
    expect((await preview({ ...conditions(), ageTo: 30 })).count).toBe(1);
    expect((await preview({ ...conditions(), residentKind: 'foreign' })).count).toBe(0);
    expect((await preview({ ...conditions(), changedFrom: addDays(today, -20), changedTo: today })).count).toBe(2); // 次郎, 警告
    expect((await preview({ ...conditions(), state: 'removed' })).count).toBe(0);
  });

  it('saves an extraction with its parameters, runs it into a UTF-8 CSV with BOM, logs each extracted person, and runs it again later', async () => {
    const saved = await reviewer.request('POST', '/api/v1/registry-euc/queries', { title: '高齢者世帯の確認', purpose: '敬老事業の対象者確認', items: ['氏', '名', '生年月日', '住民状態', '世帯主氏名'], conditions: { ...conditions(), ageFrom: 60 } });
    expect(saved.status).toBe(201);
    const q = (await saved.json()) as { queryId: string; parameters: { items: string[]; conditions: Record<string, unknown> } };
    expect(q.parameters).toEqual({ items: ['住民状態', '氏', '名', '生年月日', '世帯主氏名'], conditions: { townCodes: [townCode], ageFrom: 60 } });
    const before = await logCount('registry.euc.extract');
    const run = await reviewer.request('POST', `/api/v1/registry-euc/queries/${q.queryId}/runs`);
    expect(run.status).toBe(200);
    expect(run.headers.get('x-euc-count')).toBe('2');
    const bytes = Buffer.from(await run.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toEqual(['住民状態,氏,名,生年月日,世帯主氏名', '住民,抽出,一郎,1950-05-05,抽出　一郎', '住民,抽出,花子,1955-06-06,抽出　一郎']);
    expect(await logCount('registry.euc.extract')).toBe(before + 2);
    const logged = (await sql<{ subjectId: string; purpose: string; actorType: string }>`SELECT subject_id, purpose, actor_type FROM audit.access_log WHERE action = 'registry.euc.extract' ORDER BY seq DESC LIMIT 2`.execute(t.services.db.owner)).rows;
    expect(logged.map((r) => r.subjectId).sort()).toEqual([ids.ichiro, ids.hanako].sort());
    expect(logged.every((r) => r.purpose === '敬老事業の対象者確認' && r.actorType === 'staff')).toBe(true);
    // A later run reads the registry as it is then, with the same parameters.
    await moveIn(today, [newPerson(907, '世帯主', '1940-02-02', { familyName: '抽出', givenName: '五郎', sex: 'male' })], townName, '6番地');
    const again = await approver.request('POST', `/api/v1/registry-euc/queries/${q.queryId}/runs`);
    expect(again.headers.get('x-euc-count')).toBe('3');
    const list = (await (await reviewer.request('GET', '/api/v1/registry-euc/queries')).json()) as { items: Array<{ queryId: string; runs: number; lastCount: number; lastExcluded: number }> };
    expect(list.items.find((x) => x.queryId === q.queryId)).toMatchObject({ runs: 2, lastCount: 3, lastExcluded: 0 });
  });

  it('offers 個人番号 and restricted items only to roles allowed to see them; the approver extracts 個人番号, marked in the log', async () => {
    const reviewerItems = ((await (await reviewer.request('GET', '/api/v1/registry-euc/items')).json()) as { items: string[] }).items;
    expect(reviewerItems).not.toContain('個人番号');
    expect(reviewerItems).toContain('住民票コード');
    const approverItems = ((await (await approver.request('GET', '/api/v1/registry-euc/items')).json()) as { items: string[] }).items;
    expect(approverItems).toContain('個人番号');
    const n = await queries();
    const denied = await reviewer.request('POST', '/api/v1/registry-euc/queries', { title: '番号', purpose: '確認', items: ['氏', '個人番号'], conditions: conditions() });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { code: string }).code).toBe('euc-item-not-allowed');
    expect(await queries()).toBe(n);
    const saved = (await (await approver.request('POST', '/api/v1/registry-euc/queries', { title: '番号', purpose: '番号確認', items: ['氏', '名', '個人番号'], conditions: { ...conditions(), ageTo: 30 } })).json()) as { queryId: string };
    const run = await approver.request('POST', `/api/v1/registry-euc/queries/${saved.queryId}/runs`);
    const lines = (await run.text()).replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines[1]).toMatch(/^抽出,次郎,\d{12}$/);
    const entry = (await sql<{ myNumberAccessed: boolean }>`SELECT my_number_accessed FROM audit.access_log WHERE action = 'registry.euc.extract' AND subject_id = ${ids.jiro} ORDER BY seq DESC LIMIT 1`.execute(t.services.db.owner)).rows[0]!;
    expect(entry.myNumberAccessed).toBe(true);
    // A reviewer may not run the approver's extraction of 個人番号 either.
    expect((await reviewer.request('POST', `/api/v1/registry-euc/queries/${saved.queryId}/runs`)).status).toBe(403);
  });

  it('refuses counter clerks, bad items, conditions and missing purpose with codes, and writes nothing', async () => {
    const n = await queries();
    const body = { title: 't', purpose: 'p', items: ['氏'], conditions: conditions() };
    expect((await counter.request('POST', '/api/v1/registry-euc/queries', body)).status).toBe(403);
    expect((await counter.request('POST', '/api/v1/registry-euc/previews', { conditions: {} })).status).toBe(403);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...body, items: ['趣味'] }, 400, 'invalid-params'],
      [{ ...body, items: [] }, 400, 'invalid-params'],
      [{ ...body, conditions: { ageFrom: 50, ageTo: 20 } }, 422, 'euc-age-range-invalid'],
      [{ ...body, conditions: { changedFrom: '令和7年5月1日', changedTo: '令和7年4月1日' } }, 422, 'euc-period-invalid'],
      [{ ...body, conditions: { changedFrom: '2025-02-30' } }, 400, 'invalid-params'],
      [{ ...body, purpose: '  ' }, 422, 'euc-purpose-required'],
    ];
    for (const [b, status, code] of cases) {
      const res = await reviewer.request('POST', '/api/v1/registry-euc/queries', b);
      expect(res.status, JSON.stringify(b)).toBe(status);
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
    expect((await reviewer.request('POST', '/api/v1/registry-euc/queries/00000000-0000-4000-8000-000000000000/runs')).status).toBe(404);
    expect(await queries()).toBe(n);
  });
});
