// SPDX-License-Identifier: EUPL-1.2
// Results must have the shape required by daycare-allocation-v1.schema.json (AllocationResult branch).
import { describe, expect, it } from 'vitest';
import { allocate, generate } from '../index.ts';

describe('AllocationResult shape', () => {
  it('has every required field with the schema types', async () => {
    const req = generate('town', 11);
    const r = JSON.parse(JSON.stringify(await allocate(req)));
    expect(r.schemaVersion).toBe('1');
    expect(r.roundId).toBe(req.round.id);
    expect(r.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.engine).toEqual(expect.objectContaining({ name: 'jichi-daycare', version: expect.any(String), algorithm: expect.any(String) }));
    expect(['STABLE', 'UNSTABLE', 'INVALID']).toContain(r.status);
    expect(r).not.toHaveProperty('round'); // must not also match the AllocationRequest branch of oneOf
    const ids = req.households.flatMap((h) => h.children.map((c) => c.id));
    expect(r.assignments.map((a: { childId: string }) => a.childId)).toEqual(ids);
    for (const a of r.assignments) {
      expect(['OFFER', 'HOLD', 'STAY']).toContain(a.status);
      expect(a.facilityId === null || typeof a.facilityId === 'string').toBe(true);
      expect(a.preferenceRank === null || (Number.isInteger(a.preferenceRank) && a.preferenceRank >= 1)).toBe(true);
      if (a.status !== 'OFFER') expect(a.preferenceRank).toBeNull();
    }
    for (const h of r.households) expect(h).toEqual({ householdId: expect.any(String), tupleRank: h.tupleRank === null ? null : expect.any(Number) });
    for (const k of ['capacityViolations', 'individualRationalityViolations', 'blockingCoalitions']) expect(Number.isInteger(r.checks[k])).toBe(true);
    for (const c of r.cutoffs) {
      expect(c).toEqual(expect.objectContaining({ facilityId: expect.any(String), ageClass: expect.any(Number), seats: expect.any(Number), offers: expect.any(Number) }));
      expect(c.lowestAdmitted === null || typeof c.lowestAdmitted.score === 'number').toBe(true);
    }
    const firstChoice = new Set(r.assignments.filter((a: { preferenceRank: number | null }) => a.preferenceRank === 1).map((a: { childId: string }) => a.childId));
    for (const e of r.explanations) {
      expect(firstChoice.has(e.childId)).toBe(false);
      for (const p of e.perPreference) expect(['CUTOFF_HIGHER', 'NO_SEATS_IN_CLASS', 'JOINT_CONDITION']).toContain(p.reason);
    }
    expect(r.metrics).toEqual(expect.objectContaining({ children: ids.length, offers: expect.any(Number), holds: expect.any(Number), stays: expect.any(Number), firstChoiceOffers: expect.any(Number) }));
  });
});
