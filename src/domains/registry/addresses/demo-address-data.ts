// SPDX-License-Identifier: EUPL-1.2
/**
 * The demo municipality's address files (reference/addresses/, see its README): the demo seed and the test tenant load
 * them into the address masters through the same loader as `jichi registry addresses load`. Which file belongs to
 * which municipality is the only thing said here; the data itself is in the files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGeoloniaTowns, type Town } from './address-master.ts';

/** reference/addresses at the root of the repository. */
export const ADDRESS_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'reference', 'addresses');

const FILES: Record<string, { towns: string; postal: string }> = {
  '202151': { towns: '202151-nagano-shiojiri.json', postal: '202151-nagano-shiojiri-postal.csv' },
};

/** The shipped address files of a municipality (the demo's), or undefined. */
export function demoAddressFiles(municipalityCode: string): { towns: string; postal: string; source: string } | undefined {
  const f = FILES[municipalityCode];
  if (!f) return undefined;
  return {
    towns: fs.readFileSync(path.join(ADDRESS_DATA_DIR, f.towns), 'utf8'),
    postal: fs.readFileSync(path.join(ADDRESS_DATA_DIR, f.postal), 'utf8'),
    source: `reference/addresses/${f.towns}`,
  };
}

/** The demo municipality's 町字 as the loader makes them (for pure tests and generators that need no database). */
export function demoTowns(municipalityCode: string): Town[] {
  const f = demoAddressFiles(municipalityCode);
  return f ? parseGeoloniaTowns(f.towns) : [];
}
