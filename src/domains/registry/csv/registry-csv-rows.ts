// SPDX-License-Identifier: EUPL-1.2
/**
 * Row ⇄ record mapping of the registry CSV layout, with the registry's own rules (the ones change-planner.ts
 * applies to a 転入/職権記載): check digits, 続柄 whitelist, 町字 from the reference list, Japanese vs foreign
 * mandatory items, forbidden name symbols, legal dates with 不詳. Names are stored exactly as written (no NFC/NFKC,
 * no trimming). Household rules (one 世帯主, one address, contiguous and ascending 世帯番号) are checked per
 * household by `createHouseholdChecker`. Pure. Messages never quote the values (they are personal data).
 */
import type { Town } from '../addresses/address-master.ts';
import { normalizePostalCode } from '../addresses/address-dictionary.ts';
import { parseLegalDate, type LegalDate } from '../../../platform/dates/jp-date.ts';
import { atenaCheckDigit, isValidMyNumber, isValidResidentCode } from '../numbers/my-number.ts';
import { foldName, hasForbiddenNameSymbols } from '../name-folding.ts';
import { FOREIGN_CATEGORIES, type PersonRecord, type RemovalReason } from '../registry-model.ts';
import { HEAD, isValidRelationship } from '../relationship.ts';
import { CSV_COLUMNS, type CsvColumn, type CsvRow } from './registry-csv-format.ts';
import { hasControlCharacter } from '../../../platform/http/input-characters.ts';

/** One rejected item: the column (or '' for the whole row) and the reason. */
export interface RowProblem {
  line: number;
  column: CsvColumn | '';
  reason: string;
}

/** A row read into a record, without the database ids (household and person ids are assigned at import). */
export type ImportedRecord = Omit<PersonRecord, 'householdId' | 'myNumberIndex'>;

export interface ParsedRow {
  line: number;
  record: ImportedRecord;
  myNumber?: string;
  /** 世帯主氏名 as written (checked against the head's row). */
  headName: string;
}

/** The municipality's 町字 master indexed by code and by folded name (null: no master loaded, addresses not checked). */
export type TownIndex = { byCode: Map<string, Town>; byName: Map<string, Town> };
const townKey = (name: string) => foldName(name).replace(/^大字/, '');
export function townIndexOf(towns: readonly Town[]): TownIndex | null {
  return towns.length === 0 ? null : { byCode: new Map(towns.map((t) => [t.code, t])), byName: new Map(towns.map((t) => [townKey(t.name), t])) };
}

const REMOVAL_REASONS: RemovalReason[] = ['国内転出', '国外転出', '死亡', '職権消除', '異動の取消し'];
const KANA = /^[\u30A1-\u30FC\u30FD\u30FE\u3000 ・＝]*$/;

/** A 宛名番号 / 世帯番号: 9 digits and the modulus-11 check digit (my-number.ts). */
export function isValidRegistryNumber(v: string): boolean {
  return /^\d{10}$/.test(v) && atenaCheckDigit(v.slice(0, 9)) === Number(v[9]);
}

/** The 世帯主氏名 written for a head: 氏　名 (full-width space), or the alphabet name when there is no kanji name. */
export function displayName(r: Pick<PersonRecord, 'familyName' | 'givenName' | 'romanName'>): string {
  if (!r.familyName) return r.romanName ?? '';
  return r.givenName ? `${r.familyName}　${r.givenName}` : r.familyName;
}

/** A legal date as the two CSV fields: ISO to its precision (YYYY, YYYY-MM, YYYY-MM-DD; '' when unknown) and the 不詳 text. */
export function legalToCsv(d: LegalDate | undefined): [string, string] {
  if (!d) return ['', ''];
  const iso = d.precision === 'unknown' ? '' : d.precision === 'year' ? d.sortKey.slice(0, 4) : d.precision === 'month' ? d.sortKey.slice(0, 7) : d.sortKey;
  return [iso, d.text ?? ''];
}

