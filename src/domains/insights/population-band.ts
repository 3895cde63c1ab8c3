// SPDX-License-Identifier: EUPL-1.2
/** 人口規模の区分 (population bands) for the peer comparison, and the same bands as SQL for the refresh. */
import { sql } from 'kysely';

/** Bands, smallest first; `unknown` when a municipality has not entered its population. */
export const POPULATION_BANDS = ['lt10k', '10k-50k', '50k-100k', '100k-300k', 'ge300k', 'unknown'] as const;
export type PopulationBand = (typeof POPULATION_BANDS)[number];

/** The band of a population. */
export function populationBand(population: number | null | undefined): PopulationBand {
  if (population == null) return 'unknown';
  if (population < 10_000) return 'lt10k';
  if (population < 50_000) return '10k-50k';
  if (population < 100_000) return '50k-100k';
  if (population < 300_000) return '100k-300k';
  return 'ge300k';
}

/** The same function in SQL, over a column holding the population (NULL ⇒ unknown). */
export const populationBandSql = (column: string) => sql.raw(`CASE WHEN ${column} IS NULL THEN 'unknown'
  WHEN ${column} < 10000 THEN 'lt10k' WHEN ${column} < 50000 THEN '10k-50k' WHEN ${column} < 100000 THEN '50k-100k'
  WHEN ${column} < 300000 THEN '100k-300k' ELSE 'ge300k' END`);

/** Peer rows are shown only when at least this many municipalities contribute (or all agreed to be named). */
export const MIN_PEERS = 5;
