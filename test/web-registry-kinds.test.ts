// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP-level tests of the change screens for a person's items and a household without a move (旧氏, 通称,
 * 在留資格, 帰化, 国籍喪失, 世帯変更, 軽微な修正, 転入通知, 住居表示): each form is driven GET → confirm → record,
 * the 仮登録 is checked through the API (then approved), and a refused input records nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();

interface Provisional { changeId: string; kind: string; reasonCode: string; exOfficio: boolean; notifier: string; personIds: string[]; householdIds: string[];
  alerts: Array<{ code: string }>; persons: Array<Record<string, unknown> & { personId: string }> }

const { signIn, get, post } = consoleSessions(t, CODE);

let clerk: Session, approver: Session, api: Client;
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden subject fields of a form (person, household, version). */
function hiddenOf(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="(personId|householdId|version|toVersion)" value="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

/** Opens the form, posts it to the confirmation and records it; returns the confirmation page. */
async function drive(kind: string, query: string, fields: Record<string, string | string[]>, opts: { expectInForm?: string } = {}): Promise<string> {
  const form = await get(clerk, `/console/registry/changes/${kind}?${query}`);
  expect(form.status).toBe(200);
  const formHtml = await form.text();
  if (opts.expectInForm) expect(formHtml).toContain(opts.expectInForm);
  expect(formHtml).toMatch(/id="occurredOn"[^>]*autofocus/);
  const confirm = await post(clerk, `/console/registry/changes/${kind}`, { _csrf: clerk.csrf, step: 'confirm', ...hiddenOf(formHtml), ...fields });
  const confirmHtml = await confirm.text();
  expect(confirm.status, confirmHtml.match(/data-testid="error-summary"[\s\S]{0,600}/)?.[0]).toBe(200);
  expect(confirmHtml).toContain('記録する内容');
  const json = unescape(/name="form" value="([^"]+)"/.exec(confirmHtml)![1]!);
  const recorded = await post(clerk, `/console/registry/changes/${kind}`, { _csrf: clerk.csrf, step: 'record', form: json });
  const recordedHtml = await recorded.text();
  // issue #9: post/redirect/get to the change's own page.
  expect(recorded.status, recordedHtml.match(/data-testid="error-summary"[\s\S]{0,600}/)?.[0]).toBe(303);
  expect(await (await get(clerk, recorded.headers.get('location')!)).text()).toContain('仮登録しました');
  return confirmHtml;
}

/** The provisional changes about a person (through the API). */
async function provisionalFor(personId: string): Promise<Provisional[]> {
  const res = await api.request('GET', '/api/v1/provisional-changes');
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Provisional[] }).items.filter((c) => c.personIds.includes(personId) || c.persons.some((p) => p.personId === personId));
}

/** The one provisional change about a person; approved (本登録) so later changes can follow. */
async function recordedFor(personId: string, kind: string): Promise<Provisional> {
  const changes = await provisionalFor(personId);
  expect(changes.map((c) => c.kind)).toEqual([kind]);
  const change = changes[0]!;
  expect((await api.request('POST', `/api/v1/changes/${change.changeId}/approvals`)).status).toBe(201);
  return change;
}

const person = (c: Provisional, id: string) => c.persons.find((p) => p.personId === id)!;
const personNow = async (id: string) => (await (await api.request('GET', `/api/v1/persons/${id}`)).json()) as Record<string, unknown> & { householdId: string; relationship: string };

/** Posts a form to the confirmation step expecting a refusal: status, message at the field, nothing recorded. */
async function refused(kind: string, query: string, fields: Record<string, string>, expected: { status: number; field: string; message: string; personId: string }) {
  const formHtml = await (await get(clerk, `/console/registry/changes/${kind}?${query}`)).text();
  const res = await post(clerk, `/console/registry/changes/${kind}`, { _csrf: clerk.csrf, ...hiddenOf(formHtml), step: 'record', ...fields });
  const html = await res.text();
  expect(res.status).toBe(expected.status);
  expect(html).toContain('data-testid="error-summary"');
  expect(html).toContain(`id="${expected.field}-error">${expected.message}`);
  expect(html).toMatch(new RegExp(`id="${expected.field}"[^>]*aria-invalid="true"`));
  expect(await provisionalFor(expected.personId)).toEqual([]);
  return html;
}

