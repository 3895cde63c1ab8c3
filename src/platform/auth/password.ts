// SPDX-License-Identifier: EUPL-1.2
/** Password hashing with argon2id (OWASP parameters: 19 MiB, 2 iterations, 1 lane). */
import { Algorithm, hash, verify } from '@node-rs/argon2';

const params = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A PHC-format argon2id hash of the password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, params);
}

/** True when the password matches the stored hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, to spend the same time on unknown accounts as on known ones. */
export const dummyHash = hashPassword('jichi-timing-equaliser');

/** Password policy: at least 12 characters; returns a Japanese reason, or null when acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'パスワードは12文字以上にしてください';
  if (password.length > 256) return 'パスワードは256文字以下にしてください';
  return null;
}
