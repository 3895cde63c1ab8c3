// SPDX-License-Identifier: EUPL-1.2
/**
 * 住民票 per period of residence, 改製 and 再製 on the console (spec §1.1.5, §1.1.4, R23): the clerk records a 改製 (職権,
 * 仮登録 → 本登録); the 個人票 lists the records under the 宛名番号 (住民票, 改製原住民票, 除票 of an earlier period) with
 * a link to issue each; the 再製 form refuses an empty reason at its field and records nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
let clerk: Session, api: Client;
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hiddenOf = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="(personId|householdId|version)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const PERSON = { residentKind: 'japanese', familyName: '期間', givenName: '花子', familyNameKana: 'キカン', givenNameKana: 'ハナコ', birthDate: '1970-01-01', sex: 'female', honseki: '長野県塩尻市', relationship: '世帯主',
  myNumber: '123456789018' };
const moveIn = (on: string, banchi: string) => t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: on, notifiedOn: on, exOfficio: false, notifier: '本人', note: '',
  expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi, katagaki: '', unlisted: false }, persons: [PERSON] } as never);
let first: string, second: string;
const provisional = async (id: string) => ((await (await api.request('GET', '/api/v1/provisional-changes')).json()) as { items: Array<{ changeId: string; kind: string; personIds: string[]; exOfficio: boolean }> })
  .items.filter((c) => c.personIds.includes(id));

beforeAll(async () => {
  clerk = await signIn(['counter']);
  api = await t.login(CODE, (await t.staff(CODE, ['approver'])).loginId);
  first = (await moveIn('2024-04-01', '88-1')).plan.snapshots[0]!.personId;
  const h = ((await (await api.request('GET', `/api/v1/persons/${first}`)).json()) as { householdId: string }).householdId;
  const version = ((await (await api.request('GET', `/api/v1/households/${h}`)).json()) as { version: number }).version;
  await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-out', occurredOn: '2024-10-01', notifiedOn: '2024-10-01', exOfficio: false, notifier: '本人', note: '',
    personIds: [first], destination: '東京都千代田区', expectedVersions: { [h]: version } } as never);
  second = (await moveIn('2025-04-01', '88-2')).plan.snapshots[0]!.personId;
});

describe('periods of residence, 改製 and 再製 (console)', () => {
  it('records a 改製 and lists 住民票, 改製原住民票 and the earlier 除票 on the 個人票, each issuable', async () => {
    const before = await (await get(clerk, `/console/registry/persons/${second}`)).text();
    expect(before).toContain('住民票・除票の一覧（同じ宛名番号）');
    expect(before).toContain(`/console/certificates?personId=${first}&amp;kind=removed-copy`);
    expect(before).toContain(`/console/registry/changes/reform?personId=${second}`);
    const formHtml = await (await get(clerk, `/console/registry/changes/reform?personId=${second}`)).text();
    expect(formHtml).toContain('改製原住民票として保存');
    const confirm = await post(clerk, '/console/registry/changes/reform', { _csrf: clerk.csrf, step: 'confirm', ...hiddenOf(formHtml), occurredOn: '令和8年5月26日' });
    expect(confirm.status).toBe(200);
    const form = unescape(/name="form" value="([^"]+)"/.exec(await confirm.text())![1]!);
    expect((await post(clerk, '/console/registry/changes/reform', { _csrf: clerk.csrf, step: 'record', form })).status).toBe(303);
    const [change] = await provisional(second);
    expect(change).toMatchObject({ kind: 'reform', exOfficio: true });
    expect((await api.request('POST', `/api/v1/changes/${change!.changeId}/approvals`)).status).toBe(201);
    const fresh = ((await (await api.request('GET', `/api/v1/changes/${change!.changeId}`)).json()) as { personIds: string[] }).personIds.find((id) => id !== second)!;
    const page = await (await get(clerk, `/console/registry/persons/${fresh}`)).text();
    expect(page).toContain('改製年月日');
    expect(page).toContain('令和8年5月26日');
    for (const kind of ['current', 'reformed', 'removed']) expect(page).toContain(`data-record-kind="${kind}"`);
    expect(page).toContain(`/console/certificates?personId=${second}&amp;kind=removed-copy`);
    expect(page).toContain(`/console/certificates?personId=${fresh}&amp;kind=residence-copy`);
    // The combined search labels each record.
    const hits = await (await get(clerk, `/console/registry?q=${encodeURIComponent('キカン')}&includeRemoved=1`)).text();
    expect(hits).toContain('改製原住民票');
    expect(hits).toContain('data-record-kind="removed"');
  });

  it('refuses a 再製 without its reason at the field and records nothing', async () => {
    const person = ((await (await api.request('GET', `/api/v1/persons?atenaNo=${(((await (await api.request('GET', `/api/v1/persons/${first}`)).json()) as { atenaNo: string }).atenaNo)}`)).json()) as { items: Array<{ personId: string }> }).items[0]!.personId;
    const formHtml = await (await get(clerk, `/console/registry/changes/remake?personId=${person}`)).text();
    const res = await post(clerk, '/console/registry/changes/remake', { _csrf: clerk.csrf, step: 'record', ...hiddenOf(formHtml), occurredOn: '令和8年5月27日', ground: '' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/id="ground-error"[^>]*>再製の理由を入力してください/);
    expect(await provisional(person)).toEqual([]);
  });
});
