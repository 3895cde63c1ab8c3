// SPDX-License-Identifier: EUPL-1.2
// The verifier must catch injected capacity, individual-rationality and stability faults.
import { describe, expect, it } from 'vitest';
import { allocate, generate, verify, type AllocationResult } from '../index.ts';
import { request, seatsIn, single } from '../../../../test/fixtures/daycare/request-builder.ts';

const clone = <T>(x: T): T => structuredClone(x);

describe('verify', () => {
  it('accepts the engine result for a generated town instance', async () => {
    const req = generate('town', 7);
    const res = await allocate(req);
    expect(verify(req, res).status).toBe('STABLE');
  });

  it('reports a capacity violation when a HOLD child is given a full class', async () => {
    const req = generate('town', 3);
    const res = await allocate(req);
    const full = res.cutoffs.find((c) => c.offers === c.seats && c.seats > 0)!;
    const victim = req.households.flatMap((h) => h.children).find((c) => c.ageClass === full.ageClass
      && c.preferences.includes(full.facilityId) && res.assignments.find((a) => a.childId === c.id)!.status === 'HOLD')!;
    const bad: AllocationResult = clone(res);
    const line = bad.assignments.find((a) => a.childId === victim.id)!;
    Object.assign(line, { status: 'OFFER', facilityId: full.facilityId, preferenceRank: victim.preferences.indexOf(full.facilityId) + 1 });
    const report = verify(req, bad);
    expect(report.status).toBe('INVALID');
    expect(report.checks.capacityViolations).toBe(1);
    expect(report.checks.details).toContainEqual(expect.objectContaining({ type: 'CAPACITY', facilityId: full.facilityId, ageClass: full.ageClass }));
  });

  it('reports IR violations: offer outside preferences, transfer child on HOLD, broken joint tuple', async () => {
    const req = request([{ id: 'F1', seats: seatsIn(1, 4) }, { id: 'F2', seats: seatsIn(1, 3) }], [
      single('A', { ageClass: 1, score: 5, preferences: ['F1'] }),
      single('T', { ageClass: 1, score: 5, currentFacilityId: 'F2', preferences: ['F1'] }),
      { id: 'HJ', children: [
        { id: 'J1', ageClass: 1, score: 5, preferences: ['F1', 'F2'] },
        { id: 'J2', ageClass: 1, score: 5, preferences: ['F1', 'F2'] },
      ], jointPreferences: [['F1', 'F1']] },
    ]);
    const res = await allocate(req);
    expect(res.status).toBe('STABLE');
    const bad = clone(res);
    Object.assign(bad.assignments[0]!, { facilityId: 'F2', preferenceRank: null });
    Object.assign(bad.assignments[1]!, { status: 'HOLD', facilityId: null, preferenceRank: null });
    Object.assign(bad.assignments[3]!, { facilityId: 'F2', preferenceRank: 2 });
    const report = verify(req, bad);
    expect(report.status).toBe('INVALID');
    expect(report.checks.individualRationalityViolations).toBe(3);
  });

  it('reports a blocking coalition when a higher-priority child is passed over', async () => {
    const req = request([{ id: 'F1', seats: seatsIn(1, 1) }], [
      single('A', { ageClass: 1, score: 10, preferences: ['F1'] }),
      single('B', { ageClass: 1, score: 9, preferences: ['F1'] }),
    ]);
    const swapped = {
      assignments: [
        { childId: 'A', status: 'HOLD' as const, facilityId: null, preferenceRank: null },
        { childId: 'B', status: 'OFFER' as const, facilityId: 'F1', preferenceRank: 1 },
      ],
    };
    const report = verify(req, swapped);
    expect(report.status).toBe('UNSTABLE');
    expect(report.checks.blockingCoalitions).toBe(1);
    expect(report.checks.details[0]).toMatchObject({ type: 'BLOCKING_COALITION', householdId: 'H-A', tupleRank: 1 });
  });

  it('counts a wasted seat as a blocking coalition', () => {
    const req = request([{ id: 'F1', seats: seatsIn(0, 1) }], [single('A', { ageClass: 0, score: 1, preferences: ['F1'] })]);
    const report = verify(req, { assignments: [{ childId: 'A', status: 'HOLD', facilityId: null, preferenceRank: null }] });
    expect(report.checks.blockingCoalitions).toBe(1);
  });

  it('counts a family that could displace a lower child from each of two seats', () => {
    const req = request([{ id: 'F1', seats: seatsIn(1, 2) }], [
      { id: 'HT', children: [
        { id: 'T1', ageClass: 1, score: 20, preferences: ['F1'] },
        { id: 'T2', ageClass: 1, score: 20, preferences: ['F1'] },
      ], jointPreferences: [['F1', 'F1']] },
      single('S1', { ageClass: 1, score: 5, preferences: ['F1'] }),
      single('S2', { ageClass: 1, score: 30, preferences: ['F1'] }),
    ]);
    const mu = { assignments: [
      { childId: 'T1', status: 'HOLD' as const, facilityId: null, preferenceRank: null },
      { childId: 'T2', status: 'HOLD' as const, facilityId: null, preferenceRank: null },
      { childId: 'S1', status: 'OFFER' as const, facilityId: 'F1', preferenceRank: 1 },
      { childId: 'S2', status: 'OFFER' as const, facilityId: 'F1', preferenceRank: 1 },
    ] };
    // Only S1 ranks below the twins, so they cannot both be seated: stable.
    expect(verify(req, mu).checks.blockingCoalitions).toBe(0);
    req.households[2]!.children[0]!.score = 6;
    expect(verify(req, mu).checks.blockingCoalitions).toBe(1);
  });

  it('flags results that miss or repeat children', async () => {
    const req = generate('town', 2);
    const res = clone(await allocate(req));
    res.assignments.push(res.assignments[0]!);
    res.assignments.splice(1, 1);
    expect(verify(req, res).formatErrors).toBe(2);
    expect(verify(req, res).status).toBe('INVALID');
  });
});
