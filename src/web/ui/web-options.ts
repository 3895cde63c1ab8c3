// SPDX-License-Identifier: EUPL-1.2
/** Options of the web UI: cookies, public URL, staff OpenID Connect. */
import type { Logger } from '../../platform/logger.ts';

export interface WebOptions {
  secureCookies: boolean;
  publicUrl: string;
  oidc?: { issuer: string; clientId: string; clientSecret?: string; label: string };
  /** For the start-up warning when the stylesheet has not been built. */
  log?: Logger;
}
