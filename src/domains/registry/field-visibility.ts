// SPDX-License-Identifier: EUPL-1.2
/**
 * 項目単位の表示制御 (標準仕様書 §10.4, issue #13): 戸籍の表示 (本籍・筆頭者), 住民票コード and 在留資格等 (在留資格, 在留期間,
 * 在留期間の満了の日, and 1.1.2's 上陸期間, 仮滞在期間, 経過滞在の事由) are shown only to staff whose roles allow them, on every screen and in the API; everyone else
 * gets them masked. The 個人番号 has its own, stricter rule (masked for all, revealed with a purpose). Pure: the
 * permissions decide what is visible, this module masks a record and says which items a read disclosed.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { can, type Action } from '../../platform/auth/permissions.ts';
import type { PersonRecord } from './registry-model.ts';
import type { DiffItem, DiffRow } from './changes/change-diff.ts';

/** The items shown by permission: `domicile` 本籍・筆頭者, `resident-code` 住民票コード, `residence-status` 在留資格等. */
export const RESTRICTED_ITEMS = ['domicile', 'resident-code', 'residence-status'] as const;
export type RestrictedItem = (typeof RESTRICTED_ITEMS)[number];

const PERMISSION: Record<RestrictedItem, Action> = {
  domicile: 'registry:view-domicile',
  'resident-code': 'registry:view-resident-code',
  'residence-status': 'registry:view-residence-status',
};

/** What a masked text item shows (full-width asterisks, never the length of the value). */
export const MASKED_TEXT = '＊＊＊＊';
/** What a masked 住民票コード shows (11 characters, like the 個人番号's 12). */
export const MASKED_RESIDENT_CODE = '***********';

/** The restricted items the actor may see. */
export function visibleItems(actor: Pick<Actor, 'roles' | 'contractor'>): ReadonlySet<RestrictedItem> {
  return new Set(RESTRICTED_ITEMS.filter((item) => can(actor, PERMISSION[item])));
}

/** The restricted items a record carries (a value to show or to hide). */
export function itemsOf(r: PersonRecord): RestrictedItem[] {
  const out: RestrictedItem[] = [];
  if (r.honseki || r.hittosha) out.push('domicile');
  if (r.residentCode) out.push('resident-code');
  const f = r.foreign;
  if (f && (f.residenceStatus || f.residencePeriod || f.residenceExpiry || f.landingPeriodEnd || f.provisionalStayEnd || f.transitionalCause)) out.push('residence-status');
  return out;
}

/**
 * The record as the actor may see it: every restricted item the actor may not see replaced by a mask (an absent
 * item stays absent), with the list of items masked. Never changes `r`.
 */
export function maskRecord(r: PersonRecord, visible: ReadonlySet<RestrictedItem>): { record: PersonRecord; masked: RestrictedItem[] } {
  const masked = itemsOf(r).filter((item) => !visible.has(item));
  if (masked.length === 0) return { record: r, masked };
  const out: PersonRecord = { ...r };
  const hide = (v: string | undefined) => (v ? MASKED_TEXT : v);
  if (masked.includes('domicile')) {
    out.honseki = hide(r.honseki);
    out.hittosha = hide(r.hittosha);
    // The structured 本籍 (都道府県・市区町村・町字・郵便番号) is the 本籍 too: left out.
    delete out.honsekiDetail;
  }
  if (masked.includes('resident-code')) out.residentCode = MASKED_RESIDENT_CODE;
  if (masked.includes('residence-status') && r.foreign) {
    out.foreign = { ...r.foreign, residenceStatus: hide(r.foreign.residenceStatus), residencePeriod: hide(r.foreign.residencePeriod) };
    // The expiry and the 上陸期間・仮滞在期間 are dates (shown formatted); masked, they are left out and listed in `masked`.
    delete out.foreign.residenceExpiry;
    delete out.foreign.landingPeriodEnd;
    delete out.foreign.provisionalStayEnd;
    if (r.foreign.transitionalCause) out.foreign.transitionalCause = MASKED_TEXT as never;
  }
  return { record: out, masked };
}

/** The restricted items shown to the actor by reading these records (what the access-log entry records). */
export function disclosedItems(records: readonly PersonRecord[], visible: ReadonlySet<RestrictedItem>): RestrictedItem[] {
  const found = new Set(records.flatMap((r) => itemsOf(r)).filter((item) => visible.has(item)));
  return RESTRICTED_ITEMS.filter((item) => found.has(item));
}

/** The restricted item each compared item of a change belongs to. */
const DIFF_ITEM_OF: Partial<Record<DiffItem, RestrictedItem>> = {
  honseki: 'domicile', honsekiPostalCode: 'domicile', hittosha: 'domicile', residenceStatus: 'residence-status', residencePeriod: 'residence-status', residenceExpiry: 'residence-status',
  landingPeriodEnd: 'residence-status', provisionalStayEnd: 'residence-status', transitionalCause: 'residence-status',
};

/** The before → after rows of a change as the actor may see them: a restricted item stays listed (it changed), masked. */
export function maskDiff(rows: DiffRow[], visible: ReadonlySet<RestrictedItem>): DiffRow[] {
  return rows.map((row) => {
    const item = DIFF_ITEM_OF[row.item];
    if (!item || visible.has(item)) return row;
    return { ...row, before: row.before ? MASKED_TEXT : '', after: row.after ? MASKED_TEXT : '' };
  });
}

/** True when any text of a change's input is a mask of this module (a masked value sent back as if it were data). */
export function containsMask(input: unknown): boolean {
  if (typeof input === 'string') return input.includes(MASKED_TEXT) || input === MASKED_RESIDENT_CODE;
  if (Array.isArray(input)) return input.some(containsMask);
  if (input && typeof input === 'object') return Object.values(input).some(containsMask);
  return false;
}
