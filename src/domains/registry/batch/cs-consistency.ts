// SPDX-License-Identifier: EUPL-1.2
/**
 * 住基ネットCSとの整合性確認 (標準仕様書 7.1.1.2): the registry's living residents compared with the 本人確認情報 the
 * 住基ネット CS holds, as a batch run (kind 'cs-consistency', requested monthly by the operator or through the API;
 * the scheduler runs requested runs). The CS is outside this machine: its extract is a file the CS link drops into
 * `<JICHI_JUKINET_INBOX_DIR>/<市区町村コード>/` (default <data>/jukinet-inbox). J-LIS's real layout is not public, so
 * the file is this CSV (UTF-8, BOM optional, CRLF or LF, a header line with these names in any order):
 *
 *   住民票コード,氏名,氏名フリガナ,生年月日,性別,住所,個人番号の有無
 *
 * - 住民票コード: 11 digits (the key of the comparison); 氏名: 氏 and 名 separated by one space (全角 or 半角), or the
 *   alphabet name of a foreign resident; 氏名フリガナ: optional, not compared; 生年月日: YYYY-MM-DD; 性別: 男 / 女
 *   (or 1 / 2); 住所: 町字・番地・方書 as the registry prints them, with or without the prefecture and municipality
 *   in front; 個人番号の有無: 有 / 無 (read, not compared). Fields may be double-quoted ("" for a quote).
 *
 * Names are compared as written (never normalised); only the separator between 氏 and 名 is read as a separator.
 * One result row per difference: a resident not in the file, a CS record no resident has, or an item that differs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../../platform/http/errors.ts';
import type { PersonRecord } from '../registry-model.ts';
import { addressLine, type BatchAlert, type BatchResult, type Resident, type ResultRow } from './batch-reports.ts';

export const CS_COLUMNS = ['区分', '住民票コード', '宛名番号', '項目', '住民記録システム', '住基ネットCS'];
export const CS_HEADER = ['住民票コード', '氏名', '氏名フリガナ', '生年月日', '性別', '住所', '個人番号の有無'] as const;
const REQUIRED = ['住民票コード', '氏名', '生年月日', '性別', '住所'] as const;

/** One 本人確認情報 of the CS extract. */
export interface CsRecord { line: number; residentCode: string; name: string; kana: string; birthDate: string; sex: 'male' | 'female'; address: string; hasMyNumber: string }

const unreadable = (detail: string) => new DomainError('cs-extract-unreadable', `住基ネットCSの本人確認情報ファイルを読み取れません（${detail}）。ファイルの形式を確認してください`, 422, 'Registry batch: cs-extract-unreadable');

/** The default file name: the newest `*.csv` whose name starts with `cs-` in the municipality's inbox folder. */
export async function csExtractPath(inboxDir: string, municipalityCode: string, file?: string): Promise<string> {
  const folder = path.join(inboxDir, municipalityCode);
  if (file) return path.join(folder, file);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const latest = names.filter((n) => /^cs-.*\.csv$/i.test(n)).sort().at(-1);
  if (!latest) throw new DomainError('cs-extract-not-found', '住基ネットCSの本人確認情報ファイルが見つかりません。CSから抽出したファイルを受信フォルダに置いてから再度実行してください', 422, 'Registry batch: cs-extract-not-found');
  return path.join(folder, latest);
}

/** Reads the file; a missing or unreadable file is refused with a Japanese message. */
export async function readCsExtract(file: string): Promise<CsRecord[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new DomainError('cs-extract-not-found', `住基ネットCSの本人確認情報ファイル（${path.basename(file)}）が見つからないか読み取れません。CSから抽出したファイルを受信フォルダに置いてから再度実行してください`, 422, 'Registry batch: cs-extract-not-found');
  }
  return parseCsExtract(text);
}

/** Splits one CSV line (RFC 4180 quoting; no line breaks inside fields). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Parses the extract (format above). @throws DomainError cs-extract-unreadable naming the line */
export function parseCsExtract(text: string): CsRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = fields(lines[0] ?? '').map((h) => h.trim());
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (missing.length > 0) throw unreadable(`見出し行に ${missing.join('・')} がありません`);
  const at = (f: string[], h: string) => { const i = header.indexOf(h); return i < 0 ? '' : (f[i] ?? ''); };
  const out: CsRecord[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const n = i + 2;
    const f = fields(line);
    const code = at(f, '住民票コード').trim();
    if (!/^\d{11}$/.test(code)) throw unreadable(`${n}行目: 住民票コードは11桁の数字です`);
    if (seen.has(code)) throw unreadable(`${n}行目: 住民票コードが重複しています`);
    seen.add(code);
    const birth = at(f, '生年月日').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birth)) throw unreadable(`${n}行目: 生年月日は YYYY-MM-DD で記載してください`);
    const s = at(f, '性別').trim();
    const sex = s === '男' || s === '1' ? 'male' : s === '女' || s === '2' ? 'female' : null;
    if (!sex) throw unreadable(`${n}行目: 性別は 男 又は 女 で記載してください`);
    out.push({ line: n, residentCode: code, name: at(f, '氏名'), kana: at(f, '氏名フリガナ'), birthDate: birth, sex, address: at(f, '住所'), hasMyNumber: at(f, '個人番号の有無') });
  });
  return out;
}

