// SPDX-License-Identifier: EUPL-1.2
/**
 * Business-day deadlines (行政手続法 標準処理期間・法定処理期間), pure: national holidays (@holiday-jp/holiday_jp,
 * maintained from the 内閣府 list), the 年末年始 closure (12/29–1/3, 行政機関の休日に関する法律 1条) and the
 * municipality's own closure days are not business days. The day of receipt is not counted (初日不算入,
 * 民法 140条); the clock stops while the case is suspended (補正待ち) and an extension adds business days.
 * Dates are ISO 'YYYY-MM-DD' text; no time zones are involved.
 */
import holidays from '@holiday-jp/holiday_jp/lib/holidays.js';

const HOLIDAYS = holidays as unknown as Record<string, { name: string }>;

/** A suspension of the clock: from `from` (inclusive) to `to` (exclusive, the day it resumed; null while open). */
export interface Suspension {
  from: string;
  to: string | null;
}

/** What the deadline of a case depends on. */
export interface DeadlineInput {
  /** 受付日. */
  receivedOn: string;
  /** Period in business days (legal period or service target). */
  periodDays: number;
  /** Business days added by extensions (延長). */
  extensionDays?: number;
  suspensions?: Suspension[];
  /** The municipality's closure days (ISO). */
  closures?: ReadonlySet<string>;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The next calendar day. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `iso` shifted by `days` calendar days. */
export function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The national holiday's name on the day, if any. */
export function holidayName(iso: string): string | undefined {
  return HOLIDAYS[iso]?.name;
}

/** True during the 年末年始 closure, 12/29–1/3. */
export function isYearEndClosure(iso: string): boolean {
  const md = iso.slice(5);
  return md >= '12-29' || md <= '01-03';
}

/** True when the offices are open: not Saturday or Sunday, a national holiday, 年末年始 or a closure day. */
export function isBusinessDay(iso: string, closures: ReadonlySet<string> = new Set()): boolean {
  if (!ISO.test(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !HOLIDAYS[iso] && !isYearEndClosure(iso) && !closures.has(iso);
}

function suspendedOn(iso: string, suspensions: Suspension[]): boolean {
  return suspensions.some((s) => iso >= s.from && (s.to === null || iso < s.to));
}

/**
 * The due date: the `periodDays + extensionDays`-th business day after the day of receipt, skipping days on
 * which the clock was stopped. Null while a suspension is open (the clock stands still; no date can be given).
 */
export function dueDate(input: DeadlineInput): string | null {
  const suspensions = input.suspensions ?? [];
  if (suspensions.some((s) => s.to === null)) return null;
  const closures = input.closures ?? new Set<string>();
  let remaining = input.periodDays + (input.extensionDays ?? 0);
  if (remaining <= 0) return input.receivedOn;
  let day = input.receivedOn;
  for (let guard = 0; guard < 20_000; guard++) {
    day = nextDay(day);
    if (isBusinessDay(day, closures) && !suspendedOn(day, suspensions)) {
      remaining--;
      if (remaining === 0) return day;
    }
  }
  throw new RangeError('deadline out of range');
}

/**
 * Business days from `from` (exclusive) to `to` (inclusive); negative when `to` is before `from`.
 * E.g. remaining business days until a due date, or days overdue.
 */
export function businessDaysBetween(from: string, to: string, closures: ReadonlySet<string> = new Set()): number {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  let [a, b] = sign > 0 ? [from, to] : [to, from];
  let n = 0;
  while (a < b) {
    a = nextDay(a);
    if (isBusinessDay(a, closures)) n++;
  }
  return n === 0 ? 0 : sign * n;
}

/** Where a case stands against its due date on `today`. */
export type DeadlineState = 'no-deadline' | 'suspended' | 'on-track' | 'due-soon' | 'overdue';

/** Classifies a due date: overdue after it, due soon within `soonDays` business days (inclusive). */
export function deadlineState(dueOn: string | null, today: string, opts: { suspended?: boolean; soonDays?: number; closures?: ReadonlySet<string> } = {}): DeadlineState {
  if (opts.suspended) return 'suspended';
  if (!dueOn) return 'no-deadline';
  if (today > dueOn) return 'overdue';
  return businessDaysBetween(today, dueOn, opts.closures) <= (opts.soonDays ?? 2) ? 'due-soon' : 'on-track';
}
