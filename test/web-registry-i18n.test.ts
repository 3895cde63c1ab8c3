// SPDX-License-Identifier: EUPL-1.2
/** The registry pages in English (lang cookie): fixed UI text translated, stored data as stored; Japanese unchanged. */
import { beforeAll, describe, expect, it } from 'vitest';
import { changeFormText, type ChangeFormDictionary } from '../src/web/registry/registry-change-i18n.ts';
import { registryText, type DeepPartial } from '../src/web/registry/registry-i18n.ts';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);

let clerk: ConsoleSession, approver: ConsoleSession;
let headId: string, householdId: string, foreignId: string;
const en = (s: ConsoleSession, path: string) => get(s, path, { cookie: `${s.cookie}; lang=en` });
/** POSTs a change form, in English when `lang` says so. */
const postForm = (s: ConsoleSession, path: string, fields: Record<string, string | string[]>, lang: 'ja' | 'en') => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries({ _csrf: s.csrf, ...fields })) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.request(path, { method: 'POST', body: body.toString(),
    headers: { cookie: lang === 'en' ? `${s.cookie}; lang=en` : s.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
};
/** The hidden subject fields of a form and the member checkboxes. */
const hiddenOf = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="(personId|householdId|version)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const membersOf = (html: string) => [...html.matchAll(/name="personIds" value="([^"]+)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  clerk = await signIn(['counter']);
  approver = await signIn(['approver']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '5-5', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '英語', givenName: '太郎', familyNameKana: 'エイゴ', givenNameKana: 'タロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }],
  });
  headId = plan.snapshots[0]!.personId;
  householdId = plan.snapshots[0]!.record.householdId;
  const foreign = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: true, previousAddress: '',
    address: { townName: '大字広丘野村', banchi: '6-6', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'ENGLISH JOHN', birthDate: '1985-07-07', sex: 'male', relationship: '世帯主',
      foreign: { nationality: 'アメリカ合衆国', category: '中長期在留者', residenceStatus: '技術・人文知識・国際業務', residencePeriod: '3年', residenceExpiry: '2027-03-31', residenceCardNo: 'AB12345678CD' } }],
  });
  foreignId = foreign.plan.snapshots[0]!.personId;
});

