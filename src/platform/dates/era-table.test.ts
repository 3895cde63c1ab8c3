// SPDX-License-Identifier: EUPL-1.2
// The era table is data (spec §1.3.6): reference/eras.json is what every date uses, and a new era is one more row.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEraTable, ERA_FILE, ERAS, installEraTable, parseLegalDate, toWareki } from './jp-date.ts';

const table = JSON.parse(fs.readFileSync(ERA_FILE, 'utf8')) as Array<{ name: string; letter: string; start: string }>;

describe('era table', () => {
  afterEach(() => installEraTable(table));

  it('is read from reference/eras.json, newest first', () => {
    expect(ERA_FILE).toMatch(/reference[\\/]eras\.json$/);
    expect(ERAS.map((e) => e.name)).toEqual(['令和', '平成', '昭和', '大正', '明治']);
    expect(ERAS).toEqual(checkEraTable(table));
  });

  it('takes a new era from a new row: parsing, 和暦 display and the end of the old era follow without a program change', () => {
    expect(() => parseLegalDate('光文2年4月1日')).toThrow();
    expect(toWareki('2040-05-01')).toBe('令和22年5月1日');
    installEraTable([...table, { name: '光文', letter: 'K', start: '2040-05-01' }]);
    expect(parseLegalDate('光文2年4月1日').sortKey).toBe('2041-04-01');
    expect(parseLegalDate('K2.4.1').sortKey).toBe('2041-04-01');
    expect(toWareki('2040-05-01')).toBe('光文元年5月1日');
    expect(toWareki('2040-04-30')).toBe('令和22年4月30日');
    expect(() => parseLegalDate('令和22年5月1日')).toThrow(/令和の終わった後の日付です（令和は令和22年4月30日まで）/);
  });

  it('refuses a broken table (a bad day, a duplicate letter, a non-kanji name), keeping the one in force', () => {
    expect(() => installEraTable([...table, { name: '光文', letter: 'K', start: '2040-02-30' }])).toThrow(/開始日/);
    expect(() => installEraTable([...table, { name: '光文', letter: 'R', start: '2040-05-01' }])).toThrow(/略号/);
    expect(() => installEraTable([...table, { name: 'Kobun', letter: 'K', start: '2040-05-01' }])).toThrow(/元号名/);
    expect(() => installEraTable([])).toThrow(/空/);
    expect(ERAS.map((e) => e.name)).toEqual(['令和', '平成', '昭和', '大正', '明治']);
  });
});
