// SPDX-License-Identifier: EUPL-1.2
/** The registry's record types: a person's full snapshot (住民票 items), households, change kinds and reasons. */
import type { LegalDate } from '../../platform/dates/jp-date.ts';
import type { ReadingStatusMap } from './readings.ts';
import type { AddressDetail } from './addresses/address-dictionary.ts';

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
  /** 郵便番号 (7 digits; spec §1.1.17): the 町字's from the master, or entered. Absent on records made before. */
  postalCode?: string | null;
  /** 住所コード (11 digits, spec v1.0 §1.3.3) of the 町字 when listed. */
  addressCode?: string | null;
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
  /** 上陸期間 of a 一時庇護許可者: its last day (ISO; 入管法18条の2). */
  landingPeriodEnd?: string;
  /** 仮滞在期間 of a 仮滞在許可者: its last day (ISO; 入管法61条の2の4). */
  provisionalStayEnd?: string;
  /** Why a 経過滞在者 stays: 出生 or 国籍喪失 (入管法22条の2; at most 60 days). */
  transitionalCause?: (typeof TRANSITIONAL_CAUSES)[number];
  /** 旧外国人登録法による登録年月日 (ISO; migrated data, before the law ended on 2012-07-09). */
  alienRegistrationDate?: string;
  /** 住居地の届出の有無: whether the 住居地 was notified (入管法19条の7–9; a 30条の46/47 届出 counts as one). */
  residenceNotified?: boolean;
  /** 上陸許可証による転入の旨: moved in on the landing permit in the passport, the 在留カード to follow. */
  landingPermitMoveIn?: boolean;
}

/** Causes of a 経過滞在 (住基法30条の45 表の五). */
export const TRANSITIONAL_CAUSES = ['出生', '国籍喪失'] as const;
/** The day 外国人登録法 ended (平成24年7月9日): no 旧外登法 registration is later. */
export const ALIEN_REGISTRATION_LAW_END = '2012-07-09';

/** One full snapshot of a person (one 履歴番号). Stored names are kept exactly as entered. */
export interface PersonRecord {
  atenaNo: string;
  householdId: string;
  householdNo: string;
  /** 続柄. */
  relationship: string;
  /** 子の夫・子の妻・子の子: the 子 (person id) whose family they belong to, for the 並び順 (spec §5.2 group 2). */
  familyOf?: string;
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
  /** 本籍 structured (spec §1.3.3, §1.1.17), alongside the text as entered (the legal value). */
  honsekiDetail?: AddressDetail;
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
  /** 転入前住所 structured, alongside the text. */
  previousAddressDetail?: AddressDetail;
  /** Keyed hash of the 個人番号 (the number itself is in the vault). */
  myNumberIndex?: string;
  /** 住民票コード. */
  residentCode?: string;
  foreign?: ForeignItems;
  /** Set when the record is (or will become, for a pending 転出) a 除票. */
  removedOn?: string;
  /** The legal text of a vague 死亡・失踪 date (「令和6年頃」「推定令和6年3月1日」); `removedOn` is its first day. */
  removedOnText?: string;
  removalReason?: RemovalReason;
  /** 転出先 (planned; the 確定 one of a 転入通知 is in `moveInNotice`). */
  destination?: string;
  /** 転出先 structured, alongside the text. */
  destinationDetail?: AddressDetail;
  /** 通称の記載及び削除に関する事項 (住基法施行令 30条の26): every entry and deletion, oldest first. */
  aliasHistory?: AliasEvent[];
  /** 転入通知 received from the new municipality (spec §4.1.3.1.1); the planned 転出 items stay as they were. */
  moveInNotice?: MoveInNotice;
  /** 振り仮名 status per reading (未確認 when absent; spec §1.1.18, 令和5年法律第48号). */
  readingStatus?: ReadingStatusMap;
  /** The ground of a 職権消除 (e.g. 「失踪宣告」 on the 本籍地's 法9条2項 notice, spec §4.2.2.2), printed with the 消除事由. */
  removalGround?: string;
  /**
   * A 転出 notified more than 14 days after the move, processed 職権 (spec §4.1.3.0.1/.3): the paper issued is the
   * 転出証明書に準ずる証明書, not a 転出証明書.
   */
  moveOutExOfficio?: boolean;
  /** 特例転出 (住基法24条の2): no 転出証明書; the 転出証明書情報 is sent through the 住基ネット. */
  specialMoveOut?: boolean;
  /** 最終登録住所地 of a 未届転入 (spec §4.1.1.4; not printed on the 住民票, it receives the 転入通知). */
  lastRegisteredAddress?: string;
  /** 事実上の世帯主 (spec §4.1.4.3): the name written as a C-type remark when the registered head is not the actual one. */
  deFactoHead?: string;
  /** 改製年月日 (spec §1.1.4): this record was written fresh by a 改製; the old one is kept as 改製原住民票. */
  reformedOn?: string;
  /** 再製 (住基法施行令10条): the date the record was re-made from its latest state, and why (滅失・き損…). */
  remadeOn?: string;
  remakeGround?: string;
}

