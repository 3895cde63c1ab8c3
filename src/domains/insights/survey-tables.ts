// SPDX-License-Identifier: EUPL-1.2
/**
 * The reform surveys' tables in the form the 総務省 publishes them (導入団体数 / 市区町村数 / 割合, one row per
 * municipality class), KPI progress, and the CSV of the open data (formula-injection safe). Pure functions.
 */
import { csvText, csvValue } from '../../platform/csv/csv-cell.ts';

/** Classes as the survey counts them, in the order of the published tables. */
export const SURVEY_ROWS = [
  { key: '都道府県', labelJa: '都道府県', labelEn: 'Prefectures' },
  { key: '全市区町村', labelJa: '全市区町村', labelEn: 'All municipalities' },
  { key: '指定都市', labelJa: '指定都市', labelEn: 'Designated cities' },
  { key: '特別区', labelJa: '特別区', labelEn: 'Special wards' },
  { key: '中核市', labelJa: '中核市', labelEn: 'Core cities' },
  { key: '一般市', labelJa: '指定都市・中核市以外の市', labelEn: 'Other cities' },
  { key: '町村', labelJa: '町村', labelEn: 'Towns and villages' },
] as const;

/** One stored result row. */
export interface SurveyResultRow { surveyCode: string; referenceDate: string; municipalityClass: string; implemented: number; total: number }

/** One row of a published table. */
export interface SurveyTableRow { key: string; labelJa: string; labelEn: string; implemented: number; total: number; percent: string }

/** implemented / total as a percentage with one decimal, rounded half up in integers (no floating-point drift). */
export function percent(implemented: number, total: number): string {
  if (total <= 0) return '—';
  const tenths = Math.floor((implemented * 2000 + total) / (2 * total));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** The table of one survey and reference date; the prefectures' row only when the survey asked them. */
export function surveyTable(results: SurveyResultRow[], surveyCode: string, referenceDate: string, includesPrefectures: boolean): SurveyTableRow[] {
  const mine = results.filter((r) => r.surveyCode === surveyCode && r.referenceDate === referenceDate);
  return SURVEY_ROWS.filter((row) => row.key !== '都道府県' || includesPrefectures).map((row) => {
    const r = mine.find((x) => x.municipalityClass === row.key);
    const implemented = r?.implemented ?? 0;
    const total = r?.total ?? 0;
    return { ...row, implemented, total, percent: percent(implemented, total) };
  });
}

/** 1741 → "1,741団体". */
export const dantai = (n: number) => `${n.toLocaleString('ja-JP')}団体`;

/** Progress towards a KPI target from its baseline (0–100, clamped). */
export function kpiProgress(current: number, baseline: number, target: number): number {
  if (target === baseline) return current >= target ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round(((current - baseline) / (target - baseline)) * 100)));
}

/** The open-data CSV: one line per survey, reference date and class (UTF-8 with BOM for spreadsheets). */
export function surveyCsv(surveys: Array<{ surveyCode: string; titleJa: string; includesPrefectures: boolean }>, results: SurveyResultRow[]): string {
  const lines = [['調査', '基準日', '区分', '導入団体数', '団体数', '割合'].join(',')];
  const dates = [...new Set(results.map((r) => r.referenceDate))].sort();
  for (const s of surveys) {
    for (const d of dates) {
      if (!results.some((r) => r.surveyCode === s.surveyCode && r.referenceDate === d)) continue;
      for (const row of surveyTable(results, s.surveyCode, d, s.includesPrefectures)) {
        lines.push([csvText(s.titleJa), csvValue(d), csvText(row.labelJa), csvValue(row.implemented), csvValue(row.total), csvValue(row.percent)].join(','));
      }
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The survey's reference date (4月1日) of the fiscal year a day falls in. */
export function referenceDateOf(today: string): string {
  const y = Number(today.slice(0, 4));
  return today.slice(5) >= '04-01' ? `${y}-04-01` : `${y - 1}-04-01`;
}

/** The reference date one year before. */
export const previousReferenceDate = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
