import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from './totp.ts';

const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'ascii'));
const SEED = { sha1: ascii('12345678901234567890'), sha256: ascii('12345678901234567890123456789012'), sha512: ascii('1234567890123456789012345678901234567890123456789012345678901234') };

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B: every test vector, 8 digits, step 30 s.
  const vectors: Array<[number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  it.each(vectors)('gives the RFC 6238 codes at T=%i', (t, sha1, sha256, sha512) => {
    expect(totp(SEED.sha1, t, { digits: 8, algorithm: 'sha1' })).toBe(sha1);
    expect(totp(SEED.sha256, t, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(totp(SEED.sha512, t, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });
  it('gives the RFC 4226 Appendix D HOTP values', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => hotp(SEED.sha1, BigInt(c)))).toEqual(
      ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489']);
  });
  it('accepts a code within one step of drift, once, and refuses malformed or stale codes', () => {
    const now = 1_800_000_000;
    const code = totp(SEED.sha1, now - 30);
    const step = verifyTotp(SEED.sha1, code, now);
    expect(step).toBe(Math.floor(now / 30) - 1);
    expect(verifyTotp(SEED.sha1, code, now, { lastStep: step })).toBeUndefined();
    expect(verifyTotp(SEED.sha1, totp(SEED.sha1, now - 90), now)).toBeUndefined();
    expect(verifyTotp(SEED.sha1, '12345', now)).toBeUndefined();
    expect(verifyTotp(SEED.sha1, '12345a', now)).toBeUndefined();
  });
  it('round-trips base32 (RFC 4648 test vectors) and builds the otpauth URI', () => {
    expect(base32Encode(ascii('foobar'))).toBe('MZXW6YTBOI');
    expect(Buffer.from(base32Decode('mzxw 6ytb oi======')).toString('ascii')).toBe('foobar');
    expect(() => base32Decode('MZ1W')).toThrow();
    expect(otpauthUri('Jichi 塩尻市', 'madoguchi', SEED.sha1)).toBe('otpauth://totp/Jichi%20%E5%A1%A9%E5%B0%BB%E5%B8%82:madoguchi?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Jichi%20%E5%A1%A9%E5%B0%BB%E5%B8%82&algorithm=SHA1&digits=6&period=30');
  });
});
