import { describe, expect, it } from 'vitest';
import { dayOf, isWithinValidity, validityProblems } from './staff-validity.ts';

describe('staff account validity (spec §10.3)', () => {
  it('is open without days, inclusive at both ends, and refused outside', () => {
    expect(isWithinValidity({}, '2026-12-04')).toBe(true);
    expect(isWithinValidity({ validFrom: '2026-12-04', validTo: '2026-12-04' }, '2026-12-04')).toBe(true);
    expect(isWithinValidity({ validFrom: '2026-12-05' }, '2026-12-04')).toBe(false);
    expect(isWithinValidity({ validTo: '2026-12-03' }, '2026-12-04')).toBe(false);
    expect(isWithinValidity({ validFrom: new Date(2026, 11, 1), validTo: null }, '2026-12-04')).toBe(true);
  });
  it('refuses a period that ends before it starts or a day that does not exist', () => {
    expect(validityProblems('2026-04-01', '2027-03-31')).toEqual([]);
    expect(validityProblems('2026-04-01', '2026-03-31').map((p) => p.name)).toEqual(['validTo']);
    expect(validityProblems('2026-02-30', undefined).map((p) => p.name)).toEqual(['validFrom']);
    expect(dayOf(new Date(2026, 0, 2))).toBe('2026-01-02');
  });
});
