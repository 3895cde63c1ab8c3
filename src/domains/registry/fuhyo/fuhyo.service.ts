// SPDX-License-Identifier: EUPL-1.2
/**
 * 戸籍附票システムとの連携 (spec §7.2.4): when a change alters what a 戸籍の附票 records (住所, 住所を定めた年月日; 記載・
 * 消除) for a Japanese resident whose 本籍 is in this municipality, the 附票 notice (住基法19条; the 附票 items of 住基法
 * 17条: 氏名, 住所, 住所を定めた年月日, 出生の年月日, 男女の別, 住民票コード, with 本籍・筆頭者 and the change) is written
 * for the municipality's own 戸籍附票システム in the 本登録 transaction — the same notice as the one to the 住基ネット
 * outbox (jukinet/), which still goes there as well. The 戸籍附票 system reads the notices in commit order as a feed
 * consumer of kind '戸籍附票' (GET /registry-feed/fuhyo-notices), each read access-logged against the person.
 * Merged into the registry service.
 */
import { sql } from 'kysely';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { FeedConsumerRow } from '../feed/feed.repository.ts';
import { messageContent, messagesOf } from '../jukinet/jukinet-messages.ts';
import { fail } from '../registry-errors.ts';
import type { PersonRecord } from '../registry-model.ts';
import { isLocalHonseki } from './local-honseki.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
type Ctx = { clientIp: string; requestId: string };
type AsConsumer = <T>(token: string | undefined, fn: (trx: TenantTx, m: string, c: FeedConsumerRow) => Promise<T>) => Promise<T>;
export const FUHYO_PAGE_MAX = 1000;

/** Creates the 戸籍附票 link. */
export function createFuhyoUseCases(deps: { accessLog: AccessLogRepository; asConsumer: AsConsumer }) {
  const { accessLog, asConsumer } = deps;
  return {
    /** Writes the 附票 notices of local 本籍 holders for these committed changes (with feed numbers), in the caller's 本登録 transaction. */
    async recordFuhyoNotices(trx: TenantTx, m: string, changeIds: string[]) {
      if (changeIds.length === 0) return;
      const changes = await trx.selectFrom('registry.change').select(['changeId', 'kind', 'reasonCode', 'occurredOn', 'feedSeq']).where('municipalityCode', '=', TENANT)
        .where('changeId', 'in', changeIds).where('feedSeq', 'is not', null).orderBy('feedSeq').execute();
      const snaps = await trx.selectFrom('registry.personSnapshot').select(['changeId', 'personId', 'historyNo', 'record']).where('municipalityCode', '=', TENANT)
        .where('changeId', 'in', changeIds).orderBy('householdId').orderBy('memberOrder').orderBy('personId').execute();
      const rows = changes.flatMap((c) => {
        const mine = snaps.filter((s) => s.changeId === c.changeId).map((s) => ({ ...s, record: s.record as unknown as PersonRecord }));
        const recordOf = new Map(mine.map((s) => [s.personId, s.record]));
        return messagesOf(c, mine).filter((msg) => msg.kind === 'annex-notice' && isLocalHonseki(recordOf.get(msg.personId)!.honseki, m))
          .map((msg, i) => ({ municipalityCode: m, feedSeq: c.feedSeq!, position: i + 1, changeId: c.changeId, personId: msg.personId, historyNo: msg.historyNo,
            content: JSON.stringify({ ...messageContent('annex-notice', m, c, recordOf.get(msg.personId)!, undefined), 種別: '戸籍附票記載事項通知（住基法19条、本籍地が当市区町村）' }) }));
      });
      for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('registry.fuhyoNotice').values(rows.slice(i, i + 1000)).execute();
    },

    /**
     * The 附票 notices after a feed number (exclusive), in commit order, for a 戸籍附票 consumer; each access-logged.
     * `cursor` is where to continue. @throws RegistryRuleError feed-consumer-unauthenticated, fuhyo-consumer-only, feed-cursor-invalid
     */
    async fuhyoNotices(token: string | undefined, q: { cursor?: string; limit?: number }, ctx: Ctx) {
      return asConsumer(token, async (trx, m, c) => {
        if (c.kind !== '戸籍附票') fail('fuhyo-consumer-only');
        const last = Number((await trx.selectFrom('registry.feedCounter').select('lastSeq').where('municipalityCode', '=', TENANT).executeTakeFirst())?.lastSeq ?? 0);
        if (q.cursor !== undefined && q.cursor !== '' && (!/^\d{1,15}$/.test(q.cursor) || Number(q.cursor) > last)) fail('feed-cursor-invalid');
        const after = Number(q.cursor || 0);
        const limit = Math.min(Math.max(q.limit ?? 200, 1), FUHYO_PAGE_MAX);
        // Whole changes only: the page ends at the last feed number it holds completely.
        const seqs = (await trx.selectFrom('registry.fuhyoNotice').select('feedSeq').distinct().where('municipalityCode', '=', TENANT).where('feedSeq', '>', String(after))
          .where('feedSeq', '<=', String(last)).orderBy('feedSeq').limit(limit).execute()).map((r) => r.feedSeq);
        const rows = seqs.length === 0 ? [] : await trx.selectFrom('registry.fuhyoNotice').select(['feedSeq', 'position', 'personId', 'historyNo', 'content'])
          .where('municipalityCode', '=', TENANT).where('feedSeq', 'in', seqs).orderBy('feedSeq').orderBy('position').execute();
        await accessLog.appendMany(trx, m, rows.map((r) => ({ actorType: 'system' as const, actorId: `feed-consumer:${c.name}`, action: 'registry.fuhyo.read', subjectType: 'person',
          subjectId: r.personId, purpose: c.purpose, ...ctx })));
        const hasMore = seqs.length === limit;
        return {
          cursor: hasMore ? String(seqs.at(-1)) : String(Math.max(after, last)), hasMore,
          notices: rows.map((r) => ({ seq: String(r.feedSeq), position: r.position, historyNo: r.historyNo, items: r.content as Record<string, string> })),
        };
      });
    },
  };
}