const ids = {} as { ichiro: string; hanako: string; h1: string; john: string; mary: string; h2: string; jiro: string; h3: string; saburo: string; leaver: string; h5: string };
const base = { exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市' };
const japanese = (familyName: string, givenName: string, kana: string, birthDate: string, sex: 'male' | 'female', relationship: string) => ({
  residentKind: 'japanese' as const, familyName, givenName, familyNameKana: kana.split(' ')[0]!, givenNameKana: kana.split(' ')[1]!, birthDate, sex, honseki: '長野県塩尻市', relationship,
});

beforeAll(async () => {
  clerk = await signIn(['counter']);
  approver = await signIn(['approver']);
  const { loginId } = await t.staff(CODE, ['approver']);
  api = await t.login(CODE, loginId);
  const reg = t.services.registry;
  const moveIn = async (banchi: string, persons: unknown[]) => {
    const { plan } = await reg.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', ...base,
      address: { townName: '大字広丘野村', banchi, katagaki: '', unlisted: false }, persons } as never);
    return plan.snapshots.map((s) => ({ personId: s.personId, householdId: s.record.householdId }));
  };
  const h1 = await moveIn('1-1', [japanese('髙橋', '一郎', 'タカハシ イチロウ', '1980-03-01', 'male', '世帯主'), japanese('髙橋', '花子', 'タカハシ ハナコ', '1982-05-05', 'female', '妻')]);
  [ids.ichiro, ids.hanako, ids.h1] = [h1[0]!.personId, h1[1]!.personId, h1[0]!.householdId];
  const foreign = (romanName: string, birthDate: string, sex: 'male' | 'female', relationship: string, cardNo: string) => ({
    residentKind: 'foreign' as const, familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName, birthDate, sex, relationship,
    foreign: { nationality: 'アメリカ合衆国', category: '中長期在留者' as const, residenceStatus: '技術・人文知識・国際業務', residencePeriod: '3年', residenceExpiry: '2027-03-31', residenceCardNo: cardNo },
  });
  const h2 = await moveIn('5-5', [foreign('SMITH JOHN', '1985-07-07', 'male', '世帯主', 'AB12345678CD'), foreign('SMITH MARY', '1986-08-08', 'female', '妻', 'AB12345679CD')]);
  [ids.john, ids.mary, ids.h2] = [h2[0]!.personId, h2[1]!.personId, h2[0]!.householdId];
  const h3 = await moveIn('1-1', [japanese('別居', '次郎', 'ベッキョ ジロウ', '1950-01-01', 'male', '世帯主')]);
  [ids.jiro, ids.h3] = [h3[0]!.personId, h3[0]!.householdId];
  const h4 = await moveIn('7-7', [japanese('国籍', '三郎', 'コクセキ サブロウ', '1990-02-02', 'male', '世帯主')]);
  ids.saburo = h4[0]!.personId;
  const h5 = await moveIn('9-9', [japanese('転出', '四郎', 'テンシュツ シロウ', '1991-03-03', 'male', '世帯主')]);
  [ids.leaver, ids.h5] = [h5[0]!.personId, h5[0]!.householdId];
  const h5version = (await api.request('GET', `/api/v1/households/${ids.h5}`).then((r) => r.json()) as { version: number }).version;
  await reg.recordFinalAsSystem(CODE, { kind: 'move-out', occurredOn: '2025-03-01', notifiedOn: '2025-02-20', ...base, personIds: [ids.leaver], destination: '東京都千代田区千代田1-1',
    abroad: false, remainingRelationships: {}, expectedVersions: { [ids.h5]: h5version } } as never);
});

describe('person links', () => {
  it('offers each change only where it applies', async () => {
    const jp = await (await get(clerk, `/console/registry/persons/${ids.ichiro}`)).text();
    expect(jp).toContain(`/console/registry/changes/old-surname?personId=${ids.ichiro}`);
    expect(jp).toContain(`/console/registry/changes/nationality-loss?personId=${ids.ichiro}`);
    expect(jp).not.toContain('/console/registry/changes/alias?');
    expect(jp).not.toContain('/console/registry/changes/naturalization?');
    expect(jp).not.toContain('/console/registry/changes/move-in-notice?');
    const fo = await (await get(clerk, `/console/registry/persons/${ids.john}`)).text();
    for (const k of ['alias', 'residence-status-change', 'naturalization', 'minor-correction']) expect(fo).toContain(`/console/registry/changes/${k}?personId=${ids.john}`);
    expect(fo).not.toContain('/console/registry/changes/old-surname?');
    expect(fo).not.toContain('/console/registry/changes/nationality-loss?');
    const left = await (await get(clerk, `/console/registry/persons/${ids.leaver}`)).text();
    expect(left).toContain(`/console/registry/changes/move-in-notice?personId=${ids.leaver}`);
    expect(left).not.toContain('/console/registry/changes/old-surname?');
    const hh = await (await get(clerk, `/console/registry/households/${ids.h1}`)).text();
    expect(hh).toContain(`/console/registry/changes/address-renaming?householdId=${ids.h1}`);
    expect(hh).toContain(`/console/registry/changes/household-change?householdId=${ids.h1}`);
    // The approver may not record changes: no links, and the screens refuse.
    const byApprover = await (await get(approver, `/console/registry/persons/${ids.john}`)).text();
    expect(byApprover).not.toContain('/console/registry/changes/');
    expect((await get(approver, `/console/registry/changes/alias?personId=${ids.john}`)).status).toBe(403);
  });
});

