// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { validateRequest } from '../engine/request-validation.ts';
import { generateRequest } from './generate-request.ts';

describe('generateRequest', () => {
  it('is deterministic in preset and seed and produces valid v1 requests', () => {
    const a = JSON.stringify(generateRequest('paper-s', 5));
    expect(JSON.stringify(generateRequest('paper-s', 5))).toBe(a);
    expect(JSON.stringify(generateRequest('paper-s', 6))).not.toBe(a);
    expect(validateRequest(JSON.parse(a))).toEqual([]);
  });

  it('matches the anchored shape of the paper-s preset', () => {
    const req = generateRequest('paper-s', 1);
    const children = req.households.flatMap((h) => h.children);
    expect(children).toHaveLength(605);
    expect(req.facilities).toHaveLength(33);
    const inSiblings = req.households.filter((h) => h.children.length > 1).reduce((n, h) => n + h.children.length, 0);
    expect(inSiblings / children.length).toBeGreaterThan(0.08);
    expect(inSiblings / children.length).toBeLessThan(0.25);
    const transfers = children.filter((c) => c.currentFacilityId).length / children.length;
    expect(transfers).toBeGreaterThan(0.05);
    expect(transfers).toBeLessThan(0.15);
    expect(req.facilities.some((f) => f.seats.includes(0))).toBe(true);
    for (const c of children) expect(c.preferences).not.toContain(c.currentFacilityId);
  });
});
