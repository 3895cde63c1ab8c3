// SPDX-License-Identifier: EUPL-1.2
/** Options of the web UI: cookies, public URL, staff OpenID Connect. */
import type { Logger } from '../../platform/logger.ts';
import type { ResidentOidcSettings } from '../../platform/config.ts';

export interface WebOptions {
  secureCookies: boolean;
  publicUrl: string;
  oidc?: { issuer: string; clientId: string; clientSecret?: string; label: string };
  /** Residents' identity provider (the portal's sign-in); without it the portal has no sign-in. */
  residentOidc?: ResidentOidcSettings;
  /** For the start-up warning when the stylesheet has not been built. */
  log?: Logger;
}
