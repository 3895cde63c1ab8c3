// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue #13 on the console: 住民検索 with more conditions (宛名番号, 世帯番号, 性別, 続柄, 消除事由, ranges) and the
 * clerk's own search history run again (spec §2.1.1, §2.1.3); メモ on the 個人票 and 世帯票 with who and when, roles
 * per action, never on a certificate (§1.1.15); the enlarged glyph view with codes (§2.2.3). Japanese, no codes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';
import { pdfPageTexts } from '../src/domains/certificates/testing/pdf-text.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
let clerk: Session, clerk2: Session, approver: Session, counterApi: Client;
let head: string, wife: string, householdId: string, householdNo: string, atenaNo: string;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  clerk2 = await signIn(['counter']);
  approver = await signIn(['approver']);
  counterApi = await t.login(CODE, (await t.staff(CODE, ['counter'])).loginId);
  await t.services.tenants.updateSettings(CODE, { mayorName: '塩尻　一郎' });
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
    expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '77-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '髙﨑', givenName: '辺\u{E0100}一', familyNameKana: 'タカサキ', givenNameKana: 'ベイチ', birthDate: '1970-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '髙﨑', givenName: '花子', familyNameKana: 'タカサキ', givenNameKana: 'ハナコ', birthDate: '1972-01-01', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' }] } as never);
  [head, wife] = [plan.snapshots[0]!.personId, plan.snapshots[1]!.personId];
  householdId = plan.snapshots[0]!.record.householdId;
  householdNo = plan.snapshots[0]!.record.householdNo;
  atenaNo = plan.snapshots[0]!.record.atenaNo;
});

const resultsOf = (html: string) => /data-testid="search-results"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';

