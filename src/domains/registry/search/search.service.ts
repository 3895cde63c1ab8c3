// SPDX-License-Identifier: EUPL-1.2
/**
 * 住民検索 (spec §2.1.1–2.1.3): search by name (folded, 旧氏・通称 in every mode), birth date or range, 異動日 range,
 * address, 宛名番号, 世帯番号, 性別, 続柄, 消除事由 and identifiers; every hit access-logged; each staff member's search
 * history (criteria only), to run again, purged after the retention period.
 */
import { gaijiInUse } from './gaiji.ts';
import { recordPeriod } from './record-period.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { toWareki } from '../../../platform/dates/jp-date.ts';
import { fail } from '../registry-errors.ts';
import { isValidMyNumber } from '../numbers/my-number.ts';
import type { MyNumberCipher } from '../numbers/my-number-cipher.ts';
import { foldKana, foldName, isKanaQuery } from '../name-folding.ts';
import type { PersonRecord } from '../registry-model.ts';
import { presentHit } from '../registry.presenter.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import { checkSuppressions } from '../suppressions/suppression.service.ts';
import { criteriaKey, criteriaToKeep, dateRanges, hasListingCriterion, type SavedCriteria, type SearchQuery } from './search-criteria.ts';
import { municipalitiesWithSearchesBefore, purgeSearchesBefore, recordSearch, searchesOf, searchOf } from './search-history.repository.ts';

interface Deps {
  db: Database;
  registry: RegistryRepository;
  accessLog: AccessLogRepository;
  cipher: MyNumberCipher;
  clock: Clock;
  today: () => string;
  /** Days a search history entry is kept after its last use. */
  historyDays: number;
}

const SEX_LABEL = { male: '男', female: '女' } as const;
const MODE_LABEL = { prefix: '前方一致', partial: '部分一致', exact: '完全一致' } as const;
const EMPTY_LABEL = { residentCode: '住民票コード', myNumber: '個人番号', reading: 'フリガナ', honseki: '本籍', residenceCardNo: '在留カード等番号' } as const;

/** A short Japanese summary of kept criteria for the history list (no codes, dates in 和暦 when they read as days). */
export function describeCriteria(c: SavedCriteria): string {
  const day = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? toWareki(s) : s);
  const span = (label: string, from?: string, to?: string) => (from || to ? `${label} ${from ? day(from) : ''}〜${to ? day(to) : ''}` : '');
  return [
    c.name ? `氏名「${c.name}」${c.mode ? `（${MODE_LABEL[c.mode]}）` : ''}` : '',
    c.birthDate ? `生年月日 ${day(c.birthDate)}` : '', span('生年月日', c.birthFrom, c.birthTo), span('異動日', c.changedFrom, c.changedTo),
    c.address ? `住所「${c.address}」${c.pastAddress ? '（過去の住所・転入前住所を含む）' : ''}` : '', c.atenaNo ? `宛名番号 ${c.atenaNo}` : '', c.householdNo ? `世帯番号 ${c.householdNo}` : '',
    c.householdId ? '世帯を指定' : '', c.townCode ? '町字を指定' : '',
    c.sex ? `性別 ${SEX_LABEL[c.sex]}` : '', c.relationship ? `続柄 ${c.relationship}` : '', c.removalReason ? `消除事由 ${c.removalReason}` : '', c.emptyItem ? `${EMPTY_LABEL[c.emptyItem]}が空欄` : '',
    c.residentCode ? `住民票コード ${c.residentCode}` : '', c.residenceCardNo ? `在留カード番号 ${c.residenceCardNo}` : '',
    c.myNumberUsed ? '個人番号（番号は保存しません）' : '', c.includeRemoved ? '除票を含む' : '',
  ].filter(Boolean).join('、');
}

