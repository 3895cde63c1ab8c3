// SPDX-License-Identifier: EUPL-1.2
/** Request and response schemas of the resident registry (住民記録) API; the single source of its types. */
import { z } from '@hono/zod-openapi';
import { FOREIGN_CATEGORIES, TRANSITIONAL_CAUSES, type RemovalReason } from './registry-model.ts';
import { EMPTY_ITEMS, REMOVAL_REASONS } from './search/search-criteria.ts';
import { normalizeCardNo, normalizeDigits, normalizeKana, READING_STATUSES } from './readings.ts';
import { isCalendarDate, parseLegalDate } from '../../platform/dates/jp-date.ts';
import { hasControlCharacter } from '../../platform/http/input-characters.ts';

const Id = z.string().uuid();
const DateText = z.string().min(4).max(40).openapi({ description: '日付（西暦 YYYY-MM-DD 又は和暦「令和7年4月1日」）' });
/** A name is one line: no control characters (issue #9; the request middleware also refuses them). */
const Name = z.string().max(100).refine((v) => !hasControlCharacter(v), { message: '使用できない文字（制御文字）が含まれています' });
/** フリガナ: hiragana and half-width katakana become full-width katakana; the planner refuses anything else (issue #9). */
const Kana = z.string().max(200).transform(normalizeKana).openapi({ description: 'フリガナ（カタカナ。ひらがな・半角カナはカタカナに変換）' });
/** 個人番号 / 住民票コード: full-width digits, spaces and hyphens accepted, normalised to ASCII digits (issue #9). */
const Digits = z.string().max(30).transform(normalizeDigits).openapi({ description: '数字（全角数字も可）' });
/** 在留カード等番号: full-width letters and digits accepted, normalised to ASCII upper case. */
const CardNo = z.string().max(30).transform(normalizeCardNo).openapi({ description: '在留カード等番号（例: AB12345678CD）' });
/** A day in a query parameter: a real calendar day in 西暦 (YYYY-MM-DD) or 和暦, read by the one parser (issue #9). */
const QueryDay = z.string().max(40).transform((v, ctx) => {
  try {
    const d = parseLegalDate(v);
    if (d.precision === 'day' && !d.text && isCalendarDate(d.sortKey)) return d.sortKey;
  } catch { /* reported below */ }
  ctx.addIssue({ code: 'custom', message: '基準日が正しい日付ではありません（例: 令和7年4月1日、2025-04-01）' });
  return z.NEVER;
}).openapi({ description: '日付（西暦 YYYY-MM-DD 又は和暦「令和7年4月1日」）' });

/** 住所 as entered: 町字 by code or name, 番地, 方書. */
export const AddressInput = z.object({
  /** 町字コード from GET /registry-towns. */
  townCode: z.string().regex(/^\d{7}$/).optional(),
  /** 町字 name (e.g. 「大字広丘野村」); matched on fold keys. */
  townName: z.string().max(100).optional(),
  /** 番地・号. */
  banchi: z.string().min(1).max(100),
  /** 方書. */
  katagaki: z.string().max(200).default(''),
  /** Set to register a 町字 that is not in the list (flagged on the record). */
  unlisted: z.boolean().default(false),
  /** 郵便番号 (7 digits, 「399-0702」 and full-width read); taken from the 町字 master when omitted (spec §1.1.17). */
  postalCode: z.string().max(10).optional(),
}).openapi('RegistryAddressInput');

/**
 * Structured form of 本籍, 転入前住所 or 転出先 (spec §1.3.3, §1.1.17), kept alongside the text as entered (the text stays
 * the legal value): 都道府県 and 市区町村 from GET /registry-address-dictionary, the 町字 where that municipality's master is
 * loaded, the rest as text, and the 郵便番号 (taken from the 町字 when omitted). The 住所コード is computed.
 */
export const AddressDetailView = z.object({
  postalCode: z.string().nullable(), postalSource: z.enum(['master', 'entered']).nullable(), prefectureCode: z.string().nullable(), prefectureName: z.string(),
  municipalityCode: z.string().nullable(), municipalityName: z.string(), townCode: z.string().nullable(), townName: z.string(), rest: z.string(),
  addressCode: z.string().nullable(),
}).openapi('RegistryAddressDetail');

