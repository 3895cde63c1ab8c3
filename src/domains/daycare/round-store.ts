// SPDX-License-Identifier: EUPL-1.2
/**
 * Loads and stores whole rounds through the repository: rows ↔ records, and the stored runs (request and
 * result documents, parsed once and kept in a small per-process cache keyed by municipality, round and run).
 */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DaycareApplication, DaycareHousehold, DaycareRound } from '../../platform/db/types.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { DaycareRepository } from './daycare.repository.ts';
import type { AllocationPolicy, AllocationRequest, AllocationResult, ApplicationFacts, RuleTable, ScoreItem, SiblingPattern } from './index.ts';
import type { FacilityRecord, HouseholdRecord, RoundKind, RoundRecord, RoundStatus } from './round-request.ts';

/** SHA-256 (hex) of a text's UTF-8 bytes. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Maps a round row to its record. */
export function roundRecord(row: Selectable<DaycareRound>): RoundRecord {
  return {
    roundId: row.roundId, name: row.name, kind: row.kind as RoundKind, referenceDate: row.referenceDate,
    status: row.status as RoundStatus, policy: row.policy as unknown as AllocationPolicy,
    ruleTable: (row.ruleTable as unknown as RuleTable | null) ?? null, previousRoundId: row.previousRoundId,
    meta: (row.meta as Record<string, unknown> | null) ?? null, currentRunNo: row.currentRunNo,
  };
}

/**
 * Groups application rows under their households, in stored order. Withdrawn applications (取下げ) are left
 * out unless `includeWithdrawn`; a household that lost a child that way loses its joint preferences and
 * sibling pattern too (their tuples name every child), as a carried household does.
 */
export function householdRecords(households: Selectable<DaycareHousehold>[], applications: Selectable<DaycareApplication>[], includeWithdrawn = false): HouseholdRecord[] {
  const byHousehold = new Map<string, Selectable<DaycareApplication>[]>();
  const partial = new Set<string>();
  for (const a of applications) {
    if (a.status === 'withdrawn' && !includeWithdrawn) { partial.add(a.householdId); continue; }
    const list = byHousehold.get(a.householdId) ?? [];
    list.push(a);
    byHousehold.set(a.householdId, list);
  }
  return households.map((h) => ({
    householdId: h.householdId, guardianName: h.guardianName, carriedFromRound: h.carriedFromRound,
    jointPreferences: partial.has(h.householdId) ? null : (h.jointPreferences as (string | null)[][] | null) ?? null,
    siblingPattern: partial.has(h.householdId) ? null : (h.siblingPattern as SiblingPattern | null) ?? null,
    children: (byHousehold.get(h.householdId) ?? []).sort((a, b) => a.position - b.position).map((a) => ({
      childId: a.childId, childName: a.childName, ageClass: a.ageClass, currentFacilityId: a.currentFacilityId,
      preferences: a.preferences, score: a.score,
      scoreByFacility: (a.scoreByFacility as Record<string, number>) ?? {}, tieBreak: (a.tieBreak as Record<string, number>) ?? {},
      facts: (a.facts as unknown as ApplicationFacts | null) ?? null, scoreItems: (a.scoreItems as unknown as ScoreItem[] | null) ?? null,
      ...(a.status === 'withdrawn' ? { withdrawn: { at: a.withdrawnAt!, by: a.withdrawnBy ?? '' } } : {}),
    })),
  })).filter((h) => h.children.length > 0);
}

/** A stored run with its parsed documents. */
export interface StoredRun {
  runNo: number;
  request: AllocationRequest;
  requestJson: string;
  result: AllocationResult;
  resultJson: string;
  resultSha256: string;
  runtimeMs: number;
  createdAt: Date;
}

const cache = new Map<string, StoredRun>();
const CACHE_SIZE = 4;

/** Creates the round store over a repository. */
export function createRoundStore(repo: DaycareRepository) {
  return {
    /** The round's facilities and households (with children) in stored order; withdrawn applications only with `includeWithdrawn`. */
    async loadContents(trx: TenantTx, roundId: string, includeWithdrawn = false): Promise<{ facilities: FacilityRecord[]; households: HouseholdRecord[] }> {
      const [facilities, households, applications] = await Promise.all([
        repo.listFacilities(trx, roundId), repo.listHouseholds(trx, roundId), repo.listApplications(trx, roundId),
      ]);
      return {
        facilities: facilities.map((f) => ({ facilityId: f.facilityId, name: f.name, seats: f.seats })),
        households: householdRecords(households, applications, includeWithdrawn),
      };
    },

    /** Inserts facilities and households (appended after the existing ones). */
    async insertContents(trx: TenantTx, municipalityCode: string, roundId: string, facilities: FacilityRecord[], households: HouseholdRecord[], firstFacilityPosition = 1): Promise<void> {
      await repo.insertFacilities(trx, facilities.map((f, i) => ({ municipalityCode, roundId, facilityId: f.facilityId, name: f.name, seats: f.seats, position: firstFacilityPosition + i })));
      const start = (await repo.maxHouseholdPosition(trx, roundId)) + 1;
      await repo.insertHouseholds(trx, households.map((h, i) => ({
        municipalityCode, roundId, householdId: h.householdId, position: start + i, guardianName: h.guardianName,
        jointPreferences: h.jointPreferences, siblingPattern: h.siblingPattern, carriedFromRound: h.carriedFromRound,
      })));
      await repo.insertApplications(trx, households.flatMap((h) => h.children.map((c, i) => ({
        municipalityCode, roundId, childId: c.childId, householdId: h.householdId, position: i, childName: c.childName,
        ageClass: c.ageClass, currentFacilityId: c.currentFacilityId, preferences: c.preferences, score: c.score,
        scoreByFacility: c.scoreByFacility, tieBreak: c.tieBreak, facts: c.facts, scoreItems: c.scoreItems,
      }))));
    },

    /** A stored run with parsed documents, or undefined. */
    async loadRun(trx: TenantTx, municipalityCode: string, roundId: string, runNo: number): Promise<StoredRun | undefined> {
      // Runs are append-only, but a restore may replace the database: key the cache by the result hash too.
      const meta = await repo.findRunMeta(trx, roundId, runNo);
      if (!meta) return undefined;
      const key = `${municipalityCode}/${roundId}/${runNo}/${meta.resultSha256}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const row = await repo.findRun(trx, roundId, runNo);
      if (!row) return undefined;
      const run: StoredRun = {
        runNo, requestJson: row.requestJson, resultJson: row.resultJson, request: JSON.parse(row.requestJson) as AllocationRequest,
        result: JSON.parse(row.resultJson) as AllocationResult, resultSha256: row.resultSha256, runtimeMs: row.runtimeMs, createdAt: row.createdAt,
      };
      cache.set(key, run);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return run;
    },
  };
}

export type RoundStore = ReturnType<typeof createRoundStore>;
