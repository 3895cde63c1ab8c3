// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP-level tests of the データ抽出（EUC） screen (issue #13, spec §10.1): a reviewer picks items and conditions,
 * previews the count (protected persons left out with an alert), saves the extraction and runs it into a CSV, each
 * extracted person access-logged; bad input is refused at its field and saves nothing; counter clerks do not see it.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/platform/audit/access-log-chain.ts';
import { createAccessLogRepository } from '../src/platform/audit/access-log.repository.ts';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const pages = consoleSessions(t, CODE);
const PATH = '/console/registry/euc';
let reviewer: Session, clerk: Session;
const saved = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.euc_query`.execute(t.services.db.owner)).rows[0]!.n;
const person = (familyName: string, givenName: string, birthDate: string) => ({ residentKind: 'japanese', familyName, givenName, familyNameKana: 'チュウシュツ', givenNameKana: 'イチロウ', birthDate, sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' });
const moveIn = (banchi: string, p: Record<string, unknown>) => t.services.registry.recordFinalAsSystem(CODE, {
  kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
  address: { townName: '大字大門', banchi, katagaki: '', unlisted: false }, persons: [p],
} as never);

beforeAll(async () => {
  reviewer = await pages.signIn(['reviewer']);
  clerk = await pages.signIn(['counter']);
  await moveIn('1番地', person('抽出', '一郎', '1950-01-01'));
  const hidden = await moveIn('2番地', person('保護', '秘子', '1951-01-01'));
  const api = await t.login(CODE, (await t.staff(CODE, ['approver'])).loginId);
  const sm = await api.request('POST', '/api/v1/support-measures', { personId: hidden.plan.snapshots[0]!.personId, kind: 'dv', requestingBody: '塩尻警察署' });
  expect(sm.status).toBe(201);
});

describe('データ抽出（EUC） screen', () => {
  it('previews the count with the protected person left out, saves the extraction and runs it into a CSV, each person logged', async () => {
    let html = await (await pages.get(reviewer, PATH)).text();
    expect(html).toContain('aria-current="page">データ抽出（EUC）');
    expect(html).toContain('value="住民票コード"');
    expect(html).not.toContain('value="個人番号"');
    const fields = { _csrf: reviewer.csrf, items: ['氏', '名', '生年月日'], ageFrom: '７０', changedFrom: '令和6年4月1日', changedTo: '令和6年4月1日', state: 'current' };
    const preview = await pages.post(reviewer, PATH, { ...fields, action: 'preview' });
    expect(preview.status).toBe(200);
    html = await preview.text();
    expect(html).toContain('条件に合う住民は 1 人です（1 人を除きました）');
    expect(html).toContain('DV等支援措置の対象者1人を抽出の対象から除きました');
    const res = await pages.post(reviewer, PATH, { ...fields, action: 'save', title: '高齢者確認', purpose: '敬老事業' });
    expect(res.status).toBe(303);
    html = await (await pages.get(reviewer, `${PATH}?done=saved`)).text();
    expect(html).toContain('data-testid="saved"');
    expect(html).toContain('全域　70歳以上　異動日 令和6年4月1日〜令和6年4月1日　現存');
    expect(html).toContain('未実行');
    expect(html).not.toMatch(/>[^<]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[^<]*</); // no UUID shown as text
    const action = /action="(\/console\/registry\/euc\/[^"]+\/run)"/.exec(html)![1]!;
    const csv = await pages.post(reviewer, action, { _csrf: reviewer.csrf });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="euc-\d{8}\.csv"/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    expect(bytes.subarray(3).toString('utf8')).toBe('氏,名,生年月日\r\n抽出,一郎,1950-01-01\r\n');
    const logged = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action = 'registry.euc.extract' AND subject_type = 'person'`.execute(t.services.db.owner)).rows[0]!.n;
    expect(logged).toBe(1);
    // 画面名 (spec §10.2): the console request's entries name the screen; the hash chain still verifies.
    const screens = (await sql<{ screenName: string }>`SELECT screen_name AS "screenName" FROM audit.access_log WHERE action IN ('registry.euc.extract', 'registry.euc.preview', 'registry.euc.save')`.execute(t.services.db.owner)).rows;
    expect(screens.length).toBe(3);
    expect(screens.every((r) => r.screenName === '住民記録 データ抽出（EUC）')).toBe(true);
    const report = await verifyChain(createAccessLogRepository().scanAll(t.services.db.owner));
    expect(report.breaks).toEqual([]);
    html = await (await pages.get(reviewer, PATH)).text();
    expect(html).toMatch(/（1人、除外1人）/);
  });

  it('refuses an age that is no number and an extraction without items or purpose at their fields, saving nothing', async () => {
    const n = await saved();
    const res = await pages.post(reviewer, PATH, { _csrf: reviewer.csrf, action: 'save', ageFrom: 'たくさん', title: '', purpose: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="ageFrom-error">年齢は0〜150の整数で入力してください');
    expect(html).toContain('id="items-error">抽出する項目を1つ以上選んでください');
    expect(html).toContain('id="purpose-error">利用目的を入力してください');
    expect(html).toContain('value="たくさん"');
    const bad = await pages.post(reviewer, PATH, { _csrf: reviewer.csrf, action: 'save', items: ['氏'], ageFrom: '80', ageTo: '20', title: 'x', purpose: 'y' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('年齢の下限が上限より大きくなっています');
    expect(await saved()).toBe(n);
  });

  it('is shown in English too, and not offered to counter clerks', async () => {
    const en = await (await pages.get(reviewer, PATH, { cookie: `${reviewer.cookie}; lang=en` })).text();
    expect(en).toContain('Data extraction (EUC)');
    expect((await pages.get(clerk, PATH)).status).toBe(403);
    expect(await (await pages.get(clerk, '/console/registry')).text()).not.toContain('データ抽出（EUC）');
  });
});
