// SPDX-License-Identifier: EUPL-1.2
/** Population statistics (spec §6): aggregation of counted rows into JSON and CSV. Pure. */
import { csvText } from '../../platform/csv/csv-cell.ts';
import type { Town } from './addresses/address-master.ts';

/** One counted group from SQL. */
export interface CountRow { townCode: string | null; sex: string; residentKind: string; ageBand: number; persons: number }

/** The age band of residents whose birth date is wholly unknown (年月日不詳): they have no age. */
export const UNKNOWN_AGE_BAND = -1;

/** Label of a 5-year age band (0 → 0〜4歳, 20 → 100歳以上, −1 → 年月日不詳). */
export function ageBandLabel(band: number): string {
  if (band === UNKNOWN_AGE_BAND) return '年月日不詳';
  return band >= 20 ? '100歳以上' : `${band * 5}〜${band * 5 + 4}歳`;
}

/** Builds the statistics document. */
export function buildStatistics(municipalityCode: string, asOf: string, rows: CountRow[], households: Array<{ townCode: string | null; households: number }>, master: readonly Town[] = []) {
  const towns = new Map(master.map((t) => [t.code, t.name]));
  const sum = (f: (r: CountRow) => boolean) => rows.filter(f).reduce((a, r) => a + r.persons, 0);
  const townCodes = [...new Set([...rows.map((r) => r.townCode), ...households.map((h) => h.townCode)])].sort((a, b) => (a ?? '~').localeCompare(b ?? '~'));
  return {
    municipalityCode, asOf,
    total: {
      persons: sum(() => true), male: sum((r) => r.sex === 'male'), female: sum((r) => r.sex === 'female'),
      japanese: sum((r) => r.residentKind === 'japanese'), foreign: sum((r) => r.residentKind === 'foreign'),
      households: households.reduce((a, h) => a + h.households, 0),
    },
    byTown: townCodes.map((code) => ({
      townCode: code, townName: code ? (towns.get(code) ?? '') : '（町字一覧外）',
      persons: sum((r) => r.townCode === code), male: sum((r) => r.townCode === code && r.sex === 'male'), female: sum((r) => r.townCode === code && r.sex === 'female'),
      japanese: sum((r) => r.townCode === code && r.residentKind === 'japanese'), foreign: sum((r) => r.townCode === code && r.residentKind === 'foreign'),
      households: households.find((h) => h.townCode === code)?.households ?? 0,
    })),
    // 0〜4歳 … 100歳以上, then 年月日不詳 (never counted as 100歳以上, issue #9).
    byAgeBand: [...Array.from({ length: 21 }, (_, band) => band), UNKNOWN_AGE_BAND].map((band) => ({
      band, label: ageBandLabel(band),
      male: sum((r) => r.ageBand === band && r.sex === 'male'), female: sum((r) => r.ageBand === band && r.sex === 'female'),
      japanese: sum((r) => r.ageBand === band && r.residentKind === 'japanese'), foreign: sum((r) => r.ageBand === band && r.residentKind === 'foreign'),
    })),
  };
}

export type RegistryStatistics = ReturnType<typeof buildStatistics>;

/** CSV (UTF-8 with BOM for spreadsheet software): one row per 町字 × age band, then totals. */
export function statisticsCsv(s: RegistryStatistics): string {
  const lines = ['基準日,町字コード,町字,世帯数,人口,男,女,日本人,外国人'];
  for (const t of s.byTown) lines.push([s.asOf, t.townCode ?? '', csvText(t.townName), t.households, t.persons, t.male, t.female, t.japanese, t.foreign].join(','));
  lines.push([s.asOf, '', '合計', s.total.households, s.total.persons, s.total.male, s.total.female, s.total.japanese, s.total.foreign].join(','));
  lines.push('', '基準日,年齢階級,男,女,日本人,外国人');
  for (const a of s.byAgeBand) lines.push([s.asOf, csvText(a.label), a.male, a.female, a.japanese, a.foreign].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
