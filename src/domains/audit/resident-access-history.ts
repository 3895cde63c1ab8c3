// SPDX-License-Identifier: EUPL-1.2
/**
 * わたしの記録の閲覧履歴 (issue #14, anchor: the Estonian Data Tracker): which department and role used the signed-in
 * resident's registry record, when and for what purpose. Read through platform.resident_access_history (keyed by
 * the resident's session; entries the law keeps from the person are left out there: 捜査関係事項照会). No staff
 * names, no identifiers: the role stands for the department. Only the person's own record (a household member's
 * history is theirs to see, not the 世帯主's).
 */
import { sql } from 'kysely';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Resident } from '../../platform/auth/resident.ts';
import type { Database } from '../../platform/db/database.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';

/** One use of the resident's record as the resident sees it. */
export interface AccessHistoryEntry {
  occurredAt: Date;
  /** Who: 'self' (the resident), 'staff' (with roles), 'contractor', 'system' or 'operator'. */
  who: 'self' | 'staff' | 'contractor' | 'system' | 'operator';
  roles: string[];
  /** What was done (an access-log action, e.g. `registry.person.read`). */
  action: string;
  /** 利用目的 as recorded (may be empty). */
  purpose: string;
}

/** How many entries the page shows at most. */
export const ACCESS_HISTORY_LIMIT = 200;

/** Creates the service. */
export function createResidentAccessHistory(deps: { db: Database; accessLog: AccessLogRepository }) {
  return {
    /** The resident's history, newest first; empty when the resident is not matched to a registry person. */
    async list(resident: Resident, ctx: { clientIp: string; requestId: string }): Promise<AccessHistoryEntry[]> {
      if (!resident.match) return [];
      return withTenant(deps.db, resident.municipalityCode, async (trx) => {
        const rows = (await sql<{ occurredAt: Date; actorType: string; roles: string[] | null; contractor: boolean | null; action: string; purpose: string }>`
          SELECT occurred_at AS "occurredAt", actor_type AS "actorType", roles, contractor, action, purpose
          FROM platform.resident_access_history(${resident.municipalityCode}, ${resident.sessionTokenHash}, ${ACCESS_HISTORY_LIMIT})`.execute(trx)).rows;
        await deps.accessLog.append(trx, resident.municipalityCode, {
          actorType: 'resident', actorId: resident.residentId, action: 'resident.access-history.read', subjectType: 'resident', subjectId: resident.residentId, ...ctx,
        });
        return rows.map((r) => ({
          occurredAt: new Date(r.occurredAt),
          who: r.actorType === 'resident' ? 'self' : r.actorType === 'staff' && r.contractor ? 'contractor' : r.actorType as AccessHistoryEntry['who'],
          roles: r.roles ?? [], action: r.action, purpose: r.purpose,
        }));
      });
    },
  };
}

export type ResidentAccessHistory = ReturnType<typeof createResidentAccessHistory>;
