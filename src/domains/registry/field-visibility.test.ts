import { describe, expect, it } from 'vitest';
import { containsMask, disclosedItems, MASKED_RESIDENT_CODE, MASKED_TEXT, maskDiff, maskRecord, RESTRICTED_ITEMS, visibleItems } from './field-visibility.ts';
import type { PersonRecord } from './registry-model.ts';

const day = (sortKey: string) => ({ sortKey, precision: 'day' as const });
const japanese = {
  atenaNo: '0000001', householdId: 'h', householdNo: '1', relationship: '世帯主', memberOrder: 1, residentKind: 'japanese', familyName: '山田', givenName: '花子',
  familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', birthDate: day('1980-01-01'), sex: 'female', honseki: '長野県塩尻市大門一番町1番地', hittosha: '山田　一郎',
  address: { townCode: null, townName: '大門一番町', banchi: '1番地', katagaki: '', check: 'no-list' }, becameResidentOn: day('2020-01-01'), addressFixedOn: day('2020-01-01'),
  residentCode: '12345678901',
} as PersonRecord;
const foreign = {
  ...japanese, residentKind: 'foreign', honseki: undefined, hittosha: undefined,
  foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '留学', residencePeriod: '2年', residenceExpiry: '2027-03-31', residenceCardNo: 'AB12345678CD', foreignResidentSince: day('2025-04-01') },
} as PersonRecord;

describe('visibleItems', () => {
  it('follows the roles: 窓口 see 本籍 and 在留資格, 審査・決裁 everything, contractors and other departments nothing', () => {
    expect([...visibleItems({ roles: ['counter'] })]).toEqual(['domicile', 'residence-status']);
    expect([...visibleItems({ roles: ['approver'] })]).toEqual([...RESTRICTED_ITEMS]);
    expect([...visibleItems({ roles: ['reviewer'] })]).toEqual([...RESTRICTED_ITEMS]);
    expect([...visibleItems({ roles: ['counter', 'reviewer', 'approver'], contractor: true })]).toEqual([]);
    expect([...visibleItems({ roles: ['daycare', 'admin', 'analyst'] })]).toEqual([]);
  });
});

describe('maskRecord', () => {
  it('masks what is not visible, keeps what is, and never changes the record', () => {
    const { record, masked } = maskRecord(japanese, new Set(['residence-status']));
    expect(masked).toEqual(['domicile', 'resident-code']);
    expect(record).toMatchObject({ honseki: MASKED_TEXT, hittosha: MASKED_TEXT, residentCode: MASKED_RESIDENT_CODE, familyName: '山田' });
    expect(japanese.honseki).toBe('長野県塩尻市大門一番町1番地');
    expect(maskRecord(japanese, new Set(RESTRICTED_ITEMS))).toEqual({ record: japanese, masked: [] });
  });

  it('leaves out the structured 本籍 (郵便番号, 市区町村, 町字) with the 本籍 text', () => {
    const withDetail = { ...japanese, honsekiDetail: { postalCode: '3990702', postalSource: 'entered', prefectureCode: '20', municipalityCode: '202151', townCode: null, townName: '', rest: '', addressCode: null } } as PersonRecord;
    expect(maskRecord(withDetail, new Set(['resident-code'])).record.honsekiDetail).toBeUndefined();
    expect(maskRecord(withDetail, new Set(['domicile'])).record.honsekiDetail).toMatchObject({ postalCode: '3990702' });
  });
  it('masks 在留資格・在留期間 and drops the 満了日 of a foreign resident, keeping 国籍 and the card number', () => {
    const { record, masked } = maskRecord(foreign, new Set(['domicile', 'resident-code']));
    expect(masked).toEqual(['residence-status']);
    expect(record.foreign).toMatchObject({ nationality: 'ベトナム', residenceStatus: MASKED_TEXT, residencePeriod: MASKED_TEXT, residenceCardNo: 'AB12345678CD' });
    expect(record.foreign!.residenceExpiry).toBeUndefined();
    expect(foreign.foreign!.residenceExpiry).toBe('2027-03-31');
  });
  it('lists an absent item as neither masked nor disclosed', () => {
    const none = { ...japanese, honseki: undefined, hittosha: undefined, residentCode: undefined } as PersonRecord;
    expect(maskRecord(none, new Set()).masked).toEqual([]);
    expect(disclosedItems([none], new Set(RESTRICTED_ITEMS))).toEqual([]);
    expect(disclosedItems([japanese, foreign], new Set(RESTRICTED_ITEMS))).toEqual([...RESTRICTED_ITEMS]);
    expect(disclosedItems([japanese], new Set(['domicile']))).toEqual(['domicile']);
  });
});

describe('maskDiff and containsMask', () => {
  it('keeps a changed restricted item listed, masked', () => {
    const rows = [{ item: 'honseki' as const, before: '東京都', after: '長野県' }, { item: 'name' as const, before: '山田　花子', after: '佐藤　花子' }];
    expect(maskDiff(rows, new Set())).toEqual([{ item: 'honseki', before: MASKED_TEXT, after: MASKED_TEXT }, rows[1]]);
    expect(maskDiff(rows, new Set(['domicile']))).toEqual(rows);
  });
  it('finds a mask anywhere in a change input', () => {
    expect(containsMask({ patch: { honseki: MASKED_TEXT } })).toBe(true);
    expect(containsMask({ persons: [{ residentCode: MASKED_RESIDENT_CODE }] })).toBe(true);
    expect(containsMask({ patch: { honseki: '長野県＊市' }, n: 1 })).toBe(false);
  });
});
