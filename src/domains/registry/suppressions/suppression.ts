// SPDX-License-Identifier: EUPL-1.2
/**
 * 抑止 rules, pure (spec §3.1, §3.2, §9.2): which operations are stopped or warned about for a person today, given
 * the suppressions on the person and on their household and the temporary liftings in force. A suppression
 * never ends by itself (only an explicit 解除); a temporary lifting ends at its time and the suppression applies
 * again. Liftings are local: what other systems receive (the change feed) ignores them.
 */
import { InvalidLegalDateError, parseCalendarDate } from '../../../platform/dates/jp-date.ts';
import { fail } from '../registry-errors.ts';

/** Operations a suppression can stop: 証明書発行, 照会・検索, 異動入力, 連携 (change feed), 閲覧, 抽出 (CSV export). */
export const SUPPRESSION_OPERATIONS = ['certificate', 'inquiry', 'change', 'feed', 'inspection', 'export'] as const;
export type SuppressionOperation = (typeof SUPPRESSION_OPERATIONS)[number];
export const SUPPRESSION_OPERATION_LABELS: Record<SuppressionOperation, string> = {
  certificate: '証明書発行', inquiry: '照会・検索', change: '異動入力', feed: '他システム連携', inspection: '閲覧', export: '抽出',
};
export const SUPPRESSION_LEVELS = ['error', 'alert'] as const;
export type SuppressionLevel = (typeof SUPPRESSION_LEVELS)[number];
export const SUPPRESSION_LEVEL_LABELS: Record<SuppressionLevel, string> = { error: 'エラー（処理不可）', alert: 'アラート（警告）' };
/** The longest temporary lifting (一時解除), in minutes: a working day. */
export const MAX_LIFT_MINUTES = 8 * 60;

/** A suppression as stored. */
export interface Suppression {
  suppressionId: string;
  subjectType: 'person' | 'household';
  subjectId: string;
  operation: SuppressionOperation;
  level: SuppressionLevel;
  reason: string;
  startsOn: string;
  endedOn: string | null;
}
/** A temporary lifting as stored. */
export interface SuppressionLift { suppressionId: string; liftedFrom: Date | string; liftedUntil: Date | string }

export function calendarDay(text: string): string {
  try {
    return parseCalendarDate(text);
  } catch (e) {
    if (e instanceof InvalidLegalDateError) fail('invalid-date', { reason: e.reason });
    throw e;
  }
}

/** True when the suppression applies on `day` (started, not ended). */
export function isSuppressionActive(s: Pick<Suppression, 'startsOn' | 'endedOn'>, day: string): boolean {
  return s.startsOn <= day && (s.endedOn === null || day < s.endedOn);
}

/** True when a temporary lifting of this suppression is in force at `now`. */
export function isLifted(s: Pick<Suppression, 'suppressionId'>, lifts: readonly SuppressionLift[], now: Date): boolean {
  const t = now.getTime();
  return lifts.some((l) => l.suppressionId === s.suppressionId && new Date(l.liftedFrom).getTime() <= t && t < new Date(l.liftedUntil).getTime());
}

/** The effect of the suppressions on one person's operation: error beats alert; none when nothing applies. */
export type SuppressionEffect = SuppressionLevel | null;

/**
 * The level at which `operation` is suppressed for a person in household `householdId` (or none).
 * @param local false for what other systems receive: temporary liftings are not propagated (spec §3.1)
 */
export function suppressionEffect(all: readonly Suppression[], lifts: readonly SuppressionLift[], subject: { personId: string; householdId?: string },
  operation: SuppressionOperation, now: Date, day: string, local = true): SuppressionEffect {
  let level: SuppressionEffect = null;
  for (const s of all) {
    if (s.operation !== operation || !isSuppressionActive(s, day)) continue;
    const hits = (s.subjectType === 'person' && s.subjectId === subject.personId) || (s.subjectType === 'household' && s.subjectId === subject.householdId);
    if (!hits || (local && isLifted(s, lifts, now))) continue;
    if (s.level === 'error') return 'error';
    level = 'alert';
  }
  return level;
}

/** Validates an explicit 解除: once, not before the start. */
export function planSuppressionEnd(s: Pick<Suppression, 'startsOn' | 'endedOn'>, endedOnText: string): string {
  if (s.endedOn) fail('suppression-ended');
  const endedOn = calendarDay(endedOnText);
  if (endedOn < s.startsOn) fail('suppression-dates');
  return endedOn;
}

/** Validates a temporary lifting: of an active suppression, for 1 minute to a working day. */
export function planLift(s: Pick<Suppression, 'startsOn' | 'endedOn'>, minutes: number, now: Date, day: string): { liftedFrom: Date; liftedUntil: Date } {
  if (!isSuppressionActive(s, day)) fail('suppression-not-active');
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LIFT_MINUTES) fail('suppression-lift-minutes');
  return { liftedFrom: now, liftedUntil: new Date(now.getTime() + minutes * 60_000) };
}
