// SPDX-License-Identifier: EUPL-1.2
/**
 * Application import from CSV (申込データの一括取込): parses RFC 4180 text, validates every row and reports
 * each problem with its row number and column, and only when no row has a problem returns the households
 * to store (all or nothing). Scores come from the round's rule table when the facts are given, or from an
 * entered index (指数) column.
 */
import { scoreApplication, type ApplicationFacts, type HouseholdFlag, type NeedCategory, type ParentFacts, type RuleTable, type SiblingPattern } from './index.ts';
import type { ChildRecord, HouseholdRecord } from './round-request.ts';
import { hasControlCharacter } from '../../platform/http/input-characters.ts';

/** One problem of one row (row 1 is the header line). */
export interface CsvRowProblem {
  row: number;
  column: string;
  message: string;
}

/** Outcome of validating a CSV file. */
export type CsvImportOutcome =
  | { ok: true; rows: number; households: HouseholdRecord[] }
  | { ok: false; rows: number; problems: CsvRowProblem[] };

/** What a file is validated against. */
export interface CsvContext {
  facilityIds: Set<string>;
  existingChildIds: Set<string>;
  existingHouseholdIds: Set<string>;
  ruleTable: RuleTable | null;
  tieBreakKeys: string[];
}

/** Columns and their Japanese header aliases (either may be used in the header line). */
export const CSV_COLUMNS = {
  householdId: '世帯番号', childId: '児童番号', childName: '児童氏名', guardianName: '保護者氏名', ageClass: '年齢クラス',
  currentFacilityId: '在園施設', preferences: '希望施設', score: '指数', parent1Need: '保護者1事由', parent1Hours: '保護者1就労時間',
  parent2Need: '保護者2事由', parent2Hours: '保護者2就労時間', flags: '加点事由', waitingMonths: '待機月数',
  childrenUnder18: '18歳未満の子の数', siblingEnrolledAt: 'きょうだい在園施設', siblingPattern: 'きょうだい希望パターン',
  priorityCategory: '優先区分', householdIncome: '所得割額',
} as const;

const NEEDS: Record<string, NeedCategory> = {
  employed: 'employed', 就労: 'employed', selfEmployedHelper: 'selfEmployedHelper', 自営協力: 'selfEmployedHelper',
  pregnancy: 'pregnancy', 妊娠出産: 'pregnancy', illness: 'illness', 疾病: 'illness', disability: 'disability', 障害: 'disability',
  care: 'care', 介護: 'care', disaster: 'disaster', 災害: 'disaster', jobSeeking: 'jobSeeking', 求職: 'jobSeeking',
  study: 'study', 就学: 'study', abuse: 'abuse', 虐待: 'abuse',
};

const FLAGS: Record<string, HouseholdFlag> = {
  singleParent: 'singleParent', ひとり親: 'singleParent', returningFromChildcareLeave: 'returningFromChildcareLeave', 育休明け: 'returningFromChildcareLeave',
  siblingsApplyingSimultaneously: 'siblingsApplyingSimultaneously', きょうだい同時申込: 'siblingsApplyingSimultaneously',
  twinsApplying: 'twinsApplying', 多胎児: 'twinsApplying', welfareHousehold: 'welfareHousehold', 生活保護: 'welfareHousehold',
  childDisability: 'childDisability', 児童障害: 'childDisability', grandparentAvailable: 'grandparentAvailable', 祖父母保育可: 'grandparentAvailable',
  acceptsLeaveExtension: 'acceptsLeaveExtension', 育休延長可: 'acceptsLeaveExtension',
};

/** Maximum rows per file. */
export const MAX_CSV_ROWS = 20_000;

/** Decodes uploaded bytes as UTF-8 (with or without BOM); null when they are not UTF-8 (e.g. Shift_JIS). */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); drops a leading BOM and blank lines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push(row); row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

const list = (v: string) => v.split(/[\s;|、]+/).map((s) => s.trim()).filter(Boolean);

