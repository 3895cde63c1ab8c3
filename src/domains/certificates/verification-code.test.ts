import { describe, expect, it } from 'vitest';
import { formatVerificationCode, hashVerificationCode, newVerificationCode, normaliseVerificationCode } from './verification-code.ts';

describe('verification codes', () => {
  it('are 20 Crockford base32 characters in groups of four, different every time', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newVerificationCode()));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
  });

  it('read typed variants (case, hyphens, spaces, O/I/L) as the same code', () => {
    const code = newVerificationCode(() => new Uint8Array(13).fill(0xa5));
    const n = normaliseVerificationCode(code)!;
    expect(formatVerificationCode(n)).toBe(code);
    expect(normaliseVerificationCode(code.toLowerCase().replaceAll('-', ' '))).toBe(n);
    expect(normaliseVerificationCode('OOOO-IIII-LLLL-0000-1111')).toBe('00001111111100001111');
  });

  it('reject malformed input and change the hash with any altered character', () => {
    expect(normaliseVerificationCode('ABC')).toBeUndefined();
    expect(normaliseVerificationCode('UUUU-UUUU-UUUU-UUUU-UUUU')).toBeUndefined();
    const n = normaliseVerificationCode(newVerificationCode())!;
    const altered = (n[0] === 'A' ? 'B' : 'A') + n.slice(1);
    expect(hashVerificationCode(altered)).not.toBe(hashVerificationCode(n));
    expect(hashVerificationCode(n)).toMatch(/^[0-9a-f]{64}$/);
  });
});
