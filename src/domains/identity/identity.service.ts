// SPDX-License-Identifier: EUPL-1.2
/** Staff sign-in, sessions and accounts: argon2id passwords, lock-out, rate limiting, the access log. */
import crypto from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/password.ts';
import { ACTIONS, assertAllowed, parseRoles, type Role } from '../../platform/auth/permissions.ts';
import type { RateLimiter } from '../../platform/auth/rate-limit.ts';
import { newToken, parseSessionCookie, tokenHash } from '../../platform/auth/session-token.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { isValidMunicipalityCode } from '../../platform/tenancy/municipality-code.ts';
import type { StaffRepository } from './staff.repository.ts';
import type { TerminalRepository } from './terminal.repository.ts';
import { terminalOfCookie } from './terminal.service.ts';
import { isWithinValidity, validityProblems } from './staff-validity.ts';
import { applyDueStaffChanges } from './staff-changes.service.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';
import { base32Decode, base32Encode, newTotpSecret, otpauthUri, verifyTotp } from '../../platform/auth/totp.ts';
import { createTotpVault, loadTotpKeys, type TotpVault } from '../../platform/auth/totp-vault.ts';
import type { TenantService } from '../tenants/index.ts';

/** Failed attempts before an account is locked, and for how long. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

/** Where a request comes from, for the access log. */
export interface RequestContext {
  clientIp: string;
  requestId: string;
}

/** Wrong municipality, user or password: one message for all, so accounts cannot be enumerated. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('invalid-credentials', '自治体、職員ID又はパスワードが正しくありません', 401, 'Invalid municipality, login id or password');
  }
}

/** Too many failures: the account is locked for a while. */
export class AccountLockedError extends DomainError {
  constructor(until: Date) {
    super('account-locked', `ログインの失敗が続いたため、アカウントを一時的にロックしました。${LOCKOUT_MINUTES}分後に再度お試しください`, 423,
      'Account temporarily locked after repeated failures', { lockedUntil: until.toISOString() });
  }
}

/** Too many attempts from one address. */
export class TooManyAttemptsError extends DomainError {
  constructor(retryAfter: number) {
    super('too-many-attempts', 'ログインの試行回数が多すぎます。しばらくしてから再度お試しください', 429, 'Too many login attempts', { retryAfter });
  }
}

/** Refused: the account is outside its 有効期間 (spec §10.3). */
export class AccountOutsideValidityError extends DomainError {
  constructor() {
    super('account-outside-validity', 'このアカウントは有効期間外のため、ログインできません。管理者に確認してください', 403, 'The account is outside its validity period');
  }
}

/** Refused: the account has an authenticator and no code (or a wrong or used one) was given (spec §10.3). */
export class OtpError extends DomainError {
  constructor(missing: boolean) {
    super(missing ? 'otp-required' : 'otp-invalid', missing ? '確認コード（認証アプリの6桁の数字）を入力してください' : '確認コードが正しくないか、既に使われています',
      401, missing ? 'A one-time code from the authenticator is required' : 'Wrong or already used one-time code');
  }
}

/** Refused: the account may sign in only at certain places (利用範囲, spec §10.3) and this terminal is elsewhere. */
export class AccountOutsideScopeError extends DomainError {
  constructor() {
    super('account-outside-scope', 'このアカウントは、この端末の場所ではログインできません（利用範囲外）。利用範囲の場所の登録端末からログインするか、管理者に確認してください', 403, 'The account may not sign in at this place');
  }
}

/** A new session: the cookie value and the actor. */
export interface NewSession {
  cookieValue: string;
  actor: Actor;
  expiresAt: Date;
}

export interface IdentityDeps {
  db: Database;
  staff: StaffRepository;
  /** 入力端末 (spec §1.3.1): a session is bound at sign-in to the terminal of the browser's terminal cookie. */
  terminals: TerminalRepository;
  accessLog: AccessLogRepository;
  tenants: TenantService;
  clock: Clock;
  loginLimiter: RateLimiter;
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
  /** Seals TOTP secrets at rest (JICHI_TOTP_KEYS unless given). */
  totpVault?: TotpVault;
}

