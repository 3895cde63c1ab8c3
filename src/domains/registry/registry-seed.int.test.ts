// The demo generator writes data the rules accept: seeded households keep the invariants, history replays to
// the current state, and ordinary changes work on seeded records. Also: 個人番号 key rotation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { createServices, type Services } from '../../services.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { systemClock } from '../../platform/clock.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { invariantViolations, newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { createRegistry } from './index.ts';
import { generateDemoRegistry } from './demo/demo-generator.ts';
import { demoAddressFiles, demoTowns } from './addresses/demo-address-data.ts';
import { japanToday } from './registry.service.ts';
import type { PersonRecord } from './registry-model.ts';
import { ChangeInput } from './registry.schema.ts';

const M = '202151';

describe('demo residents', () => {
  let services: Services;
  let drop: () => Promise<void>;
  const actor = (roles: Actor['roles'], id: string): Actor => ({ type: 'staff', municipalityCode: M, staffId: id, loginId: id, displayName: id, roles, csrfToken: '', sessionTokenHash: '', authMethod: 'password' });

  beforeAll(async () => {
    const db = await openTestDatabase();
    drop = db.drop;
    services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
    await services.tenants.loadReferenceData();
    await services.tenants.onboard(M);
    await services.registry.loadAddressMaster(M, demoAddressFiles(M)!, 'test');
  });
  afterAll(async () => drop?.());

  it('is deterministic and has a realistic shape', () => {
    const o = { persons: 3000, towns: demoTowns(M), myNumberIndex: (n: string) => n };
    const a = generateDemoRegistry(o);
    const b = generateDemoRegistry(o);
    expect(JSON.stringify(a.current.slice(0, 50))).toBe(JSON.stringify(b.current.slice(0, 50)));
    const living = a.current.filter((c) => !c.record.removedOn).map((c) => c.record);
    const foreign = living.filter((r) => r.residentKind === 'foreign').length / living.length;
    expect(foreign).toBeGreaterThan(0.01);
    expect(foreign).toBeLessThan(0.06);
    const elderly = living.filter((r) => r.birthDate.sortKey < '1961-04-01').length / living.length;
    expect(elderly).toBeGreaterThan(0.2);
    expect(a.current.some((c) => c.record.removedOn)).toBe(true);
    expect(a.snapshots.length).toBeGreaterThan(a.current.length);
  });

  it('seeds data that keeps the invariants and replays to the current state', async () => {
    const r = await services.registry.seedDemoResidents(M, { persons: 1500 });
    expect(r.written).toBe(true);
    expect((await services.registry.seedDemoResidents(M, { persons: 1500 })).written).toBe(false);
    const { persons, mismatches } = await withTenant(services.db, M, async (trx) => ({
      persons: (await trx.selectFrom('registry.personCurrent').select(['personId', 'record']).execute()).map((p) => ({ personId: p.personId, record: p.record as unknown as PersonRecord })),
      mismatches: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.person_current c WHERE c.record <> (SELECT s.record FROM registry.person_snapshot s
        WHERE s.person_id = c.person_id ORDER BY s.history_no DESC LIMIT 1) OR c.history_no <> (SELECT max(history_no) FROM registry.person_snapshot s WHERE s.person_id = c.person_id)`.execute(trx)).rows[0]!.n,
    }));
    expect(persons.length).toBe(r.persons);
    expect(invariantViolations(persons)).toEqual([]);
    expect(mismatches).toBe(0);
  });

  it('keeps history append-only for the application role', async () => {
    await expect(withTenant(services.db, M, (trx) => sql`UPDATE registry.person_snapshot SET relationship = '妻'`.execute(trx))).rejects.toThrow(/permission denied/);
    await expect(withTenant(services.db, M, (trx) => sql`DELETE FROM registry.change`.execute(trx))).rejects.toThrow(/permission denied/);
    await expect(withTenant(services.db, M, (trx) => sql`UPDATE registry.change SET kind = 'death'`.execute(trx))).rejects.toThrow(/permission denied/);
  });

  it('accepts ordinary changes on seeded records', async () => {
    const h = await withTenant(services.db, M, (trx) => trx.selectFrom('registry.household as h')
      .innerJoin('registry.personCurrent as c', (j) => j.onRef('c.municipalityCode', '=', 'h.municipalityCode').onRef('c.householdId', '=', 'h.householdId'))
      .select(['h.householdId', 'h.version', sql<string[]>`array_agg(c.person_id)`.as('personIds')]).where('c.removedOn', 'is', null)
      .groupBy(['h.householdId', 'h.version']).limit(1).executeTakeFirstOrThrow());
    const ctx = { clientIp: '', requestId: 'test' };
    const rec = await services.registry.recordChange(actor(['counter'], 'c1'), ChangeInput.parse({ kind: 'move-within', occurredOn: japanToday(systemClock),
      personIds: h.personIds, address: { townName: '大字洗馬', banchi: '1番地' }, expectedVersions: { [h.householdId]: h.version } }), ctx);
    await services.registry.approve(actor(['approver'], 'a1'), [rec.changeId], ctx);
    const p = await services.registry.getPerson(actor(['counter'], 'c1'), h.personIds[0]!, {}, ctx);
    expect(p.address.townName).toBe('大字洗馬');
  });

  it('rotates the 個人番号 key: old rows re-encrypted, numbers still readable', async () => {
    const k = (b: Buffer) => b.toString('base64');
    const [k1, k2, ik] = [crypto.randomBytes(32), crypto.randomBytes(32), crypto.randomBytes(32)];
    const old = createRegistry(services.db, systemClock, { JICHI_MY_NUMBER_KEYS: `k1:${k(k1)}`, JICHI_MY_NUMBER_INDEX_KEY: k(ik) });
    const M2 = '202011';
    await services.tenants.onboard(M2);
    for (let i = 0; i < 3; i++) {
      await old.recordFinalAsSystem(M2, ChangeInput.parse({ kind: 'move-in', occurredOn: '2025-04-01', address: { townName: '大字鶴賀', banchi: `${i + 1}番地` },
        persons: [newPerson(100 + i, '世帯主', '1980-01-01'), newPerson(200 + i, '妻', '1981-01-01')] }));
    }
    const rotated = createRegistry(services.db, systemClock, { JICHI_MY_NUMBER_KEYS: `k2:${k(k2)},k1:${k(k1)}`, JICHI_MY_NUMBER_INDEX_KEY: k(ik) });
    const n = await rotated.rotateMyNumberKeys(M2);
    expect(n).toBe(6);
    expect(await rotated.rotateMyNumberKeys(M2)).toBe(0);
    const keys = await withTenant(services.db, M2, (trx) => trx.selectFrom('registry.myNumberVault').select('keyId').distinct().execute());
    expect(keys.map((x) => x.keyId)).toEqual(['k2']);
    const withNumber = await withTenant(services.db, M2, (trx) => trx.selectFrom('registry.personCurrent').select('personId').where('myNumberIndex', 'is not', null).limit(1).executeTakeFirstOrThrow());
    const onlyNew = createRegistry(services.db, systemClock, { JICHI_MY_NUMBER_KEYS: `k2:${k(k2)}`, JICHI_MY_NUMBER_INDEX_KEY: k(ik) });
    const a = { ...actor(['approver'], 'a2'), municipalityCode: M2 };
    const p = await onlyNew.getPerson(a, withNumber.personId, { unmask: true, purpose: 'rotation check' }, { clientIp: '', requestId: 't' });
    expect(p.myNumber).toMatch(/^\d{12}$/);
  });
});
