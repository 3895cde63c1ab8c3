// SPDX-License-Identifier: EUPL-1.2
/** Numbers of the insights as people read them: durations in minutes, hours or days, shares in %, yen, 和暦 months. */
import { toWareki } from '../../platform/dates/jp-date.ts';
import type { InsightsDictionary } from './insights-i18n.ts';

/** A duration given in hours, in the unit that reads best. */
export function duration(hours: number, t: InsightsDictionary, ref = hours): string {
  if (ref < 1) return t.units.minutes(String(Math.round(hours * 60)));
  if (ref < 48) return t.units.hours(hours.toFixed(1));
  return t.units.days((hours / 24).toFixed(1));
}

/** A share (0–1) as a percentage with one decimal; — when unknown. */
export const share = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** An amount of yen. */
export const yen = (v: number, t: InsightsDictionary) => t.units.yen(Math.round(v).toLocaleString('ja-JP'));

/** 'YYYY-MM' as 令和8年11月 (or 2026-11 in English). */
export const monthLabel = (month: string, lang: 'ja' | 'en') => (lang === 'en' ? month : toWareki(`${month}-01`).replace(/1日$/, ''));

/** The short label of a month on a chart axis: 11月. */
export const monthShort = (month: string, lang: 'ja' | 'en') => (lang === 'en' ? month.slice(2) : `${Number(month.slice(5))}月`);

/** How a metric of `metric_month` is shown. */
export function metricValue(metric: string, v: number | null, t: InsightsDictionary, ref?: number | null): string {
  if (v === null) return '—';
  if (metric.endsWith('_share')) return share(v);
  if (metric.endsWith('_hours')) return duration(v, t, ref ?? v);
  if (metric === 'touch_minutes_avg') return t.units.minutes(v.toFixed(1));
  if (metric === 'cost_per_case_yen') return yen(v, t);
  if (metric === 'hours_saved') return t.units.hours(v.toFixed(1));
  return t.units.cases(Math.round(v).toLocaleString('ja-JP'));
}
