// SPDX-License-Identifier: EUPL-1.2
// 抑止 rules (spec §3.1): error beats alert, household suppressions reach every member, a suppression never ends by
// itself, a temporary lifting ends at its time and is not seen by other systems.
import { describe, expect, it } from 'vitest';
import { planLift, planSuppressionEnd, suppressionEffect, type Suppression } from './suppression.ts';
import { RegistryRuleError } from '../registry-errors.ts';

const s = (over: Partial<Suppression>): Suppression => ({ suppressionId: 's1', subjectType: 'person', subjectId: 'p1', operation: 'certificate', level: 'error', reason: 'x',
  startsOn: '2026-01-01', endedOn: null, ...over });
const NOW = new Date('2026-06-01T01:00:00Z');
const DAY = '2026-06-01';
const code = (fn: () => unknown) => { try { fn(); return null; } catch (e) { return e instanceof RegistryRuleError ? e.code : String(e); } };

describe('suppressionEffect', () => {
  it('applies to the person, or to every member of a household; error beats alert; other operations are free', () => {
    const all = [s({ level: 'alert' }), s({ suppressionId: 's2', subjectType: 'household', subjectId: 'h1' })];
    expect(suppressionEffect(all, [], { personId: 'p1' }, 'certificate', NOW, DAY)).toBe('alert');
    expect(suppressionEffect(all, [], { personId: 'p1', householdId: 'h1' }, 'certificate', NOW, DAY)).toBe('error');
    expect(suppressionEffect(all, [], { personId: 'p2', householdId: 'h1' }, 'certificate', NOW, DAY)).toBe('error');
    expect(suppressionEffect(all, [], { personId: 'p2', householdId: 'h2' }, 'certificate', NOW, DAY)).toBeNull();
    expect(suppressionEffect(all, [], { personId: 'p1', householdId: 'h1' }, 'inquiry', NOW, DAY)).toBeNull();
  });

  it('never ends by itself: in force until an explicit 解除, not before its start', () => {
    expect(suppressionEffect([s({ startsOn: '2026-07-01' })], [], { personId: 'p1' }, 'certificate', NOW, DAY)).toBeNull();
    expect(suppressionEffect([s({ startsOn: '2000-01-01' })], [], { personId: 'p1' }, 'certificate', NOW, DAY)).toBe('error');
    expect(suppressionEffect([s({ endedOn: DAY })], [], { personId: 'p1' }, 'certificate', NOW, DAY)).toBeNull();
  });

  it('a temporary lifting lets the operation through until its end, locally only', () => {
    const lift = { suppressionId: 's1', ...planLift(s({}), 30, NOW, DAY) };
    expect(suppressionEffect([s({})], [lift], { personId: 'p1' }, 'certificate', NOW, DAY)).toBeNull();
    expect(suppressionEffect([s({})], [lift], { personId: 'p1' }, 'certificate', new Date(NOW.getTime() + 29 * 60_000), DAY)).toBeNull();
    expect(suppressionEffect([s({})], [lift], { personId: 'p1' }, 'certificate', new Date(NOW.getTime() + 30 * 60_000), DAY)).toBe('error');
    expect(suppressionEffect([s({})], [lift], { personId: 'p1' }, 'certificate', NOW, DAY, false)).toBe('error');
  });

  it('refuses a lifting of an inactive suppression or outside 1–480 minutes, and a second or early 解除', () => {
    expect(code(() => planLift(s({ endedOn: '2026-05-01' }), 10, NOW, DAY))).toBe('suppression-not-active');
    expect(code(() => planLift(s({}), 0, NOW, DAY))).toBe('suppression-lift-minutes');
    expect(code(() => planLift(s({}), 481, NOW, DAY))).toBe('suppression-lift-minutes');
    expect(code(() => planSuppressionEnd(s({ endedOn: '2026-05-01' }), DAY))).toBe('suppression-ended');
    expect(code(() => planSuppressionEnd(s({}), '2025-12-31'))).toBe('suppression-dates');
    expect(planSuppressionEnd(s({}), '令和8年6月1日')).toBe(DAY);
  });
});
