// SPDX-License-Identifier: EUPL-1.2
// 世帯員の並び順 (issue #13, spec §5.2): the change form asks whose family a 子の妻・子の夫・子の子 belongs to when the
// household has several 子 (not with one: it is derived), in Japanese and English; the choice reaches the record, and
// a link to someone who is not a 子 is refused naming the field, nothing recorded.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => unescape(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1]!);

let clerk: Session;
let householdId: string, headId: string, taro: string, jiro: string;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '4-4', katagaki: '', unlisted: false },
    persons: [
      { residentKind: 'japanese', familyName: '家族', givenName: '一郎', familyNameKana: 'カゾク', givenNameKana: 'イチロウ', birthDate: '1950-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '家族', givenName: '太郎', familyNameKana: 'カゾク', givenNameKana: 'タロウ', birthDate: '1975-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '子' },
      { residentKind: 'japanese', familyName: '家族', givenName: '次郎', familyNameKana: 'カゾク', givenNameKana: 'ジロウ', birthDate: '1978-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '子' },
    ],
  } as never);
  const by = (name: string) => plan.snapshots.find((s) => s.record.givenName === name)!.personId;
  headId = by('一郎'); taro = by('太郎'); jiro = by('次郎');
  householdId = plan.snapshots[0]!.record.householdId;
});

const person = (over: Record<string, string> = {}) => ({
  householdId, occurredOn: '令和7年4月1日', notifier: '本人', previousAddress: '松本市', 'p0-familyName': '家族', 'p0-givenName': '花子', 'p0-familyNameKana': 'カゾク',
  'p0-givenNameKana': 'ハナコ', 'p0-birthDate': '1976-01-01', 'p0-sex': 'female', 'p0-relationship': '子の妻', 'p0-residentKind': 'japanese', 'p0-honseki': '長野県塩尻市', ...over,
});

describe('whose family a 子の妻 belongs to, on the change form (spec §5.2)', () => {
  it('asks when the household has several 子, in Japanese and English', async () => {
    const html = await (await get(clerk, `/console/registry/changes/move-in?householdId=${householdId}`)).text();
    expect(html).toContain('どの子の家族か（子の夫・子の妻・子の子）');
    for (const [id, name] of [[taro, '太郎'], [jiro, '次郎']]) expect(html).toMatch(new RegExp(`<option value="${id}"[^>]*>家族　${name}</option>`));
    const en = await (await get(clerk, `/console/registry/changes/move-in?householdId=${householdId}`, { cookie: `${clerk.cookie}; lang=en` })).text();
    expect(en).toContain('Whose family (for 子の夫, 子の妻, 子の子)');
  });

  it('records the link, places her after her husband, and refuses a link to someone who is not a 子 (nothing recorded)', async () => {
    const version = async () => ((await t.services.registry.getHousehold({ municipalityCode: CODE, staffId: clerk.staffId, roles: ['counter'] } as never, householdId, {}, { clientIp: '', requestId: 't' })) as { version: number }).version;
    const before = await version();
    const bad = await post(clerk, '/console/registry/changes/move-in', { _csrf: clerk.csrf, step: 'confirm', ...person({ 'p0-familyOf': headId }) });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('「どの子の家族か」に指定した方が、この世帯の続柄「子」の世帯員ではありません');
    expect(await version()).toBe(before);

    const res = await post(clerk, '/console/registry/changes/move-in', { _csrf: clerk.csrf, step: 'confirm', ...person({ 'p0-familyOf': taro }) });
    const html = await res.text();
    expect(res.status, html.match(/data-testid="error-summary"[\s\S]{0,400}/)?.[0]).toBe(200);
    const done = await post(clerk, '/console/registry/changes/move-in', { _csrf: clerk.csrf, step: 'record', form: hidden(html, 'form'), _idem: hidden(html, '_idem') });
    expect(done.status).toBeLessThan(400);
    // 仮登録 → 本登録 by an approver.
    const changeId = /changes\/([0-9a-f-]{36})/.exec(done.headers.get('location') ?? '')![1]!;
    const approver = await t.login(CODE, (await t.staff(CODE, ['approver'])).loginId);
    expect((await approver.request('POST', `/api/v1/changes/${changeId}/approvals`)).status).toBe(201);
    const h = (await t.services.registry.getHousehold({ municipalityCode: CODE, staffId: clerk.staffId, roles: ['counter'] } as never, householdId, {}, { clientIp: '', requestId: 't' })) as
      { members: Array<{ givenName: string; familyOf: string | null }> };
    expect(h.members.map((m) => m.givenName)).toEqual(['一郎', '太郎', '花子', '次郎']);
    expect(h.members[2]!.familyOf).toBe(taro);
  });
});
