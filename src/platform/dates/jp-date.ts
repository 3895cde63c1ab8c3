// SPDX-License-Identifier: EUPL-1.2
/**
 * Dates and eras, the one module for every domain and the UI. Legal dates (spec §1.1.8–1.1.9): 和暦 parsing and display, vague dates (不詳) and non-calendar dates
 * (e.g. 平成3年2月29日). Pure; never uses JS `Date` for legal values. A legal date is kept as a sortable
 * key 'YYYY-MM-DD' (the earliest day it can mean) plus its precision and, for vague dates, the legal text.
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toAsciiDigits } from '../text/ascii-digits.ts';

/** One 元号 and its first day. */
export interface Era {
  name: string;
  /** One Latin letter for short input (`R7.4.1`). */
  letter: string;
  /** First day (YYYY-MM-DD). */
  start: string;
}

/**
 * The era table is data (spec §1.3.6: a new era is a parameter, not a program change): `reference/eras.json`, or the file
 * named by `JICHI_ERA_FILE`; a new era is one more row. Read once at start and checked (newest first, distinct names and
 * letters, real days in order). Every date in the platform (this module; certificates and screens use it) follows it.
 */
export const ERA_FILE = process.env.JICHI_ERA_FILE || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'reference', 'eras.json');

/** Checks an era table; returns it newest first. @throws Error naming the defect */
export function checkEraTable(rows: unknown): Era[] {
  if (!Array.isArray(rows) || rows.length === 0) throw new Error('元号表が空です');
  const eras = rows.map((r, i) => {
    const e = r as Partial<Era>;
    if (typeof e.name !== 'string' || !/^\p{Script=Han}{1,4}$/u.test(e.name)) throw new Error(`元号表 ${i + 1}行目: 元号名が正しくありません`);
    if (typeof e.letter !== 'string' || !/^[A-Z]$/.test(e.letter)) throw new Error(`元号表 ${i + 1}行目: 略号は英大文字1字です`);
    if (typeof e.start !== 'string' || !isCalendarDate(e.start)) throw new Error(`元号表 ${i + 1}行目: 開始日が正しくありません`);
    return { name: e.name, letter: e.letter, start: e.start };
  }).sort((a, b) => (a.start < b.start ? 1 : -1));
  if (new Set(eras.map((e) => e.name)).size !== eras.length || new Set(eras.map((e) => e.letter)).size !== eras.length) throw new Error('元号表に同じ元号名又は略号があります');
  if (new Set(eras.map((e) => e.start)).size !== eras.length) throw new Error('元号表に同じ開始日があります');
  return eras;
}

/** 元号 with the first day of each era, newest first (from the era table). */
export const ERAS: Era[] = checkEraTable(JSON.parse(fs.readFileSync(ERA_FILE, 'utf8')));
let eraPattern = buildEraPattern();

function buildEraPattern() {
  return new RegExp(`(${ERAS.map((e) => e.name).join('|')}|[${ERAS.map((e) => e.letter + e.letter.toLowerCase()).join('')}])\\s*(\\d{1,2})(?:[年.\\/\\-]\\s*(?:(\\d{1,2})\\s*[月.\\/\\-]?\\s*(?:(\\d{1,2})\\s*日?)?)?)?`);
}

/** Replaces the era table in this process (a new era read from an updated table without a restart; tests). */
export function installEraTable(rows: unknown): void {
  const eras = checkEraTable(rows);
  ERAS.splice(0, ERAS.length, ...eras);
  eraPattern = buildEraPattern();
}

/** A pattern that matches the start of an era date (「令和7」「R7」), for screens that tell dates from names. */
export function eraDatePrefix(): RegExp {
  return new RegExp(`^(${ERAS.map((e) => e.name).join('|')}|[${ERAS.map((e) => e.letter + e.letter.toLowerCase()).join('')}]\\s*\\d)`);
}

/** A legal date: day, month or year precision, or wholly unknown (年月日不詳). */
export interface LegalDate {
  /** Sortable key: the first day the date can mean ('0000-01-01' when unknown); may be non-calendar. */
  sortKey: string;
  precision: 'day' | 'month' | 'year' | 'unknown';
  /** The legal text of a vague date (「昭和40年頃」), kept as written. */
  text?: string;
}