/** Reads the two fields of a legal date; undefined when both are blank. @throws Error with a reason */
export function csvToLegal(iso: string, text: string): LegalDate | undefined {
  if (iso === '' && text === '') return undefined;
  if (iso === '') {
    const d = parseLegalDate(text, { allowNonCalendar: true });
    if (!d.text) throw new Error('不詳表記だけを記入する場合は「年月日不詳」又は「昭和40年頃」のような不詳の表記にしてください');
    return d;
  }
  let d: LegalDate;
  if (/^\d{4}$/.test(iso)) d = { sortKey: `${iso}-01-01`, precision: 'year' };
  else if (/^\d{4}-\d{2}(-\d{2})?$/.test(iso)) d = parseLegalDate(iso, { allowNonCalendar: true });
  else throw new Error('西暦 YYYY-MM-DD（年月までなら YYYY-MM、年までなら YYYY）で記入してください');
  return text ? { ...d, text } : d;
}

function calendarDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error('西暦 YYYY-MM-DD で記入してください');
  const d = parseLegalDate(v);
  if (d.precision !== 'day') throw new Error('年月日をすべて記入してください');
  return d.sortKey;
}

/**
 * Reads one row into a record. Every problem of the row is returned (not only the first).
 * `today` bounds dates that cannot be in the future.
 */
