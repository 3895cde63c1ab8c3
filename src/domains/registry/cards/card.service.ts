// SPDX-License-Identifier: EUPL-1.2
/**
 * マイナンバーカード and J-LIS requests of one person (spec §7.1.1.3, §7.1.1.4, §7.1.2.1, §7.1.2.2, §7.1.2.4):
 *
 * - requests to J-LIS through the 住基ネット CS that change nothing in the record — 個人番号の変更請求, 符号取得, 送付先情報 —
 *   go to their own outbox (`registry.jlis_request`), sent in order through the same adapter as the registry's
 *   messages (jukinet-adapter.ts), stopping at the first failure;
 * - the answers and notices J-LIS sends back (jlis-inbox.ts) are applied once each: the new 個人番号 of a 変更請求 is
 *   recorded as a C20 change (sealed in the vault like every 個人番号), a 符号 is sealed and never shown, card and
 *   JPKI certificate notices are appended to the person's history;
 * - staff enter the card's status, the 送付先 and certificate events too (`registry:card`); the history is kept.
 *
 * Every read and write is access-logged against the person. The JPKI serial numbers are shown only to
 * `registry:view-jpki-serial` (like the 住民票コード, field-visibility.ts).
 */
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed, can } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { parseCalendarDate } from '../../../platform/dates/jp-date.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { JukinetAdapter } from '../jukinet/jukinet-adapter.ts';
import type { MyNumberCipher } from '../numbers/my-number-cipher.ts';
import { isValidMyNumber } from '../numbers/my-number.ts';
import type { PersonRecord } from '../registry-model.ts';
import { ChangeInput } from '../registry.schema.ts';
import {
  CARD_STATUS_LABELS, CERT_KIND_LABELS, refuse, requestBase, type CardStatus, type CertKind, type JlisRequestKind,
} from './card-model.ts';
import type { JlisInbox, JlisInboxFile } from './jlis-inbox.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
const SYSTEM = 'jlis-link';
type Ctx = { clientIp: string; requestId: string };

export interface CardDeps {
  db: Database; accessLog: AccessLogRepository; cipher: MyNumberCipher; today: () => string;
  /** Records a change as 本登録 by the system (the registry service's recordFinalAsSystem). */
  recordFinal: (m: string, input: ChangeInput) => Promise<{ changeId: string }>;
}

const STATUS_OF_LABEL = Object.fromEntries(Object.entries(CARD_STATUS_LABELS).map(([k, v]) => [v, k])) as Record<string, CardStatus>;
const CERT_OF_LABEL: Record<string, CertKind> = { 署名用: 'signature', 利用者証明用: 'user-auth', 署名用電子証明書: 'signature', 利用者証明用電子証明書: 'user-auth' };
const date = (s: string | undefined | null) => {
  if (!s) return null;
  try { return parseCalendarDate(s); } catch { refuse('invalid-date'); }
};

/** Writes one request into the outbox, in the caller's transaction. */
export async function queueJlisRequest(trx: TenantTx, m: string, kind: JlisRequestKind, personId: string, r: PersonRecord, by: string, extra: Record<string, string> = {}) {
  const requestId = crypto.randomUUID();
  // The order of the outbox: numbered per municipality under a lock held to commit (a plain column, so a backup restores it).
  await sql`SELECT pg_advisory_xact_lock(hashtext('jlis-request-seq'), hashtext(${m}))`.execute(trx);
  const seq = String(Number((await trx.selectFrom('registry.jlisRequest').select((eb) => eb.fn.max('seq').as('n')).where('municipalityCode', '=', TENANT).executeTakeFirst())?.n ?? 0) + 1);
  await trx.insertInto('registry.jlisRequest').values({ municipalityCode: m, requestId, seq, kind, personId, requestedBy: by,
    content: JSON.stringify({ ...requestBase(kind, m, r), 請求番号: requestId, ...extra }) }).execute();
  return requestId;
}

