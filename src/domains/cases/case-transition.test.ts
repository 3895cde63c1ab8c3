import { describe, expect, it } from 'vitest';
import { planTransition } from './case-transition.ts';
import { CaseRuleError } from './cases-errors.ts';

const statuses = ['received', 'in-review', 'awaiting-correction', 'closed'];
const open = (statusCode = 'in-review', suspended = false) => ({ statusCode, closed: false, suspended, suspensionAllowed: true });

describe('planTransition', () => {
  it('stops the clock on 補正待ち and restarts it when review resumes', () => {
    expect(planTransition(open(), 'awaiting-correction', statuses)).toMatchObject({ suspends: true, resumes: false });
    expect(planTransition(open('awaiting-correction', true), 'in-review', statuses)).toMatchObject({ suspends: false, resumes: true });
  });
  it('closes the case when the final status is set, from any open status', () => {
    expect(planTransition(open('received'), 'closed', statuses).closes).toBe(true);
    expect(planTransition(open('awaiting-correction', true), 'closed', statuses)).toMatchObject({ closes: true, resumes: true });
  });
  it('rejects any status once the case is closed, unknown statuses and disallowed moves', () => {
    const codeOf = (f: () => unknown) => { try { f(); return 'none'; } catch (e) { return (e as CaseRuleError).code; } };
    expect(codeOf(() => planTransition({ ...open(), closed: true }, 'in-review', statuses))).toBe('case-closed');
    expect(codeOf(() => planTransition(open(), 'approved', statuses))).toBe('unknown-status');
    expect(codeOf(() => planTransition(open('awaiting-correction', true), 'received', statuses))).toBe('invalid-transition');
    expect(codeOf(() => planTransition({ ...open(), suspensionAllowed: false }, 'awaiting-correction', statuses))).toBe('suspension-not-allowed');
  });
});