export function parseRow(line: number, row: CsvRow, towns: TownIndex | null, today: string): { parsed?: ParsedRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (column: CsvColumn | '', reason: string) => { problems.push({ line, column, reason }); };
  const req = (c: CsvColumn, reason = '必須項目です') => { if (row[c] === '') bad(c, reason); return row[c]; };
  // Issue #9: a control character (NUL …) in any cell is refused, never sent to the database.
  for (const [c, v] of Object.entries(row) as [CsvColumn, string][]) if (typeof v === 'string' && hasControlCharacter(v)) bad(c, '使用できない文字（制御文字）が含まれています');
  const legal = (c: CsvColumn, textCol: CsvColumn, required: boolean, notFuture = true): LegalDate | undefined => {
    try {
      const d = csvToLegal(row[c], row[textCol]);
      if (!d && required) bad(c, '必須項目です（不明な場合は不詳表記の列に「年月日不詳」と記入）');
      if (d && notFuture && d.precision !== 'unknown' && d.sortKey > today) bad(c, '未来の日付です');
      return d;
    } catch (e) {
      bad(c, `日付を読み取れません: ${(e as Error).message}`);
      return undefined;
    }
  };
  const optDate = (c: CsvColumn): string | undefined => {
    if (row[c] === '') return undefined;
    try { return calendarDate(row[c]); } catch (e) { bad(c, `日付を読み取れません: ${(e as Error).message}`); return undefined; }
  };

  const atenaNo = req('宛名番号');
  if (atenaNo && !isValidRegistryNumber(atenaNo)) bad('宛名番号', '10桁の数字で、検査用数字（末尾）が一致しません');
  const householdNo = req('世帯番号');
  if (householdNo && !isValidRegistryNumber(householdNo)) bad('世帯番号', '10桁の数字で、検査用数字（末尾）が一致しません');
  const order = row['記載順位'];
  if (!/^\d{1,4}$/.test(order)) bad('記載順位', '0以上の整数で記入してください');
  const kind = row['住民種別'] === '日本人' ? 'japanese' : row['住民種別'] === '外国人' ? 'foreign' : undefined;
  if (!kind) bad('住民種別', '「日本人」又は「外国人」を記入してください');
  const sex = row['性別'] === '男' ? 'male' : row['性別'] === '女' ? 'female' : undefined;
  if (!sex) bad('性別', '「男」又は「女」を記入してください');
  const relationship = req('続柄');
  if (relationship && !isValidRelationship(relationship)) bad('続柄', '標準仕様で認められた続柄ではありません（世帯主、妻、子、子の妻、父、母、縁故者、同居人 等）');

  // 消除 (除票): both or neither.
  const removedOn = optDate('消除年月日');
  const removalReason = row['消除事由'] as RemovalReason;
  if ((row['消除事由'] === '') !== (row['消除年月日'] === '')) bad(row['消除事由'] === '' ? '消除事由' : '消除年月日', '消除事由と消除年月日は両方記入するか、両方空欄にしてください');
  else if (removalReason && !REMOVAL_REASONS.includes(removalReason)) bad('消除事由', `次のいずれかを記入してください: ${REMOVAL_REASONS.join('、')}`);
  const removed = row['消除事由'] !== '';
  if (row['転出先住所'] !== '' && !removed) bad('転出先住所', '転出先住所は除票（消除事由のある行）にだけ記入できます');

  // Names: never normalised.
  if (kind === 'japanese' && row['氏'] === '') bad('氏', '日本人住民の氏は必須です');
  if (kind === 'foreign' && row['氏'] === '' && row['氏名_外国人ローマ字'] === '') bad('氏名_外国人ローマ字', '外国人住民はアルファベット氏名（又は漢字氏名）が必須です');
  for (const c of ['氏', '名', '氏名_外国人ローマ字', '旧氏', '通称'] as const) if (row[c] && hasForbiddenNameSymbols(row[c])) bad(c, '氏名に使用できない記号（（株）（有）等）が含まれています');
  for (const c of ['氏_フリガナ', '名_フリガナ', '旧氏_フリガナ', '通称_フリガナ'] as const) if (!KANA.test(row[c])) bad(c, 'フリガナは全角カタカナで記入してください');
  if (row['旧氏_フリガナ'] && !row['旧氏']) bad('旧氏_フリガナ', '旧氏のない行に旧氏のフリガナがあります');
  if (row['通称_フリガナ'] && !row['通称']) bad('通称_フリガナ', '通称のない行に通称のフリガナがあります');

  const birthDate = legal('生年月日', '生年月日_不詳表記', true);
  const becameResidentOn = legal('住民日', '住民日_不詳表記', kind === 'japanese');
  const addressFixedOn = legal('住定日', '住定日_不詳表記', true);
  const notifiedOn = optDate('届出年月日');

  // 住所: 町字 from the reference list.
  let address: PersonRecord['address'] | undefined;
  const banchi = req('住所_番地号表記');
  const unlisted = row['住所_町字一覧外'];
  if (unlisted !== '' && unlisted !== '1') bad('住所_町字一覧外', '一覧にない町字の場合は「1」、それ以外は空欄にしてください');
  if (unlisted === '1') {
    if (!row['住所_町字']) bad('住所_町字', '一覧にない町字の場合も町字名は必須です');
    if (row['住所_町字コード']) bad('住所_町字コード', '一覧にない町字には町字コードを記入できません');
    address = { townCode: null, townName: row['住所_町字'], banchi, katagaki: row['住所_方書'], check: 'unlisted' };
  } else if (!row['住所_町字コード'] && !row['住所_町字']) {
    bad('住所_町字', '町字コード又は町字が必須です');
  } else {
    const idx = towns;
    const code = row['住所_町字コード'];
    const town = idx ? (code ? idx.byCode.get(code) : idx.byName.get(townKey(row['住所_町字']))) : undefined;
    if (idx && !town) bad(code ? '住所_町字コード' : '住所_町字', '町字一覧にありません。町字を確認するか、住所_町字一覧外に「1」を記入してください');
    else if (town) {
      if (code && row['住所_町字'] && townKey(row['住所_町字']) !== townKey(town.name)) bad('住所_町字', '町字コードと町字が一致しません');
      address = { townCode: town.code, townName: town.name, banchi, katagaki: row['住所_方書'], check: 'listed' };
    } else address = { townCode: null, townName: row['住所_町字'], banchi, katagaki: row['住所_方書'], check: 'no-list' };
  }

  // 郵便番号 of the four addresses (spec §1.1.17): 7 digits or blank.
  const postalOf = (c: '住所_郵便番号' | '本籍_郵便番号' | '転入前住所_郵便番号' | '転出先住所_郵便番号') => {
    try { return normalizePostalCode(row[c]); } catch { bad(c, '郵便番号は7桁の数字で記入してください（例: 3990702）'); return null; }
  };
  const addressPostal = postalOf('住所_郵便番号');
  // As in the file (export → import → export gives the same bytes): no postal code is derived on import.
  if (address && addressPostal) address = { ...address, postalCode: addressPostal };
  const detailPostal = (c: '本籍_郵便番号' | '転入前住所_郵便番号' | '転出先住所_郵便番号', text: string) => {
    const pc = postalOf(c);
    if (pc && !text) bad(c, `${c.replace('_郵便番号', '')}のない行には郵便番号を記入できません`);
    return pc ? { postalCode: pc, postalSource: 'entered' as const, prefectureCode: null, municipalityCode: null, townCode: null, townName: '', rest: '', addressCode: null } : undefined;
  };
  const honsekiDetail = detailPostal('本籍_郵便番号', row['本籍']);
  const previousAddressDetail = detailPostal('転入前住所_郵便番号', row['転入前住所']);
  const destinationDetail = detailPostal('転出先住所_郵便番号', row['転出先住所']);

  // Identifiers.
  const myNumber = row['個人番号'] || undefined;
  if (myNumber && !isValidMyNumber(myNumber)) bad('個人番号', '12桁の数字で、検査用数字が一致しません');
  const residentCode = row['住民票コード'];
  if (!residentCode && !removed) bad('住民票コード', '必須項目です（除票を除く）');
  if (residentCode && !isValidResidentCode(residentCode)) bad('住民票コード', '11桁の数字で、検査用数字が一致しません');

  // 本籍 (Japanese) or 第30条の45 items (foreign).
  const foreignCols = ['国籍名等', '第30条45規定区分', '在留資格', '在留期間等', '在留期間等満了年月日', '在留カード等番号', '外国人住民日', '外国人住民日_不詳表記', '氏名_外国人ローマ字'] as const;
  let foreign: PersonRecord['foreign'];
  if (kind === 'japanese') {
    req('本籍', '日本人住民の本籍は必須です（ない場合は「なし」、分からない場合は「不明」）');
    for (const c of foreignCols) if (row[c] !== '') bad(c, '日本人住民には記入できません（外国人住民の項目です）');
  } else if (kind === 'foreign') {
    for (const c of ['本籍', '筆頭者'] as const) if (row[c] !== '') bad(c, '外国人住民には記入できません');
    const nationality = req('国籍名等', '外国人住民の国籍・地域は必須です');
    const category = row['第30条45規定区分'] as (typeof FOREIGN_CATEGORIES)[number];
    if (!FOREIGN_CATEGORIES.includes(category)) bad('第30条45規定区分', `次のいずれかを記入してください: ${FOREIGN_CATEGORIES.join('、')}`);
    const card = row['在留カード等番号'];
    if (category === '中長期在留者') {
      for (const c of ['在留資格', '在留期間等', '在留期間等満了年月日'] as const) req(c, '中長期在留者は必須です');
      if (!card && !removed) bad('在留カード等番号', '中長期在留者は必須です（除票を除く）');
    }
    if (category === '特別永住者' && !card && !removed) bad('在留カード等番号', '特別永住者は特別永住者証明書の番号が必須です（除票を除く）');
    if (card && !/^[A-Z]{2}\d{8}[A-Z]{2}$/.test(card)) bad('在留カード等番号', '形式が正しくありません（英字2桁・数字8桁・英字2桁）');
    const expiry = optDate('在留期間等満了年月日');
    const since = legal('外国人住民日', '外国人住民日_不詳表記', true);
    if (nationality && since) {
      foreign = {
        nationality, category, residenceStatus: row['在留資格'] || undefined, residencePeriod: row['在留期間等'] || undefined,
        residenceExpiry: expiry, residenceCardNo: card || undefined, foreignResidentSince: since,
      };
    }
  }

  if (problems.length > 0 || !kind || !sex || !birthDate || !addressFixedOn || !address) return { problems };
  const record: ImportedRecord = {
    atenaNo, householdNo, relationship, memberOrder: Number(order), residentKind: kind,
    familyName: row['氏'], givenName: row['名'], familyNameKana: row['氏_フリガナ'], givenNameKana: row['名_フリガナ'],
    birthDate, sex, address, becameResidentOn: becameResidentOn ?? foreign!.foreignResidentSince, addressFixedOn,
  };
  const opt = <K extends keyof ImportedRecord>(k: K, v: ImportedRecord[K] | '' | undefined) => { if (v !== '' && v !== undefined) record[k] = v as ImportedRecord[K]; };
  opt('romanName', row['氏名_外国人ローマ字']);
  opt('oldSurname', row['旧氏']);
  opt('oldSurnameKana', row['旧氏_フリガナ']);
  opt('alias', row['通称']);
  opt('aliasKana', row['通称_フリガナ']);
  if (kind === 'japanese') { record.honseki = row['本籍']; opt('hittosha', row['筆頭者']); }
  opt('notifiedOn', notifiedOn);
  opt('previousAddress', row['転入前住所']);
  opt('residentCode', residentCode);
  if (foreign) record.foreign = foreign;
  if (removed) { record.removedOn = removedOn; record.removalReason = removalReason; }
  opt('destination', row['転出先住所']);
  if (honsekiDetail && kind === 'japanese') record.honsekiDetail = honsekiDetail;
  if (previousAddressDetail) record.previousAddressDetail = previousAddressDetail;
  if (destinationDetail) record.destinationDetail = destinationDetail;
  return { parsed: { line, record, myNumber, headName: row['世帯主氏名'] }, problems };
}

