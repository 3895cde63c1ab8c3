// SPDX-License-Identifier: EUPL-1.2
/** Deployment settings of certificates, read from the environment like the platform configuration. */

/** Base URL of the public verification page encoded in QR codes: `<PUBLIC_URL>/verify`. */
export function verificationBaseUrl(env: Record<string, string | undefined>): string {
  const host = env.HOST ?? '127.0.0.1';
  const base = env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${env.PORT ?? 3000}`;
  return `${base.replace(/\/$/, '')}/verify`;
}
