// Concurrent changes (on PostgreSQL they really overlap; PGlite runs them one after another): changes of different
// households run under row locks only, changes that need new numbers take the municipality lock, and changes that
// meet on one person or household are refused rather than interleaved. The invariants are checked afterwards.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import crypto from 'node:crypto';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { createRegistryRepository } from './registry.repository.ts';
import { japanToday } from './registry.service.ts';
import { addDays } from '../../platform/dates/jp-date.ts';

const M = '202151';

describe('registry changes under concurrency', () => {
  const t = useTestApp();
  let clerks: Client[];
  let approver: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  type Household = { householdNo: string; version: number; members: Array<{ personId: string; relationship: string }>; headPersonId: string };
  const household = async (id: string) => json<Household>(await clerks[0]!.request('GET', `/api/v1/households/${id}`));

  const moveIn = (n: number) => ({
    kind: 'move-in', occurredOn: addDays(today, -2), previousAddress: '東京都新宿区西新宿2-8-1',
    address: { townName: '大字広丘野村', banchi: `${n}番地` },
    persons: [newPerson(n * 10, '世帯主', '1970-04-01'), newPerson(n * 10 + 1, '妻', '1972-08-08'), newPerson(n * 10 + 2, '子', '2001-01-01')],
  });
  async function enter(n: number) {
    const res = await clerks[n % clerks.length]!.request('POST', '/api/v1/changes', moveIn(n));
    expect(res.status).toBe(201);
    const body = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${body.changeId}/approvals`)).status).toBe(201);
    return body;
  }

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    clerks = [];
    for (let i = 0; i < 4; i++) clerks.push(await t.login(M, (await t.staff(M, ['counter'])).loginId));
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
  });

  it('runs 転居, 世帯分離 and 転入 of different households side by side; numbers stay unique and every change lands', async () => {
    const hs = [];
    for (let n = 1; n <= 8; n++) hs.push(await enter(n));
    const versions = await Promise.all(hs.map((h) => household(h.householdIds[0]!)));
    const requests = hs.map((h, i) => {
      const v = { [h.householdIds[0]!]: versions[i]!.version };
      // Even households move as a whole; odd ones split off the child into a new household (a new 世帯番号).
      return i % 2 === 0
        ? { kind: 'move-within', occurredOn: today, personIds: h.personIds, address: { townName: '大字広丘吉田', banchi: `${i + 1}番地` }, expectedVersions: v }
        : { kind: 'household-split', occurredOn: today, personIds: [h.personIds[2]!], newHeadPersonId: h.personIds[2]!, expectedVersions: v };
    });
    const all = [...requests, moveIn(21), moveIn(22)];
    const results = await Promise.all(all.map((body, i) => clerks[i % clerks.length]!.request('POST', '/api/v1/changes', body)));
    const bodies = await Promise.all(results.map((r) => json<{ changeId: string; householdIds: string[]; personIds: string[]; code?: string }>(r)));
    expect(results.map((r, i) => `${r.status} ${bodies[i]!.code ?? ''}`.trim())).toEqual(all.map(() => '201'));

    // Approve in two overlapping lists at once (sorted inside: no deadlock, each change approved exactly once).
    const ids = bodies.map((b) => b.changeId);
    const [a, b] = await Promise.all([
      approver.request('POST', '/api/v1/provisional-changes/approvals', { changeIds: ids.slice(0, 6) }),
      approver.request('POST', '/api/v1/provisional-changes/approvals', { changeIds: ids.slice(6).reverse() }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);

    const touched = [...new Set(bodies.flatMap((x) => x.householdIds))];
    const now = await Promise.all(touched.map(household));
    const numbers = now.map((h) => h.householdNo);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const h of now) expect(h.members.filter((m) => m.relationship === '世帯主')).toHaveLength(1);
    // Each split child heads its own new household; each whole move keeps its three members.
    for (const [i, h] of hs.entries()) {
      const home = await household(h.householdIds[0]!);
      expect(home.members.map((m) => m.personId).sort(), `household ${i}`).toEqual((i % 2 === 0 ? h.personIds : h.personIds.slice(0, 2)).sort());
    }
    const newPersons = bodies.slice(8).flatMap((x) => x.personIds);
    expect(newPersons).toHaveLength(6);
    const atena = await Promise.all(newPersons.map(async (id) => (await json<{ atenaNo: string }>(await clerks[0]!.request('GET', `/api/v1/persons/${id}`))).atenaNo));
    expect(new Set(atena).size).toBe(6);
  });

  it('refuses the second of two changes that meet on one person, whichever comes first; nothing is half-written', async () => {
    const h = await enter(31);
    const hh = await household(h.householdIds[0]!);
    const v = { [h.householdIds[0]!]: hh.version };
    const [r1, r2] = await Promise.all([
      clerks[0]!.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: today, personIds: h.personIds, address: { townName: '大字洗馬', banchi: '3番地' }, expectedVersions: v }),
      clerks[1]!.request('POST', '/api/v1/changes', { kind: 'death', occurredOn: today, personId: h.personIds[2]!, expectedVersions: v }),
    ]);
    const statuses = [r1.status, r2.status].sort();
    expect(statuses).toEqual([201, 409]);
    const refused = await json<{ code: string }>(r1.status === 409 ? r1 : r2);
    expect(['household-version-conflict', 'provisional-change-pending']).toContain(refused.code);
    const provisional = await json<{ items: Array<{ changeId: string; persons: Array<{ personId: string }> }> }>(await approver.request('GET', '/api/v1/provisional-changes'));
    const mine = provisional.items.filter((c) => c.persons.some((p) => h.personIds.includes(p.personId)));
    expect(mine).toHaveLength(1);
  });

  it('never lets a second change take over a person already reserved by another', async () => {
    const h = await enter(51);
    const repo = createRegistryRepository();
    const rollback = new Error('rollback');
    await expect(withTenant(t.services.db, M, async (trx) => {
      expect(await repo.reservePersons(trx, h.personIds, crypto.randomUUID())).toBe(3);
      // The write path of a change compares this count with its persons and refuses with provisional-change-pending.
      expect(await repo.reservePersons(trx, h.personIds, crypto.randomUUID())).toBe(0);
      expect(await repo.reservePersons(trx, [], crypto.randomUUID())).toBe(0);
      throw rollback;
    })).rejects.toBe(rollback);
  });
});
