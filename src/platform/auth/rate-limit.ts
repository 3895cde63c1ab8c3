// SPDX-License-Identifier: EUPL-1.2
/**
 * A fixed-window counter per key (client address, account) in memory, to slow password guessing from one place.
 * It counts failures: an attempt is taken before the password check (so parallel attempts cannot overtake
 * the count) and refunded when it succeeds, so a busy counter office behind one address is never limited by
 * its own successful sign-ins (issue #15). Account lock-out is kept in the database (staff.failed_logins).
 */
export interface RateLimiter {
  /** Counts one attempt; false when the key has exceeded its allowance in the current window. */
  take(key: string): boolean;
  /** Gives back an attempt taken in the current window (it succeeded). */
  refund(key: string): void;
  /** Seconds until the key's window resets. */
  retryAfter(key: string): number;
}

/** Allows `limit` attempts per key per `windowMs`. */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        w = { start: t, count: 0 };
        windows.set(key, w);
        if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k);
      }
      w.count += 1;
      return w.count <= limit;
    },
    refund(key) {
      const w = windows.get(key);
      if (w && w.count > 0) w.count -= 1;
    },
    retryAfter(key) {
      const w = windows.get(key);
      return w ? Math.max(1, Math.ceil((w.start + windowMs - now()) / 1000)) : 0;
    },
  };
}
