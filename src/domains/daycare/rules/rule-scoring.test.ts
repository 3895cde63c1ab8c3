// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { HACHIOJI_STYLE, KORIYAMA_STYLE, NAGOYA_STYLE } from './example-rule-tables.ts';
import { scoreApplication } from './rule-scoring.ts';

describe('scoreApplication', () => {
  it('sums both parents and itemises adjustments (Hachioji-style 10-point table)', () => {
    const s = scoreApplication(HACHIOJI_STYLE, {
      parents: [{ need: 'employed', weeklyHours: 40 }, { need: 'employed', weeklyHours: 32 }],
      flags: { returningFromChildcareLeave: true, grandparentAvailable: true },
      waitingMonths: 5,
      tieBreak: { householdIncome: 183000, unrelated: 1 },
    });
    expect(s.score).toBe(10 + 8 + 2 - 1 + 3);
    expect(s.items.map((i) => [i.code, i.points])).toEqual([
      ['base:employed', 10], ['base:employed', 8], ['leave-return', 2], ['grandparent', -1], ['waiting', 3],
    ]);
    expect(s.tieBreak).toEqual({ householdIncome: 183000 });
  });

  it('treats the missing parent of a single-parent household per the table and adds facility bonuses', () => {
    const s = scoreApplication(KORIYAMA_STYLE, {
      parents: [{ need: 'employed', weeklyHours: 30 }],
      flags: { singleParent: true },
      childrenUnder18: 3,
      siblingEnrolledAt: ['F7'],
    });
    expect(s.score).toBe(180 + 200 + 160 + 20);
    expect(s.scoreByFacility).toEqual({ F7: s.score + 160 });
    expect(s.items.at(-1)).toMatchObject({ code: 'sibling-enrolled', facilityId: 'F7', points: 160 });
  });

  it('uses the lower parent rank letter and can force rank I (Nagoya-style)', () => {
    const both = { parents: [{ need: 'employed' as const, weeklyHours: 40 }, { need: 'employed' as const, weeklyHours: 22 }] };
    const s = scoreApplication(NAGOYA_STYLE, both);
    expect(s.rank).toBe('C');
    expect(s.score).toBe(700);
    const forced = scoreApplication(NAGOYA_STYLE, { ...both, flags: { acceptsLeaveExtension: true, singleParent: false } });
    expect(forced.rank).toBe('I');
    expect(forced.score).toBe(100);
  });

  it('combines by the lower parent when the table says so', () => {
    const table = { ...HACHIOJI_STYLE, combine: 'lowerParent' as const };
    const s = scoreApplication(table, { parents: [{ need: 'employed', weeklyHours: 40 }, { need: 'jobSeeking' }] });
    expect(s.score).toBe(4);
  });
});
