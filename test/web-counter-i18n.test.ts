// SPDX-License-Identifier: EUPL-1.2
// The counter (書かない窓口) and the public guide in English (issue #11): every screen rendered with the `lang=en`
// cookie has no fixed Japanese UI text left (resident data such as names and addresses, 和暦 dates and the
// language switch are allowed); without the cookie the same screens stay Japanese.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';
import { SIMULATED_CARDS } from '../src/domains/counter/index.ts';
import { japanToday } from '../src/domains/registry/index.ts';
import { shiftDays } from '../src/domains/cases/business-days.ts';

const M = '202151';
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。・（）「」：]/u;
const WAREKI = /(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2}月(\d{1,2}日)?)?/g;

/** Resident data and stored values the screens show as they are (never translated). */
const DATA = [
  '桔梗', '大樹', '結衣', '蒼', '陽葵', '英語', '太郎', '花子', '一郎', '湊', 'エイゴ', 'タロウ', 'ハナコ', 'イチロウ', 'キキョウ', 'ダイキ', 'ミナト',
  '東京都世田谷区桜丘二丁目3番4号', '長野県塩尻市大字広丘野村2100-5 コーポ桔梗101', '長野県', '塩尻市', '大字広丘野村', '世帯主', '妻', '子',
  // Values the English hints quote because they are what the clerk types or sees stored.
  '"なし"', '"不明"', '"国民健康保険"',
  // The language switch and the product's name in the footer.
  '日本語', '自治',
];

/** The lines of a page's visible text (and its labels for assistive technology) that still hold Japanese. */
function japaneseLeft(html: string, extra: string[] = []): string[] {
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<style[\s\S]*?<\/style>/g, ' ')
    // Card texts typed or read from the card, value suggestions for 続柄 and municipality names: data.
    .replace(/<textarea[\s\S]*?<\/textarea>/g, ' ').replace(/<datalist[\s\S]*?<\/datalist>/g, ' ')
    .replace(/<option value="\d{6}"[^>]*>[^<]*<\/option>/g, ' ')
    // The signed-in staff member's name (テスト 職員N in tests).
    .replace(/テスト 職員\d+/g, ' ');
  const attrs = [...body.matchAll(/\s(?:placeholder|aria-label|title|alt)="([^"]*)"/g)].map((m) => m[1]!);
  let text = [body.replace(/<[^>]+>/g, '\n'), ...attrs].join('\n')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const d of [...DATA, ...extra].sort((a, b) => b.length - a.length)) text = text.split(d).join(' ');
  text = text.replace(WAREKI, ' ');
  return text.split('\n').map((l) => l.trim()).filter((l) => JAPANESE.test(l));
}

