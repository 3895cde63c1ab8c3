import { describe, expect, it } from 'vitest';
import { ACTIONS, CONTRACTOR_ACTIONS, assertAllowed, can, parseRoles, ROLES } from './permissions.ts';
import { ForbiddenError } from '../http/errors.ts';

describe('can', () => {
  it('lets a counter clerk change the registry but not approve or manage staff', () => {
    const clerk = { roles: ['counter' as const] };
    expect(can(clerk, 'registry:change')).toBe(true);
    expect(can(clerk, 'registry:approve')).toBe(false);
    expect(can(clerk, 'staff:manage')).toBe(false);
  });
  it('keeps each role to its own actions', () => {
    expect(can({ roles: ['analyst'] }, 'insights:read')).toBe(true);
    expect(can({ roles: ['analyst'] }, 'registry:read')).toBe(false);
    expect(can({ roles: ['daycare'] }, 'daycare:manage')).toBe(true);
    expect(can({ roles: ['daycare'] }, 'registry:read')).toBe(false);
    expect(can({ roles: ['admin'] }, 'registry:read')).toBe(false);
  });
  it('gives every role at least the console and every action at least one role', () => {
    for (const r of ROLES) expect(can({ roles: [r] }, 'console:use')).toBe(true);
    for (const roles of Object.values(ACTIONS)) expect(roles.length).toBeGreaterThan(0);
  });
});

describe('assertAllowed', () => {
  it('throws a 403 forbidden error with the action', () => {
    expect(() => assertAllowed({ roles: ['counter'] }, 'staff:manage')).toThrow(ForbiddenError);
  });
});

describe('parseRoles', () => {
  it('refuses unknown or empty roles', () => {
    expect(() => parseRoles(['root'])).toThrow();
    expect(() => parseRoles([])).toThrow();
    expect(parseRoles(['counter', 'counter', 'admin'])).toEqual(['counter', 'admin']);
  });
});

// Issue #15 (defect 8): 窓口業務の民間委託.
describe('contractor staff', () => {
  it('may receive and enter but never review or decide, whatever the roles', () => {
    const all = { roles: [...ROLES], contractor: true };
    for (const action of Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>) {
      expect(can(all, action), action).toBe(CONTRACTOR_ACTIONS.has(action));
    }
    for (const a of ['registry:review', 'registry:approve', 'cases:decide', 'registry:support-measure', 'daycare:manage'] as const) expect(can(all, a)).toBe(false);
    expect(can(all, 'registry:change')).toBe(true);
    expect(can({ roles: ['approver'] }, 'registry:approve')).toBe(true);
  });
});
