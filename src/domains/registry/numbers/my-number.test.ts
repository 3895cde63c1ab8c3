import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRegistryNumber, isValidMyNumber, isValidResidentCode, myNumberCheckDigit, residentCodeCheckDigit } from './my-number.ts';
import { createMyNumberCipher } from './my-number-cipher.ts';
import { loadMyNumberKeys } from '../registry.config.ts';
import crypto from 'node:crypto';

describe('isValidMyNumber', () => {
  it('accepts the published example 123456789018', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(isValidMyNumber('123456789018')).toBe(true);
  });
  it('refuses a wrong check digit, wrong length and non-digits', () => {
    expect(isValidMyNumber('123456789017')).toBe(false);
    expect(isValidMyNumber('12345678901')).toBe(false);
    expect(isValidMyNumber('１２３４５６７８９０１８')).toBe(false);
  });
  it('detects every single-digit error in the first 11 digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{11}$/), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
      const valid = `${base}${myNumberCheckDigit(base)}`;
      expect(isValidMyNumber(valid)).toBe(true);
      const changed = base.slice(0, pos) + String((Number(base[pos]) + delta) % 10) + base.slice(pos + 1);
      const cd = myNumberCheckDigit(changed);
      // Modulus 11 with remainders 0/1 collapsed to 0 detects all single-digit errors unless both map to 0.
      if (cd !== myNumberCheckDigit(base)) expect(isValidMyNumber(`${changed}${myNumberCheckDigit(base)}`)).toBe(false);
    }));
  });
});

describe('isValidResidentCode', () => {
  it('accepts 11 digits with the check digit and refuses others', () => {
    const base = '1234567890';
    expect(isValidResidentCode(`${base}${residentCodeCheckDigit(base)}`)).toBe(true);
    expect(isValidResidentCode(`${base}${(residentCodeCheckDigit(base) + 1) % 10}`)).toBe(false);
    expect(isValidResidentCode('123')).toBe(false);
  });
});

describe('formatRegistryNumber', () => {
  it('makes 10-digit numbers with a check digit', () => {
    expect(formatRegistryNumber(1)).toMatch(/^0000000010$|^000000001\d$/);
    expect(formatRegistryNumber(123456789)).toHaveLength(10);
  });
});

describe('createMyNumberCipher', () => {
  const key = () => crypto.randomBytes(32);
  it('round-trips, binds the blind index, and refuses tampering', () => {
    const c = createMyNumberCipher({ currentKeyId: 'k1', keys: { k1: key() }, indexKey: key() });
    const idx = c.blindIndex('123456789018');
    const sealed = c.seal('123456789018', idx);
    expect(sealed.ciphertext).not.toContain('123456789018');
    expect(c.open(sealed, idx)).toBe('123456789018');
    expect(() => c.open(sealed, c.blindIndex('000000000000'))).toThrow();
    const [iv, tag, ct] = sealed.ciphertext.split('.');
    const flipped = Buffer.from(ct!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => c.open({ keyId: 'k1', ciphertext: `${iv}.${tag}.${flipped.toString('base64')}` }, idx)).toThrow();
  });
  it('decrypts old ciphertexts after rotation and encrypts under the new key', () => {
    const k1 = key(); const k2 = key(); const ik = key();
    const old = createMyNumberCipher({ currentKeyId: 'k1', keys: { k1 }, indexKey: ik });
    const sealed = old.seal('123456789018', old.blindIndex('123456789018'));
    const rotated = createMyNumberCipher({ currentKeyId: 'k2', keys: { k2, k1 }, indexKey: ik });
    expect(rotated.open(sealed, rotated.blindIndex('123456789018'))).toBe('123456789018');
    expect(rotated.seal('123456789018', 'x').keyId).toBe('k2');
    expect(rotated.blindIndex('123456789018')).toBe(old.blindIndex('123456789018'));
  });
  it('reads keys from configuration, with development keys as fallback', () => {
    expect(loadMyNumberKeys({}).devKeys).toBe(true);
    const k = loadMyNumberKeys({ JICHI_MY_NUMBER_KEYS: `b:${key().toString('base64')},a:${key().toString('base64')}`, JICHI_MY_NUMBER_INDEX_KEY: key().toString('base64') });
    expect(k.currentKeyId).toBe('b');
    expect(Object.keys(k.keys)).toEqual(['b', 'a']);
  });
});
