// SPDX-License-Identifier: EUPL-1.2
/**
 * 管理 → アクセスログ (issue #13, spec §10.2): the page offers the analysis CSV of a period, which downloads with the
 * console session (an API request: no screen name on its entry).
 */
import { sql } from 'kysely';
import { toWareki } from '../src/platform/dates/jp-date.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const pages = consoleSessions(t, CODE);
let admin: Session;

beforeAll(async () => { admin = await pages.signIn(['admin']); });

describe('アクセスログの分析 on the admin screen', () => {
  it('offers the analysis form, downloads the CSV with the console session and logs it without a screen name', async () => {
    const html = await (await pages.get(admin, '/console/admin/access-log')).text();
    expect(html).toContain('data-testid="log-analysis"');
    expect(html).toContain('action="/api/v1/access-log-analysis"');
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    // The form's dates are 和暦 text (never a browser date picker showing mm/dd/yyyy), as the form submits them.
    expect(html).not.toContain('type="date"');
    expect(html).toContain(`value="${toWareki(today)}"`);
    const csv = await pages.get(admin, `/api/v1/access-log-analysis?format=csv&from=${encodeURIComponent(toWareki(`${today.slice(0, 8)}01`))}&to=${encodeURIComponent(toWareki(today))}`);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('操作者種別,操作者ID,操作者名,操作,件数');
    expect(text.trimEnd().split('\r\n').length).toBeGreaterThan(1); // the sign-in at least
    const screens = (await sql<{ screenName: string; action: string }>`SELECT screen_name AS "screenName", action FROM audit.access_log WHERE action = 'access-log.analyse'`.execute(t.services.db.owner)).rows;
    expect(screens.map((r) => r.screenName)).toEqual(['']); // an API request names no screen
    const en = await (await pages.get(admin, '/console/admin/access-log', { cookie: `${admin.cookie}; lang=en` })).text();
    expect(en).toContain('Access log analysis (CSV)');
  });
});