export const AddressDetailInput = z.object({
  postalCode: z.string().max(10).optional(),
  prefectureCode: z.string().max(2).optional(),
  municipalityCode: z.string().max(6).optional(),
  townCode: z.string().regex(/^\d{7}$/).optional(),
  /** 町字 by name, matched in that municipality's master (when no code is given). */
  townName: z.string().max(100).optional(),
  rest: z.string().max(300).optional(),
}).openapi('RegistryAddressDetailInput');
export type AddressInput = z.infer<typeof AddressInput>;

/** Foreign-resident items (第30条の45). */
export const ForeignInput = z.object({
  nationality: z.string().min(1).max(100),
  category: z.enum(FOREIGN_CATEGORIES),
  residenceStatus: z.string().max(100).optional(),
  residencePeriod: z.string().max(50).optional(),
  residenceExpiry: DateText.optional(),
  residenceCardNo: CardNo.optional(),
  /** 外国人住民となった年月日 (defaults to the date of the change). */
  foreignResidentSince: DateText.optional(),
  /** 上陸期間の末日: 一時庇護許可者 only (required for them). */
  landingPeriodEnd: DateText.optional(),
  /** 仮滞在期間の末日: 仮滞在許可者 only (required for them). */
  provisionalStayEnd: DateText.optional(),
  /** 経過滞在の事由 (出生 or 国籍喪失): 経過滞在者 only (required for them). */
  transitionalCause: z.enum(TRANSITIONAL_CAUSES).optional(),
  /** 旧外国人登録法による登録年月日 (migrated data; before 2012-07-09). */
  alienRegistrationDate: DateText.optional(),
  /** 住居地の届出の有無. */
  residenceNotified: z.boolean().optional(),
  /** 上陸許可証による転入の旨. */
  landingPermitMoveIn: z.boolean().optional(),
}).openapi('RegistryForeignInput');

/** A person entered by 転入, 出生 or 職権記載. */
export const NewPersonInput = z.object({
  residentKind: z.enum(['japanese', 'foreign']),
  familyName: Name.default(''),
  givenName: Name.default(''),
  familyNameKana: Kana.default(''),
  givenNameKana: Kana.default(''),
  romanName: z.string().max(200).optional(),
  oldSurname: Name.optional(),
  oldSurnameKana: Kana.optional(),
  alias: Name.optional(),
  aliasKana: Kana.optional(),
  /** 生年月日; vague (「昭和40年頃」「年月日不詳」) and non-calendar dates are accepted. */
  birthDate: DateText,
  sex: z.enum(['male', 'female']),
  /** 本籍 (Japanese residents; 「なし」「不明」 allowed). */
  honseki: z.string().max(200).optional(),
  /** 本籍 structured (都道府県・市区町村・町字・郵便番号), alongside the text. */
  honsekiDetail: AddressDetailInput.optional(),
  /** 筆頭者. */
  hittosha: Name.optional(),
  /** 個人番号 (12 digits with check digit; full-width digits accepted). */
  myNumber: Digits.optional(),
  /** 住民票コード (11 digits; full-width digits accepted); assigned when omitted. */
  residentCode: Digits.optional(),
  foreign: ForeignInput.optional(),
  /** 続柄 (e.g. 世帯主, 妻, 子, 子の妻, 同居人). */
  relationship: z.string().min(1).max(30),
  /**
   * 子の夫・子の妻・子の子 only: the 子 of the household (person id) whose family they belong to, for the 並び順 (spec §5.2).
   * Needed when the household has several 子; with only one it is derived.
   */
  familyOf: z.string().uuid().optional(),
}).openapi('RegistryNewPerson');
export type NewPersonInput = z.infer<typeof NewPersonInput>;

/** Items a correction (職権修正・誤記修正) may change. */
export const PersonPatch = z.object({
  familyName: Name.optional(), givenName: Name.optional(), familyNameKana: Kana.optional(), givenNameKana: Kana.optional(),
  romanName: z.string().max(200).optional(), oldSurname: Name.optional(), oldSurnameKana: Kana.optional(),
  alias: Name.optional(), aliasKana: Kana.optional(), birthDate: DateText.optional(), sex: z.enum(['male', 'female']).optional(),
  honseki: z.string().max(200).optional(), hittosha: Name.optional(), myNumber: Digits.optional(),
  /** 本籍 structured; a new 本籍 text without it drops the structure kept with the old one. */
  honsekiDetail: AddressDetailInput.optional(),
  residentCode: Digits.optional(), foreign: ForeignInput.optional(),
  banchi: z.string().min(1).max(100).optional(), katagaki: z.string().max(200).optional(),
}).openapi('RegistryPersonPatch');
export type PersonPatch = z.infer<typeof PersonPatch>;

