// SPDX-License-Identifier: EUPL-1.2
/** Per-request variables shared by the middleware and the routes. */
import type { Logger } from '../logger.ts';
import type { Actor } from '../auth/actor.ts';
import type { Resident } from '../auth/resident.ts';

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    clientIp: string;
    /** The signed-in staff member, set by `requireStaff`. */
    actor: Actor;
    /** The signed-in resident (portal), set by the resident session middleware. */
    resident: Resident;
    /** UI language. */
    lang: 'ja' | 'en';
  };
}
