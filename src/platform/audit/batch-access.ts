// SPDX-License-Identifier: EUPL-1.2
/**
 * Access-log entries for operator batch work that reads or writes personal data outside a request (backups,
 * restores, registry exports and imports): one entry per municipality concerned, with its purpose (利用目的).
 */
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { withTenant } from '../tenancy/tenant-transaction.ts';
import { createAccessLogRepository } from './access-log.repository.ts';

/** A batch access by an operator. */
export interface BatchAccess {
  /** e.g. `platform.backup`, `registry.export`. */
  action: string;
  /** 利用目的, required: why the whole data set was read or written. */
  purpose: string;
  /** Who ran it (the operator's account name). */
  operatorId: string;
  myNumberAccessed?: boolean;
  /** Only these municipalities; every onboarded one when omitted. */
  municipalityCodes?: string[];
  subjectType?: string;
  subjectId?: string;
}

/** The operator running the command, as the access log names them. */
export const operatorId = () => process.env.JICHI_OPERATOR ?? process.env.USER ?? 'operator';

/** Appends one committed entry per municipality concerned. */
export async function logBatchAccess(db: Database, access: BatchAccess): Promise<void> {
  const accessLog = createAccessLogRepository();
  const codes = access.municipalityCodes
    ?? (await sql<{ code: string }>`SELECT municipality_code AS code FROM platform.tenant ORDER BY 1`.execute(db.owner)).rows.map((r) => r.code.trim());
  for (const code of codes) {
    await withTenant(db, code, (trx) => accessLog.append(trx, code, {
      actorType: 'operator', actorId: access.operatorId, action: access.action, purpose: access.purpose,
      myNumberAccessed: access.myNumberAccessed ?? false, subjectType: access.subjectType, subjectId: access.subjectId, requestId: 'cli',
    }));
  }
}
