// SPDX-License-Identifier: EUPL-1.2
/**
 * DV等支援措置 rules, pure (spec §1.1.16, §3.4; resident-registry.md §3.5): the period (start + 1 year − 1 day
 * by default), when a measure protects a person, when the clerk is alerted, and explicit endings. A measure
 * never lapses by itself: after its end date it still protects until someone ends it (or registers an
 * extension), and the clerk sees an alert — forgetting an extension must not expose a victim.
 */
import { addDays, InvalidLegalDateError, parseCalendarDate } from '../../../platform/dates/jp-date.ts';
import { alert, fail, type Alert } from '../registry-errors.ts';

/** Kinds of measure: DV, ストーカー行為等, 児童虐待等, and those similar to them. */
export const SUPPORT_MEASURE_KINDS = ['dv', 'stalking', 'child-abuse', 'other'] as const;
export type SupportMeasureKind = (typeof SUPPORT_MEASURE_KINDS)[number];
export const SUPPORT_MEASURE_LABELS: Record<SupportMeasureKind, string> = {
  dv: 'DV', stalking: 'ストーカー行為等', 'child-abuse': '児童虐待等', other: 'その他これらに準ずる行為',
};

/** A measure as stored. */
export interface SupportMeasure {
  supportMeasureId: string;
  personId: string;
  kind: SupportMeasureKind;
  startsOn: string;
  endsOn: string;
  requestingBody: string;
  note: string;
  endedOn: string | null;
  endReason: string | null;
}

function calendar(text: string): string {
  try {
    return parseCalendarDate(text);
  } catch (e) {
    if (e instanceof InvalidLegalDateError) fail('invalid-date', { reason: e.reason });
    throw e;
  }
}

/** The default end: one year less a day after the start (2020-04-01 → 2021-03-31). */
export function defaultEndsOn(startsOn: string): string {
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0); // 2/29 → 2/28 of the next year
  return addDays(next.toISOString().slice(0, 10), -1);
}

/** Validates a new measure's dates; returns the normalised period. */
export function planSupportMeasure(input: { startsOn: string; endsOn?: string }): { startsOn: string; endsOn: string } {
  const startsOn = calendar(input.startsOn);
  const endsOn = input.endsOn ? calendar(input.endsOn) : defaultEndsOn(startsOn);
  if (endsOn < startsOn) fail('support-measure-dates');
  return { startsOn, endsOn };
}

/** Validates an explicit ending (終了): once only, not before the start. */
export function planEnding(m: Pick<SupportMeasure, 'startsOn' | 'endedOn'>, endedOnText: string): string {
  if (m.endedOn) fail('support-measure-ended');
  const endedOn = calendar(endedOnText);
  if (endedOn < m.startsOn) fail('support-measure-dates');
  return endedOn;
}

/** True when the measure protects the person on `day`: started, and not explicitly ended before `day`. */
export function isSupportMeasureActive(m: Pick<SupportMeasure, 'startsOn' | 'endedOn'>, day: string): boolean {
  return m.startsOn <= day && (m.endedOn === null || day <= m.endedOn);
}

/** Alerts for the clerk: the person is protected; the period ends within a month or has passed without an ending. */
export function supportMeasureAlerts(measures: ReadonlyArray<Pick<SupportMeasure, 'startsOn' | 'endsOn' | 'endedOn'>>, today: string): Alert[] {
  const active = measures.filter((m) => isSupportMeasureActive(m, today));
  if (active.length === 0) return [];
  const out = [alert('support-measure-subject')];
  if (active.some((m) => addDays(today, 31) >= m.endsOn)) out.push(alert('support-measure-expiring'));
  return out;
}

/** What a registry view shows of an active measure: its period and whether it ends soon or has passed its end date. */
export interface SupportMeasureNotice {
  startsOn: string;
  endsOn: string;
  /** The end date is within a month (延長の申出 may be due). */
  expiring: boolean;
  /** The end date has passed without an explicit ending: still protected (the measure never lapses by itself). */
  overdue: boolean;
}

/** The measures protecting a person on `today`, as notices for the registry views (period only, no details). */
export function supportMeasureNotices(measures: ReadonlyArray<Pick<SupportMeasure, 'startsOn' | 'endsOn' | 'endedOn'>>, today: string): SupportMeasureNotice[] {
  return measures.filter((m) => isSupportMeasureActive(m, today)).map((m) => ({
    startsOn: m.startsOn, endsOn: m.endsOn, overdue: m.endsOn < today, expiring: m.endsOn >= today && addDays(today, 31) >= m.endsOn,
  }));
}

/** Roles of the other persons of a measure: 併せて支援を求める者 (protected like the 申出者) and the 加害者. */
export const SUPPORT_PARTY_ROLES = ['co-protected', 'perpetrator'] as const;
export type SupportPartyRole = (typeof SUPPORT_PARTY_ROLES)[number];
export const SUPPORT_PARTY_ROLE_LABELS: Record<SupportPartyRole, string> = { 'co-protected': '併せて支援を求める者', perpetrator: '加害者' };

/**
 * 延長 (spec §3.4): on the 申出者's request from one month before the end date (or after it, while not ended); the
 * new period runs one year from the day after the old end (2021-03-31 → 2022-03-31).
 */
export function planExtension(m: Pick<SupportMeasure, 'endsOn' | 'endedOn'>, requestedOnText: string, today: string): { requestedOn: string; newEndsOn: string } {
  if (m.endedOn) fail('support-measure-ended');
  const requestedOn = calendar(requestedOnText);
  if (requestedOn > today) fail('support-measure-dates');
  if (requestedOn < addDays(m.endsOn, -31)) fail('support-measure-extension-too-early');
  return { requestedOn, newEndsOn: defaultEndsOn(addDays(m.endsOn, 1)) };
}

/** 終了通知 (spec §3.4): measures in force whose end date falls within `days` from today or has passed without an ending. */
export function endingSoon<T extends Pick<SupportMeasure, 'startsOn' | 'endsOn' | 'endedOn'>>(measures: readonly T[], today: string, days = 31): T[] {
  return measures.filter((m) => isSupportMeasureActive(m, today) && m.endsOn <= addDays(today, days)).sort((a, b) => a.endsOn.localeCompare(b.endsOn));
}
