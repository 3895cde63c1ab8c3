// SPDX-License-Identifier: EUPL-1.2
/**
 * The municipality's address masters as data (spec §1.3.2–1.3.4): parsing the files they are loaded from, and
 * matching an entered 町字 against the loaded list. Pure: the tables are read and written by
 * address-master.repository.ts. Files: the ABR 町字マスター CSV (町字ID, readings, 住居表示 flag, validity) or Geolonia
 * 住所データ JSON (names only; CC BY 4.0), and postal codes in Japan Post's KEN_ALL layout or a three-column CSV.
 */
import { readCsvRecords } from '../csv/registry-csv-format.ts';
import { foldName } from '../name-folding.ts';
import { normalizeKana } from '../readings.ts';

/** One 町字 of the municipality's master. */
export interface Town {
  /** 7 digits: the ABR 町字ID when loaded from the ABR, else the project's own stable code. */
  code: string;
  name: string;
  /** Reading in full-width katakana ('' when the source has none). */
  kana: string;
  /** 郵便番号 (7 digits) of the 町字, when known. */
  postalCode: string | null;
  /** ABR 町字ID (7 digits) when loaded from the ABR. */
  abrId: string | null;
  /** 住居表示 implemented in the 町字 (addresses are 「1番2号」 rather than 「1234番地」). */
  residenceIndication: boolean;
  validFrom: string | null;
  abolishedOn: string | null;
}

/** A 郵便番号 and the area (町域) it covers; '' for 「以下に掲載がない場合」. */
export interface PostalArea {
  postalCode: string;
  areaName: string;
  areaKana: string;
  townCode: string | null;
}

/** Attribution to show with a master loaded from Geolonia 住所データ. */
export const GEOLONIA_ATTRIBUTION = 'Geolonia 住所データ (CC BY 4.0)';

/** A file the loader refused, with the reason in Japanese. */
export class AddressMasterFileError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: string | undefined) => {
  const t = (v ?? '').trim().replaceAll('/', '-');
  return DATE.test(t) ? t : null;
};

/** Geolonia 住所データ: `[{ town, koaza }]` in file order; codes are file order × 1000 (stable while appended to). */
export function parseGeoloniaTowns(text: string): Town[] {
  let rows: unknown;
  try { rows = JSON.parse(text); } catch { throw new AddressMasterFileError('町字ファイルを JSON として読み取れません'); }
  if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || typeof (r as { town?: unknown }).town !== 'string')) {
    throw new AddressMasterFileError('町字ファイルの形式が違います（[{"town": "…", "koaza": "…"}] の配列）');
  }
  return (rows as Array<{ town: string; koaza?: string }>).map((r, i) => ({
    code: String((i + 1) * 1000).padStart(7, '0'), name: `${r.town}${r.koaza ?? ''}`, kana: '', postalCode: null, abrId: null,
    residenceIndication: false, validFrom: null, abolishedOn: null,
  }));
}

async function records(text: string): Promise<string[][]> {
  const out: string[][] = [];
  try {
    for await (const r of readCsvRecords((async function* () { yield Buffer.from(text, 'utf8'); })())) if (r.fields.some((f) => f !== '')) out.push(r.fields);
  } catch (e) {
    throw new AddressMasterFileError(`CSV を読み取れません: ${(e as Error).message}`);
  }
  return out;
}

/** The ABR 町字マスター CSV (English header); only the municipality's rows. */
async function parseAbr(text: string, municipalityCode: string): Promise<Town[]> {
  const [header, ...rows] = await records(text);
  const col = new Map((header ?? []).map((h, i) => [h.trim().replace(/^\uFEFF/, ''), i]));
  for (const need of ['lg_code', 'machiaza_id', 'oaza_cho']) if (!col.has(need)) throw new AddressMasterFileError(`町字マスターの見出しに ${need} がありません`);
  const get = (r: string[], k: string) => (col.has(k) ? (r[col.get(k)!] ?? '').trim() : '');
  const towns: Town[] = [];
  for (const r of rows) {
    if (get(r, 'lg_code') !== municipalityCode) continue;
    const id = get(r, 'machiaza_id');
    if (!/^\d{7}$/.test(id)) throw new AddressMasterFileError(`町字IDが7桁の数字ではありません: ${id}`);
    const name = `${get(r, 'oaza_cho')}${get(r, 'chome')}${get(r, 'koaza')}`;
    if (!name) throw new AddressMasterFileError(`町字ID ${id} に名称がありません`);
    const post = get(r, 'post_code').replace('-', '');
    towns.push({
      code: id, abrId: id, name, kana: normalizeKana(`${get(r, 'oaza_cho_kana')}${get(r, 'chome_kana')}${get(r, 'koaza_kana')}`),
      postalCode: /^\d{7}$/.test(post) ? post : null, residenceIndication: get(r, 'rsdt_addr_flg') === '1',
      validFrom: day(get(r, 'efct_date')), abolishedOn: day(get(r, 'ablt_date')),
    });
  }
  return towns;
}

/**
 * Parses a 町字 file: the ABR 町字マスター CSV or Geolonia 住所データ JSON (by its first character).
 * @throws AddressMasterFileError for a file of neither form, duplicate codes, or no 町字 of the municipality
 */