/** Creates the card and J-LIS use cases. */
export function createCardUseCases(deps: CardDeps) {
  const { db, accessLog, cipher } = deps;
  const log = (trx: TenantTx, actor: Actor, action: string, personId: string, ctx: Ctx, extra: { disclosedItems?: string[] } = {}) =>
    accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action, subjectType: 'person', subjectId: personId, ...ctx, ...extra });
  const logSystem = (trx: TenantTx, m: string, action: string, personId: string, myNumberAccessed = false) =>
    accessLog.append(trx, m, { actorType: 'system', actorId: SYSTEM, action, subjectType: 'person', subjectId: personId, purpose: '住基ネット（J-LIS）との連携', myNumberAccessed });

  /** The person's current record, the person locked for this transaction (entries are numbered per person). */
  async function person(trx: TenantTx, personId: string, opts: { living?: boolean } = {}) {
    await sql`SELECT pg_advisory_xact_lock(hashtext('registry-card'), hashtext(${personId}))`.execute(trx);
    const cur = await trx.selectFrom('registry.personCurrent').select(['record', 'residentCode', 'myNumberIndex', 'removedOn'])
      .where('municipalityCode', '=', TENANT).where('personId', '=', personId).executeTakeFirst();
    if (!cur) refuse('person-not-found');
    if (opts.living && cur.removedOn) refuse('person-removed');
    return { ...cur, record: cur.record as unknown as PersonRecord };
  }
  const byResidentCode = async (trx: TenantTx, code: string) => (await trx.selectFrom('registry.personCurrent').select('personId')
    .where('municipalityCode', '=', TENANT).where('residentCode', '=', code).executeTakeFirst())?.personId;
  const nextEntry = async (trx: TenantTx, table: 'registry.cardStatus' | 'registry.cardDeliveryAddress' | 'registry.jpkiCertificate' | 'registry.personToken', personId: string) =>
    Number((await trx.selectFrom(table).select((eb) => eb.fn.max('entryNo').as('n')).where('municipalityCode', '=', TENANT).where('personId', '=', personId).executeTakeFirst())?.n ?? 0) + 1;
  const openRequest = (trx: TenantTx, personId: string, kind: JlisRequestKind) => trx.selectFrom('registry.jlisRequest').select('requestId')
    .where('municipalityCode', '=', TENANT).where('personId', '=', personId).where('kind', '=', kind).where('status', 'in', ['pending', 'sent', 'failed']).executeTakeFirst();

  async function appendCardStatus(trx: TenantTx, m: string, personId: string, e: { status: CardStatus; statusOn: string; issuedOn?: string | null; expiresOn?: string | null; note?: string }, source: 'cs-notice' | 'staff', by: string) {
    const issuedOn = date(e.issuedOn);
    const expiresOn = date(e.expiresOn);
    const statusOn = date(e.statusOn)!;
    const last = await trx.selectFrom('registry.cardStatus').selectAll().where('municipalityCode', '=', TENANT).where('personId', '=', personId).orderBy('entryNo', 'desc').limit(1).executeTakeFirst();
    // 交付日・有効期限 carry over from the card's last entry (一時停止・失効 keep the card's dates).
    const issued = issuedOn ?? (e.status === 'applied' ? null : last?.issuedOn ?? null);
    const expires = expiresOn ?? (e.status === 'applied' ? null : last?.expiresOn ?? null);
    if (e.status === 'issued' && (!issued || !expires)) refuse('card-issued-on-required');
    if (issued && expires && expires < issued) refuse('card-dates-inconsistent');
    if (last && last.status === e.status && last.statusOn === statusOn && last.issuedOn === issued && last.expiresOn === expires) refuse('card-status-unchanged');
    await trx.insertInto('registry.cardStatus').values({ municipalityCode: m, personId, entryNo: await nextEntry(trx, 'registry.cardStatus', personId), status: e.status, statusOn,
      issuedOn: issued, expiresOn: expires, source, note: (e.note ?? '').slice(0, 500), recordedBy: by }).execute();
  }

  async function appendCertificate(trx: TenantTx, m: string, personId: string, e: { certKind: CertKind; serialNo: string; event: 'issued' | 'revoked'; eventOn: string }, source: 'cs-notice' | 'staff', by: string) {
    const serialNo = e.serialNo.trim().toUpperCase();
    if (!/^[0-9A-F]{1,40}$/.test(serialNo)) refuse('invalid-serial-no');
    const eventOn = date(e.eventOn)!;
    const events = await trx.selectFrom('registry.jpkiCertificate').select('event').where('municipalityCode', '=', TENANT).where('personId', '=', personId)
      .where('certKind', '=', e.certKind).where('serialNo', '=', serialNo).execute();
    if (events.some((x) => x.event === e.event)) refuse('certificate-already-recorded');
    if (e.event === 'revoked' && !events.some((x) => x.event === 'issued')) refuse('certificate-not-issued');
    await trx.insertInto('registry.jpkiCertificate').values({ municipalityCode: m, personId, entryNo: await nextEntry(trx, 'registry.jpkiCertificate', personId),
      certKind: e.certKind, serialNo, event: e.event, eventOn, source, recordedBy: by }).execute();
  }

  /** A staff request to J-LIS for one person (one open request of a kind at a time). */
  async function staffRequest(actor: Actor, personId: string, kind: JlisRequestKind, ctx: Ctx, extra: Record<string, string> = {}) {
    assertAllowed(actor, 'registry:card');
    return withTenant(db, actor.municipalityCode, async (trx) => {
      const p = await person(trx, personId, { living: true });
      if (!p.residentCode) refuse('no-resident-code');
      if (!p.myNumberIndex) refuse('no-my-number');
      if (await openRequest(trx, personId, kind)) refuse('jlis-request-open');
      const requestId = await queueJlisRequest(trx, actor.municipalityCode, kind, personId, p.record, actor.staffId, extra);
      await log(trx, actor, `registry.jlis.${kind}`, personId, ctx);
      return { requestId, kind, status: 'pending' as const };
    });
  }

  /** Applies one delivered answer or notice in its own transaction; returns the outcome written to the receipt. */
  async function applyFile(m: string, f: JlisInboxFile): Promise<{ outcome: 'applied' | 'refused' | 'retry'; detail?: string }> {
    const c = f.content;
    if (f.kind === 'unreadable') return { outcome: 'refused', detail: 'unreadable' };
    if (f.kind === 'my-number-change-answer') {
      const req = await withTenant(db, m, (trx) => trx.selectFrom('registry.jlisRequest').select(['requestId', 'personId', 'status', 'kind'])
        .where('municipalityCode', '=', TENANT).where('requestId', '=', /^[0-9a-f-]{36}$/.test(c['請求番号'] ?? '') ? c['請求番号']! : '00000000-0000-0000-0000-000000000000').executeTakeFirst());
      if (!req || req.kind !== 'my-number-change-request') return { outcome: 'refused', detail: 'request-not-found' };
      if (req.status === 'answered' || req.status === 'refused') return { outcome: 'refused', detail: 'request-already-answered' };
      const pid = await withTenant(db, m, (trx) => byResidentCode(trx, c['住民票コード'] ?? ''));
      if (pid !== req.personId) return { outcome: 'refused', detail: 'resident-code-mismatch' };
      if (!isValidMyNumber(c['個人番号'] ?? '')) return { outcome: 'refused', detail: 'invalid-my-number' };
      // The household's version as now: the answer applies to the record as it stands (a concurrent change: retried).
      const hh = await withTenant(db, m, (trx) => trx.selectFrom('registry.personCurrent as p')
        .innerJoin('registry.household as h', (j) => j.onRef('h.municipalityCode', '=', 'p.municipalityCode').onRef('h.householdId', '=', 'p.householdId'))
        .select(['h.householdId', 'h.version']).where('p.municipalityCode', '=', TENANT).where('p.personId', '=', req.personId).executeTakeFirstOrThrow());
      let changeId: string;
      try {
        // The new number enters the record as a 個人番号の変更請求 (C20): sealed in the vault, sent on as 本人確認情報.
        ({ changeId } = await deps.recordFinal(m, ChangeInput.parse({ kind: 'my-number-change', ground: 'request', personId: req.personId, myNumber: c['個人番号'], occurredOn: deps.today(),
          expectedVersions: { [hh.householdId]: hh.version } })));
      } catch (e) {
        if (e instanceof DomainError) return { outcome: e.status === 409 ? 'retry' : 'refused', detail: e.code };
        throw e;
      }
      await withTenant(db, m, async (trx) => {
        await trx.updateTable('registry.jlisRequest').set({ status: 'answered', answeredAt: sql`now()`, changeId, answer: '個人番号を記録しました' })
          .where('municipalityCode', '=', TENANT).where('requestId', '=', req.requestId).execute();
        // (The new 個人番号's 符号 is requested with the C20's 本登録: jukinet.service.ts.)
        await logSystem(trx, m, 'registry.jlis.my-number-change-answer', req.personId, true);
      });
      return { outcome: 'applied' };
    }
    return withTenant(db, m, async (trx) => {
      if (f.kind === 'token-answer' || f.kind === 'request-refusal') {
        const id = c['請求番号'] ?? '';
        const req = /^[0-9a-f-]{36}$/.test(id) ? await trx.selectFrom('registry.jlisRequest').select(['requestId', 'personId', 'status', 'kind'])
          .where('municipalityCode', '=', TENANT).where('requestId', '=', id).forUpdate().executeTakeFirst() : undefined;
        if (!req) return { outcome: 'refused' as const, detail: 'request-not-found' };
        if (req.status === 'answered' || req.status === 'refused') return { outcome: 'refused' as const, detail: 'request-already-answered' };
        if (f.kind === 'request-refusal') {
          await trx.updateTable('registry.jlisRequest').set({ status: 'refused', answeredAt: sql`now()`, answer: (c['理由'] ?? '').slice(0, 300) })
            .where('municipalityCode', '=', TENANT).where('requestId', '=', id).execute();
          await logSystem(trx, m, 'registry.jlis.request-refusal', req.personId);
          return { outcome: 'applied' as const };
        }
        if (req.kind !== 'token-request') return { outcome: 'refused' as const, detail: 'request-not-found' };
        if ((await byResidentCode(trx, c['住民票コード'] ?? '')) !== req.personId) return { outcome: 'refused' as const, detail: 'resident-code-mismatch' };
        const token = c['符号'] ?? '';
        if (!/^[0-9A-Za-z+/=_-]{8,200}$/.test(token)) return { outcome: 'refused' as const, detail: 'invalid-token' };
        await person(trx, req.personId);
        const sealed = cipher.seal(token, `token:${req.requestId}`);
        await trx.insertInto('registry.personToken').values({ municipalityCode: m, personId: req.personId, entryNo: await nextEntry(trx, 'registry.personToken', req.personId),
          requestId: req.requestId, keyId: sealed.keyId, ciphertext: sealed.ciphertext }).execute();
        await trx.updateTable('registry.jlisRequest').set({ status: 'answered', answeredAt: sql`now()`, answer: '符号を受領しました' })
          .where('municipalityCode', '=', TENANT).where('requestId', '=', id).execute();
        await logSystem(trx, m, 'registry.jlis.token-answer', req.personId);
        return { outcome: 'applied' as const };
      }
      const pid = await byResidentCode(trx, c['住民票コード'] ?? '');
      if (!pid) return { outcome: 'refused' as const, detail: 'person-not-found' };
      try {
        // A refusal is decided before anything is written, so the transaction stays usable for the receipt.
        if (f.kind === 'card-status-notice') {
          const status = STATUS_OF_LABEL[c['状態'] ?? ''];
          if (!status) return { outcome: 'refused' as const, detail: 'invalid-status' };
          await person(trx, pid);
          await appendCardStatus(trx, m, pid, { status, statusOn: c['状態年月日'] ?? '', issuedOn: c['交付年月日'] || null, expiresOn: c['有効期限'] || null }, 'cs-notice', SYSTEM);
          await logSystem(trx, m, 'registry.card.status-notice', pid);
        } else {
          const certKind = CERT_OF_LABEL[c['証明書'] ?? ''];
          const event = ({ 発行: 'issued', 失効: 'revoked' } as const)[c['事象'] as '発行' | '失効'];
          if (!certKind || !event) return { outcome: 'refused' as const, detail: 'invalid-certificate-notice' };
          await person(trx, pid);
          await appendCertificate(trx, m, pid, { certKind, serialNo: c['シリアル番号'] ?? '', event, eventOn: c['年月日'] ?? '' }, 'cs-notice', SYSTEM);
          await logSystem(trx, m, 'registry.card.jpki-notice', pid);
        }
        return { outcome: 'applied' as const };
      } catch (e) {
        if (e instanceof DomainError) return { outcome: 'refused' as const, detail: e.code };
        throw e;
      }
    });
  }

  /** Receives one municipality's delivered files not yet applied; each gets a receipt (except those to retry). */
  async function receiveIn(m: string, inbox: JlisInbox) {
    const files = await inbox.list(m);
    const done = new Set((await withTenant(db, m, (trx) => trx.selectFrom('registry.jlisInboxReceipt').select('fileName').where('municipalityCode', '=', TENANT).execute())).map((r) => r.fileName));
    const out = { applied: 0, refused: 0, retry: 0 };
    for (const f of files) {
      if (done.has(f.fileName)) continue;
      const r = await applyFile(m, f);
      out[r.outcome]++;
      if (r.outcome === 'retry') continue;
      await withTenant(db, m, (trx) => trx.insertInto('registry.jlisInboxReceipt').values({ municipalityCode: m, fileName: f.fileName, kind: f.kind, outcome: r.outcome, detail: r.detail ?? null })
        .onConflict((oc) => oc.doNothing()).execute());
    }
    return out;
  }

  /** Sends one municipality's unsent requests in order; stops at the first failure. */
  async function sendIn(m: string, adapter: JukinetAdapter, max: number) {
    return withTenant(db, m, async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('jlis-request-sender'), hashtext(${m}))`.execute(trx);
      const rows = await trx.selectFrom('registry.jlisRequest').select(['requestId', 'seq', 'kind', 'personId', 'content', 'attempts']).where('municipalityCode', '=', TENANT)
        .where('status', 'in', ['pending', 'failed']).orderBy('seq').limit(max).execute();
      let sent = 0;
      let failed: string | null = null;
      for (const r of rows) {
        // J-LIS must know the person first: wait while the person's 本人確認情報 is still in the registry's outbox.
        const unsent = await trx.selectFrom('registry.jukinetMessage').select('feedSeq').where('municipalityCode', '=', TENANT).where('personId', '=', r.personId)
          .where('status', '<>', 'sent').limit(1).executeTakeFirst();
        if (unsent) break;
        const key = trx.updateTable('registry.jlisRequest').where('municipalityCode', '=', TENANT).where('requestId', '=', r.requestId);
        try {
          const res = await adapter.send({ municipalityCode: m, feedSeq: `R${String(r.seq).padStart(12, '0')}`, position: 1, kind: r.kind, content: r.content as Record<string, string> });
          await key.set({ status: 'sent', attempts: r.attempts + 1, reference: res.reference, lastError: null, sentAt: sql`now()` }).execute();
          await logSystem(trx, m, 'registry.jlis.send', r.personId);
          sent++;
        } catch (e) {
          failed = (e as Error).message.slice(0, 500);
          await key.set({ status: 'failed', attempts: r.attempts + 1, lastError: failed }).execute();
          break;
        }
      }
      return { sent, failed };
    });
  }

  const tenants = async () => (await sql<{ m: string }>`SELECT municipality_code AS m FROM platform.tenant ORDER BY 1`.execute(db.owner)).rows.map((r) => r.m.trim());

  return {
    /** 個人番号の変更請求 (番号法7条2項; spec §7.1.2.1): the request goes to J-LIS; the answer's number is recorded as C20. */
    requestMyNumberChange: (actor: Actor, personId: string, input: { reason: string }, ctx: Ctx) =>
      staffRequest(actor, personId, 'my-number-change-request', ctx, { 請求事由: input.reason }),

    /** 符号取得 (spec §7.1.2.2) on request (new residents with a 個人番号 get one with their 本登録). */
    requestToken: (actor: Actor, personId: string, ctx: Ctx) => staffRequest(actor, personId, 'token-request', ctx),

    /** Records a status of the person's マイナンバーカード entered by staff (spec §7.1.1.3). */
    recordCardStatus: (actor: Actor, personId: string, input: { status: CardStatus; statusOn: string; issuedOn?: string; expiresOn?: string; note?: string }, ctx: Ctx) => {
      assertAllowed(actor, 'registry:card');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await person(trx, personId);
        await appendCardStatus(trx, actor.municipalityCode, personId, input, 'staff', actor.staffId);
        await log(trx, actor, 'registry.card.status', personId, ctx);
        return { recorded: true };
      });
    },

    /** Records a JPKI certificate's 発行 or 失効 entered by staff (spec §7.1.2.4). */
    recordJpkiCertificate: (actor: Actor, personId: string, input: { certKind: CertKind; serialNo: string; event: 'issued' | 'revoked'; eventOn: string }, ctx: Ctx) => {
      assertAllowed(actor, 'registry:card');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await person(trx, personId);
        await appendCertificate(trx, actor.municipalityCode, personId, input, 'staff', actor.staffId);
        await log(trx, actor, 'registry.card.jpki', personId, ctx);
        return { recorded: true };
      });
    },

    /** 送付先情報 (spec §7.1.1.4): where J-LIS sends the card; a 居所 needs a reason. Sent to J-LIS through the CS. */
    setCardDeliveryAddress: (actor: Actor, personId: string, input: { placeKind: 'address' | 'kyosho'; postalCode: string; address?: string; addressee?: string; reason?: string }, ctx: Ctx) => {
      assertAllowed(actor, 'registry:card');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const m = actor.municipalityCode;
        const p = await person(trx, personId, { living: true });
        if (!p.residentCode) refuse('no-resident-code');
        const postalCode = input.postalCode.replace(/[-－‐ー]/g, '');
        if (!/^\d{7}$/.test(postalCode)) refuse('invalid-postal-code');
        const own = requestBase('card-delivery-address', m, p.record).住所;
        const address = input.placeKind === 'address' ? own : (input.address ?? '').trim();
        if (input.placeKind === 'kyosho') {
          if (!address) refuse('delivery-address-same');
          if (address.replace(/\s/g, '') === own.replace(/\s/g, '')) refuse('delivery-address-same');
          if (!(input.reason ?? '').trim()) refuse('delivery-kyosho-reason-required');
        }
        const addressee = (input.addressee ?? '').trim() || requestBase('card-delivery-address', m, p.record).氏名;
        const requestId = await queueJlisRequest(trx, m, 'card-delivery-address', personId, p.record, actor.staffId,
          { 送付先区分: input.placeKind === 'address' ? '住所' : '居所', 送付先郵便番号: postalCode, 送付先住所: address, 送付先宛名: addressee, 居所理由: (input.reason ?? '').trim() });
        await trx.insertInto('registry.cardDeliveryAddress').values({ municipalityCode: m, personId, entryNo: await nextEntry(trx, 'registry.cardDeliveryAddress', personId),
          placeKind: input.placeKind, postalCode, address: address.slice(0, 300), addressee: addressee.slice(0, 100), reason: (input.reason ?? '').trim().slice(0, 300), requestId, recordedBy: actor.staffId }).execute();
        await log(trx, actor, 'registry.card.delivery-address', personId, ctx);
        return { requestId };
      });
    },

    /**
     * The person's card: status with history, 送付先 history, JPKI certificates (serials masked without
     * `registry:view-jpki-serial`), 符号 (status and date only) and the J-LIS requests; access-logged.
     */
    cardOfPerson: (actor: Actor, personId: string, ctx: Ctx) => {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const exists = await trx.selectFrom('registry.personCurrent').select('personId').where('municipalityCode', '=', TENANT).where('personId', '=', personId).executeTakeFirst();
        if (!exists) refuse('person-not-found');
        const statuses = await trx.selectFrom('registry.cardStatus').selectAll().where('municipalityCode', '=', TENANT).where('personId', '=', personId).orderBy('entryNo', 'desc').execute();
        const deliveries = await trx.selectFrom('registry.cardDeliveryAddress').selectAll().where('municipalityCode', '=', TENANT).where('personId', '=', personId).orderBy('entryNo', 'desc').execute();
        const certs = await trx.selectFrom('registry.jpkiCertificate').selectAll().where('municipalityCode', '=', TENANT).where('personId', '=', personId).orderBy('entryNo').execute();
        const token = await trx.selectFrom('registry.personToken').select(['receivedAt']).where('municipalityCode', '=', TENANT).where('personId', '=', personId).orderBy('entryNo', 'desc').limit(1).executeTakeFirst();
        const requests = await trx.selectFrom('registry.jlisRequest').select(['requestId', 'kind', 'status', 'createdAt', 'sentAt', 'answeredAt', 'answer'])
          .where('municipalityCode', '=', TENANT).where('personId', '=', personId).orderBy('seq', 'desc').limit(50).execute();
        const showSerial = can(actor, 'registry:view-jpki-serial');
        const certificates = [...new Map(certs.map((c) => [`${c.certKind}:${c.serialNo}`, c])).keys()].map((k) => {
          const ev = certs.filter((c) => `${c.certKind}:${c.serialNo}` === k);
          const first = ev[0]!;
          return { certKind: first.certKind as CertKind, certKindLabel: CERT_KIND_LABELS[first.certKind as CertKind], serialNo: showSerial ? first.serialNo : '＊＊＊＊',
            issuedOn: ev.find((e) => e.event === 'issued')?.eventOn ?? null, revokedOn: ev.find((e) => e.event === 'revoked')?.eventOn ?? null };
        });
        const tokenRequest = requests.find((r) => r.kind === 'token-request');
        await log(trx, actor, 'registry.card.read', personId, ctx, showSerial && certificates.length > 0 ? { disclosedItems: ['jpki-serial'] } : {});
        const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
        return {
          card: statuses[0] ? { status: statuses[0].status as CardStatus, statusLabel: CARD_STATUS_LABELS[statuses[0].status as CardStatus], statusOn: statuses[0].statusOn,
            issuedOn: statuses[0].issuedOn, expiresOn: statuses[0].expiresOn } : null,
          statusHistory: statuses.map((s) => ({ status: s.status as CardStatus, statusLabel: CARD_STATUS_LABELS[s.status as CardStatus], statusOn: s.statusOn, issuedOn: s.issuedOn,
            expiresOn: s.expiresOn, source: s.source as 'cs-notice' | 'staff', note: s.note, recordedAt: iso(s.recordedAt)! })),
          deliveryAddresses: deliveries.map((d) => ({ placeKind: d.placeKind as 'address' | 'kyosho', postalCode: d.postalCode, address: d.address, addressee: d.addressee, reason: d.reason, recordedAt: iso(d.recordedAt)! })),
          certificates, serialsMasked: !showSerial,
          token: { status: token ? 'received' as const : tokenRequest ? (tokenRequest.status === 'refused' ? 'refused' as const : 'requested' as const) : 'none' as const,
            receivedAt: iso(token?.receivedAt), requestedAt: iso(tokenRequest?.createdAt) },
          requests: requests.map((r) => ({ kind: r.kind as JlisRequestKind, status: r.status, createdAt: iso(r.createdAt)!, sentAt: iso(r.sentAt), answeredAt: iso(r.answeredAt), answer: r.answer })),
        };
      });
    },

    /** Sends one municipality's J-LIS requests now. */
    sendJlisRequests: (m: string, adapter: JukinetAdapter, max = 1000) => sendIn(m, adapter, max),
    /** The periodic task: every municipality's J-LIS requests (a municipality in manual mode is skipped). */
    async sendJlisRequestsAll(adapter: JukinetAdapter, max = 1000) {
      const due = (await sql<{ m: string }>`SELECT DISTINCT r.municipality_code AS m FROM registry.jlis_request r
        LEFT JOIN registry.jukinet_link l ON l.municipality_code = r.municipality_code
        WHERE r.status = 'pending' AND coalesce(l.mode, 'auto') = 'auto' ORDER BY 1`.execute(db.owner)).rows.map((r) => r.m.trim());
      const out: Record<string, { sent: number; failed: string | null }> = {};
      for (const m of due) out[m] = await sendIn(m, adapter, max);
      return out;
    },
    /** Applies one municipality's delivered answers and notices. */
    receiveJlisInbox: (m: string, inbox: JlisInbox) => receiveIn(m, inbox),
    /** The periodic task: every municipality's delivered answers and notices. */
    async receiveJlisInboxAll(inbox: JlisInbox) {
      const out: Record<string, { applied: number; refused: number; retry: number }> = {};
      for (const m of await tenants()) {
        const r = await receiveIn(m, inbox);
        if (r.applied + r.refused + r.retry > 0) out[m] = r;
      }
      return out;
    },
  };
}
