// SPDX-License-Identifier: EUPL-1.2
/**
 * The registry's workload at scale, shared by bench/registry-import.ts (after its import) and
 * bench/registry-search.ts (on an existing database): name search through the service (prefix, exact, partial) and
 * 転居 from request to committed history (仮登録 + 本登録) from concurrent clients.
 */
import { sql } from 'kysely';
import type { Actor } from '../src/platform/auth/actor.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { Database } from '../src/platform/db/database.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import type { Services } from '../src/services.ts';
import type { PersonRecord } from '../src/domains/registry/registry-model.ts';
import { japanToday } from '../src/domains/registry/registry.service.ts';
import { createRegistryRepository } from '../src/domains/registry/registry.repository.ts';
import { foldKana, foldName, isKanaQuery } from '../src/domains/registry/name-folding.ts';
import { ChangeInput } from '../src/domains/registry/registry.schema.ts';

const M = '202151';

export const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, median: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), max: +s[s.length - 1]!.toFixed(2) };
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function registryWorkload(db: Database, services: Services, o: { label: string; searches: number; moves: number; clients: number }) {
  const persons = o.label;
  const { searches, moves, clients } = o;
  const actor = (roles: Actor['roles'], id: string): Actor => ({ type: 'staff', municipalityCode: M, staffId: id, loginId: id, displayName: id, roles, csrfToken: '', sessionTokenHash: '', authMethod: 'password' });
  const clerk = actor(['counter'], 'bench-clerk');
  const boss = actor(['approver'], 'bench-boss');
  const ctx = { clientIp: '127.0.0.1', requestId: 'bench' };
  const sample = await withTenant(db, M, (trx) => trx.selectFrom('registry.personCurrent').select(['record']).where('removedOn', 'is', null).where('residentKind', '=', 'japanese')
    .orderBy(sql`md5(person_id::text)`).limit(searches).execute());
  const kinds: Record<string, number[]> = { 'kana prefix': [], 'kanji prefix': [], exact: [] };
  const all: number[] = [];
  const sqlOnly: number[] = [];
  const repo = createRegistryRepository();
  const today = japanToday(systemClock);
  let hits = 0;
  for (const [i, s] of sample.entries()) {
    const rec = s.record as unknown as PersonRecord;
    const [kind, q] = i % 3 === 0 ? ['kana prefix', { name: `${rec.familyNameKana}${rec.givenNameKana}`.slice(0, 4), mode: 'prefix' as const }]
      : i % 3 === 1 ? ['kanji prefix', { name: `${rec.familyName}${rec.givenName.slice(0, 1)}`, mode: 'prefix' as const }]
      : ['exact', { name: `${rec.familyName}${rec.givenName}`, mode: 'exact' as const }];
    const s0 = performance.now();
    hits += (await services.registry.search(clerk, { ...q, limit: 50 }, ctx)).length;
    const d = performance.now() - s0;
    kinds[kind]!.push(d);
    all.push(d);
    // The same search's SQL alone (same transaction setup, no access log, no presentation).
    const kana = isKanaQuery(q.name);
    const s1 = performance.now();
    await withTenant(db, M, (trx) => repo.search(trx, { nameKey: kana ? foldKana(q.name) : foldName(q.name), kana, mode: q.mode, includeRemoved: false, today, limit: 50 }));
    sqlOnly.push(performance.now() - s1);
  }
  console.log(`[${persons}] the same searches' SQL alone (tenant transaction, no access log): ms ${JSON.stringify(stats(sqlOnly))}`);
  console.log(`[${persons}] name search via the service (${all.length} queries, limit 50, ${fmt(hits)} hits, access-logged): ms ${JSON.stringify(stats(all))}; ${Object.entries(kinds).map(([k, v]) => `${k} ${JSON.stringify(stats(v))}`).join('; ')}`);
  // Partial (infix) search scans the key columns: a separate figure, on fewer queries.
  const partial: number[] = [];
  let partialHits = 0;
  for (const s of sample.slice(0, Math.min(100, sample.length))) {
    const rec = s.record as unknown as PersonRecord;
    const given = Array.from(rec.givenNameKana);
    const s0 = performance.now();
    partialHits += (await services.registry.search(clerk, { name: given.slice(1, 4).join(''), mode: 'partial', limit: 50 }, ctx)).length;
    partial.push(performance.now() - s0);
  }
  console.log(`[${persons}] partial (infix) kana search via the service (${partial.length} queries of 3 kana from inside a given name, limit 50, ${fmt(partialHits)} hits): ms ${JSON.stringify(stats(partial))}`);

  const households = await withTenant(db, M, (trx) => trx.selectFrom('registry.household as h')
    .innerJoin('registry.personCurrent as c', (j) => j.onRef('c.municipalityCode', '=', 'h.municipalityCode').onRef('c.householdId', '=', 'h.householdId'))
    .select(['h.householdId', 'h.version', sql<string[]>`array_agg(c.person_id)`.as('personIds')]).where('c.removedOn', 'is', null)
    .groupBy(['h.householdId', 'h.version']).orderBy(sql`md5(h.household_id::text)`).limit(moves).execute());
  const lat: number[] = [];
  let next = 0;
  let failures = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let i = next++; i < households.length; i = next++) {
      const h = households[i]!;
      const input = ChangeInput.parse({ kind: 'move-within', occurredOn: today, personIds: h.personIds, address: { townName: '大字広丘野村', banchi: `${i + 1}番地` }, expectedVersions: { [h.householdId]: h.version } });
      const s0 = performance.now();
      try {
        const rc = await services.registry.recordChange(clerk, input, ctx);
        await services.registry.approve(boss, [rc.changeId], ctx);
        lat.push(performance.now() - s0);
      } catch (e) {
        failures++;
        if (failures <= 3) console.log(`  転居 failed: ${(e as Error).message}`);
      }
    }
  }));
  const wall = performance.now() - t;
  console.log(`[${persons}] 転居 request → committed history (仮登録 + 本登録), ${clients} concurrent clients (service calls), ${lat.length} changes${failures ? `, ${failures} failed` : ''}: ms ${JSON.stringify(stats(lat))}; ${(lat.length / (wall / 1000)).toFixed(1)} changes/s`);
}
