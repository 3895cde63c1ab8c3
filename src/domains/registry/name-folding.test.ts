import { describe, expect, it } from 'vitest';
import { foldKana, foldName, hasForbiddenNameSymbols, isKanaQuery } from './name-folding.ts';

describe('foldName', () => {
  it.each([['髙橋', '高橋'], ['山﨑', '山崎'], ['渡邊', '渡辺'], ['渡邉', '渡辺'], ['濱田', '浜田'], ['齋藤', '斎藤'], ['宮澤', '宮沢'], ['塚本', '塚本']])('%s folds like %s', (a, b) => {
    expect(foldName(a)).toBe(foldName(b));
  });
  it('folds width and spaces, strips variation selectors, keeps other kanji', () => {
    expect(foldName('ＮＧＵＹＥＮ　Van An')).toBe('NGUYENVANAN');
    expect(foldName('辺\u{E0100}見')).toBe('辺見');
    expect(foldName('小松 太郎')).toBe('小松太郎');
  });
  it('never changes the input string itself', () => {
    const stored = '髙橋';
    foldName(stored);
    expect(stored).toBe('髙橋');
  });
});

describe('foldKana', () => {
  it.each([
    ['ヴァイオリン', 'バイオリン'], ['ブ', 'ヴ'], ['ぢ', 'ジ'], ['ヅ', 'ズ'], ['シャ', 'シヤ'], ['ｶﾞｯｺｳ', 'ガッコウ'], ['オウノ', 'オオノ'],
    ['ヲ', 'オ'], ['ワ', 'ハ'], ['ピ', 'ヒ'], ['サトー', 'サト'], ['タナカ　タロウ', 'タナカタロウ'], ['たなか', 'タナカ'],
  ])('%s matches %s', (a, b) => expect(foldKana(a)).toBe(foldKana(b)));
  it('keeps ウ at the start and after non-オ段 kana', () => {
    expect(foldKana('ウメ')).toBe('ウメ');
    expect(foldKana('クウ')).toBe('クウ');
  });
});

describe('isKanaQuery / hasForbiddenNameSymbols', () => {
  it('tells kana from kanji queries', () => {
    expect(isKanaQuery('たなか')).toBe(true);
    expect(isKanaQuery('ﾀﾅｶ')).toBe(true);
    expect(isKanaQuery('田中')).toBe(false);
  });
  it('refuses （株） style symbols', () => {
    expect(hasForbiddenNameSymbols('（株）山田')).toBe(true);
    expect(hasForbiddenNameSymbols('㈱山田')).toBe(true);
    expect(hasForbiddenNameSymbols('山田')).toBe(false);
  });
});
