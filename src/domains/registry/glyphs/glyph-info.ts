// SPDX-License-Identifier: EUPL-1.2
/**
 * 文字の拡大表示とコード参照 (spec §2.2.3): a name split into the characters as written (a base character with its
 * variation selector, never normalised), each with its Unicode code points, the IVS made visible, its JIS X 0208
 * 区点 and 水準 when it has one (from the platform's Shift_JIS decoder, the JIS X 0208 table), its kind (CJK統合漢字,
 * 互換漢字, 拡張, 私用領域 = 外字) and the character the search treats it as (the registry's variant table). MJ文字図形名
 * are not in our data (the MJ table is CC BY-SA; see the registry README): the view says so instead of guessing. Pure.
 */
import { variantRepresentative } from '../name-folding.ts';

/** One character of a name as written, with its codes. */
export interface GlyphInfo {
  /** The character exactly as stored (base + variation selector). */
  text: string;
  /** The base character without its selector. */
  base: string;
  /** Every code point, `U+9AD9` style, the selector included. */
  codePoints: string[];
  /** The IVS / variation selector, `U+E0100` style, or null. */
  selector: string | null;
  /** Ideographic Variation Sequence (U+E0100–E01EF) or standardized variation sequence (U+FE00–FE0F). */
  selectorKind: 'ivs' | 'svs' | null;
  /** JIS X 0208 区点 (`1-25-66` style: 面-区-点) or null when outside JIS X 0208. */
  jisKuten: string | null;
  /** 第1水準 / 第2水準 for kanji in JIS X 0208, 非漢字 for its other rows, null outside. */
  jisLevel: 'level1' | 'level2' | 'non-kanji' | null;
  kind: 'kanji' | 'kanji-compat' | 'kanji-ext' | 'kana' | 'private-use' | 'other';
  /** The character the search folds this one to (髙 → 高), or null. */
  searchAs: string | null;
}

let jisTable: Map<string, [number, number]> | undefined;
let kutenTable: Map<string, string> | undefined;

/** Builds char → [区, 点] from the Shift_JIS decoder, JIS X 0208 rows only (1–84 without the vendor row 13). */
function jis(): Map<string, [number, number]> {
  if (jisTable) return jisTable;
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('shift_jis');
  for (let row = 1; row <= 84; row++) {
    if (row === 13) continue;
    for (let cell = 1; cell <= 94; cell++) {
      const s1 = row <= 62 ? Math.floor((row + 1) / 2) + 0x80 : Math.floor((row + 1) / 2) + 0xc0;
      const s2 = row % 2 === 1 ? cell + (cell <= 63 ? 0x3f : 0x40) : cell + 0x9e;
      const ch = decoder.decode(Uint8Array.from([s1, s2]));
      if (ch.length > 0 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [row, cell]);
    }
  }
  jisTable = table;
  kutenTable = new Map([...table].map(([ch, [row, cell]]) => [`${row}-${cell}`, ch]));
  return table;
}

/**
 * The text a code lookup names (spec §2.2.3 文字コードからの参照): `U+9AD9` (one or more code points, an IVS included:
 * `U+8FBA U+E0100`) or a JIS X 0208 区点 (`1-25-66` or `25-66`); any other text is returned as typed (its characters are
 * then shown). Undefined for a code that names no character.
 */
export function textOfQuery(query: string): string | undefined {
  const q = query.trim().replace(/[０-９Ａ-Ｆａ-ｆ＋－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/ー/g, '-');
  if (/^(U\+?[0-9A-F]{4,6}[\s,]*)+$/i.test(q)) {
    const cps = [...q.matchAll(/U\+?([0-9A-F]{4,6})/gi)].map((m) => parseInt(m[1]!, 16));
    if (cps.some((cp) => cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return undefined;
    return String.fromCodePoint(...cps);
  }
  const k = /^(?:1-)?(\d{1,2})-(\d{1,2})$/.exec(q);
  if (k) {
    jis();
    return kutenTable!.get(`${Number(k[1])}-${Number(k[2])}`);
  }
  return query.trim() || undefined;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const isSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

function kindOf(cp: number): GlyphInfo['kind'] {
  if ((cp >= 0x4e00 && cp <= 0x9fff) || cp === 0x3005) return 'kanji';
  if ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)) return 'kanji-compat';
  if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f)) return 'kanji-ext';
  if (cp >= 0x3040 && cp <= 0x30ff) return 'kana';
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return 'private-use';
  return 'other';
}

/** The characters of a name as written, each with its codes (spaces between 氏 and 名 are skipped). */
export function glyphsOf(name: string): GlyphInfo[] {
  const out: GlyphInfo[] = [];
  for (const ch of name) {
    const cp = ch.codePointAt(0)!;
    const last = out[out.length - 1];
    if (isSelector(cp) && last && !last.selector) {
      last.text += ch;
      last.selector = hex(cp);
      last.selectorKind = cp >= 0xe0100 ? 'ivs' : 'svs';
      last.codePoints.push(hex(cp));
      continue;
    }
    if (/\s/u.test(ch)) continue;
    const kuten = jis().get(ch);
    const kind = kindOf(cp);
    const rep = variantRepresentative(ch) ?? (kind === 'kanji-compat' ? ch.normalize('NFC') : undefined);
    out.push({
      text: ch, base: ch, codePoints: [hex(cp)], selector: null, selectorKind: null,
      jisKuten: kuten ? `1-${kuten[0]}-${kuten[1]}` : null,
      jisLevel: kuten ? (kuten[0] >= 16 && kuten[0] <= 47 ? 'level1' : kuten[0] >= 48 ? 'level2' : 'non-kanji') : null,
      kind, searchAs: rep && rep !== ch ? rep : null,
    });
  }
  return out;
}
