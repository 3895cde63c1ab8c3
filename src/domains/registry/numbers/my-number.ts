// SPDX-License-Identifier: EUPL-1.2
/**
 * 個人番号 (My Number) and 住民票コード: format and check digits. Pure.
 *
 * 個人番号: 12 digits, the last a check digit (行政手続における特定の個人を識別するための番号の利用等に関する法律
 * 施行令 / 総務省令第85号 第5条): Q = 11 − (Σ Pn × Qn mod 11), Pn the n-th digit counted from the right of
 * the first 11, Qn = n + 1 for n ≤ 6 and n − 5 for n ≥ 7; a remainder of 0 or 1 gives 0.
 *
 * 住民票コード: 11 digits. The published rule is not in our sources (brief §4.1 "from memory"); we check
 * 11 digits with a modulus-11 check digit (weights 2–7 from the right, remainder 0/1 → 0), the scheme
 * 住基ネット uses for its codes. Kept in one function so it can be corrected in one place.
 */

/** The check digit of the first 11 digits of a 個人番号. */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** True when `value` is 12 ASCII digits with the statutory check digit. */
export function isValidMyNumber(value: string): boolean {
  return /^\d{12}$/.test(value) && myNumberCheckDigit(value.slice(0, 11)) === Number(value[11]);
}

/** The check digit of the first 10 digits of a 住民票コード (modulus 11, weights 2–7 cycling from the right). */
export function residentCodeCheckDigit(first10: string): number {
  let sum = 0;
  for (let n = 1; n <= 10; n++) sum += Number(first10[10 - n]) * (((n - 1) % 6) + 2);
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** True when `value` is 11 ASCII digits with a valid check digit. */
export function isValidResidentCode(value: string): boolean {
  return /^\d{11}$/.test(value) && residentCodeCheckDigit(value.slice(0, 10)) === Number(value[10]);
}

/** The 宛名番号 check digit (spec §1.1.13: modulus 11, weights 2–7; remainder 0 or 1 → 0, our documented choice). */
export function atenaCheckDigit(base: string): number {
  return residentCodeCheckDigit(base.padStart(10, '0').slice(-10));
}

/** Formats a sequence number as a 宛名番号 / 世帯番号: 9 digits plus check digit. */
export function formatRegistryNumber(seq: number): string {
  const base = String(seq).padStart(9, '0');
  return `${base}${atenaCheckDigit(base)}`;
}

/** The masked form shown to people without the unmask permission. */
export function maskMyNumber(): string {
  return '************';
}

/**
 * A demonstration allotment of 住民票コード (払出し) for demo data and tests: `count` codes (≤ 10,000) from a
 * range no real allotment uses (leading 8 + the municipality code's first five digits), in order. Production stock is
 * loaded from the allotment the 住基ネット gives (`jichi registry resident-codes load`).
 */
export function demoResidentCodeAllotment(municipalityCode: string, count: number, from = 0): string[] {
  return Array.from({ length: Math.min(count, 10_000 - from) }, (_, i) => {
    const base = `8${municipalityCode.slice(0, 5)}${String(from + i).padStart(4, '0')}`;
    return `${base}${residentCodeCheckDigit(base)}`;
  });
}
