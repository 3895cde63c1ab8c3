import { describe, expect, it } from 'vitest';
import { defaultEndsOn, endingSoon, isSupportMeasureActive, planEnding, planExtension, planSupportMeasure, supportMeasureAlerts, supportMeasureNotices } from './support-measure.ts';
import { RegistryRuleError } from '../registry-errors.ts';

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof RegistryRuleError) return e.code;
    throw e;
  }
};

describe('support measures (DV等支援措置)', () => {
  it('defaults the period to one year less a day', () => {
    expect(defaultEndsOn('2020-04-01')).toBe('2021-03-31');
    expect(defaultEndsOn('2024-01-01')).toBe('2024-12-31');
    expect(defaultEndsOn('2024-02-29')).toBe('2025-02-27');
    expect(planSupportMeasure({ startsOn: '令和7年4月1日' })).toEqual({ startsOn: '2025-04-01', endsOn: '2026-03-31' });
    expect(planSupportMeasure({ startsOn: '2025-04-01', endsOn: '2025-10-01' })).toEqual({ startsOn: '2025-04-01', endsOn: '2025-10-01' });
  });

  it('refuses an end before the start, bad dates and a second ending', () => {
    expect(code(() => planSupportMeasure({ startsOn: '2025-04-01', endsOn: '2025-03-31' }))).toBe('support-measure-dates');
    expect(code(() => planSupportMeasure({ startsOn: '2025-02-30' }))).toBe('invalid-date');
    expect(code(() => planEnding({ startsOn: '2025-04-01', endedOn: null }, '2025-03-01'))).toBe('support-measure-dates');
    expect(code(() => planEnding({ startsOn: '2025-04-01', endedOn: '2025-05-01' }, '2025-06-01'))).toBe('support-measure-ended');
    expect(planEnding({ startsOn: '2025-04-01', endedOn: null }, '2025-06-01')).toBe('2025-06-01');
  });

  it('protects from the start until an explicit ending, even after the end date has passed', () => {
    const m = { startsOn: '2025-04-01', endsOn: '2026-03-31', endedOn: null };
    expect(isSupportMeasureActive(m, '2025-03-31')).toBe(false);
    expect(isSupportMeasureActive(m, '2025-04-01')).toBe(true);
    expect(isSupportMeasureActive(m, '2027-01-01')).toBe(true);
    expect(isSupportMeasureActive({ ...m, endedOn: '2025-06-30' }, '2025-06-30')).toBe(true);
    expect(isSupportMeasureActive({ ...m, endedOn: '2025-06-30' }, '2025-07-01')).toBe(false);
  });

  it('alerts the clerk, and warns a month before and after the end date', () => {
    const m = { startsOn: '2025-04-01', endsOn: '2026-03-31', endedOn: null };
    expect(supportMeasureAlerts([m], '2025-05-01').map((a) => a.code)).toEqual(['support-measure-subject']);
    expect(supportMeasureAlerts([m], '2026-03-05').map((a) => a.code)).toEqual(['support-measure-subject', 'support-measure-expiring']);
    expect(supportMeasureAlerts([m], '2026-05-05').map((a) => a.code)).toEqual(['support-measure-subject', 'support-measure-expiring']);
    expect(supportMeasureAlerts([{ ...m, endedOn: '2025-06-01' }], '2025-07-01')).toEqual([]);
    expect(supportMeasureAlerts([], '2025-07-01')).toEqual([]);
  });

  it('gives the registry views the period of each active measure, flagged when ending soon or overdue', () => {
    const m = { startsOn: '2025-04-01', endsOn: '2026-03-31', endedOn: null };
    expect(supportMeasureNotices([m], '2025-05-01')).toEqual([{ startsOn: '2025-04-01', endsOn: '2026-03-31', expiring: false, overdue: false }]);
    expect(supportMeasureNotices([m], '2026-03-05')).toEqual([{ startsOn: '2025-04-01', endsOn: '2026-03-31', expiring: true, overdue: false }]);
    expect(supportMeasureNotices([m], '2026-05-05')).toEqual([{ startsOn: '2025-04-01', endsOn: '2026-03-31', expiring: false, overdue: true }]);
    expect(supportMeasureNotices([{ ...m, endedOn: '2025-06-01' }], '2025-07-01')).toEqual([]);
    expect(supportMeasureNotices([{ ...m, startsOn: '2025-08-01' }], '2025-07-01')).toEqual([]);
  });
});

describe('延長 and 終了通知 (spec §3.4)', () => {
  const m = { startsOn: '2020-04-01', endsOn: '2021-03-31', endedOn: null };
  const codeOf = (fn: () => unknown) => { try { fn(); return null; } catch (e) { return (e as RegistryRuleError).code; } };
  it('extends by one year from the day after the end, on a request from a month before it (or after it, not ended)', () => {
    expect(planExtension(m, '2021-03-01', '2021-03-01')).toEqual({ requestedOn: '2021-03-01', newEndsOn: '2022-03-31' });
    expect(planExtension(m, '2021-04-10', '2021-04-10').newEndsOn).toBe('2022-03-31');
    expect(codeOf(() => planExtension(m, '2021-02-27', '2021-02-27'))).toBe('support-measure-extension-too-early');
    expect(codeOf(() => planExtension({ ...m, endedOn: '2021-01-01' }, '2021-03-01', '2021-03-01'))).toBe('support-measure-ended');
    expect(codeOf(() => planExtension(m, '2021-03-05', '2021-03-01'))).toBe('support-measure-dates');
  });
  it('lists for the 終了通知 the measures in force ending within a month or past their end, soonest first', () => {
    const later = { ...m, endsOn: '2021-06-30' };
    const ended = { ...m, endsOn: '2021-03-10', endedOn: '2021-03-05' };
    const past = { ...m, endsOn: '2021-03-01' };
    expect(endingSoon([later, m, ended, past], '2021-03-15')).toEqual([past, m]);
  });
});
