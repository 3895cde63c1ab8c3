// SPDX-License-Identifier: EUPL-1.2
/** The identity domain's public surface: staff, sessions, sign-in. */
export { createIdentityService, InvalidCredentialsError, AccountLockedError, TooManyAttemptsError } from './identity.service.ts';
export type { IdentityService, NewSession, RequestContext } from './identity.service.ts';
export { createStaffRepository } from './staff.repository.ts';
export { identityRoutes, setSessionCookie, clearSessionCookie } from './identity.routes.ts';
