// SPDX-License-Identifier: EUPL-1.2
/**
 * Which 仮登録 (provisional changes, not yet 本登録) touch a household or some persons: for other domains that must
 * warn before acting on records about to change (certificates, issue #9). Reads only; inside the caller's tenant
 * transaction.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** A pending change and which of the asked-for persons (and whether the household) it reserves. */
export interface PendingChangeRef {
  changeId: string;
  kind: string;
  /** 異動事由 code (e.g. C01 転居). */
  reasonCode: string;
  personIds: string[];
  householdPending: boolean;
}

/** The provisional changes that reserve the household or any of the persons. */
export async function provisionalChangesAffecting(trx: TenantTx, f: { householdId?: string; personIds: readonly string[] }): Promise<PendingChangeRef[]> {
  const byChange = new Map<string, { personIds: string[]; householdPending: boolean }>();
  if (f.personIds.length > 0) {
    const rows = await trx.selectFrom('registry.personCurrent').select(['personId', 'pendingChangeId'])
      .where('municipalityCode', '=', TENANT).where('personId', 'in', [...f.personIds]).where('pendingChangeId', 'is not', null).execute();
    for (const r of rows) {
      const e = byChange.get(r.pendingChangeId!) ?? { personIds: [], householdPending: false };
      e.personIds.push(r.personId);
      byChange.set(r.pendingChangeId!, e);
    }
  }
  if (f.householdId && /^[0-9a-f-]{36}$/i.test(f.householdId)) {
    const h = await trx.selectFrom('registry.household').select('pendingChangeId')
      .where('municipalityCode', '=', TENANT).where('householdId', '=', f.householdId).where('pendingChangeId', 'is not', null).executeTakeFirst();
    if (h?.pendingChangeId) {
      const e = byChange.get(h.pendingChangeId) ?? { personIds: [], householdPending: false };
      e.householdPending = true;
      byChange.set(h.pendingChangeId, e);
    }
  }
  if (byChange.size === 0) return [];
  const changes = await trx.selectFrom('registry.change').select(['changeId', 'kind', 'reasonCode'])
    .where('municipalityCode', '=', TENANT).where('changeId', 'in', [...byChange.keys()]).where('status', '=', 'provisional').execute();
  return changes.map((c) => ({ changeId: c.changeId, kind: c.kind, reasonCode: c.reasonCode, ...byChange.get(c.changeId)! }));
}
