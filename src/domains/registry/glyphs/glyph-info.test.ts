// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { glyphsOf, textOfQuery } from './glyph-info.ts';

describe('glyphsOf', () => {
  it('keeps a base character with its IVS as one glyph and names the selector', () => {
    const [g] = glyphsOf('辺\u{E0100}');
    expect(g).toMatchObject({ text: '辺\u{E0100}', base: '辺', codePoints: ['U+8FBA', 'U+E0100'], selector: 'U+E0100', selectorKind: 'ivs', jisKuten: '1-42-53', jisLevel: 'level1' });
  });

  it('gives JIS X 0208 区点 and 水準, or none for characters outside it', () => {
    expect(glyphsOf('亜')[0]).toMatchObject({ jisKuten: '1-16-1', jisLevel: 'level1', kind: 'kanji' });
    expect(glyphsOf('熙')[0]).toMatchObject({ jisKuten: '1-84-6', jisLevel: 'level2' });
    expect(glyphsOf('ア')[0]).toMatchObject({ jisKuten: '1-5-2', jisLevel: 'non-kanji', kind: 'kana' });
    expect(glyphsOf('髙')[0]).toMatchObject({ jisKuten: null, jisLevel: null, searchAs: '高' });
    expect(glyphsOf('𠮷')[0]).toMatchObject({ codePoints: ['U+20BB7'], kind: 'kanji-ext', jisKuten: null });
  });

  it('never normalises: a compatibility ideograph stays itself and is shown as searched by its unified form', () => {
    const [g] = glyphsOf('\uFA10');
    expect(g!.text).toBe('\uFA10');
    expect(g).toMatchObject({ codePoints: ['U+FA10'], kind: 'kanji-compat', searchAs: '塚' });
  });

  it('marks private-use characters (外字) and skips the space between 氏 and 名', () => {
    const gs = glyphsOf('山\u3000\uE000');
    expect(gs.map((g) => g.kind)).toEqual(['kanji', 'private-use']);
    expect(glyphsOf('')).toEqual([]);
  });

  it('finds characters from a code point (an IVS included) or a JIS X 0208 区点, and refuses codes of no character', () => {
    expect(textOfQuery('U+9AD9')).toBe('髙');
    expect(textOfQuery('u+8fba U+E0100')).toBe('辺\u{E0100}');
    expect(textOfQuery('1-25-66')).toBe('高');
    expect(textOfQuery('１－１６－１')).toBe('亜');
    expect(textOfQuery('髙橋')).toBe('髙橋');
    expect(textOfQuery('U+D800')).toBeUndefined();
    expect(textOfQuery('U+110000')).toBeUndefined();
    expect(textOfQuery('99-99')).toBeUndefined();
    expect(textOfQuery('  ')).toBeUndefined();
  });
});
