// SPDX-License-Identifier: EUPL-1.2
/**
 * Seeds demo residents in bulk: generated data written with multi-row INSERTs in one tenant transaction
 * (no per-row planning: the generator only produces states the planner would accept; the invariant test
 * checks that). Returns counts and timings.
 */
import type { Database } from '../../../platform/db/database.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { currentTowns } from '../addresses/address-master.repository.ts';
import type { MyNumberCipher } from '../numbers/my-number-cipher.ts';
import { createRegistryRepository } from '../registry.repository.ts';
import { generateDemoRegistry } from './demo-generator.ts';

/** Generates and writes demo residents for a municipality that has a 町字 list; no-op if it already has persons. */
export async function seedDemoResidents(db: Database, cipher: MyNumberCipher, municipalityCode: string, opts: { persons?: number; seed?: string; asOf?: string } = {}) {
  const towns = await withTenant(db, municipalityCode, (trx) => currentTowns(trx, opts.asOf ?? '9999-12-31'));
  if (towns.length === 0) throw new Error(`no 町字 master for ${municipalityCode} (jichi registry addresses load)`);
  const repo = createRegistryRepository();
  const t0 = performance.now();
  const ds = generateDemoRegistry({ persons: opts.persons ?? 66_000, seed: opts.seed, asOf: opts.asOf, towns, myNumberIndex: (n) => cipher.blindIndex(n) });
  const sealed = ds.myNumbers.map((n) => ({ myNumberIndex: n.index, ...cipher.seal(n.myNumber, n.index) }));
  const t1 = performance.now();
  const written = await withTenant(db, municipalityCode, async (trx) => {
    const existing = await trx.selectFrom('registry.person').select('personId').limit(1).executeTakeFirst();
    if (existing) return false;
    // Sorted by key so that primary-key inserts append instead of splitting random index pages.
    const byPerson = <T extends { personId: string }>(xs: T[]) => [...xs].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
    return repo.bulkImport(trx, municipalityCode, { ...ds, persons: byPerson(ds.persons), snapshots: byPerson(ds.snapshots), current: byPerson(ds.current), vault: sealed });
  });
  const t2 = performance.now();
  const rows = ds.households.length + ds.persons.length + ds.changes.length + ds.snapshots.length + ds.current.length + sealed.length;
  return { written: !!written, tables: written || {}, living: ds.living, persons: ds.persons.length, households: ds.households.length, changes: ds.changes.length, snapshots: ds.snapshots.length,
    rows, generateMs: Math.round(t1 - t0), writeMs: Math.round(t2 - t1) };
}
