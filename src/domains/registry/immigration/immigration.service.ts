// SPDX-License-Identifier: EUPL-1.2
/**
 * The registry's link with the 出入国在留管理庁 (R3, R18; spec §4.5.6–4.5.7). Outbound: the 市町村通知 written into an
 * outbox in the 本登録 transaction, sent in order by an adapter (periodic task or by hand), stopping at the first
 * failure, resendable. Inbound: the 法務大臣's notices (住基法30条の50) taken in from the inbox, matched to a resident
 * by 在留カード等番号, listed for the clerk (未処理の入管通知一覧, each listed person access-logged) and applied as the
 * 職権 change they call for — a 仮登録 linked to the notice, finalised (本登録) by an approver as any other change.
 * Applying a notice whose change is pending or final does nothing more.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { Plan } from '../changes/change-planner.ts';
import { fail } from '../registry-errors.ts';
import type { PersonRecord } from '../registry-model.ts';
import type { ChangeInput } from '../registry.schema.ts';
import type { ImmigrationAdapter, ImmigrationInbox } from './immigration-adapter.ts';
import { immigrationNoticeContent, immigrationNoticesOf, type NoticeClass } from './immigration-messages.ts';
import { changeInputFor, matchNotice, NOTICE_EVENT_LABELS, ReceivedNotice, type NoticeEvent, type UnmatchedReason } from './immigration-notices.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
const SENDER = 'immigration-sender';
const RECEIVER = 'immigration-inbox';
type Ctx = { clientIp: string; requestId: string };

/** Where a notice stands: not matched, waiting for 処理, its change waiting for 本登録, or done. */
export type NoticeStatus = 'unmatched' | 'pending' | 'in-progress' | 'done';

