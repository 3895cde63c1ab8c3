// SPDX-License-Identifier: EUPL-1.2
/**
 * 和暦 display of legal dates on certificates (spec §1.1.9: 和暦 for Japanese residents; birth dates and
 * 在留期間満了日 of foreign residents in 西暦). Pure; works on 'YYYY-MM-DD' keys, never on JS `Date`.
 */
import type { LegalDate } from './certificate-model.ts';

/** 元号 with the first day of each era (newest first). */
const ERAS = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  { name: '明治', start: '1868-01-25' },
] as const;

/** Formats a day as 和暦, e.g. `令和7年4月1日`; the first year of an era is `元年`. */
export function toWareki(iso: string, precision: LegalDate['precision'] = 'day'): string {
  const era = ERAS.find((e) => iso >= e.start) ?? ERAS[ERAS.length - 1]!;
  const ey = Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
  const year = `${era.name}${ey === 1 ? '元' : ey}年`;
  if (precision === 'year') return year;
  if (precision === 'month') return `${year}${Number(iso.slice(5, 7))}月`;
  return `${year}${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** Formats a day in 西暦, e.g. `1990年4月1日`. */
export function toSeireki(iso: string, precision: LegalDate['precision'] = 'day'): string {
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  if (precision === 'year') return `${y}年`;
  if (precision === 'month') return `${y}年${m}月`;
  return `${y}年${m}月${d}日`;
}

/** Formats a legal date; vague dates print their legal text as recorded (「昭和40年頃」, 「年月日不詳」). */
export function formatLegalDate(d: LegalDate, calendar: 'wareki' | 'seireki'): string {
  if (d.precision === 'unknown') return d.text ?? '年月日不詳';
  if (d.text) return d.text;
  return calendar === 'wareki' ? toWareki(d.sortKey, d.precision) : toSeireki(d.sortKey, d.precision);
}

/** Today's date in Japan (JST, no daylight saving) as 'YYYY-MM-DD'. */
export function japanDay(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