/** New name items on 帰化 (the name may change). */
const NameChange = z.object({
  familyName: Name.optional(), givenName: Name.optional(), familyNameKana: Kana.optional(), givenNameKana: Kana.optional(),
}).openapi('RegistryNameChange');

/** 職権消除 grounds on a 法務大臣's notice (住基法30条の50; spec §4.5.6). */
export const IMMIGRATION_REMOVAL_GROUNDS = ['出国', '在留資格取消', '退去強制', '在留期間満了'] as const;

/** 軽微な修正 grounds (住基法施行規則 11条3項2号 as listed in spec §4.2.3.2). */
export const MINOR_CORRECTION_GROUNDS = ['常用平易な文字への置換', '文字の同定', '町字の名称変更', '地番の変更', '住居表示の実施', '方書の変更', 'その他大臣が認めるもの'] as const;

const Relationships = z.record(z.string().uuid(), z.string().min(1).max(30)).openapi({ description: 'personId → 続柄' });

const Common = {
  /** 異動日. */
  occurredOn: DateText,
  /** 届出日 (defaults to today for notified changes). */
  notifiedOn: DateText.optional(),
  /** 職権 (ex officio) instead of a notification. */
  exOfficio: z.boolean().default(false),
  /** 申出を受けた職権 (spec §4.2.0.5): a 職権 change made on a resident's 申出; implies `exOfficio`. */
  onRequest: z.boolean().optional(),
  /** 申出日 of a 申出を受けた職権 (required with `onRequest`; ≤ today). */
  requestedOn: DateText.optional(),
  /** 届出人 as written. */
  notifier: z.string().max(200).default(''),
  note: z.string().max(1000).default(''),
  /** Versions of every existing household the change touches (from GET /households/{id}). */
  expectedVersions: z.record(z.string().uuid(), z.number().int().min(0)).default({}),
};

