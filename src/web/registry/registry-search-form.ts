// SPDX-License-Identifier: EUPL-1.2
/**
 * The 住民検索 form's more conditions (spec §2.1.3) as typed, the service query they make, and a form filled from
 * a search history entry's criteria (spec §2.1.1). Pure.
 */
import { EMPTY_ITEMS, REMOVAL_REASONS, type SavedCriteria } from '../../domains/registry/index.ts';
import { toAsciiDigits } from '../../platform/text/ascii-digits.ts';

/** The more conditions of the search form, in their order on the page. */
export const ADVANCED_KEYS = ['atenaNo', 'householdNo', 'sex', 'relationship', 'removalReason', 'emptyItem', 'birthFrom', 'birthTo', 'changedFrom', 'changedTo', 'pastAddress'] as const;
export type AdvancedForm = Record<(typeof ADVANCED_KEYS)[number], string>;

/** What the search form holds. */
export interface SearchForm {
  q: string;
  mode: string;
  includeRemoved: boolean;
  purpose: string;
  /** The more conditions as typed. */
  advanced: AdvancedForm;
}

const digits = (s: string) => toAsciiDigits(s).replace(/[\s\-－ー]/g, '');

/** The service query of the more conditions (empty ones left out; a 性別 or 消除事由 outside the list is ignored). */
export function advancedQuery(a: AdvancedForm) {
  const out: { atenaNo?: string; householdNo?: string; sex?: 'male' | 'female'; relationship?: string; removalReason?: (typeof REMOVAL_REASONS)[number]; emptyItem?: (typeof EMPTY_ITEMS)[number];
    birthFrom?: string; birthTo?: string; changedFrom?: string; changedTo?: string; pastAddress?: boolean } = {};
  if (a.atenaNo) out.atenaNo = digits(a.atenaNo);
  if (a.householdNo) out.householdNo = digits(a.householdNo);
  if (a.sex === 'male' || a.sex === 'female') out.sex = a.sex;
  if (a.relationship) out.relationship = a.relationship;
  const reason = REMOVAL_REASONS.find((r) => r === a.removalReason);
  if (reason) out.removalReason = reason;
  const empty = EMPTY_ITEMS.find((i) => i === a.emptyItem);
  if (empty) out.emptyItem = empty;
  for (const k of ['birthFrom', 'birthTo', 'changedFrom', 'changedTo'] as const) if (a[k]) out[k] = a[k];
  // 過去の住所・転入前住所 (a checkbox; `true` when filled from a search history entry).
  if (a.pastAddress === '1' || a.pastAddress === 'true') out.pastAddress = true;
  return out;
}

/** The URL that shows the search form again with `ch` appended to the search box (the 外字 picker without script). */
export function composeUrl(f: SearchForm, ch: string): string {
  const u = new URLSearchParams({ q: f.q + ch });
  if (f.mode !== 'prefix') u.set('mode', f.mode);
  if (f.purpose) u.set('purpose', f.purpose);
  if (f.includeRemoved) u.set('includeRemoved', '1');
  for (const k of ADVANCED_KEYS) if (f.advanced[k]) u.set(k, f.advanced[k]);
  u.set('compose', '1');
  return `/console/registry?${u.toString()}`;
}

/** The search form showing a history entry's criteria (the box holds the name, address, birth date or identifier). */
export function formFromCriteria(c: SavedCriteria): SearchForm {
  const q = [c.name, c.address, c.residentCode, c.residenceCardNo].filter(Boolean).join(' ');
  const advanced = Object.fromEntries(ADVANCED_KEYS.map((k) => [k, k === 'pastAddress' ? (c.pastAddress ? '1' : '') : String(c[k] ?? '')])) as AdvancedForm;
  return { q: c.birthDate ? `${q} ${c.birthDate}`.trim() : q, mode: c.mode ?? 'prefix', includeRemoved: !!c.includeRemoved, purpose: c.purpose ?? '', advanced };
}
