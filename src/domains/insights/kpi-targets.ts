// SPDX-License-Identifier: EUPL-1.2
/** KPI targets a municipality sets for itself: the metrics that take one, which way is better, and whether a value meets it. */

/** The metrics with a target (all procedures, all channels) and whether higher or lower is better. */
export const KPI_METRICS = {
  lead_median_hours: 'lower', within_legal_share: 'higher', online_share: 'higher', auto_share: 'higher', cost_per_case_yen: 'lower', counter_wait_median_minutes: 'lower',
} as const;
export type KpiMetric = keyof typeof KPI_METRICS;
export const isKpiMetric = (m: string): m is KpiMetric => Object.hasOwn(KPI_METRICS, m);

/** Whether a value meets its target (null when either is unknown). */
export function meetsTarget(metric: KpiMetric, value: number | null | undefined, target: number | null | undefined): boolean | null {
  if (value === null || value === undefined || target === null || target === undefined) return null;
  return KPI_METRICS[metric] === 'higher' ? value >= target : value <= target;
}

/** Upper bounds of a sensible target (shares are 0–1). */
export function targetInRange(metric: KpiMetric, v: number): boolean {
  if (!Number.isFinite(v) || v < 0) return false;
  if (metric.endsWith('_share')) return v <= 1;
  return v <= 1_000_000;
}
