// SPDX-License-Identifier: EUPL-1.2
/** HTTP-level tests of the DV等支援措置 notice on the 個人票 and 世帯票: shown for protected persons only, with the period. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);

let clerk: ConsoleSession;
let wifeId: string, headId: string, householdId: string;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  const approver = await signIn(['approver']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '9-9', katagaki: '', unlisted: false },
    persons: [
      { residentKind: 'japanese', familyName: '保護', givenName: '一郎', familyNameKana: 'ホゴ', givenNameKana: 'イチロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '保護', givenName: '花子', familyNameKana: 'ホゴ', givenNameKana: 'ハナコ', birthDate: '1982-05-05', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' },
    ],
  });
  headId = plan.snapshots.find((s) => s.record.relationship === '世帯主')!.personId;
  wifeId = plan.snapshots.find((s) => s.record.relationship === '妻')!.personId;
  householdId = plan.snapshots[0]!.record.householdId;
  await t.services.registry.registerSupportMeasure({ municipalityCode: CODE, staffId: approver.staffId, roles: ['approver'] } as never,
    { personId: wifeId, kind: 'dv', startsOn: '2025-04-01', requestingBody: '配偶者暴力相談支援センター', note: '加害者は元配偶者' }, { clientIp: '', requestId: 't' });
});

describe('support measure notice', () => {
  it('flags a protected person prominently on the 個人票, with the period and without the details', async () => {
    const html = await (await get(clerk, `/console/registry/persons/${wifeId}`)).text();
    expect(html).toContain('data-testid="support-measure-notice"');
    expect(html).toContain('支援措置対象者です。証明書の交付・閲覧に注意してください');
    expect(html).toContain('支援措置期間: 令和7年4月1日〜令和8年3月31日');
    expect(html).not.toContain('配偶者暴力相談支援センター');
    expect(html).not.toContain('加害者は元配偶者');
    expect(html.indexOf('support-measure-notice')).toBeLessThan(html.indexOf('住民票の記載事項'));
  });

  it('shows no notice for a person without a measure', async () => {
    const html = await (await get(clerk, `/console/registry/persons/${headId}`)).text();
    expect(html).toContain('個人票: 保護　一郎');
    expect(html).not.toContain('support-measure-notice');
    expect(html).not.toContain('支援措置対象');
  });

  it('flags the protected member on the 世帯票, and only that member', async () => {
    const html = await (await get(clerk, `/console/registry/households/${householdId}`)).text();
    expect(html).toContain('支援措置対象者がいます。証明書の交付・閲覧に注意してください');
    expect(html).toContain(`data-person-id="${wifeId}"`);
    expect(html).not.toContain(`data-person-id="${headId}"`);
    expect(html).toContain('支援措置期間: 令和7年4月1日〜令和8年3月31日');
    expect(html.match(/data-testid="support-measure-badge"/g)).toHaveLength(1);
  });

  it('logs the status read for each person shown', async () => {
    const admin = await t.login(CODE, (await t.staff(CODE, ['admin'])).loginId);
    const res = await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${headId}`);
    const items = ((await res.json()) as { items: Array<{ action: string; actorId: string }> }).items;
    expect(items.some((e) => e.action === 'registry.support-measure.status-read' && e.actorId === clerk.staffId)).toBe(true);
  });
});
