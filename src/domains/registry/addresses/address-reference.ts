// SPDX-License-Identifier: EUPL-1.2
/**
 * 町字 reference lists per municipality and address matching. The 塩尻市 list is Geolonia 住所データ
 * (CC BY 4.0, see reference/README.md). Town codes are the project's own 7-digit codes (file order × 1000,
 * stable while the file is only appended to), replaceable by official ABR 町字IDs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldName } from '../name-folding.ts';

/** One 町字 of a municipality. */
export interface Town {
  code: string;
  name: string;
}

/** Attribution to show wherever the list is shown or shipped. */
export const TOWN_LIST_ATTRIBUTION = 'Geolonia 住所データ (CC BY 4.0)';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'reference');
const FILES: Record<string, string> = { '202151': '202151-shiojiri-towns.json' };
const cache = new Map<string, Town[]>();

/** The 町字 list of a municipality, or undefined when none is shipped. */
export function townsOf(municipalityCode: string): Town[] | undefined {
  const file = FILES[municipalityCode];
  if (!file) return undefined;
  let towns = cache.get(municipalityCode);
  if (!towns) {
    const rows = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Array<{ town: string; koaza: string }>;
    towns = rows.map((r, i) => ({ code: String((i + 1) * 1000).padStart(7, '0'), name: `${r.town}${r.koaza}` }));
    cache.set(municipalityCode, towns);
  }
  return towns;
}

/** Result of matching an entered 町字 against the list. */
export type TownMatch =
  | { kind: 'listed'; town: Town }
  | { kind: 'unlisted' }
  | { kind: 'no-list' };

/**
 * Matches a 町字 by code or name; names match on fold keys, with or without the 「大字」 prefix.
 */
export function matchTown(municipalityCode: string, input: { townCode?: string; townName?: string }): TownMatch {
  const towns = townsOf(municipalityCode);
  if (!towns) return { kind: 'no-list' };
  if (input.townCode) {
    const t = towns.find((x) => x.code === input.townCode);
    return t ? { kind: 'listed', town: t } : { kind: 'unlisted' };
  }
  const key = foldName(input.townName ?? '').replace(/^大字/, '');
  const t = towns.find((x) => foldName(x.name).replace(/^大字/, '') === key);
  return t ? { kind: 'listed', town: t } : { kind: 'unlisted' };
}