describe('旧氏の記載・削除 (old-surname)', () => {
  it('refuses an entry without the 旧氏 and records nothing', async () => {
    await refused('old-surname', `personId=${ids.hanako}`, { occurredOn: '令和7年4月1日', action: 'enter', oldSurname: '' },
      { status: 400, field: 'oldSurname', message: '旧氏を入力してください', personId: ids.hanako });
  });

  it('shows the service refusal (旧氏 = 氏) at the field with the values kept', async () => {
    const html = await refused('old-surname', `personId=${ids.hanako}`, { occurredOn: '令和7年4月1日', action: 'enter', oldSurname: '髙橋', oldSurnameKana: 'タカハシ' },
      { status: 422, field: 'oldSurname', message: '旧氏が現在の氏と同じです。戸籍に記載されている過去の氏を入力してください', personId: ids.hanako });
    expect(html).toContain('value="タカハシ"');
  });

  it('records the entry of the 旧氏, then its deletion', async () => {
    const confirm = await drive('old-surname', `personId=${ids.hanako}`, { occurredOn: '令和7年4月1日', notifier: '本人', action: 'enter', oldSurname: '山田', oldSurnameKana: 'ヤマダ' },
      { expectInForm: '旧氏の記載・削除の入力' });
    expect(confirm).toContain('記載（変更）');
    // issue #9: 和暦 only for a Japanese resident, never side by side with 西暦.
    expect(confirm).toContain('令和7年4月1日');
    expect(confirm).not.toContain('（2025-04-01）');
    const entered = await recordedFor(ids.hanako, 'old-surname');
    expect(person(entered, ids.hanako)).toMatchObject({ oldSurname: '山田', oldSurnameKana: 'ヤマダ', familyName: '髙橋' });
    expect(entered.notifier).toBe('本人');
    await drive('old-surname', `personId=${ids.hanako}`, { occurredOn: '2025-04-02', action: 'delete' });
    const deleted = await recordedFor(ids.hanako, 'old-surname');
    expect(person(deleted, ids.hanako).oldSurname).toBeNull();
    expect(deleted.reasonCode).not.toBe(entered.reasonCode);
  });
});

describe('通称の記載・削除 (alias)', () => {
  it('refuses an entry without the 通称', async () => {
    await refused('alias', `personId=${ids.mary}`, { occurredOn: '令和7年4月1日', action: 'enter', alias: '' },
      { status: 400, field: 'alias', message: '通称を入力してください', personId: ids.mary });
  });

  it('refuses a 通称 for a Japanese resident (a screen reached by its address, not linked)', async () => {
    await refused('alias', `personId=${ids.ichiro}`, { occurredOn: '令和7年4月1日', action: 'enter', alias: '通名' },
      { status: 422, field: 'action', message: '通称は外国人住民にのみ記載できます', personId: ids.ichiro });
  });

  it('records the 通称 of a foreign resident', async () => {
    await drive('alias', `personId=${ids.mary}`, { occurredOn: '令和7年4月1日', action: 'enter', alias: '佐藤 真理', aliasKana: 'サトウ マリ' }, { expectInForm: '通称の記載・削除の入力' });
    const c = await recordedFor(ids.mary, 'alias');
    expect(person(c, ids.mary)).toMatchObject({ alias: '佐藤 真理', aliasKana: 'サトウ マリ' });
  });
});