describe('住民検索: more conditions and search history', () => {
  it('finds by 世帯番号 narrowed by 性別, shows 世帯番号 in the results, and keeps the search in the clerk\'s own history', async () => {
    const res = await get(clerk, `/console/registry?q=&householdNo=${householdNo}&sex=female&purpose=${encodeURIComponent('窓口での照会')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const results = resultsOf(html);
    expect(results).toContain('花子');
    expect(results).not.toContain('辺');
    expect(results).toContain(householdNo);
    expect(html).toContain('（詳細条件で検索）');
    const history = /data-testid="search-history"[\s\S]*?<\/section>/.exec(html)![0];
    expect(history).toContain(`世帯番号 ${householdNo}、性別 女`);
    expect(history).toContain('再実行');
    expect(history).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<|male|female/);
    // Another clerk does not see it.
    const other = await (await get(clerk2, '/console/registry')).text();
    expect(other).toContain('まだ検索履歴はありません。');
    // Run again from the history: the form shows the criteria and the hits are listed.
    const searchId = /href="\/console\/registry\?rerun=([0-9a-f-]{36})"/.exec(html)![1]!;
    const again = await (await get(clerk, `/console/registry?rerun=${searchId}`)).text();
    expect(resultsOf(again)).toContain('花子');
    expect(again).toContain(`name="householdNo" type="text" value="${householdNo}"`);
    expect(again).toContain('（検索履歴で検索）');
    expect((await get(clerk2, `/console/registry?rerun=${searchId}`)).status).toBe(404);
  });

  it('finds residents with a blank item (空欄検索) and names it in the history', async () => {
    const html = await (await get(clerk2, `/console/registry?q=&householdNo=${householdNo}&emptyItem=myNumber`)).text();
    expect(resultsOf(html)).toContain('花子');
    expect(html).toContain('<option value="myNumber" selected');
    expect(/data-testid="search-history"[\s\S]*?<\/section>/.exec(html)![0]).toContain(`世帯番号 ${householdNo}、個人番号が空欄`);
  });

  it('finds by 宛名番号 typed in full-width digits, and refuses 性別 alone in Japanese with nothing listed', async () => {
    const wide = atenaNo.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(resultsOf(await (await get(clerk, `/console/registry?q=&atenaNo=${encodeURIComponent(wide)}`)).text())).toContain(`/console/registry/persons/${head}`);
    const res = await get(clerk, '/console/registry?q=&sex=male');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('性別・続柄は他の条件と組み合わせてください');
    expect(resultsOf(html)).toBe('');
    const unreadable = await get(clerk, `/console/registry?q=&changedFrom=${encodeURIComponent('令和')}`);
    expect(unreadable.status).toBe(422);
    expect(await unreadable.text()).toContain('異動日（から）: 日付を読み取れません');
    const bad = await get(clerk, `/console/registry?q=&birthFrom=1990-01-01&birthTo=1980-01-01`);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('期間の開始日が終了日より後です');
  });
});

describe('メモ on the 個人票 and 世帯票', () => {
  it('adds a memo shown with who and when, lets only its writer or an approver change it, and keeps the history', async () => {
    const page = await (await get(clerk, `/console/registry/persons/${head}`)).text();
    const idem = /action="\/console\/registry\/memos"[\s\S]*?name="_idem" value="([^"]+)"/.exec(page)![1]!;
    const add = await post(clerk, '/console/registry/memos', { _csrf: clerk.csrf, _idem: idem, back: `/console/registry/persons/${head}`, subjectType: 'person', subjectId: head, body: '補聴器使用。窓口では筆談を併用。' });
    expect(add.status).toBe(303);
    expect(add.headers.get('location')).toBe(`/console/registry/persons/${head}?memo=saved#memos`);
    // The same form sent twice records one memo.
    await post(clerk, '/console/registry/memos', { _csrf: clerk.csrf, _idem: idem, back: `/console/registry/persons/${head}`, subjectType: 'person', subjectId: head, body: '補聴器使用。窓口では筆談を併用。' });
    const shown = await (await get(clerk, `/console/registry/persons/${head}?memo=saved`)).text();
    const section = /data-testid="memos"[\s\S]*?<\/section>/.exec(shown)![0];
    expect(section.match(/data-testid="memo"/g)).toHaveLength(1);
    expect(section).toContain('メモを保存しました。');
    expect(section).toContain('補聴器使用。窓口では筆談を併用。');
    expect(section).toMatch(/テスト 職員\d+（令和\d+年\d+月\d+日 \d\d:\d\d）/);
    expect(section).toContain('修正する');
    const memoId = /\/console\/registry\/memos\/([0-9a-f-]{36})\/revisions/.exec(section)![1]!;
    // Another clerk sees it without the edit forms, and a forged POST is refused with a Japanese message.
    const other = /data-testid="memos"[\s\S]*?<\/section>/.exec(await (await get(clerk2, `/console/registry/persons/${head}`)).text())![0];
    expect(other).toContain('補聴器使用');
    expect(other).not.toContain('修正する');
    const forged = await post(clerk2, `/console/registry/memos/${memoId}/revisions`, { _csrf: clerk2.csrf, back: `/console/registry/persons/${head}`, body: '改ざん', expectedRevision: '1' });
    expect(forged.headers.get('location')).toContain('memoError=memo-not-author');
    expect(await (await get(clerk2, forged.headers.get('location')!.replace('#memos', ''))).text()).toContain('他の職員が書いたメモは、書いた職員又は決裁者のみ修正・削除できます。');
    // The approver changes it; the history lists both versions.
    const changed = await post(approver, `/console/registry/memos/${memoId}/revisions`, { _csrf: approver.csrf, back: `/console/registry/persons/${head}`, body: '補聴器使用。筆談用のボードあり。', expectedRevision: '1' });
    expect(changed.headers.get('location')).toContain('memo=changed');
    const after = /data-testid="memos"[\s\S]*?<\/section>/.exec(await (await get(clerk, `/console/registry/persons/${head}`)).text())![0];
    expect(after).toContain('補聴器使用。筆談用のボードあり。');
    expect(after).toContain('変更履歴（2件）');
    expect(after).toContain('最終更新:');
    // An empty memo is refused and nothing is written.
    const empty = await post(clerk, '/console/registry/memos', { _csrf: clerk.csrf, back: `/console/registry/persons/${head}`, subjectType: 'person', subjectId: head, body: '　 ' });
    expect(empty.headers.get('location')).toContain('memoError=empty');
    expect((await (await counterApi.request('GET', `/api/v1/persons/${head}/memos`)).json() as { items: unknown[] }).items).toHaveLength(1);
  });

  it('shows a household memo on the 世帯票 and on each member\'s 個人票, never on a certificate', async () => {
    const add = await post(clerk, '/console/registry/memos', { _csrf: clerk.csrf, back: `/console/registry/households/${householdId}`, subjectType: 'household', subjectId: householdId, body: '世帯全員の郵便物は勤務先へ' });
    expect(add.headers.get('location')).toBe(`/console/registry/households/${householdId}?memo=saved#memos`);
    expect(await (await get(clerk, `/console/registry/households/${householdId}`)).text()).toContain('世帯全員の郵便物は勤務先へ');
    expect(await (await get(clerk, `/console/registry/persons/${wife}`)).text()).toContain('（世帯のメモ）');
    const cert = await counterApi.request('POST', '/api/v1/certificates', { kind: 'residence-copy', personIds: [head], requester: { type: 'self', personId: head, identityDocument: 'my-number-card' }, purpose: '勤務先へ提出' });
    expect(cert.status, await cert.clone().text()).toBe(201);
    const text = (await pdfPageTexts(new Uint8Array(await cert.arrayBuffer()))).join('');
    expect(text).toContain('髙﨑');
    expect(text).not.toContain('補聴器');
    expect(text).not.toContain('郵便物は勤務先');
  });
});

describe('文字コード参照 (/console/registry/glyphs)', () => {
  it('shows typed characters or the character of a code enlarged with their codes, and says when a code names none', async () => {
    const byCode = await (await get(clerk, `/console/registry/glyphs?q=${encodeURIComponent('U+8FBA U+E0100')}`)).text();
    expect(byCode).toContain('文字コード参照');
    expect(byCode).toContain('U+E0100（IVS）');
    expect(byCode).toContain('1-42-53（第1水準）');
    const byKuten = await (await get(clerk, '/console/registry/glyphs?q=25-66')).text();
    expect(/data-testid="glyph"[^>]*>([^<]+)</.exec(byKuten)![1]).toBe('高');
    const none = await get(clerk, '/console/registry/glyphs?q=U%2BD800');
    expect(none.status).toBe(404);
    expect(await none.text()).toContain('このコードの文字はありません');
    // The registry's menu opens it beside a form being entered.
    expect(await (await get(clerk, '/console/registry')).text()).toMatch(/href="\/console\/registry\/glyphs"[^>]*target="_blank"/);
  });
});

describe('拡大表示・文字コード on the 個人票', () => {
  it('shows each character of the name enlarged with its code points, the IVS made visible and the JIS X 0208 区点', async () => {
    const html = await (await get(clerk, `/console/registry/persons/${head}`)).text();
    const view = /data-testid="glyph-view"[\s\S]*?<\/details>/.exec(html)![0];
    expect(view).toContain('氏名の拡大表示・文字コード');
    const family = /data-testid="glyphs-familyName"[\s\S]*?<\/table>/.exec(view)![0];
    expect(family).toContain('U+9AD9');
    expect(family).toContain('JIS X 0208 にない文字');
    expect(family).toContain('「高」として検索');
    expect(family).toContain('U+FA11');
    expect(family).toContain('CJK互換漢字');
    const given = /data-testid="glyphs-givenName"[\s\S]*?<\/table>/.exec(view)![0];
    expect(given).toContain('U+8FBA U+E0100');
    expect(given).toContain('U+E0100（IVS）');
    expect(given).toContain('1-42-53（第1水準）');
    expect(given).toContain('辺\u{E0100}'); // shown as stored, selector kept
  });
});

describe('事実上の世帯主 on the console', () => {
  it('records it from the 世帯票 through the change form, shows it on the 世帯票 and 個人票 after 本登録, and never prints it', async () => {
    const hh = await (await get(clerk, `/console/registry/households/${householdId}`)).text();
    expect(hh).toContain('事実上の世帯主の記載・削除');
    const form = await get(clerk, `/console/registry/changes/de-facto-head?householdId=${householdId}`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('事実上の世帯主（住民票上の世帯主と異なる場合に');
    const hidden: Record<string, string> = {};
    for (const m of formHtml.matchAll(/<input type="hidden" name="(householdId|version)" value="([^"]*)"/g)) hidden[m[1]!] = m[2]!;
    // The registered head's own name is refused at its field, nothing recorded.
    const refused = await post(clerk, '/console/registry/changes/de-facto-head', { _csrf: clerk.csrf, step: 'record', ...hidden, occurredOn: '令和7年4月1日', notifier: '本人', action: 'enter', deFactoHead: '髙﨑　辺\u{E0100}一' });
    const refusedHtml = await refused.text();
    expect(refused.status).toBe(422);
    expect(refusedHtml).toContain('事実上の世帯主が住民票上の世帯主と同じです');
    const confirm = await post(clerk, '/console/registry/changes/de-facto-head', { _csrf: clerk.csrf, step: 'confirm', ...hidden, occurredOn: '令和7年4月1日', notifier: '本人', action: 'enter', deFactoHead: '髙﨑　祖母' });
    const confirmHtml = await confirm.text();
    expect(confirm.status, confirmHtml.match(/data-testid="error-summary"[\s\S]{0,400}/)?.[0]).toBe(200);
    const json = /name="form" value="([^"]+)"/.exec(confirmHtml)![1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const recorded = await post(clerk, '/console/registry/changes/de-facto-head', { _csrf: clerk.csrf, step: 'record', form: json });
    expect(recorded.status).toBe(303);
    const changeId = /\/console\/registry\/changes\/([0-9a-f-]{36})/.exec(recorded.headers.get('location')!)![1]!;
    const approverApi = await t.login(CODE, (await t.staff(CODE, ['approver'])).loginId);
    expect((await approverApi.request('POST', `/api/v1/changes/${changeId}/approvals`)).status).toBe(201);
    const facts = /data-testid="household-facts"[\s\S]*?<\/dl>/.exec(await (await get(clerk, `/console/registry/households/${householdId}`)).text())![0];
    expect(facts).toContain('事実上の世帯主（備考）');
    expect(facts).toContain('髙﨑　祖母');
    expect(await (await get(clerk, `/console/registry/persons/${wife}`)).text()).toContain('髙﨑　祖母');
    const cert = await counterApi.request('POST', '/api/v1/certificates', { kind: 'residence-copy', householdId, personIds: [head, wife], requester: { type: 'self', personId: head, identityDocument: 'my-number-card' }, purpose: '勤務先へ提出' });
    expect(cert.status, await cert.clone().text()).toBe(201);
    expect((await pdfPageTexts(new Uint8Array(await cert.arrayBuffer()))).join('')).not.toContain('祖母');
  });
});

