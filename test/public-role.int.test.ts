// SPDX-License-Identifier: EUPL-1.2
/**
 * The internet side's database role (issue #14): jichi_public cannot read a registry table or a 個人番号, nor staff,
 * cases or the access log of other subjects through anything but the narrow functions it is given, which work.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenHash } from '../src/platform/auth/session-token.ts';
import { RESIDENT_TEST_MUNICIPALITY as SHIOJIRI, useResidentTestApp } from './resident-session.ts';

const t = useResidentTestApp();

/** Runs one statement as jichi_public for 塩尻市 (in a resident session, by its token hash); returns its rows or the SQLSTATE of its error. */
async function asPublic(statement: ReturnType<typeof sql>, session = ''): Promise<{ rows?: unknown[]; code?: string }> {
  try {
    return await t.services.db.owner.transaction().execute(async (trx) => {
      await sql`SELECT set_config('role', 'jichi_public', true), set_config('app.municipality_code', ${SHIOJIRI}, true),
        set_config('app.resident_session', ${session}, true)`.execute(trx);
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
    'cases.case', 'cases.correction', 'cases.decision', 'cases.case_status', 'daycare.round', 'daycare.facility', 'daycare.household',
    'procedures.daycare_notice', 'procedures.notification', 'procedures.intake_refusal',
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

  describe('online procedures: each resident their own rows, only while their session is live', () => {
    const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bf0000000049454e44ae426082', 'hex');
    let a: { hash: string; residentId: string; applicationId: string };
    let b: { hash: string; residentId: string; applicationId: string };

    /** Signs the resident in (a live session) and gives them a draft with an attachment and an e-mail address, written by the owner. */
    async function residentWithDraft(role: 'head-1' | 'head-2') {
      const client = await t.signIn(role);
      const hash = tokenHash(client.cookie.split('.')[1]!);
      const owner = t.services.db.owner;
      const { residentId } = (await sql<{ residentId: string }>`SELECT resident_id::text AS "residentId" FROM platform.resident_session WHERE token_hash = ${hash}`.execute(owner)).rows[0]!;
      const applicationId = crypto.randomUUID();
      await sql`INSERT INTO procedures.application (municipality_code, application_id, resident_id, procedure_code, procedure_version, data, created_at, updated_at)
        VALUES (${SHIOJIRI}, ${applicationId}, ${residentId}, 'residence-certificate', 1, '{"purpose":"x"}', now(), now())`.execute(owner);
      await sql`INSERT INTO procedures.attachment (municipality_code, application_id, attachment_id, attachment_code, file_name, media_type, byte_size, sha256, content, added_at)
        VALUES (${SHIOJIRI}, ${applicationId}, ${crypto.randomUUID()}, 'power-of-attorney', 'a.png', 'image/png', ${PNG.length}, ${crypto.createHash('sha256').update(PNG).digest('hex')}, ${PNG}, now())`.execute(owner);
      await sql`INSERT INTO procedures.notification_contact (municipality_code, resident_id, email, consented_at) VALUES (${SHIOJIRI}, ${residentId}, ${`${role}@example.jp`}, now())`.execute(owner);
      return { hash, residentId, applicationId };
    }

    beforeAll(async () => {
      a = await residentWithDraft('head-1');
      b = await residentWithDraft('head-2');
    });

    it('reads and changes only the own drafts, attachments and e-mail address', async () => {
      const apps = await asPublic(sql`SELECT application_id, resident_id FROM procedures.application`, a.hash);
      expect(apps.rows).toEqual([{ applicationId: a.applicationId, residentId: a.residentId }]);
      expect((await asPublic(sql`SELECT application_id FROM procedures.attachment`, a.hash)).rows).toEqual([{ applicationId: a.applicationId }]);
      expect((await asPublic(sql`SELECT resident_id FROM procedures.notification_contact`, a.hash)).rows).toEqual([{ residentId: a.residentId }]);
      expect((await asPublic(sql`SELECT application_id FROM procedures.application WHERE application_id = ${b.applicationId}`, a.hash)).rows).toEqual([]);
      expect((await asPublic(sql`UPDATE procedures.application SET data = '{}' WHERE application_id = ${b.applicationId} RETURNING 1`, a.hash)).rows).toEqual([]);
      expect((await asPublic(sql`DELETE FROM procedures.attachment WHERE application_id = ${b.applicationId} RETURNING 1`, a.hash)).rows).toEqual([]);
      expect((await asPublic(sql`DELETE FROM procedures.notification_contact WHERE resident_id = ${b.residentId} RETURNING 1`, a.hash)).rows).toEqual([]);
      // Writing a row for another resident, or opening a case, is refused by the policy.
      expect((await asPublic(sql`INSERT INTO procedures.application (municipality_code, application_id, resident_id, procedure_code, procedure_version, created_at, updated_at)
        VALUES (${SHIOJIRI}, ${crypto.randomUUID()}, ${b.residentId}, 'residence-certificate', 1, now(), now())`, a.hash)).code).toBe('42501');
      expect((await asPublic(sql`INSERT INTO procedures.attachment (municipality_code, application_id, attachment_id, attachment_code, file_name, media_type, byte_size, sha256, content, added_at)
        VALUES (${SHIOJIRI}, ${b.applicationId}, ${crypto.randomUUID()}, 'x', 'a.png', 'image/png', ${PNG.length}, ${'0'.repeat(64)}, ${PNG}, now())`, a.hash)).code).toBe('42501');
      expect((await asPublic(sql`UPDATE procedures.application SET case_id = gen_random_uuid() WHERE application_id = ${a.applicationId}`, a.hash)).code).toBe('42501');
      // The stored bytes of an attachment are not readable on the public side at all (only staff view them).
      expect((await asPublic(sql`SELECT content FROM procedures.attachment`, a.hash)).code).toBe('42501');
      expect((await asPublic(sql`UPDATE procedures.application SET data = '{"purpose":"y"}' WHERE application_id = ${a.applicationId} RETURNING 1`, a.hash)).rows).toHaveLength(1);
      // A submission waiting in the inbox is not discarded, nor are its attachments.
      await sql`UPDATE procedures.application SET status = 'submitted', submitted_at = now() WHERE application_id = ${a.applicationId}`.execute(t.services.db.owner);
      expect((await asPublic(sql`DELETE FROM procedures.attachment WHERE application_id = ${a.applicationId} RETURNING 1`, a.hash)).rows).toEqual([]);
      expect((await asPublic(sql`DELETE FROM procedures.application WHERE application_id = ${a.applicationId} RETURNING 1`, a.hash)).rows).toEqual([]);
      expect((await asPublic(sql`SELECT status FROM procedures.application`, a.hash)).rows).toEqual([{ status: 'submitted' }]);
    });

    it('reads the registry only as the own household, through procedures.resident_household', async () => {
      const rows = (await asPublic(sql`SELECT * FROM procedures.resident_household(${a.hash})`, a.hash)).rows as Array<Record<string, unknown>>;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.isSelf)).toHaveLength(1);
      expect(rows.find((r) => r.isSelf)).toMatchObject({ familyName: t.account('head-1').familyName, givenName: t.account('head-1').givenName });
      expect(Object.keys(rows[0]!).sort()).toEqual(['atenaNo', 'banchi', 'birthPrecision', 'birthSort', 'birthText', 'familyName', 'familyNameKana', 'givenName',
        'givenNameKana', 'isSelf', 'katagaki', 'memberOrder', 'personId', 'townName']);
      // The address is the resident's own only.
      expect(rows.filter((r) => !r.isSelf).every((r) => r.townName === null)).toBe(true);
    });

    it('gives a forged or expired session nothing', async () => {
      const forged = 'f'.repeat(64);
      expect((await asPublic(sql`SELECT 1 FROM procedures.application`, forged)).rows).toEqual([]);
      expect((await asPublic(sql`SELECT 1 FROM procedures.attachment`, forged)).rows).toEqual([]);
      expect((await asPublic(sql`SELECT 1 FROM procedures.notification_contact`, forged)).rows).toEqual([]);
      expect((await asPublic(sql`SELECT 1 FROM procedures.application`)).rows).toEqual([]);
      expect((await asPublic(sql`SELECT * FROM procedures.resident_household(${forged})`, forged)).rows).toEqual([]);
      expect((await asPublic(sql`SELECT * FROM procedures.resident_cases(${forged}, 'ja')`, forged)).rows).toEqual([]);
      expect((await asPublic(sql`INSERT INTO procedures.notification_contact (municipality_code, resident_id, email, consented_at)
        VALUES (${SHIOJIRI}, ${crypto.randomUUID()}, 'x@example.jp', now())`, forged)).code).toBe('42501');
      await sql`UPDATE platform.resident_session SET expires_at = now() - interval '1 second' WHERE token_hash = ${b.hash}`.execute(t.services.db.owner);
      expect((await asPublic(sql`SELECT 1 FROM procedures.application`, b.hash)).rows).toEqual([]);
      expect((await asPublic(sql`SELECT * FROM procedures.resident_household(${b.hash})`, b.hash)).rows).toEqual([]);
      expect((await asPublic(sql`UPDATE procedures.application SET data = '{}' WHERE application_id = ${b.applicationId} RETURNING 1`, b.hash)).rows).toEqual([]);
    });
  });
});
