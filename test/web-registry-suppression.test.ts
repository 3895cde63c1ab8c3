// SPDX-License-Identifier: EUPL-1.2
/**
 * 抑止 on the console (spec §3.1): the 個人票 names the suppressions in force (operation, level, since, household-wide,
 * lifted now) in Japanese without codes; a record suppressed for 照会 is refused with a Japanese page, never a 5xx.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);
let clerk: Session, approver: Client, reviewer: Client;
let a: string, b: string, householdId: string;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  approver = await t.login(CODE, (await t.staff(CODE, ['approver'])).loginId);
  reviewer = await t.login(CODE, (await t.staff(CODE, ['reviewer'])).loginId);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
    expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '88-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '止見', givenName: '一郎', familyNameKana: 'トメミ', givenNameKana: 'イチロウ', birthDate: '1970-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '止見', givenName: '花子', familyNameKana: 'トメミ', givenNameKana: 'ハナコ', birthDate: '1972-01-01', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' }] } as never);
  [a, b] = [plan.snapshots[0]!.personId, plan.snapshots[1]!.personId];
  householdId = plan.snapshots[0]!.record.householdId;
});

describe('抑止 on the 個人票', () => {
  it('names the suppressions in force on the person and the household, and a lifting', async () => {
    const before = await (await get(clerk, `/console/registry/persons/${a}`)).text();
    expect(before).not.toContain('data-testid="suppression-notice"');
    const set = async (body: Record<string, unknown>) => {
      const res = await approver.request('POST', '/api/v1/suppressions', body);
      expect(res.status).toBe(201);
      return ((await res.json()) as { items: Array<{ suppressionId: string }> }).items;
    };
    const [cert] = await set({ subjectType: 'person', subjectId: a, operations: ['certificate'], level: 'error', reason: '不正請求のおそれ', startsOn: '2025-04-01' });
    await set({ subjectType: 'household', subjectId: householdId, operations: ['change'], level: 'alert', reason: '調査中', startsOn: '2025-04-01' });
    expect((await reviewer.request('POST', `/api/v1/suppressions/${cert!.suppressionId}/lifts`, { minutes: 15, reason: '本人確認済み' })).status).toBe(201);
    const html = await (await get(clerk, `/console/registry/persons/${a}`)).text();
    const notice = /data-testid="suppression-notice"[\s\S]*?<\/section>/.exec(html)![0];
    expect(notice).toContain('抑止が設定されています');
    expect(notice).toContain('証明書発行: エラー（処理不可）（令和7年4月1日から） — 現在一時解除中');
    expect(notice).toContain('異動入力: アラート（確認して処理）（令和7年4月1日から、世帯に設定）');
    expect(notice).not.toContain('不正請求'); // the reason stays with the suppression's managers
    expect(notice).not.toMatch(/certificate|error|[0-9a-f]{8}-[0-9a-f]{4}/);
    // The wife sees only the household's suppression.
    const hers = await (await get(clerk, `/console/registry/persons/${b}`)).text();
    expect(hers).toContain('異動入力: アラート');
    expect(hers).not.toContain('証明書発行: エラー');
  });

  it('refuses a record suppressed for 照会 with a Japanese page, not a server error', async () => {
    expect((await approver.request('POST', '/api/v1/suppressions', { subjectType: 'person', subjectId: b, operations: ['inquiry'], level: 'error', reason: '本人の申出' })).status).toBe(201);
    const res = await get(clerk, `/console/registry/persons/${b}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('抑止が設定されているため、この処理はできません');
  });
});
