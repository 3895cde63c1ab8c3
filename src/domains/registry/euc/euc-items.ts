// SPDX-License-Identifier: EUPL-1.2
/**
 * EUC (標準仕様書 §10.1): the items staff may extract, named as the standard data items (中間標準レイアウト / 基本データ
 * リスト item names, the same as the registry CSV layout and the change feed), which of them a role may pick, and the
 * conditions of an extraction applied to one record. Pure.
 */
import { ageOn } from '../../../platform/dates/jp-date.ts';
import type { Action } from '../../../platform/auth/permissions.ts';
import { CSV_COLUMNS, type CsvColumn } from '../csv/registry-csv-format.ts';
import { residentState } from '../feed/feed-items.ts';
import type { PersonRecord } from '../registry-model.ts';

/** Every item an extraction may hold: 住民状態 (現存/転出/死亡/消除) and every column of the layout. */
export const EUC_ITEMS = ['住民状態', ...CSV_COLUMNS] as const;
export type EucItem = (typeof EUC_ITEMS)[number];

/** Items shown only with a permission (§10.4 field-level visibility; 個人番号 by its own rule). */
const ITEM_PERMISSION: Partial<Record<EucItem, Action>> = {
  個人番号: 'registry:unmask-my-number',
  本籍: 'registry:view-domicile', 筆頭者: 'registry:view-domicile',
  住民票コード: 'registry:view-resident-code',
  在留資格: 'registry:view-residence-status', 在留期間等: 'registry:view-residence-status', 在留期間等満了年月日: 'registry:view-residence-status',
};

/** The permission an item needs beyond `registry:euc`, if any. */
export const permissionOf = (item: EucItem): Action | undefined => ITEM_PERMISSION[item];

/** The items offered when none are picked. */
export const DEFAULT_EUC_ITEMS: readonly EucItem[] = ['宛名番号', '世帯番号', '氏', '名', '氏_フリガナ', '名_フリガナ', '生年月日', '性別', '続柄', '住所_町字', '住所_番地号表記', '住民状態'];

/** The conditions of an extraction (all optional; together they narrow). */
export interface EucConditions {
  /** 町字コード (7 digits). */
  townCodes?: string[];
  /** Age on the day of the run, inclusive. */
  ageFrom?: number;
  ageTo?: number;
  sex?: 'male' | 'female';
  residentKind?: 'japanese' | 'foreign';
  /** 異動日: a 本登録 change of the person that occurred in the range (calendar days, inclusive). */
  changedFrom?: string;
  changedTo?: string;
  /** 現存 (living residents), 除票 (removed records) or both; 現存 by default. */
  state?: 'current' | 'removed' | 'all';
}

/** What an extraction keeps: its items and conditions (re-run later with the same). */
export interface EucParameters { items: EucItem[]; conditions: EucConditions }

/** True when the record is removed (a 除票) on `day`. */
export const isRemoved = (r: PersonRecord, day: string) => !!r.removedOn && r.removedOn <= day;

/** Whether one record meets the conditions checked here (the 異動日 range is checked in SQL). */
export function meets(r: PersonRecord, c: EucConditions, day: string): boolean {
  const state = c.state ?? 'current';
  if (state === 'current' && isRemoved(r, day)) return false;
  if (state === 'removed' && !isRemoved(r, day)) return false;
  if (c.townCodes?.length && !c.townCodes.includes(r.address.townCode ?? '')) return false;
  if (c.sex && r.sex !== c.sex) return false;
  if (c.residentKind && r.residentKind !== c.residentKind) return false;
  if (c.ageFrom !== undefined || c.ageTo !== undefined) {
    if (r.birthDate.precision === 'unknown') return false;
    const age = ageOn(r.birthDate.sortKey, day);
    if (c.ageFrom !== undefined && age < c.ageFrom) return false;
    if (c.ageTo !== undefined && age > c.ageTo) return false;
  }
  return true;
}

const COLUMN_AT = new Map<string, number>(CSV_COLUMNS.map((c, i) => [c, i]));

/** One output line: the picked items of the record, from the layout's row (recordToRow) and 住民状態. */
export function pickItems(items: readonly EucItem[], row: readonly string[], r: PersonRecord, day: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) out[item] = item === '住民状態' ? residentState(r, day) : row[COLUMN_AT.get(item as CsvColumn)!] ?? '';
  return out;
}