export const ChangeInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('move-in'), ...Common, fromAbroad: z.boolean().default(false), previousAddress: z.string().max(300).default(''),
    /** 転入前住所 structured (都道府県・市区町村・町字・郵便番号), alongside the text. */
    previousAddressDetail: AddressDetailInput.optional(),
    /**
     * 国外転入等 (spec §4.5.1–4.5.2): 国外転入 (a returning or arriving resident), 30条の46 (a foreign resident who
     * landed and set an address) or 30条の47 (a person in Japan who became a foreign resident). Implies `fromAbroad`.
     */
    abroadGround: z.enum(['国外転入', '30条の46', '30条の47']).optional(),
    /**
     * 未届転入 (spec §4.1.1.4): the person lived at `previousAddress` without notifying it; `lastRegisteredAddress` is
     * the 最終登録住所地 (where the person is still registered or was last removed), which gets the 転入通知.
     */
    unreported: z.object({ lastRegisteredAddress: z.string().min(1).max(300) }).optional(),
    address: AddressInput.optional(), householdId: Id.optional(), persons: z.array(NewPersonInput).min(1).max(20) }),
  z.object({ kind: z.literal('ex-officio-entry'), ...Common, previousAddress: z.string().max(300).default(''), previousAddressDetail: AddressDetailInput.optional(),
    address: AddressInput.optional(), householdId: Id.optional(), persons: z.array(NewPersonInput).min(1).max(20) }),
  z.object({ kind: z.literal('birth'), ...Common, householdId: Id, person: NewPersonInput, parentPersonIds: z.array(Id).max(2).default([]) }),
  z.object({ kind: z.literal('move-within'), ...Common, personIds: z.array(Id).min(1), address: AddressInput.optional(), householdId: Id.optional(),
    newHeadPersonId: Id.optional(), relationships: Relationships.default({}), remainingHeadPersonId: Id.optional(), remainingRelationships: Relationships.default({}) }),
  z.object({ kind: z.literal('move-out'), ...Common, personIds: z.array(Id).min(1), destination: z.string().min(1).max(300), abroad: z.boolean().default(false),
    /** 転出先 structured (都道府県・市区町村・町字・郵便番号), alongside the text. */
    destinationDetail: AddressDetailInput.optional(),
    /** The clerk confirmed a 転出予定日 more than 14 days ahead (otherwise such a date is refused with `move-out-date-confirm`). */
    confirmPlannedDate: z.boolean().default(false),
    /**
     * 特例転出 (住基法24条の2, spec §4.1.3.0.4): notified with a マイナンバーカード (at the counter or online); no 転出証明書 is
     * issued, the 転出証明書情報 goes to the new municipality through the 住基ネット CS.
     */
    special: z.boolean().optional(),
    remainingHeadPersonId: Id.optional(), remainingRelationships: Relationships.default({}) }),
  z.object({ kind: z.literal('death'), ...Common, personId: Id, remainingHeadPersonId: Id.optional(), remainingRelationships: Relationships.default({}) }),
  z.object({ kind: z.literal('ex-officio-removal'), ...Common, personId: Id,
    /** 失踪宣告 (on the 本籍地's 法9条2項 notice, spec §4.2.2.2; the date may be 推定 or 不詳), or another 職権消除 ground. */
    ground: z.enum(['失踪宣告', '実態調査', 'その他', ...IMMIGRATION_REMOVAL_GROUNDS]).optional(),
    remainingHeadPersonId: Id.optional(), remainingRelationships: Relationships.default({}) }),
  z.object({ kind: z.literal('household-split'), ...Common, personIds: z.array(Id).min(1), newHeadPersonId: Id, relationships: Relationships.default({}),
    remainingHeadPersonId: Id.optional(), remainingRelationships: Relationships.default({}) }),
  z.object({ kind: z.literal('household-merge'), ...Common, fromHouseholdId: Id, toHouseholdId: Id, relationships: Relationships }),
  z.object({ kind: z.literal('head-change'), ...Common, householdId: Id, newHeadPersonId: Id, relationships: Relationships }),
  z.object({ kind: z.literal('ex-officio-correction'), ...Common, personId: Id, patch: PersonPatch }),
  z.object({ kind: z.literal('clerical-correction'), ...Common, personId: Id, patch: PersonPatch }),
  /** 異動の取消し of any final change (spec §4.6), for all its persons or only `personIds`. */
  z.object({ kind: z.literal('cancellation'), ...Common, changeId: Id, personIds: z.array(Id).min(1).optional() }),
  /** 旧氏の記載・変更 (`action: enter`) or 削除 (住基法施行令 30条の13–30条の16; Japanese residents only). */
  z.object({ kind: z.literal('old-surname'), ...Common, personId: Id, action: z.enum(['enter', 'delete']), oldSurname: Name.optional(), oldSurnameKana: Kana.optional() }),
  /** 通称の記載 or 削除 (施行令 30条の26; foreign residents only); the history is kept on the record. */
  z.object({ kind: z.literal('alias'), ...Common, personId: Id, action: z.enum(['enter', 'delete']), alias: Name.optional(), aliasKana: Kana.optional() }),
  /** 在留資格・在留期間の変更 (foreign residents; from the 入管 notice or the card). */
  z.object({ kind: z.literal('residence-status-change'), ...Common, personId: Id, residenceStatus: z.string().min(1).max(100), residencePeriod: z.string().min(1).max(50),
    residenceExpiry: DateText, residenceCardNo: CardNo.optional(), category: z.enum(FOREIGN_CATEGORIES).optional() }),
  /** 帰化 (foreign → Japanese): 本籍 required, the 30条の45 items end, the name may change. */
  z.object({ kind: z.literal('naturalization'), ...Common, personId: Id, honseki: z.string().min(1).max(200), honsekiDetail: AddressDetailInput.optional(), hittosha: Name.optional(), name: NameChange.default({}) }),
  /** 国籍喪失 (Japanese → foreign): the 30条の45 items are required. */
  z.object({ kind: z.literal('nationality-loss'), ...Common, personId: Id, foreign: ForeignInput, romanName: z.string().max(200).optional() }),
  /** 世帯変更: members join another household at the same address, and/or 続柄 change, without a move. */
  z.object({ kind: z.literal('household-change'), ...Common, householdId: Id, personIds: z.array(Id).default([]), relationships: Relationships.default({}),
    remainingHeadPersonId: Id.optional(), remainingRelationships: Relationships.default({}) }),
  /** 軽微な修正 (施行規則 11条3項2号): characters of the name or the notation of the household's address; always 職権. */
  z.object({ kind: z.literal('minor-correction'), ...Common, personId: Id, ground: z.enum(MINOR_CORRECTION_GROUNDS), name: NameChange.optional(), address: AddressInput.optional() }),
  /** 転入通知の受理: the new municipality's notice for a person who moved out (recorded on the 除票). */
  z.object({ kind: z.literal('move-in-notice'), ...Common, personId: Id, destination: z.string().min(1).max(300), destinationDetail: AddressDetailInput.optional(), movedOn: DateText }),
  /**
   * 個人番号の変更請求・職権修正・職権記載 (番号法7条, spec §1.2.2, §4.4): the new number as notified by J-LIS. A 変更請求
   * is the person's request (number leaked and misuse feared); 職権修正 corrects a wrong number; 職権記載 enters a missing one.
   */
  z.object({ kind: z.literal('my-number-change'), ...Common, personId: Id, ground: z.enum(['request', 'ex-officio-correction', 'ex-officio-entry']), myNumber: Digits }),
  /**
   * 住民票コードの変更請求 (住基法30条の4) or 職権記載 (spec §4.3): a new code drawn from the municipality's allotted stock,
   * or for 職権記載 the code given by the 都道府県 (`residentCode`).
   */
  z.object({ kind: z.literal('resident-code-change'), ...Common, personId: Id, ground: z.enum(['request', 'ex-officio-entry']), residentCode: Digits.optional() }),
  /** 住所の変更 by 住居表示の実施 or 区画整理 for one household (usually written by POST /address-changes). */
  z.object({ kind: z.literal('address-renaming'), ...Common, householdId: Id, cause: z.enum(['住居表示', '区画整理']), address: AddressInput }),
  /**
   * 振り仮名の記載 (令和5年法律第48号): the readings the 本籍地 notified, with their status — `notified` (通知済: to be
   * recorded in the 戸籍) or `certified` (公証: recorded in the 戸籍). Always 職権; only certified readings print as 振り仮名.
   */
  z.object({ kind: z.literal('reading'), ...Common, personId: Id, status: z.enum(['notified', 'certified']),
    familyNameKana: Kana.optional(), givenNameKana: Kana.optional(), oldSurnameKana: Kana.optional() }),
  /**
   * 事実上の世帯主の記載 or 削除 (spec §4.1.4.3), on request: the name of the person who in fact heads the household, a
   * remark (備考) carried by every member; not printed on certificates.
   */
  z.object({ kind: z.literal('de-facto-head'), ...Common, householdId: Id, action: z.enum(['enter', 'delete']), name: Name.optional() }),
  /** 改製 (spec §1.1.4, R23; manual, never automatic): a new record with the items in force, the old one kept as 改製原住民票. Always 職権. */
  z.object({ kind: z.literal('reform'), ...Common, personId: Id }),
  /** 再製 (住基法施行令10条): the record re-made from its latest state after it was lost or damaged; `ground` says why. Always 職権. */
  z.object({ kind: z.literal('remake'), ...Common, personId: Id, ground: z.string().trim().min(1).max(200) }),
]).openapi('RegistryChangeInput');
export type ChangeInput = z.infer<typeof ChangeInput>;
export type ChangeInputOf<K extends ChangeInput['kind']> = Extract<ChangeInput, { kind: K }>;

