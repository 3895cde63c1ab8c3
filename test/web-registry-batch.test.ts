// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP-level tests of the バッチ処理・統計 screen (issue #13, spec §9.1): reviewers request a run (post/redirect/get),
 * the scheduler's task runs it, the page lists it with its conditions in 和暦, alerts and downloads; a bad request is
 * refused at its field and records nothing; counter clerks do not see the screen.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const pages = consoleSessions(t, CODE);
const PATH = '/console/registry/batches';
let reviewer: Session, clerk: Session;
const runs = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.batch_run`.execute(t.services.db.owner)).rows[0]!.n;

beforeAll(async () => {
  reviewer = await pages.signIn(['reviewer']);
  clerk = await pages.signIn(['counter']);
  await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字大門', banchi: '1番地', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '抽出', givenName: '一郎', familyNameKana: 'チュウシュツ', givenNameKana: 'イチロウ', birthDate: '1990-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }],
  });
});

describe('バッチ処理・統計 screen', () => {
  it('requests a random extraction, which the scheduler runs; the run is listed with its conditions and its files download', async () => {
    const res = await pages.post(reviewer, PATH, { _csrf: reviewer.csrf, kind: 'random-extraction', count: '５', ageFrom: '20', ageTo: '', sex: '', seed: 'web-test' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${PATH}?done=queued`);
    let html = await (await pages.get(reviewer, `${PATH}?done=queued`)).text();
    expect(html).toContain('data-testid="done"');
    expect(html).toContain('待機中');
    await t.services.registry.runBatches();
    html = await (await pages.get(reviewer, PATH)).text();
    expect(html).toContain('aria-current="page">バッチ処理・統計');
    expect(html).toMatch(/抽出数 5　20歳以上　種 web-test/);
    expect(html).toContain('完了');
    expect(html).toContain('条件に合う住民が1人で、抽出数5人に足りません');
    expect(html).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\//); // no UUID shown as text
    const link = /href="(\/console\/registry\/batches\/[^"]+\/result\.csv)"/.exec(html)![1]!;
    const csv = await pages.get(reviewer, link);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('大字大門1番地,抽出　一郎,抽出　一郎　様,男,');
    const labels = await pages.get(reviewer, link.replace('result.csv', 'labels.pdf'));
    expect(labels.headers.get('content-type')).toBe('application/pdf');
  });

  it('refuses a count that is no number at its field, records nothing; a period in the future gets the service\'s message', async () => {
    const n = await runs();
    const res = await pages.post(reviewer, PATH, { _csrf: reviewer.csrf, kind: 'random-extraction', count: 'たくさん' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="random-extraction-count-error">抽出数は1以上の整数で入力してください');
    expect(html).toContain('value="たくさん"');
    const future = await pages.post(reviewer, PATH, { _csrf: reviewer.csrf, kind: 'annual-report', from: '令和6年1月1日', to: '令和99年1月1日' });
    expect(future.status).toBe(422);
    const fh = await future.text();
    expect(fh).toContain('期間の終了日が未来の日付です');
    expect(await runs()).toBe(n);
  });

  it('offers the 住基ネットCSとの整合性確認: a file name that is a path is refused at its field and records nothing; a plain request is queued', async () => {
    const n = await runs();
    const res = await pages.post(reviewer, PATH, { _csrf: reviewer.csrf, kind: 'cs-consistency', file: '../secret.csv' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('id="cs-consistency-file-error">ファイル名は英数字・ピリオド・ハイフン・下線で、.csv で終わる名前を入力してください');
    expect(await runs()).toBe(n);
    const ok = await pages.post(reviewer, PATH, { _csrf: reviewer.csrf, kind: 'cs-consistency', file: 'cs-20261201.csv' });
    expect(ok.status).toBe(303);
    expect(await runs()).toBe(n + 1);
    expect(await (await pages.get(reviewer, PATH)).text()).toContain('ファイル cs-20261201.csv');
  });

  it('is not offered to counter clerks', async () => {
    expect((await pages.get(clerk, PATH)).status).toBe(403);
    expect(await (await pages.get(clerk, '/console/registry')).text()).not.toContain('バッチ処理・統計');
  });
});
