import { describe, expect, it } from 'vitest';
import { isValidRelationship } from './relationship.ts';

describe('isValidRelationship', () => {
  it.each(['世帯主', '妻', '夫（未届）', '子', '子の妻', '子の子', '子の子の子の子', '父', '母', '妹', '妻の父', '縁故者', '同居人'])('allows %s', (r) => expect(isValidRelationship(r)).toBe(true));
  it.each(['祖父', '孫', '甥', '家事使用人', '準世帯主', '長男', '子の子の子の子の子', '子の夫（未届）', ''])('refuses %s', (r) => expect(isValidRelationship(r)).toBe(false));
});

