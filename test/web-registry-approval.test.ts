// SPDX-License-Identifier: EUPL-1.2
/**
 * issue #9, "The approval step is where mistakes are caught": recording and every decision follow
 * post/redirect/get with one-time tokens (reload and back + resubmit record nothing twice), the change page shows
 * 受付番号, names and before → after (never UUIDs), the queue is a work queue with filters, 差戻し returns a change
 * to its clerk with a reason, the clerk sees their own changes, the 世帯票 links its pending change, and the
 * console home is a place to start work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => unescape(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1]!);
/** The text a person sees: markup, attributes and scripts removed. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');

let clerk: Session, clerk2: Session, reviewer: Session, approver: Session;
let householdId: string, headId: string;

async function confirmPage(s: Session, kind: string, fields: Record<string, string | string[]>) {
  const res = await post(s, `/console/registry/changes/${kind}`, { _csrf: s.csrf, step: 'confirm', ...fields });
  const html = await res.text();
  expect(res.status, html.match(/data-testid="error-summary"[\s\S]{0,400}/)?.[0]).toBe(200);
  return html;
}

/** Records a 転居 of the household through the confirmation page; returns the record POST's fields and response. */
async function recordMove(s: Session, townName = '大字広丘野村', banchi = '2-2') {
  const html = await confirmPage(s, 'move-within', { householdId, occurredOn: '令和7年4月1日', notifier: '本人', personIds: [headId], townName, banchi, katagaki: '' });
  const fields = { _csrf: s.csrf, step: 'record', form: hidden(html, 'form'), _idem: hidden(html, '_idem') };
  return { fields, res: await post(s, '/console/registry/changes/move-within', fields) };
}

const openChanges = async () => (await t.services.registry.listChanges({ municipalityCode: CODE, staffId: approver.staffId, roles: ['approver'] } as never, { status: 'open' }, { clientIp: '', requestId: 't' }));

beforeAll(async () => {
  clerk = await signIn(['counter']);
  clerk2 = await signIn(['counter']);
  reviewer = await signIn(['reviewer']);
  approver = await signIn(['approver']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '1-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '承認', givenName: '一郎', familyNameKana: 'ショウニン', givenNameKana: 'イチロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }],
  });
  headId = plan.snapshots[0]!.personId;
  householdId = plan.snapshots[0]!.record.householdId;
});

