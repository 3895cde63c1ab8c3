// SPDX-License-Identifier: EUPL-1.2
/**
 * 職員アカウントの有効期間 (標準仕様書 §10.3, issue #13): an account may have a first and a last day (Japanese days,
 * inclusive). Pure rules; the service refuses sign-in outside them and the session lookup stops resolving.
 */
import { isCalendarDate } from '../../platform/dates/jp-date.ts';

/** A stored day (a `date` column read as text or as a local-midnight Date) as YYYY-MM-DD; null stays null. */
export function dayOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.slice(0, 10);
  const d = v as Date;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The problems of a validity period (field name and Japanese reason), empty when acceptable. */
export function validityProblems(validFrom: string | null | undefined, validTo: string | null | undefined): Array<{ name: string; code: string; reason: string }> {
  const out: Array<{ name: string; code: string; reason: string }> = [];
  if (validFrom && !isCalendarDate(validFrom)) out.push({ name: 'validFrom', code: 'invalid', reason: '有効期間の開始日が正しい日付ではありません' });
  if (validTo && !isCalendarDate(validTo)) out.push({ name: 'validTo', code: 'invalid', reason: '有効期間の終了日が正しい日付ではありません' });
  if (out.length === 0 && validFrom && validTo && validTo < validFrom) out.push({ name: 'validTo', code: 'invalid', reason: '有効期間の終了日は開始日以降にしてください' });
  return out;
}

/** True when `today` (YYYY-MM-DD, Japan) is within the account's validity (open ends allowed). */
export function isWithinValidity(row: { validFrom?: unknown; validTo?: unknown }, today: string): boolean {
  const from = dayOf(row.validFrom);
  const to = dayOf(row.validTo);
  return (!from || from <= today) && (!to || to >= today);
}
