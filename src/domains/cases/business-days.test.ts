// Business-day arithmetic: worked examples across 年末年始 and holidays, then properties (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween, deadlineState, dueDate, isBusinessDay, shiftDays } from './business-days.ts';

const day = fc.integer({ min: 0, max: 365 * 12 }).map((n) => shiftDays('2020-01-01', n));

describe('isBusinessDay', () => {
  it('closes on weekends, national holidays, 年末年始 and the municipality closure days', () => {
    expect(isBusinessDay('2026-12-25')).toBe(true); // Friday
    expect(isBusinessDay('2026-12-26')).toBe(false); // Saturday
    expect(isBusinessDay('2026-12-29')).toBe(false); // 年末年始, Tuesday
    expect(isBusinessDay('2027-01-04')).toBe(true); // Monday after 年末年始
    expect(isBusinessDay('2027-01-11')).toBe(false); // 成人の日
    expect(isBusinessDay('2026-11-03')).toBe(false); // 文化の日
    expect(isBusinessDay('2026-11-04', new Set(['2026-11-04']))).toBe(false); // closure day
  });
});

describe('dueDate', () => {
  it('does not count the day of receipt and skips 年末年始 and 成人の日', () => {
    // Received Friday 2026-12-25: Mon 12/28 is day 1; 12/29–1/3 closed; 1/4 day 2, … 1/8 day 6, 1/11 成人の日, 1/12 day 7.
    expect(dueDate({ receivedOn: '2026-12-25', periodDays: 7 })).toBe('2027-01-12');
  });
  it('stops the clock during a suspension and is unknown while it is open', () => {
    expect(dueDate({ receivedOn: '2026-12-01', periodDays: 5 })).toBe('2026-12-08');
    // Suspended Wed 12/2 to Mon 12/7 (exclusive): 12/2, 12/3, 12/4 do not count.
    expect(dueDate({ receivedOn: '2026-12-01', periodDays: 5, suspensions: [{ from: '2026-12-02', to: '2026-12-07' }] })).toBe('2026-12-11');
    expect(dueDate({ receivedOn: '2026-12-01', periodDays: 5, suspensions: [{ from: '2026-12-02', to: null }] })).toBeNull();
  });
  it('moves with extensions', () => {
    expect(dueDate({ receivedOn: '2026-12-01', periodDays: 5, extensionDays: 3 })).toBe('2026-12-11');
  });

  it('always lands on a business day, exactly `period` business days after receipt', () => {
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 60 }), (received, period) => {
      const due = dueDate({ receivedOn: received, periodDays: period })!;
      expect(isBusinessDay(due)).toBe(true);
      expect(businessDaysBetween(received, due)).toBe(period);
      expect(isBusinessDay(shiftDays(due, 0))).toBe(true);
    }), { numRuns: 300 });
  });

  it('never falls in 12/29–1/3 nor on a holiday, and grows with the period', () => {
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), (received, p, extra) => {
      const a = dueDate({ receivedOn: received, periodDays: p })!;
      const b = dueDate({ receivedOn: received, periodDays: p + extra })!;
      expect(b >= a).toBe(true);
      expect(a.slice(5) >= '01-04' && a.slice(5) <= '12-28').toBe(true);
    }), { numRuns: 300 });
  });

  it('an extension of e days equals a period longer by e', () => {
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), (received, p, e) => {
      expect(dueDate({ receivedOn: received, periodDays: p, extensionDays: e })).toBe(dueDate({ receivedOn: received, periodDays: p + e }));
    }), { numRuns: 200 });
  });

  it('a closed suspension pushes the due date by exactly the business days it covered before the due date', () => {
    fc.assert(fc.property(day, fc.integer({ min: 2, max: 30 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 15 }), (received, p, startOffset, length) => {
      const from = shiftDays(received, 1 + startOffset);
      const to = shiftDays(from, length);
      const plain = dueDate({ receivedOn: received, periodDays: p })!;
      const suspended = dueDate({ receivedOn: received, periodDays: p, suspensions: [{ from, to }] })!;
      expect(suspended >= plain).toBe(true);
      // Business days stopped = business days of [from, to) that fall on or before the new due date.
      let stopped = 0;
      for (let d = from; d < to; d = shiftDays(d, 1)) if (d <= suspended && isBusinessDay(d)) stopped++;
      expect(businessDaysBetween(received, suspended)).toBe(p + stopped);
      if (from > plain) expect(suspended).toBe(plain);
    }), { numRuns: 300 });
  });

  it('counts business days antisymmetrically', () => {
    fc.assert(fc.property(day, day, (a, b) => {
      expect(businessDaysBetween(a, b) + businessDaysBetween(b, a)).toBe(0);
    }), { numRuns: 100 });
  });
});

describe('deadlineState', () => {
  it('is overdue after the due date, due soon within two business days, suspended while stopped', () => {
    expect(deadlineState('2026-12-08', '2026-12-09')).toBe('overdue');
    expect(deadlineState('2026-12-08', '2026-12-04')).toBe('due-soon'); // Fri → Mon 7, Tue 8
    expect(deadlineState('2026-12-28', '2026-12-24')).toBe('due-soon');
    expect(deadlineState('2027-01-12', '2026-12-25')).toBe('on-track');
    expect(deadlineState(null, '2026-12-25', { suspended: true })).toBe('suspended');
  });
});
