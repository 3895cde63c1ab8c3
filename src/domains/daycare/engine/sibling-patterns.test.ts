// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { expandSiblingPattern } from './sibling-patterns.ts';

const older = { ageClass: 3, preferences: ['A', 'B'] };
const younger = { ageClass: 1, preferences: ['A', 'C'] };

describe('expandSiblingPattern', () => {
  it('1 同保同時: only same-facility tuples', () => {
    expect(expandSiblingPattern([older, younger], 1)).toEqual([['A', 'A']]);
  });
  it('2 同保順次（上）: same facility, then the older child alone', () => {
    expect(expandSiblingPattern([older, younger], 2)).toEqual([['A', 'A'], ['A', null], ['B', null]]);
  });
  it('3 同保順次（下）: same facility, then the younger child alone', () => {
    expect(expandSiblingPattern([older, younger], 3)).toEqual([['A', 'A'], [null, 'A'], [null, 'C']]);
  });
  it('4 別保同時（同）: everyone admitted, same facility first', () => {
    expect(expandSiblingPattern([older, younger], 4)).toEqual([['A', 'A'], ['A', 'C'], ['B', 'A'], ['B', 'C']]);
  });
  it('6 別保同時（希）: everyone admitted, by own ranks', () => {
    expect(expandSiblingPattern([older, younger], 6)).toEqual([['A', 'A'], ['A', 'C'], ['B', 'A'], ['B', 'C']]);
  });
  it('5 and 7: at least one admitted, all-admitted tuples first', () => {
    const t5 = expandSiblingPattern([older, younger], 5);
    expect(t5.slice(0, 4)).toEqual([['A', 'A'], ['A', 'C'], ['B', 'A'], ['B', 'C']]);
    expect(t5.slice(4)).toEqual([['A', null], [null, 'A'], ['B', null], [null, 'C']]);
    expect(expandSiblingPattern([older, younger], 7)).toHaveLength(8);
  });
  it('caps the number of tuples', () => {
    const many = { ageClass: 2, preferences: Array.from({ length: 15 }, (_, i) => `F${i}`) };
    expect(expandSiblingPattern([many, many, many], 7, 50)).toHaveLength(50);
  });
});
