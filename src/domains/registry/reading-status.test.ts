// SPDX-License-Identifier: EUPL-1.2
// 振り仮名の公証 (spec §1.1.18, 令和5年法律第48号): a status per reading (未確認/通知済/公証) set by the 振り仮名の記載
// from the 本籍地, readings katakana only, and a reading changed by any other change losing its status.
import { RESTRICTED_ITEMS } from './field-visibility.ts';
import { describe, expect, it } from 'vitest';
import { createPlannerHarness, newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { presentPerson } from './registry.presenter.ts';
import { settleReadingStatus } from './readings.ts';

const ALL_VISIBLE = new Set(RESTRICTED_ITEMS);

const TODAY = '2026-06-01';

function setup() {
  const { m, run, attempt } = createPlannerHarness('202151', TODAY);
  const plan = run({ kind: 'move-in', occurredOn: '2026-03-01', address: { townName: '広丘野村', banchi: '1番地' }, previousAddress: '東京都新宿区',
    persons: [newPerson(1, '世帯主', '1980-05-05', { oldSurname: '佐藤', oldSurnameKana: 'サトウ' }),
      newPerson(2, '同居人', '1990-01-01', { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'NGUYEN VAN AN', honseki: undefined,
        foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '留学', residencePeriod: '1年', residenceExpiry: '2027-03-31', residenceCardNo: 'AB12345678CD' } as never })] });
  const [head, foreigner] = [plan.snapshots[0]!.personId, plan.snapshots[1]!.personId];
  const latest = (id: string) => m.history.get(id)!.at(-1)!.record;
  return { run, attempt, head, foreigner, latest };
}

describe('振り仮名の記載 (reading status)', () => {
  it('records the 本籍地 notice: 通知済 then 公証 per reading, 職権, reason 振り仮名の記載', () => {
    const t = setup();
    expect(t.latest(t.head).readingStatus).toBeUndefined(); // entered at the counter: 未確認
    const notified = t.run({ kind: 'reading', occurredOn: '2026-05-26', personId: t.head, status: 'notified', familyNameKana: 'タカハシ', givenNameKana: 'タロウ' });
    expect(notified.reason).toEqual({ code: 'C19', label: '振り仮名の記載', class: '修正' });
    expect(notified.exOfficio).toBe(true);
    expect(t.latest(t.head).readingStatus).toEqual({ familyNameKana: 'notified', givenNameKana: 'notified' });
    t.run({ kind: 'reading', occurredOn: '2026-05-27', personId: t.head, status: 'certified', givenNameKana: 'ジロウ', oldSurnameKana: 'サトウ' });
    expect(t.latest(t.head)).toMatchObject({ givenNameKana: 'ジロウ', readingStatus: { familyNameKana: 'notified', givenNameKana: 'certified', oldSurnameKana: 'certified' } });
    const view = presentPerson(t.head, 3, t.latest(t.head), { today: TODAY, visible: ALL_VISIBLE });
    expect(view.readingStatus).toEqual({ familyNameKana: 'notified', givenNameKana: 'certified', oldSurnameKana: 'certified' });
  });

  it('refuses it for a foreign resident, without any reading, with a reading not in katakana, or a 旧氏 reading without a 旧氏', () => {
    const t = setup();
    expect(t.attempt({ kind: 'reading', occurredOn: '2026-05-26', personId: t.foreigner, status: 'certified', familyNameKana: 'グエン' })).toBe('reading-japanese-only');
    expect(t.attempt({ kind: 'reading', occurredOn: '2026-05-26', personId: t.head, status: 'certified' })).toBe('reading-required');
    expect(t.attempt({ kind: 'reading', occurredOn: '2026-05-26', personId: t.head, status: 'certified', familyNameKana: 'Takahashi' })).toBe('invalid-reading');
    expect(t.latest(t.head).readingStatus).toBeUndefined();
  });

  it('a reading corrected by another change is 未確認 again; the untouched one keeps 公証', () => {
    const t = setup();
    t.run({ kind: 'reading', occurredOn: '2026-05-26', personId: t.head, status: 'certified', familyNameKana: 'タカハシ', givenNameKana: 'タロウ' });
    t.run({ kind: 'clerical-correction', occurredOn: '2026-05-27', personId: t.head, patch: { givenNameKana: 'タロ' } });
    expect(t.latest(t.head).readingStatus).toEqual({ familyNameKana: 'certified' });
    expect(settleReadingStatus({ familyNameKana: 'ア', readingStatus: { familyNameKana: 'certified' } }, { familyNameKana: '', readingStatus: { familyNameKana: 'certified' } })).toEqual({ familyNameKana: '' });
  });
});
