// SPDX-License-Identifier: EUPL-1.2
/**
 * Scripted browser walks of a move-in family of four (転入 + 児童手当 + 保育 + 国保 + 印鑑登録, and what the rules
 * add for these children: 子ども医療, 小中学校の転入学) — at the counter (書かない窓口) and, for the comparison,
 * one procedure after another in the separate staff screens. Shared by bench/counter-visit.ts and
 * e2e/counter.spec.ts. A `Meter` counts what a clerk does: keystrokes (one per character typed, one per key
 * pressed; dates typed as short 和暦, R8.12.1; a kana or kanji counts as one, as an IME's conversion would add to
 * both sides alike), pointer actions (clicks, choices in a list, check boxes) and pages (HTML
 * documents loaded in the tab, PDFs opened).
 */
import type { Locator, Page } from 'playwright-core';
import { procedureOf } from '../src/domains/procedures/index.ts';
import { parseLegalDate } from '../src/platform/dates/jp-date.ts';

/** The family (as on their マイナンバーカード: SIMULATED_CARDS) and what only they can tell the clerk. */
export const FAMILY = {
  members: [
    { familyName: '桔梗', givenName: '大樹', familyKana: 'キキョウ', givenKana: 'ダイキ', birthDate: '1988-05-10', sex: 'male', relationship: '世帯主' },
    { familyName: '桔梗', givenName: '結衣', familyKana: 'キキョウ', givenKana: 'ユイ', birthDate: '1990-08-21', sex: 'female', relationship: '妻' },
    { familyName: '桔梗', givenName: '蒼', familyKana: 'キキョウ', givenKana: 'アオイ', birthDate: '2019-04-02', sex: 'male', relationship: '子' },
    { familyName: '桔梗', givenName: '陽葵', familyKana: 'キキョウ', givenKana: 'ヒマリ', birthDate: '2023-01-15', sex: 'female', relationship: '子' },
  ],
  previousAddress: '東京都世田谷区桜丘二丁目3番4号',
  townName: '大字広丘野村',
  banchi: '2100-5',
  honseki: '東京都世田谷区桜丘二丁目3番',
  hittosha: '桔梗大樹',
  phone: '090-1234-5678',
  bankName: '八十二銀行',
  branchName: '塩尻支店',
  accountNumber: '1234567',
  daycarePreference: '大門保育園',
  daycareReason: '父母とも就労',
  insurer: '国民健康保険',
  previousSchool: '世田谷区立桜丘小学校',
} as const;

/** What a clerk did on one side of the comparison. */
export class Meter {
  keys = 0;
  pointer = 0;
  pages = 0;
  readonly started = performance.now();
  /** Keystrokes per procedure (the separate screens) or per step (the counter). */
  readonly byPart = new Map<string, number>();
  private part = '';
  constructor(readonly page: Page) {
    page.on('framenavigated', (f) => { if (!this.paused && f === page.mainFrame() && f.url() !== 'about:blank') this.pages++; });
  }
  /** Starts counting the next keystrokes under `name`. */
  section(name: string) { this.part = name; }
  private add(n: number) { this.keys += n; this.byPart.set(this.part, (this.byPart.get(this.part) ?? 0) + n); }
  /** Clicks into a field and types the text. */
  async type(field: Locator, text: string) {
    await field.click();
    this.pointer++;
    await field.pressSequentially(text);
    this.add([...text].length);
  }
  async press(key: string) { await this.page.keyboard.press(key); this.add(1); }
  /** Types where the caret already is (autofocus); `counted` keystrokes (a date: its 8 digits). */
  async typeHere(text: string, counted = [...text].length) { await this.page.keyboard.type(text); this.add(counted); }
  /** Loads a page that the clerk does not see as one of their own (setup); not counted. */
  paused = false;
  async click(target: Locator) { await target.click(); this.pointer++; }
  async check(target: Locator) { await target.check(); this.pointer++; }
  async select(target: Locator, value: string | { label: string }) { await target.selectOption(value); this.pointer++; }
  /** A page opened outside the tab (the PDF sheet). */
  opened() { this.pages++; this.pointer++; }
  seconds() { return (performance.now() - this.started) / 1000; }
  /** Stops counting the tab's pages (another meter takes over the same tab). */
  stop() { this.paused = true; }
}