/** Path and query parameters. */
export const PersonIdParams = z.object({ personId: z.string().uuid() });
export const HouseholdIdParams = z.object({ householdId: z.string().uuid() });
export const ChangeIdParams = z.object({ changeId: z.string().uuid() });

const Bool = z.enum(['true', 'false']).optional().transform((v) => v === 'true');

export const PersonQuery = z.object({
  /** A date (YYYY-MM-DD): show the record in force on that day. */
  asOf: QueryDay.optional(),
  /** `my-number` to show the 個人番号 (needs the permission and a purpose; logged). */
  unmask: z.enum(['my-number']).optional(),
  /** 利用目的, recorded in the access log. */
  purpose: z.string().max(200).optional(),
});

export const SearchQuerySchema = z.object({
  /** 氏名 in kanji, alphabet or kana (folded: 髙/高, ヴ/ブ, small kana …). */
  name: z.string().max(100).optional(),
  mode: z.enum(['prefix', 'partial', 'exact']).optional(),
  /** 生年月日 in 和暦 or 西暦, full or partial (`S40`, `昭和40年1月`, `1965-01-02`). */
  birthDate: z.string().max(40).optional(),
  townCode: z.string().regex(/^\d{7}$/).optional(),
  /** Part of the address (町字, 番地, 方書). */
  address: z.string().max(200).optional(),
  /** 過去の住所: `address` also matches the resident's earlier addresses in the municipality and their 転入前住所. */
  pastAddress: Bool,
  householdId: z.string().uuid().optional(),
  /** 生年月日の範囲 (from/to, 和暦 or 西暦, full or partial; either end may be left open). */
  birthFrom: z.string().max(40).optional(),
  birthTo: z.string().max(40).optional(),
  /** 異動日の範囲: residents with a final 異動 in the period. */
  changedFrom: z.string().max(40).optional(),
  changedTo: z.string().max(40).optional(),
  /** 宛名番号 and 世帯番号. */
  atenaNo: Digits.optional(),
  householdNo: Digits.optional(),
  /** 性別 and 続柄 narrow a search; alone they are no criterion. */
  sex: z.enum(['male', 'female']).optional(),
  relationship: z.string().max(40).optional(),
  /** 消除事由: only 除票 removed for this reason. */
  removalReason: z.enum(REMOVAL_REASONS as [RemovalReason, ...RemovalReason[]]).optional(),
  /** 空欄検索: residents whose item is blank (residentCode, myNumber, reading, honseki (Japanese), residenceCardNo (foreign)). */
  emptyItem: z.enum(EMPTY_ITEMS).optional(),
  residentCode: Digits.optional(),
  myNumber: Digits.optional(),
  residenceCardNo: CardNo.optional(),
  /** Include 除票 (removed records). */
  includeRemoved: Bool,
  limit: z.coerce.number().int().min(1).max(200).optional(),
  purpose: z.string().max(200).optional(),
});