/** Thrown for text that is no legal date. */
export class InvalidLegalDateError extends Error {
  constructor(readonly input: string, readonly reason: string) {
    super(reason);
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** True when `iso` (YYYY-MM-DD) is a real calendar day. */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Adds days to a calendar date. */
export function addDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  const d = new Date(t);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The era of a day (by its sort key). */
export function eraOf(iso: string) {
  return ERAS.find((e) => iso >= e.start);
}

/** Formats a day in 和暦: `昭和40年1月2日`, year 1 as 元年. */
export function toWareki(iso: string, precision: LegalDate['precision'] = 'day'): string {
  const y = Number(iso.slice(0, 4));
  const era = eraOf(iso) ?? ERAS[ERAS.length - 1]!;
  const ey = y - Number(era.start.slice(0, 4)) + 1;
  const year = `${era.name}${ey === 1 ? '元' : ey}年`;
  if (precision === 'year') return year;
  if (precision === 'month') return `${year}${Number(iso.slice(5, 7))}月`;
  return `${year}${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** Formats a day in 西暦, e.g. `1990年4月1日` (foreign residents' dates, spec §1.1.9). */
export function toSeireki(iso: string, precision: LegalDate['precision'] = 'day'): string {
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  if (precision === 'year') return `${y}年`;
  if (precision === 'month') return `${y}年${m}月`;
  return `${y}年${m}月${d}日`;
}

/** Formats a legal date for display: 和暦 for Japanese residents, 西暦 for foreign residents (spec §1.1.9); vague dates print their legal text as recorded (「昭和40年頃」, 「年月日不詳」). */
export function formatLegalDate(d: LegalDate, calendar: 'wareki' | 'seireki'): string {
  if (d.precision === 'unknown') return d.text ?? '年月日不詳';
  if (d.text) return d.text;
  return calendar === 'wareki' ? toWareki(d.sortKey, d.precision) : toSeireki(d.sortKey, d.precision);
}

/** An instant as the 和暦 day and the time in Japan, e.g. 「令和8年12月3日 14:05」 (empty for none). */
export function toWarekiDateTime(instant: Date | string | null | undefined): string {
  if (!instant) return '';
  const jst = new Date(new Date(instant).getTime() + 9 * 3600_000).toISOString();
  return `${toWareki(jst.slice(0, 10))} ${jst.slice(11, 16)}`;
}

/** Today's date in Japan (JST, no daylight saving) as 'YYYY-MM-DD'. */
export function japanDay(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}


function eraByToken(token: string) {
  const t = token.toUpperCase();
  return ERAS.find((e) => e.name === token || e.letter === t);
}

/** Converts an era year to the Western year, or undefined if out of the era. */
function eraYear(eraToken: string, y: number) {
  const era = eraByToken(eraToken);
  if (!era || y < 1) return undefined;
  return { era, year: Number(era.start.slice(0, 4)) + y - 1 };
}

const VAGUE_MARKERS = /(頃|ごろ|推定|上旬|中旬|下旬|春|夏|秋|冬|以前|以降|から|までの間|不詳|不明)/;

/** The first day of the earliest era (明治元年1月1日 = 1868-01-25): no legal date lies before it. */
export const EARLIEST_DAY = ERAS[ERAS.length - 1]!.start;
const earliestDay = () => ERAS[ERAS.length - 1]!.start;

/**
 * Era changes that fell on the same day: that day is both the old era's last and the new era's first day in
 * old 戸籍 (明治45年7月30日 = 大正元年7月30日, 大正15年12月25日 = 昭和元年12月25日). On the calendar the old era
 * ended the day before (明治45年7月29日, 大正15年12月24日), so the old-era form is a non-calendar date (spec §1.1.8).
 */
const SAME_DAY_BOUNDARIES = new Set(['明治', '大正']);

/**
 * Parses a legal date: 西暦 `1965-01-02` (also `1965-1-2`, `1965/1/2`, `19650102`), 和暦 `昭和40年1月2日` (元年, full-width digits), `S40.1.2`, or a vague
 * form (`昭和40年頃`, `昭和40年1月`, `推定昭和40年1月2日`, `年月日不詳`). A date lies within its era (昭和64年1月7日
 * and 平成31年4月30日 are the last days of theirs) and not before 明治 (the earliest era).
 *
 * Non-calendar days (2月29日 of a common year, the same-day boundary 明治45年7月30日) are allowed only when
 * `allowNonCalendar`: spec §1.1.8 keeps them for dates already recorded that way (生年月日 etc. from 戸籍 or a
 * former system, i.e. imports and corrections); a vague date (「頃」「推定」…) is kept as its legal text.
 * @throws InvalidLegalDateError
 */
export function parseLegalDate(input: string, opts: { allowNonCalendar?: boolean } = {}): LegalDate {
  const raw = input.trim();
  const s = toAsciiDigits(raw).replace(/元年/g, '1年');
  if (/^(年月日)?不詳$/.test(s)) return { sortKey: '0000-01-01', precision: 'unknown', text: raw === '不詳' ? '年月日不詳' : raw };
  const vague = VAGUE_MARKERS.test(s);
  let y: number | undefined, m: number | undefined, d: number | undefined;
  let eraCheck: Era | undefined;
  let mt: RegExpExecArray | null;
  if ((mt = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    // 西暦 as typed at the counter: 2025-04-01, 2025-4-1, 2025/4/1, 20250401.
    [y, m, d] = [Number(mt[1]), Number(mt[2]), mt[3] ? Number(mt[3]) : undefined];
  } else if ((mt = eraPattern.exec(s))) {
    const ey = eraYear(mt[1]!, Number(mt[2]));
    if (!ey) throw new InvalidLegalDateError(raw, '元号の年が正しくありません');
    [y, m, d] = [ey.year, mt[3] ? Number(mt[3]) : undefined, mt[4] ? Number(mt[4]) : undefined];
    eraCheck = ey.era;
  } else if ((mt = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?/.exec(s))) {
    [y, m, d] = [Number(mt[1]), mt[2] ? Number(mt[2]) : undefined, mt[3] ? Number(mt[3]) : undefined];
  } else {
    throw new InvalidLegalDateError(raw, '日付として読み取れません（例: 昭和40年1月2日、1965-01-02）');
  }
  if (m !== undefined && (m < 1 || m > 12)) throw new InvalidLegalDateError(raw, '月が正しくありません');
  if (d !== undefined && (d < 1 || d > 31)) throw new InvalidLegalDateError(raw, '日が正しくありません');
  const precision = d !== undefined ? 'day' : m !== undefined ? 'month' : 'year';
  const sortKey = `${pad(y!, 4)}-${pad(m ?? 1)}-${pad(d ?? 1)}`;
  /** The last day the date can mean (for month and year precision, the end of the period). */
  const lastKey = precision === 'day' ? sortKey : precision === 'month' ? `${sortKey.slice(0, 8)}31` : `${pad(y!, 4)}-12-31`;
  if (lastKey < earliestDay()) throw new InvalidLegalDateError(raw, '明治より前の日付は入力できません');
  let boundary = false;
  if (eraCheck) {
    const next = ERAS[ERAS.indexOf(eraCheck) - 1];
    // The date (or some day of its month or year) lies within the era: from its first day to the day before the next era.
    if (lastKey < eraCheck.start) throw new InvalidLegalDateError(raw, `${eraCheck.name}の始まる前の日付です`);
    if (next && sortKey >= next.start) {
      boundary = precision === 'day' && sortKey === next.start && SAME_DAY_BOUNDARIES.has(eraCheck.name);
      if (!boundary || !opts.allowNonCalendar) {
        throw new InvalidLegalDateError(raw, `${eraCheck.name}の終わった後の日付です（${eraCheck.name}は${toWareki(addDays(next.start, -1))}まで）`);
      }
    }
  }
  if (precision === 'day' && !isCalendarDate(sortKey) && (!opts.allowNonCalendar || d! > daysInMonth(y!, m!) + 1)) {
    throw new InvalidLegalDateError(raw, '暦にない日付です');
  }
  if (vague) return { sortKey, precision, text: raw };
  // A same-day boundary date keeps its era as written (明治45年7月30日, not 大正元年7月30日).
  if (boundary) return { sortKey, precision, text: `${eraCheck!.name}${y! - Number(eraCheck!.start.slice(0, 4)) + 1}年${m}月${d}日` };
  return { sortKey, precision };
}

/** Parses a plain calendar date (異動日, 届出日): ISO or 和暦, day precision, real calendar day. */
export function parseCalendarDate(input: string): string {
  const d = parseLegalDate(input);
  if (d.precision !== 'day' || d.text) throw new InvalidLegalDateError(input, '年月日をすべて入力してください');
  return d.sortKey;
}

/**
 * Reads a birth-date search term in 和暦 or 西暦 (`S40`, `昭和40年1月`, `H3.2.29`, `1965`, `19650102`) as an
 * inclusive range of sort keys.
 */
export function parseDateQuery(q: string): { from: string; to: string } | undefined {
  const s = toAsciiDigits(q.trim());
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  let d: LegalDate;
  try {
    d = parseLegalDate(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : s, { allowNonCalendar: true });
  } catch {
    return undefined;
  }
  if (d.precision === 'unknown') return { from: '0000-01-01', to: '0000-01-01' };
  const y = d.sortKey.slice(0, 4);
  if (d.precision === 'year') {
    // An era year such as 平成元年 starts inside the Western year; the range is the whole Western year.
    return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
  if (d.precision === 'month') return { from: d.sortKey.slice(0, 8) + '01', to: d.sortKey.slice(0, 8) + '31' };
  return { from: d.sortKey, to: d.sortKey };
}

/** Age in whole years on `on` for a birth sort key (年齢計算: the day before the birthday counts, simplified to the birthday). */
export function ageOn(birthSortKey: string, on: string): number {
  const by = Number(birthSortKey.slice(0, 4));
  const years = Number(on.slice(0, 4)) - by;
  return on.slice(5) >= birthSortKey.slice(5) ? years : years - 1;
}