/** Validates a CSV text against the round; see `CSV_COLUMNS` for the header. */
export function importApplicationsCsv(text: string, ctx: CsvContext): CsvImportOutcome {
  const table = parseCsv(text);
  const problems: CsvRowProblem[] = [];
  if (table.length < 2) return { ok: false, rows: 0, problems: [{ row: 1, column: '', message: '見出し行とデータ行が必要です' }] };
  if (table.length - 1 > MAX_CSV_ROWS) return { ok: false, rows: table.length - 1, problems: [{ row: 1, column: '', message: `一度に取り込めるのは${MAX_CSV_ROWS}行までです` }] };
  const aliases = new Map<string, string>();
  for (const [key, ja] of Object.entries(CSV_COLUMNS)) { aliases.set(key, key); aliases.set(ja, key); }
  for (const k of ctx.tieBreakKeys) aliases.set(k, k);
  const header = table[0]!.map((h) => aliases.get(h.trim()) ?? null);
  table[0]!.forEach((h, i) => { if (header[i] === null) problems.push({ row: 1, column: h, message: `不明な列「${h}」です` }); });
  for (const required of ['householdId', 'childId', 'ageClass', 'preferences']) {
    if (!header.includes(required)) problems.push({ row: 1, column: required, message: `必須の列「${CSV_COLUMNS[required as keyof typeof CSV_COLUMNS]}（${required}）」がありません` });
  }
  if (problems.length > 0) return { ok: false, rows: table.length - 1, problems };

  const households = new Map<string, HouseholdRecord & { patternRow: number }>();
  const seenChildren = new Set<string>();
  table.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const get = (key: string) => { const at = header.indexOf(key); return at >= 0 ? (cells[at] ?? '').trim() : ''; };
    const add = (column: string, message: string) => problems.push({ row: rowNo, column, message });
    if (cells.length !== header.length) add('', `列の数が見出し行と違います（${cells.length}列、見出しは${header.length}列）`);
    // Issue #9: a control character (NUL …) in any cell is refused here too (the CLI reads files without HTTP).
    cells.forEach((cell, at) => { if (hasControlCharacter(cell, { multiline: true })) add(header[at] ?? '', '使用できない文字（制御文字）が含まれています'); });
    const householdId = get('householdId');
    const childId = get('childId');
    const idOk = (v: string) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(v);
    if (!idOk(householdId)) add('householdId', '世帯番号は英数字（64文字まで）で入力してください');
    else if (ctx.existingHouseholdIds.has(householdId)) add('householdId', `世帯番号 ${householdId} は登録済みです`);
    if (!idOk(childId)) add('childId', '児童番号は英数字（64文字まで）で入力してください');
    else if (ctx.existingChildIds.has(childId) || seenChildren.has(childId)) add('childId', `児童番号 ${childId} が重複しています`);
    seenChildren.add(childId);
    const ageClass = Number(get('ageClass'));
    if (!/^[0-5]$/.test(get('ageClass'))) add('ageClass', '年齢クラスは0〜5の数字で入力してください');
    const preferences = list(get('preferences'));
    if (preferences.length === 0) add('preferences', '希望施設を1つ以上入力してください');
    if (new Set(preferences).size !== preferences.length) add('preferences', '同じ希望施設が重複しています');
    for (const f of preferences) if (!ctx.facilityIds.has(f)) add('preferences', `施設 ${f} はこの回に登録されていません`);
    const current = get('currentFacilityId') || null;
    if (current && !ctx.facilityIds.has(current)) add('currentFacilityId', `在園施設 ${current} はこの回に登録されていません`);

    const num = (key: string, label: string, opts: { int?: boolean; min?: number } = {}): number | undefined => {
      const raw = get(key);
      if (raw === '') return undefined;
      const n = Number(raw.replace(/,/g, ''));
      if (!Number.isFinite(n) || (opts.int && !Number.isInteger(n)) || (opts.min !== undefined && n < opts.min)) { add(key, `${label}は${opts.int ? '整数' : '数値'}で入力してください`); return undefined; }
      return n;
    };
    const tieBreak: Record<string, number> = {};
    for (const k of ctx.tieBreakKeys) {
      const v = num(k, k in CSV_COLUMNS ? CSV_COLUMNS[k as keyof typeof CSV_COLUMNS] : k);
      if (v !== undefined) tieBreak[k] = v;
    }
    const facts = parseFacts(get, add, num, ctx, tieBreak);
    const entered = num('score', '指数');
    let child: ChildRecord | null = null;
    if (entered === undefined && !facts) add('score', '指数、または保護者1事由（ルール表で指数を計算するため）を入力してください');
    else if (entered === undefined && !ctx.ruleTable) add('score', 'この回には利用調整基準表がないため、指数を入力してください');
    else {
      const scored = entered === undefined && facts && ctx.ruleTable ? scoreApplication(ctx.ruleTable, facts) : null;
      const scoreByFacility = scored ? Object.fromEntries(Object.entries(scored.scoreByFacility).filter(([f]) => ctx.facilityIds.has(f))) : {};
      child = {
        childId, childName: get('childName'), ageClass, currentFacilityId: current, preferences,
        score: scored ? scored.score : entered!, scoreByFacility, tieBreak, facts, scoreItems: scored ? scored.items : null,
      };
    }
    const patternRaw = get('siblingPattern');
    const pattern = patternRaw === '' ? null : Number(patternRaw);
    if (pattern !== null && !(Number.isInteger(pattern) && pattern >= 1 && pattern <= 7)) add('siblingPattern', 'きょうだい希望パターンは1〜7で入力してください');
    let h = households.get(householdId);
    if (!h) {
      h = { householdId, guardianName: get('guardianName'), jointPreferences: null, siblingPattern: pattern as SiblingPattern | null, carriedFromRound: null, children: [], patternRow: rowNo };
      households.set(householdId, h);
    } else if ((h.siblingPattern ?? null) !== pattern) add('siblingPattern', `同じ世帯（${householdId}）の行で、きょうだい希望パターンが${h.patternRow}行目と違います`);
    if (child) h.children.push(child);
  });
  for (const h of households.values()) {
    if (h.siblingPattern && h.children.length < 2) problems.push({ row: h.patternRow, column: 'siblingPattern', message: 'きょうだい希望パターンは2人以上の世帯にだけ指定できます' });
  }
  if (problems.length > 0) return { ok: false, rows: table.length - 1, problems };
  return { ok: true, rows: table.length - 1, households: [...households.values()].map(({ patternRow: _p, ...h }) => h) };
}

