// 交付履歴 (標準仕様書 §1.3.8, §10.7, issue #13): every issuance and every print (original, 再交付) records the terminal and
// place; a certificate can be declared void (無効) with its reason — never printed again, verification answers void —
// and the paper of a print can be recorded as destroyed (廃棄). Refusals change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { addDays, japanDay } from '../../platform/dates/jp-date.ts';

const M = '202151';

describe('issuance history: terminal, void and disposal (spec §1.3.8)', () => {
  const t = useTestApp();
  let admin: Client, approver: Client, contractor: Client;
  let clerk: { staffId: string; request: (method: string, path: string, body?: unknown) => Promise<Response> };
  let householdId: string, headId: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

  beforeAll(async () => {
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    expect((await admin.request('POST', '/api/v1/staff', { loginId: 'itaku-cert', displayName: '委託 三郎', roles: ['counter'], password: TEST_PASSWORD, contractor: true })).status).toBe(201);
    contractor = await t.login(M, 'itaku-cert');
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
    expect((await admin.request('POST', '/api/v1/places', { placeCode: 'HIROOKA', name: '広丘支所' })).status).toBe(201);
    expect((await admin.request('POST', '/api/v1/terminals', { terminalCode: 'HIR1', name: '広丘1', placeCode: 'HIROOKA' })).status).toBe(201);
    const issued = await admin.request('POST', '/api/v1/terminals/HIR1/cookies');
    const terminalCookie = (issued.headers.get('set-cookie') ?? '').split(';')[0]!;
    const login = await t.app.request('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json', cookie: terminalCookie },
      body: JSON.stringify({ municipalityCode: M, loginId: (await t.staff(M, ['counter'])).loginId, password: TEST_PASSWORD }) });
    const cookie = `${(login.headers.get('set-cookie') ?? '').split(';')[0]!}; ${terminalCookie}`;
    const body = await json<{ csrfToken: string; staffId: string }>(login);
    clerk = { staffId: body.staffId, request: async (method, path, payload) => t.app.request(path, { method,
      headers: { cookie, 'x-csrf-token': body.csrfToken, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, body: payload === undefined ? undefined : JSON.stringify(payload) }) };
    const today = japanDay(new Date());
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(await clerk.request('POST', '/api/v1/changes', {
      kind: 'move-in', occurredOn: addDays(today, -5), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '1190番地' },
      persons: [newPerson(1190, '世帯主', '1970-01-01')] }));
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    householdId = rec.householdIds[0]!;
    headId = rec.personIds[0]!;
  });

  const issue = async () => {
    const res = await clerk.request('POST', '/api/v1/certificates', { kind: 'residence-copy', householdId, requester: { type: 'self', personId: headId }, purpose: '勤務先へ提出' });
    expect(res.status, await res.clone().text()).toBe(201);
    return { issuanceId: res.headers.get('x-issuance-id')!, code: res.headers.get('x-verification-code')! };
  };

  it('records the terminal and place of the issuance and of every print and reprint', async () => {
    const { issuanceId } = await issue();
    expect((await clerk.request('POST', `/api/v1/certificate-issuances/${issuanceId}/prints`)).status).toBe(201);
    const entry = (await json<{ items: Array<{ issuanceId: string; terminalCode: string; placeCode: string; printCount: number }> }>(
      await clerk.request('GET', '/api/v1/certificate-issuances'))).items.find((e) => e.issuanceId === issuanceId)!;
    expect(entry).toMatchObject({ terminalCode: 'HIR1', placeCode: 'HIROOKA', printCount: 2 });
    const issueNo = (entry as unknown as { issueNo: number }).issueNo;
    const view = await t.services.certificates.getIssuance({ type: 'staff', municipalityCode: M, staffId: clerk.staffId, roles: ['counter'] } as never, issueNo, { clientIp: '', requestId: 't' });
    expect(view.prints.map((p) => [p.printNo, p.reprint, p.terminalCode, p.placeCode])).toEqual([[1, false, 'HIR1', 'HIROOKA'], [2, true, 'HIR1', 'HIROOKA']]);
    const log = await json<{ items: Array<{ action: string; terminalCode: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${headId}`));
    expect(log.items.filter((e) => e.action === 'certificates.reprint').every((e) => e.terminalCode === 'HIR1')).toBe(true);
  });

  it('declares a certificate void with its reason: never printed again, verification says void; repeat changes nothing', async () => {
    const { issuanceId, code } = await issue();
    const noReason = await clerk.request('POST', `/api/v1/certificate-issuances/${issuanceId}/voids`, { reason: ' ' });
    expect(noReason.status).toBe(422);
    expect((await json(noReason)).code).toBe('void-reason-required');
    expect((await contractor.request('POST', `/api/v1/certificate-issuances/${issuanceId}/voids`, { reason: '誤交付' })).status).toBe(403);
    expect((await json<{ voided: boolean }>(await t.app.request(`/api/v1/certificate-verifications/${code}`))).voided).toBe(false);
    expect((await clerk.request('POST', `/api/v1/certificate-issuances/${issuanceId}/voids`, { reason: '別の世帯員の証明書を交付したため' })).status).toBe(201);
    expect((await clerk.request('POST', `/api/v1/certificate-issuances/${issuanceId}/voids`, { reason: '別の世帯員の証明書を交付したため' })).status).toBe(200);
    const reprint = await clerk.request('POST', `/api/v1/certificate-issuances/${issuanceId}/prints`);
    expect(reprint.status).toBe(409);
    expect((await json(reprint)).code).toBe('issuance-voided');
    expect((await json<{ voided: boolean; genuine: boolean }>(await t.app.request(`/api/v1/certificate-verifications/${code}`)))).toMatchObject({ genuine: true, voided: true });
    const log = await json<{ items: Array<{ action: string; terminalCode: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${headId}`));
    expect(log.items.filter((e) => e.action === 'certificates.void')).toHaveLength(1);
  });

  it('records the disposal (廃棄) of a print with its reason, once; refuses an unknown print', async () => {
    const { issuanceId } = await issue();
    expect((await clerk.request('POST', `/api/v1/certificate-issuances/${issuanceId}/prints/2/disposals`, { reason: '印刷不良' })).status).toBe(404);
    expect((await clerk.request('POST', `/api/v1/certificate-issuances/${issuanceId}/prints/1/disposals`, { reason: '' })).status).toBe(422);
    expect((await clerk.request('POST', `/api/v1/certificate-issuances/${issuanceId}/prints/1/disposals`, { reason: '印刷不良（かすれ）のため廃棄' })).status).toBe(201);
    expect((await clerk.request('POST', `/api/v1/certificate-issuances/${issuanceId}/prints/1/disposals`, { reason: '印刷不良（かすれ）のため廃棄' })).status).toBe(200);
    const issueNo = (await json<{ items: Array<{ issuanceId: string; issueNo: number }> }>(await clerk.request('GET', '/api/v1/certificate-issuances'))).items.find((e) => e.issuanceId === issuanceId)!.issueNo;
    const view = await t.services.certificates.getIssuance({ type: 'staff', municipalityCode: M, staffId: clerk.staffId, roles: ['counter'] } as never, issueNo, { clientIp: '', requestId: 't' });
    expect(view.prints[0]!.disposal).toMatchObject({ reason: '印刷不良（かすれ）のため廃棄', terminalCode: 'HIR1', placeCode: 'HIROOKA' });
    expect(view.void).toBeNull();
  });
});