export async function parseTownFile(text: string, municipalityCode: string): Promise<Town[]> {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const towns = body.startsWith('[') ? parseGeoloniaTowns(body) : await parseAbr(body, municipalityCode);
  if (towns.length === 0) throw new AddressMasterFileError(`自治体 ${municipalityCode} の町字がファイルにありません`);
  const seen = new Set<string>();
  for (const t of towns) {
    if (seen.has(t.code)) throw new AddressMasterFileError(`町字コードが重複しています: ${t.code}`);
    seen.add(t.code);
  }
  return towns;
}

/**
 * Parses postal codes: Japan Post KEN_ALL.CSV (UTF-8; 15 columns, 全国地方公共団体コード first, only the
 * municipality's rows) or `postal_code,area_name,area_kana` with that header.
 */
export async function parsePostalFile(text: string, municipalityCode: string): Promise<Omit<PostalArea, 'townCode'>[]> {
  const rows = await records(text.replace(/^\uFEFF/, ''));
  const out: Omit<PostalArea, 'townCode'>[] = [];
  const simple = rows[0]?.[0]?.trim() === 'postal_code';
  for (const r of simple ? rows.slice(1) : rows) {
    let code: string, name: string, kana: string;
    if (simple) [code, name, kana] = [r[0] ?? '', r[1] ?? '', r[2] ?? ''];
    else {
      if (r.length < 9) throw new AddressMasterFileError('郵便番号ファイルの形式が違います（KEN_ALL.CSV 又は postal_code,area_name,area_kana）');
      // KEN_ALL carries the 5-digit code (without the check digit).
      if (r[0] !== municipalityCode.slice(0, 5)) continue;
      [code, name, kana] = [r[2] ?? '', r[8] ?? '', r[5] ?? ''];
      if (name === '以下に掲載がない場合') [name, kana] = ['', ''];
    }
    code = code.trim().replace('-', '');
    if (!/^\d{7}$/.test(code)) throw new AddressMasterFileError(`郵便番号が7桁の数字ではありません: ${code}`);
    out.push({ postalCode: code, areaName: name.trim(), areaKana: normalizeKana(kana.trim()) });
  }
  if (out.length === 0) throw new AddressMasterFileError(`自治体 ${municipalityCode} の郵便番号がファイルにありません`);
  return out;
}

const key = (name: string) => foldName(name).replace(/^大字/, '');

/**
 * Links postal areas and 町字 by name (with or without 「大字」): each area gets its 町字's code, each 町字 without a
 * postal code of its own gets its area's code and, when the 町字 has no reading, the area's.
 */
export function linkPostalAreas(towns: Town[], areas: Omit<PostalArea, 'townCode'>[]): { towns: Town[]; areas: PostalArea[] } {
  const byKey = new Map(towns.map((t) => [key(t.name), t]));
  const linked = areas.map((a) => ({ ...a, townCode: a.areaName ? byKey.get(key(a.areaName))?.code ?? null : null }));
  const exact = new Map<string, { code: string; kana: string }>();
  for (const a of linked) if (a.townCode && !exact.has(a.townCode)) exact.set(a.townCode, { code: a.postalCode, kana: a.areaKana });
  // A 町字 with 丁目 (「丸の内一丁目」) is in the area of its 大字・町 (「丸の内」): the longest area name it starts with.
  const named = linked.filter((a) => a.areaName).map((a) => ({ k: key(a.areaName), code: a.postalCode })).sort((a, b) => b.k.length - a.k.length);
  const postalOf = (t: Town) => exact.get(t.code)?.code ?? named.find((a) => key(t.name).startsWith(a.k))?.code ?? null;
  return {
    towns: towns.map((t) => ({ ...t, postalCode: t.postalCode ?? postalOf(t), kana: t.kana || exact.get(t.code)?.kana || '' })),
    areas: linked,
  };
}

/** Result of matching an entered 町字 against the master. */
export type TownMatch =
  | { kind: 'listed'; town: Town }
  | { kind: 'unlisted' }
  | { kind: 'no-list' };

/**
 * Matches a 町字 by code or name against the municipality's current towns (undefined or empty: no master loaded);
 * names match on fold keys, with or without the 「大字」 prefix.
 */
export function matchTown(towns: readonly Town[] | undefined, input: { townCode?: string | null; townName?: string }): TownMatch {
  if (!towns || towns.length === 0) return { kind: 'no-list' };
  if (input.townCode) {
    const t = towns.find((x) => x.code === input.townCode);
    return t ? { kind: 'listed', town: t } : { kind: 'unlisted' };
  }
  const k = key(input.townName ?? '');
  const t = towns.find((x) => key(x.name) === k);
  return t ? { kind: 'listed', town: t } : { kind: 'unlisted' };
}

/** Towns whose reading or name starts with the input (kana prefix input, spec §1.3.3); readings folded to katakana. */
export function townsByPrefix(towns: readonly Town[], prefix: string): Town[] {
  const p = prefix.trim();
  if (!p) return [...towns];
  const kana = normalizeKana(p);
  const nameKey = key(p);
  return towns.filter((t) => (t.kana && t.kana.startsWith(kana)) || key(t.name).startsWith(nameKey));
}

/** Numeric sort code of a 住居表示 or 地番 (spec §1.3.2): each number 6 digits, so 「2番」 sorts before 「10番」. */
export function addressNumberSortCode(label: string): string {
  const digits = label.normalize('NFKC').match(/\d+/g) ?? [];
  if (digits.length === 0) return '';
  return digits.slice(0, 4).map((d) => d.padStart(6, '0')).join('-');
}