/** The search use cases. */
export function createSearchUseCases(deps: Deps) {
  const { db, registry: repo, accessLog, cipher, clock } = deps;

  async function run(actor: Actor, q: SearchQuery, ctx: { clientIp: string; requestId: string }) {
    assertAllowed(actor, 'registry:read');
    const today = deps.today();
    const name = q.name?.trim();
    const kana = !!name && isKanaQuery(name);
    const dates = dateRanges(q);
    if (q.myNumber && !isValidMyNumber(q.myNumber)) fail('invalid-my-number');
    const nameKey = name ? (kana ? foldKana(name) : foldName(name)) || undefined : undefined;
    const addressKey = q.address ? foldName(q.address) || undefined : undefined;
    const trim = (s?: string) => s?.trim() || undefined;
    // Issue #9: a search lists residents only for a criterion; no criterion (or one that folds to nothing, such as
    // "-" or "・") would list everyone. 性別 and 続柄 only narrow.
    if (!hasListingCriterion({ ...q, nameKey, addressKey }, dates)) fail('search-criteria-required');
    return withTenant(db, actor.municipalityCode, async (trx) => {
      const found = await repo.search(trx, {
        nameKey, kana, latin: !!name && /^[A-Za-zＡ-Ｚａ-ｚ\s'.-]+$/.test(name), mode: q.mode ?? 'prefix',
        birthFrom: dates.birth?.from, birthTo: dates.birth?.to, changedFrom: dates.changed?.from, changedTo: dates.changed?.to,
        townCode: q.townCode, addressKey, pastAddress: !!q.pastAddress, householdId: q.householdId, atenaNo: trim(q.atenaNo), householdNo: trim(q.householdNo),
        sex: q.sex, relationship: trim(q.relationship), removalReason: q.removalReason, emptyItem: q.emptyItem,
        residentCode: trim(q.residentCode), residenceCardNo: trim(q.residenceCardNo),
        myNumberIndex: q.myNumber ? cipher.blindIndex(q.myNumber) : undefined,
        // A 消除事由 asks for 除票.
        includeRemoved: !!q.includeRemoved || !!q.removalReason, today, limit: Math.min(q.limit ?? 50, 200),
      });
      // 検索の抑止 (spec §3.1): a person suppressed at level error is not found (unless lifted for now).
      const hidden = new Set((await checkSuppressions(trx, found.map((r) => ({ personId: r.personId, householdId: (r.record as unknown as PersonRecord).householdId })),
        'inquiry', clock.now(), today)).errors);
      const rows = found.filter((r) => !hidden.has(r.personId));
      await accessLog.appendMany(trx, actor.municipalityCode, rows.map((r) => ({ actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.person.search',
        subjectType: 'person', subjectId: r.personId, ...ctx, purpose: q.purpose ?? '', myNumberAccessed: !!q.myNumber })));
      // 検索履歴 (spec §2.1.1): the criteria only, in the same transaction as the search.
      const kept = criteriaToKeep(q);
      await recordSearch(trx, actor.municipalityCode, actor.staffId, criteriaKey(kept), kept, rows.length);
      // 現存 / 除票 / 除票DB / 改製原 (spec §1.1.5): each hit says which record it is.
      return rows.map((r) => ({ ...presentHit(r.personId, r.record as unknown as PersonRecord, today), ...recordPeriod(r.record as unknown as PersonRecord, r.archivedAt, today) }))
        .sort((a, b) => a.nameKana.localeCompare(b.nameKana, 'ja') || a.personId.localeCompare(b.personId));
    });
  }

  return {
    /**
     * Searches persons; each hit is access-logged and the criteria go to the staff member's search history.
     * @throws RegistryRuleError 'search-criteria-required', 'invalid-date', 'invalid-date-range', 'invalid-my-number'
     */
    search: run,

    /** The 外字 (private use characters, IVS sequences) of the municipality's stored names, for the search form's picker. */
    async gaijiInUse(actor: Actor, limit = 200) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, (trx) => gaijiInUse(trx, limit));
    },

    /** Days a search history entry is kept after its last use (shown to the clerk). */
    searchHistoryRetentionDays: () => deps.historyDays,

    /** The staff member's own recent searches (criteria only), newest first, with a Japanese summary. */
    async searchHistory(actor: Actor, limit = 20) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => (await searchesOf(trx, actor.staffId, Math.min(limit, 100))).map((r) => {
        const criteria = r.criteria as SavedCriteria;
        return { searchId: r.searchId, criteria, summary: describeCriteria(criteria), hitCount: r.hitCount, times: r.times,
          searchedAt: new Date(r.searchedAt).toISOString(), rerunnable: !criteria.myNumberUsed };
      }));
    },

    /**
     * Runs one of the staff member's own searches again (the hits now, access-logged; the entry's time updated).
     * @throws RegistryRuleError 'search-history-not-found' (unknown, purged or another staff member's), 'search-history-not-rerunnable'
     */
    async rerunSearch(actor: Actor, searchId: string, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:read');
      const entry = await withTenant(db, actor.municipalityCode, (trx) => searchOf(trx, actor.staffId, searchId));
      if (!entry) fail('search-history-not-found');
      const criteria = entry.criteria as SavedCriteria;
      if (criteria.myNumberUsed) fail('search-history-not-rerunnable');
      const { myNumberUsed: _unused, ...query } = criteria;
      return { criteria, hits: await run(actor, { ...query, limit: 100 }, ctx) };
    },

    /** Deletes search history entries not used for the retention period, in every municipality (periodic task). */
    async purgeSearchHistory(now = clock.now()) {
      const cutoff = new Date(now.getTime() - deps.historyDays * 86_400_000);
      let purged = 0;
      for (const m of await municipalitiesWithSearchesBefore(db.owner, cutoff)) purged += await withTenant(db, m, (trx) => purgeSearchesBefore(trx, cutoff));
      return { purged };
    },
  };
}
