// SPDX-License-Identifier: EUPL-1.2
/**
 * The internet side's database role (issue #14): jichi_public cannot read a registry table or a 個人番号, nor staff,
 * cases or the access log of other subjects through anything but the narrow functions it is given, which work.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tokenHash } from '../src/platform/auth/session-token.ts';
import { RESIDENT_TEST_MUNICIPALITY as SHIOJIRI, useResidentTestApp } from './resident-session.ts';

const t = useResidentTestApp();

/** Runs one statement as jichi_public for 塩尻市; returns its rows or the SQLSTATE of its error. */
async function asPublic(statement: ReturnType<typeof sql>): Promise<{ rows?: unknown[]; code?: string }> {
  try {
    return await t.services.db.owner.transaction().execute(async (trx) => {
      await sql`SELECT set_config('role', 'jichi_public', true), set_config('app.municipality_code', ${SHIOJIRI}, true)`.execute(trx);
      return { rows: (await statement.execute(trx)).rows };
    });
  } catch (err) {
    return { code: (err as { code?: string }).code ?? 'error' };
  }
}

describe('the public database role', () => {
  it.each([
    'registry.person_current', 'registry.person_snapshot', 'registry.person', 'registry.household', 'registry.my_number_vault',
    'registry.change', 'platform.staff', 'platform.session', 'audit.access_log',
  ])('cannot read %s', async (table) => {
    expect(await asPublic(sql`SELECT * FROM ${sql.raw(table)} LIMIT 1`)).toEqual({ code: '42501' });
  });

  it('cannot read a 個人番号 even through the columns that refer to it', async () => {
    expect(await asPublic(sql`SELECT my_number_index FROM registry.person_current LIMIT 1`)).toEqual({ code: '42501' });
    expect(await asPublic(sql`SELECT ciphertext FROM registry.my_number_vault LIMIT 1`)).toEqual({ code: '42501' });
  });

  it('cannot write to the registry', async () => {
    expect((await asPublic(sql`UPDATE registry.person_current SET sex = 'male'`)).code).toBe('42501');
  });

  it('matches a resident and reads their access history only through the narrow functions', async () => {
    const a = t.account('head-1');
    const match = await asPublic(sql`SELECT * FROM registry.match_resident(${SHIOJIRI}, ${a.familyName}, ${a.givenName}, null, ${a.birthDate}, ${a.sex}, ${a.address}, '長野県塩尻市')`);
    expect(match.rows).toHaveLength(1);
    expect(Object.keys(match.rows![0] as object).sort()).toEqual(['atenaNo', 'householdId', 'householdNo', 'isHouseholdHead', 'personId']);
    const head = await t.signIn('head-1');
    const history = await asPublic(sql`SELECT * FROM platform.resident_access_history(${SHIOJIRI}, ${tokenHash(head.cookie.split('.')[1]!)}, 10)`);
    expect(history.rows!.length).toBeGreaterThan(0);
  });

  it('may read resident sessions and the list of municipalities', async () => {
    expect((await asPublic(sql`SELECT count(*) FROM platform.resident_session`)).rows).toHaveLength(1);
    expect((await asPublic(sql`SELECT name FROM platform.tenant t JOIN platform.municipality m ON m.code = t.municipality_code`)).rows!.length).toBeGreaterThan(0);
  });
  it('appends to the access log, chained, without being able to read it', async () => {
    await t.tenant(SHIOJIRI);
    const insert = await asPublic(sql`INSERT INTO audit.access_log (municipality_code, seq, occurred_at, actor_type, actor_id, action, prev_hash, hash)
      VALUES (${SHIOJIRI}, 0, clock_timestamp(), 'resident', 'public-role-test', 'portal.test', '', '')`);
    expect(insert.code).toBeUndefined();
    expect((await t.services.audit.verify()).breaks).toEqual([]);
    const n = await t.services.db.owner.selectFrom('audit.accessLog').select((eb) => eb.fn.countAll<number>().as('n')).where('actorId', '=', 'public-role-test').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });
});