/** A day as a clerk types it: the short 和暦 (R8.12.1, H31.4.2, S63.5.10) every Jichi date field takes. */
export function shortWareki(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const era = iso >= '2019-05-01' ? ['R', 2018] : iso >= '1989-01-08' ? ['H', 1988] : ['S', 1925];
  return `${era[0]}${y - (era[1] as number)}.${m}.${d}`;
}

/** A day as YYYY-MM-DD in Japan, `days` from today. */
export function japanDayFromToday(days: number): string {
  return new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

const MOVED_ON = () => japanDayFromToday(-3);
const DAYCARE_START = () => `${japanDayFromToday(40).slice(0, 7)}-01`;

/**
 * The counter: reception issues a 受付番号 (転入), the clerk calls and serves it, reads the four cards, asks only
 * what the cards and the registry cannot tell (one interview), opens the signature sheet and files everything at once.
 * Returns the visit's page URL and the case numbers filed.
 */
export async function walkCounter(m: Meter, onPage: (name: string) => Promise<void> = async () => undefined): Promise<{ visitUrl: string; caseNos: string[] }> {
  const page = m.page;
  const f = FAMILY;
  m.section('reception');
  await page.goto('/console/counter');
  await onPage('counter-tickets');
  await m.check(page.getByRole('checkbox', { name: /^転入（/ }));
  await m.click(page.getByRole('button', { name: '発行する' }));
  await page.waitForURL('**/console/counter?issued=*');
  const issued = Number(new URL(page.url()).searchParams.get('issued'));
  await m.click(page.locator(`tr[data-ticket="${issued}"]`).getByRole('button', { name: '対応開始' }));
  await page.waitForURL('**/console/counter/visits/new?ticket=*');
  // The four cards on the reader (the demo's simulated reader).
  await m.click(page.getByRole('link', { name: '模擬カードを読み取る（デモ）' }));
  await page.waitForURL('**simulate=1');
  await onPage('counter-reception');
  await m.click(page.getByRole('button', { name: '聞き取りを始める' }));
  await page.waitForURL(/\/console\/counter\/visits\/\d{4}-\d{6}$/);
  const visitUrl = new URL(page.url()).pathname;
  await onPage('counter-visit-start');

  m.section('interview');
  await m.type(page.locator('#occurredOn'), shortWareki(MOVED_ON()));
  await m.type(page.locator('#phone'), f.phone);
  await m.type(page.locator('#townName'), f.townName);
  await m.type(page.locator('#banchi'), f.banchi);
  await m.type(page.locator('#honseki'), f.honseki);
  await m.type(page.locator('#hittosha'), f.hittosha);
  for (const [i, p] of f.members.entries()) {
    // The reading of a 氏 is asked once: the others of the same 氏 take it when saved.
    if (i === 0) await m.type(page.locator(`#kf${i}`), p.familyKana);
    await m.type(page.locator(`#kg${i}`), p.givenKana);
    if (i > 0) await m.type(page.locator(`#rel${i}`), p.relationship);
    await m.check(page.locator(`input[name="nhi${i}"]`));
  }
  await m.type(page.locator('#bankName'), f.bankName);
  await m.type(page.locator('#branchName'), f.branchName);
  await m.type(page.locator('#accountNumber'), f.accountNumber);
  await m.type(page.locator('#daycareStart'), shortWareki(DAYCARE_START()));
  await m.type(page.locator('#daycarePreferences'), f.daycarePreference);
  await m.type(page.locator('#daycareReason'), f.daycareReason);
  // 子ども医療費 and 転入学 (beyond the five procedures the issue names): the school; the child's insurer is known (国保).
  m.section('子ども医療・転入学');
  await m.type(page.locator('#previousSchool'), f.previousSchool);
  await m.click(page.getByRole('button', { name: '聞き取りを保存' }));
  await page.waitForURL('**?done=saved');
  await onPage('counter-visit-ready');

  m.section('signature and filing');
  const sheet = await page.getByRole('link', { name: '確認・署名用シートを開く（PDF）' }).getAttribute('href');
  const pdf = await page.request.get(sheet!);
  if (!(await pdf.body()).subarray(0, 5).toString().startsWith('%PDF')) throw new Error('the signature sheet is not a PDF');
  m.opened();
  await m.check(page.getByLabel('住民の方がシートの内容を確認し、署名しました'));
  await m.click(page.getByRole('button', { name: /^すべての届出・申請を行う/ }));
  await page.waitForURL('**?done=filed');
  await onPage('counter-visit-filed');
  const caseNos = (await page.getByTestId('filed').getByRole('link', { name: /^案件 / }).allTextContents()).map((t) => t.replace('案件 ', ''));
  return { visitUrl, caseNos };
}

/** The registry's 転入 screen: the whole household typed from the paper 転入届. */
export async function walkRegistryMoveIn(m: Meter) {
  const page = m.page;
  const f = FAMILY;
  m.section('転入（住民記録の転入画面）');
  await page.goto('/console/registry/changes/move-in');
  await page.waitForFunction(() => document.activeElement?.id === 'occurredOn');
  const moved = MOVED_ON();
  // Its first field has the caret.
  await m.typeHere(shortWareki(moved));
  await m.type(page.getByLabel('届出人'), `${f.members[0].familyName}${f.members[0].givenName}`);
  await m.type(page.locator('#townName'), f.townName);
  await m.type(page.getByLabel('番地・号'), f.banchi);
  await m.type(page.getByLabel('前住所'), f.previousAddress);
  for (const [i, p] of f.members.entries()) {
    if (i > 0) await m.click(page.getByText(`${i + 1}人目を追加`));
    await m.type(page.locator(`#p${i}-familyName`), p.familyName);
    await m.type(page.locator(`#p${i}-givenName`), p.givenName);
    await m.type(page.locator(`#p${i}-familyNameKana`), p.familyKana);
    await m.type(page.locator(`#p${i}-givenNameKana`), p.givenKana);
    await m.type(page.locator(`#p${i}-birthDate`), shortWareki(p.birthDate));
    await m.select(page.locator(`#p${i}-sex`), p.sex);
    // The first person's 続柄 is 世帯主 already (a new household).
    if ((await page.locator(`#p${i}-relationship`).inputValue()) !== p.relationship) await m.type(page.locator(`#p${i}-relationship`), p.relationship);
    await m.type(page.locator(`#p${i}-honseki`), f.honseki);
    await m.type(page.locator(`#p${i}-hittosha`), f.hittosha);
  }
  await m.press('Enter');
  await page.waitForURL('**/console/registry/changes/move-in');
  await page.getByTestId('confirm').waitFor({ timeout: 10_000 }).catch(async (e) => {
    throw new Error(`the 転入 form was refused: ${(await page.locator('.form-error, [role=alert]').allTextContents()).join(' / ')}`, { cause: e });
  });
  await m.press('Enter');
  await page.waitForURL('**/console/registry/changes/*?done=recorded');
}

/** The daycare section's entry screen (申込の登録) of an open round, typed from the paper 保育所等利用申込書. */
export async function walkDaycareEntry(m: Meter, roundId: string, facilityId: string) {
  const page = m.page;
  const f = FAMILY;
  const child = f.members[3];
  m.section('保育（保育所等利用調整の申込登録画面）');
  await page.goto(`/console/daycare/rounds/${encodeURIComponent(roundId)}/applications/new`);
  await m.type(page.locator('#householdId'), 'H-KIKYO');
  await m.type(page.locator('#guardianName'), `${f.members[0].familyName}${f.members[0].givenName}`);
  await m.type(page.locator('#childId'), 'C-KIKYO-HIMARI');
  await m.type(page.locator('#childName'), `${child.familyName}${child.givenName}`);
  await m.select(page.locator('#ageClass'), '3');
  await m.type(page.locator('#preferences'), facilityId);
  await m.select(page.locator('#parent1Need'), 'employed');
  await m.type(page.locator('#parent1Hours'), '40');
  await m.select(page.locator('#parent2Need'), 'employed');
  await m.type(page.locator('#parent2Hours'), '40');
  await m.click(page.getByRole('button', { name: '登録する' }));
  await page.waitForURL(/\/applications\/C-KIKYO-HIMARI$/);
}

/** One field of a paper or online form typed into the generic entry. */
interface GenericField { key: string; label: string; value: string; kind?: 'text' | 'date' | 'choice' }
interface GenericForm { procedure: string; source: string; fields: GenericField[]; submission: (v: Record<string, string>) => unknown }

const person = (prefix: string, label: string, p: (typeof FAMILY.members)[number]): GenericField[] => [
  { key: `${prefix}.familyName`, label: `${label} 氏`, value: p.familyName },
  { key: `${prefix}.givenName`, label: `${label} 名`, value: p.givenName },
  { key: `${prefix}.familyNameKana`, label: `${label} 氏（フリガナ）`, value: p.familyKana },
  { key: `${prefix}.givenNameKana`, label: `${label} 名（フリガナ）`, value: p.givenKana },
  { key: `${prefix}.birthDate`, label: `${label} 生年月日`, value: p.birthDate, kind: 'date' },
];
const stated = (v: Record<string, string>, prefix: string) => ({
  familyName: v[`${prefix}.familyName`]!, givenName: v[`${prefix}.givenName`]!, familyNameKana: v[`${prefix}.familyNameKana`], givenNameKana: v[`${prefix}.givenNameKana`], birthDate: v[`${prefix}.birthDate`]!,
});
const phoneField: GenericField = { key: 'phone', label: '電話番号', value: FAMILY.phone };
const addressField: GenericField = { key: 'address', label: '住所', value: `${FAMILY.townName}${FAMILY.banchi}` };

/**
 * The procedures without a staff screen of their own, as their forms' fields typed into a generic entry: the online
 * form's fields where Jichi has one (児童手当, 国保 資格取得届 — from the procedures domain's definitions, plus the
 * members by name, as the family is not in the registry yet), else the usual paper form (印鑑登録申請書,
 * 子ども医療費受給資格申請書, 転入学届).
 */
export function genericForms(): GenericForm[] {
  const [head, wife, son, daughter] = FAMILY.members;
  const f = FAMILY;
  const online = (code: string) => { if (!procedureOf(code)) throw new Error(`no online form ${code}`); return `電子申請の様式（${procedureOf(code)!.titleJa}）`; };
  const forms: GenericForm[] = [
    { procedure: '児童手当', source: online('child-allowance'), fields: [...person('a', '請求者', head), phoneField,
      ...person('c0', '児童1', son), ...person('c1', '児童2', daughter),
      { key: 'publicServant', label: '公務員ですか', value: 'no', kind: 'choice' },
      { key: 'bankName', label: '金融機関名', value: f.bankName }, { key: 'branchName', label: '支店名', value: f.branchName },
      { key: 'accountType', label: '口座の種類', value: 'ordinary', kind: 'choice' }, { key: 'accountNumber', label: '口座番号', value: f.accountNumber }],
    submission: (v) => ({ caseTypeCode: 'child-allowance', channel: 'counter', applicant: { ...stated(v, 'a'), contact: { phone: v.phone } }, subjects: [stated(v, 'c0'), stated(v, 'c1')],
      data: { bankName: v.bankName, branchName: v.branchName, accountType: v.accountType, accountNumber: v.accountNumber, publicServant: v.publicServant === 'yes' } }) },
    { procedure: '国民健康保険 資格取得', source: online('nhi-enrolment'), fields: [...person('a', '届出人', head), phoneField,
      { key: 'reason', label: '理由', value: 'moved-in', kind: 'choice' }, { key: 'eventOn', label: '加入する日', value: MOVED_ON(), kind: 'date' },
      ...person('s1', '対象者2', wife), ...person('s2', '対象者3', son), ...person('s3', '対象者4', daughter)],
    submission: (v) => ({ caseTypeCode: 'nhi-enrolment', channel: 'counter', applicant: { ...stated(v, 'a'), contact: { phone: v.phone } },
      subjects: [stated(v, 'a'), stated(v, 's1'), stated(v, 's2'), stated(v, 's3')], data: { eventOn: v.eventOn, reason: v.reason, otherInsurer: '' } }) },
    ...[head, wife].map((p): GenericForm => ({ procedure: `印鑑登録（${p.givenName}）`, source: '紙の印鑑登録申請書', fields: [...person('a', '申請者', p), addressField, phoneField],
      submission: (v) => ({ caseTypeCode: 'seal-registration', channel: 'counter', applicant: { ...stated(v, 'a'), contact: { phone: v.phone } }, subjects: [stated(v, 'a')],
        data: { identityDocument: 'マイナンバーカード' } }) })),
    { procedure: '子ども医療費', source: '紙の子ども医療費受給資格申請書', fields: [...person('a', '保護者', head), addressField, phoneField, ...person('c', '児童', daughter),
      { key: 'insurer', label: '健康保険（保険者名）', value: f.insurer }],
    submission: (v) => ({ caseTypeCode: 'child-medical', channel: 'counter', applicant: { ...stated(v, 'a'), contact: { phone: v.phone } }, subjects: [stated(v, 'c')],
      data: { insurer: v.insurer, eligibleFrom: MOVED_ON() } }) },
    { procedure: '小中学校の転入学', source: '紙の転入学届', fields: [...person('a', '保護者', head), addressField, phoneField, ...person('c', '児童', son),
      { key: 'previousSchool', label: '前の学校', value: f.previousSchool }, { key: 'grade', label: '学年', value: '2' }],
    submission: (v) => ({ caseTypeCode: 'school-enrolment', channel: 'counter', applicant: { ...stated(v, 'a'), contact: { phone: v.phone } }, subjects: [stated(v, 'c')],
      data: { previousSchool: v.previousSchool, grade: Number(v.grade), startOn: MOVED_ON() } }) },
  ];
  return forms;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * One form typed into the generic entry: Jichi has no staff entry screen for it, so the bench shows its fields as a
 * plain form in the same tab (one page), types every value, and files what was typed through the staff API
 * (POST /api/v1/cases, the signed-in session). Choices (radio) count as one pointer action.
 */
export async function walkGenericEntry(m: Meter, form: GenericForm, csrf: string): Promise<string> {
  const page = m.page;
  m.section(`${form.procedure}（${form.source}）`);
  const html = `<!doctype html><html lang="ja"><title>案件の登録</title><h1>${escape(form.procedure)}</h1><form>${form.fields.map((x) =>
    `<label>${escape(x.label)} <input id="${escape(x.key)}"></label><br>`).join('')}</form></html>`;
  m.paused = true;
  await page.goto('/console/cases');
  await page.setContent(html);
  m.paused = false;
  m.pages++;
  for (const x of form.fields) {
    const field = page.locator(`[id="${x.key}"]`);
    if (x.kind === 'choice') { await field.fill(x.value); m.pointer++; }
    else await m.type(field, x.kind === 'date' ? shortWareki(x.value) : x.value);
  }
  const read = async (x: GenericField) => {
    const v = await page.locator(`[id="${x.key}"]`).inputValue();
    return [x.key, x.kind === 'date' ? parseLegalDate(v).sortKey : v] as const;
  };
  const values = Object.fromEntries(await Promise.all(form.fields.map(read)));
  m.pointer++; // 登録
  const res = await page.request.post('/api/v1/cases', { data: form.submission(values), headers: { 'x-csrf-token': csrf, 'idempotency-key': crypto.randomUUID() } });
  if (res.status() !== 201) throw new Error(`generic entry of ${form.procedure}: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { caseNo: string }).caseNo;
}
