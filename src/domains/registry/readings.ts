// SPDX-License-Identifier: EUPL-1.2
/**
 * フリガナ and number fields as entered at the counter (spec §1.1.18): readings are katakana; hiragana and
 * half-width katakana are converted on input (a friendly counter), Latin letters and kanji are refused. Number
 * fields (個人番号, 住民票コード, 在留カード番号) accept full-width digits, normalised to ASCII before validation.
 * The legal names themselves (氏名, 旧氏, 通称, 番地) are never normalised. Pure.
 */

/** Hiragana → katakana, half-width katakana → full-width (NFKC, which also composes ｶﾞ → ガ); spaces kept as entered. */
export function normalizeKana(input: string): string {
  const s = input.trim().replace(/[\uFF61-\uFF9F]+/g, (m) => m.normalize('NFKC'));
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** True when a reading is katakana only (with ー, ・, ヽヾ and spaces between words). Empty is not checked here. */
export function isKatakanaReading(s: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB\u30FD\u30FE\u3000 ]*$/.test(s);
}

/** Full-width digits and Latin letters → ASCII. */
export function toAsciiAlnum(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** A number field as entered (「１２３４ ５６７８ ９０１２」) → its ASCII digits, spaces and hyphens removed. */
export function normalizeDigits(s: string): string {
  return toAsciiAlnum(s).replace(/[\s\u3000\-－‐ー]/g, '');
}

/** 在留カード等番号 as entered → ASCII upper case without spaces (AB12345678CD). */
export function normalizeCardNo(s: string): string {
  return normalizeDigits(s).toUpperCase();
}

/** The reading fields of a person record and their names on screen. */
export const READING_FIELDS = {
  familyNameKana: '氏のフリガナ', givenNameKana: '名のフリガナ', oldSurnameKana: '旧氏のフリガナ', aliasKana: '通称のフリガナ',
} as const;
export type ReadingField = keyof typeof READING_FIELDS;

/**
 * 振り仮名の公証 (令和5年法律第48号, in force 2025-05-26): each reading of a Japanese resident has a status.
 * `unconfirmed` (未確認: entered at the counter), `notified` (通知済: the 本籍地 notified the reading to be recorded
 * in the 戸籍, not yet recorded), `certified` (公証: recorded in the 戸籍 and notified by the 本籍地). Only a
 * certified reading prints as 振り仮名 on a certificate (MUST NOT: an unverified reading printed as official).
 */
export const READING_STATUSES = ['unconfirmed', 'notified', 'certified'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];
export const READING_STATUS_LABELS: Record<ReadingStatus, string> = { unconfirmed: '未確認', notified: '通知済', certified: '公証' };
/** The readings that the 戸籍 certifies (氏名の振り仮名, 旧氏の振り仮名). */
export const CERTIFIABLE_READINGS = ['familyNameKana', 'givenNameKana', 'oldSurnameKana'] as const;
export type CertifiableReading = (typeof CERTIFIABLE_READINGS)[number];
export type ReadingStatusMap = Partial<Record<CertifiableReading, ReadingStatus>>;

/** The status of one reading of a record (absent → 未確認). */
export function readingStatusOf(r: { readingStatus?: ReadingStatusMap }, field: CertifiableReading): ReadingStatus {
  return r.readingStatus?.[field] ?? 'unconfirmed';
}

/**
 * After a change other than the 振り仮名の記載: a reading that changed (or was removed) loses its status — a
 * corrected or newly entered reading is not what the 戸籍 certified.
 */
export function settleReadingStatus<R extends { readingStatus?: ReadingStatusMap } & Partial<Record<CertifiableReading, string>>>(before: R | undefined, after: R): R {
  if (!after.readingStatus) return after;
  const kept: ReadingStatusMap = {};
  for (const f of CERTIFIABLE_READINGS) {
    const s = after.readingStatus[f];
    if (s && before && (before[f] ?? '') === (after[f] ?? '') && (after[f] ?? '') !== '') kept[f] = s;
  }
  const out = { ...after };
  if (Object.keys(kept).length > 0) out.readingStatus = kept; else delete out.readingStatus;
  return out;
}
