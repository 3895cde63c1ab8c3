// SPDX-License-Identifier: EUPL-1.2
/**
 * 項目単位の表示制御 on the console (spec §10.4, issue #13): the 個人票 shows 戸籍の表示, 住民票コード and 在留資格等 only to
 * roles allowed to see them, masked (with a note) otherwise, and a correction form never starts with a mask in it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';
import { residentCodeCheckDigit } from '../src/domains/registry/numbers/my-number.ts';

const CODE_11 = `1000000000${residentCodeCheckDigit('1000000000')}`;

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);
let clerk: Session, approver: Session, contractor: Session;
let personId: string;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  approver = await signIn(['approver']);
  const admin = await t.login(CODE, (await t.staff(CODE, ['admin'])).loginId);
  expect((await admin.request('POST', '/api/v1/staff', { loginId: 'itaku-web', displayName: '委託 次郎', roles: ['counter'], password: TEST_PASSWORD, contractor: true })).status).toBe(201);
  const res = await t.app.request('/login', {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    body: new URLSearchParams({ municipalityCode: CODE, loginId: 'itaku-web', password: TEST_PASSWORD }).toString(),
  });
  contractor = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: '', staffId: '' };
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
    expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '88-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '見坂', givenName: '一郎', familyNameKana: 'ミサカ', givenNameKana: 'イチロウ', birthDate: '1970-01-01', sex: 'male',
      honseki: '長野県塩尻市大門八番町1番地', hittosha: '見坂　太郎', residentCode: CODE_11, relationship: '世帯主' }] } as never);
  personId = plan.snapshots[0]!.personId;
});

describe('field-level visibility on the 個人票 (spec §10.4)', () => {
  it('masks the 住民票コード for the counter, shows everything to the approver, and 本籍 to neither a contractor', async () => {
    const asClerk = await (await get(clerk, `/console/registry/persons/${personId}`)).text();
    expect(asClerk).toContain('長野県塩尻市大門八番町1番地');
    expect(asClerk).toMatch(/data-testid="masked-resident-code">\*{11}（表示の権限がありません）/);
    expect(asClerk).not.toContain(CODE_11);
    expect(asClerk).toContain('data-testid="restricted-note"');
    const asApprover = await (await get(approver, `/console/registry/persons/${personId}`)).text();
    expect(asApprover).toContain(CODE_11);
    expect(asApprover).not.toContain('data-testid="restricted-note"');
    const asContractor = await (await get(contractor, `/console/registry/persons/${personId}`)).text();
    expect(asContractor).not.toContain('大門八番町1番地');
    expect(asContractor).not.toContain('見坂　太郎');
    expect(asContractor).toMatch(/data-testid="masked-domicile">＊＊＊＊（表示の権限がありません）/);
    const english = await (await get(contractor, `/console/registry/persons/${personId}`, { 'accept-language': 'en' })).text();
    expect(english.includes('not shown to your role') || english.includes('表示の権限がありません')).toBe(true);
  });

  it('starts a correction form with the 本籍 the clerk may see, and empty (never the mask) for a contractor', async () => {
    const clerkForm = await (await get(clerk, `/console/registry/changes/ex-officio-correction?personId=${personId}`)).text();
    expect(clerkForm).toMatch(/name="patch-honseki"[^>]*value="長野県塩尻市大門八番町1番地"|value="長野県塩尻市大門八番町1番地"[^>]*name="patch-honseki"/);
    const contractorForm = await (await get(contractor, `/console/registry/changes/ex-officio-correction?personId=${personId}`)).text();
    expect(contractorForm).not.toContain('＊＊＊＊');
    expect(contractorForm).not.toContain('大門八番町1番地');
  });
});
