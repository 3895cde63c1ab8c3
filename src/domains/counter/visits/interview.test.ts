// SPDX-License-Identifier: EUPL-1.2
// Answers the interview already knows: the reading of a 氏 asked once, 国民健康保険 as the children's insurer when
// they join it here; an answer given is never replaced.
import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../rules/rule-sets.ts';
import { Interview, interviewProcedures, missingAnswers, withKnownAnswers } from './interview.ts';

const member = (familyName: string, givenName: string, birthDate: string, extra: Record<string, unknown> = {}) =>
  ({ familyName, givenName, birthDate, sex: 'female', ...extra });
const day = '2026-12-01';
const rules = ruleSetFor('202151', day);
const iv = (members: unknown[], extra: Record<string, unknown> = {}) => Interview.parse({ members, occurredOn: day, ...extra });

describe('withKnownAnswers', () => {
  it('gives members of the same 氏 the reading asked once, and only to those without one', () => {
    const v = iv([member('桔梗', '結衣', '1990-08-21', { familyNameKana: 'キキョウ' }), member('桔梗', '陽葵', '2023-01-15'), member('佐藤', '花', '1950-01-01'), member('桔梗', '蒼', '2019-04-02', { familyNameKana: 'キギョウ' })]);
    const out = withKnownAnswers(v, interviewProcedures(rules, ['move-in'], v, day).needed);
    expect(out.members.map((m) => m.familyNameKana)).toEqual(['キキョウ', 'キキョウ', '', 'キギョウ']);
  });

  it('answers the 子ども医療費 insurer with 国民健康保険 only when every child it is for joins it here', () => {
    const both = iv([member('桔梗', '結衣', '1990-08-21', { nhi: true }), member('桔梗', '陽葵', '2023-01-15', { nhi: true })]);
    const needed = interviewProcedures(rules, ['move-in'], both, day).needed;
    expect(needed.some((n) => n.code === 'child-medical')).toBe(true);
    const out = withKnownAnswers(both, needed);
    expect(out.insurer).toBe('国民健康保険');
    expect(missingAnswers(out, needed, day).some((x) => x.field === 'insurer')).toBe(false);
    // The child stays with an employer's insurance: the insurer is asked.
    const employer = iv([member('桔梗', '結衣', '1990-08-21', { nhi: true }), member('桔梗', '陽葵', '2023-01-15')]);
    const n2 = interviewProcedures(rules, ['move-in'], employer, day).needed;
    expect(withKnownAnswers(employer, n2).insurer).toBe('');
    expect(missingAnswers(withKnownAnswers(employer, n2), n2, day).some((x) => x.field === 'insurer')).toBe(true);
    // An answer given is kept.
    expect(withKnownAnswers({ ...both, insurer: '全国健康保険協会' }, needed).insurer).toBe('全国健康保険協会');
  });
});
