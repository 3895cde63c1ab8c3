// SPDX-License-Identifier: EUPL-1.2
/**
 * Resident sign-in through OpenID Connect (issue #14): which municipality, where to return, and access-logging
 * refusals. The provider is asked for the 基本4情報 (scopes `profile address`); the session service matches them.
 */
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import { createOidcClient, OidcFlowMissingError, type OidcClient } from '../../platform/auth/oidc-client.ts';
import type { ResidentOidcSettings } from '../../platform/config.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { isValidMunicipalityCode } from '../../platform/tenancy/municipality-code.ts';
import { UnknownMunicipalityError, type TenantService } from '../tenants/index.ts';
import type { RequestContext } from './identity.service.ts';
import type { NewResidentSession, ResidentSessionService } from './resident-session.service.ts';
import { TenantNotFoundError } from './oidc.service.ts';

/** Where a signed-in resident lands by default: マイページ. */
export const RESIDENT_HOME = '/portal/my';

/** The path under which the provider returns (registered at the provider as `<publicUrl>/portal/callback`). */
export const RESIDENT_CALLBACK_PATH = '/portal/callback';

/** A same-origin portal path to return to after sign-in, or マイページ. */
export function residentReturnPath(next: string | undefined): string {
  if (!next || next.length > 512 || !/^\/portal(\/|$|\?)/.test(next)) return RESIDENT_HOME;
  if (/[\u0000-\u001f\u007f\\]/.test(next) || next.startsWith('/portal/login') || next.startsWith('/portal/callback')) return RESIDENT_HOME;
  return next;
}

/** Creates the resident sign-in service for a configured provider. */
export function createResidentOidcService(deps: {
  db: Database; accessLog: AccessLogRepository; tenants: TenantService; residentSessions: ResidentSessionService;
  settings: ResidentOidcSettings; publicUrl: string; rp?: OidcClient;
}) {
  const rp = deps.rp ?? createOidcClient({
    issuer: deps.settings.issuer, clientId: deps.settings.clientId, clientSecret: deps.settings.clientSecret,
    redirectUri: `${deps.publicUrl}${RESIDENT_CALLBACK_PATH}`, scope: 'openid profile address',
  });

  async function recordDenied(municipalityCode: string, reason: string, ctx: RequestContext): Promise<void> {
    await withTenant(deps.db, municipalityCode, (trx) => deps.accessLog.append(trx, municipalityCode, {
      actorType: 'resident', actorId: '(oidc)', action: 'resident.login', outcome: 'denied', purpose: reason, ...ctx,
    }));
  }

  return {
    /**
     * Starts a sign-in to a municipality's portal.
     * @throws UnknownMunicipalityError, TenantNotFoundError, OidcUnavailableError
     */
    async start(municipalityCode: string, next: string | undefined) {
      if (!isValidMunicipalityCode(municipalityCode)) throw new UnknownMunicipalityError(municipalityCode.slice(0, 16));
      if (!(await deps.tenants.isOnboarded(municipalityCode))) throw new TenantNotFoundError(municipalityCode);
      return rp.begin({ municipality: municipalityCode, next: residentReturnPath(next) });
    },

    /**
     * Completes a sign-in from the provider's callback; refusals with a known municipality are access-logged.
     * @throws OidcFlowMissingError, OidcStateMismatchError, OidcProviderError, OidcUnavailableError
     */
    async finish(sealedFlow: string | undefined, callbackParams: URLSearchParams, ctx: RequestContext): Promise<{ session: NewResidentSession; next: string }> {
      const flow = rp.openFlow(sealedFlow);
      const code = flow?.data.municipality;
      if (!flow || !code || !isValidMunicipalityCode(code)) throw new OidcFlowMissingError();
      let verified: Awaited<ReturnType<OidcClient['complete']>>;
      try {
        verified = await rp.complete(flow, callbackParams);
      } catch (err) {
        await recordDenied(code, err instanceof DomainError ? err.code : 'error', ctx);
        throw err;
      }
      const session = await deps.residentSessions.signIn(code, verified, ctx);
      return { session, next: residentReturnPath(flow.data.next) };
    },
  };
}

export type ResidentOidcService = ReturnType<typeof createResidentOidcService>;
