// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CsvFileError, csvLine, headerIndex, readCsvRecords, toRow, type CsvRow } from './registry-csv-format.ts';
import { createHouseholdChecker, csvToLegal, legalToCsv, parseRow, townIndexOf } from './registry-csv-rows.ts';
import { demoTowns } from '../addresses/demo-address-data.ts';

const TOWNS = townIndexOf(demoTowns('202151'));
import { formatRegistryNumber, myNumberCheckDigit, residentCodeCheckDigit } from '../numbers/my-number.ts';

async function records(...chunks: string[]) {
  const out: Array<{ line: number; fields: string[] }> = [];
  for await (const r of readCsvRecords((async function* () { for (const c of chunks) yield Buffer.from(c); })())) out.push(r);
  return out;
}

/** A valid Japanese head's row. */
export function row(over: Partial<CsvRow> = {}): CsvRow {
  const base = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as CsvRow;
  return {
    ...base, 宛名番号: formatRegistryNumber(1), 世帯番号: formatRegistryNumber(1), 記載順位: '0', 住民種別: '日本人', 氏: '髙橋', 名: '太郎',
    氏_フリガナ: 'タカハシ', 名_フリガナ: 'タロウ', 生年月日: '1965-01-02', 性別: '男', 続柄: '世帯主', 住所_町字: '大字広丘野村', 住所_番地号表記: '1番地',
    本籍: '長野県塩尻市大字広丘野村1番地', 筆頭者: '髙橋太郎', 住民日: '2000-04-01', 住定日: '2000-04-01',
    個人番号: `12345678901${myNumberCheckDigit('12345678901')}`, 住民票コード: `1234567890${residentCodeCheckDigit('1234567890')}`, ...over,
  };
}

describe('readCsvRecords', () => {
  it('reads RFC 4180 quoting, CRLF, embedded line breaks and records split across chunks', async () => {
    const r = await records('a,"b,1","c""d"\r\n', '"x\r\ny",', '2,3\r', '\n"last"');
    expect(r).toEqual([{ line: 1, fields: ['a', 'b,1', 'c"d'] }, { line: 2, fields: ['x\r\ny', '2', '3'] }, { line: 4, fields: ['last'] }]);
  });

  it('skips a UTF-8 BOM and never trims or normalises fields', async () => {
    const r = await records('\uFEFF 髙 ,ｶﾀｶﾅ,神\uFE00\n');
    expect(r[0]!.fields).toEqual([' 髙 ', 'ｶﾀｶﾅ', '神\uFE00']);
  });

  it('refuses Shift_JIS with a hint', async () => {
    const sjis = Buffer.from([0x88, 0xb6, 0x96, 0xbc, 0x94, 0xd4, 0x8d, 0x86, 0x0a]); // 宛名番号 in Shift_JIS
    const it = readCsvRecords((async function* () { yield sjis; })());
    await expect(it.next()).rejects.toThrow(/Shift_JIS/);
  });

  it('refuses an unterminated quote', async () => {
    await expect(records('a,"b\n')).rejects.toBeInstanceOf(CsvFileError);
  });

  it('writes fields so that they read back unchanged', async () => {
    const values = ['a,b', 'say "hi"', 'x\r\ny', '', '普通'];
    expect((await records(csvLine(values)))[0]!.fields).toEqual(values);
  });
});

describe('headerIndex', () => {
  it('reports missing and unknown columns', () => {
    const h = headerIndex(['宛名番号', 'ふりがな']);
    expect(h.problems).toContain('列「ふりがな」はこの形式にありません');
    expect(h.problems).toContain('列「世帯番号」がありません');
  });
});

