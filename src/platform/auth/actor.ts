// SPDX-License-Identifier: EUPL-1.2
/** Who is acting: the staff member of a session, with their municipality and roles. */
import type { Role } from './roles.ts';

export interface Actor {
  type: 'staff';
  municipalityCode: string;
  staffId: string;
  loginId: string;
  displayName: string;
  roles: Role[];
  /** CSRF token bound to the session. */
  csrfToken: string;
  sessionTokenHash: string;
  authMethod: 'password' | 'oidc';
  /** Staff of a contractor (窓口業務の民間委託): may receive and enter, never review or decide (permissions.ts). */
  contractor?: boolean;
  /**
   * 入力端末 and its place the session was opened at (spec §1.3.1): the registered terminal whose cookie the browser
   * carried at sign-in, or `unregistered`.
   */
  terminalCode?: string;
  placeCode?: string;
  /** 利用範囲 (spec §10.3): actions the roles allow that are withheld from this account (permissions.ts). */
  withheld?: readonly string[];
}
