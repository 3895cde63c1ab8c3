// SPDX-License-Identifier: EUPL-1.2
/**
 * Search criteria of 住民検索 (spec §2.1.3, §2.1.1): which keys there are, which of them may list residents on
 * their own, how date ranges are read, and what a search history keeps of them. Pure.
 */
import { parseDateQuery } from '../../../platform/dates/jp-date.ts';
import { fail } from '../registry-errors.ts';
import type { RemovalReason, Sex } from '../registry-model.ts';

/** 消除事由 a search may ask for (spec §4.4: 消除事由 is a search key). */
export const REMOVAL_REASONS: readonly RemovalReason[] = ['国内転出', '国外転出', '死亡', '職権消除', '異動の取消し', '職権消除（帰化等）', '職権消除（国籍喪失）'];

/** Items a search may ask to be blank (spec §4.4 空欄検索): 住民票コード, 個人番号, フリガナ, 本籍 (日本人), 在留カード等番号 (外国人). */
export const EMPTY_ITEMS = ['residentCode', 'myNumber', 'reading', 'honseki', 'residenceCardNo'] as const;
export type EmptyItem = (typeof EMPTY_ITEMS)[number];

/** Search parameters as received (API query or console form). */
export interface SearchQuery {
  name?: string;
  mode?: 'prefix' | 'partial' | 'exact';
  birthDate?: string;
  /** 生年月日 from/to (和暦 or 西暦, full or partial: `昭和40年` from its first day, to its last). */
  birthFrom?: string;
  birthTo?: string;
  /** 異動日 from/to: persons with a final 異動 in that period. */
  changedFrom?: string;
  changedTo?: string;
  townCode?: string;
  address?: string;
  /** 過去の住所: the address also matches earlier addresses and the 転入前住所. */
  pastAddress?: boolean;
  householdId?: string;
  /** 宛名番号 and 世帯番号 (spec §4.4). */
  atenaNo?: string;
  householdNo?: string;
  sex?: Sex;
  /** 続柄 as recorded (「子」「妻」…). */
  relationship?: string;
  /** 消除事由: only 除票 with this reason (implies removed records). */
  removalReason?: RemovalReason;
  /** Only residents whose item is blank (空欄検索). */
  emptyItem?: EmptyItem;
  residentCode?: string;
  myNumber?: string;
  residenceCardNo?: string;
  includeRemoved?: boolean;
  limit?: number;
  purpose?: string;
}

/** Inclusive ranges of sort keys read from the date criteria. */
export interface DateRanges {
  birth?: { from: string; to: string };
  changed?: { from: string; to: string };
}

/** The date criterion read as a range; a date that cannot be read fails naming its field. */
const range = (raw: string | undefined, field: 'birthDate' | 'birthFrom' | 'birthTo' | 'changedFrom' | 'changedTo') => {
  const s = raw?.trim();
  if (!s) return undefined;
  const r = parseDateQuery(s);
  if (!r) fail('invalid-date', { field });
  return r;
};

/**
 * Reads the date criteria: an exact or partial birth date, or from/to (either end may be open) for 生年月日 and 異動日.
 * @throws RegistryRuleError 'invalid-date' (a date that cannot be read), 'invalid-date-range' (from after to)
 */
export function dateRanges(q: SearchQuery): DateRanges {
  const out: DateRanges = {};
  const exact = range(q.birthDate, 'birthDate');
  const bFrom = range(q.birthFrom, 'birthFrom');
  const bTo = range(q.birthTo, 'birthTo');
  if (exact || bFrom || bTo) {
    const from = [exact?.from, bFrom?.from].filter(Boolean).sort().at(-1) ?? '0000-01-01';
    const to = [exact?.to, bTo?.to].filter(Boolean).sort()[0] ?? '9999-12-31';
    if (bFrom && bTo && bFrom.from > bTo.to) fail('invalid-date-range');
    out.birth = { from, to };
  }
  const cFrom = range(q.changedFrom, 'changedFrom');
  const cTo = range(q.changedTo, 'changedTo');
  if (cFrom || cTo) {
    if (cFrom && cTo && cFrom.from > cTo.to) fail('invalid-date-range');
    out.changed = { from: cFrom?.from ?? '0000-01-01', to: cTo?.to ?? '9999-12-31' };
  }
  return out;
}

/**
 * True when the criteria may list residents: a name, a date or date range, an address, an identifier, a household
 * a 消除事由 or a blank item. 性別 and 続柄 only narrow a search (alone they would list half the municipality; issue #9).
 */
export function hasListingCriterion(q: { nameKey?: string; addressKey?: string } & SearchQuery, dates: DateRanges): boolean {
  return !!(q.nameKey || q.addressKey || dates.birth || dates.changed || q.townCode || q.householdId || q.atenaNo?.trim() || q.householdNo?.trim()
    || q.residentCode?.trim() || q.residenceCardNo?.trim() || q.myNumber || q.removalReason || q.emptyItem);
}

/** The criteria a search history keeps (spec §2.1.1): never results, never a 個人番号 (only that one was used). */
export interface SavedCriteria {
  name?: string; mode?: 'prefix' | 'partial' | 'exact'; birthDate?: string; birthFrom?: string; birthTo?: string;
  changedFrom?: string; changedTo?: string; townCode?: string; address?: string; householdId?: string; atenaNo?: string;
  householdNo?: string; sex?: Sex; relationship?: string; removalReason?: RemovalReason; emptyItem?: EmptyItem; residentCode?: string;
  residenceCardNo?: string; includeRemoved?: boolean; pastAddress?: boolean; purpose?: string;
  /** The search used a 個人番号, which is not kept: such an entry cannot be run again as it was. */
  myNumberUsed?: boolean;
}

const KEPT = ['name', 'mode', 'birthDate', 'birthFrom', 'birthTo', 'changedFrom', 'changedTo', 'townCode', 'address', 'householdId', 'atenaNo',
  'householdNo', 'sex', 'relationship', 'removalReason', 'emptyItem', 'residentCode', 'residenceCardNo', 'purpose'] as const;

/** The criteria to keep for the history, trimmed, in a fixed key order; the 個人番号 is dropped. */
export function criteriaToKeep(q: SearchQuery): SavedCriteria {
  const out: Record<string, unknown> = {};
  for (const k of KEPT) {
    const v = typeof q[k] === 'string' ? (q[k] as string).trim() : q[k];
    if (v) out[k] = v;
  }
  if (out.mode === 'prefix') delete out.mode;
  if (q.includeRemoved) out.includeRemoved = true;
  if (q.pastAddress && out.address) out.pastAddress = true;
  if (q.myNumber) out.myNumberUsed = true;
  return out as SavedCriteria;
}

/** A stable text of kept criteria: the same search twice is one history entry (its time and count updated). */
export function criteriaKey(c: SavedCriteria): string {
  return JSON.stringify(Object.keys(c).sort().map((k) => [k, c[k as keyof SavedCriteria]]));
}

/** Days a search history entry is kept (spec §2.1.1; criteria hold names and birth dates): `JICHI_SEARCH_HISTORY_DAYS`. */
export function searchHistoryDays(env: Record<string, string | undefined>): number {
  const n = Number(env.JICHI_SEARCH_HISTORY_DAYS ?? 30);
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : 30;
}