describe('在留資格・在留期間の変更 (residence-status-change)', () => {
  it('refuses a change without the expiry date and with an unreadable one', async () => {
    await refused('residence-status-change', `personId=${ids.john}`, { occurredOn: '令和7年5月1日', residenceStatus: '永住者', residencePeriod: '無期限', residenceExpiry: '' },
      { status: 400, field: 'residenceExpiry', message: '日付を入力してください', personId: ids.john });
    await refused('residence-status-change', `personId=${ids.john}`, { occurredOn: '令和7年5月1日', residenceStatus: '技術', residencePeriod: '5年', residenceExpiry: '令和99年13月1日' },
      { status: 400, field: 'residenceExpiry', message: '', personId: ids.john });
  });

  it('starts from the current items and records the new status, period, expiry and card', async () => {
    const form = await (await get(clerk, `/console/registry/changes/residence-status-change?personId=${ids.john}`)).text();
    expect(form).toContain('value="技術・人文知識・国際業務"');
    await drive('residence-status-change', `personId=${ids.john}`, { occurredOn: '令和7年5月1日', category: '中長期在留者', residenceStatus: '技術・人文知識・国際業務',
      residencePeriod: '5年', residenceExpiry: '令和12年4月30日', residenceCardNo: 'ef98765432gh' });
    const c = await recordedFor(ids.john, 'residence-status-change');
    expect(person(c, ids.john).foreign).toMatchObject({ residencePeriod: '5年', residenceExpiry: '2030年4月30日', residenceCardNo: 'EF98765432GH', category: '中長期在留者' });
  });
});

describe('帰化 (naturalization)', () => {
  it('refuses it without the 本籍', async () => {
    await refused('naturalization', `personId=${ids.mary}`, { occurredOn: '令和7年6月1日', honseki: '' },
      { status: 400, field: 'honseki', message: '本籍を入力してください', personId: ids.mary });
  });

  it('records the 本籍, 筆頭者 and new name; the 30条の45 items and 通称 end', async () => {
    const form = await (await get(clerk, `/console/registry/changes/naturalization?personId=${ids.mary}`)).text();
    expect(form).toContain('この異動は職権で処理します');
    await drive('naturalization', `personId=${ids.mary}`, { occurredOn: '令和7年6月1日', honseki: '長野県塩尻市大門七番町1', hittosha: '佐藤 真理',
      'new-familyName': '佐藤', 'new-givenName': '真理', 'new-familyNameKana': 'サトウ', 'new-givenNameKana': 'マリ' });
    const c = await recordedFor(ids.mary, 'naturalization');
    expect(c.exOfficio).toBe(true);
    expect(c.alerts.map((a) => a.code)).toContain('alias-deleted-on-naturalization');
    // Issue #13 (R16): the foreign record is removed (職権消除（帰化等）) and a Japanese one entered under the same 宛名番号.
    expect(person(c, ids.mary)).toMatchObject({ residentKind: 'foreign', status: 'removed', removalReason: '職権消除（帰化等）' });
    const japanese = c.persons.find((p) => p.personId !== ids.mary)!;
    expect(japanese).toMatchObject({ residentKind: 'japanese', honseki: '長野県塩尻市大門七番町1', hittosha: '佐藤 真理', familyName: '佐藤', givenName: '真理', foreign: null, alias: null,
      atenaNo: person(c, ids.mary).atenaNo });
    ids.mary = japanese.personId as string; // the record that goes on
  });
});

