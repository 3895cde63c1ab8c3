// SPDX-License-Identifier: EUPL-1.2
/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) with node:crypto, for a second factor of staff sign-in
 * (標準仕様書 §10.3; issue #13). No library in the project provides it. Pure: the caller keeps the secret sealed and the
 * last step used (so a code is accepted once).
 */
import crypto from 'node:crypto';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';
export interface TotpOptions { digits?: number; stepSeconds?: number; algorithm?: TotpAlgorithm }

/** HOTP (RFC 4226 §5.3): the dynamically truncated HMAC of the counter, as `digits` decimal digits. */
export function hotp(secret: Uint8Array, counter: bigint, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(counter);
  const mac = crypto.createHmac(algorithm, secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** TOTP (RFC 6238 §4): HOTP of the number of `stepSeconds` steps since the Unix epoch. */
export function totp(secret: Uint8Array, unixSeconds: number, opts: TotpOptions = {}): string {
  return hotp(secret, BigInt(Math.floor(unixSeconds / (opts.stepSeconds ?? 30))), opts.digits ?? 6, opts.algorithm ?? 'sha1');
}

/**
 * Checks a code against the steps around `unixSeconds` (±`window` steps for clock drift), never a step at or before
 * `lastStep` (a code is used once). Returns the matched step, or undefined. Constant-time comparison.
 */
export function verifyTotp(secret: Uint8Array, code: string, unixSeconds: number, opts: TotpOptions & { window?: number; lastStep?: number } = {}): number | undefined {
  const digits = opts.digits ?? 6;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return undefined;
  const step = Math.floor(unixSeconds / (opts.stepSeconds ?? 30));
  const window = opts.window ?? 1;
  for (let s = step - window; s <= step + window; s += 1) {
    if (s < 0 || (opts.lastStep !== undefined && s <= opts.lastStep)) continue;
    const expected = Buffer.from(hotp(secret, BigInt(s), digits, opts.algorithm ?? 'sha1'));
    if (crypto.timingSafeEqual(expected, Buffer.from(code))) return s;
  }
  return undefined;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 (RFC 4648 §6, no padding): how authenticator apps take a secret. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0, value = 0, out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) { out += ALPHABET[(value >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case-insensitive, spaces and padding ignored); throws on any other character. */
export function base32Decode(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out: number[] = [];
  let bits = 0, value = 0;
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('invalid base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Uint8Array.from(out);
}

/** A new random secret (160 bits, RFC 4226 §4 recommends at least 128). */
export function newTotpSecret(): Uint8Array {
  return crypto.randomBytes(20);
}

/** The `otpauth://totp/…` URI an authenticator app reads (usually as a QR code). */
export function otpauthUri(issuer: string, account: string, secret: Uint8Array): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${base32Encode(secret)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
