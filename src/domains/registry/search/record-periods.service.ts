// SPDX-License-Identifier: EUPL-1.2
/**
 * Every record under a person's 宛名番号 (spec §1.1.5): the 住民票 of the current period of residence, the 除票 of
 * earlier periods (main DB and 除票DB), and 改製原住民票, each labelled, for the 個人票 to show and issue. Each record
 * read is access-logged. Suppressed records (照会の抑止, level error) are left out as in the search.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { formatLegalDate } from '../../../platform/dates/jp-date.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { fail } from '../registry-errors.ts';
import type { PersonRecord } from '../registry-model.ts';
import { checkSuppressions } from '../suppressions/suppression.service.ts';
import { recordPeriod } from './record-period.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** Creates the use case. */
export function createRecordPeriodUseCases(deps: { db: Database; accessLog: AccessLogRepository; clock: Clock; today: () => string }) {
  const { db, accessLog, clock } = deps;
  return {
    /**
     * The records sharing the person's 宛名番号, newest period first (the given one included).
     * @throws RegistryRuleError 'person-not-found'
     */
    async recordsOfPerson(actor: Actor, personId: string, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:read');
      const today = deps.today();
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = await trx.selectFrom('registry.person as p')
          .innerJoin('registry.person as q', (j) => j.onRef('q.municipalityCode', '=', 'p.municipalityCode').onRef('q.atenaNo', '=', 'p.atenaNo'))
          .innerJoin('registry.personCurrent as c', (j) => j.onRef('c.municipalityCode', '=', 'q.municipalityCode').onRef('c.personId', '=', 'q.personId'))
          .select(['c.personId', 'c.record', 'c.archivedAt', 'c.householdId']).where('p.municipalityCode', '=', TENANT).where('p.personId', '=', personId).execute();
        if (!rows.some((r) => r.personId === personId)) fail('person-not-found');
        const hidden = new Set((await checkSuppressions(trx, rows.map((r) => ({ personId: r.personId, householdId: r.householdId })), 'inquiry', clock.now(), today)).errors);
        const shown = rows.filter((r) => r.personId === personId || !hidden.has(r.personId));
        await accessLog.appendMany(trx, actor.municipalityCode, shown.filter((r) => r.personId !== personId).map((r) => ({ actorType: 'staff' as const, actorId: actor.staffId,
          action: 'registry.person.records', subjectType: 'person', subjectId: r.personId, ...ctx })));
        return shown.map((r) => {
          const rec = r.record as unknown as PersonRecord;
          const cal = rec.residentKind === 'japanese' ? 'wareki' : 'seireki';
          return {
            personId: r.personId, ...recordPeriod(rec, r.archivedAt, today),
            name: `${rec.familyName}　${rec.givenName}`.trim() || rec.romanName || '',
            becameResidentOn: formatLegalDate(rec.becameResidentOn, 'wareki'), since: rec.becameResidentOn.sortKey,
            removedOn: rec.removedOn ?? null, removalReason: rec.removalReason ?? null, reformedOn: rec.reformedOn ?? null,
            address: `${rec.address.townName}${rec.address.banchi}${rec.address.katagaki ? `　${rec.address.katagaki}` : ''}`, residentKind: rec.residentKind, calendar: cal,
          };
        }).sort((a, b) => (b.removedOn ?? '9999').localeCompare(a.removedOn ?? '9999') || b.since.localeCompare(a.since));
      });
    },
  };
}
