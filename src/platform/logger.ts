// SPDX-License-Identifier: EUPL-1.2
/**
 * Structured JSON logs. Personal data never goes into a log: log ids, never names, addresses or numbers.
 * As a second line of defence, fields that commonly carry personal data are redacted.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Keys whose values are replaced by "[redacted]" wherever they appear (two levels deep). */
export const REDACTED_KEYS = [
  'password', 'name', 'kana', 'address', 'myNumber', 'individualNumber', 'residentCode',
  'birthDate', 'phone', 'email', 'cookie', 'authorization', 'token', 'body',
];

/** Creates the process logger. */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino(
    { level, base: { service: 'jichi' }, redact: { paths, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}
