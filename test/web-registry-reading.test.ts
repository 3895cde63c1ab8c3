// SPDX-License-Identifier: EUPL-1.2
/**
 * 振り仮名の記載 on the console (spec §1.1.18, 令和5年法律第48号): the clerk records the 本籍地's notice of the
 * readings with their status (公証 or 通知済), the 個人票 shows the status of each reading, a Latin reading is refused
 * at its field and nothing is recorded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
let clerk: Session, api: Client;
let personId: string;
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hiddenOf = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="(personId|householdId|version)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const provisional = async () => ((await (await api.request('GET', '/api/v1/provisional-changes')).json()) as { items: Array<{ changeId: string; kind: string; personIds: string[]; exOfficio: boolean }> })
  .items.filter((c) => c.personIds.includes(personId));

beforeAll(async () => {
  clerk = await signIn(['counter']);
  api = await t.login(CODE, (await t.staff(CODE, ['approver'])).loginId);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
    expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '77-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '読谷', givenName: '一郎', familyNameKana: 'ヨミタニ', givenNameKana: 'イチロウ', birthDate: '1970-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }] } as never);
  personId = plan.snapshots[0]!.personId;
});

describe('振り仮名の記載 (console)', () => {
  it('shows each reading as 未確認 until the 本籍地 notice is recorded, then 公証', async () => {
    const before = await (await get(clerk, `/console/registry/persons/${personId}`)).text();
    expect(before).toMatch(/data-testid="reading">ヨミタニ　イチロウ（氏: 未確認・名: 未確認）/);
    expect(before).toContain(`/console/registry/changes/reading?personId=${personId}`);

    const formHtml = await (await get(clerk, `/console/registry/changes/reading?personId=${personId}`)).text();
    expect(formHtml).toContain('本籍地から通知された振り仮名');
    const confirm = await post(clerk, '/console/registry/changes/reading', { _csrf: clerk.csrf, step: 'confirm', ...hiddenOf(formHtml), occurredOn: '令和8年5月26日',
      readingStatus: 'certified', familyNameKana: 'よみたに', givenNameKana: 'イチロウ' });
    const confirmHtml = await confirm.text();
    expect(confirm.status).toBe(200);
    expect(confirmHtml).toContain('公証（戸籍に記載済み）');
    expect(confirmHtml).toContain('ヨミタニ'); // hiragana converted as recorded
    const form = unescape(/name="form" value="([^"]+)"/.exec(confirmHtml)![1]!);
    expect((await post(clerk, '/console/registry/changes/reading', { _csrf: clerk.csrf, step: 'record', form })).status).toBe(303);
    const [change] = await provisional();
    expect(change).toMatchObject({ kind: 'reading', exOfficio: true });
    expect((await api.request('POST', `/api/v1/changes/${change!.changeId}/approvals`)).status).toBe(201);

    const view = (await (await api.request('GET', `/api/v1/persons/${personId}`)).json()) as { readingStatus: Record<string, string> };
    expect(view.readingStatus).toEqual({ familyNameKana: 'certified', givenNameKana: 'certified', oldSurnameKana: 'unconfirmed' });
    const after = await (await get(clerk, `/console/registry/persons/${personId}`)).text();
    expect(after).toMatch(/data-testid="reading">ヨミタニ　イチロウ（氏: 公証・名: 公証）/);
    expect(after).toContain('振り仮名の記載');
  });

  it('refuses a reading that is not katakana at its field and records nothing', async () => {
    const formHtml = await (await get(clerk, `/console/registry/changes/reading?personId=${personId}`)).text();
    const res = await post(clerk, '/console/registry/changes/reading', { _csrf: clerk.csrf, step: 'record', ...hiddenOf(formHtml), occurredOn: '令和8年6月1日',
      readingStatus: 'notified', givenNameKana: 'Ichiro' });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/id="givenNameKana-error"[^>]*>名のフリガナはカタカナで入力してください/);
    expect(await provisional()).toEqual([]);
  });

  it('answers the API with a stable code and a Japanese message for a foreign resident', async () => {
    const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
      expectedVersions: {}, fromAbroad: true, previousAddress: '', address: { townName: '大字広丘野村', banchi: '77-2', katagaki: '', unlisted: false },
      persons: [{ residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'SMITH JOHN', birthDate: '1990-01-01', sex: 'male', relationship: '世帯主',
        foreign: { nationality: '米国', category: '中長期在留者', residenceStatus: '教授', residencePeriod: '3年', residenceExpiry: '2028-01-01', residenceCardNo: 'AB12345678CD' } }] } as never);
    const foreigner = plan.snapshots[0]!;
    const counter = await t.login(CODE, (await t.staff(CODE, ['counter'])).loginId);
    const res = await counter.request('POST', '/api/v1/changes', { kind: 'reading', occurredOn: '2026-05-26', personId: foreigner.personId, status: 'certified', familyNameKana: 'スミス',
      expectedVersions: { [foreigner.record.householdId]: 1 } });
    expect(res.status).toBe(422);
    const body = await res.json(); expect(JSON.stringify(body)).toContain('日本人住民についてのみ'); expect(body).toMatchObject({ code: 'reading-japanese-only' });
  });
});
