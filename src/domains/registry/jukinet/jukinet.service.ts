// SPDX-License-Identifier: EUPL-1.2
/**
 * The 住基ネット side of the registry (spec §7.1.1.1, §7.1.2.1, §4.3): the outbox written in the 本登録 transaction,
 * the ordered sender (periodic task, or by hand in manual mode), resend, and 住民票コード drawn from the allotted stock
 * with a threshold alert. Merged into the registry service (registry.service.ts).
 */
import { sql } from 'kysely';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { Plan } from '../changes/change-planner.ts';
import type { MyNumberCipher } from '../numbers/my-number-cipher.ts';
import { isValidResidentCode } from '../numbers/my-number.ts';
import { alert, fail } from '../registry-errors.ts';
import type { PersonRecord } from '../registry-model.ts';
import { queueJlisRequest } from '../cards/card.service.ts';
import type { JukinetAdapter } from './jukinet-adapter.ts';
import { messageContent, messagesOf, type JukinetKind } from './jukinet-messages.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
/** What the planner writes for a new 住民票コード until the stock gives the real one (never stored). */
export const RESIDENT_CODE_FROM_STOCK = 'stock:';
const SENDER = 'jukinet-sender';
const DEFAULT_THRESHOLD = 100;

/** Creates the 住基ネット use cases. */
export function createJukinetUseCases(deps: { db: Database; accessLog: AccessLogRepository; cipher: MyNumberCipher }) {
  const { db, accessLog, cipher } = deps;

  const linkOf = async (trx: TenantTx, lock = false) => {
    const q = trx.selectFrom('registry.jukinetLink').select(['mode', 'stockAlertThreshold']).where('municipalityCode', '=', TENANT);
    const r = await (lock ? q.forUpdate() : q).executeTakeFirst();
    return { mode: (r?.mode ?? 'auto') as 'auto' | 'manual', threshold: r?.stockAlertThreshold ?? DEFAULT_THRESHOLD, exists: !!r };
  };
  const ensureLink = (trx: TenantTx, m: string, by: string) => sql`INSERT INTO registry.jukinet_link (municipality_code, updated_by) VALUES (${m}, ${by}) ON CONFLICT DO NOTHING`.execute(trx);
  const freeCodes = async (trx: TenantTx) => Number((await trx.selectFrom('registry.residentCodeStock').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipalityCode', '=', TENANT).where('usedBy', 'is', null).executeTakeFirst())?.n ?? 0);

  async function statusIn(trx: TenantTx) {
    const link = await linkOf(trx);
    const counts = await trx.selectFrom('registry.jukinetMessage').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('municipalityCode', '=', TENANT).groupBy('status').execute();
    const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    const free = await freeCodes(trx);
    const firstFailure = await trx.selectFrom('registry.jukinetMessage').select(['lastError', 'attempts']).where('municipalityCode', '=', TENANT).where('status', '=', 'failed')
      .orderBy('feedSeq').orderBy('position').limit(1).executeTakeFirst();
    return { mode: link.mode, pending: n('pending'), failed: n('failed'), sent: n('sent'), lastError: firstFailure?.lastError ?? null,
      residentCodesFree: free, stockAlertThreshold: link.threshold, stockLow: free < link.threshold };
  }

  /** Sends the unsent messages of one municipality in order; stops at the first failure. */
  async function sendIn(m: string, adapter: JukinetAdapter, max: number) {
    return withTenant(db, m, async (trx) => {
      await ensureLink(trx, m, SENDER);
      await linkOf(trx, true); // one sender per municipality at a time: the order is kept
      const rows = await trx.selectFrom('registry.jukinetMessage as j')
        .innerJoin('registry.change as c', (jn) => jn.onRef('c.municipalityCode', '=', 'j.municipalityCode').onRef('c.changeId', '=', 'j.changeId'))
        .innerJoin('registry.personSnapshot as s', (jn) => jn.onRef('s.municipalityCode', '=', 'j.municipalityCode').onRef('s.personId', '=', 'j.personId').onRef('s.historyNo', '=', 'j.historyNo'))
        .select(['j.feedSeq', 'j.position', 'j.kind', 'j.personId', 'j.attempts', 'c.reasonCode', 'c.occurredOn', 's.record'])
        .where('j.municipalityCode', '=', TENANT).where('j.status', '<>', 'sent').orderBy('j.feedSeq').orderBy('j.position').limit(max).execute();
      let sent = 0;
      let failed: string | null = null;
      for (const r of rows) {
        const record = r.record as unknown as PersonRecord;
        let myNumber: string | undefined;
        if (r.kind === 'identity-update' && record.myNumberIndex) {
          const v = await trx.selectFrom('registry.myNumberVault').select(['keyId', 'ciphertext']).where('municipalityCode', '=', TENANT).where('myNumberIndex', '=', record.myNumberIndex).executeTakeFirst();
          if (v) myNumber = cipher.open(v, record.myNumberIndex);
        }
        const key = (q: ReturnType<typeof trx.updateTable<'registry.jukinetMessage'>>) => q.where('municipalityCode', '=', TENANT).where('feedSeq', '=', r.feedSeq).where('position', '=', r.position);
        try {
          const res = await adapter.send({ municipalityCode: m, feedSeq: String(r.feedSeq), position: r.position, kind: r.kind,
            content: messageContent(r.kind as JukinetKind, m, r, record, myNumber) });
          await key(trx.updateTable('registry.jukinetMessage').set({ status: 'sent', attempts: r.attempts + 1, reference: res.reference, lastError: null, sentAt: sql`now()` })).execute();
          await accessLog.append(trx, m, { actorType: 'system', actorId: SENDER, action: 'registry.jukinet.send', subjectType: 'person', subjectId: r.personId,
            purpose: '住基ネットへの通知', myNumberAccessed: myNumber !== undefined });
          sent++;
        } catch (e) {
          // The adapter's message names the failure (a path, a CS status); never personal data.
          failed = (e as Error).message.slice(0, 500);
          await key(trx.updateTable('registry.jukinetMessage').set({ status: 'failed', attempts: r.attempts + 1, lastError: failed })).execute();
          break;
        }
      }
      return { sent, failed, remaining: (await statusIn(trx)).pending };
    });
  }

  return {
    /**
     * Writes the messages of these committed changes (with feed numbers) into the outbox, in the caller's 本登録
     * transaction.
     */
    async recordJukinetMessages(trx: TenantTx, m: string, changeIds: string[]) {
      if (changeIds.length === 0) return;
      const changes = await trx.selectFrom('registry.change').select(['changeId', 'kind', 'reasonCode', 'feedSeq']).where('municipalityCode', '=', TENANT)
        .where('changeId', 'in', changeIds).where('feedSeq', 'is not', null).orderBy('feedSeq').execute();
      const snaps = await trx.selectFrom('registry.personSnapshot').select(['changeId', 'personId', 'historyNo', 'record']).where('municipalityCode', '=', TENANT)
        .where('changeId', 'in', changeIds).orderBy('householdId').orderBy('memberOrder').orderBy('personId').execute();
      const rows = changes.flatMap((c) => messagesOf(c, snaps.filter((s) => s.changeId === c.changeId).map((s) => ({ ...s, record: s.record as unknown as PersonRecord })))
        .map((msg, i) => ({ municipalityCode: m, feedSeq: c.feedSeq!, position: i + 1, kind: msg.kind, changeId: c.changeId, personId: msg.personId, historyNo: msg.historyNo })));
      for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('registry.jukinetMessage').values(rows.slice(i, i + 1000)).execute();
      // 符号取得 (spec §7.1.2.2): a new resident with a 個人番号, or a person given a (new) 個人番号, gets a 符号 for the
      // 情報提供ネットワークシステム (sent after the 本人確認情報, see card.service.ts).
      const numbered = new Set(changes.filter((c) => c.kind === 'my-number-change').map((c) => c.changeId));
      for (const s of snaps) {
        const r = s.record as unknown as PersonRecord;
        if ((s.historyNo === 1 || numbered.has(s.changeId)) && r.myNumberIndex && r.residentCode && !r.removedOn) await queueJlisRequest(trx, m, 'token-request', s.personId, r, SENDER);
      }
    },

    /**
     * Replaces the planner's placeholders with 住民票コード drawn from the allotted stock (lowest first; a code drawn
     * by a concurrent change is skipped, not waited for) and adds the low-stock alert.
     * @throws RegistryRuleError 'resident-code-stock-empty' when the stock cannot cover the change
     */
    async drawResidentCodes(trx: TenantTx, m: string, plan: Plan) {
      const wanting = [...new Set(plan.snapshots.filter((s) => s.record.residentCode?.startsWith(RESIDENT_CODE_FROM_STOCK)).map((s) => s.personId))];
      if (wanting.length === 0) return;
      const drawn = (await sql<{ code: string; person: string }>`
        WITH pick AS (
          SELECT resident_code, row_number() OVER (ORDER BY resident_code) AS i FROM (
            SELECT resident_code FROM registry.resident_code_stock WHERE municipality_code = ${m} AND used_by IS NULL
            ORDER BY resident_code LIMIT ${wanting.length} FOR UPDATE SKIP LOCKED) x),
        who AS (SELECT person, i FROM unnest(${`{${wanting.join(',')}}`}::uuid[]) WITH ORDINALITY AS w(person, i))
        UPDATE registry.resident_code_stock s SET used_by = who.person, used_at = now()
        FROM pick JOIN who ON who.i = pick.i
        WHERE s.municipality_code = ${m} AND s.resident_code = pick.resident_code
        RETURNING s.resident_code AS code, who.person::text AS person`.execute(trx)).rows;
      if (drawn.length < wanting.length) fail('resident-code-stock-empty');
      const codeOf = new Map(drawn.map((d) => [d.person, d.code]));
      for (const s of plan.snapshots) if (s.record.residentCode?.startsWith(RESIDENT_CODE_FROM_STOCK)) s.record.residentCode = codeOf.get(s.personId)!;
      const link = await linkOf(trx);
      if ((await freeCodes(trx)) < link.threshold) plan.alerts.push(alert('resident-code-stock-low'));
    },

    /** Adds allotted 住民票コード to the stock (check digit verified; codes already there are skipped). */
    async loadResidentCodes(m: string, codes: string[], allottedOn: string, by: string) {
      const bad = codes.filter((c) => !isValidResidentCode(c));
      if (bad.length > 0) return { added: 0, invalid: bad.length };
      return withTenant(db, m, async (trx) => {
        let added = 0;
        for (let i = 0; i < codes.length; i += 1000) {
          const r = await trx.insertInto('registry.residentCodeStock').values(codes.slice(i, i + 1000).map((c) => ({ municipalityCode: m, residentCode: c, allottedOn })))
            .onConflict((oc) => oc.doNothing()).executeTakeFirst();
          added += Number(r.numInsertedOrUpdatedRows ?? 0);
        }
        await accessLog.append(trx, m, { actorType: 'operator', actorId: by, action: 'registry.resident-code.load', subjectType: 'resident-code-stock', subjectId: String(added), requestId: 'cli' });
        return { added, invalid: 0 };
      });
    },

    /** The outbox's counts, the mode and the stock. */
    jukinetStatus: (m: string) => withTenant(db, m, (trx) => statusIn(trx)),

    /** Manual mode (送信を止め、手動で送る) or automatic; the threshold of the stock alert. */
    setJukinetLink: (m: string, by: string, s: { mode?: 'auto' | 'manual'; stockAlertThreshold?: number }) => withTenant(db, m, async (trx) => {
      await ensureLink(trx, m, by);
      await trx.updateTable('registry.jukinetLink').set({ ...s, updatedBy: by, updatedAt: sql`now()` }).where('municipalityCode', '=', TENANT).execute();
      return statusIn(trx);
    }),

    /** Marks the messages from a feed number on as unsent again (再送): the sender delivers them again in order. */
    resendJukinet: (m: string, by: string, fromSeq: number) => withTenant(db, m, async (trx) => {
      const r = await trx.updateTable('registry.jukinetMessage').set({ status: 'pending', lastError: null }).where('municipalityCode', '=', TENANT)
        .where('feedSeq', '>=', String(fromSeq)).executeTakeFirst();
      await accessLog.append(trx, m, { actorType: 'operator', actorId: by, action: 'registry.jukinet.resend', subjectType: 'jukinet-outbox', subjectId: String(fromSeq), requestId: 'cli' });
      return { marked: Number(r.numUpdatedRows) };
    }),

    /** Sends one municipality's outbox now (manual mode, or an operator's retry). */
    sendJukinet: (m: string, adapter: JukinetAdapter, max = 1000) => sendIn(m, adapter, max),

    /** The periodic task: every municipality in automatic mode with unsent messages. */
    async sendJukinetAll(adapter: JukinetAdapter, max = 1000) {
      const due = (await sql<{ m: string }>`SELECT DISTINCT j.municipality_code AS m FROM registry.jukinet_message j
        LEFT JOIN registry.jukinet_link l ON l.municipality_code = j.municipality_code
        WHERE j.status = 'pending' AND coalesce(l.mode, 'auto') = 'auto' ORDER BY 1`.execute(db.owner)).rows.map((r) => r.m.trim());
      const results: Record<string, { sent: number; failed: string | null }> = {};
      for (const m of due) results[m] = await sendIn(m, adapter, max);
      return results;
    },
  };
}
