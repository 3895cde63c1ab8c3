// SPDX-License-Identifier: EUPL-1.2
/** issue #9: 差戻し and the work queue through the API (POST /changes/{id}/returns, GET /provisional-changes filters). */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';

const CODE = '202151';
const t = useTestApp();
let clerk: Client, other: Client, reviewer: Client, approver: Client;
let householdId: string, personId: string, changeId: string;

const json = async <T>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  const login = async (roles: Parameters<typeof t.staff>[1]) => t.login(CODE, (await t.staff(CODE, roles)).loginId);
  [clerk, other, reviewer, approver] = [await login(['counter']), await login(['counter']), await login(['reviewer']), await login(['approver'])];
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '5-5', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '差戻', givenName: '太郎', familyNameKana: 'サシモドシ', givenNameKana: 'タロウ', birthDate: '1970-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }],
  });
  personId = plan.snapshots[0]!.personId;
  householdId = plan.snapshots[0]!.record.householdId;
  const hh = await json<{ version: number }>(await clerk.request('GET', `/api/v1/households/${householdId}`));
  const rec = await clerk.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: '2025-04-01', exOfficio: false, notifier: '本人', note: '', expectedVersions: { [householdId]: hh.version },
    personIds: [personId], address: { townName: '大字広丘野村', banchi: '6-6', katagaki: '', unlisted: false }, relationships: {}, remainingRelationships: {} });
  expect(rec.status, await rec.clone().text()).toBe(201);
  changeId = (await json<{ changeId: string }>(rec)).changeId;
});

describe('issue #9: 差戻し through the API', () => {
  it('gives every change a 受付番号 of its year', async () => {
    const c = await json<{ receiptNo: number; receiptLabel: string }>(await reviewer.request('GET', `/api/v1/changes/${changeId}`));
    expect(c.receiptNo).toBeGreaterThan(0);
    expect(c.receiptLabel).toMatch(/^令和\d+年第\d+号$/);
  });

  it('refuses a return by a counter clerk (403) and without a reason (400/422), changing nothing', async () => {
    const byClerk = await other.request('POST', `/api/v1/changes/${changeId}/returns`, { reason: '確認' });
    expect(byClerk.status).toBe(403);
    expect((await json<{ title: string }>(byClerk)).title).toBe('この操作を行う権限がありません');
    expect([400, 422]).toContain((await reviewer.request('POST', `/api/v1/changes/${changeId}/returns`, { reason: '' })).status);
    expect((await reviewer.request('POST', `/api/v1/changes/${changeId}/returns`, { reason: '   ' })).status).toBe(422);
    expect((await json<{ status: string }>(await reviewer.request('GET', `/api/v1/changes/${changeId}`))).status).toBe('provisional');
  });

  it('returns a change with its reason (once per Idempotency-Key), lists it for its clerk only, and refuses approval while returned', async () => {
    const key = { 'idempotency-key': `return-${changeId}` };
    const res = await reviewer.request('POST', `/api/v1/changes/${changeId}/returns`, { reason: '番地を確認してください' }, key);
    expect(res.status).toBe(201);
    expect(await json(res)).toEqual({ changeId, status: 'returned', reason: '番地を確認してください' });
    const again = await reviewer.request('POST', `/api/v1/changes/${changeId}/returns`, { reason: '番地を確認してください' }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const twice = await approver.request('POST', `/api/v1/changes/${changeId}/returns`, { reason: 'もう一度' });
    expect(twice.status).toBe(409);
    expect((await json<{ code: string }>(twice)).code).toBe('change-returned');
    const approve = await approver.request('POST', `/api/v1/changes/${changeId}/approvals`);
    expect(approve.status).toBe(409);
    expect((await json<{ code: string }>(approve)).code).toBe('change-returned');

    const mine = await json<{ items: Array<{ changeId: string; status: string; returnedReason: string }> }>(await clerk.request('GET', '/api/v1/provisional-changes?status=returned'));
    expect(mine.items.map((c) => [c.changeId, c.status, c.returnedReason])).toEqual([[changeId, 'returned', '番地を確認してください']]);
    // Another clerk sees only their own (none); the default list (provisional) no longer has it.
    expect((await json<{ items: unknown[] }>(await other.request('GET', '/api/v1/provisional-changes?status=open'))).items).toEqual([]);
    const pending = await json<{ items: Array<{ changeId: string }> }>(await reviewer.request('GET', '/api/v1/provisional-changes'));
    expect(pending.items.map((c) => c.changeId)).not.toContain(changeId);
    const byKind = await json<{ items: Array<{ changeId: string }> }>(await reviewer.request('GET', '/api/v1/provisional-changes?status=returned&kind=move-within'));
    expect(byKind.items.map((c) => c.changeId)).toContain(changeId);
    // The reservation stays: nobody else can change the household meanwhile.
    expect((await json<{ pendingChangeId: string }>(await clerk.request('GET', `/api/v1/households/${householdId}`))).pendingChangeId).toBe(changeId);
  });

  it('lets only its clerk resubmit it, then an approver approves it', async () => {
    const byOther = await other.request('POST', `/api/v1/changes/${changeId}/resubmissions`);
    expect(byOther.status).toBe(403);
    expect((await json<{ code: string }>(byOther)).code).toBe('not-own-change');
    expect((await clerk.request('POST', `/api/v1/changes/${changeId}/resubmissions`)).status).toBe(201);
    expect((await clerk.request('POST', `/api/v1/changes/${changeId}/resubmissions`)).status).toBe(409);
    expect((await approver.request('POST', `/api/v1/changes/${changeId}/approvals`)).status).toBe(201);
    expect((await reviewer.request('POST', `/api/v1/changes/${changeId}/returns`, { reason: '遅い' })).status).toBe(409);
  });
});