describe('issue #9: recording follows post/redirect/get', () => {
  let changeId: string;

  it('answers 303 to the change page, which names the person and the 受付番号, shows old → new address, and never records twice', async () => {
    const before = (await openChanges()).length;
    const { fields, res } = await recordMove(clerk);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/console\/registry\/changes\/[0-9a-f-]{36}\?done=recorded$/);
    changeId = location.split('/').pop()!.split('?')[0]!;
    // Reload of the result page: a GET that shows the result again.
    const page = await (await get(clerk, location)).text();
    const again = await (await get(clerk, location)).text();
    expect(again).toContain('仮登録しました');
    expect(page).toMatch(/受付番号 令和\d+年第\d+号/);
    expect(page).toContain('承認　一郎');
    expect(page).toMatch(/data-item="address"[\s\S]*?大字広丘野村1-1[\s\S]*?大字広丘野村2-2/);
    expect(visible(page)).not.toMatch(UUID_TEXT);
    // Back + resubmit of the confirmation page: the same one-time token replays the first answer.
    const repeat = await post(clerk, '/console/registry/changes/move-within', fields);
    expect(repeat.status).toBe(303);
    expect(repeat.headers.get('location')).toBe(location);
    expect((await openChanges()).length).toBe(before + 1);
  });

  it('shows the queue with the clerk’s name, 和暦 time, kind and persons, and filters it', async () => {
    const page = await (await get(approver, '/console/registry/provisional')).text();
    const names = await t.services.identity.staffNames({ municipalityCode: CODE, staffId: approver.staffId, roles: ['approver'] } as never, [clerk.staffId]);
    expect(page).toContain(names.get(clerk.staffId)!);
    expect(page).not.toContain(`>${clerk.staffId}<`);
    expect(page).toMatch(/令和\d+年\d+月\d+日 \d\d:\d\d/);
    expect(page).toContain('転居');
    expect(page).toContain('承認　一郎');
    expect(visible(page)).not.toMatch(UUID_TEXT);
    expect(await (await get(approver, '/console/registry/provisional?kind=birth')).text()).toContain('該当する異動はありません');
    expect(await (await get(approver, `/console/registry/provisional?operator=${clerk2.staffId}`)).text()).toContain('該当する異動はありません');
    expect(await (await get(approver, `/console/registry/provisional?operator=${clerk.staffId}&kind=move-within`)).text()).toContain('承認　一郎');
  });

  it('links the pending change from the 世帯票 and the 個人票', async () => {
    const hh = await (await get(clerk, `/console/registry/households/${householdId}`)).text();
    expect(hh).toContain('この世帯には仮登録中の異動があります');
    expect(hh).toContain(`href="/console/registry/changes/${changeId}"`);
    expect(visible(hh)).not.toMatch(UUID_TEXT);
    expect(await (await get(clerk, `/console/registry/persons/${headId}`)).text()).toContain(`href="/console/registry/changes/${changeId}"`);
  });

  it('logs the read of a change detail in the access log', async () => {
    await get(reviewer, `/console/registry/changes/${changeId}`);
    const rows = await withTenant(t.services.db, CODE, (trx) => trx.selectFrom('audit.accessLog').select(['subjectId'])
      .where('actorId', '=', reviewer.staffId).where('action', '=', 'registry.change.read').execute());
    expect(rows.map((r) => r.subjectId)).toContain(headId);
  });

  it('lets only reviewers and approvers return a change, with a reason; the clerk sees it and resubmits', async () => {
    const detail = await (await get(reviewer, `/console/registry/changes/${changeId}`)).text();
    expect(detail).toContain('差し戻す');
    expect(detail).not.toContain('本登録へ進む'); // a reviewer does not approve
    // The counter clerk may not return.
    expect((await post(clerk, `/console/registry/changes/${changeId}/returns`, { _csrf: clerk.csrf, reason: '確認' })).status).toBe(403);
    // A reason is required: the page again with the error, nothing changed.
    const empty = await post(reviewer, `/console/registry/changes/${changeId}/returns`, { _csrf: reviewer.csrf, _idem: hidden(detail, '_idem'), reason: '  ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('差戻しの理由を入力してください');
    const fields = { _csrf: reviewer.csrf, _idem: hidden(detail, '_idem'), reason: '番地が届書と異なります（2-3）' };
    const returned = await post(reviewer, `/console/registry/changes/${changeId}/returns`, fields);
    expect(returned.status).toBe(303);
    expect(returned.headers.get('location')).toBe(`/console/registry/changes/${changeId}?done=returned`);
    expect((await post(reviewer, `/console/registry/changes/${changeId}/returns`, fields)).headers.get('idempotent-replayed')).toBe('true');
    // A returned change cannot be approved, and keeps its household reserved.
    const api = await t.login(CODE, (await t.staff(CODE, ['approver'])).loginId);
    const refused = await api.request('POST', `/api/v1/changes/${changeId}/approvals`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('change-returned');
    expect(await (await get(clerk, `/console/registry/households/${householdId}`)).text()).toContain('この世帯には仮登録中の異動があります');
    // The clerk: 自分の入力 with the reason; the change page with 再提出.
    const mine = await (await get(clerk, '/console/registry/mine')).text();
    expect(mine).toContain('番地が届書と異なります（2-3）');
    expect(mine).toContain('差戻し中');
    const own = await (await get(clerk, `/console/registry/changes/${changeId}`)).text();
    expect(own).toContain('再提出する');
    expect((await post(clerk2, `/console/registry/changes/${changeId}/resubmissions`, { _csrf: clerk2.csrf })).status).toBe(403);
    const resubmitted = await post(clerk, `/console/registry/changes/${changeId}/resubmissions`, { _csrf: clerk.csrf, _idem: hidden(own.slice(own.indexOf('resubmissions')), '_idem') });
    expect(resubmitted.status).toBe(303);
    expect((await openChanges()).find((c) => c.changeId === changeId)?.status).toBe('provisional');
  });

  it('approves through a confirmation page, once, and the 世帯票 shows the new address', async () => {
    const confirm = await get(approver, `/console/registry/changes/${changeId}/approve`);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('本登録の確認');
    expect(html).toContain('承認　一郎');
    expect(await (await get(clerk, `/console/registry/households/${householdId}`)).text()).toContain('大字広丘野村1-1'); // nothing approved by the GET
    const fields = { _csrf: approver.csrf, _idem: hidden(html, '_idem') };
    const approved = await post(approver, `/console/registry/changes/${changeId}/approve`, fields);
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`/console/registry/changes/${changeId}?done=approved`);
    const repeat = await post(approver, `/console/registry/changes/${changeId}/approve`, fields);
    expect(repeat.status).toBe(303);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(await (await get(approver, approved.headers.get('location')!)).text()).toContain('本登録しました');
    const hh = await (await get(clerk, `/console/registry/households/${householdId}`)).text();
    expect(hh).toContain('大字広丘野村2-2');
    expect(hh).not.toContain('この世帯には仮登録中の異動があります');
  });
});

describe('issue #9: completion pages link to pages that exist', () => {
  it('a 転入 links to its change page, not to a person who exists only after 本登録', async () => {
    const html = await confirmPage(clerk, 'move-in', {
      occurredOn: '令和7年4月1日', notifier: '本人', previousAddress: '松本市', townName: '大字広丘野村', banchi: '9-9', katagaki: '',
      'p0-familyName': '転入', 'p0-givenName': '花子', 'p0-familyNameKana': 'テンニュウ', 'p0-givenNameKana': 'ハナコ', 'p0-birthDate': '平成2年2月2日', 'p0-sex': 'female',
      'p0-relationship': '世帯主', 'p0-honseki': '長野県塩尻市',
    });
    const res = await post(clerk, '/console/registry/changes/move-in', { _csrf: clerk.csrf, step: 'record', form: hidden(html, 'form'), _idem: hidden(html, '_idem') });
    expect(res.status).toBe(303);
    const page = await (await get(clerk, res.headers.get('location')!)).text();
    expect(page).toContain('転入　花子');
    expect(page).toContain('本登録後に個人票が作成されます');
    expect(page).toContain('新しく記載する住民');
    for (const [, href] of page.matchAll(/href="(\/console\/registry\/(?:persons|households)\/[^"?]+)"/g)) {
      expect((await get(clerk, href!)).status, href).toBe(200);
    }
  });
});

describe('issue #9: the console home is a place to start work', () => {
  it('shows the search box, the counts and recent work per role', async () => {
    const forClerk = await (await get(clerk, '/console')).text();
    expect(forClerk).toContain('action="/console/registry"');
    expect(forClerk).toContain('自分の入力（審査中）');
    expect(forClerk).toContain('最近入力した異動');
    expect(forClerk).toContain('転入　花子');
    expect(forClerk).toContain('href="/console/help"');
    expect(forClerk).not.toContain('審査待ちの仮登録');
    const forApprover = await (await get(approver, '/console')).text();
    expect(forApprover).toMatch(/data-count="awaiting"[\s\S]*?\d+件/);
    expect(forApprover).not.toContain('自分の入力（審査中）');
    const daycare = await signIn(['daycare']);
    const forDaycare = await (await get(daycare, '/console')).text();
    expect(forDaycare).not.toContain('action="/console/registry"');
    expect(forDaycare).not.toContain('data-testid="work-counts"');
    expect((await get(clerk, '/console/help')).status).toBe(200);
  });
});
