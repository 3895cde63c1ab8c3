// SPDX-License-Identifier: EUPL-1.2
// Dates as the standard shows them (spec §1.1.9, MUST NOT MN1): 和暦 for every date of a Japanese resident; for a
// foreign resident 西暦 only for the birth date and the 在留期間の満了の日, 外国人住民となった年月日 and the rest in 和暦.
import { RESTRICTED_ITEMS } from './field-visibility.ts';
import { describe, expect, it } from 'vitest';
import { presentHit, presentPerson } from './registry.presenter.ts';
import type { PersonRecord } from './registry-model.ts';

const ALL_VISIBLE = new Set(RESTRICTED_ITEMS);

const day = (sortKey: string) => ({ sortKey, precision: 'day' as const });
const base: PersonRecord = {
  atenaNo: '000000000001', householdId: '00000000-0000-4000-8000-000000000001', householdNo: '00000001', relationship: '世帯主', memberOrder: 1,
  residentKind: 'japanese', familyName: '日付', givenName: '一郎', familyNameKana: 'ヒヅケ', givenNameKana: 'イチロウ', birthDate: day('1980-03-01'), sex: 'male',
  honseki: '長野県塩尻市', address: { townCode: null, townName: '大字広丘野村', banchi: '1', katagaki: '', check: 'listed' } as never,
  becameResidentOn: day('2025-04-01'), addressFixedOn: day('2025-04-01'), notifiedOn: '2025-04-03',
};
const western = /\d{4}[-/年]\d{1,2}[-/月]\d{1,2}/;

describe('dates on the registry views (spec §1.1.9, MN1)', () => {
  it('shows every date of a Japanese resident in 和暦 only, never 西暦 or side by side', () => {
    const v = presentPerson('00000000-0000-4000-8000-000000000002', 1, base, { today: '2026-12-04', visible: ALL_VISIBLE });
    expect([v.birthDate.display, v.becameResidentOn, v.addressFixedOn, v.notifiedOn]).toEqual(['昭和55年3月1日', '令和7年4月1日', '令和7年4月1日', '令和7年4月3日']);
    for (const text of [v.birthDate.display, v.becameResidentOn, v.addressFixedOn, v.notifiedOn!, presentHit('x', base, '2026-12-04').birthDate]) expect(text).not.toMatch(western);
  });

  it('shows a foreign resident’s birth date and 在留期間の満了の日 in 西暦, and 外国人住民となった年月日 in 和暦', () => {
    const r: PersonRecord = { ...base, residentKind: 'foreign', familyName: '', givenName: '', romanName: 'NGUYEN VAN AN', birthDate: day('1995-02-14'), honseki: undefined,
      foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '留学', residencePeriod: '1年', residenceExpiry: '2027-03-31', residenceCardNo: 'AB12345678CD', foreignResidentSince: day('2025-04-01') } as never };
    const v = presentPerson('00000000-0000-4000-8000-000000000003', 1, r, { today: '2026-12-04', visible: ALL_VISIBLE });
    expect(v.birthDate.display).toBe('1995年2月14日');
    expect(v.foreign).toMatchObject({ residenceExpiry: '2027年3月31日', foreignResidentSince: '令和7年4月1日' });
    expect(v.becameResidentOn).toBe('令和7年4月1日');
  });
});