describe('counter and guide in English', () => {
  const t = useTestApp();
  const s = consoleSessions(t, M);
  let clerk: ConsoleSession;
  const req = (sess: ConsoleSession, path: string, lang: 'ja' | 'en', fields?: Record<string, string | string[]>) => {
    const cookie = lang === 'en' ? `${sess.cookie}; lang=en` : sess.cookie;
    if (!fields) return t.app.request(path, { headers: { cookie } });
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries({ _csrf: sess.csrf, ...fields })) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return t.app.request(path, { method: 'POST', body: body.toString(), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
  };
  const page = async (path: string, lang: 'ja' | 'en' = 'en') => {
    const res = await req(clerk, path, lang);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  /** Fails with the leftover lines, so a failure says what to translate. */
  const expectEnglish = (html: string, where: string, extra: string[] = []) => {
    expect(html, where).toContain('<html lang="en"');
    expect(japaneseLeft(html, extra), where).toEqual([]);
  };
  let householdPersonIds: string[] = [];

  beforeAll(async () => {
    clerk = await s.signIn(['counter']);
    const { plan } = await t.services.registry.recordFinalAsSystem(M, {
      kind: 'move-in', occurredOn: '2020-04-01', notifiedOn: '2020-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
      address: { townName: '大字広丘野村', banchi: '7-7', katagaki: '', unlisted: false },
      persons: [
        { residentKind: 'japanese', familyName: '英語', givenName: '太郎', familyNameKana: 'エイゴ', givenNameKana: 'タロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
        { residentKind: 'japanese', familyName: '英語', givenName: '花子', familyNameKana: 'エイゴ', givenNameKana: 'ハナコ', birthDate: '1982-06-01', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' },
        { residentKind: 'japanese', familyName: '英語', givenName: '一郎', familyNameKana: 'エイゴ', givenNameKana: 'イチロウ', birthDate: '2015-09-01', sex: 'male', honseki: '長野県塩尻市', relationship: '子' },
      ],
    });
    householdPersonIds = plan.snapshots.map((x) => x.personId);
  });

  it('shows reception, the tickets and the lobby display in English, and refuses in English', async () => {
    for (const [i, e] of [['move-in', 'birth'], ['death'], ['move-within']].entries()) {
      expect((await req(clerk, '/console/counter/tickets', 'en', { _idem: `i18n-ticket-${i}`, e })).status).toBe(303);
    }
    expect((await req(clerk, '/console/counter/tickets/1/call', 'en', { _idem: 'i18n-call-1' })).status).toBe(303);
    expect((await req(clerk, '/console/counter/tickets/2/start', 'en', { _idem: 'i18n-start-2' })).status).toBe(303);
    const tickets = await page('/console/counter?issued=3');
    expectEnglish(tickets, 'tickets');
    for (const text of ['Issue a ticket', 'Ticket 3 issued.', 'Called', 'Being served', 'Waiting', 'Moving in, Birth', 'Reception without a ticket']) expect(tickets).toContain(text);
    const refused = await req(clerk, '/console/counter/tickets/2/call', 'en', { _idem: 'i18n-call-2' });
    expect(refused.status).toBe(409);
    const refusedPage = await refused.text();
    expectEnglish(refusedPage, 'ticket refused');
    expect(refusedPage).toContain('This ticket cannot be called (Being served)');
    const display = await page('/console/counter/display');
    expectEnglish(display, 'display');
    expect(display).toContain('Now calling');
  });

  it('shows the reception screen, its registry search and a visit reservation in English', async () => {
    const { loginId } = await t.staff(M, ['counter']);
    const api = await t.login(M, loginId);
    const created = await api.request('POST', '/api/v1/cases', {
      caseTypeCode: 'visit-reservation', channel: 'online',
      applicant: { familyName: '桔梗', givenName: '大樹', familyNameKana: 'キキョウ', givenNameKana: 'ダイキ', birthDate: '1988-05-10', contact: { phone: '090-1234-5678' } },
      subjects: [{ familyName: '桔梗', givenName: '大樹', birthDate: '1988-05-10' }],
      data: { kind: 'move-in', visitOn: japanToday(t.services.clock), slot: '10:00', movedOn: shiftDays(japanToday(t.services.clock), -3), newAddress: '長野県塩尻市大字広丘野村2100-5 コーポ桔梗101', previousAddress: '東京都世田谷区桜丘二丁目3番4号' },
    }, { 'idempotency-key': 'counter-i18n-reservation' });
    expect(created.status).toBe(201);
    const { caseNo } = await created.json() as { caseNo: string };

    const list = await page('/console/counter/visits/new?ticket=1&simulate=1');
    expectEnglish(list, 'reception');
    for (const text of ['Reception (ticket 1)', 'Visit reservations (moves sent online)', `桔梗 大樹 (no. ${caseNo}, received`, 'Moving in (from the cards)', 'Person 4', 'Start the interview']) expect(list).toContain(text);
    const opened = await page(`/console/counter/visits/new?reservation=${caseNo}`);
    expectEnglish(opened, 'reservation');
    expect(opened).toContain(`Starting the interview from the visit reservation (no. ${caseNo})`);
    expect(opened).toContain('Moving-in notification');
    const hits = await page(`/console/counter/visits/new?e=death&q=${encodeURIComponent('エイゴ タロウ')}`);
    expectEnglish(hits, 'search hits');
    expect(hits).toContain('Start with 英語　太郎');
    const none = await page(`/console/counter/visits/new?q=${encodeURIComponent('ンンンン')}`);
    expectEnglish(none, 'no hits');
    expect(none).toContain('No resident matches.');

    const badCard = await req(clerk, '/console/counter/visits', 'en', { _idem: 'i18n-bad-card', e: 'move-in', card: ['氏名 桔梗\n住所 x\n生年月日 平成1年1月1日\n性別 男'] });
    expect(badCard.status).toBe(422);
    const badPage = await badCard.text();
    expectEnglish(badPage, 'bad card', ['平成1年1月1日']);
    expect(badPage).toContain('Person 1: the name (surname and given name) on the card face cannot be read');
    const moveIn = await req(clerk, '/console/counter/visits/from-registry', 'en', { _idem: 'i18n-from-registry-move-in', e: 'move-in', personId: householdPersonIds[0]! });
    expect(moveIn.status).toBe(422);
    expectEnglish(await moveIn.text(), 'move-in from registry');
  });

  it('shows the move-in interview, the procedures with reasons, add/drop, what is missing and the signature step in English', async () => {
    const started = await req(clerk, '/console/counter/visits', 'en', { _idem: 'i18n-visit-move-in', e: ['move-in'], card: SIMULATED_CARDS });
    expect(started.status).toBe(303);
    const visit = started.headers.get('location')!;
    let html = await page(visit);
    expectEnglish(html, 'interview (new)');
    for (const text of ['Procedures needed (', 'Moving-in notification', 'You moved in from another municipality', 'Child allowance', 'There are children under 18', 'Interview (shared questions asked once)',
      'Date of the move', 'Enter the date of the change', 'Child allowance (bank account for payment)', 'Save the interview']) expect(html).toContain(text);

    const noReason = await req(clerk, `${visit}/adjustments`, 'en', { action: 'drop', code: 'school-enrolment', reason: ' ' });
    expect(noReason.status).toBe(422);
    const noReasonPage = await noReason.text();
    expectEnglish(noReasonPage, 'drop without reason');
    expect(noReasonPage).toContain('Enter the reason for dropping');
    expect((await req(clerk, `${visit}/adjustments`, 'en', { action: 'drop', code: 'school-enrolment', reason: 'private school' })).status).toBe(303);
    expect((await req(clerk, `${visit}/adjustments`, 'en', { action: 'add', code: 'dog-registration', reason: 'has a dog' })).status).toBe(303);
    html = await page(`${visit}?done=adjusted`);
    expectEnglish(html, 'adjusted');
    for (const text of ['Procedures changed.', 'Dropped: School transfer (primary and junior high) (private school)', 'Dog registration change', 'Added by staff']) expect(html).toContain(text);

    // Half the answers: each missing one is said at its field in English.
    expect((await req(clerk, `${visit}/interview`, 'en', { occurredOn: 'someday', phone: '12', kf0: 'キキョウ', rel0: '世帯主', rel1: '', accountNumber: '12' })).status).toBe(303);
    html = await page(`${visit}?done=saved`);
    expectEnglish(html, 'interview (saved, incomplete)', ['someday']);
    for (const text of ['Interview saved.', 'Enter the date of the change as a date', 'Enter the account number as 7 digits', 'Enter the relationship of 桔梗 結衣', 'Enter a contact phone number']) expect(html).toContain(text);
    const early = await req(clerk, `${visit}/filing`, 'en', { _idem: 'i18n-file-early', signed: '1' });
    expect(early.status).toBe(422);
    expectEnglish(await early.text(), 'filing refused', ['someday']);
  });

  it('shows the registry visits (death with the new head, birth with the newborn) and the filing result in English', async () => {
    const death = await req(clerk, '/console/counter/visits/from-registry', 'en', { _idem: 'i18n-death', e: 'death', personId: householdPersonIds[0]! });
    expect(death.status).toBe(303);
    const deathPage = await page(death.headers.get('location')!);
    expectEnglish(deathPage, 'death');
    for (const text of ['Death registration and cremation permit', 'A family member died', 'New head of household', 'Deceased', 'Date of death']) expect(deathPage).toContain(text);

    const birth = await req(clerk, '/console/counter/visits/from-registry', 'en', { _idem: 'i18n-birth', e: 'birth', personId: householdPersonIds[0]! });
    expect(birth.status).toBe(303);
    const visit = birth.headers.get('location')!;
    expectEnglish(await page(visit), 'birth');
    const bornOn = shiftDays(japanToday(t.services.clock), -5);
    const answers: Record<string, string> = { concernedShown: '1', occurredOn: bornOn, phone: '0263-52-2222', honseki: '長野県塩尻市', hittosha: '英語太郎',
      'nb-familyName': '英語', 'nb-givenName': '湊', 'nb-familyNameKana': 'エイゴ', 'nb-givenNameKana': 'ミナト', 'nb-birthDate': bornOn, 'nb-sex': 'male', 'nb-relationship': '子',
      bankName: 'Hachijuni', branchName: 'Shiojiri', accountType: 'ordinary', accountNumber: '7654321', insurer: 'Kyokai Kenpo' };
    [['エイゴ', 'タロウ', '世帯主'], ['エイゴ', 'ハナコ', '妻'], ['エイゴ', 'イチロウ', '子']].forEach(([kf, kg, rel], i) => Object.assign(answers, { [`kf${i}`]: kf, [`kg${i}`]: kg, [`rel${i}`]: rel }));
    expect((await req(clerk, `${visit}/interview`, 'en', answers)).status).toBe(303);
    const ready = await page(visit);
    expectEnglish(ready, 'birth (ready)');
    for (const text of ['The newborn child', 'Open the confirmation and signature sheet (PDF)', 'The resident checked the sheet and signed it', 'File every notification and application (']) expect(ready).toContain(text);
    const unsigned = await req(clerk, `${visit}/filing`, 'en', { _idem: 'i18n-birth-unsigned' });
    expect(unsigned.status).toBe(422);
    const unsignedPage = await unsigned.text();
    expectEnglish(unsignedPage, 'unsigned');
    expect(unsignedPage).toContain('File only after the resident has checked and signed the sheet');
    const filed = await req(clerk, `${visit}/filing`, 'en', { _idem: 'i18n-birth-file', signed: '1' });
    expect(filed.status, await filed.clone().text()).toBe(303);
    const result = await page(`${visit}?done=filed`);
    expectEnglish(result, 'filed');
    for (const text of ['Every notification and application was received', 'Recorded provisionally in the resident registry', 'Case ', 'Back to reception']) expect(result).toContain(text);
  });

  it('shows a foreign move-in with the residence card items in English', async () => {
    const started = await req(clerk, '/console/counter/visits', 'en', { _idem: 'i18n-visit-foreign', e: ['foreign-move-in'], card: SIMULATED_CARDS.slice(0, 2) });
    expect(started.status).toBe(303);
    const visit = started.headers.get('location')!;
    expect((await req(clerk, `${visit}/interview`, 'en', { occurredOn: shiftDays(japanToday(t.services.clock), -1), phone: '0263-52-3333' })).status).toBe(303);
    const html = await page(visit);
    expectEnglish(html, 'foreign move-in');
    for (const text of ['Residence card of 桔梗 大樹', 'Nationality or region', 'Enter the residence card number of 桔梗 大樹', 'Residence card: notifying the address']) expect(html).toContain(text);
  });

  it('shows the public guide in English: the questions, the procedures for every event, and the errors', async () => {
    const en = { headers: { cookie: 'lang=en' } };
    const questions = await (await t.app.request('/guide', en)).text();
    expectEnglish(questions, 'guide');
    expect(questions).toContain('Guide to procedures for moving, births and deaths');
    const all = `go=1&${['move-in', 'foreign-move-in', 'move-out', 'move-within', 'birth', 'death', 'household-change'].map((e) => `e=${e}`).join('&')}&a0=80&n0=1&h0=1&f0=1&a1=40&n1=1&a2=7&a3=3&o3=1&a4=16&a5=66&dog=1`;
    const result = await (await t.app.request(`/guide?${all}`, en)).text();
    expectEnglish(result, 'guide result');
    expect(result).toContain('the person aged 80, the person aged 40');
    expect([...result.matchAll(/data-procedure="/g)].length).toBeGreaterThan(15);
    const errors = await t.app.request('/guide?go=1&a0=abc', en);
    expect(errors.status).toBe(400);
    const errorsPage = await errors.text();
    expectEnglish(errorsPage, 'guide errors');
    expect(errorsPage).toContain('Choose at least one event.');
  });

  it('keeps Japanese the default on every counter screen and the guide', async () => {
    const tickets = await page('/console/counter', 'ja');
    expect(tickets).toContain('<html lang="ja"');
    for (const text of ['受付番号を発行', '番号なしで受付']) expect(tickets).toContain(text);
    expect(tickets).not.toContain('Issue a ticket');
    const reception = await page('/console/counter/visits/new?simulate=1', 'ja');
    for (const text of ['来庁受付', '転入（カードから）', '聞き取りを始める']) expect(reception).toContain(text);
    expect(reception).not.toContain('Start the interview');
    const started = await req(clerk, '/console/counter/visits', 'ja', { _idem: 'i18n-visit-ja', e: ['move-in'], card: SIMULATED_CARDS });
    const visit = await page(started.headers.get('location')!, 'ja');
    for (const text of ['必要な手続', '転入届', '市外から引越してきたため', '聞き取りを保存', '異動日を入力してください', '確認・署名と届出']) expect(visit).toContain(text);
    expect(visit).not.toContain('Save the interview');
    const guide = await (await t.app.request('/guide?go=1&e=death&a0=80&h0=1')).text();
    expect(guide).toContain('<html lang="ja"');
    expect(guide).toContain('死亡届・火葬許可申請');
    expect(guide).not.toContain('Death registration');
    // The detector itself: the Japanese pages are full of fixed Japanese text.
    expect(japaneseLeft(visit).length).toBeGreaterThan(20);
  });
});
