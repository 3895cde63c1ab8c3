// SPDX-License-Identifier: EUPL-1.2
/** Staff sign-in through OpenID Connect: which municipality, where to return, and access-logging refusals. */
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import { OidcFlowMissingError, type OidcClient } from '../../platform/auth/oidc-client.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { isValidMunicipalityCode } from '../../platform/tenancy/municipality-code.ts';
import { UnknownMunicipalityError, type TenantService } from '../tenants/index.ts';
import type { IdentityService, NewSession, RequestContext } from './identity.service.ts';

/** Where a signed-in staff member lands when no (acceptable) return path was given. */
export const DEFAULT_AFTER_LOGIN = '/console';

/** Refused: the municipality is a valid code but does not use this platform. */
export class TenantNotFoundError extends DomainError {
  constructor(code: string) {
    super('tenant-not-found', `地方公共団体コード ${code} はこのシステムに登録されていません`, 404, 'Municipality is not onboarded');
  }
}

/**
 * A same-origin path to return to after sign-in, or the default: only `/…` paths, never `//host`, `/\host`
 * or anything with control characters, so the login cannot be turned into an open redirect.
 */
export function safeReturnPath(next: string | undefined): string {
  if (!next || next.length > 512) return DEFAULT_AFTER_LOGIN;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_AFTER_LOGIN;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return DEFAULT_AFTER_LOGIN;
  return next;
}

/** Creates the OpenID Connect sign-in service. */
export function createOidcLoginService(deps: {
  db: Database; accessLog: AccessLogRepository; tenants: TenantService; identity: IdentityService; rp: OidcClient;
}) {
  async function recordDenied(municipalityCode: string, reason: string, ctx: RequestContext): Promise<void> {
    await withTenant(deps.db, municipalityCode, (trx) => deps.accessLog.append(trx, municipalityCode, {
      actorType: 'staff', actorId: '(oidc)', action: 'auth.login.oidc', outcome: 'denied', purpose: reason, ...ctx,
    }));
  }

  return {
    /** The callback URL to register at the provider. */
    redirectUri: deps.rp.redirectUri,

    /**
     * Starts a sign-in for staff of a municipality.
     * @throws UnknownMunicipalityError, TenantNotFoundError, OidcUnavailableError
     */
    async start(municipalityCode: string | undefined, next: string | undefined) {
      const code = municipalityCode ?? '';
      if (!isValidMunicipalityCode(code)) throw new UnknownMunicipalityError(code.slice(0, 16));
      if (!(await deps.tenants.isOnboarded(code))) throw new TenantNotFoundError(code);
      return deps.rp.begin({ municipality: code, next: safeReturnPath(next) });
    },

    /**
     * Completes a sign-in from the provider's callback; every refusal with a known municipality is access-logged.
     * @throws OidcFlowMissingError, OidcStateMismatchError, OidcProviderError, OidcUnavailableError, DomainError 'oidc-account-not-linked'
     */
    async finish(sealedFlow: string | undefined, callbackParams: URLSearchParams, ctx: RequestContext, terminalCookie?: string): Promise<{ session: NewSession; next: string }> {
      const flow = deps.rp.openFlow(sealedFlow);
      const code = flow?.data.municipality;
      if (!flow || !code || !isValidMunicipalityCode(code)) throw new OidcFlowMissingError();
      let subject: string;
      try {
        ({ subject } = await deps.rp.complete(flow, callbackParams));
      } catch (err) {
        await recordDenied(code, err instanceof DomainError ? err.code : 'error', ctx);
        throw err;
      }
      // Logs its own refusal (subject not linked, account disabled).
      const session = await deps.identity.loginWithOidc(code, subject, ctx, terminalCookie);
      return { session, next: safeReturnPath(flow.data.next) };
    },
  };
}

export type OidcLoginService = ReturnType<typeof createOidcLoginService>;
