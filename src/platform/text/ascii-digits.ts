// SPDX-License-Identifier: EUPL-1.2
/** Full-width digits typed with a Japanese IME (０-９) as ASCII digits; everything else as it was. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
