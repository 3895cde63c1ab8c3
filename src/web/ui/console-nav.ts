// SPDX-License-Identifier: EUPL-1.2
/** The capabilities of the staff console, where they live and which actions show them. */
import { can, type Action } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Dictionary } from './i18n.ts';

/** Keys of the console capabilities, in menu order. */
export type CapabilityKey = keyof Dictionary['nav'];

/** One entry of the console navigation. */
export interface NavItem {
  key: CapabilityKey;
  /** Path of the capability's start page. */
  path: string;
  /** Shown when the actor may perform any of these actions. */
  anyOf: readonly Action[];
  /** False until the capability's pages are built; the path then shows the 準備中 page. */
  ready: boolean;
}

/** Every capability of the console (later capability routes set `ready` and replace the 準備中 page). */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'registry', path: '/console/registry', anyOf: ['registry:read'], ready: true },
  { key: 'certificates', path: '/console/certificates', anyOf: ['certificates:issue'], ready: true },
  // Certificates issued by approved cases, to print and mail (issue #10).
  { key: 'postal', path: '/console/certificates/postal', anyOf: ['certificates:issue'], ready: true },
  { key: 'procedures', path: '/console/procedures', anyOf: ['cases:handle', 'tenant:configure'], ready: true },
  { key: 'counter', path: '/console/counter', anyOf: ['counter:serve'], ready: true },
  { key: 'cases', path: '/console/cases', anyOf: ['cases:handle', 'cases:decide'], ready: true },
  { key: 'daycare', path: '/console/daycare', anyOf: ['daycare:manage'], ready: true },
  { key: 'insights', path: '/console/insights', anyOf: ['insights:read'], ready: true },
  // The municipality's own closure days (deadlines of every open case move with them; issue #10).
  { key: 'closureDays', path: '/console/closure-days', anyOf: ['tenant:configure'], ready: true },
  // 端末・場所 (spec §1.3.1) and the access log (spec §10.2); staff accounts are still managed through the API.
  { key: 'admin', path: '/console/admin', anyOf: ['staff:manage', 'access-log:read', 'tenant:configure', 'terminal:manage'], ready: true },
];

/** True when the actor's roles allow the capability. */
export function canSee(actor: Pick<Actor, 'roles'>, item: NavItem): boolean {
  return item.anyOf.some((a) => can(actor, a));
}

/** The capabilities the actor's roles allow, in menu order. */
export function visibleNavItems(actor: Pick<Actor, 'roles'>): NavItem[] {
  return NAV_ITEMS.filter((item) => canSee(actor, item));
}
