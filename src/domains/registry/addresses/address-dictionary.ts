// SPDX-License-Identifier: EUPL-1.2
/**
 * The national address dictionary as data (spec §1.3.3, §1.1.17): the structured form of 本籍, 転入前住所 and 転出先
 * (都道府県, 市区町村 from the national list of 全国地方公共団体コード, 町字 where that municipality's ABR 町字マスター
 * is loaded, the rest as text), their 郵便番号, and the 11-digit 住所コード. Pure; the lookups are loaded by the
 * service (address-dictionary.repository.ts). The address as entered (text) stays the legal value, never rewritten:
 * the structure is kept alongside it.
 */
import { checkDigit } from '../../../platform/tenancy/municipality-code.ts';
import { matchTown, type Town } from './address-master.ts';

/** A structured address kept alongside the printed text of 本籍, 転入前住所 or 転出先 (and 住所's postal code). */
export interface AddressDetail {
  /** 郵便番号 (7 digits). */
  postalCode: string | null;
  /** Where the postal code came from: the loaded master of that municipality, or entered by staff. */
  postalSource: 'master' | 'entered' | null;
  /** 都道府県コード (JIS X 0401, 2 digits). */
  prefectureCode: string | null;
  /** 全国地方公共団体コード (6 digits, with check digit) of the 市区町村 (or 行政区). */
  municipalityCode: string | null;
  /** 町字コード (7 digits: the ABR 町字ID) from that municipality's loaded 町字マスター. */
  townCode: string | null;
  /** 町字 name from the master ('' when no 町字 was picked). */
  townName: string;
  /** 番地・号・方書 etc. as text. */
  rest: string;
  /** 住所コード (11 digits), when the 町字 was picked; see {@link addressCodeOf}. */
  addressCode: string | null;
}

/** What staff give for a structured address (all optional: a postal code alone is enough). */
export interface AddressDetailInput {
  postalCode?: string;
  prefectureCode?: string;
  municipalityCode?: string;
  townCode?: string;
  /** 町字 by name (with or without 「大字」), when no code is given (the console's pick sends names). */
  townName?: string;
  rest?: string;
}

/** Reference data the resolution reads: national list rows, 町字 and postal codes of loaded municipalities. */
export interface DictionaryLookups {
  municipality(code: string): { code: string; prefectureCode: string; class: string } | undefined;
  /** The 町字 of a municipality's loaded master (undefined: not loaded). */
  towns(municipalityCode: string): readonly Town[] | undefined;
  /** The postal codes of a municipality's loaded KEN_ALL rows (undefined or empty: not loaded). */
  postalCodes(municipalityCode: string): ReadonlySet<string> | undefined;
}

/** A structured address the rules refused: the error code of registry-errors.ts. */
export class AddressDetailError extends Error {
  constructor(readonly code: 'invalid-postal-code' | 'unknown-municipality' | 'unknown-dictionary-town' | 'postal-code-mismatch') { super(code); }
}

/** 「399-0702」「３９９０７０２」 → 「3990702」; null for blank. @throws AddressDetailError for anything but 7 digits */
export function normalizePostalCode(v: string | null | undefined): string | null {
  const t = (v ?? '').normalize('NFKC').replace(/[-‐－ー−\s〒]/g, '');
  if (!t) return null;
  if (!/^\d{7}$/.test(t)) throw new AddressDetailError('invalid-postal-code');
  return t;
}

/**
 * The 11-digit 住所コード of standard v1.0 §1.3.3 (brief §4.1: 都道府県 2 [JIS X 0401] + 市区町村 3 [JIS X 0402] + 大字 3 +
 * 小字 3): the 5-digit 市区町村コード (the 全国地方公共団体コード without its check digit) and the 町字 as 大字 3 + 小字
 * 3. The ABR 町字ID is 大字・町 4 digits + 丁目・小字 3 digits; an ID whose 大字・町 part is below 1000 (leading 0, all
 * of the ABR's 町字 of ordinary municipalities seen so far) gives the code, a larger one cannot be written in 3
 * digits (null, said on screen as 「住所コードなし」).
 */
export function addressCodeOf(municipalityCode: string, townCode: string): string | null {
  if (!/^\d{6}$/.test(municipalityCode) || !/^\d{7}$/.test(townCode) || townCode[0] !== '0') return null;
  return `${municipalityCode.slice(0, 5)}${townCode.slice(1)}`;
}

/**
 * Resolves a structured address: checks the 市区町村 against the national list, the 町字 against that municipality's
 * loaded master, and the postal code (entered: 7 digits, and one of the municipality's when its postal codes are
 * loaded; not entered: the 町字's from the master). Returns null when nothing was given.
 * @throws AddressDetailError
 */
export function resolveAddressDetail(input: AddressDetailInput | undefined, look: DictionaryLookups): AddressDetail | null {
  if (!input) return null;
  const entered = normalizePostalCode(input.postalCode);
  const code = input.municipalityCode?.trim() || null;
  const m = code ? look.municipality(code) : undefined;
  if (code && (!m || m.class === '都道府県')) throw new AddressDetailError('unknown-municipality');
  const pref = m?.prefectureCode ?? (input.prefectureCode?.trim() || null);
  if (pref && (!/^\d{2}$/.test(pref) || look.municipality(prefectureRowCode(pref))?.class !== '都道府県')) throw new AddressDetailError('unknown-municipality');
  if (input.prefectureCode && m && input.prefectureCode !== m.prefectureCode) throw new AddressDetailError('unknown-municipality');
  let town: Town | undefined;
  let townName = input.townName?.trim();
  let rest = (input.rest ?? '').trim();
  // A 町字 typed by name that is not a current one of the master (no master loaded, or an old name, which 本籍 may
  // keep, spec §1.3.3) is text: it goes before the rest, without a 町字コード.
  if (townName && !input.townCode && code && matchTown(look.towns(code) ?? [], { townName }).kind !== 'listed') [rest, townName] = [`${townName}${rest}`, undefined];
  if (input.townCode || townName) {
    if (!code) throw new AddressDetailError('unknown-dictionary-town');
    const m = matchTown(look.towns(code) ?? [], input.townCode ? { townCode: input.townCode } : { townName });
    if (m.kind !== 'listed') throw new AddressDetailError('unknown-dictionary-town');
    town = m.town;
  }
  if (!entered && !pref && !rest) return null;
  let postalCode = entered;
  let postalSource: AddressDetail['postalSource'] = entered ? 'entered' : null;
  if (entered && code) {
    const known = look.postalCodes(code);
    if (town?.postalCode && entered !== town.postalCode && (!known || !known.has(entered))) throw new AddressDetailError('postal-code-mismatch');
    if (!town?.postalCode && known && known.size > 0 && !known.has(entered)) throw new AddressDetailError('postal-code-mismatch');
    if (town?.postalCode === entered) postalSource = 'master';
  }
  if (!entered && town?.postalCode) [postalCode, postalSource] = [town.postalCode, 'master'];
  return {
    postalCode, postalSource, prefectureCode: pref, municipalityCode: code, townCode: town?.code ?? null, townName: town?.name ?? '', rest,
    addressCode: code && town ? addressCodeOf(code, town.code) : null,
  };
}

/** The national list's row of a prefecture: 「13」 → 「130001」 (2 digits, 000, check digit). */
export function prefectureRowCode(pref: string): string {
  return `${pref}000${checkDigit(`${pref}000`)}`;
}