export const HouseholdQuery = z.object({ includeRemoved: Bool });
export const StatisticsQuery = z.object({
  /** 基準日 (西暦 or 和暦); must be a real calendar day. */
  asOf: QueryDay.optional(),
  format: z.enum(['json', 'csv']).optional(),
});
export const BulkApprovalInput = z.object({ changeIds: z.array(z.string().uuid()).min(1).max(100) }).openapi('RegistryBulkApproval');

const AlertView = z.object({ code: z.string(), message: z.string() });
const ReadingStatusView = z.enum(READING_STATUSES);
const LegalDateView = z.object({ sortKey: z.string(), precision: z.enum(['day', 'month', 'year', 'unknown']), display: z.string() });

export const PersonView = z.object({
  personId: z.string().uuid(), historyNo: z.number().int(), atenaNo: z.string(), householdId: z.string().uuid(), householdNo: z.string(),
  relationship: z.string(), memberOrder: z.number().int(),
  /** 子の夫・子の妻・子の子: the 子 (person id) whose family they belong to (spec §5.2), when recorded. */
  familyOf: z.string().nullable(), residentKind: z.enum(['japanese', 'foreign']),
  familyName: z.string(), givenName: z.string(), familyNameKana: z.string(), givenNameKana: z.string(),
  romanName: z.string().nullable(), oldSurname: z.string().nullable(), oldSurnameKana: z.string().nullable(), alias: z.string().nullable(), aliasKana: z.string().nullable(),
  /** 振り仮名 status per reading: unconfirmed (未確認), notified (通知済), certified (公証; the only status printed as 振り仮名). */
  readingStatus: z.object({ familyNameKana: ReadingStatusView, givenNameKana: ReadingStatusView, oldSurnameKana: ReadingStatusView }),
  birthDate: LegalDateView, sex: z.enum(['male', 'female']), honseki: z.string().nullable(), hittosha: z.string().nullable(),
  address: z.object({ townCode: z.string().nullable(), townName: z.string(), banchi: z.string(), katagaki: z.string(), check: z.enum(['listed', 'unlisted', 'no-list']),
    /** 郵便番号 (spec §1.1.17), from the 町字 master or entered. */
    postalCode: z.string().nullable().optional(),
    /** 住所コード (11 digits) of the 町字. */
    addressCode: z.string().nullable().optional() }),
  /** Structured 本籍, 転入前住所, 転出先 (with 郵便番号 and 住所コード), null when only the text was entered. */
  honsekiDetail: AddressDetailView.nullable(), previousAddressDetail: AddressDetailView.nullable(), destinationDetail: AddressDetailView.nullable(),
  becameResidentOn: z.string(), addressFixedOn: z.string(), notifiedOn: z.string().nullable(), previousAddress: z.string().nullable(),
  /** Masked (`************`) unless unmasked with permission and purpose. */
  myNumber: z.string().nullable(), myNumberUnmasked: z.boolean(), residentCode: z.string().nullable(),
  foreign: z.record(z.string(), z.unknown()).nullable(),
  status: z.enum(['resident', 'leaving', 'removed']), removedOn: z.string().nullable(),
  /** The legal text of a vague 死亡・失踪 date (「推定令和6年3月」); `removedOn` is then its first day. */
  removedOnText: z.string().nullable(), removalReason: z.string().nullable(), destination: z.string().nullable(),
  /** The ground of a 職権消除 (「失踪宣告」…), null otherwise. */
  removalGround: z.string().nullable(),
  /** A late 転出 processed 職権: its paper is the 転出証明書に準ずる証明書. */
  moveOutExOfficio: z.boolean(),
  /** 特例転出 (マイナンバーカード): no 転出証明書, the 転出証明書情報 went through the 住基ネット. */
  specialMoveOut: z.boolean(),
  /** 最終登録住所地 of a 未届転入 (not a 住民票 item; where the 転入通知 goes). */
  lastRegisteredAddress: z.string().nullable(),
  /** 事実上の世帯主 of the person's household (spec §4.1.4.3; a remark, not printed). */
  deFactoHead: z.string().nullable(),
  /** 改製年月日 (spec §1.1.4) when this record was written by a 改製; 再製 date and ground (施行令10条). ISO dates. */
  reformedOn: z.string().nullable(), remadeOn: z.string().nullable(), remakeGround: z.string().nullable(),
  /** 通称の記載及び削除に関する事項 (施行令 30条の26): every entry and deletion with its date and municipality, oldest first. */
  aliasHistory: z.array(z.object({ action: z.enum(['entered', 'deleted']), alias: z.string(), aliasKana: z.string().nullable(), on: z.string(), municipalityCode: z.string(), municipalityName: z.string() })),
  pendingChangeId: z.string().uuid().nullable(),
  /**
   * Items masked because the reader's roles may not see them (spec §10.4): `domicile` (本籍・筆頭者 show ＊＊＊＊),
   * `resident-code` (住民票コード shows ***********), `residence-status` (在留資格・在留期間・満了日 show ＊＊＊＊).
   */
  maskedItems: z.array(z.enum(['domicile', 'resident-code', 'residence-status'])),
}).openapi('RegistryPerson');

