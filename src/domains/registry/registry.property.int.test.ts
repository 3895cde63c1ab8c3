// Property-based test on a real database: random sequences of changes, recorded as 仮登録 and approved,
// withdrawn or refused, keep the invariants — each living resident in exactly one household with one head,
// and the current state equal to the replay of the final history; refused changes change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { createServices, type Services } from '../../services.ts';
import { nationalMunicipalityList } from '../../platform/tenancy/municipality-list.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { generateChange, invariantViolations, type View } from '../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../platform/dates/jp-date.ts';
import { RegistryRuleError } from './registry-errors.ts';
import type { PersonRecord } from './registry-model.ts';

describe('registry invariants on the database', () => {
  let services: Services;
  let drop: () => Promise<void>;
  const codes = nationalMunicipalityList().filter((m) => m.class === '町村').map((m) => m.code);
  let next = 0;

  beforeAll(async () => {
    const db = await openTestDatabase();
    drop = db.drop;
    services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
    await services.tenants.loadReferenceData();
  });
  afterAll(async () => drop?.());

  const actor = (m: string, roles: Actor['roles'], staffId: string): Actor =>
    ({ type: 'staff', municipalityCode: m, staffId, loginId: staffId, displayName: staffId, roles, csrfToken: '', sessionTokenHash: '', authMethod: 'password' });
  const ctx = { clientIp: '', requestId: 'property' };

  async function state(m: string) {
    return withTenant(services.db, m, async (trx) => {
      const persons = (await trx.selectFrom('registry.personCurrent').select(['personId', 'historyNo', 'record']).execute())
        .map((p) => ({ personId: p.personId, historyNo: p.historyNo, record: p.record as unknown as PersonRecord }));
      const households = await trx.selectFrom('registry.household').select(['householdId', 'version', 'pendingChangeId']).execute();
      const finals = await trx.selectFrom('registry.change').select('changeId').where('status', '=', 'final').orderBy('processedAt').execute();
      const latest = (await sql<{ personId: string; historyNo: number; record: unknown }>`
        SELECT DISTINCT ON (s.person_id) s.person_id AS "personId", s.history_no AS "historyNo", s.record
        FROM registry.person_snapshot s JOIN registry.change c ON c.municipality_code = s.municipality_code AND c.change_id = s.change_id
        WHERE c.status = 'final' ORDER BY s.person_id, s.history_no DESC`.execute(trx)).rows;
      const gaps = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT person_id, max(history_no) AS mx, count(*) AS c
        FROM registry.person_snapshot GROUP BY person_id) x WHERE mx <> c`.execute(trx)).rows[0]!.n;
      const counts = (await sql<{ c: number; s: number }>`SELECT (SELECT count(*)::int FROM registry.change) AS c, (SELECT count(*)::int FROM registry.person_snapshot) AS s`.execute(trx)).rows[0]!;
      return { persons, households, finals: finals.map((f) => f.changeId), latest, gaps, counts };
    });
  }

  it('random sequences of valid changes keep the invariants; invalid ones change nothing', async () => {
    const step = fc.record({ k: fc.nat(1000), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000), bad: fc.nat(1000), approve: fc.nat(9) });
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 18 }), async (steps) => {
      const m = codes[next++]!;
      await services.tenants.onboard(m);
      const clerk = actor(m, ['counter'], 'clerk');
      const boss = actor(m, ['approver', 'reviewer'], 'boss');
      let day = '2020-01-01';
      for (const [i, s] of steps.entries()) {
        day = addDays(day, 1 + (s.c % 20));
        const st = await state(m);
        const view: View = { persons: st.persons, versions: Object.fromEntries(st.households.map((h) => [h.householdId, h.version])), finalChangeIds: st.finals };
        const input = generateChange(view, s, day, i + 1);
        const before = JSON.stringify(st);
        let changeId: string;
        try {
          changeId = (await services.registry.recordChange(clerk, input, ctx)).changeId;
        } catch (e) {
          if (!(e instanceof RegistryRuleError)) throw e;
          expect(JSON.stringify(await state(m)), `${input.kind} refused with ${e.code} but changed data`).toBe(before);
          continue;
        }
        if (s.approve === 0) await services.registry.withdraw(boss, changeId, ctx);
        else await services.registry.approve(boss, [changeId], ctx);
        const after = await state(m);
        expect(invariantViolations(after.persons)).toEqual([]);
        expect(after.gaps).toBe(0);
        expect(after.households.filter((h) => h.pendingChangeId)).toEqual([]);
        // Replaying the final history gives the current state.
        const replay = new Map(after.latest.map((r) => [r.personId, r]));
        for (const p of after.persons) {
          expect(replay.get(p.personId)?.historyNo).toBe(p.historyNo);
          expect(replay.get(p.personId)?.record).toEqual(p.record);
        }
        expect(replay.size).toBe(after.persons.length);
      }
    }), { numRuns: 10 });
  }, 120_000);
});