describe('国籍喪失 (nationality-loss)', () => {
  it('refuses it without nationality and category', async () => {
    const html = await refused('nationality-loss', `personId=${ids.saburo}`, { occurredOn: '令和7年6月1日', nationality: '', category: '', romanName: 'KOKUSEKI SABURO' },
      { status: 400, field: 'nationality', message: '国籍・地域を入力してください', personId: ids.saburo });
    expect(html).toContain('id="category-error">第30条の45区分を選択してください');
    expect(html).toContain('value="KOKUSEKI SABURO"');
  });

  it('shows the registry refusal of missing 30条の45 items at the nationality field', async () => {
    await refused('nationality-loss', `personId=${ids.saburo}`, { occurredOn: '令和7年6月1日', nationality: 'アメリカ合衆国', category: '中長期在留者' },
      { status: 422, field: 'nationality', message: '外国人住民の必須項目', personId: ids.saburo });
  });

  it('records the foreign items and the roman name; 本籍 ends', async () => {
    await drive('nationality-loss', `personId=${ids.saburo}`, { occurredOn: '令和7年6月1日', nationality: 'アメリカ合衆国', category: '中長期在留者', residenceStatus: '日本人の配偶者等',
      residencePeriod: '3年', residenceExpiry: '2028年5月31日', residenceCardNo: 'XY11223344ZZ', romanName: 'KOKUSEKI SABURO' });
    const c = await recordedFor(ids.saburo, 'nationality-loss');
    // Issue #13 (R17): the Japanese record is removed (職権消除（国籍喪失）) and a foreign one entered under the same 宛名番号.
    expect(person(c, ids.saburo)).toMatchObject({ residentKind: 'japanese', status: 'removed', removalReason: '職権消除（国籍喪失）' });
    const foreign = c.persons.find((p) => p.personId !== ids.saburo)!;
    ids.saburo = foreign.personId as string;
    expect(person(c, ids.saburo)).toMatchObject({ residentKind: 'foreign', honseki: null, romanName: 'KOKUSEKI SABURO' });
    expect(person(c, ids.saburo).foreign).toMatchObject({ nationality: 'アメリカ合衆国', category: '中長期在留者', residenceStatus: '日本人の配偶者等', residenceExpiry: '2028年5月31日', residenceCardNo: 'XY11223344ZZ' });
  });
});

describe('世帯変更 (household-change)', () => {
  it('refuses a form with neither a household to join nor a changed 続柄', async () => {
    await refused('household-change', `householdId=${ids.h3}`, { occurredOn: '令和7年7月1日' },
      { status: 400, field: 'toHouseholdId', message: '加わる世帯の世帯番号を入力するか、続柄を書き換えてください', personId: ids.jiro });
  });

  it('records a member joining another household at the same address', async () => {
    // issue #9: the household to join is picked by its 世帯番号, never by id.
    const { householdNo } = (await (await api.request('GET', `/api/v1/households/${ids.h1}`)).json()) as { householdNo: string };
    const confirm = await drive('household-change', `householdId=${ids.h3}`, { occurredOn: '令和7年7月1日', toHouseholdId: householdNo, personIds: [ids.jiro], [`rel-${ids.jiro}`]: '父' });
    expect(confirm).toMatch(new RegExp(`>加わる世帯の世帯番号</dt><dd[^>]*>${householdNo}（`));
    expect(confirm).toMatch(/>別居　次郎の続柄<\/dt><dd[^>]*>父</);
    const c = await recordedFor(ids.jiro, 'household-change');
    expect(person(c, ids.jiro)).toMatchObject({ householdId: ids.h1, relationship: '父' });
    expect(c.householdIds.sort()).toEqual([ids.h1, ids.h3].sort());
  });

  it('records a 続柄 change within the household', async () => {
    await drive('household-change', `householdId=${ids.h1}`, { occurredOn: '令和7年7月2日', [`rel-${ids.jiro}`]: '同居人' });
    const c = await recordedFor(ids.jiro, 'household-change');
    expect(person(c, ids.jiro)).toMatchObject({ householdId: ids.h1, relationship: '同居人' });
    expect(c.personIds).toEqual([ids.jiro]);
  });
});

describe('軽微な修正 (minor-correction)', () => {
  it('refuses it without a ground, and without anything changed', async () => {
    const html = await refused('minor-correction', `personId=${ids.ichiro}`, { occurredOn: '令和7年8月1日', ground: '', 'new-familyName': '高橋', 'new-givenName': '一郎', 'new-familyNameKana': 'タカハシ', 'new-givenNameKana': 'イチロウ',
      townName: '大字広丘野村', banchi: '1-1', katagaki: '' }, { status: 400, field: 'ground', message: '軽微な修正の事由を選択してください', personId: ids.ichiro });
    expect(html).toContain('value="高橋"');
    await refused('minor-correction', `personId=${ids.ichiro}`, { occurredOn: '令和7年8月1日', ground: '文字の同定', 'new-familyName': '髙橋', 'new-givenName': '一郎', 'new-familyNameKana': 'タカハシ', 'new-givenNameKana': 'イチロウ',
      townName: '大字広丘野村', banchi: '1-1', katagaki: '' }, { status: 400, field: 'new-familyName', message: '修正する氏名又は住所の表記を書き換えてください', personId: ids.ichiro });
  });

  it('records a character correction of the name (always 職権), the address untouched', async () => {
    const form = await (await get(clerk, `/console/registry/changes/minor-correction?personId=${ids.ichiro}`)).text();
    expect(form).toContain('value="髙橋"');
    expect(form).toContain('value="1-1"');
    const confirm = await drive('minor-correction', `personId=${ids.ichiro}`, { occurredOn: '令和7年8月1日', ground: '常用平易な文字への置換', 'new-familyName': '高橋', 'new-givenName': '一郎',
      'new-familyNameKana': 'タカハシ', 'new-givenNameKana': 'イチロウ', townName: '大字広丘野村', banchi: '1-1', katagaki: '' });
    // The confirmation shows only what is corrected.
    expect(confirm).toMatch(/>氏<\/dt><dd[^>]*>高橋</);
    expect(confirm).not.toMatch(/>番地・号<\/dt>/);
    expect(confirm).not.toMatch(/>名<\/dt>/);
    const c = await recordedFor(ids.ichiro, 'minor-correction');
    expect(c.exOfficio).toBe(true);
    expect(c.personIds).toEqual([ids.ichiro]);
    expect(person(c, ids.ichiro)).toMatchObject({ familyName: '高橋', givenName: '一郎' });
    expect((person(c, ids.ichiro).address as { banchi: string }).banchi).toBe('1-1');
  });
});