/** A record as a CSV row (values in column order). */
export function recordToRow(r: PersonRecord, myNumber: string | undefined, headName: string): string[] {
  const [birth, birthText] = legalToCsv(r.birthDate);
  const [became, becameText] = r.residentKind === 'japanese' ? legalToCsv(r.becameResidentOn) : ['', ''];
  const [fixed, fixedText] = legalToCsv(r.addressFixedOn);
  const [fsince, fsinceText] = legalToCsv(r.foreign?.foreignResidentSince);
  const v: Record<CsvColumn, string> = {
    宛名番号: r.atenaNo, 世帯番号: r.householdNo, 記載順位: String(r.memberOrder), 住民種別: r.residentKind === 'japanese' ? '日本人' : '外国人',
    氏: r.familyName, 名: r.givenName, 氏_フリガナ: r.familyNameKana, 名_フリガナ: r.givenNameKana, 氏名_外国人ローマ字: r.romanName ?? '',
    旧氏: r.oldSurname ?? '', 旧氏_フリガナ: r.oldSurnameKana ?? '', 通称: r.alias ?? '', 通称_フリガナ: r.aliasKana ?? '',
    生年月日: birth, 生年月日_不詳表記: birthText, 性別: r.sex === 'male' ? '男' : '女', 続柄: r.relationship, 世帯主氏名: headName,
    住所_町字コード: r.address.check === 'listed' ? (r.address.townCode ?? '') : '', 住所_町字: r.address.townName, 住所_番地号表記: r.address.banchi,
    住所_方書: r.address.katagaki, 住所_町字一覧外: r.address.check === 'unlisted' ? '1' : '', 本籍: r.honseki ?? '', 筆頭者: r.hittosha ?? '',
    住所_郵便番号: r.address.postalCode ?? '', 本籍_郵便番号: r.honsekiDetail?.postalCode ?? '', 転入前住所_郵便番号: r.previousAddressDetail?.postalCode ?? '',
    転出先住所_郵便番号: r.removedOn ? (r.destinationDetail?.postalCode ?? '') : '',
    住民日: became, 住民日_不詳表記: becameText, 住定日: fixed, 住定日_不詳表記: fixedText, 届出年月日: r.notifiedOn ?? '', 転入前住所: r.previousAddress ?? '',
    個人番号: myNumber ?? '', 住民票コード: r.residentCode ?? '', 国籍名等: r.foreign?.nationality ?? '', 第30条45規定区分: r.foreign?.category ?? '',
    在留資格: r.foreign?.residenceStatus ?? '', 在留期間等: r.foreign?.residencePeriod ?? '', 在留期間等満了年月日: r.foreign?.residenceExpiry ?? '',
    在留カード等番号: r.foreign?.residenceCardNo ?? '', 外国人住民日: fsince, 外国人住民日_不詳表記: fsinceText,
    消除事由: r.removedOn ? (r.removalReason ?? '') : '', 消除年月日: r.removedOn && r.removalReason ? r.removedOn : '', 転出先住所: r.removedOn ? (r.destination ?? '') : '',
  };
  return CSV_COLUMNS.map((c) => v[c]);
}

