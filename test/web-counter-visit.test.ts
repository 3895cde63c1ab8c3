// The 書かない窓口: a move-in family of four from reception to filed cases with one signature sheet. Members come from
// the cards' 券面事項 (simulated reader), shared questions are asked once, the sheet is a real PDF, filing writes the
// registry 仮登録 and every case in one transaction and is safe to repeat; wrong input is refused in words.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from './test-app.ts';
import { consoleSessions } from './web-console-session.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { SIMULATED_CARDS } from '../src/domains/counter/index.ts';
import { japanToday } from '../src/domains/registry/index.ts';
import { shiftDays } from '../src/domains/cases/business-days.ts';

const M = '202151';

describe('counter visit', () => {
  const t = useTestApp();
  const s = consoleSessions(t, M);

  it('serves a move-in family of four: card → interview → sheet → every case filed at once', async () => {
    const clerk = await s.signIn(['counter']);
    const issued = await s.post(clerk, '/console/counter/tickets', { _csrf: clerk.csrf, _idem: 'visit-ticket-001', e: ['move-in'] });
    const ticket = Number(/issued=(\d+)/.exec(issued.headers.get('location')!)![1]);
    const start = await s.post(clerk, `/console/counter/tickets/${ticket}/start`, { _csrf: clerk.csrf, _idem: 'visit-ticket-001-start' });
    expect(start.headers.get('location')).toBe(`/console/counter/visits/new?ticket=${ticket}`);
    const reception = await (await s.get(clerk, `/console/counter/visits/new?ticket=${ticket}&simulate=1`)).text();
    expect(reception).toContain('桔梗　大樹');

    // A card text that cannot be read is refused with the member's position.
    const bad = await s.post(clerk, '/console/counter/visits', { _csrf: clerk.csrf, _idem: 'visit-start-bad', e: 'move-in', card: ['氏名 桔梗\n住所 x\n生年月日 平成1年1月1日\n性別 男'] });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('1人目: 券面事項の氏名（氏と名）が読み取れません');

    const started = await s.post(clerk, '/console/counter/visits', { _csrf: clerk.csrf, _idem: 'visit-start-001', ticket: String(ticket), e: 'move-in', card: SIMULATED_CARDS });
    expect(started.status).toBe(303);
    const visitPath = started.headers.get('location')!;
    expect(visitPath).toMatch(/^\/console\/counter\/visits\/\d{4}-\d{6}$/);
    let page = await (await s.get(clerk, visitPath)).text();
    for (const title of ['転入届', '印鑑登録', '児童手当の認定請求', '子ども医療費受給資格の申請', '保育所等の利用申込（転園）', '小中学校の転入学']) expect(page).toContain(title);
    expect(page).not.toContain('data-procedure="nhi-enrolment"');
    expect(page).toContain('異動日を入力してください');
    expect(page).toContain('東京都世田谷区桜丘二丁目3番4号');

    // Dropping without a reason is refused; the interview is one form; 国保 for everyone adds the 国保 procedure.
    const noReason = await s.post(clerk, `${visitPath}/adjustments`, { _csrf: clerk.csrf, action: 'drop', code: 'school-enrolment', reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('外す理由を入力してください');
    const movedOn = shiftDays(japanToday(t.services.clock), -2);
    const answers = {
      _csrf: clerk.csrf, occurredOn: movedOn, phone: '0263-52-0000', previousAddress: '東京都世田谷区桜丘二丁目3番4号', townName: '大字広丘野村', banchi: '1500番地', katagaki: '', honseki: '東京都世田谷区桜丘二丁目3番', hittosha: '桔梗　大樹',
      kf0: 'キキョウ', kg0: 'ダイキ', rel0: '世帯主', nhi0: '1', kf1: 'キキョウ', kg1: 'ユイ', rel1: '妻', nhi1: '1', kf2: 'キキョウ', kg2: 'アオイ', rel2: '子', nhi2: '1', kf3: 'キキョウ', kg3: 'ヒマリ', rel3: '子', nhi3: '1',
      bankName: '八十二銀行', branchName: '塩尻支店', accountType: 'ordinary', accountNumber: '123456',
      daycareStart: shiftDays(japanToday(t.services.clock), 30), daycarePreferences: '広丘保育園、吉田保育園', daycareReason: '父母とも就労（週40時間）', insurer: '国民健康保険', previousSchool: '世田谷区立桜丘小学校',
    };
    expect((await s.post(clerk, `${visitPath}/interview`, answers)).status).toBe(303);
    page = await (await s.get(clerk, `${visitPath}?done=saved`)).text();
    expect(page).toContain('data-procedure="nhi-enrolment"');
    expect(page).toContain('口座番号は7桁の数字で入力してください');
    expect(page).not.toContain('確認・署名用シートを開く');
    expect((await s.post(clerk, `${visitPath}/interview`, { ...answers, accountNumber: '1234567' })).status).toBe(303);
    page = await (await s.get(clerk, visitPath)).text();
    expect(page).toContain('確認・署名用シートを開く（PDF）');
    expect(page).toContain('value="キキョウ"');

    const pdf = await s.get(clerk, `${visitPath}/sheet.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);

    // Filing needs the signature; then everything at once, and a repeat of the same form files nothing twice.
    const unsigned = await s.post(clerk, `${visitPath}/filing`, { _csrf: clerk.csrf, _idem: 'visit-file-000' });
    expect(unsigned.status).toBe(422);
    const filed = await s.post(clerk, `${visitPath}/filing`, { _csrf: clerk.csrf, _idem: 'visit-file-001', signed: '1' });
    expect(filed.status).toBe(303);
    expect(filed.headers.get('location')).toBe(`${visitPath}?done=filed`);
    const again = await s.post(clerk, `${visitPath}/filing`, { _csrf: clerk.csrf, _idem: 'visit-file-001', signed: '1' });
    expect(again.headers.get('location')).toBe(`${visitPath}?done=filed`);
    const other = await s.post(clerk, `${visitPath}/filing`, { _csrf: clerk.csrf, _idem: 'visit-file-002', signed: '1' });
    expect(other.status).toBe(303);

    const result = await (await s.get(clerk, `${visitPath}?done=filed`)).text();
    expect(result).toContain('すべての届出・申請を受け付けました');
    expect(result).toContain('住民記録に仮登録しました');
    const counts = await withTenant(t.services.db, M, async (trx) => ({
      cases: (await sql<{ code: string; n: number }>`SELECT t.code, count(*)::int AS n FROM cases.case c JOIN cases.case_type t USING (municipality_code, case_type_id) WHERE c.channel = 'counter' GROUP BY t.code ORDER BY t.code`.execute(trx)).rows,
      changes: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.change WHERE status = 'provisional' AND kind = 'move-in'`.execute(trx)).rows[0]!.n,
      ticket: (await sql<{ status: string; visitId: string | null }>`SELECT status, visit_id FROM counter.ticket WHERE number = ${ticket} ORDER BY issued_at DESC LIMIT 1`.execute(trx)).rows[0]!,
    }));
    expect(counts.cases).toEqual([
      { code: 'child-allowance', n: 1 }, { code: 'child-medical', n: 1 }, { code: 'daycare-application', n: 1 },
      { code: 'nhi-enrolment', n: 1 }, { code: 'school-enrolment', n: 1 }, { code: 'seal-registration', n: 2 },
    ]);
    expect(counts.changes).toBe(1);
    expect(counts.ticket.status).toBe('done');
    expect(counts.ticket.visitId).not.toBeNull();
    for (const m of result.matchAll(/href="\/console\/cases\/(\d{4}-\d{6})"/g)) expect(m[1]).toBeTruthy();
    expect([...result.matchAll(/href="\/console\/cases\/(\d{4}-\d{6})"/g)]).toHaveLength(7);
  });
});