describe('履歴 on the 個人票 (spec §2.2.1)', () => {
  it('shows each entry\'s items before → after, and the 通称 history with dates and the municipality', async () => {
    const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-05-01', notifiedOn: '2024-05-02', exOfficio: false, notifier: '本人', note: '',
      expectedVersions: {}, fromAbroad: true, previousAddress: 'ベトナム', address: { townName: '大字広丘野村', banchi: '78-1', katagaki: '', unlisted: false },
      persons: [{ residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'NGUYEN THI LAN', birthDate: '1995-03-04', sex: 'female', relationship: '世帯主',
        foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技能実習', residencePeriod: '1年', residenceExpiry: '2030-01-01', residenceCardNo: 'AB12345678CD' } }] } as never);
    const id = plan.snapshots[0]!.personId;
    const hh = plan.snapshots[0]!.record.householdId;
    const version = async () => ((await (await counterApi.request('GET', `/api/v1/households/${hh}`)).json()) as { version: number }).version;
    const alias = async (body: Record<string, unknown>) => t.services.registry.recordFinalAsSystem(CODE, { kind: 'alias', personId: id, exOfficio: false, notifier: '本人', note: '', expectedVersions: { [hh]: await version() }, ...body } as never);
    await alias({ occurredOn: '2024-06-01', action: 'enter', alias: '蘭', aliasKana: 'ラン' });
    await alias({ occurredOn: '2024-09-01', action: 'delete' });
    const html = await (await get(clerk, `/console/registry/persons/${id}`)).text();
    const aliases = /data-testid="alias-history"[\s\S]*?<\/section>/.exec(html)![0];
    expect(aliases).toContain('通称の履歴（記載と削除）');
    expect(aliases).toMatch(/記載<\/td><td[^>]*>蘭（ラン）<\/td><td[^>]*>令和6年6月1日<\/td><td[^>]*>長野県塩尻市/);
    expect(aliases).toMatch(/削除<\/td><td[^>]*>蘭（ラン）<\/td><td[^>]*>令和6年9月1日/);
    expect(aliases).not.toContain('202151');
    const changes = [...html.matchAll(/data-testid="history-changes"[\s\S]*?<\/details>/g)].map((m) => m[0]);
    const deletion = changes.find((c) => c.includes('data-item="alias"') && c.includes('蘭（ラン）</td><td class="px-2 font-bold">—'));
    expect(deletion).toBeDefined();
    expect(deletion).toContain('通称');
  });
});
