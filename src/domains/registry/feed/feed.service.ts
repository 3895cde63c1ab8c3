// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases of the change feed (宛名連携, spec §7.2.3; Digital Agency 機能別連携: PULL by the consuming system):
 * the consumer registry (連携先: add, list, revoke; `registry:feed-admin` or an operator on the command line), the
 * full extract of current records and the delta of committed (本登録) changes after a cursor. Consumers
 * authenticate with their bearer token; every record they receive is access-logged against the person with the
 * consumer's name and purpose. Merged into the registry service (registry.service.ts).
 */
import crypto from 'node:crypto';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { isValidMunicipalityCode } from '../../../platform/tenancy/municipality-code.ts';
import type { MyNumberCipher } from '../numbers/my-number-cipher.ts';
import { fail } from '../registry-errors.ts';
import type { PersonRecord } from '../registry-model.ts';
import { personsUnderSupportMeasure } from '../support-measures/support-measure.repository.ts';
import { checkSuppressions } from '../suppressions/suppression.service.ts';
import { isLocalHonseki } from '../fuhyo/local-honseki.ts';
import { FEED_CONSUMER_KINDS, feedItems, parseScopes, type ConsumerScope, type FeedConsumerKind } from './feed-items.ts';
import { createFeedRepository, type FeedConsumerRow } from './feed.repository.ts';

interface Ctx { clientIp: string; requestId: string }
/** A consumer to register: its name, kind (default 'standard'), purpose and scopes. */
export interface ConsumerInput { name: string; kind?: FeedConsumerKind; purpose: string; scopes: string[] }
/** Who manages consumers: a staff member (API, console) or an operator (command line). */
export interface FeedAdmin { type: 'staff' | 'operator'; id: string }

export const EXTRACT_PAGE_MAX = 1000;
export const CHANGES_PAGE_MAX = 1000;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const TOKEN = /^jfc_(\d{6})_([A-Za-z0-9_-]{43})$/;

/** A consumer as the API and the CLI show it. */
export const presentConsumer = (c: FeedConsumerRow) => ({
  consumerId: c.consumerId, name: c.name, kind: c.kind as FeedConsumerKind, purpose: c.purpose, scopes: c.scopes, createdBy: c.createdBy, createdAt: new Date(c.createdAt).toISOString(),
  revokedBy: c.revokedBy, revokedAt: c.revokedAt ? new Date(c.revokedAt).toISOString() : null,
});

