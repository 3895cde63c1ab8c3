// SPDX-License-Identifier: EUPL-1.2
/** The 世帯票 shows members removed from the household (除票) on request (spec §3.3), each marked as such. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);

let clerk: ConsoleSession;
let householdId: string;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '33-3', katagaki: '', unlisted: false },
    persons: [
      { residentKind: 'japanese', familyName: '除籍', givenName: '太郎', familyNameKana: 'ジョセキ', givenNameKana: 'タロウ', birthDate: '1950-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '除籍', givenName: '花子', familyNameKana: 'ジョセキ', givenNameKana: 'ハナコ', birthDate: '1952-05-05', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' },
    ],
  });
  const wife = plan.snapshots.find((s) => s.record.relationship === '妻')!;
  householdId = wife.record.householdId;
  const household = await t.services.registry.getHousehold({ municipalityCode: CODE, staffId: clerk.staffId, roles: ['counter'] } as never, householdId, {}, { clientIp: '', requestId: 't' });
  await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'death', occurredOn: '2025-01-10', notifiedOn: '2025-01-12', exOfficio: true, notifier: '', note: '', personId: wife.personId,
    expectedVersions: { [householdId]: (household as { version: number }).version },
  } as never);
});

describe('世帯票 with removed members (spec §3.3)', () => {
  it('lists only living members by default, and the removed member marked 除票 when asked', async () => {
    const plain = await (await get(clerk, `/console/registry/households/${householdId}`)).text();
    expect(plain).toContain('太郎');
    expect(plain).not.toContain('花子');
    const withRemoved = await (await get(clerk, `/console/registry/households/${householdId}?includeRemoved=true`)).text();
    const row = withRemoved.slice(withRemoved.indexOf('花子'));
    expect(withRemoved).toContain('太郎');
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('除票');
  });
});