/** One entry or deletion of a 通称, with the date and the municipality that recorded it. */
export interface AliasEvent {
  action: 'entered' | 'deleted';
  alias: string;
  aliasKana?: string;
  on: string;
  municipalityCode: string;
}

/** 転入通知 (住基法 9条1項) as recorded on the 除票: 転入通知日, 転出先住所（確定）, 転出年月日（確定）. */
export interface MoveInNotice {
  receivedOn: string;
  destination: string;
  /** 転出先住所（確定） structured. */
  destinationDetail?: AddressDetail;
  movedOn: string;
  /** 転出予定年月日 as it stood before the notice (the 除票's removal date becomes the earlier of the two). */
  plannedOn: string;
}

/** 消除事由. */
export type RemovalReason = '国内転出' | '国外転出' | '死亡' | '職権消除' | '異動の取消し' | '職権消除（帰化等）' | '職権消除（国籍喪失）' | '改製';

/**
 * Removals by 帰化・国籍喪失 and 改製: the person goes on under the same 宛名番号 in a new record (spec §4.5.3–4.5.5,
 * §1.1.4); the record removed by a 改製 is the 改製原住民票.
 */
export const KIND_CHANGE_REMOVALS: readonly RemovalReason[] = ['職権消除（帰化等）', '職権消除（国籍喪失）', '改製'];

