import { describe, expect, it } from 'vitest';
import { formatLegalDate, isCalendarDate, parseCalendarDate, parseDateQuery, parseLegalDate, toWareki } from './jp-date.ts';

describe('parseLegalDate', () => {
  it.each([
    ['1965-01-02', '1965-01-02'], ['昭和40年1月2日', '1965-01-02'], ['昭和４０年１月２日', '1965-01-02'], ['S40.1.2', '1965-01-02'],
    ['平成元年1月8日', '1989-01-08'], ['令和元年5月1日', '2019-05-01'], ['R7/4/1', '2025-04-01'], ['2025年4月1日', '2025-04-01'],
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