const sexLabel = (s: string) => (s === 'male' ? '男' : '女');
/** The registry's name as the CS holds it: 氏 and 名 (alphabet name of a foreign resident without a kanji name). */
const registryName = (r: PersonRecord) => (r.residentKind === 'foreign' && r.romanName && !r.familyName ? r.romanName : `${r.familyName}　${r.givenName}`);
/** A CS name split at its one separator (全角 or 半角 space) into 氏・名, compared as written. */
function sameName(r: PersonRecord, cs: string): boolean {
  if (r.residentKind === 'foreign' && r.romanName && cs === r.romanName) return true;
  const parts = cs.split(/[ 　]/);
  return parts.length === 2 ? parts[0] === r.familyName && parts[1] === r.givenName : !r.givenName && cs === r.familyName;
}
const registryBirth = (r: PersonRecord) => (r.birthDate.precision === 'unknown' ? '' : r.birthDate.sortKey);

/**
 * Compares the residents with the extract. Rows: 区分 住民記録のみ / CSのみ / 不一致 (one per differing item);
 * personIds: the residents named in the rows. `prefix` is the prefecture and municipality a CS address may carry.
 */
export function compareWithCs(p: { asOf: string; file: string }, residents: Resident[], cs: CsRecord[], prefix: string): BatchResult {
  const byCode = new Map(cs.map((c) => [c.residentCode, c]));
  const rows: ResultRow[] = [];
  const named = new Set<string>();
  const matchedCodes = new Set<string>();
  let differing = 0;
  const sorted = [...residents].sort((a, b) => (a.record.residentCode ?? '').localeCompare(b.record.residentCode ?? '') || a.record.atenaNo.localeCompare(b.record.atenaNo));
  for (const x of sorted) {
    const r = x.record;
    const c = r.residentCode ? byCode.get(r.residentCode) : undefined;
    if (!c) {
      rows.push({ 区分: '住民記録のみ', 住民票コード: r.residentCode ?? '', 宛名番号: r.atenaNo, 項目: '本人確認情報', 住民記録システム: registryName(r), 住基ネットCS: '' });
      named.add(x.personId);
      continue;
    }
    matchedCodes.add(c.residentCode);
    const line = addressLine(r);
    const diffs: Array<[string, string, string]> = [];
    if (!sameName(r, c.name)) diffs.push(['氏名', registryName(r), c.name]);
    if (registryBirth(r) !== c.birthDate) diffs.push(['生年月日', registryBirth(r) || (r.birthDate.text ?? '不詳'), c.birthDate]);
    if (r.sex !== c.sex) diffs.push(['性別', sexLabel(r.sex), sexLabel(c.sex)]);
    if (c.address !== line && c.address !== `${prefix}${line}`) diffs.push(['住所', line, c.address]);
    for (const [item, mine, theirs] of diffs) rows.push({ 区分: '不一致', 住民票コード: c.residentCode, 宛名番号: r.atenaNo, 項目: item, 住民記録システム: mine, 住基ネットCS: theirs });
    if (diffs.length > 0) { differing++; named.add(x.personId); }
  }
  const onlyCs = cs.filter((c) => !matchedCodes.has(c.residentCode)).sort((a, b) => a.residentCode.localeCompare(b.residentCode));
  for (const c of onlyCs) rows.push({ 区分: 'CSのみ', 住民票コード: c.residentCode, 宛名番号: '', 項目: '本人確認情報', 住民記録システム: '', 住基ネットCS: c.name });
  const onlyRegistry = rows.filter((r) => r['区分'] === '住民記録のみ').length;
  const alerts: BatchAlert[] = rows.length > 0
    ? [{ code: 'cs-inconsistency', message: `住基ネットCSとの不一致が${rows.length}件あります（住民記録のみ${onlyRegistry}人、CSのみ${onlyCs.length}件、項目の不一致${differing}人）。内容を確認し、必要な修正又はCSへの更新を行ってください` }]
    : [];
  return {
    rows, personIds: [...named],
    summary: { asOf: p.asOf, file: p.file, residents: residents.length, csRecords: cs.length, matched: matchedCodes.size - differing, differing, onlyInRegistry: onlyRegistry, onlyInCs: onlyCs.length, differences: rows.length },
    alerts,
  };
}
