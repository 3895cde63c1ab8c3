// SPDX-License-Identifier: EUPL-1.2
/**
 * 住所一括変更 by a list of households (spec §9.7): a CSV of 世帯番号 with the address before and after, as the
 * 区画整理 or 住居表示 office hands it over. Pure except reading the text: the rows, and which households they
 * change or skip (unknown 世帯番号, an address that is no longer the one the list was made from, a 仮登録, a
 * change since the trial run). The service plans one `address-renaming` change per household, like the rule table.
 */
import type { Address } from '../registry-model.ts';
import { foldName } from '../name-folding.ts';
import { readCsvRecords } from '../csv/registry-csv-format.ts';
import type { Town } from './address-master.ts';
import { townKey, type BatchHousehold, type BatchItem } from './address-batch.ts';

/** The header of the file, in this order. */
export const HOUSEHOLD_ADDRESS_CSV_HEADER = ['世帯番号', '変更前町字', '変更前番地', '変更前方書', '変更後町字', '変更後番地', '変更後方書'] as const;

/** One row: the household and its address before and after (方書 as written; empty means none). */
export interface HouseholdAddressRow {
  line: number;
  householdNo: string;
  before: { townName: string; banchi: string; katagaki: string };
  after: { townName: string; banchi: string; katagaki: string };
}

/** A line that cannot be used; any makes the whole file refused (nothing written). */
export interface HouseholdAddressCsvProblem { line: number; code: 'csv-header-invalid' | 'csv-columns' | 'csv-value-missing' | 'household-no-repeated' }

/** A household the file names that is skipped, with the line it is on. */
export interface HouseholdAddressConflict { line: number; householdNo: string; householdId: string | null; code: string; message?: string }

/** Reads the CSV text (UTF-8, header first). */
export async function readHouseholdAddressCsv(text: string): Promise<{ rows: HouseholdAddressRow[]; problems: HouseholdAddressCsvProblem[] }> {
  const rows: HouseholdAddressRow[] = [];
  const problems: HouseholdAddressCsvProblem[] = [];
  const seen = new Set<string>();
  let header = true;
  for await (const r of readCsvRecords((async function* () { yield text; })())) {
    const f = r.fields.map((x) => x.trim());
    if (header) {
      header = false;
      if (f.join(',') !== HOUSEHOLD_ADDRESS_CSV_HEADER.join(',')) { problems.push({ line: r.line, code: 'csv-header-invalid' }); break; }
      continue;
    }
    if (f.length === 1 && f[0] === '') continue;
    if (f.length !== HOUSEHOLD_ADDRESS_CSV_HEADER.length) { problems.push({ line: r.line, code: 'csv-columns' }); continue; }
    const [householdNo, bt, bb, bk, at, ab, ak] = f as [string, string, string, string, string, string, string];
    if (!householdNo || !bt || !bb || !at || !ab) { problems.push({ line: r.line, code: 'csv-value-missing' }); continue; }
    if (seen.has(householdNo)) { problems.push({ line: r.line, code: 'household-no-repeated' }); continue; }
    seen.add(householdNo);
    rows.push({ line: r.line, householdNo, before: { townName: bt, banchi: bb, katagaki: bk }, after: { townName: at, banchi: ab, katagaki: ak } });
  }
  if (header) problems.push({ line: 1, code: 'csv-header-invalid' });
  return { rows, problems };
}

/** True when the household's address is the row's address before (町字 by the list, 番地 and 方書 folded). */
export function sameAddress(towns: readonly Town[], a: Address, before: HouseholdAddressRow['before']): boolean {
  return townKey(towns, { townCode: a.townCode, townName: a.townName }) === townKey(towns, { townName: before.townName })
    && foldName(a.banchi) === foldName(before.banchi) && foldName(a.katagaki) === foldName(before.katagaki);
}

/**
 * Matches rows to households (by 世帯番号).
 * @param expectedVersions versions from the trial run; a household changed since is skipped
 */
export function matchHouseholdRows(towns: readonly Town[], rows: readonly HouseholdAddressRow[], households: ReadonlyMap<string, BatchHousehold>, expectedVersions: Record<string, number> = {}) {
  const items: Array<BatchItem & { line: number }> = [];
  const conflicts: HouseholdAddressConflict[] = [];
  for (const row of rows) {
    const h = households.get(row.householdNo);
    const skip = (code: string) => conflicts.push({ line: row.line, householdNo: row.householdNo, householdId: h?.householdId ?? null, code });
    if (!h || h.personIds.length === 0) { skip('household-not-found'); continue; }
    // Spec §9.7: a household whose address changed since the list was made is skipped, never overwritten.
    if (!sameAddress(towns, h.address, row.before)) { skip('address-before-mismatch'); continue; }
    if (h.pendingChangeId) { skip('provisional-change-pending'); continue; }
    const expected = expectedVersions[h.householdId];
    if (expected !== undefined && expected !== h.version) { skip('household-version-conflict'); continue; }
    items.push({ line: row.line, householdId: h.householdId, householdNo: h.householdNo, version: h.version, personIds: h.personIds, ruleIndex: -1, from: h.address,
      to: { townName: row.after.townName, banchi: row.after.banchi, katagaki: row.after.katagaki, unlisted: false } });
  }
  return { items, conflicts };
}
