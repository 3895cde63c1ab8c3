// SPDX-License-Identifier: EUPL-1.2
// Issue #9: operations that record or approve are safe to repeat. The same Idempotency-Key returns the first
// result and records nothing twice; another request under the same key is refused; a refused first request frees
// the key. (On 84be6ac every repeat recorded again: there was no Idempotency-Key.)
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from './test-app.ts';
import { newPerson } from './fixtures/registry/change-generator.ts';
import { japanToday } from '../src/domains/registry/registry.service.ts';
import { addDays } from '../src/platform/dates/jp-date.ts';

const M = '202151';

/** A 転入 of one new person at the given 番地 (n keeps persons and addresses apart). */
const moveInOn = (today: string, n: number) => ({
  kind: 'move-in', occurredOn: addDays(today, -3), previousAddress: '東京都新宿区西新宿2-8-1',
  address: { townName: '大字広丘野村', banchi: `${n}番地` }, persons: [newPerson(n * 10, '世帯主', '1975-04-01')],
});

describe('Idempotency-Key', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const provisionalCount = async () => (await json<{ items: unknown[] }>(await approver.request('GET', '/api/v1/provisional-changes'))).items.length;
  beforeAll(async () => {
    today = japanToday(t.services.clock);
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver', 'reviewer'])).loginId);
  });
  const moveIn = (n: number) => moveInOn(today, n);

  it('returns the first result for a repeated change and records it once', async () => {
    const before = await provisionalCount();
    const key = 'test-key-0001-move-in';
    const first = await counter.request('POST', '/api/v1/changes', moveIn(1), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const body = await first.text();
    const again = await counter.request('POST', '/api/v1/changes', moveIn(1), { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(body);
    expect(await provisionalCount()).toBe(before + 1);
    // The repeat hands out the first response (names, addresses): it is access-logged like a read.
    const replays = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action = 'http.idempotent-replay' AND actor_id = ${counter.staffId}`.execute(t.services.db.owner);
    expect(replays.rows[0]!.n).toBe(1);
    // Without a key, the same request is a second change (a deliberate repeat).
    expect((await counter.request('POST', '/api/v1/changes', moveIn(2))).status).toBe(201);
    expect(await provisionalCount()).toBe(before + 2);
  });

  it('approves once under one key: the repeat answers as the first did, not 409', async () => {
    const rec = await json<{ changeId: string }>(await counter.request('POST', '/api/v1/changes', moveIn(3)));
    const key = 'approve-key-0003';
    const a = await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`, undefined, { 'idempotency-key': key });
    const b = await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`, undefined, { 'idempotency-key': key });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await b.text()).toBe(await a.text());
    // Without the key the second approval is a conflict, as before.
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(409);
  });

  it('refuses a key reused for another request, and a malformed key, changing nothing', async () => {
    const key = 'test-key-0004-reuse';
    expect((await counter.request('POST', '/api/v1/changes', moveIn(4), { 'idempotency-key': key })).status).toBe(201);
    const before = await provisionalCount();
    const other = await counter.request('POST', '/api/v1/changes', moveIn(5), { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect((await json<{ code: string }>(other)).code).toBe('idempotency-key-reused');
    const bad = await counter.request('POST', '/api/v1/changes', moveIn(6), { 'idempotency-key': 'x' });
    expect(bad.status).toBe(400);
    expect((await json<{ code: string }>(bad)).code).toBe('idempotency-key-invalid');
    expect(await provisionalCount()).toBe(before);
  });

  it('frees the key when the first request is refused, so the corrected request goes through', async () => {
    const key = 'test-key-0007-refused';
    const wrong = { ...moveIn(7), address: { townName: '霞が関', banchi: '1' } };
    expect((await counter.request('POST', '/api/v1/changes', wrong, { 'idempotency-key': key })).status).toBe(422);
    // The same (refused) request again is evaluated again, not replayed.
    expect((await counter.request('POST', '/api/v1/changes', wrong, { 'idempotency-key': key })).status).toBe(422);
    expect((await counter.request('POST', '/api/v1/changes', moveIn(7), { 'idempotency-key': key })).status).toBe(201);
  });

  it('keeps keys per staff member: another clerk with the same key records their own change', async () => {
    const other = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    const key = 'shared-looking-key-0008';
    const before = await provisionalCount();
    expect((await counter.request('POST', '/api/v1/changes', moveIn(8), { 'idempotency-key': key })).status).toBe(201);
    expect((await other.request('POST', '/api/v1/changes', moveIn(9), { 'idempotency-key': key })).status).toBe(201);
    expect(await provisionalCount()).toBe(before + 2);
  });

  it('answers a repeat only with the session CSRF token', async () => {
    const key = 'test-key-0010-csrf';
    expect((await counter.request('POST', '/api/v1/changes', moveIn(10), { 'idempotency-key': key })).status).toBe(201);
    const res = await counter.request('POST', '/api/v1/changes', moveIn(10), { 'idempotency-key': key, 'x-csrf-token': 'wrong' });
    expect(res.status).toBe(403);
  });
});

// Issue #15, faults: a request killed between its commit and its result must never run again on a retry, and one
// killed before committing anything must not block the retry for ever. The states a kill -9 leaves are set directly.
describe('Idempotency-Key after a crash (issue #15)', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, today: string;
  beforeAll(async () => {
    today = japanToday(t.services.clock);
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver', 'reviewer'])).loginId);
  });
  const moveIn = (n: number) => moveInOn(today, n);
  const provisional = async () => ((await (await approver.request('GET', '/api/v1/provisional-changes')).json()) as { items: unknown[] }).items.length;
  const keyRow = async (key: string) => (await sql<{ effect: Date | null; status: number | null }>`
    SELECT effect_committed_at AS effect, status_code AS status FROM platform.idempotency_key WHERE idem_key = ${key}`.execute(t.services.db.owner)).rows[0];
  /** What a kill -9 leaves: the key reserved with no result, `minutes` ago, with or without a committed effect. */
  const crashed = async (key: string, minutes: number, effect: boolean) => {
    await sql`UPDATE platform.idempotency_key SET status_code = NULL, headers = '{}', body = NULL, completed_at = NULL,
      created_at = now() - make_interval(mins => ${minutes}), effect_committed_at = CASE WHEN ${effect} THEN now() ELSE NULL END
      WHERE idem_key = ${key}`.execute(t.services.db.owner);
  };

  it('marks the key in the same transaction as the change it recorded', async () => {
    const res = await counter.request('POST', '/api/v1/changes', moveIn(51), { 'idempotency-key': 'crash-key-0051' });
    expect(res.status).toBe(201);
    expect(await keyRow('crash-key-0051')).toEqual({ effect: expect.any(Date), status: 201 });
  });

  it('refuses a retry of a request that committed and then died: outcome unknown, never a second change', async () => {
    await counter.request('POST', '/api/v1/changes', moveIn(52), { 'idempotency-key': 'crash-key-0052' });
    const before = await provisional();
    await crashed('crash-key-0052', 1, true);
    const soon = await counter.request('POST', '/api/v1/changes', moveIn(52), { 'idempotency-key': 'crash-key-0052' });
    expect([soon.status, ((await soon.json()) as { code: string }).code]).toEqual([409, 'idempotency-key-in-progress']);
    await crashed('crash-key-0052', 11, true);
    const later = await counter.request('POST', '/api/v1/changes', moveIn(52), { 'idempotency-key': 'crash-key-0052' });
    const problem = (await later.json()) as { code: string; title: string };
    expect([later.status, problem.code]).toEqual([409, 'idempotency-key-outcome-unknown']);
    expect(problem.title).toContain('結果を確認してください');
    expect(await provisional()).toBe(before);
  });

  it('lets a retry take over a key whose request died before committing anything, once the lease is over', async () => {
    const first = await counter.request('POST', '/api/v1/changes', { ...moveIn(53), kind: 'no-such-kind' }, { 'idempotency-key': 'crash-key-0053' });
    expect(first.status).toBe(400);
    // The refused request freed its key; make it look like a request that died holding it, before any commit.
    const body = moveIn(54);
    const fingerprint = crypto.createHash('sha256').update('POST /api/v1/changes\n').update(JSON.stringify(body)).digest('hex');
    await sql`INSERT INTO platform.idempotency_key (municipality_code, staff_id, idem_key, fingerprint, created_at)
      VALUES (${M}, ${counter.staffId}, 'crash-key-0054', ${fingerprint}, now() - interval '11 minutes')`.execute(t.services.db.owner);
    const wrongBody = await counter.request('POST', '/api/v1/changes', moveIn(55), { 'idempotency-key': 'crash-key-0054' });
    expect([wrongBody.status, ((await wrongBody.json()) as { code: string }).code]).toEqual([422, 'idempotency-key-reused']);
    const before = await provisional();
    const retry = await counter.request('POST', '/api/v1/changes', body, { 'idempotency-key': 'crash-key-0054' });
    expect(retry.status).toBe(201);
    expect(await provisional()).toBe(before + 1);
    const again = await counter.request('POST', '/api/v1/changes', body, { 'idempotency-key': 'crash-key-0054' });
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(await provisional()).toBe(before + 1);
  });
});