export function createImmigrationUseCases(deps: {
  db: Database; accessLog: AccessLogRepository; today: () => string;
  plan: (trx: TenantTx, m: string, input: ChangeInput, today: string) => Promise<Plan>;
  suppress: (trx: TenantTx, plan: Plan, today: string) => Promise<void>;
  write: (trx: TenantTx, m: string, plan: Plan, input: ChangeInput, actor: { staffId: string }, today: string) => Promise<string>;
  inbox?: ImmigrationInbox;
}) {
  const { db, accessLog } = deps;

  async function statusIn(trx: TenantTx) {
    const counts = await trx.selectFrom('registry.immigrationMessage').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('municipalityCode', '=', TENANT).groupBy('status').execute();
    const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    const firstFailure = await trx.selectFrom('registry.immigrationMessage').select(['lastError']).where('municipalityCode', '=', TENANT).where('status', '=', 'failed')
      .orderBy('feedSeq').orderBy('position').limit(1).executeTakeFirst();
    return { pending: n('pending'), failed: n('failed'), sent: n('sent'), lastError: firstFailure?.lastError ?? null };
  }

  /** Sends the unsent notices of one municipality in order; stops at the first failure. */
  async function sendIn(m: string, adapter: ImmigrationAdapter, max: number) {
    return withTenant(db, m, async (trx) => {
      // One sender per municipality at a time (the order is kept).
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`immigration-send:${m}`}, 0))`.execute(trx);
      const rows = await trx.selectFrom('registry.immigrationMessage as j')
        .innerJoin('registry.change as c', (jn) => jn.onRef('c.municipalityCode', '=', 'j.municipalityCode').onRef('c.changeId', '=', 'j.changeId'))
        .innerJoin('registry.personSnapshot as s', (jn) => jn.onRef('s.municipalityCode', '=', 'j.municipalityCode').onRef('s.personId', '=', 'j.personId').onRef('s.historyNo', '=', 'j.historyNo'))
        .select(['j.feedSeq', 'j.position', 'j.noticeClass', 'j.personId', 'j.attempts', 'c.reasonCode', 'c.occurredOn', 's.record'])
        .where('j.municipalityCode', '=', TENANT).where('j.status', '<>', 'sent').orderBy('j.feedSeq').orderBy('j.position').limit(max).execute();
      let sent = 0;
      let failed: string | null = null;
      for (const r of rows) {
        const key = (q: ReturnType<typeof trx.updateTable<'registry.immigrationMessage'>>) => q.where('municipalityCode', '=', TENANT).where('feedSeq', '=', r.feedSeq).where('position', '=', r.position);
        try {
          const res = await adapter.send({ municipalityCode: m, feedSeq: String(r.feedSeq), position: r.position, kind: 'municipal-notice',
            content: immigrationNoticeContent(r.noticeClass as NoticeClass, m, r, r.record as unknown as PersonRecord) });
          await key(trx.updateTable('registry.immigrationMessage').set({ status: 'sent', attempts: r.attempts + 1, reference: res.reference, lastError: null, sentAt: sql`now()` })).execute();
          await accessLog.append(trx, m, { actorType: 'system', actorId: SENDER, action: 'registry.immigration.send', subjectType: 'person', subjectId: r.personId, purpose: '法務大臣への通知（入管法61条の8の2）' });
          sent++;
        } catch (e) {
          failed = (e as Error).message.slice(0, 500);
          await key(trx.updateTable('registry.immigrationMessage').set({ status: 'failed', attempts: r.attempts + 1, lastError: failed })).execute();
          break;
        }
      }
      return { sent, failed, remaining: (await statusIn(trx)).pending };
    });
  }

  /** Matches a notice's 在留カード等番号 among the current records. */
  async function matchIn(trx: TenantTx, card: string): Promise<{ personId: string } | { reason: UnmatchedReason }> {
    const today = deps.today();
    const all = await trx.selectFrom('registry.personCurrent').select(['personId', 'removedOn', 'residentKind']).where('municipalityCode', '=', TENANT)
      .where('residenceCardNo', '=', card).execute();
    return matchNotice(all.map((p) => ({ personId: p.personId, removed: !!p.removedOn && p.removedOn <= today, foreign: p.residentKind === 'foreign' })));
  }

  /** The notices with their status, newest event first among the open ones. */
  async function noticesIn(trx: TenantTx, which: 'open' | 'all') {
    const rows = await trx.selectFrom('registry.immigrationNotice as n')
      .leftJoin('registry.change as c', (j) => j.onRef('c.municipalityCode', '=', 'n.municipalityCode').onRef('c.changeId', '=', 'n.changeId'))
      .leftJoin('registry.personCurrent as p', (j) => j.onRef('p.municipalityCode', '=', 'n.municipalityCode').onRef('p.personId', '=', 'n.personId'))
      .select(['n.noticeId', 'n.noticeNo', 'n.event', 'n.noticedOn', 'n.occurredOn', 'n.content', 'n.residenceCardNo', 'n.personId', 'n.unmatchedReason', 'n.changeId',
        'n.receivedAt', 'c.status as changeStatus', 'c.receiptNo', 'p.record'])
      .where('n.municipalityCode', '=', TENANT).orderBy('n.noticedOn').orderBy('n.noticeNo').execute();
    const items = rows.map((r) => {
      const status: NoticeStatus = !r.personId ? 'unmatched' : !r.changeId || r.changeStatus === 'withdrawn' ? 'pending'
        : r.changeStatus === 'final' ? 'done' : 'in-progress';
      const rec = r.record as unknown as PersonRecord | null;
      const notice = ReceivedNotice.safeParse(r.content);
      return {
        noticeId: r.noticeId, noticeNo: r.noticeNo, event: r.event as NoticeEvent, eventLabel: NOTICE_EVENT_LABELS[r.event as NoticeEvent], noticedOn: r.noticedOn, occurredOn: r.occurredOn,
        residenceCardNo: r.residenceCardNo ?? '', status, unmatchedReason: (r.unmatchedReason as UnmatchedReason | null) ?? null,
        changeId: status === 'pending' ? null : r.changeId, personId: r.personId,
        person: rec ? { atenaNo: rec.atenaNo, romanName: rec.romanName ?? '', name: `${rec.familyName}　${rec.givenName}`.trim(), birthDate: rec.birthDate.sortKey,
          residenceStatus: rec.foreign?.residenceStatus ?? '', residencePeriod: rec.foreign?.residencePeriod ?? '', residenceExpiry: rec.foreign?.residenceExpiry ?? '' } : null,
        noticeItems: notice.success ? notice.data.items : {}, noticePerson: notice.success ? notice.data.person : null,
      };
    });
    return which === 'all' ? items : items.filter((i) => i.status !== 'done');
  }

  async function receiveIn(m: string, inbox: ImmigrationInbox | undefined) {
    const files = inbox ? await inbox.list(m) : [];
    return withTenant(db, m, async (trx) => {
      let added = 0;
      const rejected: Array<{ file: string; reason: string }> = [];
      for (const f of files) {
        if ('unreadable' in f) { rejected.push({ file: f.name, reason: 'JSONとして読めません' }); continue; }
        const parsed = ReceivedNotice.safeParse(f.body);
        if (!parsed.success) { rejected.push({ file: f.name, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 300) }); continue; }
        const n = parsed.data;
        const noticeNo = n.noticeNo ?? f.name.replace(/\.json$/, '');
        const match = await matchIn(trx, n.person.residenceCardNo);
        const r = await trx.insertInto('registry.immigrationNotice').values({
          municipalityCode: m, noticeId: crypto.randomUUID(), noticeNo, event: n.event, noticedOn: n.noticedOn, occurredOn: n.occurredOn, content: JSON.stringify(n),
          residenceCardNo: n.person.residenceCardNo, personId: 'personId' in match ? match.personId : null, unmatchedReason: 'reason' in match ? match.reason : null,
        }).onConflict((oc) => oc.columns(['municipalityCode', 'noticeNo']).doNothing()).executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) {
          added++;
          if ('personId' in match) await accessLog.append(trx, m, { actorType: 'system', actorId: RECEIVER, action: 'registry.immigration-notice.receive', subjectType: 'person', subjectId: match.personId, purpose: '法務大臣からの通知（住基法30条の50）' });
        }
      }
      let rematched = 0;
      const open = await trx.selectFrom('registry.immigrationNotice').select(['noticeId', 'residenceCardNo']).where('municipalityCode', '=', TENANT).where('personId', 'is', null).execute();
      for (const o of open) {
        const match = await matchIn(trx, o.residenceCardNo ?? '');
        const set = 'personId' in match ? { personId: match.personId, unmatchedReason: null } : { unmatchedReason: match.reason };
        await trx.updateTable('registry.immigrationNotice').set(set).where('municipalityCode', '=', TENANT).where('noticeId', '=', o.noticeId).execute();
        if ('personId' in match) rematched++;
      }
      return { files: files.length, added, rematched, rejected };
    });
  }

  return {
    /** Writes the 市町村通知 of these committed changes (with feed numbers) into the outbox, in the caller's 本登録 transaction. */
    async recordImmigrationMessages(trx: TenantTx, m: string, changeIds: string[]) {
      if (changeIds.length === 0) return;
      const changes = await trx.selectFrom('registry.change').select(['changeId', 'kind', 'reasonCode', 'feedSeq']).where('municipalityCode', '=', TENANT)
        .where('changeId', 'in', changeIds).where('feedSeq', 'is not', null).orderBy('feedSeq').execute();
      const snaps = await trx.selectFrom('registry.personSnapshot').select(['changeId', 'personId', 'historyNo', 'record']).where('municipalityCode', '=', TENANT)
        .where('changeId', 'in', changeIds).where(sql<boolean>`record->>'residentKind' = 'foreign'`).orderBy('householdId').orderBy('memberOrder').orderBy('personId').execute();
      if (snaps.length === 0) return;
      const rows = changes.flatMap((c) => immigrationNoticesOf(c, snaps.filter((s) => s.changeId === c.changeId).map((s) => ({ ...s, record: s.record as unknown as PersonRecord })))
        .map((msg, i) => ({ municipalityCode: m, feedSeq: c.feedSeq!, position: i + 1, noticeClass: msg.noticeClass, changeId: c.changeId, personId: msg.personId, historyNo: msg.historyNo })));
      for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('registry.immigrationMessage').values(rows.slice(i, i + 1000)).execute();
    },

    /** The 入管 outbox's counts. */
    immigrationStatus: (m: string) => withTenant(db, m, (trx) => statusIn(trx)),

    /** Marks the notices from a feed number on as unsent again (再送): the sender delivers them again in order. */
    resendImmigration: (m: string, by: string, fromSeq: number) => withTenant(db, m, async (trx) => {
      const r = await trx.updateTable('registry.immigrationMessage').set({ status: 'pending', lastError: null }).where('municipalityCode', '=', TENANT)
        .where('feedSeq', '>=', String(fromSeq)).executeTakeFirst();
      await accessLog.append(trx, m, { actorType: 'operator', actorId: by, action: 'registry.immigration.resend', subjectType: 'immigration-outbox', subjectId: String(fromSeq), requestId: 'cli' });
      return { marked: Number(r.numUpdatedRows) };
    }),

    /** Sends one municipality's outbox now. */
    sendImmigration: (m: string, adapter: ImmigrationAdapter, max = 1000) => sendIn(m, adapter, max),

    /** The periodic task: every municipality with unsent notices. */
    async sendImmigrationAll(adapter: ImmigrationAdapter, max = 1000) {
      const due = (await sql<{ m: string }>`SELECT DISTINCT municipality_code AS m FROM registry.immigration_message WHERE status = 'pending' ORDER BY 1`.execute(db.owner)).rows.map((r) => r.m.trim());
      const results: Record<string, { sent: number; failed: string | null }> = {};
      for (const m of due) results[m] = await sendIn(m, adapter, max);
      return results;
    },

    /**
     * Takes in the notices the link delivered (each once, by its number), matches each to a resident, and matches
     * again the notices not matched before (the person may have been entered since). Files that are not a valid
     * notice are reported, not taken in.
     */
    receiveImmigrationNotices: (m: string, inbox: ImmigrationInbox | undefined = deps.inbox) => receiveIn(m, inbox),

    /** The periodic task: takes in the notices of every municipality. */
    async receiveImmigrationNoticesAll() {
      if (!deps.inbox) return {};
      const tenants = (await sql<{ m: string }>`SELECT municipality_code AS m FROM platform.tenant ORDER BY 1`.execute(db.owner)).rows.map((r) => r.m.trim());
      const out: Record<string, { added: number }> = {};
      for (const m of tenants) {
        const r = await receiveIn(m, deps.inbox);
        if (r.files > 0) out[m] = { added: r.added };
      }
      return out;
    },

    /**
     * 未処理の入管通知一覧: the notices not yet done (or all), each with the person it matched (or why none), the
     * person's current 在留資格等 and the notice's new items. One access-log entry per listed person.
     */
    async listImmigrationNotices(actor: Actor, q: { which?: 'open' | 'all' }, ctx: Ctx) {
      assertAllowed(actor, 'registry:immigration-notice');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const items = await noticesIn(trx, q.which ?? 'open');
        const persons = [...new Set(items.map((i) => i.personId).filter((p): p is string => !!p))];
        await accessLog.appendMany(trx, actor.municipalityCode, persons.map((p) => ({ actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.immigration-notice.read',
          subjectType: 'person', subjectId: p, ...ctx, purpose: '入管通知の処理', disclosedItems: ['residence-status'] })));
        return { items };
      });
    },

    /**
     * 処理: records the 職権 change the notice calls for as 仮登録, linked to the notice. A notice whose change is
     * pending or final is not applied again (the same change is answered, `alreadyApplied`).
     * @throws RegistryRuleError 'immigration-notice-not-found', 'immigration-notice-unmatched', and every refusal of the change rules
     */
    async applyImmigrationNotice(actor: Actor, noticeId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:immigration-notice');
      assertAllowed(actor, 'registry:change');
      const m = actor.municipalityCode;
      return withTenant(db, m, async (trx) => {
        const n = await trx.selectFrom('registry.immigrationNotice').selectAll().where('municipalityCode', '=', TENANT).where('noticeId', '=', noticeId).forUpdate().executeTakeFirst();
        if (!n) fail('immigration-notice-not-found');
        if (!n.personId) fail('immigration-notice-unmatched', { reason: n.unmatchedReason });
        if (n.changeId) {
          const c = await trx.selectFrom('registry.change').select(['status']).where('municipalityCode', '=', TENANT).where('changeId', '=', n.changeId).executeTakeFirstOrThrow();
          if (c.status !== 'withdrawn') return { noticeId, changeId: n.changeId, status: c.status, alreadyApplied: true, alerts: [] };
        }
        const cur = await trx.selectFrom('registry.personCurrent').select(['record']).where('municipalityCode', '=', TENANT).where('personId', '=', n.personId).executeTakeFirstOrThrow();
        const record = cur.record as unknown as PersonRecord;
        const hh = await trx.selectFrom('registry.household').select(['householdId', 'version']).where('municipalityCode', '=', TENANT).where('householdId', '=', record.householdId).executeTakeFirstOrThrow();
        const notice = ReceivedNotice.parse(n.content);
        const input = changeInputFor({ noticeNo: n.noticeNo, event: n.event as NoticeEvent, occurredOn: n.occurredOn, items: notice.items }, n.personId, record, { [hh.householdId]: hh.version });
        const today = deps.today();
        const plan = await deps.plan(trx, m, input, today);
        await deps.suppress(trx, plan, today);
        const changeId = await deps.write(trx, m, plan, input, actor, today);
        await trx.updateTable('registry.immigrationNotice').set({ changeId, appliedBy: actor.staffId, appliedAt: sql`now()` })
          .where('municipalityCode', '=', TENANT).where('noticeId', '=', noticeId).execute();
        await accessLog.appendMany(trx, m, plan.snapshots.map((s) => ({ actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.change.record', subjectType: 'person', subjectId: s.personId, ...ctx,
          purpose: `入管通知 ${n.noticeNo}` })));
        return { noticeId, changeId, status: 'provisional', alreadyApplied: false, alerts: plan.alerts, reasonCode: plan.reason.code, reasonLabel: plan.reason.label };
      });
    },
  };
}