/**
 * Checks households as rows stream by: rows of one 世帯番号 must be consecutive and 世帯番号 ascending; among the
 * rows that are not 除票, exactly one 世帯主 and one address; 世帯主氏名, when written, must be the head's name.
 * `push` returns the finished previous household's problems when a new 世帯番号 starts; `finish` the last one's.
 */
export function createHouseholdChecker() {
  let current: string | undefined;
  let rows: ParsedRow[] = [];
  let invalid = false;
  const check = (): RowProblem[] => {
    const out: RowProblem[] = [];
    // A household with a rejected row is not checked as a whole (its rows are already reported).
    if (invalid) return out;
    const living = rows.filter((r) => !r.record.removedOn);
    const heads = living.filter((r) => r.record.relationship === HEAD);
    if (living.length > 0 && heads.length !== 1) {
      for (const r of living) out.push({ line: r.line, column: '続柄', reason: heads.length === 0 ? '世帯に世帯主がいません（除票以外の世帯員に世帯主がちょうど一人必要です）' : '世帯に世帯主が複数います' });
    }
    const key = (r: ParsedRow) => `${r.record.address.townCode}\u0000${r.record.address.townName}\u0000${r.record.address.banchi}\u0000${r.record.address.katagaki}`;
    const headRow = heads[0] ?? living[0];
    if (headRow) {
      for (const r of living) if (key(r) !== key(headRow)) out.push({ line: r.line, column: '住所_番地号表記', reason: '同じ世帯の世帯員の住所が世帯主と一致しません' });
    }
    if (heads.length === 1) {
      const name = displayName(heads[0]!.record);
      for (const r of rows) if (r.headName !== '' && r.headName !== name) out.push({ line: r.line, column: '世帯主氏名', reason: '世帯主氏名が世帯主の行の氏名と一致しません' });
    }
    return out;
  };
  return {
    /** Adds a row: `parsed` when it is valid, undefined when it was rejected (the order is still checked). */
    push(householdNo: string, line: number, parsed?: ParsedRow): RowProblem[] {
      let out: RowProblem[] = [];
      if (current !== undefined && householdNo !== current) {
        out = check();
        rows = [];
        invalid = false;
        if (householdNo < current) out.push({ line, column: '世帯番号', reason: '世帯番号の昇順に並んでいません（同じ世帯の行は連続させ、世帯番号の昇順に並べてください）' });
      }
      if (current === undefined || householdNo > current) current = householdNo;
      if (parsed) rows.push(parsed); else invalid = true;
      return out;
    },
    finish(): RowProblem[] {
      const out = check();
      rows = [];
      invalid = false;
      return out;
    },
  };
}
