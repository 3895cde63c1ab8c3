// SPDX-License-Identifier: EUPL-1.2
/** Staff rows to API shapes (never the password hash). */
import type { Role } from '../../platform/auth/permissions.ts';
import { dayOf } from './staff-validity.ts';

export interface StaffRow {
  staffId: string;
  loginId: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  lockedUntil: Date | null;
  oidcSubject: string | null;
  contractor?: boolean;
  validFrom?: unknown;
  validTo?: unknown;
}

/** The API view of a staff account. */
export function presentStaff(r: StaffRow, now = new Date()) {
  return {
    staffId: r.staffId, loginId: r.loginId, displayName: r.displayName, roles: r.roles as Role[], disabled: r.disabled,
    locked: r.lockedUntil !== null && r.lockedUntil > now, oidcLinked: r.oidcSubject !== null, contractor: r.contractor === true,
    validFrom: dayOf(r.validFrom), validTo: dayOf(r.validTo),
  };
}
