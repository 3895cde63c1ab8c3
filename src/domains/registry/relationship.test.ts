import { describe, expect, it } from 'vitest';
import { isValidRelationship } from './relationship.ts';
import { matchTown, townsOf } from './addresses/address-reference.ts';

describe('isValidRelationship', () => {
  it.each(['世帯主', '妻', '夫（未届）', '子', '子の妻', '子の子', '子の子の子の子', '父', '母', '妹', '妻の父', '縁故者', '同居人'])('allows %s', (r) => expect(isValidRelationship(r)).toBe(true));
  it.each(['祖父', '孫', '甥', '家事使用人', '準世帯主', '長男', '子の子の子の子の子', '子の夫（未届）', ''])('refuses %s', (r) => expect(isValidRelationship(r)).toBe(false));
});

describe('matchTown', () => {
  it('finds 塩尻市 towns by name (with or without 大字) and by code', () => {
    const towns = townsOf('202151')!;
    expect(towns.length).toBeGreaterThan(20);
    const m = matchTown('202151', { townName: '広丘野村' });
    expect(m.kind).toBe('listed');
    expect(matchTown('202151', { townCode: towns[0]!.code })).toEqual({ kind: 'listed', town: towns[0] });
  });
  it('flags towns outside the list, and municipalities without a list', () => {
    expect(matchTown('202151', { townName: '霞が関' }).kind).toBe('unlisted');
    expect(matchTown('131016', { townName: '霞が関' }).kind).toBe('no-list');
  });
});
