// Service tests of online procedures (issue #14): prefill only for a matched resident, Japanese field errors with
// stable codes, attachments checked by content, a submission opens exactly one case, 申請状況 and 補正 online,
// and a resident never sees another resident's application.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { japanToday } from '../registry/index.ts';
import { shiftDays } from '../cases/business-days.ts';
import { enterHousehold, type FixturePerson } from '../cases/testing/case-fixtures.ts';
import { residentOf } from './testing/residents.ts';
import { createProcedures } from './procedures.module.ts';

const M = '202151';
const ctx = { clientIp: '127.0.0.1', requestId: 'test' };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bf0000000049454e44ae426082', 'hex');

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try { await p; } catch (e) { if (e instanceof DomainError) return e; throw e; }
  throw new Error('expected a refusal');
}

describe('online procedures (service)', () => {
  const t = useTestApp();
  let family: FixturePerson[];
  let single: FixturePerson[];
  let reviewer: Client;
  const count = async (table: 'cases.case' | 'procedures.application') =>
    Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(t.services.db.owner)).rows[0]!.n);

  beforeAll(async () => {
    await t.tenant(M);
    const today = japanToday(t.services.clock);
    family = await enterHousehold(t.services, M, { banchi: '100番地', movedInOn: shiftDays(today, -400), members: [
      { givenName: '太郎', birthDate: '1985-04-01', relationship: '世帯主' }, { givenName: '花子', birthDate: '1987-05-05', relationship: '妻' },
      { givenName: '一郎', birthDate: shiftDays(today, -700), relationship: '子' }] });
    single = await enterHousehold(t.services, M, { banchi: '200番地', familyName: '上條', movedInOn: shiftDays(today, -400), members: [{ givenName: '次郎', birthDate: '1990-01-02', relationship: '世帯主' }] });
    reviewer = await t.login(M, (await t.staff(M, ['reviewer', 'counter'])).loginId);
  });

  it('offers the shipped procedures', async () => {
    const list = await t.services.procedures.catalogue(residentOf(M, family[0]!));
    expect(list.map((p) => p.def.code)).toEqual(expect.arrayContaining(['residence-certificate', 'move-out', 'visit-reservation', 'daycare-application',
      'child-allowance', 'nhi-enrolment', 'nhi-withdrawal', 'seal-certificate']));
  });

  it('prefills from the registry only for a matched resident, and starts empty otherwise', async () => {
    const matched = residentOf(M, family[0]!);
    const { applicationId } = await t.services.procedures.start(matched, 'residence-certificate', ctx);
    const a = await t.services.procedures.get(matched, applicationId, ctx);
    expect(a.data.applicant).toMatchObject({ familyName: '小松', givenName: '太郎', birthDate: '1985-04-01' });
    expect(a.app.prefilled).toBe(true);
    const stranger = residentOf(M, null);
    const s = await t.services.procedures.start(stranger, 'residence-certificate', ctx);
    const b = await t.services.procedures.get(stranger, s.applicationId, ctx);
    expect(b.data.applicant).toBeUndefined();
    expect(b.app.prefilled).toBe(false);
  });

  it('opens one draft for a repeated start with the same form token', async () => {
    const r = residentOf(M, single[0]!);
    const token = crypto.randomUUID();
    const before = await count('procedures.application');
    const a = await t.services.procedures.start(r, 'move-out', ctx, token);
    const b = await t.services.procedures.start(r, 'move-out', ctx, token);
    expect(b.applicationId).toBe(a.applicationId);
    expect(await count('procedures.application')).toBe(before + 1);
  });

  it('answers a page with Japanese messages per field, reads 和暦, and keeps what could be read', async () => {
    const r = residentOf(M, null);
    const { applicationId } = await t.services.procedures.start(r, 'residence-certificate', ctx);
    const res = await t.services.procedures.savePage(r, applicationId, 'applicant', {
      'applicant.familyName': ['上條'], 'applicant.givenName': [''], 'applicant.familyNameKana': ['かみじょう'], 'applicant.givenNameKana': ['ジロウ'],
      'applicant.birthDate': ['平成2年1月2日'], 'applicant.phone': ['0263-52-0280'], relation: ['self'],
    });
    expect(res.errors['applicant.givenName']).toBe('名を入力してください');
    expect(res.errors['applicant.familyNameKana']).toBe('氏（フリガナ）は全角カタカナで入力してください');
    expect(res.data.applicant).toMatchObject({ familyName: '上條', birthDate: '1990-01-02' });
    const bad = await t.services.procedures.savePage(r, applicationId, 'applicant', { 'applicant.birthDate': ['令和99年13月1日'] });
    expect(bad.errors['applicant.birthDate']).toMatch(/年月日で入力してください/);
  });

  it('refuses an incomplete submission with a stable code and opens no case', async () => {
    const r = residentOf(M, family[0]!);
    const { applicationId } = await t.services.procedures.start(r, 'residence-certificate', ctx);
    const before = await count('cases.case');
    const e = await refusal(t.services.procedures.submit(r, applicationId, ctx));
    expect(e.code).toBe('application-invalid');
    expect(e.title).toMatch(/入力内容に誤り/);
    expect((e.extra as { fields: Record<string, string> }).fields.purpose).toBe('利用目的を入力してください');
    expect(await count('cases.case')).toBe(before);
  });

  it('submits once: the case opens with the prefilled applicant, a repeat answers the same case, and 申請状況 shows it', async () => {
    const r = residentOf(M, family[0]!);
    const p = t.services.procedures;
    const { applicationId } = await p.start(r, 'residence-certificate', ctx);
    await p.savePage(r, applicationId, 'applicant', { 'applicant.familyName': ['小松'], 'applicant.givenName': ['太郎'], 'applicant.familyNameKana': ['コマツ'],
      'applicant.givenNameKana': ['タロウ'], 'applicant.birthDate': ['昭和60年4月1日'], 'applicant.phone': ['090-1234-5678'], relation: ['self'] });
    await p.savePage(r, applicationId, 'certificate', { scope: ['self'], copies: ['２'] });
    const last = await p.savePage(r, applicationId, 'purpose', { purpose: ['勤務先へ提出'] });
    expect(last).toMatchObject({ errors: {}, next: null });
    const before = await count('cases.case');
    const first = await p.submit(r, applicationId, ctx);
    const again = await p.submit(r, applicationId, ctx);
    expect(again.caseNo).toBe(first.caseNo);
    expect(await count('cases.case')).toBe(before + 1);
    const kase = await (await reviewer.request('GET', `/api/v1/cases/${first.caseId}`)).json() as Record<string, any>;
    expect(kase).toMatchObject({ channel: 'online', caseTypeCode: 'residence-certificate', data: { scope: 'self', copies: 2, purpose: '勤務先へ提出', delivery: 'post' } });
    expect(kase.applicant).toMatchObject({ atenaNo: family[0]!.atenaNo, familyName: '小松' });
    const list = await p.list(r, ctx);
    const mine = list.find((x) => x.app.applicationId === applicationId)!;
    expect(mine.kase).toMatchObject({ caseNo: first.caseNo });
    expect(mine.kase!.legalDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const e = await refusal(p.savePage(r, applicationId, 'purpose', { purpose: ['変更'] }));
    expect(e.code).toBe('application-submitted');
  });

  it('never shows one resident another resident\'s application', async () => {
    const owner = residentOf(M, family[0]!);
    const { applicationId } = await t.services.procedures.start(owner, 'seal-certificate', ctx);
    const other = residentOf(M, single[0]!);
    expect((await refusal(t.services.procedures.get(other, applicationId, ctx))).code).toBe('application-not-found');
    expect((await refusal(t.services.procedures.savePage(other, applicationId, 'seal', { copies: ['1'] }))).code).toBe('application-not-found');
    expect((await t.services.procedures.list(other, ctx)).some((x) => x.app.applicationId === applicationId)).toBe(false);
  });

  it('checks attachments by content and size, and keeps their SHA-256', async () => {
    const r = residentOf(M, family[0]!);
    const { applicationId } = await t.services.procedures.start(r, 'child-allowance', ctx);
    const ok = await t.services.procedures.attach(r, applicationId, 'bank-card', { fileName: 'card.png', bytes: PNG });
    expect(ok.mediaType).toBe('image/png');
    expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/);
    const fake = await refusal(t.services.procedures.attach(r, applicationId, 'bank-card', { fileName: 'card.png', bytes: Buffer.from('<html>not an image</html>') }));
    expect(fake.code).toBe('attachment-type');
    const big = await refusal(t.services.procedures.attach(r, applicationId, 'bank-card', { fileName: 'big.png', bytes: Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]) }));
    expect(big.code).toBe('attachment-too-large');
    const a = await t.services.procedures.get(r, applicationId, ctx);
    expect(a.attachments).toHaveLength(1);
    expect(a.attachments[0]!.sha256).toBe(ok.sha256);
  });

  it('offers daycare only to a household with a young child, and sends the facts the rule table scores', async () => {
    expect((await refusal(t.services.procedures.start(residentOf(M, single[0]!), 'daycare-application', ctx))).code).toBe('not-eligible');
    const r = residentOf(M, family[0]!);
    const p = t.services.procedures;
    const { applicationId } = await p.start(r, 'daycare-application', ctx);
    const a = await p.get(r, applicationId, ctx);
    expect(a.members.map((m) => m.givenName)).toEqual(['太郎', '花子', '一郎']);
    await p.savePage(r, applicationId, 'applicant', { 'applicant.familyName': ['小松'], 'applicant.givenName': ['太郎'], 'applicant.familyNameKana': ['コマツ'],
      'applicant.givenNameKana': ['タロウ'], 'applicant.birthDate': ['1985-04-01'], 'applicant.phone': ['0263520280'] });
    await p.savePage(r, applicationId, 'children', { children: [family[2]!.atenaNo], desiredStart: ['令和9年4月1日'] });
    const dup = await p.savePage(r, applicationId, 'facilities', { preferences: ['北保育園', '北保育園'] });
    expect(dup.errors.preferences).toMatch(/同じ施設/);
    await p.savePage(r, applicationId, 'facilities', { preferences: ['北保育園', '', ''] });
    await p.savePage(r, applicationId, 'need', { need1: ['employed'], hours1: ['40'], need2: ['employed'], hours2: ['30'] });
    expect((await refusal(p.submit(r, applicationId, ctx))).code).toBe('attachment-missing');
    await p.attach(r, applicationId, 'employment-certificate', { fileName: 'cert.pdf', bytes: Buffer.from('%PDF-1.4\n%test\n') });
    const { caseId } = await p.submit(r, applicationId, ctx);
    const kase = await (await reviewer.request('GET', `/api/v1/cases/${caseId}`)).json() as Record<string, any>;
    expect(kase.data).toMatchObject({ desiredStart: '2027-04-01', preferences: ['北保育園'], needReason: '就労（外勤・自営）',
      facts: { parents: [{ need: 'employed', weeklyHours: 40 }, { need: 'employed', weeklyHours: 30 }] } });
    expect(kase.subjects.map((s: { atenaNo: string }) => s.atenaNo)).toEqual([family[2]!.atenaNo]);
  });

  it('leaves an internet-side submission in the inbox until the intake opens its case, once; a refused one stays there', async () => {
    const s = t.services;
    // The service as the internet side runs it (here on jichi_app: the policies of jichi_public are test/public-role.int.test.ts's).
    const { procedures: online } = createProcedures(s.db, s.clock, s.cases, s.registry, s.accessLog, s.daycare, 'public');
    const r = residentOf(M, null);
    const submitted = [];
    for (const purpose of ['就職', '転居']) {
      const { applicationId } = await online.start(r, 'residence-certificate', ctx);
      await online.savePage(r, applicationId, 'applicant', { 'applicant.familyName': ['上條'], 'applicant.givenName': ['次郎'], 'applicant.familyNameKana': ['カミジョウ'],
        'applicant.givenNameKana': ['ジロウ'], 'applicant.birthDate': ['1990-01-02'], 'applicant.phone': ['0263-52-0280'], relation: ['self'] });
      await online.savePage(r, applicationId, 'certificate', { scope: ['self'], copies: ['1'] });
      await online.savePage(r, applicationId, 'purpose', { purpose: [purpose] });
      expect(await online.submit(r, applicationId, ctx)).toEqual({ caseId: null, caseNo: null, repeated: false });
      expect((await online.submit(r, applicationId, ctx)).repeated).toBe(true);
      expect((await online.status(r, applicationId, ctx)).kase).toBeNull();
      submitted.push(applicationId);
    }
    // The second one holds a submission no case type accepts: the intake leaves it (受付処理中) and opens the other.
    await sql`update procedures.application set submission = jsonb_set(submission, '{caseTypeCode}', '"no-such-type"') where application_id = ${submitted[1]}`.execute(s.db.owner);
    const cases = await count('cases.case');
    expect((await s.proceduresIntake.runAll())[M]).toMatchObject({ opened: 1, refused: 1 });
    expect((await s.proceduresIntake.runAll())[M]).toMatchObject({ opened: 0, refused: 1 });
    expect(await count('cases.case')).toBe(cases + 1);
    const rows = (await sql<{ applicationId: string; caseId: string | null; submission: unknown; receivedOn: string | null }>`select a.application_id, a.case_id, a.submission, c.received_on
      from procedures.application a left join cases.case c on c.municipality_code = a.municipality_code and c.case_id = a.case_id
      where a.application_id in (${submitted[0]}, ${submitted[1]}) order by a.created_at`.execute(s.db.owner)).rows;
    expect(rows[0]).toMatchObject({ caseId: expect.stringMatching(/^[0-9a-f-]{36}$/), submission: null, receivedOn: japanToday(s.clock) });
    expect(rows[1]).toMatchObject({ caseId: null });
    expect((await online.status(r, submitted[0]!, ctx)).app.caseId).toBe(rows[0]!.caseId);
  });

  it('lets the resident answer a 補正 online; the case goes back to review', async () => {
    const r = residentOf(M, single[0]!);
    const p = t.services.procedures;
    const { applicationId } = await p.start(r, 'seal-certificate', ctx);
    await p.savePage(r, applicationId, 'applicant', { 'applicant.familyName': ['上條'], 'applicant.givenName': ['次郎'], 'applicant.familyNameKana': ['カミジョウ'],
      'applicant.givenNameKana': ['ジロウ'], 'applicant.birthDate': ['1990-01-02'], 'applicant.phone': ['0263-52-0280'] });
    await p.savePage(r, applicationId, 'seal', { sealRegistrationNo: ['12345'], copies: ['1'] });
    const { caseId } = await p.submit(r, applicationId, ctx);
    const asked = await reviewer.request('POST', `/api/v1/cases/${caseId}/corrections`, { message: '印鑑登録番号をご確認ください' });
    expect(asked.status).toBe(201);
    const { correctionId } = await asked.json() as { correctionId: string };
    const waiting = await p.status(r, applicationId, ctx);
    expect(waiting.kase).toMatchObject({ statusCode: 'awaiting-correction', suspended: true });
    expect(waiting.kase!.corrections[0]).toMatchObject({ message: '印鑑登録番号をご確認ください', answerMessage: null });
    expect((await refusal(p.answerCorrection(r, applicationId, correctionId, '   ', ctx))).code).toBe('correction-message-required');
    await p.answerCorrection(r, applicationId, correctionId, '番号は12345で間違いありません', ctx);
    const after = await p.status(r, applicationId, ctx);
    expect(after.kase!.statusCode).toBe('in-review');
    expect(after.kase!.corrections[0]!.answerMessage).toBe('番号は12345で間違いありません');
    expect((await refusal(p.answerCorrection(r, applicationId, correctionId, 'もう一度', ctx))).code).toBe('correction-answered');
  });

  it('shows the parent the daycare result only once the round is decided: 内定/保留 with the explanation, access-logged', async () => {
    const office = await t.login(M, (await t.staff(M, ['daycare', 'approver'])).loginId);
    const today = japanToday(t.services.clock);
    const referenceDate = `${Number(today.slice(0, 4)) + (today.slice(5) >= '04-01' ? 1 : 0)}-04-01`;
    expect((await office.request('POST', '/api/v1/daycare-rounds', { roundId: 'R-portal', name: '4月入所 一次利用調整', kind: 'primary', referenceDate,
      ruleTableId: 'example-hachioji-style', lotterySeed: 'seed' })).status).toBe(201);
    // One place in the child's class (age 1 or 2 on 4月1日) at the first choice, none at the second.
    expect((await office.request('PUT', '/api/v1/daycare-rounds/R-portal/facilities/F1', { name: 'ひかり保育園', seats: [1, 1, 1, 1, 1, 1] })).status).toBe(201);
    const r = residentOf(M, family[0]!);
    const p = t.services.procedures;
    const { applicationId } = await p.start(r, 'daycare-application', ctx);
    await p.savePage(r, applicationId, 'applicant', { 'applicant.familyName': ['小松'], 'applicant.givenName': ['太郎'], 'applicant.familyNameKana': ['コマツ'],
      'applicant.givenNameKana': ['タロウ'], 'applicant.birthDate': ['1985-04-01'], 'applicant.phone': ['0263520280'] });
    await p.savePage(r, applicationId, 'children', { children: [family[2]!.atenaNo], desiredStart: [referenceDate] });
    await p.savePage(r, applicationId, 'facilities', { preferences: ['F1', '', ''] });
    await p.savePage(r, applicationId, 'need', { need1: ['employed'], hours1: ['40'], need2: ['employed'], hours2: ['30'] });
    await p.attach(r, applicationId, 'employment-certificate', { fileName: 'cert.pdf', bytes: Buffer.from('%PDF-1.4\n%test\n') });
    const { caseId } = await p.submit(r, applicationId, ctx);
    // Before a person approves the case there is no daycare result at all.
    expect((await p.status(r, applicationId, ctx)).daycare).toBeNull();
    await t.services.cases.drainJobs(M);
    expect((await office.request('POST', `/api/v1/cases/${caseId}/decisions`, { outcome: 'approved', reasons: '要件確認済み' })).status).toBe(201);
    expect((await p.status(r, applicationId, ctx)).daycare).toEqual({ state: 'pending', roundName: '4月入所 一次利用調整' });
    // The internet side reads the result written by the LGWAN side's intake (it cannot read the round).
    const notice = async (lang: string) => (await sql<{ result: unknown }>`select result from procedures.daycare_notice
      where application_id = ${applicationId} and lang = ${lang}`.execute(t.services.db.owner)).rows[0]?.result;
    await t.services.proceduresIntake.runAll();
    expect(await notice('ja')).toEqual({ state: 'pending', roundName: '4月入所 一次利用調整' });
    // Run but not decided: still pending (the outcome may change).
    expect((await office.request('POST', '/api/v1/daycare-rounds/R-portal/allocation-runs')).status).toBe(201);
    expect((await p.status(r, applicationId, ctx)).daycare!.state).toBe('pending');
    expect((await office.request('POST', '/api/v1/daycare-rounds/R-portal/confirmations')).status).toBeLessThan(300);
    const decided = await p.status(r, applicationId, ctx);
    expect(decided.daycare).toMatchObject({ state: 'decided', roundName: '4月入所 一次利用調整',
      children: [{ childName: '小松 一郎', status: 'OFFER', facilityName: 'ひかり保育園', preferenceRank: 1 }] });
    const child = decided.daycare!.state === 'decided' ? decided.daycare!.children[0]! : null;
    expect(child!.summary).toContain('第1希望の「ひかり保育園」');
    expect(child!.score).toBeGreaterThan(0);
    expect((await p.status(r, applicationId, ctx, 'en')).daycare).toMatchObject({ children: [{ summary: expect.stringContaining('offered a place') }] });
    await t.services.proceduresIntake.runAll();
    expect(await notice('ja')).toEqual(JSON.parse(JSON.stringify(decided.daycare)));
    expect(await notice('en')).toMatchObject({ state: 'decided', children: [{ summary: expect.stringContaining('offered a place') }] });
    const logged = await sql<{ n: string }>`select count(*)::text as n from audit.access_log where action = 'procedures.daycare-result.read' and subject_id = ${caseId}`.execute(t.services.db.owner);
    expect(Number(logged.rows[0]!.n)).toBeGreaterThanOrEqual(2);
    // Another resident does not see it.
    expect((await refusal(p.status(residentOf(M, single[0]!), applicationId, ctx))).code).toBe('application-not-found');
  });

  it('on the internet side reads the household, the round and the daycare result only through the session-keyed functions', async () => {
    const s = t.services;
    const owner = s.db.owner;
    const { procedures: online } = createProcedures(s.db, s.clock, s.cases, s.registry, s.accessLog, s.daycare, 'public');
    // A live resident session of the 世帯主 (as the sign-in writes it), and the resident it names.
    const residentId = crypto.randomUUID();
    const hash = crypto.randomBytes(32).toString('hex');
    await sql`insert into platform.resident_account (municipality_code, resident_id, issuer, subject) values (${M}, ${residentId}, 'http://127.0.0.1/test-idp', ${`sub-${residentId}`})`.execute(owner);
    await sql`insert into platform.resident_session (municipality_code, token_hash, resident_id, csrf_token, assurance, display_name, person_id, atena_no, household_id, household_no, is_household_head, expires_at)
      values (${M}, ${hash}, ${residentId}, 'x', 'test', '小松 太郎', ${family[0]!.personId}, ${family[0]!.atenaNo}, ${family[0]!.householdId}, 'H', true, now() + interval '1 hour')`.execute(owner);
    const r = { ...residentOf(M, family[0]!), residentId, sessionTokenHash: hash };
    const office = await t.login(M, (await t.staff(M, ['daycare', 'approver'])).loginId);
    const today = japanToday(s.clock);
    const referenceDate = `${Number(today.slice(0, 4)) + (today.slice(5) >= '04-01' ? 1 : 0)}-04-01`;
    expect((await office.request('POST', '/api/v1/daycare-rounds', { roundId: 'R-public', name: '4月入所 二次募集', kind: 'primary', referenceDate,
      ruleTableId: 'example-hachioji-style', lotterySeed: 'seed' })).status).toBe(201);
    expect((await office.request('PUT', '/api/v1/daycare-rounds/R-public/facilities/F9', { name: 'そら保育園', seats: [1, 1, 1, 1, 1, 1] })).status).toBe(201);

    expect((await online.overview(r, 'daycare-application', ctx)).eligibility.state).toBe('met');
    const { applicationId } = await online.start(r, 'daycare-application', ctx);
    const draft = await online.get(r, applicationId, ctx);
    expect(draft.data.applicant).toMatchObject({ familyName: '小松', givenName: '太郎', birthDate: '1985-04-01' });
    expect(draft.members.map((m) => [m.name, m.isSelf])).toEqual([['小松　太郎', true], ['小松　花子', false], ['小松　一郎', false]]);
    expect(draft.facilities).toEqual([{ facilityId: 'F9', name: 'そら保育園' }]);
    await online.savePage(r, applicationId, 'applicant', { 'applicant.familyName': ['小松'], 'applicant.givenName': ['太郎'], 'applicant.familyNameKana': ['コマツ'],
      'applicant.givenNameKana': ['タロウ'], 'applicant.birthDate': ['1985-04-01'], 'applicant.phone': ['0263520280'] });
    await online.savePage(r, applicationId, 'children', { children: [family[2]!.atenaNo], desiredStart: [referenceDate] });
    await online.savePage(r, applicationId, 'facilities', { preferences: ['F9', '', ''] });
    await online.savePage(r, applicationId, 'need', { need1: ['employed'], hours1: ['40'], need2: ['employed'], hours2: ['30'] });
    await online.attach(r, applicationId, 'employment-certificate', { fileName: 'cert.pdf', bytes: Buffer.from('%PDF-1.4\n%public\n') });
    await online.submit(r, applicationId, ctx);
    // Every registry read of the internet side is access-logged as the resident.
    const logged = (await sql<{ action: string }>`select distinct action from audit.access_log where actor_id = ${residentId} and subject_type = 'person'`.execute(owner)).rows.map((x) => x.action);
    expect(logged.sort()).toEqual(['procedures.eligibility.read', 'procedures.household.read', 'procedures.prefill.read', 'procedures.submission.read']);

    await s.proceduresIntake.runAll();
    const { caseId } = (await online.status(r, applicationId, ctx)).app;
    const opened = (await sql<{ submittedData: { subjects: Array<{ atenaNo: string }>; data: { roundId: string } } }>`select submitted_data from cases.case where case_id = ${caseId}`.execute(owner)).rows[0]!;
    expect(opened.submittedData.subjects.map((x) => x.atenaNo)).toEqual([family[2]!.atenaNo]);
    expect(opened.submittedData.data.roundId).toBe('R-public');
    await s.cases.drainJobs(M);
    expect((await office.request('POST', `/api/v1/cases/${caseId}/decisions`, { outcome: 'approved', reasons: '要件確認済み' })).status).toBe(201);
    expect((await online.status(r, applicationId, ctx)).daycare).toBeNull(); // not written by the LGWAN side yet
    await s.proceduresIntake.runAll();
    expect((await online.status(r, applicationId, ctx)).daycare).toEqual({ state: 'pending', roundName: '4月入所 二次募集' });
    expect((await office.request('POST', '/api/v1/daycare-rounds/R-public/allocation-runs')).status).toBe(201);
    expect((await office.request('POST', '/api/v1/daycare-rounds/R-public/confirmations')).status).toBeLessThan(300);
    await s.proceduresIntake.runAll();
    const decided = await online.status(r, applicationId, ctx, 'ja');
    expect(decided.kase).toMatchObject({ statusCode: 'closed', decision: { outcome: 'approved', byRule: false } });
    expect(decided.daycare).toMatchObject({ state: 'decided', children: [{ childName: '小松 一郎', status: 'OFFER', facilityName: 'そら保育園' }] });
    expect((await online.status(r, applicationId, ctx, 'en')).daycare).toMatchObject({ children: [{ summary: expect.stringContaining('offered a place') }] });
    // Once the session has expired the functions give nothing.
    await sql`update platform.resident_session set expires_at = now() - interval '1 second' where token_hash = ${hash}`.execute(owner);
    expect((await online.status(r, applicationId, ctx)).kase).toBeNull();
    expect((await online.get(r, applicationId, ctx)).facilities).toEqual([]); // the round is decided: no open round
  });

  it('shows staff the attached documents on the case page: an image inline, a PDF as download, each read access-logged', async () => {
    const r = residentOf(M, single[0]!);
    const p = t.services.procedures;
    const { applicationId } = await p.start(r, 'seal-certificate', ctx);
    await p.savePage(r, applicationId, 'applicant', { 'applicant.familyName': ['上條'], 'applicant.givenName': ['次郎'], 'applicant.familyNameKana': ['カミジョウ'],
      'applicant.givenNameKana': ['ジロウ'], 'applicant.birthDate': ['1990-01-02'], 'applicant.phone': ['0263-52-0280'] });
    await p.savePage(r, applicationId, 'seal', { sealRegistrationNo: ['12345'], copies: ['1'] });
    const image = await p.attach(r, applicationId, 'identity-document', { fileName: '免許証.png', bytes: PNG });
    const pdf = await p.attach(r, applicationId, 'identity-document', { fileName: 'card.pdf', bytes: Buffer.from('%PDF-1.4\n%staff\n') });
    const { caseNo } = await p.submit(r, applicationId, ctx);
    const page = await (await reviewer.request('GET', `/console/cases/${caseNo}`)).text();
    expect(page).toContain('添付書類（電子申請）');
    expect(page).toContain(`<img src="/console/cases/${caseNo}/online-attachments/${image.attachmentId}"`);
    expect(page).toContain(`href="/console/cases/${caseNo}/online-attachments/${pdf.attachmentId}" download`);
    const logged = async () => Number((await sql<{ n: string }>`select count(*)::text as n from audit.access_log where action = 'procedures.attachment.read'`.execute(t.services.db.owner)).rows[0]!.n);
    const before = await logged();
    const img = await reviewer.request('GET', `/console/cases/${caseNo}/online-attachments/${image.attachmentId}`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('content-disposition')).toMatch(/^inline/);
    expect(img.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
    const doc = await reviewer.request('GET', `/console/cases/${caseNo}/online-attachments/${pdf.attachmentId}`);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(doc.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await logged()).toBe(before + 2);
    // Unknown or malformed ids: not found; staff without the case roles: refused; nothing logged.
    expect((await reviewer.request('GET', `/console/cases/${caseNo}/online-attachments/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await reviewer.request('GET', `/console/cases/${caseNo}/online-attachments/x'`)).status).toBe(404);
    const analyst = await t.login(M, (await t.staff(M, ['analyst'])).loginId);
    expect((await analyst.request('GET', `/console/cases/${caseNo}/online-attachments/${image.attachmentId}`)).status).toBe(403);
    expect(await logged()).toBe(before + 2);
  });
});
