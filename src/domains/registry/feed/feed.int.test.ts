// The change feed (issue #13): consumers and their item scopes, the full extract, the delta after a cursor (gap-free
// and without repeats under concurrent 本登録), DV等支援措置, the access log per consumer, refusals.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { japanToday } from '../registry.service.ts';
import { createFeedRepository } from './feed.repository.ts';

const M = '202151';
type Rec = { historyNo: number; items: Record<string, string> };
type ChangesPage = { cursor: string; hasMore: boolean; changes: Array<{ seq: string; reasonCode: string; occurredOn: string; records: Rec[] }> };
type ExtractPage = { cursor: string; next: string | null; records: Rec[] };

describe('registry change feed', () => {
  const t = useTestApp();
  let clerk: Client;
  let approver: Client;
  let admin: Client;
  let today: string;
  let serial = 100;
  const tokens: Record<string, string> = {};

  const feed = (token: string, path: string) => t.app.request(`/api/v1/registry-feed/${path}`, { headers: { authorization: `Bearer ${token}` } });
  const page = async <T>(token: string, path: string) => {
    const res = await feed(token, path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };
  async function moveIn(approve = true) {
    const n = serial++;
    const res = await clerk.request('POST', '/api/v1/changes', {
      kind: 'move-in', occurredOn: addDays(today, -2), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: `${n}番地` },
      persons: [newPerson(n * 2, '世帯主', '1970-04-01'), newPerson(n * 2 + 1, '妻', '1972-08-08')],
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { changeId: string; personIds: string[]; householdIds: string[] };
    if (approve) expect((await approver.request('POST', `/api/v1/changes/${body.changeId}/approvals`)).status).toBe(201);
    return body;
  }
  async function addConsumer(name: string, scopes: string[], kind?: string) {
    const res = await admin.request('POST', '/api/v1/registry-feed/consumers', { name, purpose: `${name} の賦課・資格管理`, scopes, ...(kind ? { kind } : {}) });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { consumer: { consumerId: string; scopes: string[] }; token: string };
    tokens[name] = body.token;
    return body;
  }
  /** Follows the delta from a cursor to the end; returns every change seen and the final cursor. */
  async function follow(token: string, cursor: string, limit = 3) {
    const seen: ChangesPage['changes'] = [];
    for (;;) {
      const p = await page<ChangesPage>(token, `changes?cursor=${cursor}&limit=${limit}`);
      // Each page continues exactly where the previous one stopped: consecutive numbers, no gap, no repeat.
      p.changes.forEach((c, i) => expect(Number(c.seq)).toBe(Number(cursor) + i + 1));
      seen.push(...p.changes);
      cursor = p.cursor;
      if (!p.hasMore) return { seen, cursor };
    }
  }

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    clerk = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    await addConsumer('election', ['name', 'birth-sex', 'address', 'household']);
    await addConsumer('tax', ['name', 'birth-sex', 'address', 'household', 'protected-address']);
    await addConsumer('togo-atena', ['name', 'birth-sex', 'address', 'protected-address'], '団体内統合宛名');
  });

  it('manages consumers for registry:feed-admin only; the token is shown once and kept only as a hash', async () => {
    expect((await clerk.request('POST', '/api/v1/registry-feed/consumers', { name: 'x', purpose: 'p', scopes: [] })).status).toBe(403);
    expect((await approver.request('GET', '/api/v1/registry-feed/consumers')).status).toBe(403);
    const list = (await (await admin.request('GET', '/api/v1/registry-feed/consumers')).json()) as { items: Array<{ name: string; scopes: string[] }> };
    expect(list.items.map((c) => c.name)).toEqual(['election', 'tax', 'togo-atena']);
    expect(list.items[0]!.scopes).toEqual(['basic', 'name', 'birth-sex', 'household', 'address']);
    const dup = await admin.request('POST', '/api/v1/registry-feed/consumers', { name: 'tax', purpose: '重複', scopes: [] });
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { code: string }).code).toBe('feed-consumer-name-taken');
    const stored = await sql<{ h: string }>`SELECT token_hash AS h FROM registry.feed_consumer WHERE name = 'tax'`.execute(t.services.db.owner);
    expect(stored.rows[0]!.h).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]!.h).not.toContain(tokens.tax!.slice(11));
  });

  it('gives the full extract in pages, in the consumer\'s scopes: 個人番号 only with my-number', async () => {
    const h = await moveIn();
    const all: Rec[] = [];
    let after = '';
    let cursor: string | undefined;
    for (;;) {
      const p = await page<ExtractPage>(tokens.election!, `extract?limit=2${after ? `&after=${after}` : ''}`);
      cursor ??= p.cursor;
      all.push(...p.records);
      if (!p.next) break;
      after = p.next;
    }
    const atena = all.map((r) => r.items['宛名番号']!);
    expect([...atena].sort()).toEqual(atena);
    expect(new Set(atena).size).toBe(atena.length);
    const mine = all.filter((r) => r.items['住所_番地号表記'] === `${serial - 1}番地`);
    expect(mine).toHaveLength(2);
    expect(mine[0]!.items).toMatchObject({ 住民状態: '住民', 支援措置対象: '0', 住民種別: '日本人', 住所_町字: '大字広丘野村' });
    expect(Object.keys(mine[0]!.items)).not.toContain('個人番号');
    expect(Object.keys(mine[0]!.items)).not.toContain('本籍');
    expect(Object.keys(mine[0]!.items)).not.toContain('住民票コード');
    const taxed = await page<ExtractPage>(tokens['togo-atena']!, `extract?limit=1000`);
    const withNumber = taxed.records.filter((r) => r.items['住所_番地号表記'] === `${serial - 1}番地`);
    expect(withNumber.map((r) => r.items['個人番号'])).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{12}$/)]));
    expect(Number(cursor)).toBeGreaterThan(0);
    // Every record read is in the access log under the consumer, with its purpose; 個人番号 reads are marked.
    const log = await sql<{ n: number; mn: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE my_number_accessed)::int AS mn FROM audit.access_log
      WHERE actor_id = 'feed-consumer:togo-atena' AND action = 'registry.feed.extract' AND subject_id = ANY(${h.personIds}::text[])
        AND purpose = '特定個人情報（番号法）：togo-atena の賦課・資格管理' AND disclosed_items = 'specific-personal-information'`.execute(t.services.db.owner);
    expect(log.rows[0]).toEqual({ n: 2, mn: 2 });
  });

  it('gives 個人番号 (宛名番号 ↔ 個人番号, 特定個人情報) only to the 団体内統合宛名 consumer kind, full and delta, each delivery marked', async () => {
    // No other kind of consumer may hold the my-number scope: refused with its code, nothing registered.
    for (const kind of [undefined, 'standard', '戸籍附票']) {
      const res = await admin.request('POST', '/api/v1/registry-feed/consumers', { name: 'tax2', purpose: '住民税', scopes: ['name', 'my-number'], ...(kind ? { kind } : {}) });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { code: string }).code).toBe('feed-my-number-scope-forbidden');
    }
    const names = await sql<{ name: string }>`SELECT name FROM registry.feed_consumer WHERE name = 'tax2'`.execute(t.services.db.owner);
    expect(names.rows).toEqual([]);
    // The database refuses it too (a consumer written around the service).
    await expect(sql`UPDATE registry.feed_consumer SET scopes = scopes || '{my-number}' WHERE name = 'tax'`.execute(t.services.db.owner)).rejects.toThrow();
    // A 団体内統合宛名 consumer always has it, given or not; the others never receive 個人番号.
    const linkage = await addConsumer('atena-link', [], '団体内統合宛名');
    expect(linkage.consumer.scopes).toEqual(['basic', 'my-number']);
    const before = (await follow(tokens.election!, '0', 1000)).cursor;
    const h = await moveIn();
    const [c] = (await follow(linkage.token, before)).seen;
    expect(c!.records).toHaveLength(2);
    for (const r of c!.records) {
      expect(r.items['宛名番号']).toMatch(/^\d+$/);
      expect(r.items['個人番号']).toMatch(/^\d{12}$/);
      expect(Object.keys(r.items)).not.toContain('氏');
    }
    const [e] = (await follow(tokens.tax!, before)).seen;
    expect(Object.keys(e!.records[0]!.items)).not.toContain('個人番号');
    const log = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE actor_id = 'feed-consumer:atena-link' AND action = 'registry.feed.changes'
      AND subject_id = ANY(${h.personIds}::text[]) AND my_number_accessed AND disclosed_items = 'specific-personal-information' AND purpose LIKE '特定個人情報（番号法）：%'`.execute(t.services.db.owner);
    expect(log.rows[0]!.n).toBe(2);
    const plain = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE actor_id = 'feed-consumer:tax' AND subject_id = ANY(${h.personIds}::text[])
      AND (my_number_accessed OR disclosed_items <> '')`.execute(t.services.db.owner);
    expect(plain.rows[0]!.n).toBe(0);
  });

  it('delivers committed changes after a cursor in order, provisional ones only once approved', async () => {
    const cursor = (await follow(tokens.election!, '0', 1000)).cursor;
    const pending = await moveIn(false);
    expect((await follow(tokens.election!, cursor)).seen).toEqual([]);
    expect((await approver.request('POST', `/api/v1/changes/${pending.changeId}/approvals`)).status).toBe(201);
    const { version } = (await (await clerk.request('GET', `/api/v1/households/${pending.householdIds[0]}`)).json()) as { version: number };
    const moved = await clerk.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: today, personIds: pending.personIds,
      address: { townName: '大字広丘吉田', banchi: '5番地' }, expectedVersions: { [pending.householdIds[0]!]: version } });
    const movedBody = (await moved.json()) as { changeId: string };
    expect(moved.status, JSON.stringify(movedBody)).toBe(201);
    expect((await approver.request('POST', `/api/v1/changes/${movedBody.changeId}/approvals`)).status).toBe(201);
    const r = await follow(tokens.election!, cursor, 1);
    expect(r.seen.map((c) => c.reasonCode)).toEqual(['A01', 'C01']);
    expect(r.seen[1]!.records.map((x) => x.items['住所_町字'])).toEqual(['大字広丘吉田', '大字広丘吉田']);
    expect(r.seen[1]!.records[0]!.historyNo).toBe(2);
    // Nothing more, and a cursor from the future (another municipality's, a typo) is refused.
    expect((await follow(tokens.election!, r.cursor)).seen).toEqual([]);
    const ahead = await feed(tokens.election!, `changes?cursor=${Number(r.cursor) + 5}`);
    expect(ahead.status).toBe(422);
    expect(((await ahead.json()) as { code: string }).code).toBe('feed-cursor-invalid');
  });

  it('withholds where a person under a DV等支援措置 lives from consumers without protected-address, and flags the record', async () => {
    const before = (await follow(tokens.election!, '0', 1000)).cursor;
    const h = await moveIn();
    expect((await approver.request('POST', '/api/v1/support-measures', { personId: h.personIds[1], kind: 'dv', startsOn: today, requestingBody: '配偶者暴力相談支援センター' })).status).toBe(201);
    const [c] = (await follow(tokens.election!, before)).seen;
    const [head, wife] = [c!.records.find((x) => x.items['続柄'] === '世帯主')!, c!.records.find((x) => x.items['続柄'] === '妻')!];
    expect(head.items).toMatchObject({ 支援措置対象: '0', 住所_町字: '大字広丘野村' });
    expect(wife.items).toMatchObject({ 支援措置対象: '1', 住所_町字: '', 住所_番地号表記: '', 転入前住所: '' });
    expect(wife.items['氏']).toBeTruthy();
    const [ct] = (await follow(tokens.tax!, before)).seen;
    expect(ct!.records.find((x) => x.items['続柄'] === '妻')!.items).toMatchObject({ 支援措置対象: '1', 住所_町字: '大字広丘野村' });
  });

  it('refuses unknown, malformed and revoked tokens with 401 and changes nothing', async () => {
    for (const token of ['nonsense', `jfc_${M}_${'A'.repeat(43)}`, tokens.election!.replace(M, '131041')]) {
      const res = await feed(token, 'changes');
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('feed-consumer-unauthenticated');
    }
    expect((await t.app.request('/api/v1/registry-feed/extract')).status).toBe(401);
    const c = await addConsumer('kaigo', ['name']);
    expect((await feed(c.token, 'changes')).status).toBe(200);
    expect((await admin.request('POST', `/api/v1/registry-feed/consumers/${c.consumer.consumerId}/revocations`)).status).toBe(201);
    expect((await feed(c.token, 'changes')).status).toBe(401);
    expect((await admin.request('POST', `/api/v1/registry-feed/consumers/${c.consumer.consumerId}/revocations`)).status).toBe(409);
  });

  it('a follower polling during concurrent 本登録 sees every change exactly once, in commit order', async () => {
    const start = (await follow(tokens.election!, '0', 1000)).cursor;
    const pending: Array<{ changeId: string }> = [];
    for (let i = 0; i < 12; i++) pending.push(await moveIn(false));
    let done = false;
    let cursor = start;
    const seen: string[] = [];
    const poller = (async () => {
      while (!done) {
        const r = await follow(tokens.election!, cursor, 2);
        seen.push(...r.seen.map((c) => c.seq));
        cursor = r.cursor;
      }
    })();
    // Twelve approvals in six concurrent requests of two (on PostgreSQL they overlap; the feed numbers are taken last).
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((k) => approver.request('POST', '/api/v1/provisional-changes/approvals',
      { changeIds: [pending[k * 2]!.changeId, pending[k * 2 + 1]!.changeId] })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    done = true;
    await poller;
    seen.push(...(await follow(tokens.election!, cursor, 2)).seen.map((c) => c.seq));
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => String(Number(start) + i + 1)));
    const changeIds = await sql<{ id: string }>`SELECT change_id AS id FROM registry.change WHERE feed_seq > ${start} ORDER BY feed_seq`.execute(t.services.db.owner);
    expect(changeIds.rows.map((r) => r.id).sort()).toEqual(pending.map((p) => p.changeId).sort());
  });

  it.skipIf(process.env.DATABASE_URL === undefined)('a change committing late cannot be skipped: the next number waits for the earlier commit (PostgreSQL)', async () => {
    const repo = createFeedRepository();
    const a = await moveIn(false);
    const b = await moveIn(false);
    const last = await withTenant(t.services.db, M, (trx) => repo.lastSeq(trx));
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let allocated!: () => void;
    const firstAllocated = new Promise<void>((r) => { allocated = r; });
    const t1 = withTenant(t.services.db, M, async (trx) => { await repo.allocate(trx, M, [a.changeId]); allocated(); await held; });
    await firstAllocated;
    const t2 = withTenant(t.services.db, M, (trx) => repo.allocate(trx, M, [b.changeId]));
    // Wait until the second transaction is blocked on the counter's row lock.
    let blocked = false;
    for (let i = 0; i < 500 && !blocked; i++) {
      const w = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%feed_counter%'`.execute(t.services.db.owner);
      blocked = w.rows[0]!.n > 0;
      if (!blocked) await new Promise((r) => setTimeout(r, 10));
    }
    expect(blocked).toBe(true);
    const during = await withTenant(t.services.db, M, (trx) => repo.changesAfter(trx, last, 10));
    expect(during).toEqual([]);
    release();
    await t1;
    await t2;
    const after = await withTenant(t.services.db, M, (trx) => repo.changesAfter(trx, last, 10));
    expect(after.map((c) => [c.changeId, Number(c.feedSeq)])).toEqual([[a.changeId, last + 1], [b.changeId, last + 2]]);
  });
});
