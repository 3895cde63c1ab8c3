// SPDX-License-Identifier: EUPL-1.2
// メモ (issue #13, spec §1.1.15): notes on a person or household with who and when, every revision kept, roles per
// action (write: 窓口・審査・決裁, not contractors; another's memo: 決裁 only), stale revisions refused, every read and
// write access-logged, refusals change nothing, another municipality sees nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { ChangeInput } from '../registry.schema.ts';
import { japanToday } from '../registry.service.ts';

const M = '202151';
const OTHER = '131016';

type Memo = { memoId: string; subjectType: string; body: string; deleted: boolean; revisionNo: number; createdByName: string; updatedByName: string;
  revisions: Array<{ revisionNo: number; body: string; deleted: boolean; writtenByName: string }> };

describe('memos (メモ) API', () => {
  const t = useTestApp();
  let counter: Client, counter2: Client, approver: Client, admin: Client, contractor: Client, foreignApprover: Client;
  let person: string, householdId: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const list = async (path: string, as = counter) => (await json<{ items: Memo[] }>(await as.request('GET', path))).items;

  beforeAll(async () => {
    const today = japanToday(t.services.clock);
    const mk = async (code: string, roles: Parameters<typeof t.staff>[1]) => t.login(code, (await t.staff(code, roles)).loginId);
    admin = await mk(M, ['admin']);
    counter = await mk(M, ['counter']);
    counter2 = await mk(M, ['counter']);
    approver = await mk(M, ['approver']);
    const created = await admin.request('POST', '/api/v1/staff', { loginId: 'itaku-memo', displayName: '委託 花子', roles: ['counter'], password: TEST_PASSWORD, contractor: true });
    expect(created.status).toBe(201);
    contractor = await t.login(M, 'itaku-memo');
    foreignApprover = await mk(OTHER, ['approver']);
    const s = (await t.services.registry.recordFinalAsSystem(M, ChangeInput.parse({ expectedVersions: {}, kind: 'move-in', occurredOn: addDays(today, -30), previousAddress: '松本市',
      address: { townName: '大字広丘野村', banchi: '951番地' }, persons: [newPerson(951, '世帯主', '1970-01-01', { familyName: '備忘', givenName: '一郎' }), newPerson(952, '妻', '1972-01-01', { familyName: '備忘', givenName: '花子' })] }))).plan.snapshots;
    person = s[0]!.personId;
    householdId = s[0]!.record.householdId;
  });

  it('writes memos on a person and a household with who and when, and shows the household\'s on the person', async () => {
    const res = await counter.request('POST', '/api/v1/memos', { subjectType: 'person', subjectId: person, body: '聴覚に障害あり。筆談で対応。' });
    expect(res.status, await res.clone().text()).toBe(201);
    const memo = await json<Memo>(res);
    expect(memo).toMatchObject({ subjectType: 'person', body: '聴覚に障害あり。筆談で対応。', revisionNo: 1, deleted: false });
    expect(memo.createdByName).not.toBe('');
    expect((await counter.request('POST', '/api/v1/memos', { subjectType: 'household', subjectId: householdId, body: '世帯で来庁する場合は午前中を希望。' })).status).toBe(201);
    const mine = await list(`/api/v1/persons/${person}/memos`);
    expect(mine.map((m) => m.body)).toEqual(['聴覚に障害あり。筆談で対応。', '世帯で来庁する場合は午前中を希望。']);
    expect((await list(`/api/v1/households/${householdId}/memos`)).map((m) => m.subjectType)).toEqual(['household']);
    const log = await json<{ items: Array<{ action: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${person}`));
    expect(log.items.map((e) => e.action)).toEqual(expect.arrayContaining(['registry.memo.write', 'registry.memo.read']));
  });

  it('keeps every revision: the writer or an approver changes or deletes, another clerk may not, a stale revision is refused', async () => {
    const memo = await json<Memo>(await counter.request('POST', '/api/v1/memos', { subjectType: 'person', subjectId: person, body: '旧住所に郵便物あり' }));
    const revise = (as: Client, body: Record<string, unknown>) => as.request('POST', `/api/v1/memos/${memo.memoId}/revisions`, body);
    const r1 = await revise(counter2, { body: '書き換え', expectedRevision: 1 });
    expect(r1.status).toBe(403);
    expect((await json<{ code: string }>(r1)).code).toBe('memo-not-author');
    const r2 = await revise(counter, { body: '旧住所に郵便物あり（転送届済み）', expectedRevision: 1 });
    expect(r2.status).toBe(201);
    const stale = await revise(counter, { body: '古い画面からの更新', expectedRevision: 1 });
    expect(stale.status).toBe(409);
    expect((await json<{ code: string }>(stale)).code).toBe('memo-version-conflict');
    expect((await revise(approver, { body: '   ', expectedRevision: 2 })).status).toBe(400);
    expect((await revise(approver, { body: 'x'.repeat(2001), expectedRevision: 2 })).status).toBe(400);
    const del = await approver.request('POST', `/api/v1/memos/${memo.memoId}/deletions`, { expectedRevision: 2 });
    expect(del.status).toBe(201);
    const deleted = await json<Memo>(del);
    expect(deleted.deleted).toBe(true);
    expect(deleted.revisions.map((r) => [r.revisionNo, r.body, r.deleted])).toEqual([[1, '旧住所に郵便物あり', false], [2, '旧住所に郵便物あり（転送届済み）', false], [3, '', true]]);
    expect((await list(`/api/v1/persons/${person}/memos`)).map((m) => m.memoId)).not.toContain(memo.memoId);
    expect((await list(`/api/v1/persons/${person}/memos?includeDeleted=true`)).map((m) => m.memoId)).toContain(memo.memoId);
    const again = await approver.request('POST', `/api/v1/memos/${memo.memoId}/deletions`, { expectedRevision: 3 });
    expect(again.status).toBe(404);
    expect((await json<{ code: string }>(again)).code).toBe('memo-not-found');
  });

  it('refuses memos to contractors and administrators, bad subjects and other municipalities, and writes nothing', async () => {
    const before = (await list(`/api/v1/persons/${person}/memos?includeDeleted=true`)).length;
    for (const who of [contractor, admin]) expect((await who.request('POST', '/api/v1/memos', { subjectType: 'person', subjectId: person, body: 'x' })).status).toBe(403);
    const missing = await counter.request('POST', '/api/v1/memos', { subjectType: 'household', subjectId: '00000000-0000-4000-8000-000000000000', body: 'x' });
    expect(missing.status).toBe(404);
    expect((await json<{ code: string }>(missing)).code).toBe('household-not-found');
    expect((await counter.request('POST', '/api/v1/memos', { subjectType: 'tax', subjectId: person, body: 'x' })).status).toBe(400);
    expect((await foreignApprover.request('POST', '/api/v1/memos', { subjectType: 'person', subjectId: person, body: 'x' })).status).toBe(404);
    expect((await foreignApprover.request('GET', `/api/v1/persons/${person}/memos`)).status).toBe(404);
    const [first] = await list(`/api/v1/persons/${person}/memos`);
    expect((await foreignApprover.request('POST', `/api/v1/memos/${first!.memoId}/revisions`, { body: 'x', expectedRevision: 1 })).status).toBe(404);
    expect((await list(`/api/v1/persons/${person}/memos?includeDeleted=true`)).length).toBe(before);
  });
});
