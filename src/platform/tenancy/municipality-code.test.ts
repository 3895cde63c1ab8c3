import { describe, expect, it } from 'vitest';
import { checkDigit, isValidMunicipalityCode, municipalityClass } from './municipality-code.ts';
import { findMunicipality, nationalMunicipalityList } from './municipality-list.ts';

describe('checkDigit', () => {
  it('computes the JIS X 0402 check digit, including the 0 and 1 special cases', () => {
    expect(checkDigit('20215')).toBe(1); // 塩尻市: remainder 0 → 1
    expect(checkDigit('13101')).toBe(6); // 千代田区
    expect(checkDigit('14100')).toBe(3); // 横浜市
  });
});

describe('isValidMunicipalityCode', () => {
  it('accepts six digits with the right check digit', () => {
    expect(isValidMunicipalityCode('202151')).toBe(true);
  });
  it.each(['202150', '20215', '2021511', 'abcdef', '', '２０２１５１'])('refuses %j', (code) => {
    expect(isValidMunicipalityCode(code)).toBe(false);
  });
});

describe('nationalMunicipalityList', () => {
  const list = nationalMunicipalityList();
  it('holds all 47 prefectures and every municipality with a verified check digit', () => {
    expect(list.filter((r) => r.class === '都道府県')).toHaveLength(47);
    expect(list.length).toBeGreaterThan(1900);
    expect(list.every((r) => isValidMunicipalityCode(r.code))).toBe(true);
  });
  it('derives the municipality classes', () => {
    expect(findMunicipality('202151')).toMatchObject({ name: '塩尻市', class: '一般市', prefectureName: '長野県', nameKana: 'しおじりし' });
    expect(findMunicipality('141003')).toMatchObject({ name: '横浜市', class: '指定都市' });
    expect(findMunicipality('131016')?.class).toBe('特別区');
    expect(findMunicipality('202011')).toMatchObject({ name: '長野市', class: '中核市' });
    expect(list.find((r) => r.name === '鶴見区' && r.parentCode === '141003')?.class).toBe('行政区');
    expect(list.filter((r) => r.class === '指定都市')).toHaveLength(20);
    expect(list.filter((r) => r.class === '特別区')).toHaveLength(23);
    expect(list.filter((r) => r.class === '中核市')).toHaveLength(62);
  });
  it('classifies towns and villages by their suffix', () => {
    expect(municipalityClass('203831', '辰野町', false, '長野県')).toBe('町村');
    expect(municipalityClass('204307', '南木曽町', false, '長野県')).toBe('町村');
  });
});