describe('registry pages in English', () => {
  it('shows the search page and its results in English, with names and addresses as stored', async () => {
    const page = await (await en(clerk, `/console/registry?q=${encodeURIComponent('エイゴ')}`)).text();
    expect(page).toContain('<h1 class="text-std-32B-150">Resident search</h1>');
    expect(page).toContain('Search term');
    expect(page).toContain('>Results <');
    expect(page).toContain('Head of household');
    expect(page).toContain('英語　太郎');
    expect(page).toContain('大字広丘野村5-5');
    expect(page).toContain('Male');
    expect(page).not.toContain('住民検索</h1>');
  });

  it('shows the person and household records in English', async () => {
    const person = await (await en(clerk, `/console/registry/persons/${headId}`)).text();
    expect(person).toContain('Resident record: 英語　太郎');
    expect(person).toContain('Items of the resident record');
    expect(person).toContain('History');
    expect(person).toContain('Move-in');
    expect(person).not.toContain('住民票の記載事項');
    const household = await (await en(clerk, `/console/registry/households/${householdId}`)).text();
    expect(household).toContain('Household record: household no.');
    expect(household).toContain('Members');
  });

  it('shows the provisional list and statistics in English', async () => {
    expect(await (await en(approver, '/console/registry/provisional')).text()).toContain('Provisional changes');
    const stats = await (await en(approver, '/console/registry/statistics?asOf=2025-01-01')).text();
    expect(stats).toContain('Population statistics');
    expect(stats).toContain('大字広丘野村');
  });

  it('shows the change screens\' titles and buttons in English', async () => {
    const form = await (await en(clerk, `/console/registry/changes/move-within?householdId=${householdId}`)).text();
    expect(form).toContain('Move within the municipality: enter the change');
    expect(form).toContain('Continue to confirmation');
    expect(form).toContain('Date of change');
    const ja = await (await get(clerk, `/console/registry/changes/move-within?householdId=${householdId}`)).text();
    expect(ja).toContain('転居の入力');
    expect(ja).toContain('確認へ進む');
  });

  it('shows the fields of the 転入 form in English, with the legal terms in parentheses', async () => {
    const form = await (await en(clerk, '/console/registry/changes/move-in')).text();
    expect(form).toContain('Move-in: enter the change');
    expect(form).toContain('>Dates and notification<');
    expect(form).toContain('>Surname (氏)<span class="ml-1 text-error-1"> (required)</span>');
    expect(form).toContain('Registered domicile (本籍; Japanese residents)');
    expect(form).toContain('Lot and number (番地・号)');
    expect(form).toContain('Relationship to head (続柄)');
    expect(form).toContain('<option value="male">Male</option>');
    expect(form).toContain('<option value="中長期在留者">Mid- to long-term resident (中長期在留者)</option>');
    expect(form).toContain('<option value="世帯主">'); // the 続柄 suggestions are values, as stored
    expect(form).not.toContain('（必須）');
    expect(form).not.toContain('外国人住民の記載事項');
  });

  it('shows the 転居 confirmation in English: labels translated, names and addresses as entered', async () => {
    const form = await (await en(clerk, `/console/registry/changes/move-within?householdId=${householdId}`)).text();
    const res = await postForm(clerk, '/console/registry/changes/move-within', {
      step: 'confirm', ...hiddenOf(form), occurredOn: '2025-04-01', notifiedOn: '2025-04-01', exOfficio: '1', townName: '大字広丘野村', banchi: '1-2', personIds: membersOf(form),
    }, 'en');
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('Move within the municipality: confirm');
    expect(page).toContain('<dt class="text-std-16B-170 text-solid-gray-800">Kind of change</dt><dd class="mb-2 sm:mb-0">Move within the municipality</dd>');
    expect(page).toContain('>Date of change</dt><dd class="mb-2 sm:mb-0">2025-04-01 (2025-04-01)</dd>');
    expect(page).toContain('>Ex officio (職権)</dt><dd class="mb-2 sm:mb-0">Yes</dd>');
    expect(page).toContain('>Town (町字)</dt><dd class="mb-2 sm:mb-0">大字広丘野村</dd>');
    expect(page).toContain('>Members concerned</dt><dd class="mb-2 sm:mb-0">英語　太郎</dd>');
    expect(page).toContain('>Household</dt>');
    expect(page).not.toContain('（必須）');
    expect(page).not.toContain('異動の種類');
  });

  it('shows the 在留資格変更 form in English', async () => {
    const form = await (await en(clerk, `/console/registry/changes/residence-status-change?personId=${foreignId}`)).text();
    expect(form).toContain('Change of status of residence: enter the change');
    expect(form).toContain('>Resident</dt>');
    expect(form).toContain('ENGLISH JOHN (born 1985年7月7日)');
    expect(form).toContain('Date of change (date of permission)');
    expect(form).toContain('Status of residence after the change');
    expect(form).toContain('>Status of residence (在留資格)<span class="ml-1 text-error-1"> (required)</span>');
    expect(form).toContain('Period of stay ends on');
    expect(form).toContain('<option value="">No change</option>');
    expect(form).toContain('value="技術・人文知識・国際業務"'); // the stored status stays as it is
    expect(form).not.toContain('（必須）');
    expect(form).not.toContain('変更後の在留資格等');
  });

  it('shows the errors of a form refused before the service in English', async () => {
    const res = await postForm(clerk, '/console/registry/changes/move-in', { step: 'confirm', townName: '大字広丘野村', 'p0-residentKind': 'japanese' }, 'en');
    const page = await res.text();
    expect(res.status).toBe(400);
    expect(page).toContain('Please check your input');
    expect(page).toContain('Date of change: Enter a date');
    expect(page).toContain('Surname (氏): Enter the surname');
    expect(page).toContain('Lot and number (番地・号): Enter the lot and number (番地・号)');
    expect(page).toContain('<p class="form-error" id="p0-sex-error">Choose the sex</p>');
    expect(page).not.toContain('を入力してください');
    const bad = await postForm(clerk, '/console/registry/changes/move-in', { step: 'confirm', occurredOn: '令和7年13月1日' }, 'en');
    expect(await bad.text()).toMatch(/Date of change: [^<]+ \(e\.g\. 令和7年4月1日, 2025-04-01\)/);
  });

  it('shows the 住所一括変更 screen and its trial in English', async () => {
    const form = await (await en(clerk, '/console/registry/address-changes')).text();
    expect(form).toContain('Address changes in bulk (residential address indication, land readjustment)');
    expect(form).toContain('Town before (町字)');
    expect(form).toContain('Run a trial (nothing is recorded)');
    expect(form).not.toContain('（必須）');
    const trial = await postForm(clerk, '/console/registry/address-changes', {
      step: 'trial', occurredOn: '2025-04-01', cause: '住居表示', 'r0-fromTown': '大字広丘野村', 'r0-banchiFrom': '5', 'r0-banchiTo': '5', 'r0-toTown': '広丘野村一丁目', 'r0-unlisted': '1',
    }, 'en');
    const page = await trial.text();
    expect(trial.status).toBe(200);
    expect(page).toContain('Address changes in bulk: trial');
    expect(page).toContain('大字広丘野村 lots 5–5 → 広丘野村一丁目');
    expect(page).toContain('Households concerned (1 household, 1 person)');
    const refused = await postForm(clerk, '/console/registry/address-changes', { step: 'trial', occurredOn: '2025-04-01', cause: '住居表示', 'r0-banchiFrom': 'x' }, 'en');
    expect(await refused.text()).toContain('Row 1: Lot from (番地): Enter the lot as a number');
  });

  it('keeps the Japanese change forms, confirmation and errors as they were', async () => {
    const form = await (await get(clerk, '/console/registry/changes/move-in')).text();
    expect(form).toContain('>氏<span class="ml-1 text-error-1">（必須）</span>');
    expect(form).toContain('本籍（日本人住民）');
    expect(form).toContain('>異動日・届出<');
    expect(form).toContain('<option value="中長期在留者">中長期在留者</option>');
    expect(form).not.toContain('(required)');
    const within = await (await get(clerk, `/console/registry/changes/move-within?householdId=${householdId}`)).text();
    const confirm = await (await postForm(clerk, '/console/registry/changes/move-within', {
      step: 'confirm', ...hiddenOf(within), occurredOn: '2025-04-01', notifiedOn: '2025-04-01', exOfficio: '1', townName: '大字広丘野村', banchi: '1-2', personIds: membersOf(within),
    }, 'ja')).text();
    expect(confirm).toContain('>異動の種類</dt><dd class="mb-2 sm:mb-0">転居</dd>');
    expect(confirm).toContain('>異動日</dt><dd class="mb-2 sm:mb-0">2025-04-01（2025-04-01）</dd>');
    expect(confirm).toContain('>職権</dt><dd class="mb-2 sm:mb-0">はい</dd>');
    const residence = await (await get(clerk, `/console/registry/changes/residence-status-change?personId=${foreignId}`)).text();
    expect(residence).toContain('異動日（許可の日）');
    expect(residence).toContain('>在留資格<span class="ml-1 text-error-1">（必須）</span>');
    const refused = await (await postForm(clerk, '/console/registry/changes/move-in', { step: 'confirm', townName: '大字広丘野村' }, 'ja')).text();
    expect(refused).toContain('異動日: 日付を入力してください');
    expect(refused).toContain('氏: 氏を入力してください');
    expect(refused).not.toContain('Enter a date');
  });

  it('keeps the Japanese pages as they were', async () => {
    const search = await (await get(clerk, `/console/registry?q=${encodeURIComponent('エイゴ')}`)).text();
    expect(search).toContain('<h1 class="text-std-32B-150">住民検索</h1>');
    expect(search).toContain('検索結果');
    expect(search).not.toContain('Resident search');
    const person = await (await get(clerk, `/console/registry/persons/${headId}`)).text();
    expect(person).toContain('個人票: 英語　太郎');
    expect(person).toContain('住民票の記載事項');
    expect(person).not.toContain('Items of the resident record');
  });

  it('falls back to Japanese for any text not translated into English', () => {
    const ja = registryText('ja');
    const english = registryText('en');
    expect(english.search.title).toBe('Resident search');
    expect(english.none).toBe(ja.none);
    expect(english.kinds['move-in']).toBe('Move-in');
    expect(ja.kinds).toEqual({});
    expect(english.statistics.totalColumns).toHaveLength(6);
    const form = changeFormText('en');
    expect(form.fields.townName).toBe('Town (町字)');
    expect(changeFormText('ja').fields.townName).toBe('町字');
    expect(changeFormText('ja').categories).toEqual({});
  });

  it('type-checks the English change-form dictionary against the Japanese keys', () => {
    // Leaving entries out is allowed (they fall back to Japanese) ...
    const partial: DeepPartial<ChangeFormDictionary> = { fields: { townName: 'Town' } };
    // ... a key the Japanese dictionary does not have is a type error (checked by npm run typecheck).
    // @ts-expect-error 'occuredOn' is a typo of 'occurredOn'
    const typo: DeepPartial<ChangeFormDictionary> = { fields: { occuredOn: 'Date' } };
    expect([partial, typo]).toHaveLength(2);
  });
});