export const PersonHit = z.object({
  personId: z.string().uuid(), atenaNo: z.string(), householdId: z.string().uuid(), name: z.string(), nameKana: z.string(), romanName: z.string().nullable(),
  birthDate: z.string(), sex: z.enum(['male', 'female']), address: z.string(), relationship: z.string(), status: z.enum(['resident', 'leaving', 'removed']),
  householdNo: z.string(), oldSurname: z.string().nullable(), alias: z.string().nullable(), removalReason: z.string().nullable(),
  /** Which record (spec §1.1.5): current 住民票, 除票 (main DB), 除票 in the 除票DB, 改製原住民票. */
  recordKind: z.enum(['current', 'removed', 'archived', 'reformed']).optional(), recordLabel: z.string().optional(),
}).openapi('RegistryPersonHit');

export const ChangeView = z.object({
  changeId: z.string().uuid(),
  /** 受付番号 within the municipality's year (`receiptLabel` as shown, e.g. 「令和8年第12号」); null for migrated data. */
  receiptNo: z.number().int().nullable(), receiptYear: z.number().int().nullable(), receiptLabel: z.string().nullable(),
  kind: z.string(), reasonCode: z.string(), status: z.enum(['provisional', 'returned', 'final', 'withdrawn']),
  occurredOn: z.string(), notifiedOn: z.string().nullable(), processedOn: z.string(), processedAt: z.string(), exOfficio: z.boolean(), notifier: z.string(),
  /** 申出を受けた職権 and its 申出日 (spec §4.2.0.5). */
  onRequest: z.boolean(), requestedOn: z.string().nullable(),
  operatorId: z.string(), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), cancelsChangeId: z.string().uuid().nullable(),
  personIds: z.array(z.string().uuid()), householdIds: z.array(z.string().uuid()), alerts: z.array(AlertView), note: z.string(),
  /** The last 差戻し: reason shown to the clerk, who and when (kept after a 再提出). */
  returnedReason: z.string().nullable(), returnedBy: z.string().nullable(), returnedAt: z.string().nullable(),
}).openapi('RegistryChange');

