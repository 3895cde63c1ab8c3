// SPDX-License-Identifier: EUPL-1.2
/**
 * The registry CSV layout (docs/registry-csv-layout.md): column names, a streaming RFC 4180 reader and the
 * writer. Pure apart from reading the byte stream. UTF-8 only (a BOM is skipped); Shift_JIS is refused.
 * Field values are never trimmed or normalised.
 */

import { csvQuote, guardFormula, unguardFormula } from '../../../platform/csv/csv-cell.ts';

/** The columns, in file order. Names follow the item names of the 住民記録 基本データリスト / 中間標準レイアウト. */
export const CSV_COLUMNS = [
  '宛名番号', '世帯番号', '記載順位', '住民種別', '氏', '名', '氏_フリガナ', '名_フリガナ', '氏名_外国人ローマ字',
  '旧氏', '旧氏_フリガナ', '通称', '通称_フリガナ', '生年月日', '生年月日_不詳表記', '性別', '続柄', '世帯主氏名',
  '住所_町字コード', '住所_町字', '住所_番地号表記', '住所_方書', '住所_町字一覧外', '本籍', '筆頭者',
  '住民日', '住民日_不詳表記', '住定日', '住定日_不詳表記', '届出年月日', '転入前住所', '個人番号', '住民票コード',
  '国籍名等', '第30条45規定区分', '在留資格', '在留期間等', '在留期間等満了年月日', '在留カード等番号',
  '外国人住民日', '外国人住民日_不詳表記', '消除事由', '消除年月日', '転出先住所',
  '住所_郵便番号', '本籍_郵便番号', '転入前住所_郵便番号', '転出先住所_郵便番号',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

/** Thrown when the file as a whole cannot be read (encoding, header, broken quoting). */
export class CsvFileError extends Error {
  constructor(message: string, readonly line = 0) { super(message); }
}

/** Quotes a field when it holds a comma, quote, CR or LF (RFC 4180). */
export const csvField = csvQuote;

/** One CSV line (CRLF-terminated, RFC 4180), every field written as it is. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Columns whose values the import validates as numbers, dates, codes or flags: written as they are. Every other
 * column is text (names, addresses, 方書, free text), guarded against formula injection on export and unguarded
 * on import, so that the file round-trips exactly (issue #15; docs/registry-csv-layout.md).
 */
const VALUE_COLUMNS: ReadonlySet<CsvColumn> = new Set<CsvColumn>([
  '宛名番号', '世帯番号', '記載順位', '生年月日', '住所_町字コード', '住所_町字一覧外', '住民日', '住定日', '届出年月日',
  '個人番号', '住民票コード', '在留期間等満了年月日', '在留カード等番号', '外国人住民日', '消除年月日',
  '住所_郵便番号', '本籍_郵便番号', '転入前住所_郵便番号', '転出先住所_郵便番号',
]);
/** Columns added later (spec §1.1.17 郵便番号): a file without them is read as if they were blank. */
const OPTIONAL_COLUMNS: ReadonlySet<CsvColumn> = new Set<CsvColumn>(['住所_郵便番号', '本籍_郵便番号', '転入前住所_郵便番号', '転出先住所_郵便番号']);
const TEXT_AT = CSV_COLUMNS.map((c) => !VALUE_COLUMNS.has(c));

/** One data line of the layout (columns in file order), text cells guarded against formula injection. */
export function csvRecordLine(values: readonly string[]): string {
  return csvLine(values.map((v, i) => (TEXT_AT[i] ? guardFormula(v) : v)));
}

export const CSV_HEADER = csvLine(CSV_COLUMNS);

/** True when the bytes look like Shift_JIS rather than UTF-8 (invalid UTF-8 with SJIS lead/trail pairs). */
function looksLikeShiftJis(buf: Buffer): boolean {
  let sjisPairs = 0;
  for (let i = 0; i + 1 < buf.length; i++) {
    const a = buf[i]!, b = buf[i + 1]!;
    if (((a >= 0x81 && a <= 0x9f) || (a >= 0xe0 && a <= 0xfc)) && ((b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfc))) { sjisPairs++; i++; }
  }
  return sjisPairs > 0;
}

/** A parsed record with its 行番号 (the physical line the record starts on, header = 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Reads RFC 4180 records from a byte stream, one at a time; memory stays bounded by the longest record.
 * @throws CsvFileError for a file that is not UTF-8 (with a Shift_JIS hint) or has an unterminated quote
 */
export async function* readCsvRecords(source: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let buf = '';
  let first = true;
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let recordLine = 1;
  let fieldStarted = false;
  let pendingEnd = false;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    try {
      buf += decoder.decode(bytes, { stream: true });
    } catch {
      throw new CsvFileError(looksLikeShiftJis(bytes)
        ? '文字コードが UTF-8 ではありません（Shift_JIS と思われます）。UTF-8 に変換してから取り込んでください（例: iconv -f CP932 -t UTF-8）'
        : '文字コードが UTF-8 ではありません。UTF-8 で保存してください');
    }
    if (first && buf.length > 0) {
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
      first = false;
    }
    // Parse everything but keep an incomplete tail (a lone CR or an open quoted field) for the next chunk.
    let i = 0;
    const n = buf.length;
    const out: CsvRecord[] = [];
    while (i < n) {
      if (inQuotes) {
        const q = buf.indexOf('"', i);
        if (q < 0) { field += buf.slice(i); countLines(buf, i, n); i = n; break; }
        field += buf.slice(i, q);
        countLines(buf, i, q);
        if (q + 1 >= n) { i = q; break; } // need the next char to tell "" from the closing quote
        if (buf[q + 1] === '"') { field += '"'; i = q + 2; continue; }
        inQuotes = false;
        i = q + 1;
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === 0x22 /* " */) {
        if (field.length > 0) throw new CsvFileError('引用符（"）の位置が正しくありません（RFC 4180）', line);
        inQuotes = true; fieldStarted = true; i++; continue;
      }
      if (c === 0x2c /* , */) { fields.push(field); field = ''; fieldStarted = true; i++; continue; }
      if (c === 0x0d || c === 0x0a) {
        if (c === 0x0d) {
          if (i + 1 >= n) break; // CR at chunk end: wait for a possible LF
          if (buf.charCodeAt(i + 1) === 0x0a) i++;
        }
        i++;
        if (fieldStarted || field.length > 0 || fields.length > 0) {
          fields.push(field);
          out.push({ line: recordLine, fields });
        }
        fields = []; field = ''; fieldStarted = false;
        line++;
        recordLine = line;
        continue;
      }
      // Plain run up to the next special character.
      let j = i + 1;
      while (j < n) {
        const d = buf.charCodeAt(j);
        if (d === 0x2c || d === 0x0d || d === 0x0a || d === 0x22) break;
        j++;
      }
      if (j < n && buf.charCodeAt(j) === 0x22) throw new CsvFileError('引用符（"）の位置が正しくありません（RFC 4180）', line);
      field += buf.slice(i, j);
      i = j;
    }
    buf = buf.slice(i);
    for (const r of out) yield r;
    pendingEnd = true;
  }
  void pendingEnd;
  try {
    buf += decoder.decode();
  } catch {
    throw new CsvFileError('文字コードが UTF-8 ではありません。UTF-8 で保存してください');
  }
  if (buf === '"' && inQuotes) { inQuotes = false; buf = ''; }
  if (buf === '\r') buf = '';
  if (inQuotes || buf.length > 0) {
    if (inQuotes) throw new CsvFileError('引用符（"）が閉じられていません', recordLine);
    field += buf;
  }
  if (fieldStarted || field.length > 0 || fields.length > 0) {
    fields.push(field);
    yield { line: recordLine, fields };
  }

  function countLines(s: string, from: number, to: number) {
    for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) line++;
  }
}

/** Checks the header: every column present, in any order; returns the index of each column. */
export function headerIndex(header: string[]): { index: Map<CsvColumn, number>; problems: string[] } {
  const index = new Map<CsvColumn, number>();
  const problems: string[] = [];
  header.forEach((h, i) => {
    if ((CSV_COLUMNS as readonly string[]).includes(h)) {
      if (index.has(h as CsvColumn)) problems.push(`列「${h}」が重複しています`);
      index.set(h as CsvColumn, i);
    } else problems.push(`列「${h}」はこの形式にありません`);
  });
  for (const c of CSV_COLUMNS) if (!index.has(c) && !OPTIONAL_COLUMNS.has(c)) problems.push(`列「${c}」がありません`);
  return { index, problems };
}

/** Reads a record into a row by the header index (missing trailing fields read as empty). */
export function toRow(fields: string[], index: Map<CsvColumn, number>): CsvRow {
  const row = {} as CsvRow;
  for (const c of OPTIONAL_COLUMNS) row[c] = '';
  for (const [c, i] of index) row[c] = VALUE_COLUMNS.has(c) ? fields[i] ?? '' : unguardFormula(fields[i] ?? '');
  return row;
}
