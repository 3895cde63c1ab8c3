// SPDX-License-Identifier: EUPL-1.2
/**
 * The registry's batch reports (spec §6.1, §6.2, §9.5, §9.6), pure: counted or selected rows → result rows (one
 * object per CSV line, column names in Japanese as the forms name them), summary and alerts. SQL is in
 * batch.service.ts; CSV and label PDF in batch-output.ts.
 */
import crypto from 'node:crypto';
import { ageOn, formatLegalDate } from '../../../platform/dates/jp-date.ts';
import { reasonLabelOf, type PersonRecord } from '../registry-model.ts';
import { GUARDIANSHIP_COLUMNS } from '../guardianship/guardianship-rules.ts';

export const BATCH_KINDS = ['annual-report', 'immigration-report', 'inspection-copy', 'random-extraction', 'guardianship-notices',
  // 除票DB (spec §9.3, removed-records.ts)
  'removed-archive', 'removed-purge',
  // 住基ネットCSとの整合性確認 (spec 7.1.1.2, cs-consistency.ts)
  'cs-consistency'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/** Names of the batch kinds, as screens and files show them. */
export const BATCH_LABELS: Record<BatchKind, string> = {
  'annual-report': '住民基本台帳関係年報（人口動態）',
  'immigration-report': '出入国在留管理庁への定期報告（外国人住民の異動）',
  'inspection-copy': '閲覧用写し（住民基本台帳の一部の写し）',
  'random-extraction': '無作為抽出（宛名ラベル）',
  'guardianship-notices': '成年被後見人に関する通知（選挙管理委員会・転出先）',
  'removed-archive': '除票DBへの移動（年次）',
  'removed-purge': '保存期間（150年）を経過した除票の一覧・消去',
  'cs-consistency': '住基ネットCSとの整合性確認',
};

/** Columns of each kind's CSV, in order (stored rows are JSON objects, whose key order is not kept). */
export const BATCH_COLUMNS: Record<BatchKind, string[]> = {
  'annual-report': ['区分', '事由', '日本人男', '日本人女', '外国人男', '外国人女', '計'],
  'immigration-report': ['異動日', '異動事由', '在留カード等番号', '氏名', '通称', '生年月日', '性別', '国籍・地域', '法第30条の45の区分', '在留資格', '在留期間', '在留期間の満了の日', '住所', '消除日'],
  'inspection-copy': ['住所', '氏名', '出生の年月日', '男女の別'],
  'random-extraction': ['番号', '住所', '氏名', '宛名', '性別', '年齢'],
  'guardianship-notices': GUARDIANSHIP_COLUMNS,
  'removed-archive': ['宛名番号', '氏名', '消除日', '消除事由'],
  'removed-purge': ['宛名番号', '氏名', '消除日', '消除事由', '処理'],
  'cs-consistency': ['区分', '住民票コード', '宛名番号', '項目', '住民記録システム', '住基ネットCS'],
};

/** One alert of a run: a stable code and a Japanese message (no personal data). */
export interface BatchAlert { code: string; message: string }
export type ResultRow = Record<string, string | number>;
export interface BatchResult { rows: ResultRow[]; personIds: string[]; summary: Record<string, number | string>; alerts: BatchAlert[] }

/** 年報's column of a reason: 増加 (転入・出生・その他) or 減少 (転出・死亡・その他); 修正 reasons are not population changes. */
export function annualColumn(code: string): { side: '増加' | '減少'; column: string } | null {
  if (code === 'A01' || code === 'A02') return { side: '増加', column: '転入' };
  if (code === 'A03') return { side: '増加', column: '出生' };
  if (code === 'B01' || code === 'B02') return { side: '減少', column: '転出' };
  if (code === 'B03') return { side: '減少', column: '死亡' };
  if (code.startsWith('A') || code === 'D01') return { side: '増加', column: 'その他' };
  if (code.startsWith('B') || code === 'D02') return { side: '減少', column: 'その他' };
  return null;
}

/** Counted persons of final changes in the period, by reason, 日本人/外国人 and sex. */
export interface ReasonCount { reasonCode: string; residentKind: string; sex: string; persons: number }

const GROUPS = [['japanese', 'male', '日本人男'], ['japanese', 'female', '日本人女'], ['foreign', 'male', '外国人男'], ['foreign', 'female', '外国人女']] as const;

/**
 * 住民基本台帳関係年報 (人口動態): for the period, one row per 異動事由, then the 年報's columns (増加: 転入・出生・その他;
 * 減少: 転出・死亡・その他) and the population at the start and the end, each by 日本人/外国人 and sex.
 */
export function annualReport(p: { from: string; to: string }, counts: ReasonCount[], population: { start: ReasonCount[]; end: ReasonCount[] }): BatchResult {
  const cells = (f: (c: ReasonCount) => boolean, list = counts) => {
    const out: ResultRow = {};
    let total = 0;
    for (const [kind, sex, label] of GROUPS) {
      const n = list.filter((c) => f(c) && c.residentKind === kind && c.sex === sex).reduce((a, c) => a + c.persons, 0);
      out[label] = n;
      total += n;
    }
    out['計'] = total;
    return out;
  };
  const rows: ResultRow[] = [];
  rows.push({ 区分: '期首人口', 事由: '', ...cells(() => true, population.start) });
  const columns = [['増加', '転入'], ['増加', '出生'], ['増加', 'その他'], ['減少', '転出'], ['減少', '死亡'], ['減少', 'その他']] as const;
  for (const [side, column] of columns) {
    rows.push({ 区分: side, 事由: column, ...cells((c) => { const a = annualColumn(c.reasonCode); return !!a && a.side === side && a.column === column; }) });
  }
  rows.push({ 区分: '期末人口', 事由: '', ...cells(() => true, population.end) });
  const codes = [...new Set(counts.map((c) => c.reasonCode))].sort();
  for (const code of codes) rows.push({ 区分: '異動事由別', 事由: `${code} ${reasonLabelOf(code)}`.trim(), ...cells((c) => c.reasonCode === code) });
  const increase = counts.filter((c) => annualColumn(c.reasonCode)?.side === '増加').reduce((a, c) => a + c.persons, 0);
  const decrease = counts.filter((c) => annualColumn(c.reasonCode)?.side === '減少').reduce((a, c) => a + c.persons, 0);
  const start = population.start.reduce((a, c) => a + c.persons, 0);
  const end = population.end.reduce((a, c) => a + c.persons, 0);
  const alerts: BatchAlert[] = [];
  // 期首 + 増 − 減 = 期末 unless changes were recorded after the period with an 異動日 inside it, or the reverse.
  if (start + increase - decrease !== end) {
    alerts.push({ code: 'annual-report-unbalanced', message: `期首人口に増減を加えた数（${start + increase - decrease}人）が期末人口（${end}人）と一致しません。期間外に処理した遡及異動がないか確認してください` });
  }
  return { rows, personIds: [], summary: { from: p.from, to: p.to, start, increase, decrease, end }, alerts };
}

/** A snapshot of a final change in the period, with its change. */
export interface ChangedSnapshot { personId: string; occurredOn: string; reasonCode: string; record: PersonRecord }

/**
 * 外国人住民の異動 for the 出入国在留管理庁 (住基法 30条の50 notices, as a periodic list): every change of a foreign
 * resident in the period, oldest first, with the 30条の45 items.
 */
export function immigrationReport(p: { from: string; to: string }, snaps: ChangedSnapshot[]): BatchResult {
  const foreign = snaps.filter((s) => s.record.residentKind === 'foreign' && s.record.foreign);
  const rows = foreign.map((s) => {
    const r = s.record;
    const f = r.foreign!;
    return {
      異動日: s.occurredOn, 異動事由: `${s.reasonCode} ${reasonLabelOf(s.reasonCode)}`.trim(),
      在留カード等番号: f.residenceCardNo ?? '', 氏名: r.romanName ?? `${r.familyName} ${r.givenName}`, 通称: r.alias ?? '',
      生年月日: formatLegalDate(r.birthDate, 'seireki'), 性別: r.sex === 'male' ? '男' : '女', '国籍・地域': f.nationality,
      法第30条の45の区分: f.category, 在留資格: f.residenceStatus ?? '', 在留期間: f.residencePeriod ?? '', 在留期間の満了の日: f.residenceExpiry ?? '',
      住所: addressLine(r), 消除日: r.removedOn ?? '',
    };
  });
  const alerts: BatchAlert[] = [];
  const noCard = foreign.filter((s) => !s.record.foreign!.residenceCardNo && s.record.foreign!.category !== '一時庇護許可者' && s.record.foreign!.category !== '仮滞在許可者').length;
  if (noCard > 0) alerts.push({ code: 'residence-card-missing', message: `在留カード等の番号がない外国人住民の異動が${noCard}件あります。出入国在留管理庁への報告前に確認してください` });
  return { rows, personIds: [...new Set(foreign.map((s) => s.personId))], summary: { from: p.from, to: p.to, changes: rows.length, persons: new Set(foreign.map((s) => s.personId)).size }, alerts };
}

/** The address as printed: 町字, 番地, 方書. */
export function addressLine(r: Pick<PersonRecord, 'address'>): string {
  return `${r.address.townName}${r.address.banchi}${r.address.katagaki ? `　${r.address.katagaki}` : ''}`;
}

/** A living resident as a batch sees it. */
export interface Resident { personId: string; record: PersonRecord }

/** Sort key of an address: 町字 code (or name), then 番地 with its numbers compared as numbers, then 方書. */
function addressSortKey(r: PersonRecord): string {
  const num = (s: string) => s.replace(/\d+/g, (d) => d.padStart(8, '0'));
  return `${r.address.townCode ?? `~${r.address.townName}`}|${num(r.address.banchi)}|${num(r.address.katagaki)}|${r.householdNo}|${String(r.memberOrder).padStart(4, '0')}`;
}

/**
 * 住民基本台帳の一部の写し (閲覧用, 住基法 11条・11条の2): 氏名, 出生の年月日, 男女の別, 住所 of every resident, in
 * address order (or by reading), without the persons a DV等支援措置 protects (spec §3.4: 閲覧 excluded).
 */
export function inspectionCopy(p: { asOf: string; order: 'address' | 'kana' }, residents: Resident[], protectedIds: Set<string>): BatchResult {
  const shown = residents.filter((x) => !protectedIds.has(x.personId));
  const key = (x: Resident) => (p.order === 'kana' ? `${x.record.familyNameKana}${x.record.givenNameKana}|${addressSortKey(x.record)}` : addressSortKey(x.record));
  shown.sort((a, b) => key(a).localeCompare(key(b), 'ja') || a.record.atenaNo.localeCompare(b.record.atenaNo));
  const rows = shown.map((x) => ({
    住所: addressLine(x.record), 氏名: displayName(x.record), 出生の年月日: formatLegalDate(x.record.birthDate, x.record.residentKind === 'foreign' ? 'seireki' : 'wareki'),
    男女の別: x.record.sex === 'male' ? '男' : '女',
  }));
  const excluded = residents.length - shown.length;
  const alerts: BatchAlert[] = excluded > 0 ? [{ code: 'support-measure-excluded', message: `DV等支援措置の対象者${excluded}人を閲覧用写しから除きました` }] : [];
  return { rows, personIds: shown.map((x) => x.personId), summary: { asOf: p.asOf, persons: rows.length, excluded }, alerts };
}

/** The name as printed: kanji name (with 通称 of a foreign resident), or the alphabet name. */
export function displayName(r: PersonRecord): string {
  const kanji = `${r.familyName}　${r.givenName}`.trim();
  if (r.residentKind === 'foreign') return r.alias ? `${r.romanName ?? kanji}（${r.alias}）` : (r.romanName ?? kanji);
  return kanji;
}

/** Parameters of a random extraction (無作為抽出, spec §9.6). */
export interface ExtractionParams { asOf: string; count: number; seed: string; ageFrom?: number; ageTo?: number; sex?: 'male' | 'female'; townCodes?: string[] }

/**
 * 無作為抽出: `count` living residents matching the filters, drawn by a keyed hash of the seed and each 宛名番号 (the
 * same seed and register give the same draw, so a run can be checked), in address order for the labels; persons
 * under a DV等支援措置 are never drawn (labels go to third parties such as a survey contractor).
 */
export function randomExtraction(p: ExtractionParams, residents: Resident[], protectedIds: Set<string>): BatchResult {
  const eligible = residents.filter((x) => {
    const r = x.record;
    if (p.sex && r.sex !== p.sex) return false;
    if (p.townCodes?.length && !p.townCodes.includes(r.address.townCode ?? '')) return false;
    if (p.ageFrom !== undefined || p.ageTo !== undefined) {
      if (r.birthDate.precision === 'unknown') return false;
      const age = ageOn(r.birthDate.sortKey, p.asOf);
      if (p.ageFrom !== undefined && age < p.ageFrom) return false;
      if (p.ageTo !== undefined && age > p.ageTo) return false;
    }
    return true;
  });
  const drawable = eligible.filter((x) => !protectedIds.has(x.personId));
  const rank = (x: Resident) => crypto.createHmac('sha256', p.seed).update(x.record.atenaNo).digest('hex');
  const drawn = drawable.map((x) => ({ x, k: rank(x) })).sort((a, b) => a.k.localeCompare(b.k)).slice(0, p.count).map((d) => d.x)
    .sort((a, b) => addressSortKey(a.record).localeCompare(addressSortKey(b.record), 'ja'));
  const rows = drawn.map((x, i) => ({ 番号: i + 1, 住所: addressLine(x.record), 氏名: displayName(x.record), 宛名: `${displayName(x.record)}　様`, 性別: x.record.sex === 'male' ? '男' : '女', 年齢: x.record.birthDate.precision === 'unknown' ? '' : ageOn(x.record.birthDate.sortKey, p.asOf) }));
  const alerts: BatchAlert[] = [];
  if (drawable.length < p.count) alerts.push({ code: 'extraction-short', message: `条件に合う住民が${drawable.length}人で、抽出数${p.count}人に足りません。全員を抽出しました` });
  const excluded = eligible.length - drawable.length;
  if (excluded > 0) alerts.push({ code: 'support-measure-excluded', message: `DV等支援措置の対象者${excluded}人を抽出の対象から除きました` });
  return { rows, personIds: drawn.map((x) => x.personId), summary: { asOf: p.asOf, eligible: drawable.length, drawn: rows.length, seed: p.seed }, alerts };
}
