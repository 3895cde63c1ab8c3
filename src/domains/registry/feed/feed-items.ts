// SPDX-License-Identifier: EUPL-1.2
/**
 * The change feed's records in the standard data items (住民記録 基本データリスト / 中間標準レイアウト item names, the
 * same names as the registry CSV layout), cut to a consumer's item scopes. Pure.
 *
 * Scopes group items the way the 機能別連携 datasets do: a tax system needs names, addresses and 個人番号, an
 * election system no 個人番号 and no 在留 items. `basic` is always given. A consumer without `my-number` never
 * receives 個人番号; without `protected-address`, the addresses of a person under a DV等支援措置 are withheld and
 * the record says so (支援措置対象 = 1), so the consumer can block its own output for that person.
 */
import { recordToRow } from '../csv/registry-csv-rows.ts';
import { CSV_COLUMNS, type CsvColumn } from '../csv/registry-csv-format.ts';
import type { PersonRecord } from '../registry-model.ts';
import { ELIGIBILITY_KINDS, ELIGIBILITY_LABELS, type EligibilityKind } from '../eligibility/eligibility-kinds.ts';

/** Item groups a consumer may be given. */
export const FEED_SCOPES = ['basic', 'name', 'birth-sex', 'household', 'address', 'domicile', 'foreign', 'resident-code', 'my-number', 'protected-address'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

/**
 * Kinds of consumer (連携先の種別): an ordinary business system; the 団体内統合宛名システム, the only one that may hold the
 * `my-number` scope (番号法: 宛名番号 ↔ 個人番号 is 特定個人情報, spec §7.1.2.3); the municipality's own 戸籍附票システム,
 * which reads the 附票 notices of local 本籍 holders and whose feed is cut to them (spec §7.2.4).
 */
export const FEED_CONSUMER_KINDS = ['standard', '団体内統合宛名', '戸籍附票'] as const;
export type FeedConsumerKind = (typeof FEED_CONSUMER_KINDS)[number];

/** Scopes that let a business system write a kind of eligibility (他業務の資格, spec §7.2.2): `eligibility-<kind>`. */
export const ELIGIBILITY_SCOPES = ['eligibility-election', 'eligibility-kokuho', 'eligibility-kouki', 'eligibility-kaigo', 'eligibility-nenkin',
  'eligibility-child-allowance', 'eligibility-mynumber-card'] as const satisfies ReadonlyArray<`eligibility-${EligibilityKind}`>;
export type EligibilityScope = (typeof ELIGIBILITY_SCOPES)[number];
/** Every scope a consumer may hold: item groups it reads and eligibility kinds it writes. */
export const CONSUMER_SCOPES = [...FEED_SCOPES, ...ELIGIBILITY_SCOPES] as const;
export type ConsumerScope = FeedScope | EligibilityScope;

/** Japanese labels of the scopes (CLI and console). */
export const FEED_SCOPE_LABELS: Record<ConsumerScope, string> = {
  ...Object.fromEntries(ELIGIBILITY_KINDS.map((k) => [`eligibility-${k}`, `資格の登録（${ELIGIBILITY_LABELS[k]}）`])) as Record<EligibilityScope, string>,
  basic: '基本（宛名番号・世帯番号・住民状態・消除）', name: '氏名・フリガナ・旧氏・通称', 'birth-sex': '生年月日・性別', household: '続柄・記載順位',
  address: '住所・住定日・転入前住所・転出先', domicile: '本籍・筆頭者', foreign: '国籍・在留資格等', 'resident-code': '住民票コード',
  'my-number': '個人番号', 'protected-address': '支援措置対象者の住所',
};

/** Which scope gives each item (世帯主氏名 is not in the feed: the 続柄 世帯主 record of the household names the head). */
const ITEM_SCOPE: Partial<Record<CsvColumn, FeedScope>> = {
  宛名番号: 'basic', 世帯番号: 'basic', 住民種別: 'basic', 消除事由: 'basic', 消除年月日: 'basic',
  記載順位: 'household', 続柄: 'household',
  氏: 'name', 名: 'name', 氏_フリガナ: 'name', 名_フリガナ: 'name', 氏名_外国人ローマ字: 'name', 旧氏: 'name', 旧氏_フリガナ: 'name', 通称: 'name', 通称_フリガナ: 'name',
  生年月日: 'birth-sex', 生年月日_不詳表記: 'birth-sex', 性別: 'birth-sex',
  住所_町字コード: 'address', 住所_町字: 'address', 住所_番地号表記: 'address', 住所_方書: 'address', 住所_町字一覧外: 'address',
  住民日: 'address', 住民日_不詳表記: 'address', 住定日: 'address', 住定日_不詳表記: 'address', 届出年月日: 'address', 転入前住所: 'address', 転出先住所: 'address',
  本籍: 'domicile', 筆頭者: 'domicile', 本籍_郵便番号: 'domicile',
  住所_郵便番号: 'address', 転入前住所_郵便番号: 'address', 転出先住所_郵便番号: 'address',
  国籍名等: 'foreign', 第30条45規定区分: 'foreign', 在留資格: 'foreign', 在留期間等: 'foreign', 在留期間等満了年月日: 'foreign', 在留カード等番号: 'foreign',
  外国人住民日: 'foreign', 外国人住民日_不詳表記: 'foreign',
  住民票コード: 'resident-code', 個人番号: 'my-number',
};
/** Items that reveal where a protected person lives (withheld without `protected-address`). */
const LOCATING_ITEMS = new Set<CsvColumn>(['住所_町字コード', '住所_町字', '住所_番地号表記', '住所_方書', '住所_町字一覧外', '転入前住所', '転出先住所',
  '住所_郵便番号', '転入前住所_郵便番号', '転出先住所_郵便番号']);

/** 住民状態 as the linkage datasets name it. */
export function residentState(r: PersonRecord, today: string): string {
  if (!r.removedOn || r.removedOn > today) return '住民';
  switch (r.removalReason) {
    case '国内転出': case '国外転出': return '転出';
    case '死亡': return '死亡';
    default: return '消除';
  }
}

/**
 * Whether a set of scopes is valid for a kind of consumer (known, no duplicates); `basic` is always given. Only a
 * 団体内統合宛名 consumer may hold `my-number` (and always does); eligibility is written by ordinary systems only.
 * @throws Error 'unknown-scope' or 'my-number-scope' (the caller maps it to a refusal)
 */
export function parseScopes(list: readonly string[], kind: FeedConsumerKind = 'standard'): ConsumerScope[] {
  const out = new Set<ConsumerScope>(['basic']);
  for (const s of list) {
    if (!(CONSUMER_SCOPES as readonly string[]).includes(s)) throw new Error('unknown-scope');
    if (s === 'my-number' && kind !== '団体内統合宛名') throw new Error('my-number-scope');
    if (s.startsWith('eligibility-') && kind !== 'standard') throw new Error('unknown-scope');
    out.add(s as ConsumerScope);
  }
  if (kind === '団体内統合宛名') out.add('my-number');
  return CONSUMER_SCOPES.filter((s) => out.has(s));
}

/**
 * A person's record as standard items, only those the scopes give. `myNumber` is read from the vault by the caller
 * only when the scopes include `my-number`.
 */
export function feedItems(r: PersonRecord, opts: { scopes: readonly ConsumerScope[]; myNumber?: string; protectedPerson: boolean; today: string;
  suppression?: { certificate: 'error' | 'alert' | null; feed: 'error' | 'alert' | null } }): Record<string, string> {
  const scopes = new Set(opts.scopes);
  const row = recordToRow(r, scopes.has('my-number') ? opts.myNumber : undefined, '');
  const withhold = opts.protectedPerson && !scopes.has('protected-address');
  // 抑止 propagated (spec §3.2): the 証明書発行 suppression as a flag (コンビニ交付 and others stop too); a 連携 suppression
  // at level error withholds every item but the 宛名番号. Temporary liftings are never propagated (the caller ignores them).
  const level = (l: 'error' | 'alert' | null | undefined) => (l === 'error' ? '2' : l === 'alert' ? '1' : '0');
  const items: Record<string, string> = { 住民状態: residentState(r, opts.today), 支援措置対象: opts.protectedPerson ? '1' : '0',
    証明書発行抑止: level(opts.suppression?.certificate), 連携抑止: level(opts.suppression?.feed) };
  const blocked = opts.suppression?.feed === 'error';
  CSV_COLUMNS.forEach((c, i) => {
    const scope = ITEM_SCOPE[c];
    if (!scope || !scopes.has(scope)) return;
    items[c] = (blocked && c !== '宛名番号') || (withhold && LOCATING_ITEMS.has(c)) ? '' : row[i]!;
  });
  return items;
}
