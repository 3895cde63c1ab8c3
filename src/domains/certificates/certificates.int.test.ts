// HTTP-level tests of certificates over the real registry: issuing each kind, refusals (with reason, logged,
// nothing issued), the ledger and its export, and public verification of genuine, forged and altered codes.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { hashVerificationCode, normaliseVerificationCode, sha256Hex } from './verification-code.ts';
import { pdfPageTexts, squash } from './testing/pdf-text.ts';
import { japanDay, toWareki } from '../../platform/dates/jp-date.ts';

const M = '202151';
const OTHER = '131016';

describe('certificates API', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client, other: Client;
  let today: string;
  let householdId: string;
  let personIds: string[];
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const pdfOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
  const ledger = async () => (await json<{ items: Array<Record<string, unknown>> }>(await counter.request('GET', '/api/v1/certificate-issuances'))).items;
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  async function change(body: Record<string, unknown>, approve = true) {
    const res = await counter.request('POST', '/api/v1/changes', body);
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
    if (approve) expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return rec;
  }
  const version = async (h: string) => (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${h}`))).version;

  beforeAll(async () => {
    today = japanDay(new Date());
    const mk = async (code: string, roles: Parameters<typeof t.staff>[1]) => t.login(code, (await t.staff(code, roles)).loginId);
    counter = await mk(M, ['counter']);
    approver = await mk(M, ['approver']);
    admin = await mk(M, ['admin']);
    other = await mk(OTHER, ['counter']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎', certificateFees: { 'residence-copy': 350 } });
    const rec = await change({
      kind: 'move-in', occurredOn: daysAgo(40), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '1780番地', katagaki: 'コーポ広丘201' },
      persons: [
        newPerson(1, '世帯主', '1975-04-01', { familyName: '髙橋', givenName: '一郎', familyNameKana: 'タカハシ', givenNameKana: 'イチロウ', honseki: '長野県塩尻市大字広丘野村1番地', hittosha: '髙橋　一郎' }),
        newPerson(2, '妻', '1978-08-08', { familyName: '髙橋', givenName: '花子', familyNameKana: 'タカハシ', givenNameKana: 'ハナコ', oldSurname: '佐藤', oldSurnameKana: 'サトウ' }),
        newPerson(3, '子', '2010-06-15', { familyName: '髙橋', givenName: '健太', familyNameKana: 'タカハシ', givenNameKana: 'ケンタ' }),
        { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'NGUYEN THI MAI', birthDate: '1990-02-14', sex: 'female', relationship: '同居人',
          foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技能実習', residencePeriod: '1年', residenceExpiry: '2026-09-30', residenceCardNo: 'AB12345678CD', foreignResidentSince: daysAgo(40) } },
      ],
    });
    householdId = rec.householdIds[0]!;
    personIds = rec.personIds;
    // 振り仮名の記載 from the 本籍地 (令和5年法律第48号): 花子's readings are certified (公証), 一郎's stay 未確認.
    await change({ kind: 'reading', occurredOn: daysAgo(10), personId: personIds[1], status: 'certified', familyNameKana: 'タカハシ', givenNameKana: 'ハナコ', oldSurnameKana: 'サトウ',
      expectedVersions: { [householdId]: await version(householdId) } });
    // 健太's 名 is only 通知済: not printed as official.
    await change({ kind: 'reading', occurredOn: daysAgo(10), personId: personIds[2], status: 'notified', givenNameKana: 'ケンタ', expectedVersions: { [householdId]: await version(householdId) } });
    await change({ kind: 'reading', occurredOn: daysAgo(10), personId: personIds[2], status: 'certified', familyNameKana: 'タカハシ', expectedVersions: { [householdId]: await version(householdId) } });
  });

  const request = (over: Record<string, unknown> = {}) => ({ kind: 'residence-copy', householdId, requester: { type: 'household', personId: personIds[0] }, purpose: '勤務先へ提出', ...over });

  it('issues a 住民票の写し of the whole household: PDF with every item and 和暦 date, ledger entry, access log, verifiable code', async () => {
    const res = await counter.request('POST', '/api/v1/certificates', request({ requester: { type: 'household', personId: personIds[0] } }));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-fee-yen')).toBe('350');
    const code = res.headers.get('x-verification-code')!;
    const pdf = await pdfOf(res);
    const text = (await pdfPageTexts(pdf)).join('');
    for (const v of ['住民票の写し', '長野県塩尻市大字広丘野村1780番地', 'コーポ広丘201', '世帯主', '髙橋　一郎', '髙橋　花子', 'タカハシ　ハナコ', '旧氏', '佐藤（サトウ）',
      '昭和50年4月1日', '昭和53年8月8日', '平成22年6月15日', '妻', '子', '同居人', '住民となった年月日', toWareki(daysAgo(40)), '前住所', '東京都新宿区西新宿2-8-1',
      'NGUYEN THI MAI', '1990年2月14日', 'ベトナム', '中長期在留者', '外国人住民となった年月日',
      'この写しは、世帯全員の住民票の原本と相違ないことを証明する。', toWareki(today), '長野県塩尻市長　塩尻　一郎', code]) {
      expect(text, v).toContain(squash(v));
    }
    for (const absent of ['個人番号', '住民票コード', '本籍', '技能実習']) expect(text).not.toContain(absent);
    // Only certified readings print as 振り仮名 (MN20): 一郎's 未確認 reading is asterisked, 健太's 通知済 名 is blank.
    expect(text).not.toContain(squash('タカハシ　イチロウ'));
    expect(text).toContain(squash('タカハシ　【名空欄】'));
    expect(text).not.toContain('ケンタ');

    const entry = (await ledger()).find((e) => e.issuanceId === res.headers.get('x-issuance-id'))!;
    expect(entry).toMatchObject({ certificateKind: 'residence-copy', requesterType: 'household', purpose: '勤務先へ提出', feeYen: 350, staffId: counter.staffId,
      myNumberPrinted: false, pageCount: 1, pdfSha256: sha256Hex(pdf) });
    expect(entry.personIds).toEqual(personIds);

    const log = await json<{ items: Array<{ action: string; actorId: string; outcome: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${personIds[1]}`));
    expect(log.items.some((e) => e.action === 'certificates.issue' && e.actorId === counter.staffId && e.outcome === 'ok')).toBe(true);

    const v = await t.anonymous().request('GET', `/api/v1/certificate-verifications/${code}`);
    expect(v.status).toBe(200);
    const body = await json(v);
    expect(body).toEqual({ genuine: true, municipalityCode: M, municipalityName: '長野県塩尻市', issuedAt: expect.any(String), certificateKind: 'residence-copy',
      certificateTitle: '住民票の写し', issueNumber: expect.stringMatching(/^\d{8} 塩尻市 \d{6}$/), pdfSha256: sha256Hex(pdf), voided: false });
    expect(JSON.stringify(body)).not.toMatch(/髙橋|広丘|personId|household/);
  });

  it('rejects forged, altered and malformed verification codes', async () => {
    const res = await counter.request('POST', '/api/v1/certificates', request());
    const code = normaliseVerificationCode(res.headers.get('x-verification-code')!)!;
    const altered = (code[5] === 'A' ? 'B' : 'A');
    const anon = t.anonymous();
    expect((await anon.request('GET', `/api/v1/certificate-verifications/${code.slice(0, 5)}${altered}${code.slice(6)}`)).status).toBe(404);
    const forged = await anon.request('GET', '/api/v1/certificate-verifications/AAAA-BBBB-CCCC-DDDD-EEEE');
    expect(forged.status).toBe(404);
    expect(await json(forged)).toMatchObject({ code: 'verification-code-unknown', title: 'この照合番号の証明書は発行されていません' });
    expect(await json(await anon.request('GET', '/api/v1/certificate-verifications/not-a-code'))).toMatchObject({ code: 'verification-code-malformed' });
    expect((await anon.request('GET', `/api/v1/certificate-verifications/${code.toLowerCase()}`)).status).toBe(200);
    expect(hashVerificationCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses requests with a reason, logs the attempt and issues nothing', async () => {
    const before = (await ledger()).length;
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [request({ requester: { type: 'third-party' } }), 400, 'ground-required'],
      [request({ requester: { type: 'agent' } }), 403, 'power-of-attorney-required'],
      [request({ requester: { type: 'agent', powerOfAttorneyChecked: true }, items: ['myNumber'] }), 403, 'item-not-allowed'],
      [request({ personIds: [personIds[1]], householdId: undefined, requester: { type: 'self', personId: personIds[0] } }), 403, 'requester-not-subject'],
      [request({ kind: 'removed-copy' }), 409, 'person-not-removed'],
      [request({ kind: 'move-out' }), 409, 'no-move-out'],
      [request({ asOf: daysAgo(5) }), 400, 'as-of-not-allowed'],
      [request({ householdId: '00000000-0000-4000-8000-000000000000' }), 404, 'not-found'],
    ];
    for (const [body, status, code] of cases) {
      const res = await counter.request('POST', '/api/v1/certificates', body);
      expect(res.status, code).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const p = await json<{ code: string; title: string }>(res);
      expect(p.code).toBe(code);
      expect(p.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect((await ledger()).length).toBe(before);
    const log = await json<{ items: Array<{ action: string; outcome: string; purpose: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?actorId=${counter.staffId}&limit=500`));
    const denied = log.items.filter((e) => e.action === 'certificates.refused' && e.outcome === 'denied').map((e) => e.purpose.split('/')[2]);
    for (const [, , code] of cases) expect(denied).toContain(code);
    // Without the permission.
    expect((await approver.request('POST', '/api/v1/certificates', request())).status).toBe(403);
    expect((await t.anonymous().request('POST', '/api/v1/certificates', request())).status).toBe(401);
  });

  it('prints chosen members with 本籍・筆頭者, 住民票コード and 個人番号 on special request, and logs the 個人番号 access', async () => {
    const res = await counter.request('POST', '/api/v1/certificates', request({ personIds: [personIds[0]], householdId: undefined, requester: { type: 'self', personId: personIds[0] }, items: ['householdHead', 'honseki', 'residentCode', 'myNumber'] }));
    expect(res.status, await res.clone().text()).toBe(201);
    const text = (await pdfPageTexts(await pdfOf(res))).join('');
    const p1 = newPerson(1, '世帯主', '1975-04-01');
    for (const v of ['本籍', '長野県塩尻市大字広丘野村1番地', '筆頭者', '住民票コード', p1.residentCode, '個人番号', p1.myNumber, 'この写しは、住民票の原本と相違ないことを証明する。']) expect(text, v).toContain(squash(v));
    expect(text).not.toContain('髙橋花子');
    const entry = (await ledger()).find((e) => e.issuanceId === res.headers.get('x-issuance-id'))!;
    expect(entry).toMatchObject({ myNumberPrinted: true, items: ['householdHead', 'honseki', 'residentCode', 'myNumber'] });
    const log = await json<{ items: Array<{ action: string; myNumberAccessed: boolean }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${personIds[0]}`));
    expect(log.items.some((e) => e.action === 'certificates.issue' && e.myNumberAccessed)).toBe(true);
  });

  it('never prints a provisional change, and certifies a past day on a 記載事項証明書', async () => {
    const v = await version(householdId);
    await change({ kind: 'move-within', occurredOn: daysAgo(1), personIds: [personIds[2]], address: { townName: '大字洗馬', banchi: '5番地' }, newHeadPersonId: personIds[2], expectedVersions: { [householdId]: v } }, false);
    // Issue #9: a 仮登録 pending for a printed person warns the clerk (preview) and needs an explicit confirmation
    // to issue (on 84be6ac the certificate was issued without a word).
    const before = (await ledger()).length;
    const preview = await json<{ alerts: string[]; pendingChanges: Array<{ kindLabel: string; names: string[] }> }>(await counter.request('POST', '/api/v1/certificate-previews', request({ requester: { type: 'household', personId: personIds[0] } })));
    expect(preview.alerts).toContain('pending-provisional-change');
    expect(preview.pendingChanges).toEqual([{ kindLabel: '転居', names: ['髙橋　健太'] }]);
    const unconfirmed = await counter.request('POST', '/api/v1/certificates', request({ requester: { type: 'household', personId: personIds[0] } }));
    expect(unconfirmed.status).toBe(409);
    expect(await json(unconfirmed)).toMatchObject({ code: 'pending-change-unacknowledged' });
    expect((await ledger()).length).toBe(before);
    const res = await counter.request('POST', '/api/v1/certificates', request({ requester: { type: 'household', personId: personIds[0] }, acknowledgePendingChanges: true }));
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await ledger()).find((e) => e.issuanceId === res.headers.get('x-issuance-id'))).toMatchObject({ pendingAcknowledged: true });
    const text = (await pdfPageTexts(await pdfOf(res))).join('');
    expect(text).toContain('大字広丘野村1780番地');
    expect(text).not.toContain('洗馬');
    expect(text).toContain(squash('髙橋　健太'));

    const items = await counter.request('POST', '/api/v1/certificates', request({ kind: 'residence-items', personIds: [personIds[0]], householdId: undefined, asOf: daysAgo(10), acknowledgePendingChanges: true }));
    expect(items.status, await items.clone().text()).toBe(201);
    const itemsText = (await pdfPageTexts(await pdfOf(items))).join('');
    expect(itemsText).toContain(`${toWareki(daysAgo(10))}現在`);
    expect(itemsText).toContain('住民票記載事項証明書');
    const tooEarly = await counter.request('POST', '/api/v1/certificates', request({ kind: 'residence-items', personIds: [personIds[0]], householdId: undefined, asOf: daysAgo(100) }));
    expect(tooEarly.status).toBe(404);
  });

  it('certifies a household as of a past day with a member who has since left it (世帯分離 after that day)', async () => {
    const rec = await change({ kind: 'move-in', occurredOn: daysAgo(60), previousAddress: '長野県岡谷市幸町8-1', address: { townName: '大字大門', banchi: '12番地' },
      persons: [newPerson(11, '世帯主', '1970-05-05', { familyName: '百瀬', givenName: '一', familyNameKana: 'モモセ', givenNameKana: 'ハジメ' }),
        newPerson(12, '子', '1999-09-09', { familyName: '百瀬', givenName: '二郎', familyNameKana: 'モモセ', givenNameKana: 'ジロウ' })] });
    const h = rec.householdIds[0]!;
    await change({ kind: 'household-split', occurredOn: daysAgo(5), personIds: [rec.personIds[1]], newHeadPersonId: rec.personIds[1], expectedVersions: { [h]: await version(h) } });
    const now = await counter.request('POST', '/api/v1/certificates', { kind: 'residence-items', householdId: h, requester: { type: 'household', personId: rec.personIds[0] }, purpose: '確認' });
    expect(now.status, await now.clone().text()).toBe(201);
    expect((await pdfPageTexts(await pdfOf(now))).join('')).not.toContain(squash('百瀬　二郎'));
    const past = await counter.request('POST', '/api/v1/certificates', { kind: 'residence-items', householdId: h, asOf: daysAgo(20), requester: { type: 'household', personId: rec.personIds[0] }, purpose: '確認' });
    expect(past.status, await past.clone().text()).toBe(201);
    const text = (await pdfPageTexts(await pdfOf(past))).join('');
    expect(text).toContain(squash('百瀬　一'));
    expect(text).toContain(squash('百瀬　二郎'));
    expect(text).toContain(`${toWareki(daysAgo(20))}現在`);
  });

  it('issues a 転出証明書 in the 転出 flow and a 除票の写し after the move', async () => {
    const rec = await change({ kind: 'move-in', occurredOn: daysAgo(30), previousAddress: '長野県松本市丸の内3-7', address: { townName: '大字広丘吉田', banchi: '7番地' },
      persons: [newPerson(7, '世帯主', '1960-01-20', { familyName: '小松', givenName: '正', familyNameKana: 'コマツ', givenNameKana: 'タダシ' })] });
    const [pid] = rec.personIds;
    const h = rec.householdIds[0]!;
    await change({ kind: 'move-out', occurredOn: daysAgo(2), personIds: [pid], destination: '東京都港区芝公園4-2-8', expectedVersions: { [h]: await version(h) } });
    const moveOut = await counter.request('POST', '/api/v1/certificates', { kind: 'move-out', personIds: [pid], requester: { type: 'self', personId: pid } });
    expect(moveOut.status, await moveOut.clone().text()).toBe(201);
    expect(moveOut.headers.get('x-fee-yen')).toBe('0');
    const mt = (await pdfPageTexts(await pdfOf(moveOut))).join('');
    for (const v of ['転出証明書', '小松　正', '昭和35年1月20日', '転出先', '東京都港区芝公園4-2-8', '転出予定年月日', toWareki(daysAgo(2)), '住民票コード', '本籍']) expect(mt, v).toContain(squash(v));
    expect(mt).not.toContain('個人番号');

    const removed = await counter.request('POST', '/api/v1/certificates', { kind: 'removed-copy', personIds: [pid], requester: { type: 'third-party', ground: 'own-rights-duties' }, purpose: '債権回収のため' });
    expect(removed.status, await removed.clone().text()).toBe(201);
    const rt = (await pdfPageTexts(await pdfOf(removed))).join('');
    for (const v of ['住民票の除票の写し', '小松　正', '消除年月日', toWareki(daysAgo(2)), '国内転出', 'この写しは、住民票の除票の原本と相違ないことを証明する。']) expect(rt, v).toContain(squash(v));
    expect((await counter.request('POST', '/api/v1/certificates', { kind: 'residence-copy', personIds: [pid], requester: { type: 'self', personId: pid } })).status).toBe(409);
  });

  it('marks 公用 requests, charges no fee, and lists and exports the ledger (CSV)', async () => {
    const res = await counter.request('POST', '/api/v1/certificates', request({ requester: { type: 'official', officialBody: '松本税務署', legalBasis: '国税徴収法第146条の2' }, purpose: '滞納処分のため', acknowledgePendingChanges: true }));
    expect(res.status).toBe(201);
    expect(res.headers.get('x-fee-yen')).toBe('0');
    expect((await pdfPageTexts(await pdfOf(res)))[0]).toContain('公用');
    const csv = await counter.request('GET', '/api/v1/certificate-issuances?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('通番,交付日時,証明書,請求者区分');
    expect(lines.some((l) => l.includes('公用請求') && l.includes('松本税務署'))).toBe(true);
    expect(lines.length).toBe((await ledger()).length + 1);
    // Another municipality sees none of it, and cannot issue for these persons.
    expect((await json<{ items: unknown[] }>(await other.request('GET', '/api/v1/certificate-issuances'))).items).toEqual([]);
    expect((await other.request('POST', '/api/v1/certificates', request())).status).toBe(409);
  });

  it('previews without issuing', async () => {
    const before = (await ledger()).length;
    const res = await counter.request('POST', '/api/v1/certificate-previews', request());
    expect(res.status).toBe(200);
    const p = await json<{ title: string; persons: unknown[]; feeYen: number; items: string[] }>(res);
    expect(p).toMatchObject({ title: '住民票の写し', feeYen: 350, items: ['householdHead', 'previousAddress', 'oldSurname', 'alias', 'nationality', 'foreignCategory'] });
    expect(p.persons).toHaveLength(4);
    expect((await ledger()).length).toBe(before);
  });
});
