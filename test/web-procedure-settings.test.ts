// オンライン手続の設定 (issue #14: procedures shared as data, "enabled and configured per municipality"): staff who
// handle cases read the settings, administrators change them; the resident catalogue follows; a wrong fee is refused
// beside its field and changes nothing; repeating a save stores the same.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';
import { LANG_COOKIE } from '../src/web/ui/i18n.ts';
import { residentOf } from '../src/domains/procedures/testing/residents.ts';
import { sql } from 'kysely';

const M = '202151';

describe('online procedure settings (console)', () => {
  const t = useTestApp();
  const pages = consoleSessions(t, M);
  let admin: ConsoleSession;
  let clerk: ConsoleSession;
  const catalogue = async () => t.services.procedures.catalogue(residentOf(M, null));

  beforeAll(async () => {
    await t.tenant(M);
    admin = await pages.signIn(['admin']);
    clerk = await pages.signIn(['counter', 'reviewer']);
  });

  it('lists every shared procedure with its state, fee and this month\'s applications, in words', async () => {
    const res = await pages.get(clerk, '/console/procedures');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('オンライン手続の設定');
    expect(html.match(/data-testid="procedure-row"/g)).toHaveLength(8);
    expect(html).toContain('住民票の写し');
    expect(html).toContain('受付中');
    expect(html).toContain('（標準）');
    expect(html).toContain('設定の変更は管理者が行います。');
    expect(html).not.toContain('href="/console/procedures/residence-certificate"'); // no edit link for a clerk
    expect(html).not.toContain('準備中');
    expect((await pages.get(clerk, '/console/procedures/residence-certificate')).status).toBe(403);
    expect((await pages.post(clerk, '/console/procedures/residence-certificate', { _csrf: clerk.csrf, enabled: 'no', feeYen: '', noteJa: '' })).status).toBe(403);
    expect((await catalogue()).some((p) => p.def.code === 'residence-certificate')).toBe(true);
  });

  it('lets an administrator set a fee (full-width digits read), a note and stop a procedure; the portal follows', async () => {
    const save = () => pages.post(admin, '/console/procedures/seal-certificate', { _csrf: admin.csrf, enabled: 'yes', feeYen: '３５０', noteJa: '本庁舎1階市民課でも受け取れます。' });
    const res = await save();
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/procedures?saved=seal-certificate');
    expect((await save()).status).toBe(303); // safe to repeat: the same setting
    const seal = (await catalogue()).find((p) => p.def.code === 'seal-certificate')!;
    expect(seal.feeYen).toBe(350);
    expect(seal.noteJa).toBe('本庁舎1階市民課でも受け取れます。');
    const list = await (await pages.get(admin, '/console/procedures?saved=seal-certificate')).text();
    expect(list).toContain('の設定を保存しました');
    expect(list).toContain('350円');

    expect((await pages.post(admin, '/console/procedures/nhi-withdrawal', { _csrf: admin.csrf, enabled: 'no', feeYen: '', noteJa: '' })).status).toBe(303);
    expect((await catalogue()).some((p) => p.def.code === 'nhi-withdrawal')).toBe(false);
    expect(await (await pages.get(admin, '/console/procedures')).text()).toContain('停止中');
  });

  it('refuses a wrong fee beside its field, keeps what was typed and saves nothing', async () => {
    const before = (await catalogue()).find((p) => p.def.code === 'residence-certificate')!;
    for (const fee of ['abc', '-5', '1.5', '200000']) {
      const res = await pages.post(admin, '/console/procedures/residence-certificate', { _csrf: admin.csrf, enabled: 'yes', feeYen: fee, noteJa: '案内' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('手数料は0から100,000までの整数（円）で入力してください');
      expect(html).toContain('aria-invalid="true"');
      expect(html).toContain(`value="${fee}"`);
    }
    const long = await pages.post(admin, '/console/procedures/residence-certificate', { _csrf: admin.csrf, enabled: 'yes', feeYen: '', noteJa: 'あ'.repeat(1001) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('案内文は1,000文字以内で入力してください');
    expect((await catalogue()).find((p) => p.def.code === 'residence-certificate')).toEqual(before);
    expect((await pages.post(admin, '/console/procedures/no-such-procedure', { _csrf: admin.csrf, enabled: 'yes', feeYen: '', noteJa: '' })).status).toBe(404);
    expect((await pages.post(admin, '/console/procedures/residence-certificate', { _csrf: 'wrong', enabled: 'yes', feeYen: '', noteJa: '' })).status).toBe(403);
  });

  it('speaks English when asked', async () => {
    const html = await (await pages.get({ ...admin, cookie: `${admin.cookie}; ${LANG_COOKIE}=en` }, '/console/procedures')).text();
    expect(html).toContain('Online procedure settings');
    expect(html).toContain('Accepting');
  });

  it('lists an application the intake could not turn into a case, with the reason and how often it was tried', async () => {
    const owner = t.services.db.owner;
    const id = '7e1f0c7a-2d7c-4d51-9d0e-3a1f6f2b9c01';
    // A submission waiting in the inbox whose case type does not exist (as if withdrawn after it was sent).
    await sql`INSERT INTO procedures.application (municipality_code, application_id, resident_id, procedure_code, procedure_version, status, data, submission, created_at, updated_at, submitted_at)
      VALUES (${M}, ${id}, 'resident-refused', 'residence-certificate', 1, 'submitted', '{}'::jsonb, ${JSON.stringify({ caseTypeCode: 'withdrawn-type', data: {} })}::jsonb, now(), now(), now())`.execute(owner);
    const before = await (await pages.get(clerk, '/console/procedures')).text();
    expect(before).not.toContain('data-testid="intake-refusals"');
    for (let run = 0; run < 2; run++) expect((await t.services.proceduresIntake.runAll())[M]).toMatchObject({ opened: 0, refused: 1 });
    const html = await (await pages.get(clerk, '/console/procedures')).text();
    const section = html.slice(html.indexOf('data-testid="intake-refusals"'));
    expect(section).toContain('受付できていないオンライン申請');
    expect(section).toContain('住民票の写し');
    expect(section).toContain('手続（案件種別）が見つかりません');
    expect(section).toContain('2回');
    expect(section).toMatch(/令和\d+年\d+月\d+日/);
    expect(section).not.toContain(id);
    expect(section).not.toContain('withdrawn-type');
    const en = await (await pages.get({ ...clerk, cookie: `${clerk.cookie}; ${LANG_COOKIE}=en` }, '/console/procedures')).text();
    expect(en).toContain('Online applications not yet received');
    // Still in the inbox (retried), and nothing else was written.
    const row = (await sql<{ caseId: string | null }>`SELECT case_id FROM procedures.application WHERE application_id = ${id}`.execute(owner)).rows[0]!;
    expect(row.caseId).toBeNull();
    await sql`DELETE FROM procedures.application WHERE application_id = ${id}`.execute(owner);
    expect(await (await pages.get(clerk, '/console/procedures')).text()).not.toContain('data-testid="intake-refusals"');
  });
});
