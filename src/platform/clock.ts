// SPDX-License-Identifier: EUPL-1.2
/** The source of "now", injected so that rules and tests can fix the time. */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers the given instant (for tests). */
export function fixedClock(at: Date | string): Clock {
  const d = new Date(at);
  return { now: () => new Date(d) };
}
