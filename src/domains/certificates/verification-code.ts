// SPDX-License-Identifier: EUPL-1.2
/**
 * Verification codes (照合番号) printed with a QR code on every certificate: 20 characters of Crockford
 * base32 from 100 random bits, shown in groups of four. Unguessable, so a forged code finds nothing; any
 * altered character gives another code, which finds nothing either. The database keeps only the SHA-256.
 */
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 20;

/** Creates a new random code in its printed form, e.g. `7K3M-Q9XA-…`. */
export function newVerificationCode(random: (n: number) => Uint8Array = (n) => crypto.randomBytes(n)): string {
  const bytes = random(13);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let s = '';
  for (let i = 0; i < LENGTH; i++) s += ALPHABET[Number((bits >> BigInt(104 - 5 * (i + 1))) & 31n)];
  return formatVerificationCode(s);
}

/** Groups a normalised code by four characters. */
export function formatVerificationCode(normalised: string): string {
  return normalised.match(/.{1,4}/g)!.join('-');
}

/**
 * Reads a code as typed or scanned: case-insensitive, hyphens and spaces ignored, O→0 and I/L→1 (Crockford).
 * Returns undefined for anything that cannot be a code.
 */
export function normaliseVerificationCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s\-‐－ー]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== LENGTH || [...s].some((c) => !ALPHABET.includes(c))) return undefined;
  return s;
}

/** The stored form of a code: SHA-256 (hex) of its normalised text. */
export function hashVerificationCode(normalised: string): string {
  return crypto.createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/** SHA-256 (hex) of a PDF. */
export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
