// SPDX-License-Identifier: EUPL-1.2
/**
 * Search keys for names (spec §2.1.2). Stored names are never normalised; these functions compute separate
 * fold keys so that 髙/高, 﨑/崎, 邊/邉/辺, full/half width, small kana, ヴ/ブ, voiced marks and long vowels
 * match. Pure.
 */

/** Variant (異体字) → representative. Curated pairs; extend from the MJ縮退マップ (CC BY-SA) when licensed. */
const KANJI_VARIANTS: Record<string, string> = {
  髙: '高', 﨑: '崎', 嵜: '崎', 碕: '崎', 邊: '辺', 邉: '辺', 濱: '浜', 濵: '浜', 齋: '斎', 齊: '斉', 斋: '斎',
  澤: '沢', 德: '徳', 櫻: '桜', 廣: '広', 國: '国', 實: '実', 惠: '恵', 榮: '栄', 壽: '寿', 龍: '竜', 瀨: '瀬',
  眞: '真', 藏: '蔵', 淵: '渕', 渊: '渕', 曾: '曽', 冨: '富', 槇: '槙', 嶋: '島', 嶌: '島', 萬: '万', 與: '与',
  舘: '館', 會: '会', 禮: '礼', 條: '条', 鐵: '鉄', 戶: '戸', 户: '戸', 黑: '黒', 繪: '絵', 傳: '伝', 團: '団',
  學: '学', 營: '営', 靜: '静', 縣: '県', 藝: '芸', 驛: '駅', 寳: '宝', 寶: '宝', 豐: '豊', 邨: '村', 峯: '峰',
  埜: '野', 栁: '柳', 﨔: '欅', 籐: '藤', 䕨: '藤', 籘: '藤', 兒: '児',
  圓: '円', 關: '関', 區: '区', 驗: '験', 瀧: '滝', 檜: '桧', 晉: '晋', 亞: '亜', 彌: '弥', 廸: '迪',
};

/** Every variant (異体字) with its representative, for folding in SQL (search by past address). */
export function variantPairs(): ReadonlyArray<readonly [string, string]> {
  return Object.entries(KANJI_VARIANTS);
}

/** The representative a variant (異体字) is searched as (髙 → 高), or undefined when the character is not in the table. */
export function variantRepresentative(ch: string): string | undefined {
  return KANJI_VARIANTS[ch];
}

const VARIATION_SELECTORS = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;

/** Folds a kanji (or Latin) name for search: variants, compatibility ideographs, width; spaces removed. */
export function foldName(text: string): string {
  let out = '';
  for (const ch of text.replace(VARIATION_SELECTORS, '')) {
    const cp = ch.codePointAt(0)!;
    let c = KANJI_VARIANTS[ch] ?? ch;
    // CJK compatibility ideographs (塚 U+FA10 → 塚): NFC on the key only, never on the stored name.
    if (c === ch && ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f))) c = ch.normalize('NFC');
    // Width and compatibility forms of non-ideographs (Ａ→A, ｶ→カ, ㈱ is refused at input).
    else if (c === ch && !(cp >= 0x3400 && cp <= 0x9fff) && cp < 0x20000) c = ch.normalize('NFKC');
    out += KANJI_VARIANTS[c] ?? c;
  }
  return out.replace(/[\s\u3000・･.,、]/g, '').replace(/[ヶヵ]/g, 'ケ').toUpperCase();
}

const SMALL_TO_LARGE: Record<string, string> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
};
const O_ROW = new Set([...'オコソトノホモヨロヲ']);

/** Folds a reading (katakana or hiragana, any width) for search, per spec §2.1.2. */
export function foldKana(text: string): string {
  let s = text.normalize('NFKC');
  s = s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  s = s.replace(/ヴァ/g, 'バ').replace(/ヴィ/g, 'ビ').replace(/ヴェ/g, 'ベ').replace(/ヴォ/g, 'ボ').replace(/ヴ/g, 'ブ')
    .replace(/ヂ/g, 'ジ').replace(/ヅ/g, 'ズ');
  s = s.normalize('NFD').replace(/[\u3099\u309A]/g, '').normalize('NFC');
  s = s.replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => SMALL_TO_LARGE[c]!);
  s = s.replace(/ヲ/g, 'オ').replace(/ワ/g, 'ハ');
  s = s.replace(/[ー―－‐\-ｰ\s\u3000・]/g, '');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    out += i > 0 && c === 'ウ' && O_ROW.has(out[out.length - 1]!) ? 'オ' : c;
  }
  return out.toUpperCase();
}

/** True when the text is only kana, spaces and long-vowel marks (then it is searched as a reading). */
export function isKanaQuery(text: string): boolean {
  return /^[\u3041-\u3096\u30A1-\u30FA\u30FC\uFF66-\uFF9F\s\u3000ー―－‐\-ｰ・]+$/.test(text);
}

/** Refused characters in names (spec §2.1.2 MUST NOT: （株）（有） and similar symbols). */
export function hasForbiddenNameSymbols(text: string): boolean {
  return /[（(]\s*[株有]\s*[）)]|[㈱㈲]/.test(text);
}
