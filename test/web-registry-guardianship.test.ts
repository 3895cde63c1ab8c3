// SPDX-License-Identifier: EUPL-1.2
/**
 * 成年被後見人 on the 個人票 (spec §9.4): shown to 審査・決裁 only, with the status and the 法務局 notices in 和暦; a notice
 * recorded through the form (和暦 dates); a refusal shown with its message and nothing recorded; 窓口 never see it.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
let clerk: Session, reviewer: Session;
let personId: string;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  reviewer = await signIn(['reviewer']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
    expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '79-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '後見', givenName: '一郎', familyNameKana: 'コウケン', givenNameKana: 'イチロウ', birthDate: '1940-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }] } as never);
  personId = plan.snapshots[0]!.personId;
});

describe('成年被後見人 (console)', () => {
  it('shows the section to 審査 only; records a 後見開始 through the form in 和暦; refuses a 後見終了 before it with its message', async () => {
    const page = `/console/registry/persons/${personId}`;
    expect(await (await get(clerk, page)).text()).not.toContain('data-testid="guardianship"');
    expect(await (await get(reviewer, page)).text()).toContain('法務局からの後見登記の通知はありません。');
    const form = { _csrf: reviewer.csrf, event: 'start', effectiveOn: '令和6年5月1日', registrationNo: '第2024-0101号', notifiedOn: '令和6年5月10日' };
    const saved = await post(reviewer, `${page}/guardianship-notices`, form);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${page}?guardianship=saved#guardianship`);
    const html = await (await get(reviewer, `${page}?guardianship=saved`)).text();
    expect(html).toContain('成年被後見人です（令和6年5月1日 後見開始）。');
    expect(html).toMatch(/後見開始<\/td><td[^>]*>令和6年5月1日<\/td><td[^>]*>第2024-0101号<\/td><td[^>]*>令和6年5月10日<\/td><td[^>]*>職員入力/);
    const refused = await post(reviewer, `${page}/guardianship-notices`, { ...form, event: 'end', effectiveOn: '令和6年4月1日' });
    expect(refused.headers.get('location')).toBe(`${page}?guardianshipError=guardianship-not-started#guardianship`);
    expect(await (await get(reviewer, `${page}?guardianshipError=guardianship-not-started`)).text()).toContain('後見開始の通知が記録されていないため、後見終了を記録できません');
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.guardianship_notice WHERE person_id = ${personId}`.execute(t.services.db.owner);
    expect(n.rows[0]!.n).toBe(1);
    expect((await post(clerk, `${page}/guardianship-notices`, { ...form, _csrf: clerk.csrf })).status).toBe(403);
    const en = await (await get(reviewer, page, { cookie: `${reviewer.cookie}; lang=en` })).text();
    expect(en).toContain('Under guardianship (since 令和6年5月1日).');
  });
});
