// SPDX-License-Identifier: EUPL-1.2
// The worked examples of the exchange format (daycare-allocation-v1.md §4); each must be a test.
import { describe, expect, it } from 'vitest';
import { allocate } from '../index.ts';
import { request, seatsIn, single } from '../../../../test/fixtures/daycare/request-builder.ts';

const status = (r: Awaited<ReturnType<typeof allocate>>, id: string) => r.assignments.find((a) => a.childId === id)!;

describe('format §4 worked examples', () => {
  it('1: one seat, scores 10 and 9: the 10 gets OFFER, the 9 is HOLD with CUTOFF_HIGHER at 10', async () => {
    const r = await allocate(request([{ id: 'F1', seats: seatsIn(1, 1) }], [
      single('A', { ageClass: 1, score: 10, preferences: ['F1'] }),
      single('B', { ageClass: 1, score: 9, preferences: ['F1'] }),
    ]));
    expect(status(r, 'A')).toEqual({ childId: 'A', status: 'OFFER', facilityId: 'F1', preferenceRank: 1 });
    expect(status(r, 'B')).toEqual({ childId: 'B', status: 'HOLD', facilityId: null, preferenceRank: null });
    const why = r.explanations.find((e) => e.childId === 'B')!.perPreference[0]!;
    expect(why.reason).toBe('CUTOFF_HIGHER');
    expect(why.lowestAdmitted?.score).toBe(10);
    expect(r.status).toBe('STABLE');
  });

  it('2: a class-0 child listing only a facility with seats [0, 1, …] is HOLD with NO_SEATS_IN_CLASS', async () => {
    const r = await allocate(request([{ id: 'F1', seats: [0, 1, 0, 0, 0, 0] }], [
      single('A', { ageClass: 0, score: 10, preferences: ['F1'] }),
    ]));
    expect(status(r, 'A').status).toBe('HOLD');
    expect(r.explanations[0]!.perPreference[0]!.reason).toBe('NO_SEATS_IN_CLASS');
    expect(r.checks.blockingCoalitions).toBe(0);
  });

  it('3: twins wanting one seat jointly lose it to a lower single child; JOINT_CONDITION; stable', async () => {
    const r = await allocate(request([{ id: 'F1', seats: seatsIn(1, 1) }], [
      { id: 'HT', children: [
        { id: 'T1', ageClass: 1, score: 20, preferences: ['F1'] },
        { id: 'T2', ageClass: 1, score: 20, preferences: ['F1'] },
      ], jointPreferences: [['F1', 'F1']] },
      single('S', { ageClass: 1, score: 5, preferences: ['F1'] }),
    ]));
    expect(status(r, 'S').status).toBe('OFFER');
    expect(status(r, 'T1').status).toBe('HOLD');
    expect(status(r, 'T2').status).toBe('HOLD');
    for (const id of ['T1', 'T2']) {
      expect(r.explanations.find((e) => e.childId === id)!.perPreference[0]!.reason).toBe('JOINT_CONDITION');
    }
    expect(r.households).toEqual([{ householdId: 'HT', tupleRank: null }]);
    expect(r.status).toBe('STABLE');
    expect(r.checks.blockingCoalitions).toBe(0);
  });

  it('4a: a transfer applicant with no class-2 seat left at F1 gets STAY at F2', async () => {
    const r = await allocate(request([{ id: 'F1', seats: seatsIn(2, 1) }, { id: 'F2', seats: seatsIn(2, 0) }], [
      single('T', { ageClass: 2, score: 5, currentFacilityId: 'F2', preferences: ['F1'] }),
      single('B', { ageClass: 2, score: 9, preferences: ['F1'] }),
    ]));
    expect(status(r, 'T')).toEqual({ childId: 'T', status: 'STAY', facilityId: 'F2', preferenceRank: null });
    expect(status(r, 'B').status).toBe('OFFER');
    expect(r.status).toBe('STABLE');
  });

  it('4b: when it moves to F1 and reuseVacatedSeats is true, its F2 seat goes to the best child wanting F2', async () => {
    const households = [
      single('T', { ageClass: 2, score: 50, currentFacilityId: 'F2', preferences: ['F1'] }),
      single('B', { ageClass: 2, score: 9, preferences: ['F1', 'F2'] }),
      single('C', { ageClass: 2, score: 7, preferences: ['F2'] }),
      single('D', { ageClass: 2, score: 3, preferences: ['F2'] }),
    ];
    const facilities = [{ id: 'F1', seats: seatsIn(2, 1) }, { id: 'F2', seats: seatsIn(2, 0) }];
    const r = await allocate(request(facilities, households));
    expect(status(r, 'T')).toMatchObject({ status: 'OFFER', facilityId: 'F1' });
    expect(status(r, 'B')).toMatchObject({ status: 'OFFER', facilityId: 'F2', preferenceRank: 2 });
    expect(status(r, 'C').status).toBe('HOLD');
    expect(r.cutoffs.find((c) => c.facilityId === 'F2')).toMatchObject({ seats: 1, offers: 1 });
    expect(r.status).toBe('STABLE');
    const off = await allocate(request(facilities, households, { reuseVacatedSeats: false }));
    expect(status(off, 'B').status).toBe('HOLD');
    expect(off.status).toBe('STABLE');
  });

  it('5: two runs on the same request give byte-identical results', async () => {
    const make = () => request([{ id: 'F1', seats: seatsIn(1, 2) }, { id: 'F2', seats: seatsIn(1, 1) }], [
      single('A', { ageClass: 1, score: 10, preferences: ['F1', 'F2'] }),
      single('B', { ageClass: 1, score: 10, preferences: ['F1', 'F2'] }),
      single('C', { ageClass: 1, score: 10, preferences: ['F1'] }),
      single('D', { ageClass: 1, score: 10, preferences: ['F2', 'F1'] }),
    ]);
    const a = JSON.stringify(await allocate(make()));
    const b = JSON.stringify(await allocate(make()));
    expect(a).toBe(b);
  });
});

