// SPDX-License-Identifier: EUPL-1.2
/**
 * 交付履歴 on the console (spec §1.3.8, issue #13): the issuance page shows where it was issued and printed, records the
 * disposal (廃棄) of a print and declares the certificate void (無効) with a reason; the public verification then says so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
let clerk: Session;
let issueNo: number, code: string;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  await t.services.tenants.updateSettings(CODE, { mayorName: '塩尻　一郎' });
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
    expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '55-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '交付', givenName: '太郎', familyNameKana: 'コウフ', givenNameKana: 'タロウ', birthDate: '1970-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }] } as never);
  const s = plan.snapshots[0]!;
  const res = await t.app.request('/api/v1/certificates', { method: 'POST', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'residence-copy', householdId: s.record.householdId, requester: { type: 'self', personId: s.personId }, purpose: '勤務先へ提出' }) });
  expect(res.status, await res.clone().text()).toBe(201);
  code = res.headers.get('x-verification-code')!;
  const ledger = await (await t.app.request('/api/v1/certificate-issuances', { headers: { cookie: clerk.cookie } })).json() as { items: Array<{ issueNo: number }> };
  issueNo = ledger.items[0]!.issueNo;
});

describe('交付履歴 (console)', () => {
  it('shows the terminal, records a disposal of a print, then voids the certificate with its reason', async () => {
    const page = await (await get(clerk, `/console/certificates/issuances/${issueNo}`)).text();
    expect(page).toMatch(/data-testid="issued-at-terminal">未登録の端末/);
    expect(page).toContain('無効にする理由');
    const disposed = await post(clerk, `/console/certificates/issuances/${issueNo}/prints/1/disposals`, { _csrf: clerk.csrf, _idem: crypto.randomUUID(), reason: '印刷不良のため廃棄' });
    expect(disposed.status).toBe(303);
    const voided = await post(clerk, `/console/certificates/issuances/${issueNo}/voids`, { _csrf: clerk.csrf, _idem: crypto.randomUUID(), reason: '別の方の証明書を交付したため' });
    expect(voided.status).toBe(303);
    const after = await (await get(clerk, `/console/certificates/issuances/${issueNo}`)).text();
    expect(after).toMatch(/data-testid="disposed">廃棄済み（印刷不良のため廃棄）/);
    expect(after).toContain('data-testid="voided"');
    expect(after).toContain('別の方の証明書を交付したため');
    expect(after).not.toContain('再交付として印刷する');
    const verify = await (await t.app.request(`/verify/${encodeURIComponent(code)}`)).text();
    expect(verify).toContain('data-testid="verify-voided"');
  });

  it('refuses a void without a reason and changes nothing', async () => {
    const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
      expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '55-2', katagaki: '', unlisted: false },
      persons: [{ residentKind: 'japanese', familyName: '交付', givenName: '次郎', familyNameKana: 'コウフ', givenNameKana: 'ジロウ', birthDate: '1971-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }] } as never);
    const s = plan.snapshots[0]!;
    await t.app.request('/api/v1/certificates', { method: 'POST', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'residence-copy', householdId: s.record.householdId, requester: { type: 'self', personId: s.personId }, purpose: '確認' }) });
    const ledger = await (await t.app.request('/api/v1/certificate-issuances', { headers: { cookie: clerk.cookie } })).json() as { items: Array<{ issueNo: number }> };
    const no = ledger.items[0]!.issueNo;
    const res = await post(clerk, `/console/certificates/issuances/${no}/voids`, { _csrf: clerk.csrf, _idem: crypto.randomUUID(), reason: '' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('無効にする理由を500文字以内で入力してください');
    expect(await (await get(clerk, `/console/certificates/issuances/${no}`)).text()).not.toContain('data-testid="voided"');
  });
});
