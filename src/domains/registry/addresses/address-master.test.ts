// SPDX-License-Identifier: EUPL-1.2
// The address masters' files (spec §1.3.2–1.3.4): the ABR 町字マスター CSV and Geolonia JSON, KEN_ALL postal codes,
// linking, matching, kana prefix input and the numeric sort code of 住居表示・地番.
import { addressCodeOf, AddressDetailError, normalizePostalCode, resolveAddressDetail } from './address-dictionary.ts';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AddressMasterFileError, addressNumberSortCode, linkPostalAreas, matchTown, parsePostalFile, parseTownFile, townsByPrefix,
} from './address-master.ts';
import { demoAddressFiles, demoTowns } from './demo-address-data.ts';

const ABR = fs.readFileSync('test/fixtures/addresses/mt_town_city131016-sample.csv', 'utf8');
const KEN_ALL = fs.readFileSync('test/fixtures/addresses/ken_all-sample.csv', 'utf8');

describe('address master files', () => {
  it('reads the ABR 町字マスター: 町字ID as the code, readings, 住居表示, validity; only the municipality\'s rows', async () => {
    const towns = await parseTownFile(ABR, '131016');
    expect(towns.map((t) => [t.code, t.name, t.kana, t.postalCode, t.residenceIndication, t.abolishedOn])).toEqual([
      ['0001001', '丸の内一丁目', 'マルノウチイッチョウメ', '1000005', true, null],
      ['0001002', '丸の内二丁目', 'マルノウチニチョウメ', '1000005', true, null],
      ['0002001', '霞が関一丁目', 'カスミガセキイッチョウメ', '1000013', true, null],
      ['0003000', '永田町', 'ナガタチョウ', '1000014', false, '2020-04-01'],
    ]);
    expect(towns.every((t) => t.abrId === t.code)).toBe(true);
  });

  it('reads Geolonia 住所データ with the project\'s stable codes (file order × 1000), as before the masters were tables', async () => {
    const files = demoAddressFiles('202151')!;
    const towns = await parseTownFile(files.towns, '202151');
    expect(towns[0]).toMatchObject({ code: '0001000', name: '大字大小屋', kana: '', abrId: null });
    expect(towns.length).toBeGreaterThan(20);
    expect(towns).toEqual(demoTowns('202151'));
  });

  it('refuses files of the wrong form, with the reason in Japanese', async () => {
    await expect(parseTownFile('{"town": 1}', '202151')).rejects.toThrow(AddressMasterFileError);
    await expect(parseTownFile('[{"koaza": ""}]', '202151')).rejects.toThrow(/形式が違います/);
    await expect(parseTownFile(ABR, '202151')).rejects.toThrow(/202151 の町字がファイルにありません/);
    await expect(parseTownFile(ABR.replace('0001002', '0001001'), '131016')).rejects.toThrow(/重複/);
    await expect(parseTownFile('lg_code,name\n131016,x\n', '131016')).rejects.toThrow(/machiaza_id/);
    await expect(parsePostalFile('postal_code,area_name,area_kana\n39907,広丘野村,\n', '202151')).rejects.toThrow(/7桁/);
  });

  it('reads KEN_ALL (half-width readings made full-width, 「以下に掲載がない場合」 as the catch-all) and links areas to 町字', async () => {
    const areas = await parsePostalFile(KEN_ALL, '131016');
    expect(areas.map((a) => [a.postalCode, a.areaName, a.areaKana])).toEqual([
      ['1000000', '', ''], ['1000005', '丸の内', 'マルノウチ'], ['1000013', '霞が関', 'カスミガセキ'], ['1000014', '永田町', 'ナガタチョウ'],
    ]);
    const towns = (await parseTownFile(ABR, '131016')).map((t) => ({ ...t, postalCode: null, kana: '' }));
    const linked = linkPostalAreas(towns, areas);
    expect(linked.towns.map((t) => [t.name, t.postalCode, t.kana])).toEqual([
      ['丸の内一丁目', '1000005', ''], ['丸の内二丁目', '1000005', ''], ['霞が関一丁目', '1000013', ''], ['永田町', '1000014', 'ナガタチョウ'],
    ]);
    expect(linked.areas.find((a) => a.areaName === '永田町')!.townCode).toBe('0003000');
    // 塩尻市: the demo postal file gives every 大字 its code (大字 prefix ignored).
    const demo = demoAddressFiles('202151')!;
    const shiojiri = linkPostalAreas(demoTowns('202151'), await parsePostalFile(demo.postal, '202151'));
    expect(shiojiri.towns.find((t) => t.name === '大字広丘野村')!.postalCode).toBe('3990702');
  });

  it('matches a 町字 by code or by name with or without 大字; no master means nothing to check', () => {
    const towns = demoTowns('202151');
    expect(matchTown(towns, { townName: '広丘野村' }).kind).toBe('listed');
    expect(matchTown(towns, { townCode: towns[0]!.code })).toEqual({ kind: 'listed', town: towns[0] });
    expect(matchTown(towns, { townName: '霞が関' }).kind).toBe('unlisted');
    expect(matchTown([], { townName: '霞が関' }).kind).toBe('no-list');
  });

  it('finds 町字 by a reading prefix in kana (hiragana or katakana) or by the start of the name', async () => {
    const towns = await parseTownFile(ABR, '131016');
    expect(townsByPrefix(towns, 'まるの').map((t) => t.name)).toEqual(['丸の内一丁目', '丸の内二丁目']);
    expect(townsByPrefix(towns, 'カスミ').map((t) => t.name)).toEqual(['霞が関一丁目']);
    expect(townsByPrefix(towns, '永田').map((t) => t.name)).toEqual(['永田町']);
    expect(townsByPrefix(towns, 'ぎんざ')).toEqual([]);
  });

  it('gives 住居表示 and 地番 a numeric sort code, so 2番 sorts before 10番', () => {
    const labels = ['10番1号', '2番10号', '2番3号', '１番１号'];
    expect([...labels].sort((a, b) => addressNumberSortCode(a).localeCompare(addressNumberSortCode(b)))).toEqual(['１番１号', '2番3号', '2番10号', '10番1号']);
    expect(addressNumberSortCode('1234番地5')).toBe('001234-000005');
  });
});

