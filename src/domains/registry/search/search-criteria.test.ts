// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { RegistryRuleError } from '../registry-errors.ts';
import { criteriaKey, criteriaToKeep, dateRanges, hasListingCriterion, searchHistoryDays } from './search-criteria.ts';

describe('dateRanges', () => {
  it('reads 和暦 or 西暦 ends, partial dates to their first and last day, either end open', () => {
    expect(dateRanges({ birthFrom: '昭和40年', birthTo: '昭和45年3月' })).toEqual({ birth: { from: '1965-01-01', to: '1970-03-31' } });
    expect(dateRanges({ changedFrom: '2024-04-01' })).toEqual({ changed: { from: '2024-04-01', to: '9999-12-31' } });
    expect(dateRanges({ birthDate: 'S55', birthTo: '1980-06-30' })).toEqual({ birth: { from: '1980-01-01', to: '1980-06-30' } });
    expect(dateRanges({})).toEqual({});
  });

  it('refuses an unreadable date and a range that ends before it starts', () => {
    expect(() => dateRanges({ birthFrom: 'きのう' })).toThrow(RegistryRuleError);
    try { dateRanges({ changedFrom: '2025-01-01', changedTo: '2024-01-01' }); } catch (e) { expect((e as RegistryRuleError).code).toBe('invalid-date-range'); }
    expect(() => dateRanges({ changedFrom: '2025-01-01', changedTo: '2024-01-01' })).toThrow(RegistryRuleError);
  });
});

describe('hasListingCriterion', () => {
  it('counts names, dates, numbers and 消除事由, but not 性別 or 続柄 alone', () => {
    expect(hasListingCriterion({ sex: 'male', relationship: '子' }, {})).toBe(false);
    expect(hasListingCriterion({ householdNo: ' ' }, {})).toBe(false);
    expect(hasListingCriterion({ householdNo: '000000123', sex: 'male' }, {})).toBe(true);
    expect(hasListingCriterion({ removalReason: '死亡' }, {})).toBe(true);
    expect(hasListingCriterion({ emptyItem: 'myNumber' }, {})).toBe(true);
    expect(hasListingCriterion({}, { changed: { from: '2024-01-01', to: '2024-12-31' } })).toBe(true);
  });
});

describe('criteriaToKeep', () => {
  it('keeps trimmed criteria without the 個人番号 and gives the same key for the same search', () => {
    const kept = criteriaToKeep({ name: ' 山田 ', mode: 'prefix', myNumber: '123456789018', limit: 100, includeRemoved: false, sex: 'male' });
    expect(kept).toEqual({ name: '山田', sex: 'male', myNumberUsed: true });
    expect(JSON.stringify(kept)).not.toContain('123456789018');
    expect(criteriaKey(kept)).toBe(criteriaKey({ sex: 'male', myNumberUsed: true, name: '山田' }));
    expect(criteriaKey(criteriaToKeep({ name: '山田', mode: 'exact' }))).not.toBe(criteriaKey(criteriaToKeep({ name: '山田' })));
  });

  it('reads the retention period from the environment within 1–365 days, else 30', () => {
    expect(searchHistoryDays({})).toBe(30);
    expect(searchHistoryDays({ JICHI_SEARCH_HISTORY_DAYS: '7' })).toBe(7);
    expect(searchHistoryDays({ JICHI_SEARCH_HISTORY_DAYS: '0' })).toBe(30);
    expect(searchHistoryDays({ JICHI_SEARCH_HISTORY_DAYS: 'x' })).toBe(30);
  });
});
