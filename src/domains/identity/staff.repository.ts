// SPDX-License-Identifier: EUPL-1.2
/** SQL for staff accounts and their sessions. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/types.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

/** A session joined with its staff member. */
export interface SessionWithStaff {
  municipalityCode: string;
  tokenHash: string;
  staffId: string;
  csrfToken: string;
  authMethod: string;
  lastSeenAt: Date;
  expiresAt: Date;
  createdAt: Date;
  loginId: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  contractor: boolean;
  /** 入力端末 and place of the session (migration 0022). */
  terminalCode: string;
  placeCode: string;
}

/** Creates the staff repository. */
export function createStaffRepository() {
  return {
    findByLoginId: (trx: TenantTx, loginId: string) =>
      trx.selectFrom('platform.staff').selectAll().where('loginId', '=', loginId).forUpdate().executeTakeFirst(),

    findByOidcSubject: (trx: TenantTx, subject: string) =>
      trx.selectFrom('platform.staff').selectAll().where('oidcSubject', '=', subject).executeTakeFirst(),

    findById: (trx: TenantTx, staffId: string) =>
      trx.selectFrom('platform.staff').selectAll().where('staffId', '=', staffId).executeTakeFirst(),

    /** Display names of staff members (ids that are not staff, e.g. 'system', are left out). */
    displayNames: async (trx: TenantTx, ids: string[]) => {
      const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      return uuids.length === 0 ? [] : trx.selectFrom('platform.staff').select(['staffId', 'displayName']).where('staffId', 'in', uuids).execute();
    },

    list: (trx: TenantTx) =>
      trx.selectFrom('platform.staff')
        .select(['staffId', 'loginId', 'displayName', 'roles', 'disabled', 'lockedUntil', 'oidcSubject', 'createdAt', 'contractor', 'validFrom', 'validTo'])
        .orderBy('loginId').execute(),

    insert: (trx: TenantTx, row: { municipalityCode: string; staffId: string; loginId: string; displayName: string; roles: string[]; passwordHash: string | null; oidcSubject: string | null; contractor: boolean; validFrom?: string | null; validTo?: string | null }) =>
      trx.insertInto('platform.staff').values(row).execute(),

    /** TOTP enrolment and use (spec §10.3): the pending secret, the confirmed one and the last step used. */
    setTotpPending: (trx: TenantTx, staffId: string, secret: string) =>
      trx.updateTable('platform.staff').set({ totpPending: secret }).where('staffId', '=', staffId).execute(),
    confirmTotp: (trx: TenantTx, staffId: string, step: number) =>
      trx.updateTable('platform.staff').set((eb) => ({ totpSecret: eb.ref('totpPending'), totpPending: null, totpLastStep: String(step) })).where('staffId', '=', staffId).execute(),
    /** Staff with a TOTP secret or a pending one (sealing them at rest). */
    listTotp: (trx: TenantTx) =>
      trx.selectFrom('platform.staff').select(['staffId', 'totpSecret', 'totpPending'])
        .where((eb) => eb.or([eb('totpSecret', 'is not', null), eb('totpPending', 'is not', null)])).execute(),
    /** Replaces the stored (sealed) secret and/or pending secret. */
    setTotpSealed: (trx: TenantTx, staffId: string, v: { totpSecret?: string; totpPending?: string }) =>
      trx.updateTable('platform.staff').set(v).where('staffId', '=', staffId).execute(),
    /** Records the step of an accepted code unless a later one was used meanwhile (false: replayed). */
    useTotpStep: async (trx: TenantTx, staffId: string, step: number) =>
      Number((await trx.updateTable('platform.staff').set({ totpLastStep: String(step) }).where('staffId', '=', staffId)
        .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', String(step))])).executeTakeFirst()).numUpdatedRows) > 0,

    /** Sets an account's 有効期間 (spec §10.3); null days are open. */
    setValidity: (trx: TenantTx, staffId: string, v: { validFrom: string | null; validTo: string | null }) =>
      trx.updateTable('platform.staff').set(v).where('staffId', '=', staffId).executeTakeFirst().then((r) => Number(r.numUpdatedRows) > 0),

    /**
     * Counts a password attempt before the password is checked, in one statement (the row lock serialises
     * parallel attempts, issue #15): the attempt that reaches `threshold` also locks the account until
     * `lockUntil`; an expired lock starts a new count. No row when the account is locked.
     */
    claimAttempt: (trx: TenantTx, staffId: string, now: Date, threshold: number, lockUntil: Date) =>
      sql<{ failedLogins: number; lockedUntil: Date | null }>`
        UPDATE platform.staff SET
          failed_logins = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END,
          locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END) >= ${threshold}
            THEN ${lockUntil}::timestamptz END
        WHERE staff_id = ${staffId} AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
        RETURNING failed_logins AS "failedLogins", locked_until AS "lockedUntil"`.execute(trx).then((r) => r.rows[0]),

    clearFailures: (trx: TenantTx, staffId: string) =>
      trx.updateTable('platform.staff').set({ failedLogins: 0, lockedUntil: null }).where('staffId', '=', staffId).execute(),

    insertSession: (trx: TenantTx, row: { municipalityCode: string; tokenHash: string; staffId: string; csrfToken: string; authMethod: string; expiresAt: Date; terminalCode: string; placeCode: string }) =>
      trx.insertInto('platform.session').values(row).execute(),

    /**
     * The session and its staff member, if unexpired, in one statement, outside any transaction: the SQL function sets the
     * application role and the municipality for that statement only (platform.resolve_session).
     */
    resolveSession: async (db: Kysely<DB>, municipalityCode: string, tokenHash: string) =>
      (await sql<SessionWithStaff>`SELECT * FROM platform.resolve_session(${municipalityCode}, ${tokenHash})`.execute(db)).rows[0],

    touchSession: (trx: TenantTx, tokenHash: string) =>
      trx.updateTable('platform.session').set({ lastSeenAt: sql`now()` }).where('tokenHash', '=', tokenHash).execute(),

    deleteSession: (trx: TenantTx, tokenHash: string) =>
      trx.deleteFrom('platform.session').where('tokenHash', '=', tokenHash).execute(),

    deleteExpiredSessions: (trx: TenantTx) =>
      trx.deleteFrom('platform.session').where('expiresAt', '<=', sql<Date>`now()`).execute(),
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
