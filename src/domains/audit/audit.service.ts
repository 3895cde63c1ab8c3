// SPDX-License-Identifier: EUPL-1.2
/** Reading and verifying the access log. */
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import { verifyChain, type ChainHead, type ChainReport } from '../../platform/audit/access-log-chain.ts';
import type { Database } from '../../platform/db/database.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { analyseAccessLog } from './access-log-analysis.ts';

/** Creates the audit service. */
export function createAuditService(deps: { db: Database; accessLog: AccessLogRepository }) {
  return {
    /** Entries of the actor's municipality, newest first (administrators). @throws ForbiddenError */
    async list(actor: Actor, filter: { subjectType?: string; subjectId?: string; actorId?: string; terminalCode?: string; limit: number; beforeSeq?: number }) {
      assertAllowed(actor, 'access-log:read');
      return withTenant(deps.db, actor.municipalityCode, (trx) => deps.accessLog.list(trx, filter));
    },

    /**
     * Analysis of the municipality's access log over [from, to] (spec §10.2): per operator × operation, persons,
     * after-hours and refused entries, flags. The read is itself logged. @throws ForbiddenError
     */
    async analyse(actor: Actor, from: string, to: string, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'access-log:read');
      return withTenant(deps.db, actor.municipalityCode, async (trx) => {
        const rows = await analyseAccessLog(trx, from, to);
        await deps.accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'access-log.analyse', subjectType: 'access-log', subjectId: `${from}..${to}`, ...ctx });
        return rows;
      });
    },

    /**
     * Verifies the hash chain of every municipality (operators, as the owner); with the heads of a checkpoint,
     * also that no entry up to them was deleted (issue #15).
     */
    async verify(opts: { checkpoint?: ChainHead[] } = {}): Promise<ChainReport> {
      return verifyChain(deps.accessLog.scanAll(deps.db.owner), opts);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
