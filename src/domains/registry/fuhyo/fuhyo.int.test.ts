// 戸籍附票システムとの連携 (issue #13, spec §7.2.4): the 附票 notice of a person whose 本籍 is in this municipality is written
// for the local 戸籍附票 system in the 本登録 transaction (and still goes to the 住基ネット outbox); a person with a 本籍
// elsewhere gets none. The 戸籍附票 consumer reads them in order, access-logged; its feed is cut to local 本籍 holders.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { japanToday } from '../registry.service.ts';
import { isLocalHonseki } from './local-honseki.ts';

const M = '202151'; // 長野県塩尻市
type Notice = { seq: string; position: number; historyNo: number; items: Record<string, string> };
type Page = { cursor: string; hasMore: boolean; notices: Notice[] };

describe('附票 notices to the local 戸籍附票 system', () => {
  const t = useTestApp();
  let clerk: Client;
  let approver: Client;
  let admin: Client;
  let today: string;
  let serial = 700;
  let fuhyoToken = '';
  let otherToken = '';
  const get = (token: string, p: string) => t.app.request(`/api/v1/registry-feed/${p}`, { headers: { authorization: `Bearer ${token}` } });
  const read = async (cursor: string) => {
    const res = await get(fuhyoToken, `fuhyo-notices?cursor=${cursor}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };
  const cursorNow = async () => (await read('0')).cursor;
  async function moveIn(honsekis: string[], approve = true) {
    const n = serial++;
    const res = await clerk.request('POST', '/api/v1/changes', {
      kind: 'move-in', occurredOn: addDays(today, -1), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: `${n}番地` },
      persons: honsekis.map((h, i) => newPerson(n * 3 + i, i === 0 ? '世帯主' : '子', i === 0 ? '1970-04-01' : '2000-05-05', { honseki: h })),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { changeId: string; personIds: string[]; householdIds: string[] };
    if (approve) expect((await approver.request('POST', `/api/v1/changes/${body.changeId}/approvals`)).status).toBe(201);
    return body;
  }
  const addConsumer = async (name: string, kind: string) => {
    const res = await admin.request('POST', '/api/v1/registry-feed/consumers', { name, kind, purpose: `${name} 附票の記載`, scopes: ['name', 'address', 'domicile'] });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    clerk = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    fuhyoToken = await addConsumer('koseki-fuhyo', '戸籍附票');
    otherToken = await addConsumer('kokuho', 'standard');
  });

  it('tells a local 本籍 from another municipality\'s', () => {
    expect(isLocalHonseki('長野県塩尻市大字広丘野村1番地', M)).toBe(true);
    expect(isLocalHonseki('東京都千代田区千代田1番', M)).toBe(false);
    expect(isLocalHonseki('長野県松本市丸の内3番', M)).toBe(false);
    expect(isLocalHonseki('なし', M)).toBe(false);
    expect(isLocalHonseki(undefined, M)).toBe(false);
  });

  it('writes the 附票 notice of a local 本籍 holder with the 本登録 (not before), none for a 本籍 elsewhere; both still go to the 住基ネット outbox', async () => {
    const start = await cursorNow();
    const h = await moveIn(['長野県塩尻市大字広丘野村1番地', '東京都千代田区千代田1番'], false);
    expect((await read(start)).notices).toEqual([]); // 仮登録: nothing yet
    expect((await approver.request('POST', `/api/v1/changes/${h.changeId}/approvals`)).status).toBe(201);
    const page = await read(start);
    expect(page.notices).toHaveLength(1);
    const [n] = page.notices;
    expect(n!.items).toMatchObject({ 本籍: '長野県塩尻市大字広丘野村1番地', 住所: '大字広丘野村700番地', 異動事由コード: 'A01', 市区町村コード: M });
    expect(n!.items['種別']).toContain('戸籍附票記載事項通知');
    for (const item of ['氏名', '生年月日', '性別', '住民票コード', '住所を定めた年月日', '筆頭者', '異動年月日']) expect(Object.keys(n!.items)).toContain(item);
    const row = await sql<{ person: string; seq: string }>`SELECT person_id::text AS person, feed_seq::text AS seq FROM registry.fuhyo_notice WHERE change_id = ${h.changeId}`.execute(t.services.db.owner);
    expect(row.rows).toEqual([{ person: h.personIds[0], seq: n!.seq }]);
    const cs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.jukinet_message WHERE change_id = ${h.changeId} AND kind = 'annex-notice'`.execute(t.services.db.owner);
    expect(cs.rows[0]!.n).toBe(2);
    // Read access-logged against the person, under the consumer.
    const log = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE actor_id = 'feed-consumer:koseki-fuhyo' AND action = 'registry.fuhyo.read'
      AND subject_id = ${h.personIds[0]!}`.execute(t.services.db.owner);
    expect(log.rows[0]!.n).toBeGreaterThanOrEqual(1);
    // Nothing more after the cursor; a later 転居 of the local 本籍 holder comes next, in commit order.
    expect((await read(page.cursor)).notices).toEqual([]);
    const { version } = (await (await clerk.request('GET', `/api/v1/households/${h.householdIds[0]}`)).json()) as { version: number };
    const moved = await clerk.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: today, personIds: h.personIds,
      address: { townName: '大字広丘吉田', banchi: '9番地' }, expectedVersions: { [h.householdIds[0]!]: version } });
    const movedBody = (await moved.json()) as { changeId: string };
    expect(moved.status, JSON.stringify(movedBody)).toBe(201);
    expect((await approver.request('POST', `/api/v1/changes/${movedBody.changeId}/approvals`)).status).toBe(201);
    const next = await read(page.cursor);
    expect(next.notices.map((x) => [x.items['異動事由コード'], x.items['住所'], x.historyNo])).toEqual([['C01', '大字広丘吉田9番地', 2]]);
    expect(Number(next.notices[0]!.seq)).toBeGreaterThan(Number(n!.seq));
  });

  it('cuts the 戸籍附票 consumer\'s feed to local 本籍 holders; other consumers get everyone', async () => {
    const before = ((await (await get(otherToken, 'changes?limit=1000')).json()) as { cursor: string }).cursor;
    const h = await moveIn(['長野県塩尻市大字大門1番地', '大阪府大阪市北区中之島1丁目']);
    const mine = (await (await get(fuhyoToken, `changes?cursor=${before}`)).json()) as { changes: Array<{ records: Array<{ items: Record<string, string> }> }> };
    expect(mine.changes.flatMap((c) => c.records.map((r) => r.items['本籍']))).toEqual(['長野県塩尻市大字大門1番地']);
    const theirs = (await (await get(otherToken, `changes?cursor=${before}`)).json()) as typeof mine;
    expect(theirs.changes.flatMap((c) => c.records.map((r) => r.items['本籍'])).sort()).toEqual(['大阪府大阪市北区中之島1丁目', '長野県塩尻市大字大門1番地'].sort());
    const ext = (await (await get(fuhyoToken, 'extract?limit=1000')).json()) as { records: Array<{ items: Record<string, string> }> };
    expect(ext.records.length).toBeGreaterThan(0);
    expect(ext.records.every((r) => r.items['本籍']!.startsWith('長野県塩尻市'))).toBe(true);
    expect(h.personIds).toHaveLength(2);
  });

  it('refuses the notices to any other consumer, a bad cursor and a missing token, with codes', async () => {
    const other = await get(otherToken, 'fuhyo-notices');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { code: string }).code).toBe('fuhyo-consumer-only');
    const bad = await get(fuhyoToken, 'fuhyo-notices?cursor=999999999');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { code: string }).code).toBe('feed-cursor-invalid');
    expect((await t.app.request('/api/v1/registry-feed/fuhyo-notices')).status).toBe(401);
  });
});