describe('parseRow', () => {
  const parse = (over: Partial<CsvRow>) => parseRow(2, toRow(CSV_COLUMNS.map((c) => ({ ...row(), ...over })[c]), headerIndex([...CSV_COLUMNS]).index), TOWNS, '2026-05-01');

  it('reads a valid row and keeps the names exactly as written', () => {
    const r = parse({ 氏: '髙橋' });
    expect(r.problems).toEqual([]);
    expect(r.parsed!.record.familyName).toBe('髙橋');
    expect(r.parsed!.record.address.check).toBe('listed');
  });

  it('rejects wrong check digits, 続柄 outside the standard, unknown 町字 and missing 本籍, each with its column', () => {
    const r = parse({ 個人番号: '123456789012', 住民票コード: '12345678901', 続柄: '孫', 住所_町字: '存在しない町', 本籍: '', 宛名番号: '0000000010' });
    expect(r.problems.map((p) => p.column).sort()).toEqual(['住所_町字', '住民票コード', '個人番号', '宛名番号', '本籍', '続柄'].sort());
  });

  it('requires the 第30条の45 items of foreign residents and refuses them on Japanese residents', () => {
    const f = parse({ 住民種別: '外国人', 本籍: '', 筆頭者: '', 氏: '', 名: '', 氏_フリガナ: '', 名_フリガナ: '', 氏名_外国人ローマ字: 'SMITH JOHN', 国籍名等: '米国', 第30条45規定区分: '中長期在留者', 外国人住民日: '2020-01-01' });
    expect(f.problems.map((p) => p.column)).toEqual(expect.arrayContaining(['在留資格', '在留期間等', '在留期間等満了年月日', '在留カード等番号']));
    const j = parse({ 国籍名等: '米国' });
    expect(j.problems.map((p) => p.column)).toEqual(['国籍名等']);
  });

  it('accepts 不詳 dates and non-calendar birth dates', () => {
    expect(parse({ 生年月日: '', 生年月日_不詳表記: '年月日不詳' }).problems).toEqual([]);
    expect(parse({ 生年月日: '1965', 生年月日_不詳表記: '昭和40年頃' }).parsed!.record.birthDate).toEqual({ sortKey: '1965-01-01', precision: 'year', text: '昭和40年頃' });
    expect(parse({ 生年月日: '1991-02-29' }).problems).toEqual([]);
    expect(parse({ 生年月日: '1965/01/02' }).problems[0]!.column).toBe('生年月日');
    expect(parse({ 生年月日: '2099-01-01' }).problems[0]!.reason).toContain('未来');
  });

  it('round-trips legal dates through the two columns', () => {
    for (const d of [{ sortKey: '1965-01-02', precision: 'day' as const }, { sortKey: '1965-03-01', precision: 'month' as const }, { sortKey: '0000-01-01', precision: 'unknown' as const, text: '年月日不詳' }]) {
      const [iso, text] = legalToCsv(d);
      expect(csvToLegal(iso, text)).toEqual(d);
    }
  });
});

describe('createHouseholdChecker', () => {
  const parsed = (line: number, over: Partial<CsvRow>) => parseRow(line, { ...row(), ...over }, TOWNS, '2026-05-01').parsed!;

  it('requires exactly one 世帯主 and one address per household, and ascending 世帯番号', () => {
    const h = createHouseholdChecker();
    const no1 = formatRegistryNumber(5);
    const no0 = formatRegistryNumber(2);
    expect(h.push(no1, 2, parsed(2, { 世帯番号: no1 }))).toEqual([]);
    expect(h.push(no1, 3, parsed(3, { 世帯番号: no1, 宛名番号: formatRegistryNumber(2), 続柄: '世帯主', 住所_番地号表記: '2番地' }))).toEqual([]);
    const closed = h.push(no0, 4, parsed(4, { 世帯番号: no0 }));
    expect(closed.map((p) => [p.line, p.column])).toEqual(expect.arrayContaining([[2, '続柄'], [3, '続柄'], [3, '住所_番地号表記'], [4, '世帯番号']]));
    expect(h.finish()).toEqual([]);
  });

  it('checks 世帯主氏名 against the head', () => {
    const h = createHouseholdChecker();
    h.push('0000000019', 2, parsed(2, { 世帯番号: '0000000019', 世帯主氏名: '髙橋　太郎' }));
    h.push('0000000019', 3, parsed(3, { 世帯番号: '0000000019', 続柄: '妻', 世帯主氏名: '高橋　太郎', 宛名番号: '0000000027' }));
    expect(h.finish()).toEqual([{ line: 3, column: '世帯主氏名', reason: expect.stringContaining('一致しません') }]);
  });
});
