// SPDX-License-Identifier: EUPL-1.2
/** HTTP-level tests of the registry pages: roles, CSRF, form errors that change nothing, the 転入 → 本登録 flow. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();

const { signIn, get, post } = consoleSessions(t, CODE);

let clerk: Session, approver: Session, analyst: Session, daycare: Session;
let headId: string, householdId: string;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  approver = await signIn(['approver']);
  analyst = await signIn(['analyst']);
  daycare = await signIn(['daycare']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '1-1', katagaki: '', unlisted: false },
    persons: [
      { residentKind: 'japanese', familyName: '試験', givenName: '一郎', familyNameKana: 'シケン', givenNameKana: 'イチロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '試験', givenName: '花子', familyNameKana: 'シケン', givenNameKana: 'ハナコ', birthDate: '1982-05-05', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' },
    ],
  });
  headId = plan.snapshots.find((s) => s.record.relationship === '世帯主')!.personId;
  householdId = plan.snapshots[0]!.record.householdId;
});

describe('registry pages by role', () => {
  it('shows the search page and finds a resident by kana and by 和暦 birth date', async () => {
    const page = await (await get(clerk, '/console/registry')).text();
    expect(page).toContain('住民検索');
    expect(page).toMatch(/id="q"[^>]*autofocus/);
    const byKana = await (await get(clerk, `/console/registry?q=${encodeURIComponent('シケン イチ')}`)).text();
    expect(byKana).toContain('試験　一郎');
    expect(byKana).toContain('昭和55年3月1日');
    const byWareki = await (await get(clerk, `/console/registry?q=${encodeURIComponent('S55.3.1')}`)).text();
    expect(byWareki).toContain('試験　一郎');
    expect(byWareki).toContain('生年月日で検索');
  });

  it('shows the person with the timeline and the household', async () => {
    const page = await (await get(clerk, `/console/registry/persons/${headId}`)).text();
    expect(page).toContain('個人票: 試験　一郎');
    expect(page).toContain('data-testid="history"');
    expect(page).toContain('令和6年4月1日');
    expect(page).toContain(`/console/certificates?personId=${headId}`);
    const hh = await (await get(clerk, `/console/registry/households/${householdId}`)).text();
    expect(hh).toContain('試験　花子');
    // issue #9: the 世帯票 names its 世帯番号; no 世帯ID (UUID) and no 版 number.
    expect(hh).toContain('世帯番号');
    expect(hh).not.toContain('世帯の版');
    expect(hh).not.toContain('世帯ID');
  });

  it('refuses the registry to roles without registry:read, and change screens to non-clerks', async () => {
    expect((await get(daycare, '/console/registry')).status).toBe(403);
    expect((await get(analyst, `/console/registry/persons/${headId}`)).status).toBe(403);
    expect((await get(approver, `/console/registry/changes/move-within?householdId=${householdId}`)).status).toBe(403);
    expect((await get(clerk, `/console/registry/changes/move-within?householdId=${householdId}`)).status).toBe(200);
    // issue #9: the counter clerk's view of open changes is 「自分の入力」 (not a 403).
    const toMine = await get(clerk, '/console/registry/provisional');
    expect(toMine.status).toBe(303);
    expect(toMine.headers.get('location')).toBe('/console/registry/mine');
    expect((await get(clerk, '/console/registry/mine')).status).toBe(200);
    expect((await get(analyst, '/console/registry/mine')).status).toBe(403);
    expect((await get(approver, '/console/registry/provisional')).status).toBe(200);
  });

  it('shows statistics on screen and as CSV', async () => {
    const page = await (await get(approver, '/console/registry/statistics?asOf=2025-01-01')).text();
    expect(page).toContain('令和7年1月1日');
    expect(page).toContain('大字広丘野村');
    const csv = await get(approver, '/console/registry/statistics.csv?asOf=2025-01-01');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('基準日,町字コード,町字');
  });
});

describe('change forms', () => {
  const moveIn = { step: 'confirm', occurredOn: '令和7年4月1日', townName: '大字広丘野村', banchi: '2-3', 'p0-familyName': '新規', 'p0-givenName': '太郎',
    'p0-familyNameKana': 'シンキ', 'p0-givenNameKana': 'タロウ', 'p0-birthDate': 'S60.1.2', 'p0-sex': 'male', 'p0-relationship': '世帯主', 'p0-honseki': '長野県塩尻市' };

  it('enforces CSRF on change forms', async () => {
    const res = await post(clerk, '/console/registry/changes/move-in', { ...moveIn, step: 'record' });
    expect(res.status).toBe(403);
  });

  it('re-renders invalid input with an error summary and per-field errors, and records nothing', async () => {
    const before = (await t.services.registry.search({ municipalityCode: CODE, staffId: approver.staffId, roles: ['approver'] } as never, { name: '新規' }, { clientIp: '', requestId: 't' })).length;
    const res = await post(clerk, '/console/registry/changes/move-in', { ...moveIn, _csrf: clerk.csrf, occurredOn: '昭和99年13月1日', 'p0-sex': '', step: 'record' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/id="occurredOn"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="occurredOn"[^>]*aria-describedby="occurredOn-hint occurredOn-error occurredOn-reading"/);
    expect(html).toContain('value="新規"');
    const list = await (await get(approver, '/console/registry/provisional')).text();
    expect(list).not.toContain('新規');
    const after = (await t.services.registry.search({ municipalityCode: CODE, staffId: approver.staffId, roles: ['approver'] } as never, { name: '新規' }, { clientIp: '', requestId: 't' })).length;
    expect(after).toBe(before);
  });

  it('shows a service refusal (future date) on the form and keeps the values', async () => {
    const res = await post(clerk, '/console/registry/changes/move-in', { ...moveIn, _csrf: clerk.csrf, step: 'record', form: JSON.stringify({ ...moveIn, occurredOn: '2999-01-01', step: undefined }) });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('異動日が未来の日付です');
    expect(html).toContain('value="新規"');
  });

  it('records a 転入 as 仮登録 after confirmation, and the approver approves it', async () => {
    const confirm = await post(clerk, '/console/registry/changes/move-in', { ...moveIn, _csrf: clerk.csrf });
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('仮登録する');
    const form = /name="form" value="([^"]+)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const recorded = await post(clerk, '/console/registry/changes/move-in', { _csrf: clerk.csrf, step: 'record', form });
    expect(recorded.status).toBe(303);
    expect(await (await get(clerk, recorded.headers.get('location')!)).text()).toContain('仮登録しました');
    const list = await (await get(approver, '/console/registry/provisional')).text();
    const changeId = /name="changeIds" value="([^"]+)"/.exec(list)![1]!;
    expect((await post(approver, `/console/registry/changes/${changeId}/approve`, {})).status).toBe(403);
    const approved = await post(approver, `/console/registry/changes/${changeId}/approve`, { _csrf: approver.csrf });
    expect(approved.status).toBe(303);
    const found = await (await get(clerk, `/console/registry?q=${encodeURIComponent('シンキ')}`)).text();
    expect(found).toContain('新規　太郎');
  });

  it('shows the conflict message and keeps the values when the household changed meanwhile', async () => {
    const fields = { _csrf: clerk.csrf, step: 'record', householdId, version: '0', occurredOn: '令和7年5月1日', personIds: [headId], destination: '東京都千代田区' };
    const hh = await t.services.registry.getHousehold({ municipalityCode: CODE, staffId: approver.staffId, roles: ['approver'] } as never, householdId, {}, { clientIp: '', requestId: 't' });
    const res = await post(clerk, '/console/registry/changes/move-out', { ...fields, version: String(hh.version + 7) });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('他の職員がこの世帯を更新しました');
    expect(html).toContain('value="東京都千代田区"');
    expect(html).toContain(`name="version" value="${hh.version}"`);
  });
});