describe('priority order', () => {
  it('breaks score ties by the tie-break keys, missing values last, then the lottery hash', async () => {
    const r = await allocate(request([{ id: 'F1', seats: seatsIn(3, 2) }], [
      single('A', { ageClass: 3, score: 10, preferences: ['F1'] }),
      single('B', { ageClass: 3, score: 10, tieBreak: { income: 500 }, preferences: ['F1'] }),
      single('C', { ageClass: 3, score: 10, tieBreak: { income: 300 }, preferences: ['F1'] }),
    ], { tieBreak: [{ key: 'income', order: 'asc' }] }));
    expect(r.assignments.map((a) => a.status)).toEqual(['HOLD', 'OFFER', 'OFFER']);
    expect(r.cutoffs[0]!.lowestAdmitted).toEqual({ score: 10, tieBreak: { income: 500 } });
  });

  it('uses scoreByFacility at the named facility only', async () => {
    const r = await allocate(request([{ id: 'F1', seats: seatsIn(0, 1) }, { id: 'F2', seats: seatsIn(0, 1) }], [
      single('A', { ageClass: 0, score: 10, preferences: ['F1', 'F2'] }),
      single('B', { ageClass: 0, score: 9, scoreByFacility: { F1: 12 }, preferences: ['F1', 'F2'] }),
    ]));
    expect(r.assignments.map((a) => a.facilityId)).toEqual(['F2', 'F1']);
  });
});

describe('sibling patterns in a request (extension)', () => {
  it('expands siblingPattern into joint tuples, allocates jointly and records the expansion', async () => {
    const req = request([{ id: 'F1', seats: [0, 1, 0, 1, 0, 0] }, { id: 'F2', seats: [0, 1, 0, 0, 0, 0] }], [
      { id: 'HS', siblingPattern: 1, children: [
        { id: 'O', ageClass: 3, score: 20, preferences: ['F1', 'F2'] },
        { id: 'Y', ageClass: 1, score: 20, preferences: ['F2', 'F1'] },
      ] },
    ]);
    const r = await allocate(req);
    expect(r.assignments.map((a) => a.facilityId)).toEqual(['F1', 'F1']);
    expect(r.households).toEqual([{ householdId: 'HS', tupleRank: 1 }]);
    expect(r.audit.siblingPatternExpansions).toEqual([{ householdId: 'HS', pattern: 1, tuples: 2 }]);
    expect(r.status).toBe('STABLE');
  });
});

describe('transfer applicants', () => {
  it('treat the current facility listed in preferences as staying at that rank', async () => {
    const r = await allocate(request([{ id: 'F1', seats: seatsIn(2, 0) }, { id: 'F2', seats: seatsIn(2, 0) }, { id: 'F3', seats: seatsIn(2, 1) }], [
      single('T', { ageClass: 2, score: 50, currentFacilityId: 'F2', preferences: ['F1', 'F2', 'F3'] }),
    ]));
    expect(r.assignments[0]).toEqual({ childId: 'T', status: 'STAY', facilityId: 'F2', preferenceRank: null });
    expect(r.explanations[0]!.perPreference.map((p) => p.facilityId)).toEqual(['F1']);
    expect(r.status).toBe('STABLE');
  });

  it('are never left worse off than staying, even when outranked everywhere', async () => {
    const r = await allocate(request([{ id: 'F1', seats: seatsIn(4, 1) }, { id: 'F2', seats: seatsIn(4, 0) }], [
      single('T', { ageClass: 4, score: 1, currentFacilityId: 'F2', preferences: ['F1'] }),
      single('A', { ageClass: 4, score: 9, preferences: ['F1', 'F2'] }),
    ]));
    expect(r.assignments.map((a) => a.status)).toEqual(['STAY', 'OFFER']);
    expect(r.checks.individualRationalityViolations).toBe(0);
  });
});

describe('time limit', () => {
  it('still returns a verified result when the exact mode has almost no time', async () => {
    const req = request([{ id: 'F1', seats: seatsIn(1, 1) }], [
      single('A', { ageClass: 1, score: 10, preferences: ['F1'] }),
      single('B', { ageClass: 1, score: 9, preferences: ['F1'] }),
    ], { timeLimitMs: 1 });
    const r = await allocate(req, { exact: 'always' });
    expect(r.status).toBe('STABLE');
    expect(r.audit.parameters.timeLimitMs).toBe(1);
  });
});
