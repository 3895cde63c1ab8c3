// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../registry-model.ts';
import { diffRecords } from './change-diff.ts';

const base: PersonRecord = {
  atenaNo: '0000000011', householdId: 'h', householdNo: '0000000021', relationship: '世帯主', memberOrder: 1, residentKind: 'japanese',
  familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ', birthDate: { sortKey: '1980-04-01', precision: 'day' }, sex: 'male',
  honseki: '長野県塩尻市', hittosha: '山田太郎', address: { townCode: null, townName: '大門一番町', banchi: '1番1号', katagaki: '', check: 'listed' },
  becameResidentOn: { sortKey: '1980-04-01', precision: 'day' }, addressFixedOn: { sortKey: '2010-04-01', precision: 'day' },
};

// issue #9: the approval step shows before → after of every changed item.
describe('diffRecords', () => {
  it('shows the old and the new address of a 転居, with the new 住所を定めた年月日, and nothing unchanged', () => {
    const after = { ...base, address: { ...base.address, townName: '広丘野村', banchi: '100番地' }, addressFixedOn: { sortKey: '2026-11-01', precision: 'day' as const } };
    expect(diffRecords(base, after)).toEqual([
      { item: 'address', before: '大門一番町1番1号', after: '広丘野村100番地' },
      { item: 'addressFixedOn', before: '平成22年4月1日', after: '令和8年11月1日' },
    ]);
  });

  it('lists every item of a new person (転入・出生) with an empty before', () => {
    const rows = diffRecords(null, base);
    expect(rows.map((r) => r.item)).toEqual(expect.arrayContaining(['name', 'nameKana', 'birthDate', 'sex', 'relationship', 'address', 'honseki']));
    expect(rows.every((r) => r.before === '')).toBe(true);
    expect(rows.find((r) => r.item === 'birthDate')?.after).toBe('昭和55年4月1日');
  });
});