/** Every change kind the registry accepts. */
export const CHANGE_KINDS = [
  'move-in', 'birth', 'ex-officio-entry', 'move-within', 'move-out', 'death', 'ex-officio-removal',
  'household-split', 'household-merge', 'head-change', 'ex-officio-correction', 'clerical-correction', 'cancellation',
  'old-surname', 'alias', 'residence-status-change', 'naturalization', 'nationality-loss', 'household-change', 'minor-correction',
  'move-in-notice', 'address-renaming', 'reading', 'my-number-change', 'resident-code-change', 'de-facto-head',
  'reform', 'remake',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * 異動事由 (spec §1.2.2) per kind: internal code, Japanese label and class (記載/消除/修正). Internal codes
 * map to the J-LIS 異動事由コード at the linkage boundary (the numeric list was not available).
 */
export function reasonOf(kind: ChangeKind, opts: { abroad?: boolean; cancelledClass?: '記載' | '消除' | '修正'; deleted?: boolean; cause?: '住居表示' | '区画整理'; ground?: string; abroadGround?: string } = {}) {
  switch (kind) {
    case 'old-surname': return opts.deleted ? { code: 'C08', label: '旧氏の削除', class: '修正' } : { code: 'C07', label: '旧氏の記載', class: '修正' };
    case 'alias': return opts.deleted ? { code: 'C10', label: '通称の削除', class: '修正' } : { code: 'C09', label: '通称の記載', class: '修正' };
    case 'residence-status-change': return { code: 'C11', label: '在留資格等の変更', class: '修正' };
    // 帰化・国籍喪失 (spec §1.2.2, §4.5.3–4.5.5): 職権記載 of the new record; the old one is removed with 職権消除（帰化等／国籍喪失）.
    case 'naturalization': return { code: 'A07', label: '職権記載（帰化等）', class: '記載' };
    case 'nationality-loss': return { code: 'A08', label: '職権記載（国籍喪失）', class: '記載' };
    case 'household-change': return { code: 'C14', label: '世帯変更', class: '修正' };
    case 'minor-correction': return { code: 'C15', label: '軽微な修正', class: '修正' };
    case 'move-in-notice': return { code: 'C16', label: '転入通知の受理', class: '修正' };
    case 'reading': return { code: 'C19', label: '振り仮名の記載', class: '修正' };
    // 事実上の世帯主 (spec §4.1.4.3), on request: a C-type remark of the household.
    case 'de-facto-head': return opts.deleted ? { code: 'C26', label: '事実上の世帯主の削除', class: '修正' } : { code: 'C25', label: '事実上の世帯主の記載', class: '修正' };
    // 改製 (spec §1.1.4, R23): the record written fresh, the old one kept as 改製原住民票; 再製 (施行令10条): re-made.
    case 'reform': return { code: 'E01', label: '改製', class: '改製' };
    case 'remake': return { code: 'E02', label: '再製', class: '改製' };
    case 'address-renaming': return opts.cause === '区画整理' ? { code: 'C18', label: '区画整理', class: '修正' } : { code: 'C17', label: '住居表示の実施', class: '修正' };
    // 個人番号 / 住民票コード (spec §1.2.2 修正: 変更請求, 職権修正, 職権記載).
    case 'my-number-change': return opts.ground === 'request' ? { code: 'C20', label: '個人番号の変更請求', class: '修正' }
      : opts.ground === 'ex-officio-entry' ? { code: 'C22', label: '個人番号の職権記載', class: '修正' } : { code: 'C21', label: '個人番号の職権修正', class: '修正' };
    case 'resident-code-change': return opts.ground === 'request' ? { code: 'C23', label: '住民票コードの変更請求', class: '修正' } : { code: 'C24', label: '住民票コードの職権記載', class: '修正' };
    // 国外転入等 (spec §1.2.2, §4.5.1–4.5.2): 国外転入, 住基法30条の46 (上陸後の住所設定), 30条の47 (国内で外国人住民となった者).
    case 'move-in': return opts.abroadGround === '30条の46' ? { code: 'A05', label: '第30条の46届出', class: '記載' }
      : opts.abroadGround === '30条の47' ? { code: 'A06', label: '第30条の47届出', class: '記載' }
      : opts.abroad ? { code: 'A02', label: '国外転入', class: '記載' } : { code: 'A01', label: '国内転入', class: '記載' };
    case 'birth': return { code: 'A03', label: '出生', class: '記載' };
    case 'ex-officio-entry': return { code: 'A04', label: '職権記載', class: '記載' };
    case 'move-out': return opts.abroad ? { code: 'B02', label: '国外転出', class: '消除' } : { code: 'B01', label: '国内転出', class: '消除' };
    case 'death': return { code: 'B03', label: '死亡', class: '消除' };
    case 'ex-officio-removal': return opts.ground === '失踪宣告' ? { code: 'B05', label: '職権消除（失踪宣告）', class: '消除' } : { code: 'B04', label: '職権消除', class: '消除' };
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

/** 異動事由コード → label for every kind recorded here; an unknown code (reasons added elsewhere) gives ''. */
const REASON_LABELS: Map<string, string> = new Map(CHANGE_KINDS.flatMap((k) => [
  reasonOf(k), reasonOf(k, { abroad: true }), reasonOf(k, { deleted: true }), reasonOf(k, { cancelledClass: '記載' }), reasonOf(k, { cancelledClass: '消除' }),
  reasonOf(k, { cause: '区画整理' }),
]).map((r) => [r.code, r.label]));
export function reasonLabelOf(code: string): string {
  return REASON_LABELS.get(code) ?? '';
}
