// SPDX-License-Identifier: EUPL-1.2
/**
 * Resident sessions (issue #14): after the identity provider has vouched for a subject, the resident gets an account
 * (first time) and a session; the 基本4情報 the provider states are matched to one registry person there and then,
 * and only the result is kept. Sessions end after the idle timeout, the absolute lifetime or sign-out.
 */
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Resident, ResidentMatch } from '../../platform/auth/resident.ts';
import { newToken, parseSessionCookie, tokenHash } from '../../platform/auth/session-token.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { matchResidentPerson, type FourAttributes } from '../registry/index.ts';
import type { TenantService } from '../tenants/index.ts';
import type { RequestContext } from './identity.service.ts';
import type { ResidentSessionRepository, ResidentSessionRow } from './resident-session.repository.ts';

/** What the identity provider vouched for (a verified ID token). */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

/** A new resident session: the cookie value and the resident. */
export interface NewResidentSession {
  cookieValue: string;
  expiresAt: Date;
  resident: Resident;
}

/** The 基本4情報 in standard OpenID Connect claims (name / family_name / given_name, birthdate, gender, address). */
export function fourAttributesOf(claims: Record<string, unknown>): FourAttributes {
  const str = (v: unknown) => (typeof v === 'string' && v.length <= 500 ? v : undefined);
  const address = claims.address;
  return {
    name: str(claims.name), familyName: str(claims.family_name), givenName: str(claims.given_name),
    birthDate: str(claims.birthdate), sex: str(claims.gender),
    address: typeof address === 'object' && address ? str((address as Record<string, unknown>).formatted) : str(address),
  };
}

/** Creates the resident session service. */
export function createResidentSessionService(deps: {
  db: Database; sessions: ResidentSessionRepository; accessLog: AccessLogRepository; tenants: TenantService; clock: Clock;
  idleSeconds: number; maxSeconds: number;
}) {
  const { db, sessions, accessLog, clock } = deps;

  function toResident(row: ResidentSessionRow, issuer = '', subject = ''): Resident {
    const match: ResidentMatch | null = row.personId
      ? { personId: row.personId, householdId: row.householdId!, atenaNo: row.atenaNo!, householdNo: row.householdNo!, isHouseholdHead: row.isHouseholdHead === true }
      : null;
    return {
      type: 'resident', municipalityCode: row.municipalityCode, residentId: row.residentId, issuer, subject,
      assurance: row.assurance, displayName: row.displayName, match,
      ...(match ? {} : { unmatchedReason: (row.unmatchedReason ?? 'not-found') as Resident['unmatchedReason'] }),
      csrfToken: row.csrfToken, sessionTokenHash: row.tokenHash,
    };
  }

  return {
    /** The idle timeout in seconds (pages tell residents about it). */
    idleSeconds: deps.idleSeconds,

    /** Opens a session for a verified identity in a municipality; matches the 基本4情報 to the registry. */
    async signIn(municipalityCode: string, who: VerifiedIdentity, ctx: RequestContext): Promise<NewResidentSession> {
      const tenant = await deps.tenants.get(municipalityCode);
      if (!tenant) throw new Error('municipality is not onboarded');
      const attrs = fourAttributesOf(who.claims);
      const acr = typeof who.claims.acr === 'string' ? who.claims.acr.slice(0, 200) : 'unspecified';
      const displayName = (attrs.familyName && attrs.givenName ? `${attrs.familyName}　${attrs.givenName}` : attrs.name ?? '').slice(0, 200);
      const token = newToken();
      const expiresAt = new Date(clock.now().getTime() + deps.maxSeconds * 1000);
      const row = await withTenant(db, municipalityCode, async (trx) => {
        const residentId = await sessions.upsertAccount(trx, municipalityCode, who.issuer, who.subject);
        const result = await matchResidentPerson(trx, attrs, { code: municipalityCode, prefectureName: tenant.prefectureName, name: tenant.name });
        const m = result.matched;
        const session: Omit<ResidentSessionRow, 'lastSeenAt'> = {
          municipalityCode, tokenHash: tokenHash(token), residentId, csrfToken: newToken(), assurance: acr, displayName,
          personId: m?.personId ?? null, atenaNo: m?.atenaNo ?? null, householdId: m?.householdId ?? null, householdNo: m?.householdNo ?? null,
          isHouseholdHead: m ? m.isHouseholdHead : null, unmatchedReason: m ? null : result.matched === null ? result.reason : null, expiresAt,
        };
        await sessions.insertSession(trx, session);
        await accessLog.append(trx, municipalityCode, {
          actorType: 'resident', actorId: residentId, action: 'resident.login', purpose: m ? 'matched' : session.unmatchedReason!, ...ctx,
        });
        if (m) {
          await accessLog.append(trx, municipalityCode, {
            actorType: 'resident', actorId: residentId, action: 'registry.person.match', subjectType: 'person', subjectId: m.personId,
            purpose: '住民ポータルへのログイン時の本人照合', ...ctx,
          });
        }
        return { ...session, lastSeenAt: clock.now() };
      });
      return { cookieValue: `${municipalityCode}.${token}`, expiresAt, resident: toResident(row, who.issuer, who.subject) };
    },

    /** The resident of a session cookie, or undefined when missing, expired or idle too long. */
    async resolve(cookieValue: string | undefined): Promise<Resident | undefined> {
      const parsed = parseSessionCookie(cookieValue);
      if (!parsed) return undefined;
      const hash = tokenHash(parsed.token);
      return withTenant(db, parsed.municipalityCode, async (trx) => {
        const row = await sessions.findSession(trx, hash);
        if (!row) return undefined;
        const idleMs = clock.now().getTime() - row.lastSeenAt.getTime();
        if (idleMs > deps.idleSeconds * 1000) {
          await sessions.deleteSession(trx, hash);
          return undefined;
        }
        if (idleMs > 60_000) await sessions.touchSession(trx, hash);
        return toResident(row, row.issuer, row.subject);
      });
    },

    /** Ends the resident's session. */
    async signOut(resident: Resident, ctx: RequestContext): Promise<void> {
      await withTenant(db, resident.municipalityCode, async (trx) => {
        await sessions.deleteSession(trx, resident.sessionTokenHash);
        await accessLog.append(trx, resident.municipalityCode, { actorType: 'resident', actorId: resident.residentId, action: 'resident.logout', ...ctx });
      });
    },

    /** Removes expired and idle sessions of a municipality (periodic task); returns how many. */
    purgeStale: (municipalityCode: string) => withTenant(db, municipalityCode, (trx) => sessions.deleteStale(trx, deps.idleSeconds)),
  };
}

export type ResidentSessionService = ReturnType<typeof createResidentSessionService>;
