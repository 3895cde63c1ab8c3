// SPDX-License-Identifier: EUPL-1.2
/**
 * わたしの記録の閲覧履歴 (issue #14): a signed-in resident sees who (department and role) used their own record,
 * when (和暦) and why; never another person's or household's history, never an investigative inquiry, never an
 * identifier or a staff member's name.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenHash } from '../src/platform/auth/session-token.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import type { Client } from './test-app.ts';
import { RESIDENT_TEST_MUNICIPALITY as SHIOJIRI, useResidentTestApp, type DemoRole } from './resident-session.ts';

const t = useResidentTestApp();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
let clerk: Client;
const personOf: Partial<Record<DemoRole, string>> = {};

/** The registry person a demo resident was matched to (from the access log of their sign-in). */
async function personId(role: DemoRole): Promise<string> {
  if (personOf[role]) return personOf[role]!;
  await t.signIn(role);
  const log = await withTenant(t.services.db, SHIOJIRI, (trx) => t.services.accessLog.list(trx, { limit: 5 }));
  personOf[role] = log.find((e) => e.action === 'registry.person.match')!.subjectId;
  return personOf[role]!;
}

const historyOf = async (role: DemoRole) => {
  const res = await (await t.signIn(role)).get('/portal/my/access-history');
  expect(res.status).toBe(200);
  const html = await res.text();
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
};
const read = async (person: string, purpose: string) => {
  const res = await clerk.request('GET', `/api/v1/persons/${person}?purpose=${encodeURIComponent(purpose)}`);
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  clerk = await t.login(SHIOJIRI, (await t.staff(SHIOJIRI, ['counter'])).loginId);
  await read(await personId('head-1'), '証明書の交付');
  await read(await personId('head-1'), '捜査関係事項照会（〇〇警察署）');
  await read(await personId('head-2'), '他課からの照会');
  await read(await personId('member-1'), '異動届の受付');
});

describe('わたしの記録の閲覧履歴', () => {
  it('shows the department and role, the use, the purpose and the 和暦 date of each use of the own record', async () => {
    const page = await historyOf('head-1');
    expect(page).toContain('市民課（窓口）');
    expect(page).toContain('住民記録の閲覧');
    expect(page).toContain('証明書の交付');
    expect(page).toContain('ログイン時の本人確認');
    expect(page).toMatch(/令和\d+年\d+月\d+日 \d{2}:\d{2}/);
  });

  it('leaves out inquiries of investigative authorities, and says so', async () => {
    const page = await historyOf('head-1');
    expect(page).not.toContain('捜査関係事項照会（');
    expect(page).not.toContain('警察署');
    expect(page).toContain('法律により表示しません');
  });

  it('shows no other person\'s uses: not another household\'s, not a household member\'s', async () => {
    const head1 = await historyOf('head-1');
    expect(head1).not.toContain('他課からの照会');
    expect(head1).not.toContain('異動届の受付');
    const member = await historyOf('member-1');
    expect(member).toContain('異動届の受付');
    expect(member).not.toContain('証明書の交付');
    const head2 = await historyOf('head-2');
    expect(head2).toContain('他課からの照会');
    expect(head2).not.toContain('証明書の交付');
  });

  it('shows no identifiers and no staff names', async () => {
    const page = await historyOf('head-1');
    expect(page).not.toMatch(UUID);
    expect(page).not.toContain('テスト 職員');
    expect(page).not.toMatch(/registry\.|certificates\./);
  });

  it('tells a resident who is not matched that there is no history to show', async () => {
    const page = await historyOf('visitor');
    expect(page).toContain('閲覧履歴を表示できません');
  });

  it('answers nothing for a session token hash that is not a live session', async () => {
    const head = await t.signIn('head-1');
    const token = head.cookie.split('.')[1]!;
    const rows = (h: string) => withTenant(t.services.db, SHIOJIRI, async (trx) =>
      (await sql`SELECT * FROM platform.resident_access_history(${SHIOJIRI}, ${h}, 100)`.execute(trx)).rows);
    expect((await rows(tokenHash(token))).length).toBeGreaterThan(0);
    expect(await rows(tokenHash(`${token}x`))).toEqual([]);
    expect(await rows('0'.repeat(64))).toEqual([]);
    await head.post('/portal/logout');
    expect(await rows(tokenHash(token))).toEqual([]);
  });

  it('is linked from マイページ and needs a signed-in resident', async () => {
    const head = await t.signIn('head-1');
    expect(await (await head.get('/portal/my')).text()).toContain('href="/portal/my/access-history"');
    const anonymous = await t.app.request('/portal/my/access-history');
    expect(anonymous.status).toBe(303);
  });
});
