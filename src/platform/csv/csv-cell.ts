// SPDX-License-Identifier: EUPL-1.2
/**
 * CSV cells for every export (RFC 4180 quoting), with protection against formula injection (CSV injection):
 * spreadsheet software runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or CR before one) as a
 * formula, so a resident's name or a free-text purpose could execute in a clerk's Excel. Text cells that start
 * so are written with a leading apostrophe, which spreadsheets show as text (issue #15). Numbers, dates and
 * codes the service itself produced are written as they are (`-3` stays a number).
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Quotes a field when it holds a comma, quote, CR or LF (RFC 4180). */
export function csvQuote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Neutralises a text value that a spreadsheet would read as a formula, reversibly: a value that starts with a
 * formula character (after any apostrophes) gets one more apostrophe; `unguardFormula` removes it again.
 * @example guardFormula('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function guardFormula(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** Inverse of `guardFormula` (for importing a file this platform exported). */
export function unguardFormula(v: string): string {
  return v.startsWith("'") && FORMULA_START.test(v) ? v.slice(1) : v;
}

/** A text cell: guarded against formulas, then quoted. */
export function csvText(v: unknown): string {
  return csvQuote(guardFormula(v === null || v === undefined ? '' : String(v)));
}

/** A number, date or code produced by the service: quoted only. */
export function csvValue(v: unknown): string {
  return csvQuote(v === null || v === undefined ? '' : String(v));
}