/** Filters of GET /provisional-changes (a counter clerk always gets their own changes only). */
export const ChangeQueueQuery = z.object({
  status: z.enum(['provisional', 'returned', 'open']).optional().openapi({ description: 'provisional (default), returned (差戻し中) or open (both)' }),
  kind: z.string().max(40).optional(),
  operator: z.union([z.literal('mine'), z.string().uuid()]).optional().openapi({ description: '`mine` or a staff id' }),
});

/** Body of POST /changes/{changeId}/returns (差戻し). */
export const ChangeReturnInput = z.object({ reason: z.string().min(1).max(1000) }).openapi('RegistryChangeReturn');

export const ChangeRecorded = z.object({
  changeId: z.string().uuid(), status: z.literal('provisional'), kind: z.string(), reasonCode: z.string(), reasonLabel: z.string(),
  alerts: z.array(AlertView), personIds: z.array(z.string().uuid()), householdIds: z.array(z.string().uuid()),
}).openapi('RegistryChangeRecorded');

/** Response of POST /changes/preview: what recording the same body would do now; nothing is written. */
export const ChangePreview = z.object({
  kind: z.string(), reasonCode: z.string(), reasonLabel: z.string(), exOfficio: z.boolean(), onRequest: z.boolean(), requestedOn: z.string().nullable(), occurredOn: z.string(), notifiedOn: z.string().nullable(),
  /** Warnings that do not block the change (e.g. late notification); the same the change would carry. */
  alerts: z.array(AlertView),
  /** Each affected person's proposed record; a new person's ids and 宛名番号 are what it would get now, not reserved. */
  persons: z.array(z.object({ isNewPerson: z.boolean(), effectiveOn: z.string(), record: PersonView })),
}).openapi('RegistryChangePreview');

export const HistoryEntry = z.object({
  historyNo: z.number().int(), effectiveOn: z.string(),
  change: z.object({ changeId: z.string().uuid(), kind: z.string(), reasonCode: z.string(), status: z.string(), occurredOn: z.string(), notifiedOn: z.string().nullable(),
    processedOn: z.string(), operatorId: z.string(), decidedBy: z.string().nullable(), notifier: z.string(), exOfficio: z.boolean(),
    onRequest: z.boolean(), requestedOn: z.string().nullable(), cancelsChangeId: z.string().uuid().nullable() }),
  record: PersonView,
  /** The items this entry changed, before → after, against the record in force before it (display text; spec §2.2.1). */
  changes: z.array(z.object({ item: z.string(), before: z.string(), after: z.string() })),
}).openapi('RegistryHistoryEntry');

export const HouseholdView = z.object({
  householdId: z.string().uuid(), householdNo: z.string(), version: z.number().int(), pendingChangeId: z.string().uuid().nullable(),
  headPersonId: z.string().uuid().nullable(), address: PersonView.shape.address.nullable(),
  /** 事実上の世帯主 (spec §4.1.4.3), recorded on request; null when none. */
  deFactoHead: z.string().nullable(), members: z.array(PersonView),
}).openapi('RegistryHousehold');

export const ProvisionalChangeView = ChangeView.extend({ persons: z.array(PersonView) }).openapi('RegistryProvisionalChange');

export const StatisticsView = z.object({
  municipalityCode: z.string(), asOf: z.string(),
  total: z.object({ persons: z.number(), male: z.number(), female: z.number(), japanese: z.number(), foreign: z.number(), households: z.number() }),
  byTown: z.array(z.object({ townCode: z.string().nullable(), townName: z.string(), persons: z.number(), male: z.number(), female: z.number(), japanese: z.number(), foreign: z.number(), households: z.number() })),
  byAgeBand: z.array(z.object({ band: z.number(), label: z.string(), male: z.number(), female: z.number(), japanese: z.number(), foreign: z.number() })),
}).openapi('RegistryStatistics');

