// SPDX-License-Identifier: EUPL-1.2
/**
 * Vocabulary of the certificates domain (帳票, spec chapter 4 §20): certificate kinds, the items a requester
 * may choose to print, requester types, and the record shape the domain reads from the registry.
 */

/** Certificate kinds: 住民票の写し, 住民票記載事項証明書, 除票の写し, 転出証明書 (spec §20.1.1–20.2.1). */
export const CERTIFICATE_KINDS = ['residence-copy', 'residence-items', 'removed-copy', 'move-out'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** Japanese names of the kinds (titles printed on the form). */
export const KIND_TITLES: Record<CertificateKind, string> = {
  'residence-copy': '住民票の写し',
  'residence-items': '住民票記載事項証明書',
  'removed-copy': '住民票の除票の写し',
  'move-out': '転出証明書',
};

/** Title of the paper issued instead of a 転出証明書 when the 転出 was processed 職権 (届出 more than 14 days late). */
export const MOVE_OUT_EX_OFFICIO_TITLE = '転出証明書に準ずる証明書';

/**
 * Items the requester chooses to print or omit (spec §5.1 omission options; 住基法 12条 特別の請求).
 * Items not listed here (氏名, 生年月日, 性別, 住所 with 方書, dates of becoming a resident) are always printed.
 */
export const PRINT_ITEMS = [
  'householdHead', // 世帯主・続柄
  'honseki', // 本籍・筆頭者
  'myNumber', // 個人番号
  'residentCode', // 住民票コード
  'previousAddress', // 前住所（転入前住所）
  'oldSurname', // 旧氏
  'alias', // 通称
  'residenceDetails', // 在留資格・在留期間・満了日・在留カード等番号 (外国人住民)
  'nationality', // 国籍・地域 (外国人住民; 住基法12条5項・30条の51: omittable like 本籍)
  'foreignCategory', // 第30条の45に規定する区分 (外国人住民; omittable likewise)
  'aliasHistory', // 通称の記載及び削除に関する事項 (外国人住民; 住基令30条の27)
  'history', // 異動履歴（統合記載欄）
] as const;
export type PrintItem = (typeof PRINT_ITEMS)[number];

/** Japanese labels of the print items (UI, ledger export). */
export const PRINT_ITEM_LABELS: Record<PrintItem, string> = {
  householdHead: '世帯主・続柄',
  honseki: '本籍・筆頭者',
  myNumber: '個人番号',
  residentCode: '住民票コード',
  previousAddress: '前住所',
  oldSurname: '旧氏',
  alias: '通称',
  residenceDetails: '在留資格等',
  nationality: '国籍・地域',
  foreignCategory: '第30条の45に規定する区分',
  aliasHistory: '通称の記載・削除の履歴',
  history: '異動履歴',
};

/** What is printed when the requester says nothing: sensitive items are omitted (spec §5.1, 番号法). */
export const DEFAULT_ITEMS: readonly PrintItem[] = ['householdHead', 'previousAddress', 'oldSurname', 'alias', 'nationality', 'foreignCategory'];

/**
 * Layouts of a 住民票の写し (spec chapter 4): 世帯連記式 (§20.1.2, up to 4 persons per sheet) or 個人票 (§20.1.1, one
 * person per sheet). The municipality sets its default (`certificateLayout`), the request may choose; history-bearing
 * copies and 除票の写し are always 個人票.
 */
export const LAYOUTS = ['household', 'individual'] as const;
export type CertificateLayout = (typeof LAYOUTS)[number];
export const LAYOUT_LABELS: Record<CertificateLayout, string> = { household: '世帯連記式', individual: '個人票' };

/** Who asks (住基法 12条, 12条の2, 12条の3). */
export const REQUESTER_TYPES = ['self', 'household', 'agent', 'third-party', 'official'] as const;
export type RequesterType = (typeof REQUESTER_TYPES)[number];

export const REQUESTER_LABELS: Record<RequesterType, string> = {
  self: '本人',
  household: '同一世帯員',
  agent: '代理人（委任状）',
  'third-party': '第三者',
  official: '公用請求',
};

/** 本人確認書類 the clerk saw at the counter (住基法12条3項; 住民基本台帳の写しの交付に関する省令). */
export const IDENTITY_DOCUMENTS = ['my-number-card', 'driving-licence', 'passport', 'residence-card', 'other-photo-id', 'two-documents', 'staff-id'] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

export const IDENTITY_DOCUMENT_LABELS: Record<IdentityDocument, string> = {
  'my-number-card': 'マイナンバーカード',
  'driving-licence': '運転免許証',
  passport: 'パスポート',
  'residence-card': '在留カード・特別永住者証明書',
  'other-photo-id': 'その他の写真付き公的証明書',
  'two-documents': '健康保険証等（2点）',
  'staff-id': '職員証（公用請求）',
};

/** Most copies of one certificate issued on one request. */
export const MAX_COPIES = 10;

/** Legitimate needs of a third party (住基法 12条の3 第1項 1–3号). */
export const THIRD_PARTY_GROUNDS = ['own-rights-duties', 'submit-to-public-body', 'other-legitimate'] as const;
export type ThirdPartyGround = (typeof THIRD_PARTY_GROUNDS)[number];

/** The request as the counter clerk records it (交付請求書). Never stored with names of the requester. */
export interface CertificateRequester {
  type: RequesterType;
  /** 本人 / 同一世帯員: the requester's own person id (identity checked at the counter). */
  personId?: string;
  /** 代理人: the clerk has seen and checked a 委任状. */
  powerOfAttorneyChecked?: boolean;
  /** 第三者: the legal ground of the request. */
  ground?: ThirdPartyGround;
  /** 公用請求: the requesting body (e.g. 「○○税務署」) and the legal basis. */
  officialBody?: string;
  legalBasis?: string;
  /** 本人確認書類 seen at the counter. */
  identityDocument?: IdentityDocument;
}

/** A legal date as the registry keeps it: sortable day key, precision and the text of vague dates. */
export type { LegalDate } from '../../platform/dates/jp-date.ts';
import type { LegalDate } from '../../platform/dates/jp-date.ts';

/** One entry of a person's change history as printed in the 統合記載欄 (final changes only). */
export interface HistoryEntry {
  /** 異動日 (ISO). */
  on: string;
  /** e.g. 「転居」「国内転入」. */
  label: string;
  /** e.g. the address before the change (異動前住所). */
  detail?: string;
}

/** Items of foreign residents (住基法 30条の45). */
export interface ForeignItems {
  nationality: string;
  category: string;
  residenceStatus?: string;
  residencePeriod?: string;
  residenceExpiry?: string;
  residenceCardNo?: string;
  foreignResidentSince: LegalDate;
}

/** A person's final record as of the requested day, as the certificates domain needs it. */
export interface CertificatePerson {
  personId: string;
  householdId: string;
  relationship: string;
  memberOrder: number;
  /** 子の夫・子の妻・子の子: the 子 whose family they belong to (spec §5.2). */
  familyOf?: string;
  residentKind: 'japanese' | 'foreign';
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  romanName?: string;
  oldSurname?: string;
  oldSurnameKana?: string;
  alias?: string;
  aliasKana?: string;
  /** 通称の記載及び削除に関する事項 (住基令30条の27): each entry and deletion of a 通称, oldest first. */
  aliasHistory?: Array<{ action: 'entered' | 'deleted'; alias: string; aliasKana?: string; on: string; municipalityCode: string }>;
  /**
   * 振り仮名 status per reading as the registry keeps it (`certified` = 公証; absent or other = not certified).
   * Only certified readings print as 振り仮名 (令和5年法律第48号).
   */
  readingStatus?: Partial<Record<'familyNameKana' | 'givenNameKana' | 'oldSurnameKana', 'unconfirmed' | 'notified' | 'certified'>>;
  birthDate: LegalDate;
  sex: 'male' | 'female';
  honseki?: string;
  hittosha?: string;
  /** 住所 including 方書 (the municipality's own name is prefixed by the domain). */
  address: { townName: string; banchi: string; katagaki: string };
  becameResidentOn: LegalDate;
  addressFixedOn: LegalDate;
  notifiedOn?: string;
  previousAddress?: string;
  /** 個人番号: provided by the source only when the request asks to print it. */
  myNumber?: string;
  residentCode?: string;
  foreign?: ForeignItems;
  /** Day the record was (or, for a pending 転出, will be) removed (除票). */
  removedOn?: string;
  removalReason?: string;
  /** The legal text of a vague date of death or 失踪 (「推定令和8年11月頃」「年月日不詳」), printed as recorded (spec §1.1.8). */
  removedOnText?: string;
  /** Ground of a 職権消除 (「失踪宣告」), printed with the 消除事由. */
  removalGround?: string;
  /** A late 転出 processed 職権: the paper is the 転出証明書に準ずる証明書 (spec §4.1.3.0.3). */
  moveOutExOfficio?: boolean;
  /** 特例転出 (住基法24条の2): no 転出証明書 is issued. */
  specialMoveOut?: boolean;
  /** 転出先. */
  destination?: string;
  /** Under a DV等支援措置 (support measure) on the day of the request. */
  supportMeasure: boolean;
  /** The 加害者 (residents' person ids) named in the measures protecting this person: their own requests are refused. */
  supportMeasurePerpetrators?: string[];
  /** 証明書発行の抑止 in force today (spec §3.1): error refuses the certificate, alert warns the clerk. */
  suppression?: 'error' | 'alert';
  history: HistoryEntry[];
}

/** The records a certificate is made from: the persons asked for and their household context. */
export interface CertificateSubject {
  householdId: string;
  /** Every member of the household on the day (final records), in 世帯員の並び順. */
  householdMembers: CertificatePerson[];
  /** The persons to print, in 並び順. */
  persons: CertificatePerson[];
}
