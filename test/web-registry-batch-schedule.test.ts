// SPDX-License-Identifier: EUPL-1.2
/**
 * 定期実行の設定 on the バッチ処理・統計 screen (issue #13, spec §9.1): a reviewer adds a month-end 年報; the list shows
 * the kind, the frequency in Japanese and the next run in 和暦; a missing date is refused at its field, nothing written.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';
import { toWareki } from '../src/platform/dates/jp-date.ts';
import { japanToday } from '../src/domains/registry/registry.service.ts';
import { firstRunOn } from '../src/domains/registry/batch/batch-schedule.ts';

const CODE = '202151';
const t = useTestApp();
const pages = consoleSessions(t, CODE);
const PATH = '/console/registry/batches';
let reviewer: Session;
const schedules = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.batch_schedule`.execute(t.services.db.owner)).rows[0]!.n;

beforeAll(async () => { reviewer = await pages.signIn(['reviewer']); });

describe('定期実行の設定', () => {
  it('adds a month-end 年報 and lists it with its frequency and next run in 和暦; a missing date is refused at its field', async () => {
    const res = await pages.post(reviewer, `${PATH}/schedules`, { _csrf: reviewer.csrf, kind: 'annual-report', every: 'month-end', weekday: '0', day: '', month: '', on: '' });
    expect(res.status).toBe(303);
    const html = await (await pages.get(reviewer, `${PATH}?done=scheduled`)).text();
    expect(html).toContain('定期実行を追加しました');
    expect(html).toMatch(/data-testid="batch-schedule"><td[^>]*>住民基本台帳関係年報（人口動態）<\/td><td[^>]*>毎月末日<\/td>/);
    expect(html).toContain(toWareki(firstRunOn({ every: 'month-end' }, japanToday(t.services.clock))!));
    const n = await schedules();
    const bad = await pages.post(reviewer, `${PATH}/schedules`, { _csrf: reviewer.csrf, kind: 'annual-report', every: 'once', on: '' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('id="schedule-on-error"');
    expect(await schedules()).toBe(n);
  });
});
