import { describe, expect, it } from 'vitest';
import { formatLegalDate, isCalendarDate, parseCalendarDate, parseDateQuery, parseLegalDate, toWareki } from './jp-date.ts';

describe('parseLegalDate', () => {
  it.each([
    ['1965-01-02', '1965-01-02'], ['昭和40年1月2日', '1965-01-02'], ['昭和４０年１月２日', '1965-01-02'], ['S40.1.2', '1965-01-02'],
    ['平成元年1月8日', '1989-01-08'], ['令和元年5月1日', '2019-05-01'], ['R7/4/1', '2025-04-01'], ['2025年4月1日', '2025-04-01'],
    // issue #9: 西暦 as typed into the one date input.
    ['2026-12-3', '2026-12-03'], ['2025/4/1', '2025-04-01'], ['20250401', '2025-04-01'], ['２０２５－０４－０１'.replace(/－/g, '-'), '2025-04-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseLegalDate(text)).toEqual({ sortKey: iso, precision: 'day' });
  });
  it('keeps vague dates as text with the earliest day as sort key', () => {
    expect(parseLegalDate('昭和40年頃')).toEqual({ sortKey: '1965-01-01', precision: 'year', text: '昭和40年頃' });
    expect(parseLegalDate('昭和40年3月上旬')).toEqual({ sortKey: '1965-03-01', precision: 'month', text: '昭和40年3月上旬' });
    expect(parseLegalDate('年月日不詳').precision).toBe('unknown');
  });
  it('allows non-calendar days only where the law does', () => {
    expect(() => parseLegalDate('平成3年2月29日')).toThrow();
    expect(parseLegalDate('平成3年2月29日', { allowNonCalendar: true }).sortKey).toBe('1991-02-29');
    expect(() => parseLegalDate('平成3年2月31日', { allowNonCalendar: true })).toThrow();
  });
  it('refuses dates outside their era and nonsense', () => {
    expect(() => parseLegalDate('平成1年1月7日')).toThrow();
    expect(() => parseLegalDate('昭和40年13月1日')).toThrow();
    expect(() => parseLegalDate('きのう')).toThrow();
  });
  // issue #9: 令和7年2月29日 and 昭和64年1月8日 were accepted; an era ends on its last day; nothing before 明治.
  it('ends each era on its last day and starts the next on its first (issue #9)', () => {
    for (const last of ['昭和64年1月7日', '平成31年4月30日', '明治45年7月29日', '大正15年12月24日']) expect(parseLegalDate(last).precision).toBe('day');
    for (const first of ['平成元年1月8日', '令和元年5月1日', '大正元年7月30日', '昭和元年12月25日']) expect(parseLegalDate(first).precision).toBe('day');
    for (const after of ['昭和64年1月8日', '平成31年5月1日', '明治45年7月30日', '大正15年12月25日', '昭和65年頃', '平成31年5月']) {
      expect(() => parseLegalDate(after), after).toThrow(/終わった後/);
    }
    expect(() => parseLegalDate('大正元年7月29日')).toThrow(/始まる前/);
    expect(() => parseLegalDate('令和7年2月29日')).toThrow(/暦にない/);
    // Eras whose change fell on the same day: the old-era form is a non-calendar date kept as written (spec §1.1.8).
    expect(parseLegalDate('明治45年7月30日', { allowNonCalendar: true })).toEqual({ sortKey: '1912-07-30', precision: 'day', text: '明治45年7月30日' });
    expect(() => parseLegalDate('昭和64年1月8日', { allowNonCalendar: true })).toThrow();
    // Year and month precision within the era: 平成元年 and 平成元年1月 began in the middle.
    expect(parseLegalDate('平成元年').sortKey).toBe('1989-01-01');
    expect(parseLegalDate('昭和64年頃').text).toBe('昭和64年頃');
  });
  it('refuses dates before 明治, the earliest era (issue #9)', () => {
    expect(() => parseLegalDate('1800-01-01')).toThrow(/明治より前/);
    expect(() => parseLegalDate('1867年')).toThrow(/明治より前/);
    expect(() => parseLegalDate('明治0年1月1日')).toThrow();
    expect(() => parseLegalDate('0000-01-01')).toThrow();
    expect(parseLegalDate('明治元年1月25日').sortKey).toBe('1868-01-25');
  });
  it('parseCalendarDate wants a full real day', () => {
    expect(parseCalendarDate('令和7年4月1日')).toBe('2025-04-01');
    expect(() => parseCalendarDate('令和7年4月')).toThrow();
  });
});

describe('toWareki / formatLegalDate', () => {
  it('formats in 和暦 with 元年 and in 西暦 for foreign residents', () => {
    expect(toWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(toWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatLegalDate({ sortKey: '1965-01-02', precision: 'day' }, 'seireki')).toBe('1965年1月2日');
    expect(formatLegalDate({ sortKey: '1965-01-01', precision: 'year', text: '昭和40年頃' }, 'wareki')).toBe('昭和40年頃');
    expect(formatLegalDate({ sortKey: '1965-03-01', precision: 'month' }, 'wareki')).toBe('昭和40年3月');
  });
  it('isCalendarDate knows leap years', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
  });
});

describe('parseDateQuery', () => {
  it.each([
    ['S40', '1965-01-01', '1965-12-31'], ['昭和40年1月', '1965-01-01', '1965-01-31'], ['19650102', '1965-01-02', '1965-01-02'],
    ['1965-01-02', '1965-01-02', '1965-01-02'], ['H3.2.29', '1991-02-29', '1991-02-29'],
  ])('%s → %s..%s', (q, from, to) => expect(parseDateQuery(q)).toEqual({ from, to }));
  it('returns undefined for text that is no date', () => expect(parseDateQuery('abc')).toBeUndefined());
});
