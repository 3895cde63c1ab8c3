// Reception from the registry (issue #11): the clerk finds a registered resident, the visit takes the household's
// members from the registry (every read access-logged), and the life event's registry change is filed as 仮登録 in
// the same transaction as the cases: 転居 of a whole household, 死亡 of one member; wrong starts are refused in words.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from './test-app.ts';
import { consoleSessions } from './web-console-session.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { japanToday } from '../src/domains/registry/index.ts';
import { shiftDays } from '../src/domains/cases/business-days.ts';
import { SIMULATED_CARDS } from '../src/domains/counter/index.ts';
import { toWareki } from '../src/platform/dates/jp-date.ts';

const M = '202151';

describe('counter reception from the registry', () => {
  const t = useTestApp();
  const s = consoleSessions(t, M);

  /** Households of the seeded residents: living members, day-precision birth dates, no pending change. */
  async function households() {
    const rows = (await sql<{ householdId: string; personId: string; record: { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string; relationship: string; birthDate: { precision: string } } }>`
      SELECT c.household_id, p.person_id, c.record FROM registry.person p JOIN registry.person_current c USING (municipality_code, person_id)
      WHERE p.municipality_code = ${M} AND c.removed_on IS NULL ORDER BY c.household_id, c.member_order`.execute(t.services.db.owner)).rows;
    const by = new Map<string, typeof rows>();
    for (const r of rows) by.set(r.householdId, [...(by.get(r.householdId) ?? []), { ...r, record: typeof r.record === 'string' ? JSON.parse(r.record) : r.record }]);
    return [...by.values()].filter((ms) => ms.length >= 2 && ms.length <= 5 && ms.every((m) => m.record.birthDate.precision === 'day' && m.record.familyName && m.record.givenName)
      && ms[0]!.record.relationship === '世帯主');
  }

  it('serves a 転居, a 死亡 and a 出生 from a registry search, access-logs every member read and files the 仮登録 with the cases', async () => {
    const clerk = await s.signIn(['counter']);
    await t.services.registry.seedDemoResidents(M, { persons: 80, seed: 'counter-registry', asOf: shiftDays(japanToday(t.services.clock), -400) });
    const [moving, bereaved] = await households();
    expect(moving && bereaved).toBeTruthy();
    const head = moving![0]!;

    // Search at reception (kana), then start from the head.
    const found = await (await s.get(clerk, `/console/counter/visits/new?e=move-within&q=${encodeURIComponent(`${head.record.familyNameKana} ${head.record.givenNameKana}`)}`)).text();
    expect(found).toContain(`${head.record.familyName}　${head.record.givenName}さんで受付`);
    // 転入 is not taken from the registry; an unknown person is refused.
    const moveIn = await s.post(clerk, '/console/counter/visits/from-registry', { _csrf: clerk.csrf, _idem: 'counter-reg-0', e: 'move-in', personId: head.personId });
    expect(moveIn.status).toBe(422);
    expect(await moveIn.text()).toContain('転入は住民記録にまだない方の届出です');
    const nobody = await s.post(clerk, '/console/counter/visits/from-registry', { _csrf: clerk.csrf, _idem: 'counter-reg-1', e: 'move-within', personId: '00000000-0000-4000-8000-000000000000' });
    expect(nobody.status).toBe(422);

    const started = await s.post(clerk, '/console/counter/visits/from-registry', { _csrf: clerk.csrf, _idem: 'counter-reg-2', e: 'move-within', personId: head.personId });
    expect(started.status).toBe(303);
    const visitPath = started.headers.get('location')!;
    let page = await (await s.get(clerk, visitPath)).text();
    for (const m of moving!) expect(page).toContain(`${m.record.familyName} ${m.record.givenName}`);
    expect(page).toContain('転居届');
    expect(page).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/td>/);
    const reads = async (action: string) => (await sql<{ subjectId: string }>`SELECT subject_id FROM audit.access_log WHERE municipality_code = ${M} AND action = ${action}`.execute(t.services.db.owner)).rows.map((r) => r.subjectId);
    // Every member's record read by the registry at reception, and again with every look at the visit.
    for (const m of moving!) {
      expect(await reads('registry.person.read')).toContain(m.personId);
      expect(await reads('counter.visit.read')).toContain(m.personId);
    }

    const movedOn = shiftDays(japanToday(t.services.clock), -2);
    const answers: Record<string, string> = { _csrf: clerk.csrf, concernedShown: '1', occurredOn: movedOn, phone: '0263-52-0000', townName: '大字大門', banchi: '88-8', katagaki: '' };
    moving!.forEach((m, i) => Object.assign(answers, { [`c${i}`]: '1', [`kf${i}`]: m.record.familyNameKana, [`kg${i}`]: m.record.givenNameKana, [`rel${i}`]: m.record.relationship }));
    expect((await s.post(clerk, `${visitPath}/interview`, answers)).status).toBe(303);
    page = await (await s.get(clerk, visitPath)).text();
    expect(page).toContain('確認・署名用シートを開く（PDF）');
    const filed = await s.post(clerk, `${visitPath}/filing`, { _csrf: clerk.csrf, _idem: 'counter-reg-file-1', signed: '1' });
    expect(filed.status).toBe(303);
    expect(await (await s.get(clerk, `${visitPath}?done=filed`)).text()).toContain('住民記録に仮登録しました');

    // 死亡 of the second household's last member (not the head).
    const deceased = bereaved!.at(-1)!;
    const d = await s.post(clerk, '/console/counter/visits/from-registry', { _csrf: clerk.csrf, _idem: 'counter-reg-3', e: 'death', personId: deceased.personId });
    expect(d.status).toBe(303);
    const deathPath = d.headers.get('location')!;
    page = await (await s.get(clerk, deathPath)).text();
    expect(page).toContain('死亡届・火葬許可申請');
    const deathAnswers: Record<string, string> = { _csrf: clerk.csrf, concernedShown: '1', occurredOn: shiftDays(japanToday(t.services.clock), -1), phone: '0263-52-1111', c0: '1' };
    expect((await s.post(clerk, `${deathPath}/interview`, deathAnswers)).status).toBe(303);
    const dFiled = await s.post(clerk, `${deathPath}/filing`, { _csrf: clerk.csrf, _idem: 'counter-reg-file-2', signed: '1' });
    expect(dFiled.status, await dFiled.clone().text()).toBe(303);

    // 出生 into a third household: the child typed once at the interview.
    const parents = (await households())[2]!;
    const b = await s.post(clerk, '/console/counter/visits/from-registry', { _csrf: clerk.csrf, _idem: 'counter-reg-4', e: 'birth', personId: parents[0]!.personId });
    expect(b.status).toBe(303);
    const birthPath = b.headers.get('location')!;
    const bornOn = shiftDays(japanToday(t.services.clock), -5);
    const birthAnswers: Record<string, string> = { _csrf: clerk.csrf, concernedShown: '1', occurredOn: bornOn, phone: '0263-52-2222', honseki: '長野県塩尻市大門七番町1', hittosha: parents[0]!.record.familyName + parents[0]!.record.givenName,
      'nb-familyName': parents[0]!.record.familyName, 'nb-givenName': '湊', 'nb-familyNameKana': parents[0]!.record.familyNameKana, 'nb-givenNameKana': 'ミナト', 'nb-birthDate': bornOn, 'nb-sex': 'male', 'nb-relationship': '子',
      bankName: '八十二銀行', branchName: '塩尻支店', accountType: 'ordinary', accountNumber: '7654321', insurer: '全国健康保険協会' };
    parents.forEach((m, i) => Object.assign(birthAnswers, { [`kf${i}`]: m.record.familyNameKana, [`kg${i}`]: m.record.givenNameKana, [`rel${i}`]: m.record.relationship }));
    expect((await s.post(clerk, `${birthPath}/interview`, birthAnswers)).status).toBe(303);
    const birthPage = await (await s.get(clerk, birthPath)).text();
    expect(birthPage).toContain('value="ミナト"');
    expect(birthPage, birthPage.match(/data-testid="missing"[\s\S]{0,600}/)?.[0]).toContain('確認・署名用シートを開く（PDF）');
    const bFiled = await s.post(clerk, `${birthPath}/filing`, { _csrf: clerk.csrf, _idem: 'counter-reg-file-3', signed: '1' });
    expect(bFiled.status, await bFiled.clone().text()).toBe(303);

    const changes = await withTenant(t.services.db, M, async (trx) => (await sql<{ kind: string; n: number }>`
      SELECT kind, count(*)::int AS n FROM registry.change WHERE status = 'provisional' AND notifier <> '' GROUP BY kind ORDER BY kind`.execute(trx)).rows);
    expect(changes).toEqual([{ kind: 'birth', n: 1 }, { kind: 'death', n: 1 }, { kind: 'move-within', n: 1 }]);
  });

  it('picks up a 来庁予約 sent from the portal: its answers prefill the interview of the family moving in', async () => {
    const clerk = await s.signIn(['counter']);
    const { loginId } = await t.staff(M, ['counter']);
    const api = await t.login(M, loginId);
    const movedOn = shiftDays(japanToday(t.services.clock), -3);
    const created = await api.request('POST', '/api/v1/cases', {
      caseTypeCode: 'visit-reservation', channel: 'online',
      applicant: { familyName: '桔梗', givenName: '大樹', familyNameKana: 'キキョウ', givenNameKana: 'ダイキ', birthDate: '1988-05-10', contact: { phone: '090-1234-5678' } },
      subjects: [{ familyName: '桔梗', givenName: '大樹', birthDate: '1988-05-10' }],
      data: { kind: 'move-in', visitOn: japanToday(t.services.clock), slot: '10:00', movedOn, newAddress: '長野県塩尻市大字広丘野村2100-5 コーポ桔梗101', previousAddress: '東京都世田谷区桜丘二丁目3番4号' },
    }, { 'idempotency-key': 'counter-reservation-0001' });
    expect(created.status, await created.clone().text()).toBe(201);
    const { caseNo } = await created.json() as { caseNo: string };

    // Reception lists it; opening it shows the answers and carries it into the card form.
    const list = await (await s.get(clerk, '/console/counter/visits/new')).text();
    expect(list).toContain(`受付番号 ${caseNo}`);
    const opened = await (await s.get(clerk, `/console/counter/visits/new?reservation=${caseNo}&simulate=1`)).text();
    expect(opened).toContain('来庁予約（受付番号');
    expect(opened).toContain(`name="reservation" value="${caseNo}"`);
    const started = await s.post(clerk, '/console/counter/visits', { _csrf: clerk.csrf, _idem: 'counter-reservation-start', e: 'move-in', reservation: caseNo, card: SIMULATED_CARDS });
    expect(started.status).toBe(303);
    const page = await (await s.get(clerk, started.headers.get('location')!)).text();
    // 異動日, 電話, 町字・番地・方書 and the applicant's reading come from the reservation; nothing typed twice.
    expect(page).toContain(`value="${toWareki(movedOn)}"`);
    expect(page).toContain('value="090-1234-5678"');
    expect(page).toContain('value="大字広丘野村"');
    expect(page).toContain('value="2100-5"');
    expect(page).toContain('value="コーポ桔梗101"');
    expect(page).toContain('value="ダイキ"');

    // A case that is not a reservation is refused in words.
    const wrong = await s.post(clerk, '/console/counter/visits', { _csrf: clerk.csrf, _idem: 'counter-reservation-wrong', e: 'move-in', reservation: '2026-999999', card: SIMULATED_CARDS });
    expect([404, 422]).toContain(wrong.status);
  });
});