describe('address dictionary (spec §1.3.3, §1.1.17)', () => {
  const look = {
    municipality: (c: string) => ({ '131016': { code: '131016', prefectureCode: '13', class: '特別区' }, '130001': { code: '130001', prefectureCode: '13', class: '都道府県' } } as Record<string, { code: string; prefectureCode: string; class: string }>)[c],
    towns: (c: string) => (c === '131016' ? [{ code: '0002001', name: '霞が関一丁目', kana: '', postalCode: '1000013', abrId: '0002001', residenceIndication: true, validFrom: null, abolishedOn: null }] : undefined),
    postalCodes: (c: string) => (c === '131016' ? new Set(['1000013', '1000005']) : undefined),
  };
  it('computes the 11-digit 住所コード: 市区町村コード 5 + 大字 3 + 小字 3 from the 町字ID; none when the 大字 part has 4 digits', () => {
    expect(addressCodeOf('131016', '0002001')).toBe('13101002001');
    expect(addressCodeOf('202151', '0123000')).toBe('20215123000');
    expect(addressCodeOf('131016', '1002001')).toBeNull();
    expect(addressCodeOf('13101', '0002001')).toBeNull();
  });
  it('reads postal codes with hyphens, 〒 and full-width digits; refuses anything but 7 digits', () => {
    expect(normalizePostalCode('〒１００－００１３')).toBe('1000013');
    expect(normalizePostalCode('')).toBeNull();
    expect(() => normalizePostalCode('100-001')).toThrow(AddressDetailError);
  });
  it('resolves a structured address: postal code from the 町字, entered ones checked against the municipality', () => {
    expect(resolveAddressDetail({ municipalityCode: '131016', townCode: '0002001', rest: '1番' }, look)).toMatchObject({ postalCode: '1000013', postalSource: 'master', prefectureCode: '13', addressCode: '13101002001' });
    expect(resolveAddressDetail({ municipalityCode: '131016', townCode: '0002001', postalCode: '1000005' }, look)).toMatchObject({ postalCode: '1000005', postalSource: 'entered' });
    expect(resolveAddressDetail(undefined, look)).toBeNull();
    expect(() => resolveAddressDetail({ municipalityCode: '131016', postalCode: '1040061' }, look)).toThrow('postal-code-mismatch');
    expect(() => resolveAddressDetail({ municipalityCode: '130001' }, look)).toThrow('unknown-municipality');
    expect(() => resolveAddressDetail({ municipalityCode: '131016', townCode: '0000001' }, look)).toThrow('unknown-dictionary-town');
  });
});

describe('address dictionary: names typed', () => {
  it('keeps a 町字 name that is not in the master (an old name of a 本籍) as text before the rest, without a code', () => {
    const look = { municipality: (c: string) => ({ code: c, prefectureCode: '13', class: c === '131016' ? '特別区' : '都道府県' }), towns: () => [], postalCodes: () => undefined };
    expect(resolveAddressDetail({ municipalityCode: '131016', townName: '永田町', rest: '1番' }, look)).toMatchObject({ townCode: null, townName: '', rest: '永田町1番', addressCode: null });
  });
});
