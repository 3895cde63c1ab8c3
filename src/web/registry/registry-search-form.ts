// SPDX-License-Identifier: EUPL-1.2
/**
 * The 住民検索 form's more conditions (spec §2.1.3) as typed, the service query they make, and a form filled from
 * a search history entry's criteria (spec §2.1.1). Pure.
 */
import { EMPTY_ITEMS, REMOVAL_REASONS, type SavedCriteria } from '../../domains/registry/index.ts';
import { toAsciiDigits } from '../../platform/text/ascii-digits.ts';

/** The more conditions of the search form, in their order on the page. */
export const ADVANCED_KEYS = ['atenaNo', 'householdNo', 'sex', 'relationship', 'removalReason', 'emptyItem', 'birthFrom', 'birthTo', 'changedFrom', 'changedTo'] as const;
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
    birthFrom?: string; birthTo?: string; changedFrom?: string; changedTo?: string } = {};
  if (a.atenaNo) out.atenaNo = digits(a.atenaNo);
  if (a.householdNo) out.householdNo = digits(a.householdNo);
  if (a.sex === 'male' || a.sex === 'female') out.sex = a.sex;
  if (a.relationship) out.relationship = a.relationship;
  const reason = REMOVAL_REASONS.find((r) => r === a.removalReason);
  if (reason) out.removalReason = reason;
  const empty = EMPTY_ITEMS.find((i) => i === a.emptyItem);
  if (empty) out.emptyItem = empty;
  for (const k of ['birthFrom', 'birthTo', 'changedFrom', 'changedTo'] as const) if (a[k]) out[k] = a[k];
  return out;
}

/** The search form showing a history entry's criteria (the box holds the name, address, birth date or identifier). */
export function formFromCriteria(c: SavedCriteria): SearchForm {
  const q = [c.name, c.address, c.residentCode, c.residenceCardNo].filter(Boolean).join(' ');
  const advanced = Object.fromEntries(ADVANCED_KEYS.map((k) => [k, String(c[k] ?? '')])) as AdvancedForm;
  return { q: c.birthDate ? `${q} ${c.birthDate}`.trim() : q, mode: c.mode ?? 'prefix', includeRemoved: !!c.includeRemoved, purpose: c.purpose ?? '', advanced };
}
