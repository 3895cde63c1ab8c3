// SPDX-License-Identifier: EUPL-1.2
/**
 * 転入通知未着一覧 (spec §4.1.3.1.4): persons who moved out within Japan (国内転出, 本登録) for whom no 転入通知 (住基法9条1項)
 * has been received more than `days` days after the planned move — the list the clerk works through with 未着照会書 to
 * the new municipality. Each listed person's read is access-logged.
 */
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { addDays, toWareki } from '../../../platform/dates/jp-date.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import type { PersonRecord } from '../registry-model.ts';

/** Default waiting time before a 転入通知 counts as not received (the 14-day notification period plus delivery). */
export const MOVE_IN_NOTICE_WAIT_DAYS = 30;

/** Creates the use case. */
export function createMoveInNoticeOverdueUseCases(deps: { db: Database; accessLog: AccessLogRepository; today: () => string }) {
  const { db, accessLog } = deps;
  return {
    /** The overdue list, oldest planned move first (at most 1,000). */
    async overdueMoveInNotices(actor: Actor, opts: { days?: number }, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:read');
      const days = opts.days ?? MOVE_IN_NOTICE_WAIT_DAYS;
      const before = addDays(deps.today(), -days);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = await trx.selectFrom('registry.personCurrent').select(['personId', 'record', 'removedOn'])
          .where('municipalityCode', '=', actor.municipalityCode).where('removalReason', '=', '国内転出').where('removedOn', '<=', before)
          .where('pendingChangeId', 'is', null).orderBy('removedOn').orderBy('personId').limit(5000).execute();
        const items = rows.map((r) => ({ personId: r.personId, record: r.record as unknown as PersonRecord, removedOn: r.removedOn! }))
          .filter((r) => !r.record.moveInNotice).slice(0, 1000)
          .map(({ personId, record: p, removedOn }) => ({
            personId, atenaNo: p.atenaNo, name: `${p.familyName}　${p.givenName}`.trim() || (p.romanName ?? ''),
            destination: p.destination ?? '', plannedMoveOutOn: toWareki(removedOn), daysSince: Math.round((Date.parse(deps.today()) - Date.parse(removedOn)) / 86_400_000),
            specialMoveOut: !!p.specialMoveOut,
          }));
        if (items.length > 0) {
          await accessLog.appendMany(trx, actor.municipalityCode, items.map((i) => ({ actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.move-in-notice.overdue.read',
            subjectType: 'person', subjectId: i.personId, ...ctx, purpose: '転入通知未着照会' })));
        }
        return { days, items };
      });
    },
  };
}
