// SPDX-License-Identifier: EUPL-1.2
/** The identity domain's public surface: staff, sessions, sign-in. */
export { createIdentityService, InvalidCredentialsError, AccountLockedError, TooManyAttemptsError } from './identity.service.ts';
export type { IdentityService, NewSession, RequestContext } from './identity.service.ts';
export { createStaffRepository } from './staff.repository.ts';
export { identityRoutes, setSessionCookie, clearSessionCookie } from './identity.routes.ts';
export { createTerminalService, terminalCookieName, UNREGISTERED_TERMINAL } from './terminal.service.ts';
export type { TerminalService } from './terminal.service.ts';
export { createTerminalRepository } from './terminal.repository.ts';
export { setTerminalCookie } from './terminal.routes.ts';
