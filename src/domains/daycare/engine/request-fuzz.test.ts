// SPDX-License-Identifier: EUPL-1.2
// Mutated requests are either rejected by validation or allocated without error into a valid result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRequest } from '../../../../test/fixtures/daycare/small-instances.ts';
import { allocate } from './allocate.ts';
import { validateRequest } from './request-validation.ts';

const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer({ min: -3, max: 9 }), fc.double(), fc.string({ maxLength: 4 }),
  fc.constant('F1'), fc.constant([]), fc.constant({}), fc.constant([null, 'F1']), fc.boolean());

/** Replaces or deletes the value at a random path of a JSON value. */
function mutate(value: unknown, path: number[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return remove ? undefined : replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const key = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
  const next = mutate((value as Record<string, unknown>)[key], path.slice(1), replacement, remove);
  if (next === undefined && !Array.isArray(value)) delete copy[key]; else copy[key] = next;
  return copy;
}

describe('request fuzzing', () => {
  it('never crashes: invalid input is rejected, valid input allocates into a non-INVALID result', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 1e6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), junk, fc.boolean(),
      async (seed, path, replacement, remove) => {
        const value = mutate(smallRequest(seed), path, replacement, remove);
        if (validateRequest(value).length > 0) return;
        const result = await allocate(value as never);
        expect(result.status).not.toBe('INVALID');
      }), { numRuns: 400 });
  });
});
