// SPDX-License-Identifier: EUPL-1.2
/** The registry's record types: a person's full snapshot (住民票 items), households, change kinds and reasons. */
import type { LegalDate } from './jp-date.ts';

export type Sex = 'male' | 'female';
/** 住民種別. */
export type ResidentKind = 'japanese' | 'foreign';

/** 住所: the municipality is the tenant; 町字 + 番地 + 方書. */
export interface Address {
  /** Project 町字 code (7 digits) when the town is in the municipality's list. */
  townCode: string | null;
  townName: string;
  /** 番地・号 as written, e.g. 「1234番地5」「1番2号」. */
  banchi: string;
  /** 方書 (building, room). */
  katagaki: string;
  /** Whether the 町字 was found in the list, explicitly entered as unlisted, or the municipality has no list. */
  check: 'listed' | 'unlisted' | 'no-list';
}

/** 第30条の45 区分. */
export const FOREIGN_CATEGORIES = ['中長期在留者', '特別永住者', '一時庇護許可者', '仮滞在許可者', '経過滞在者'] as const;

/** Items of foreign residents (住基法 第30条の45). */
export interface ForeignItems {
  /** 国籍・地域. */
  nationality: string;
  category: (typeof FOREIGN_CATEGORIES)[number];
  /** 在留資格. */
  residenceStatus?: string;
  /** 在留期間 as written, e.g. 「3年」. */
  residencePeriod?: string;
  /** 在留期間の満了の日 (ISO). */
  residenceExpiry?: string;
  /** 在留カード番号 or 特別永住者証明書番号. */
  residenceCardNo?: string;
  /** 外国人住民となった年月日. */
  foreignResidentSince: LegalDate;
}

/** One full snapshot of a person (one 履歴番号). Stored names are kept exactly as entered. */
export interface PersonRecord {
  atenaNo: string;
  householdId: string;
  householdNo: string;
  /** 続柄. */
  relationship: string;
  /** 世帯員の並び順. */
  memberOrder: number;
  residentKind: ResidentKind;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  /** 氏名（アルファベット） of foreign residents. */
  romanName?: string;
  /** 旧氏 and its reading. */
  oldSurname?: string;
  oldSurnameKana?: string;
  /** 通称 and its reading (foreign residents). */
  alias?: string;
  aliasKana?: string;
  birthDate: LegalDate;
  sex: Sex;
  /** 本籍 and 筆頭者 (Japanese residents; 「なし」「不明」 allowed, spec §1.1.12). */
  honseki?: string;
  hittosha?: string;
  address: Address;
  /** 住民となった年月日. */
  becameResidentOn: LegalDate;
  /** 住所を定めた年月日. */
  addressFixedOn: LegalDate;
  /** 届出の年月日 of the latest notification. */
  notifiedOn?: string;
  /** 転入前住所 (従前の住所). */
  previousAddress?: string;
  /** Keyed hash of the 個人番号 (the number itself is in the vault). */
  myNumberIndex?: string;
  /** 住民票コード. */
  residentCode?: string;
  foreign?: ForeignItems;
  /** Set when the record is (or will become, for a pending 転出) a 除票. */
  removedOn?: string;
  removalReason?: RemovalReason;
  /** 転出先 (planned). */
  destination?: string;
}

/** 消除事由. */
export type RemovalReason = '国内転出' | '国外転出' | '死亡' | '職権消除' | '異動の取消し';

/** Every change kind the registry accepts. */
export const CHANGE_KINDS = [
  'move-in', 'birth', 'ex-officio-entry', 'move-within', 'move-out', 'death', 'ex-officio-removal',
  'household-split', 'household-merge', 'head-change', 'ex-officio-correction', 'clerical-correction', 'cancellation',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * 異動事由 (spec §1.2.2) per kind: internal code, Japanese label and class (記載/消除/修正). Internal codes
 * map to the J-LIS 異動事由コード at the linkage boundary (the numeric list was not available).
 */
export function reasonOf(kind: ChangeKind, opts: { abroad?: boolean; cancelledClass?: '記載' | '消除' | '修正' } = {}) {
  switch (kind) {
    case 'move-in': return opts.abroad ? { code: 'A02', label: '国外転入', class: '記載' } : { code: 'A01', label: '国内転入', class: '記載' };
    case 'birth': return { code: 'A03', label: '出生', class: '記載' };
    case 'ex-officio-entry': return { code: 'A04', label: '職権記載', class: '記載' };
    case 'move-out': return opts.abroad ? { code: 'B02', label: '国外転出', class: '消除' } : { code: 'B01', label: '国内転出', class: '消除' };
    case 'death': return { code: 'B03', label: '死亡', class: '消除' };
    case 'ex-officio-removal': return { code: 'B04', label: '職権消除', class: '消除' };
    case 'move-within': return { code: 'C01', label: '転居', class: '修正' };
    case 'ex-officio-correction': return { code: 'C02', label: '職権修正', class: '修正' };
    case 'clerical-correction': return { code: 'C03', label: '誤記修正', class: '修正' };
    case 'household-split': return { code: 'C04', label: '世帯分離', class: '修正' };
    case 'household-merge': return { code: 'C05', label: '世帯合併', class: '修正' };
    case 'head-change': return { code: 'C06', label: '世帯主変更', class: '修正' };
    case 'cancellation': {
      const c = opts.cancelledClass === '記載' ? '減' : opts.cancelledClass === '消除' ? '増' : '修正';
      return { code: c === '減' ? 'D02' : c === '増' ? 'D01' : 'D03', label: `異動の取消し（${c}）`, class: opts.cancelledClass === '記載' ? '消除' : opts.cancelledClass === '消除' ? '記載' : '修正' };
    }
  }
}
