// SPDX-License-Identifier: EUPL-1.2
/**
 * Session cookies: `<municipality code>.<random token>`. The table keeps only the token's SHA-256, so a
 * copy of the database does not yield usable sessions. The municipality part lets the lookup run under
 * row-level security for that municipality only.
 */
import crypto from 'node:crypto';
import { isValidMunicipalityCode } from '../tenancy/municipality-code.ts';

/** Name of the session cookie (the `__Host-` prefix is used when served over https). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-jichi_session' : 'jichi_session';
}

/** A new random token (256 bits, base64url). */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** SHA-256 hex of a token. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Splits a cookie value into municipality code and token; undefined when malformed. */
export function parseSessionCookie(value: string | undefined): { municipalityCode: string; token: string } | undefined {
  if (!value) return undefined;
  const m = /^(\d{6})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m || !isValidMunicipalityCode(m[1]!)) return undefined;
  return { municipalityCode: m[1]!, token: m[2]! };
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
