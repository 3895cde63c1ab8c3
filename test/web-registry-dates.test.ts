// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue #9, "Dates and readings, as the standard requires", at the HTTP level of the console: the one date input
 * on every date form, birth dates that are no calendar day refused at their field, readings converted to katakana,
 * invalid 基準日 in query strings a 400 with a Japanese message, a household left without a head flagged on the
 * 世帯票, and 年月日不詳 residents in their own row of the statistics.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);

let clerk: Session, approver: Session;
let headId: string, householdId: string;

const person = (given: string, kana: string, birthDate: string, relationship: string) => ({
  residentKind: 'japanese' as const, familyName: '日付', givenName: given, familyNameKana: 'ヒヅケ', givenNameKana: kana, birthDate, sex: 'male' as const, honseki: '長野県塩尻市', relationship,
});

beforeAll(async () => {
  clerk = await signIn(['counter']);
  approver = await signIn(['approver']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '9-9', katagaki: '', unlisted: false },
    persons: [person('一郎', 'イチロウ', '1950-03-01', '世帯主'), person('二郎', 'ジロウ', '年月日不詳', '子'), person('三郎', 'サブロウ', '1985-05-05', '子')],
  });
  headId = plan.snapshots.find((s) => s.record.relationship === '世帯主')!.personId;
  householdId = plan.snapshots[0]!.record.householdId;
});

const moveIn = { step: 'confirm', occurredOn: '令和7年4月1日', townName: '大字広丘野村', banchi: '8-1', 'p0-familyName': '日付', 'p0-givenName': '四郎',
  'p0-familyNameKana': 'ヒヅケ', 'p0-givenNameKana': 'シロウ', 'p0-birthDate': 'S60.1.2', 'p0-sex': 'male', 'p0-relationship': '世帯主', 'p0-honseki': '長野県塩尻市' };

describe('the one date input (issue #9)', () => {
  it('uses the 和暦 text input, never a browser date picker, on every date form', async () => {
    for (const path of ['/console/registry/changes/move-in', `/console/registry/changes/death?personId=${headId}`, `/console/registry/changes/move-out?householdId=${householdId}`,
      '/console/registry/address-changes', `/console/registry/persons/${headId}`, '/console/registry/statistics']) {
      const html = await (await get(clerk, path)).text();
      expect(html, path).not.toContain('type="date"');
      expect(html, path).toMatch(/data-date-input="(day|vague)"/);
      expect(html, path).toContain('date-input.js');
    }
  });

  it('refuses a birth date that is no calendar day at its field, and accepts it entered as vague', async () => {
    for (const bad of ['令和7年2月29日', '昭和64年1月8日']) {
      const res = await post(clerk, '/console/registry/changes/move-in', { ...moveIn, _csrf: clerk.csrf, 'p0-birthDate': bad });
      expect(res.status, bad).toBe(400);
      const html = await res.text();
      expect(html).toMatch(/id="p0-birthDate-error"[^>]*>[^<]*(暦にない日付です|昭和の終わった後の日付です)/);
    }
    const ok = await post(clerk, '/console/registry/changes/move-in', { ...moveIn, _csrf: clerk.csrf, 'p0-birthDate': '昭和60年頃' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('昭和60年頃');
  });

  it('converts a hiragana reading to katakana and names the field of a Latin one', async () => {
    const ok = await post(clerk, '/console/registry/changes/move-in', { ...moveIn, _csrf: clerk.csrf, 'p0-givenNameKana': 'しろう', step: 'record' });
    expect([201, 303]).toContain(ok.status);
    const list = await t.services.registry.listProvisional({ municipalityCode: CODE, staffId: approver.staffId, roles: ['approver'] } as never, { clientIp: '', requestId: 't' });
    expect(JSON.stringify(list)).toContain('シロウ');
    const bad = await post(clerk, '/console/registry/changes/move-in', { ...moveIn, _csrf: clerk.csrf, banchi: '8-2', 'p0-givenName': '五郎', 'p0-givenNameKana': 'Goro', step: 'record' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="p0-givenNameKana-error"[^>]*>名のフリガナはカタカナで入力してください/);
  });
});

describe('dates in query strings (issue #9)', () => {
  it('answers an invalid 基準日 with a 400 and a Japanese message, never 「令和8年13月45日」', async () => {
    for (const q of ['2026-13-45', '令和8年13月45日', '令和7年2月29日']) {
      const res = await get(clerk, `/console/registry/statistics?asOf=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(400);
      const html = await res.text();
      expect(html).toContain('基準日が正しい日付ではありません');
      expect(html).not.toContain('13月45日現在');
      expect((await get(clerk, `/console/registry/statistics.csv?asOf=${encodeURIComponent(q)}`)).status).toBe(400);
      expect((await get(clerk, `/console/registry/persons/${headId}?asOf=${encodeURIComponent(q)}`)).status).toBe(400);
    }
    const ok = await (await get(clerk, `/console/registry/statistics?asOf=${encodeURIComponent('R7.4.1')}`)).text();
    expect(ok).toContain('令和7年4月1日現在');
    expect(ok).not.toContain('（2025-04-01）');
  });
});

describe('statistics (issue #9)', () => {
  it('counts 年月日不詳 residents in their own row, not as 100歳以上', async () => {
    const html = await (await get(clerk, '/console/registry/statistics')).text();
    const row = (label: string) => new RegExp(`<th scope="row"[^>]*>${label}</th><td[^>]*>(\\d+)</td>`).exec(html)?.[1];
    expect(row('年月日不詳')).toBe('1');
  });
});

describe('a household without a head (issue #9)', () => {
  it('records the head’s death with two members left, flags the 世帯票, and offers the 世帯主変更', async () => {
    const hh = await t.services.registry.getHousehold({ municipalityCode: CODE, staffId: clerk.staffId, roles: ['counter'] } as never, householdId, {}, { clientIp: '', requestId: 't' });
    await t.services.registry.recordFinalAsSystem(CODE, { kind: 'death', occurredOn: '2025-01-10', exOfficio: true, notifier: '', note: '', personId: headId,
      expectedVersions: { [householdId]: hh.version }, remainingRelationships: {} });
    const html = await (await get(clerk, `/console/registry/households/${householdId}`)).text();
    expect(html).toContain('data-testid="household-head-missing"');
    expect(html).toContain('世帯主のいない世帯です');
    expect(html).toContain(`/console/registry/changes/head-change?householdId=${householdId}`);
  });
});
