// SPDX-License-Identifier: EUPL-1.2
/**
 * Frequencies of recurring batch work (spec §9.1 スケジューラ: 日付指定, 毎日, 毎週, 毎月, 月末, 毎年) and the rule
 * for the next run day. Days are Japan calendar days (YYYY-MM-DD). A monthly day beyond a month's length (31 in April,
 * 29–31 in February) runs on that month's last day; so does 2月29日 yearly in a common year.
 */
import { addDays } from '../../../platform/dates/jp-date.ts';

export type BatchFrequency =
  | { every: 'once'; on: string }
  | { every: 'daily' }
  | { every: 'weekly'; weekday: number } // 0 = 日曜日 … 6 = 土曜日
  | { every: 'monthly'; day: number } // 1–31
  | { every: 'month-end' }
  | { every: 'yearly'; month: number; day: number };

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay(y, m))).padStart(2, '0')}`;

/** Whether the schedule runs on `day`. */
export function runsOn(f: BatchFrequency, day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  switch (f.every) {
    case 'once': return day === f.on;
    case 'daily': return true;
    case 'weekly': return new Date(`${day}T00:00:00Z`).getUTCDay() === f.weekday;
    case 'monthly': return day === iso(y, m, f.day);
    case 'month-end': return d === lastDay(y, m);
    case 'yearly': return m === f.month && day === iso(y, m, f.day);
  }
}

/** The first run day on or after `from` (undefined for a one-off date already past). */
export function firstRunOn(f: BatchFrequency, from: string): string | undefined {
  if (f.every === 'once') return f.on >= from ? f.on : undefined;
  let day = from;
  for (let i = 0; i < 400; i++, day = addDays(day, 1)) if (runsOn(f, day)) return day;
  return undefined;
}

/** The next run day strictly after `day` (undefined for a one-off). */
export const nextRunAfter = (f: BatchFrequency, day: string): string | undefined => (f.every === 'once' ? undefined : firstRunOn(f, addDays(day, 1)));

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The frequency in words (Japanese or English); a one-off's date is given by the caller already formatted. */
export function frequencyText(f: BatchFrequency, lang: 'ja' | 'en', onText = ''): string {
  const ja = lang === 'ja';
  switch (f.every) {
    case 'once': return ja ? `${onText}に1回` : `Once on ${onText}`;
    case 'daily': return ja ? '毎日' : 'Daily';
    case 'weekly': return ja ? `毎週${WEEKDAYS[f.weekday]}曜日` : `Weekly on ${WEEKDAYS_EN[f.weekday]}`;
    case 'monthly': return ja ? `毎月${f.day}日（ない月は末日）` : `Monthly on day ${f.day} (last day if shorter)`;
    case 'month-end': return ja ? '毎月末日' : 'Month-end';
    case 'yearly': return ja ? `毎年${f.month}月${f.day}日` : `Yearly on ${f.month}/${f.day}`;
  }
}