/** Creates the identity service. */
export function createIdentityService(deps: IdentityDeps) {
  const { db, staff, accessLog, clock } = deps;
  const vault = deps.totpVault ?? createTotpVault(loadTotpKeys(process.env));

  async function openSession(municipalityCode: string, staffRow: { staffId: string; loginId: string; displayName: string; roles: string[]; contractor?: boolean; scopePlaces?: string[]; scopeWithheld?: string[] }, method: 'password' | 'oidc', ctx: RequestContext, terminalCookie?: string): Promise<NewSession> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(clock.now().getTime() + deps.sessionMaxSeconds * 1000);
    const places = staffRow.scopePlaces ?? [];
    const where = await withTenant(db, municipalityCode, async (trx) => {
      const at = await terminalOfCookie(trx, deps.terminals, municipalityCode, terminalCookie);
      // 利用範囲 (spec §10.3): an account limited to places signs in only at a registered terminal of one of them.
      if (places.length > 0 && !places.includes(at.placeCode)) return { ...at, outsideScope: true, roles: staffRow.roles };
      // A roles change booked for today or before (spec §10.3) is applied before the session starts.
      const roles = (await applyDueStaffChanges(trx, accessLog, municipalityCode, clock.now(), staffRow.staffId)) > 0
        ? (await staff.findById(trx, staffRow.staffId))?.roles ?? staffRow.roles : staffRow.roles;
      await staff.clearFailures(trx, staffRow.staffId);
      await staff.insertSession(trx, { municipalityCode, tokenHash: tokenHash(token), staffId: staffRow.staffId, csrfToken, authMethod: method, expiresAt, ...at });
      await accessLog.append(trx, municipalityCode, { actorType: 'staff', actorId: staffRow.staffId, action: `auth.login.${method}`, ...ctx, ...at });
      return { ...at, outsideScope: false, roles };
    });
    if (where.outsideScope) {
      await withTenant(db, municipalityCode, (trx) => accessLog.append(trx, municipalityCode, { actorType: 'staff', actorId: staffRow.staffId, action: `auth.login.${method}`, outcome: 'denied', purpose: 'outside-scope', ...ctx, terminalCode: where.terminalCode, placeCode: where.placeCode }));
      throw new AccountOutsideScopeError();
    }
    return {
      cookieValue: `${municipalityCode}.${token}`,
      expiresAt,
      actor: {
        type: 'staff', municipalityCode, staffId: staffRow.staffId, loginId: staffRow.loginId, displayName: staffRow.displayName,
        roles: where.roles as Role[], csrfToken, sessionTokenHash: tokenHash(token), authMethod: method, contractor: staffRow.contractor === true,
        terminalCode: where.terminalCode, placeCode: where.placeCode, withheld: staffRow.scopeWithheld ?? [],
      },
    };
  }

  // 利用範囲 (spec §10.3): the actions withheld from an account, read with its session (kept 30 seconds per account, so
  // that a change reaches open sessions within that time; setScope clears it at once on this instance).
  const withheldCache = new Map<string, { at: number; withheld: string[] }>();
  async function withheldOf(municipalityCode: string, staffId: string): Promise<string[]> {
    const hit = withheldCache.get(staffId);
    const now = Date.now();
    if (hit && now - hit.at < 30_000) return hit.withheld;
    const row = await withTenant(db, municipalityCode, (trx) => trx.selectFrom('platform.staff').select('scopeWithheld').where('staffId', '=', staffId).executeTakeFirst());
    const withheld = row?.scopeWithheld ?? [];
    withheldCache.set(staffId, { at: now, withheld });
    if (withheldCache.size > 10_000) withheldCache.delete(withheldCache.keys().next().value!);
    return withheld;
  }

  /** Refuses (and logs) a sign-in of an account outside its 有効期間 (spec §10.3). @throws AccountOutsideValidityError */
  async function refuseOutsideValidity(code: string, row: { staffId: string; validFrom?: unknown; validTo?: unknown }, action: string, ctx: RequestContext) {
    if (isWithinValidity(row, japanDay(clock.now()))) return;
    await withTenant(db, code, (trx) => accessLog.append(trx, code, { actorType: 'staff', actorId: row.staffId, action, outcome: 'denied', purpose: 'outside-validity', ...ctx }));
    throw new AccountOutsideValidityError();
  }

  return {
    /**
     * Signs a staff member in with a password.
     * @throws InvalidCredentialsError, AccountLockedError, TooManyAttemptsError
     */
    async login(input: { municipalityCode: string; loginId: string; password: string; otp?: string }, ctx: RequestContext, terminalCookie?: string): Promise<NewSession> {
      // Failures are limited per address and per account (taken now, refunded on success: issue #15).
      const limiter = deps.loginLimiter;
      const keys = [`ip:${ctx.clientIp}`, `account:${input.municipalityCode}:${input.loginId}`];
      for (const [i, key] of keys.entries()) {
        if (!limiter.take(key)) {
          for (const k of keys.slice(0, i)) limiter.refund(k);
          throw new TooManyAttemptsError(limiter.retryAfter(key));
        }
      }
      const code = input.municipalityCode;
      if (!isValidMunicipalityCode(code) || !(await deps.tenants.isOnboarded(code))) {
        await verifyPassword(await dummyHash, input.password);
        throw new InvalidCredentialsError();
      }
      const row = await withTenant(db, code, (trx) => staff.findByLoginId(trx, input.loginId));
      const now = clock.now();
      if (!row || !row.passwordHash || row.disabled) {
        await verifyPassword(await dummyHash, input.password);
        await withTenant(db, code, (trx) => accessLog.append(trx, code, { actorType: 'staff', actorId: row?.staffId ?? '(unknown)', action: 'auth.login.password', outcome: 'denied', ...ctx }));
        throw new InvalidCredentialsError();
      }
      // The attempt is counted atomically before the password is checked, so that parallel wrong passwords
      // cannot all read the same count (issue #15: 20 parallel attempts made 17 checks with a policy of 5).
      const claim = await withTenant(db, code, async (trx) => {
        const c = await staff.claimAttempt(trx, row.staffId, now, LOCKOUT_THRESHOLD, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000));
        if (!c) await accessLog.append(trx, code, { actorType: 'staff', actorId: row.staffId, action: 'auth.login.password', outcome: 'denied', purpose: 'locked', ...ctx });
        return c;
      });
      if (!claim) throw new AccountLockedError(row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : new Date(now.getTime() + LOCKOUT_MINUTES * 60_000));
      // Hash outside any transaction: no connection is held for the ~30 ms of argon2id.
      if (!(await verifyPassword(row.passwordHash, input.password))) {
        await withTenant(db, code, (trx) => accessLog.append(trx, code, { actorType: 'staff', actorId: row.staffId, action: 'auth.login.password', outcome: 'denied', ...ctx }));
        if (claim.lockedUntil) throw new AccountLockedError(claim.lockedUntil);
        throw new InvalidCredentialsError();
      }
      for (const k of keys) limiter.refund(k);
      await refuseOutsideValidity(code, row, 'auth.login.password', ctx);
      // 二要素認証 (spec §10.3): an enrolled authenticator's code, each accepted once.
      if (row.totpSecret) {
        const otp = (input.otp ?? '').trim();
        // A value that does not open (moved from another account, altered, or sealed under a key no longer configured)
        // accepts no code.
        let secret: string | undefined;
        try { secret = vault.open(row.totpSecret, row.staffId); } catch { secret = undefined; }
        // A secret kept as text before sealing (or under an older key) is sealed under the current key now.
        if (secret && !vault.isCurrent(row.totpSecret)) await withTenant(db, code, (trx) => staff.setTotpSealed(trx, row.staffId, { totpSecret: vault.seal(secret, row.staffId) }));
        const step = otp && secret ? verifyTotp(base32Decode(secret), otp, clock.now().getTime() / 1000, { lastStep: row.totpLastStep === null ? undefined : Number(row.totpLastStep) }) : undefined;
        const used = step !== undefined && (await withTenant(db, code, (trx) => staff.useTotpStep(trx, row.staffId, step)));
        if (!used) {
          await withTenant(db, code, (trx) => accessLog.append(trx, code, { actorType: 'staff', actorId: row.staffId, action: 'auth.login.password', outcome: 'denied', purpose: otp ? 'otp-invalid' : 'otp-required', ...ctx }));
          throw new OtpError(!otp);
        }
      }
      return openSession(code, row, 'password', ctx, terminalCookie);
    },

    /** Opens a session for a staff member identified by an OpenID Connect subject. */
    async loginWithOidc(municipalityCode: string, subject: string, ctx: RequestContext, terminalCookie?: string): Promise<NewSession> {
      if (!(await deps.tenants.isOnboarded(municipalityCode))) throw new InvalidCredentialsError();
      const row = await withTenant(db, municipalityCode, (trx) => staff.findByOidcSubject(trx, subject));
      if (!row || row.disabled) {
        await withTenant(db, municipalityCode, (trx) => accessLog.append(trx, municipalityCode, { actorType: 'staff', actorId: '(oidc)', action: 'auth.login.oidc', outcome: 'denied', ...ctx }));
        throw new DomainError('oidc-account-not-linked', 'この認証基盤のアカウントは職員として登録されていません', 403, 'No staff account is linked to this OpenID Connect subject');
      }
      await refuseOutsideValidity(municipalityCode, row, 'auth.login.oidc', ctx);
      return openSession(municipalityCode, row, 'oidc', ctx, terminalCookie);
    },

    /** The actor of a session cookie, or undefined when the session is missing, expired or idle too long. */
    async resolveSession(cookieValue: string | undefined): Promise<Actor | undefined> {
      const parsed = parseSessionCookie(cookieValue);
      if (!parsed) return undefined;
      const hash = tokenHash(parsed.token);
      const now = clock.now().getTime();
      const s = await staff.resolveSession(db.app, parsed.municipalityCode, hash);
      if (!s || s.disabled) return undefined;
      const idleMs = now - s.lastSeenAt.getTime();
      if (idleMs > deps.sessionIdleSeconds * 1000) {
        await withTenant(db, parsed.municipalityCode, (trx) => staff.deleteSession(trx, hash));
        return undefined;
      }
      // Touch at most once a minute: most requests stay read-only.
      if (idleMs > 60_000) await withTenant(db, parsed.municipalityCode, (trx) => staff.touchSession(trx, hash));
      return {
        withheld: await withheldOf(parsed.municipalityCode, s.staffId),
        type: 'staff', municipalityCode: parsed.municipalityCode, staffId: s.staffId, loginId: s.loginId, displayName: s.displayName,
        roles: s.roles as Role[], csrfToken: s.csrfToken, sessionTokenHash: hash, authMethod: s.authMethod as 'password' | 'oidc',
        contractor: s.contractor === true, terminalCode: s.terminalCode, placeCode: s.placeCode,
      } satisfies Actor;
    },

    /** Ends the actor's session. */
    async logout(actor: Actor, ctx: RequestContext): Promise<void> {
      await withTenant(db, actor.municipalityCode, async (trx) => {
        await staff.deleteSession(trx, actor.sessionTokenHash);
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'auth.logout', ...ctx });
      });
    },

    /**
     * Adds a staff account (operators through the CLI, or an administrator of the municipality).
     * @throws ValidationError when the login id, roles or password are unacceptable; DomainError 'staff-exists'
     */
    async addStaff(
      by: Actor | { type: 'operator'; id: string },
      municipalityCode: string,
      input: { loginId: string; displayName: string; roles: string[]; password?: string; oidcSubject?: string; contractor?: boolean; validFrom?: string; validTo?: string },
      ctx: RequestContext,
    ): Promise<{ staffId: string }> {
      if (by.type === 'staff') {
        assertAllowed(by, 'staff:manage');
        if (by.municipalityCode !== municipalityCode) throw new DomainError('forbidden', 'この操作を行う権限がありません', 403, 'Other municipality');
      }
      const problems: Array<{ name: string; code: string; reason: string }> = [];
      if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(input.loginId)) problems.push({ name: 'loginId', code: 'invalid', reason: '職員IDは英小文字・数字・._- で2〜63文字にしてください' });
      if (!input.displayName.trim()) problems.push({ name: 'displayName', code: 'required', reason: '氏名を入力してください' });
      let roles: Role[] = [];
      try { roles = parseRoles(input.roles); } catch { problems.push({ name: 'roles', code: 'invalid', reason: `役割は ${['counter', 'reviewer', 'approver', 'daycare', 'admin', 'analyst'].join(', ')} から選んでください` }); }
      if (!input.password && !input.oidcSubject) problems.push({ name: 'password', code: 'required', reason: 'パスワード又はOIDCのsubjectが必要です' });
      const pwProblem = input.password ? passwordProblem(input.password) : null;
      if (pwProblem) problems.push({ name: 'password', code: 'too-weak', reason: pwProblem });
      problems.push(...validityProblems(input.validFrom, input.validTo));
      if (problems.length > 0) throw new ValidationError(problems);
      if (!(await deps.tenants.isOnboarded(municipalityCode))) throw new DomainError('tenant-not-found', `地方公共団体コード ${municipalityCode} は登録されていません`, 404, 'Municipality is not onboarded');
      const staffId = crypto.randomUUID();
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      await withTenant(db, municipalityCode, async (trx) => {
        if (await staff.findByLoginId(trx, input.loginId)) throw new DomainError('staff-exists', `職員ID「${input.loginId}」は既に使われています`, 409, 'Login id already exists');
        await staff.insert(trx, { municipalityCode, staffId, loginId: input.loginId, displayName: input.displayName, roles, passwordHash, oidcSubject: input.oidcSubject ?? null, contractor: input.contractor ?? false,
          validFrom: input.validFrom ?? null, validTo: input.validTo ?? null });
        await accessLog.append(trx, municipalityCode, {
          actorType: by.type === 'staff' ? 'staff' : 'operator', actorId: by.type === 'staff' ? by.staffId : by.id,
          action: 'staff.create', subjectType: 'staff', subjectId: staffId, ...ctx,
        });
      });
      return { staffId };
    },

    /**
     * One staff account of the actor's municipality; the read goes to the access log.
     * @throws ForbiddenError, NotFoundError
     */
    async getStaff(actor: Actor, staffId: string, ctx: RequestContext) {
      assertAllowed(actor, 'staff:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await staff.findById(trx, staffId);
        if (!row) throw new NotFoundError('Staff', '職員');
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'staff.read', subjectType: 'staff', subjectId: staffId, ...ctx });
        return row;
      });
    },

    /**
     * Display names of colleagues for screens that say who did something (入力者, 決裁者); any console user.
     * Unknown ids map to nothing; the caller shows a neutral label instead of an id.
     */
    async staffNames(actor: Actor, staffIds: string[]): Promise<Map<string, string>> {
      assertAllowed(actor, 'console:use');
      const ids = [...new Set(staffIds)];
      if (ids.length === 0) return new Map();
      const rows = await withTenant(db, actor.municipalityCode, (trx) => staff.displayNames(trx, ids));
      return new Map(rows.map((r) => [r.staffId, r.displayName]));
    },

    /**
     * Sets a staff account's 有効期間 (spec §10.3; administrators): outside it the account cannot sign in and its
     * sessions stop. Setting the same period again changes nothing more.
     * @throws ForbiddenError, ValidationError, NotFoundError
     */
    async setValidity(actor: Actor, staffId: string, v: { validFrom: string | null; validTo: string | null }, ctx: RequestContext) {
      assertAllowed(actor, 'staff:manage');
      const problems = validityProblems(v.validFrom, v.validTo);
      if (problems.length > 0) throw new ValidationError(problems);
      await withTenant(db, actor.municipalityCode, async (trx) => {
        if (!(await staff.setValidity(trx, staffId, v))) throw new NotFoundError('Staff', '職員');
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'staff.validity', subjectType: 'staff', subjectId: staffId, ...ctx });
      });
    },

    /**
     * Sets an account's 利用範囲 (spec §10.3; administrators): the places it may sign in at (registered places; none: any)
     * and the actions withheld from it (names of permissions.ts its roles would allow). Takes effect at the next sign-in
     * for places and within 30 seconds for actions. @throws ValidationError
     */
    async setScope(actor: Actor, staffId: string, v: { places: string[]; withheld: string[] }, ctx: RequestContext) {
      assertAllowed(actor, 'staff:manage');
      const places = [...new Set(v.places)].sort();
      const withheld = [...new Set(v.withheld)].sort();
      const unknownActions = withheld.filter((a) => !Object.hasOwn(ACTIONS, a));
      if (unknownActions.length > 0) throw new ValidationError([{ name: 'withheld', code: 'custom', reason: `利用範囲の操作の名前が正しくありません（不明な操作: ${unknownActions.join(', ')}）` }]);
      await withTenant(db, actor.municipalityCode, async (trx) => {
        const known = new Set((await trx.selectFrom('platform.place').select('placeCode').execute()).map((r) => r.placeCode));
        const unknownPlaces = places.filter((p) => !known.has(p));
        if (unknownPlaces.length > 0) throw new ValidationError([{ name: 'places', code: 'custom', reason: `利用範囲の場所が登録されていません（${unknownPlaces.join(', ')}。管理 → 端末・場所で登録してください）` }]);
        const r = await trx.updateTable('platform.staff').set({ scopePlaces: places, scopeWithheld: withheld }).where('staffId', '=', staffId).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('staff', '職員');
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'staff.scope', subjectType: 'staff', subjectId: staffId, ...ctx });
      });
      withheldCache.delete(staffId);
    },

    /** Starts enrolling an authenticator for the actor's own account: a new secret, pending until confirmed. */
    async startTotp(actor: Actor, ctx: RequestContext) {
      assertAllowed(actor, 'console:use');
      const secret = base32Encode(newTotpSecret());
      const t = await deps.tenants.get(actor.municipalityCode);
      await withTenant(db, actor.municipalityCode, async (trx) => {
        await staff.setTotpPending(trx, actor.staffId, vault.seal(secret, actor.staffId));
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'auth.totp.start', subjectType: 'staff', subjectId: actor.staffId, ...ctx });
      });
      return { secret, otpauthUri: otpauthUri(`Jichi ${t?.name ?? actor.municipalityCode}`, actor.loginId, base32Decode(secret)) };
    },

    /** Confirms the pending authenticator with a first code; from then on every password sign-in needs a code. @throws OtpError */
    async confirmTotp(actor: Actor, code: string, ctx: RequestContext) {
      assertAllowed(actor, 'console:use');
      await withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await staff.findById(trx, actor.staffId);
        const step = row?.totpPending ? verifyTotp(base32Decode(vault.open(row.totpPending, actor.staffId)), code.trim(), clock.now().getTime() / 1000) : undefined;
        if (step === undefined) throw new OtpError(!code.trim());
        await staff.confirmTotp(trx, actor.staffId, step);
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'auth.totp.enrol', subjectType: 'staff', subjectId: actor.staffId, ...ctx });
      });
    },

    /**
     * The actor's own authenticator (the console's 二要素認証 page): enrolled or not, and the enrolment under way — its
     * secret and otpauth URI, shown to the staff member alone until a first code confirms it.
     */
    async totpStatus(actor: Actor): Promise<{ enrolled: boolean; pending?: { secret: string; otpauthUri: string } }> {
      assertAllowed(actor, 'console:use');
      const row = await withTenant(db, actor.municipalityCode, (trx) => staff.findById(trx, actor.staffId));
      if (!row?.totpPending) return { enrolled: !!row?.totpSecret };
      const secret = vault.open(row.totpPending, actor.staffId);
      const t = await deps.tenants.get(actor.municipalityCode);
      return { enrolled: !!row.totpSecret, pending: { secret, otpauthUri: otpauthUri(`Jichi ${t?.name ?? actor.municipalityCode}`, actor.loginId, base32Decode(secret)) } };
    },

    /**
     * Seals every TOTP secret not yet sealed under the current key, in every municipality (secrets kept as text before
     * sealing, and after a key rotation); returns how many. Run at start and hourly (periodic-tasks.ts), idempotent.
     */
    async sealTotpSecrets(): Promise<number> {
      let n = 0;
      for (const t of await deps.tenants.list()) {
        n += await withTenant(db, t.municipalityCode, async (trx) => {
          let done = 0;
          for (const r of await staff.listTotp(trx)) {
            const patch: { totpSecret?: string; totpPending?: string } = {};
            if (r.totpSecret && !vault.isCurrent(r.totpSecret)) patch.totpSecret = vault.seal(vault.open(r.totpSecret, r.staffId), r.staffId);
            if (r.totpPending && !vault.isCurrent(r.totpPending)) patch.totpPending = vault.seal(vault.open(r.totpPending, r.staffId), r.staffId);
            if (Object.keys(patch).length > 0) { await staff.setTotpSealed(trx, r.staffId, patch); done++; }
          }
          return done;
        });
      }
      return n;
    },

    /** Lists the staff of the actor's municipality (administrators only). */
    async listStaff(actor: Actor) {
      assertAllowed(actor, 'staff:manage');
      return withTenant(db, actor.municipalityCode, (trx) => staff.list(trx));
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