describe('転入通知の受理 (move-in-notice)', () => {
  it('refuses it without the confirmed date', async () => {
    await refused('move-in-notice', `personId=${ids.leaver}`, { occurredOn: '令和7年3月10日', destination: '東京都千代田区千代田1-1', movedOn: '' },
      { status: 400, field: 'movedOn', message: '日付を入力してください', personId: ids.leaver });
  });

  it('shows the registry refusal of a move after the notice at the date field', async () => {
    await refused('move-in-notice', `personId=${ids.leaver}`, { occurredOn: '令和7年3月10日', destination: '東京都千代田区千代田1-1', movedOn: '令和7年3月20日' },
      { status: 422, field: 'movedOn', message: '転出年月日（確定）が転入通知の受理日より後です。日付を確認してください', personId: ids.leaver });
  });

  it('records the notice on the 除票: the removal date becomes the earlier confirmed date', async () => {
    const form = await (await get(clerk, `/console/registry/changes/move-in-notice?personId=${ids.leaver}`)).text();
    expect(form).toContain('value="東京都千代田区千代田1-1"');
    await drive('move-in-notice', `personId=${ids.leaver}`, { occurredOn: '令和7年3月10日', destination: '東京都千代田区千代田2-2', movedOn: '令和7年2月25日' });
    const c = await recordedFor(ids.leaver, 'move-in-notice');
    expect(c.exOfficio).toBe(true);
    expect(person(c, ids.leaver).removedOn).toBe('2025-02-25');
  });
});

describe('住居表示・区画整理による住所変更 (address-renaming)', () => {
  it('refuses it without the cause', async () => {
    await refused('address-renaming', `householdId=${ids.h2}`, { occurredOn: '令和7年9月1日', cause: '', townName: '大字広丘野村', banchi: '1200番地5' },
      { status: 400, field: 'cause', message: '住居表示の実施か区画整理かを選択してください', personId: ids.john });
  });

  it('records the new address of every member of the household', async () => {
    const form = await (await get(clerk, `/console/registry/changes/address-renaming?householdId=${ids.h2}`)).text();
    expect(form).toContain('value="5-5"');
    const confirm = await drive('address-renaming', `householdId=${ids.h2}`, { occurredOn: '令和7年9月1日', cause: '住居表示', townName: '大字広丘野村', banchi: '1200番地5', katagaki: '' });
    expect(confirm).toContain('住居表示の実施');
    const c = await recordedFor(ids.john, 'address-renaming');
    expect(c.exOfficio).toBe(true);
    expect(c.persons.map((p) => (p.address as { banchi: string }).banchi)).toEqual(['1200番地5', '1200番地5']);
    expect((await personNow(ids.mary)).address).toMatchObject({ banchi: '1200番地5' });
  });
});

describe('household versions', () => {
  it('shows the conflict and keeps the values when the household changed meanwhile', async () => {
    const fields = { _csrf: clerk.csrf, step: 'record', personId: ids.hanako, householdId: ids.h1, version: '999', occurredOn: '令和7年10月1日', action: 'enter', oldSurname: '鈴木' };
    const res = await post(clerk, '/console/registry/changes/old-surname', fields);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('他の職員がこの世帯を更新しました');
    expect(html).toContain('value="鈴木"');
    expect(await provisionalFor(ids.hanako)).toEqual([]);
  });
});