type Get = (key: string) => string;
type Add = (column: string, message: string) => void;
type Num = (key: string, label: string, opts?: { int?: boolean; min?: number }) => number | undefined;

function parseFacts(get: Get, add: Add, num: Num, ctx: CsvContext, tieBreak: Record<string, number>): ApplicationFacts | null {
  const parents: ParentFacts[] = [];
  for (const n of [1, 2] as const) {
    const raw = get(`parent${n}Need`);
    if (raw === '') continue;
    const need = NEEDS[raw];
    if (!need) { add(`parent${n}Need`, `保護者${n}事由「${raw}」は使えません（${Object.keys(NEEDS).filter((k) => /[^\x00-\x7f]/.test(k)).join('・')}）`); continue; }
    const hours = num(`parent${n}Hours`, `保護者${n}就労時間`, { min: 0 });
    parents.push(hours === undefined ? { need } : { need, weeklyHours: hours });
  }
  if (parents.length === 0) return null;
  const flags: ApplicationFacts['flags'] = {};
  for (const f of list(get('flags'))) {
    const flag = FLAGS[f];
    if (!flag) add('flags', `加点事由「${f}」は使えません`);
    else flags[flag] = true;
  }
  const siblingEnrolledAt = list(get('siblingEnrolledAt'));
  for (const f of siblingEnrolledAt) if (!ctx.facilityIds.has(f)) add('siblingEnrolledAt', `施設 ${f} はこの回に登録されていません`);
  const facts: ApplicationFacts = { parents, flags, tieBreak };
  const waiting = num('waitingMonths', '待機月数', { int: true, min: 0 });
  if (waiting !== undefined) facts.waitingMonths = waiting;
  const under18 = num('childrenUnder18', '18歳未満の子の数', { int: true, min: 0 });
  if (under18 !== undefined) facts.childrenUnder18 = under18;
  if (siblingEnrolledAt.length > 0) facts.siblingEnrolledAt = siblingEnrolledAt;
  return facts;
}
