// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { HouseholdFacts, MemberFacts } from './life-events.ts';
import { NATIONAL_RULES_2024 } from './national-rules.ts';
import { AdjustmentError, adjustProcedures, listProcedures } from './rule-engine.ts';
import { ruleSetFor } from './rule-sets.ts';

const member = (ref: string, age: number, o: Partial<MemberFacts> = {}): MemberFacts => ({ ref, age, foreign: false, nhi: false, head: false, concerned: true, ...o });
const codes = (f: HouseholdFacts, day = '2026-12-03') => listProcedures(ruleSetFor('202151', day), f).map((p) => p.code);

describe('life-event rules', () => {
  const family: HouseholdFacts = {
    events: ['move-in'], dog: false,
    members: [member('p1', 38, { nhi: true, head: true }), member('p2', 36, { nhi: true }), member('c1', 7, { nhi: true }), member('c2', 3, { nhi: true })],
  };

  it('lists every procedure of a family of four moving in, each with why and for whom', () => {
    const list = listProcedures(NATIONAL_RULES_2024, family);
    expect(list.map((p) => p.code)).toEqual([
      'move-in', 'my-number-card-address', 'seal-registration', 'nhi-enrolment', 'child-allowance', 'child-medical', 'daycare', 'school-enrolment',
    ]);
    const by = Object.fromEntries(list.map((p) => [p.code, p]));
    expect(by['seal-registration']!.memberRefs).toEqual(['p1', 'p2']);
    expect(by['child-allowance']!.memberRefs).toEqual(['c1', 'c2']);
    expect(by['child-medical']!.memberRefs).toEqual(['c2']);
    expect(by['school-enrolment']!.memberRefs).toEqual(['c1']);
    expect(by['move-in']!.memberRefs).toEqual([]);
    for (const p of list) expect(p.reason.ja.length).toBeGreaterThan(5);
  });

  it('lists nothing about children, insurance or seals when they do not apply', () => {
    const single: HouseholdFacts = { events: ['move-in'], dog: false, members: [member('a', 30)] };
    expect(codes(single)).toEqual(['move-in', 'my-number-card-address', 'seal-registration']);
    const teen: HouseholdFacts = { events: ['move-in'], dog: false, members: [member('a', 14)] };
    expect(codes(teen)).not.toContain('seal-registration');
  });

  it('uses the version valid on the day: 児童手当 for a 16-year-old only from October 2024', () => {
    const f: HouseholdFacts = { events: ['move-in'], dog: false, members: [member('a', 45), member('k', 16)] };
    expect(codes(f, '2024-09-30')).not.toContain('child-allowance');
    expect(codes(f, '2024-10-01')).toContain('child-allowance');
    expect(ruleSetFor('202151', '2024-09-30').version).toBe('national/2020-01');
  });

  it('a municipality\'s own version replaces the national one from its day', () => {
    const own = { ...NATIONAL_RULES_2024, municipalityCode: '999999', version: '999999/1', validFrom: '2026-04-01',
      procedures: NATIONAL_RULES_2024.procedures.filter((p) => p.code !== 'dog-registration') };
    expect(ruleSetFor('999999', '2026-04-01', [NATIONAL_RULES_2024, own]).version).toBe('999999/1');
    expect(ruleSetFor('999999', '2026-03-31', [NATIONAL_RULES_2024, own]).version).toBe('national/2024-10');
    expect(ruleSetFor('202151', '2026-04-01', [NATIONAL_RULES_2024, own]).version).toBe('national/2024-10');
    expect(() => ruleSetFor('202151', '2019-01-01')).toThrow();
  });

  it('a death of an insured head of household aged 80 lists the insurance, pension, seal and household procedures', () => {
    const f: HouseholdFacts = { events: ['death'], dog: false, members: [member('d', 80, { nhi: false, head: true }), member('w', 78, { concerned: false })] };
    expect(codes(f)).toEqual(['death', 'household-change', 'seal-registration-end', 'late-elderly-medical', 'long-term-care', 'national-pension']);
  });

  it('a birth into a 国保 household lists 国保 for the baby, 児童手当 and 子ども医療', () => {
    const f: HouseholdFacts = { events: ['birth'], dog: false, members: [member('m', 32, { nhi: true, concerned: false }), member('b', 0)] };
    expect(codes(f)).toEqual(['birth', 'nhi-enrolment', 'child-allowance', 'child-medical']);
    const insuredElsewhere: HouseholdFacts = { ...f, members: [member('m', 32, { concerned: false }), member('b', 0)] };
    expect(codes(insuredElsewhere)).not.toContain('nhi-enrolment');
  });

  it('a foreign family from abroad: 在留カード, 国民年金, no 転入届 of the domestic kind; a dog moves with its owners', () => {
    const f: HouseholdFacts = { events: ['foreign-move-in'], dog: true, members: [member('a', 29, { foreign: true, nhi: true })] };
    expect(codes(f)).toEqual(['foreign-move-in', 'residence-card-address', 'seal-registration', 'nhi-enrolment', 'national-pension']);
    expect(codes({ events: ['move-within'], dog: true, members: [member('a', 29)] })).toEqual(['move-within', 'my-number-card-address', 'dog-registration']);
  });

  it('the clerk adds and drops with a reason; refuses a drop without reason, an unknown or unlisted procedure', () => {
    const list = listProcedures(NATIONAL_RULES_2024, family);
    const { needed, dropped } = adjustProcedures(NATIONAL_RULES_2024, list, [
      { action: 'drop', code: 'daycare', reason: '祖父母が保育するため利用しない' },
      { action: 'add', code: 'dog-registration', reason: '犬を飼っていると申出', memberRefs: ['p1'] },
    ]);
    expect(needed.map((n) => n.code)).not.toContain('daycare');
    expect(needed.at(-1)).toMatchObject({ code: 'dog-registration', source: 'clerk', memberRefs: ['p1'] });
    expect(dropped).toEqual([expect.objectContaining({ code: 'daycare', reason: '祖父母が保育するため利用しない' })]);
    const fails = (a: Parameters<typeof adjustProcedures>[2]) => {
      try { adjustProcedures(NATIONAL_RULES_2024, list, a); return null; } catch (e) { return (e as AdjustmentError).code; }
    };
    expect(fails([{ action: 'drop', code: 'daycare', reason: '  ' }])).toBe('adjustment-reason-required');
    expect(fails([{ action: 'add', code: 'no-such', reason: 'x' }])).toBe('procedure-unknown');
    expect(fails([{ action: 'drop', code: 'death', reason: 'x' }])).toBe('procedure-not-listed');
    expect(fails([{ action: 'add', code: 'move-in', reason: 'x' }])).toBe('procedure-already-listed');
  });
});