/** Creates the feed use cases. */
export function createFeedUseCases(deps: { db: Database; accessLog: AccessLogRepository; cipher: MyNumberCipher; today: () => string }) {
  const { db, accessLog, cipher, today } = deps;
  const repo = createFeedRepository();

  const logAdmin = (trx: TenantTx, m: string, by: FeedAdmin, action: string, consumerId: string, ctx: Ctx) =>
    accessLog.append(trx, m, { actorType: by.type, actorId: by.id, action, subjectType: 'feed-consumer', subjectId: consumerId, ...ctx });

  async function add(m: string, by: FeedAdmin, input: ConsumerInput, ctx: Ctx) {
    const kind = input.kind ?? 'standard';
    if (!(FEED_CONSUMER_KINDS as readonly string[]).includes(kind)) fail('feed-consumer-invalid');
    let scopes: ConsumerScope[];
    try { scopes = parseScopes(input.scopes, kind); } catch (e) { fail((e as Error).message === 'my-number-scope' ? 'feed-my-number-scope-forbidden' : 'feed-consumer-invalid'); }
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(input.name) || !input.purpose.trim() || input.purpose.length > 500) fail('feed-consumer-invalid');
    const secret = crypto.randomBytes(32).toString('base64url');
    const token = `jfc_${m}_${secret}`;
    return withTenant(db, m, async (trx) => {
      const consumerId = crypto.randomUUID();
      const inserted = await repo.insertConsumer(trx, m, { consumerId, name: input.name, kind, purpose: input.purpose.trim(), scopes, tokenHash: sha256(token), createdBy: by.id });
      if (!inserted) fail('feed-consumer-name-taken');
      await logAdmin(trx, m, by, 'registry.feed.consumer-add', consumerId, ctx);
      return { consumer: presentConsumer((await repo.consumerByName(trx, input.name))!), token };
    });
  }

  async function revoke(m: string, by: FeedAdmin, consumerId: string, ctx: Ctx) {
    return withTenant(db, m, async (trx) => {
      const c = (await repo.consumers(trx)).find((x) => x.consumerId === consumerId);
      if (!c) fail('feed-consumer-not-found');
      if (c.revokedAt) fail('feed-consumer-revoked');
      await repo.revokeConsumer(trx, consumerId, by.id);
      await logAdmin(trx, m, by, 'registry.feed.consumer-revoke', consumerId, ctx);
      return presentConsumer((await repo.consumerByName(trx, c.name))!);
    });
  }

  /** Runs `fn` in the token's municipality with the consumer it names; refuses unknown and revoked tokens. */
  async function asConsumer<T>(token: string | undefined, fn: (trx: TenantTx, m: string, c: FeedConsumerRow) => Promise<T>): Promise<T> {
    const match = TOKEN.exec(token ?? '');
    if (!match || !isValidMunicipalityCode(match[1]!)) fail('feed-consumer-unauthenticated');
    const m = match[1]!;
    return withTenant(db, m, async (trx) => {
      const c = await repo.consumerByTokenHash(trx, sha256(token!));
      if (!c) fail('feed-consumer-unauthenticated');
      return fn(trx, m, c);
    });
  }

  /** The 戸籍附票 system reads only persons whose 本籍 is here (spec §7.2.4); every other consumer all of them. */
  const forConsumer = <T extends { record: PersonRecord }>(c: FeedConsumerRow, m: string, rows: T[]) =>
    c.kind === '戸籍附票' ? rows.filter((r) => isLocalHonseki(r.record.honseki, m)) : rows;

  /** Records as standard items for a consumer, with the access-log entries (one per person). */
  async function deliver(trx: TenantTx, m: string, c: FeedConsumerRow, action: string, rows: Array<{ personId: string; record: PersonRecord }>, ctx: Ctx) {
    const scopes = c.scopes as ConsumerScope[];
    const day = today();
    const protectedIds = await personsUnderSupportMeasure(trx, [...new Set(rows.map((r) => r.personId))], day);
    const subjects = [...new Map(rows.map((r) => [r.personId, { personId: r.personId, householdId: r.record.householdId }])).values()];
    // Not local: a temporary lifting is never propagated to other systems (spec §3.1).
    const [certificate, feed] = await Promise.all([checkSuppressions(trx, subjects, 'certificate', new Date(), day, false), checkSuppressions(trx, subjects, 'feed', new Date(), day, false)]);
    const levelOf = (r: { errors: string[]; alerts: string[] }, id: string) => (r.errors.includes(id) ? 'error' as const : r.alerts.includes(id) ? 'alert' as const : null);
    const myNumbers = new Map<string, string>();
    if (scopes.includes('my-number')) {
      const indexes = [...new Set(rows.map((r) => r.record.myNumberIndex).filter((x): x is string => !!x))];
      for (const v of await repo.vaultMany(trx, indexes)) myNumbers.set(v.myNumberIndex, cipher.open({ keyId: v.keyId, ciphertext: v.ciphertext }, v.myNumberIndex));
    }
    const out = rows.map((r) => feedItems(r.record, { scopes, today: day, protectedPerson: protectedIds.has(r.personId),
      suppression: { certificate: levelOf(certificate, r.personId), feed: levelOf(feed, r.personId) },
      myNumber: r.record.myNumberIndex ? myNumbers.get(r.record.myNumberIndex) : undefined }));
    // 宛名番号 ↔ 個人番号 to the 団体内統合宛名システム is 特定個人情報 (番号法): each record given with its number is marked so.
    const specific = (r: { record: PersonRecord }) => myNumbers.size > 0 && !!r.record.myNumberIndex;
    await accessLog.appendMany(trx, m, rows.map((r) => ({ actorType: 'system' as const, actorId: `feed-consumer:${c.name}`, action, subjectType: 'person',
      subjectId: r.personId, purpose: specific(r) ? `特定個人情報（番号法）：${c.purpose}` : c.purpose, myNumberAccessed: specific(r),
      ...(specific(r) ? { disclosedItems: ['specific-personal-information'] } : {}), ...ctx })));
    return out;
  }

  function parseCursor(s: string | undefined, last: number): number {
    if (s === undefined || s === '') return 0;
    if (!/^\d{1,15}$/.test(s) || Number(s) > last) fail('feed-cursor-invalid');
    return Number(s);
  }

  return {
    async addFeedConsumer(actor: Actor, input: ConsumerInput, ctx: Ctx) {
      assertAllowed(actor, 'registry:feed-admin');
      return add(actor.municipalityCode, { type: 'staff', id: actor.staffId }, input, ctx);
    },
    async listFeedConsumers(actor: Actor) {
      assertAllowed(actor, 'registry:feed-admin');
      return withTenant(db, actor.municipalityCode, async (trx) => (await repo.consumers(trx)).map(presentConsumer));
    },
    async revokeFeedConsumer(actor: Actor, consumerId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:feed-admin');
      return revoke(actor.municipalityCode, { type: 'staff', id: actor.staffId }, consumerId, ctx);
    },

    /** Runs `fn` as the consumer the token names (the eligibility and 附票 APIs). */
    asFeedConsumer: asConsumer,

    /** The command line's consumer registry (an operator; access-logged with the operator's name). */
    feedConsumersAsOperator: {
      add: (m: string, operator: string, input: ConsumerInput) => add(m, { type: 'operator', id: operator }, input, { clientIp: '', requestId: 'cli' }),
      list: (m: string) => withTenant(db, m, async (trx) => (await repo.consumers(trx)).map(presentConsumer)),
      revoke: async (m: string, operator: string, name: string) => {
        const c = await withTenant(db, m, (trx) => repo.consumerByName(trx, name));
        if (!c) fail('feed-consumer-not-found');
        return revoke(m, { type: 'operator', id: operator }, c.consumerId, { clientIp: '', requestId: 'cli' });
      },
    },

    /**
     * A page of the full extract: current records (本登録) in 宛名番号 order after `after`. `cursor` is the feed
     * position the data is at least as new as: keep the first page's and follow the delta from it once done
     * (a record changed during the extract comes again in the delta with a higher 履歴番号).
     */
    async feedExtract(token: string | undefined, q: { after?: string; limit?: number }, ctx: Ctx) {
      return asConsumer(token, async (trx, m, c) => {
        const cursor = await repo.lastSeq(trx);
        const limit = Math.min(Math.max(q.limit ?? 500, 1), EXTRACT_PAGE_MAX);
        const all = await repo.currentPage(trx, q.after ?? '', limit);
        const page = forConsumer(c, m, all);
        const items = await deliver(trx, m, c, 'registry.feed.extract', page, ctx);
        return {
          cursor: String(cursor), next: all.length === limit ? all.at(-1)!.atenaNo : null,
          records: page.map((p, i) => ({ historyNo: p.historyNo, items: items[i]! })),
        };
      });
    },

    /**
     * The committed changes after `cursor` (exclusive), oldest first, each with the records it wrote (one per person,
     * full state at that 履歴番号). The answer's `cursor` is where to continue; `hasMore` says whether to ask at once.
     */
    async feedChanges(token: string | undefined, q: { cursor?: string; limit?: number }, ctx: Ctx) {
      return asConsumer(token, async (trx, m, c) => {
        const after = parseCursor(q.cursor, await repo.lastSeq(trx));
        const limit = Math.min(Math.max(q.limit ?? 200, 1), CHANGES_PAGE_MAX);
        const changes = await repo.changesAfter(trx, after, limit);
        const snaps = forConsumer(c, m, await repo.snapshotsOf(trx, changes.map((x) => x.changeId)));
        const items = await deliver(trx, m, c, 'registry.feed.changes', snaps, ctx);
        const byChange = new Map<string, Array<{ historyNo: number; items: Record<string, string> }>>();
        snaps.forEach((s, i) => { const l = byChange.get(s.changeId) ?? []; l.push({ historyNo: s.historyNo, items: items[i]! }); byChange.set(s.changeId, l); });
        return {
          cursor: changes.length > 0 ? String(changes.at(-1)!.feedSeq) : String(after), hasMore: changes.length === limit,
          changes: changes.map((x) => ({
            seq: String(x.feedSeq), reasonCode: x.reasonCode, kind: x.kind, occurredOn: x.occurredOn,
            committedAt: x.decidedAt ? new Date(x.decidedAt).toISOString() : null, records: byChange.get(x.changeId) ?? [],
          })),
        };
      });
    },
  };
}
