// SPDX-License-Identifier: EUPL-1.2
/**
 * The counter visit: started at reception (members from the マイナンバーカード's 券面事項 or typed once), one interview,
 * the signature sheet, then filing every procedure at once: the registry change as 仮登録 and every case, in ONE
 * tenant transaction (all or nothing), the ticket's service ended in it too.
 */
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { Clock } from '../../../platform/clock.ts';
import { japanDay } from '../../../platform/dates/jp-date.ts';
import type { Database } from '../../../platform/db/database.ts';
import { DomainError, NotFoundError } from '../../../platform/http/errors.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import type { CasesService } from '../../cases/index.ts';
import { ChangeInput, type RegistryService } from '../../registry/index.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { parseCardFace, CardFaceError } from '../card/card-face.ts';
import { isLifeEvent, type LifeEvent } from '../rules/life-events.ts';
import { ruleSetFor } from '../rules/rule-sets.ts';
import type { TicketService } from '../tickets/ticket.service.ts';
import { applyReservation, buildFiling, Interview, interviewProcedures, missingAnswers, VisitMember, withKnownAnswers, type Reservation } from './interview.ts';
import type { VisitRepository, VisitRow } from './visit.repository.ts';
import { renderVisitSheet } from './visit-sheet-pdf.ts';
import { LIFE_EVENT_LABELS } from '../rules/life-events.ts';

interface Ctx { clientIp: string; requestId: string }

export class VisitInputError extends DomainError {
  constructor(code: string, title: string, extra?: Record<string, unknown>) { super(code, title, 422, code, extra); }
}
const CARD_MESSAGES: Record<CardFaceError['code'], string> = {
  'card-name-missing': '券面事項の氏名（氏と名）が読み取れません',
  'card-birth-date-invalid': '券面事項の生年月日が読み取れません',
  'card-sex-invalid': '券面事項の性別が読み取れません',
  'card-address-missing': '券面事項の住所が読み取れません',
};

export function createVisitService(deps: { db: Database; clock: Clock; visits: VisitRepository; tickets: TicketService; registry: RegistryService; cases: CasesService; accessLog: AccessLogRepository }) {
  const { db, clock, visits } = deps;
  const today = () => japanDay(clock.now());

  function present(row: VisitRow) {
    const events = row.lifeEvents.filter(isLifeEvent);
    const rules = ruleSetFor(row.municipalityCode, today());
    const { needed, dropped } = interviewProcedures(rules, events, Interview.parse(row.interview), today());
    const interview = withKnownAnswers(Interview.parse(row.interview), needed);
    return { visitNo: row.visitNo, status: row.status, events, ticketNumber: row.ticketNumber, interview, needed, dropped, rules,
      missing: missingAnswers(interview, needed, today()), caseNos: row.caseNos, filedAt: row.filedAt, createdAt: row.createdAt, hasRegistryChange: !!row.registryChangeId,
      /** The interview was saved at least once (the fields show what is missing only from then on). */
      saved: row.updatedAt.getTime() !== row.createdAt.getTime() };
  }
  const load = async (trx: Parameters<VisitRepository['byNo']>[0], visitNo: string, lock = false) => {
    const row = await visits.byNo(trx, visitNo, lock);
    if (!row) throw new NotFoundError('visit', '来庁記録');
    return row;
  };

  /** Numbers and stores a new visit. */
  const insertVisit = (actor: Actor, events: LifeEvent[], ticketNumber: number | undefined, interview: Interview) => {
    const m = actor.municipalityCode;
    return withTenant(db, m, async (trx) => {
      await visits.lockNumbering(trx, m);
      const year = today().slice(0, 4);
      const visitNo = `${year}-${String((await visits.lastNoOfYear(trx, year)) + 1).padStart(6, '0')}`;
      await visits.insert(trx, { municipalityCode: m, visitId: crypto.randomUUID(), visitNo, serviceDay: today(), ticketNumber: ticketNumber ?? null,
        staffId: actor.staffId, lifeEvents: events, ruleVersion: ruleSetFor(m, today()).version, interview });
      return { visitNo };
    });
  };

  /** Every read of a visit shows its registered residents' records: one access-log entry per resident (no personal data). */
  const logRead = (trx: TenantTx, actor: Actor, row: VisitRow, action: string, ctx: Ctx) => {
    const ids = [...new Set(Interview.parse(row.interview).members.flatMap((mb) => (mb.personId ? [mb.personId] : [])))];
    return ids.length ? deps.accessLog.appendMany(trx, actor.municipalityCode, ids.map((personId) => ({ actorType: 'staff' as const, actorId: actor.staffId,
      action, subjectType: 'person', subjectId: personId, purpose: `来庁 ${row.visitNo}`, ...ctx }))) : Promise.resolve();
  };

  /** A 来庁予約 by its case's 受付番号 (read through the cases service, access-logged there). */
  const reservationOf = async (actor: Actor, caseNo: string, ctx: Ctx): Promise<Reservation> => {
    const c = await deps.cases.get(actor, await deps.cases.idOfCaseNo(actor, caseNo), ctx);
    if (c.caseTypeCode !== 'visit-reservation') throw new VisitInputError('visit-reservation-invalid', 'その受付番号は来庁予約ではありません');
    const d = c.data as { kind: 'move-in' | 'move-within'; movedOn: string; newAddress: string; previousAddress?: string };
    const a = c.applicant as Reservation['applicant'] & { contact?: { phone?: string } };
    return { caseNo, kind: d.kind, movedOn: d.movedOn, newAddress: d.newAddress, previousAddress: d.previousAddress ?? '', phone: a.contact?.phone ?? '',
      applicant: { familyName: a.familyName, givenName: a.givenName, familyNameKana: a.familyNameKana, givenNameKana: a.givenNameKana, birthDate: a.birthDate } };
  };
  const withReservation = async (actor: Actor, iv: Interview, caseNo: string | undefined, ctx: Ctx) =>
    (caseNo ? applyReservation(iv, await reservationOf(actor, caseNo, ctx), (await deps.registry.listTowns(actor)).items.map((t) => t.name)) : iv);

  return {
    /** Open 来庁予約 sent from the portal (転入・転居): the counter picks one up at reception. */
    async reservations(actor: Actor, ctx: Ctx) {
      assertAllowed(actor, 'counter:serve');
      const list = await deps.cases.list(actor, { view: 'all', caseTypeCode: 'visit-reservation', limit: 50 }, ctx);
      return list.map((x) => ({ caseNo: x.caseNo, applicantName: x.applicantName, receivedOn: x.receivedOn }));
    },

    /** The answers of one 来庁予約 (for the reception page). */
    reservation: (actor: Actor, caseNo: string, ctx: Ctx) => { assertAllowed(actor, 'counter:serve'); return reservationOf(actor, caseNo, ctx); },

    /** Starts a visit from the 券面事項 texts (one per member, in order) and the life events; the first card's address is the previous address. */
    async start(actor: Actor, input: { events: string[]; ticketNumber?: number; cards: string[]; reservationCaseNo?: string }, ctx: Ctx) {
      assertAllowed(actor, 'counter:serve');
      const events = [...new Set(input.events.filter(isLifeEvent))] as LifeEvent[];
      if (events.length === 0) throw new VisitInputError('visit-event-required', 'ご用件（ライフイベント）を1つ以上選んでください');
      const texts = input.cards.map((t) => t.trim()).filter(Boolean);
      if (texts.length === 0) throw new VisitInputError('visit-member-required', '世帯員の券面事項を1人以上読み取ってください');
      if (texts.length > 10) throw new VisitInputError('visit-too-many-members', '一度に受け付けられるのは10人までです');
      const members: VisitMember[] = [];
      let previousAddress = '';
      for (const [i, text] of texts.entries()) {
        try {
          const face = parseCardFace(text);
          previousAddress ||= face.address;
          members.push(VisitMember.parse({ familyName: face.familyName, givenName: face.givenName, birthDate: face.birthDate, sex: face.sex,
            relationship: i === 0 ? '世帯主' : '', foreign: events.includes('foreign-move-in'), fromCard: true }));
        } catch (e) {
          if (e instanceof CardFaceError) throw new VisitInputError(e.code, `${i + 1}人目: ${CARD_MESSAGES[e.code]}`, { member: i + 1 });
          throw e;
        }
      }
      return insertVisit(actor, events, input.ticketNumber, await withReservation(actor, Interview.parse({ members, previousAddress }), input.reservationCaseNo, ctx));
    },

    /**
     * Starts a visit from a registered resident found at reception (転居, 転出, 出生, 死亡, 世帯変更): the household's
     * living members come from the registry (read through its service, which access-logs every member), the
     * person found first; for 死亡 only they are concerned.
     */
    async startFromRegistry(actor: Actor, input: { events: string[]; ticketNumber?: number; personId: string; reservationCaseNo?: string }, ctx: Ctx) {
      assertAllowed(actor, 'counter:serve');
      const events = [...new Set(input.events.filter(isLifeEvent))] as LifeEvent[];
      if (events.length === 0) throw new VisitInputError('visit-event-required', 'ご用件（ライフイベント）を1つ以上選んでください');
      if (events.some((e) => e === 'move-in' || e === 'foreign-move-in')) throw new VisitInputError('visit-move-in-from-registry', '転入は住民記録にまだない方の届出です（カードから受け付けてください）');
      const person = await deps.registry.getPerson(actor, input.personId, { purpose: '窓口受付' }, ctx);
      if (person.status === 'removed') throw new VisitInputError('visit-person-removed', 'この方は住民記録から消除されています');
      const household = await deps.registry.getHousehold(actor, person.householdId, {}, ctx);
      const living = household.members.filter((p) => p.status !== 'removed');
      const ordered = [person.personId, ...living.map((p) => p.personId).filter((id) => id !== person.personId)];
      const members = ordered.map((id) => living.find((p) => p.personId === id) ?? person).map((p) => VisitMember.parse({
        familyName: p.familyName || '（氏なし）', givenName: p.givenName || '（名なし）', familyNameKana: p.familyNameKana, givenNameKana: p.givenNameKana,
        birthDate: p.birthDate.sortKey, sex: p.sex, relationship: p.relationship, foreign: p.residentKind === 'foreign', personId: p.personId, atenaNo: p.atenaNo,
        concerned: events.includes('death') ? p.personId === person.personId : !events.includes('birth'),
      }));
      const a = household.address;
      const interview = Interview.parse({ members, householdId: household.householdId, householdVersion: household.version,
        previousAddress: a ? `${a.townName}${a.banchi}${a.katagaki ? ` ${a.katagaki}` : ''}` : '', 
        // 本籍 the clerk may not see (spec §10.4) is not copied (never the mask): the clerk enters it from the notification.
        ...(person.maskedItems.includes('domicile') ? {} : { honseki: person.honseki ?? '', hittosha: person.hittosha ?? '' }) });
      return insertVisit(actor, events, input.ticketNumber, await withReservation(actor, interview, input.reservationCaseNo, ctx));
    },

    async get(actor: Actor, visitNo: string, ctx: Ctx) {
      assertAllowed(actor, 'counter:serve');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await load(trx, visitNo);
        await logRead(trx, actor, row, 'counter.visit.read', ctx);
        return present(row);
      });
    },

    /** Saves the interview as entered (partial answers allowed; filing checks completeness). */
    async saveInterview(actor: Actor, visitNo: string, patch: (iv: Interview) => Interview, ctx: Ctx) {
      assertAllowed(actor, 'counter:serve');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await load(trx, visitNo, true);
        await logRead(trx, actor, row, 'counter.visit.interview', ctx);
        if (row.status !== 'interview') throw new VisitInputError('visit-already-filed', 'この来庁の届出は済んでいます');
        const next = Interview.safeParse(patch(Interview.parse(row.interview)));
        if (!next.success) throw new VisitInputError('visit-interview-invalid', '入力の形式が正しくありません（長さや選択肢を確認してください）');
        await visits.saveInterview(trx, row.visitId, next.data, ruleSetFor(row.municipalityCode, today()).version);
        return present({ ...row, interview: next.data, updatedAt: new Date() });
      });
    },

    /** The 確認・署名用シート as PDF bytes (access-logged: it shows the household's data). */
    async sheet(actor: Actor, visitNo: string, municipalityName: string, ctx: Ctx) {
      assertAllowed(actor, 'counter:serve');
      const v = await withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await load(trx, visitNo);
        await logRead(trx, actor, row, 'counter.visit.sheet', ctx);
        return present(row);
      });
      return renderVisitSheet({ municipalityName, visitNo, printedAt: clock.now(), events: v.events.map((e) => LIFE_EVENT_LABELS[e].ja.replace(/（.*）$/, '')), interview: v.interview, needed: v.needed });
    },

    /** Files every procedure at once: registry 仮登録 + every case + the ticket's end, in one transaction. */
    async file(actor: Actor, visitNo: string, ctx: Ctx) {
      assertAllowed(actor, 'counter:serve');
      assertAllowed(actor, 'registry:change');
      const m = actor.municipalityCode;
      return withTenant(db, m, async (trx) => {
        const row = await load(trx, visitNo, true);
        if (row.status === 'filed') return { visitNo, caseNos: row.caseNos, already: true };
        const v = present(row);
        if (v.missing.length) throw new VisitInputError('visit-interview-incomplete', `聞き取りが終わっていません: ${v.missing.map((x) => x.message).join('、')}`);
        const filing = buildFiling(v.interview, v.needed, v.events);
        let registryChangeId: string | null = null;
        if (filing.registry) {
          const change = ChangeInput.safeParse(filing.registry);
          if (!change.success) throw new VisitInputError('visit-registry-input-invalid', '住民記録の届出の内容が正しくありません（氏名・日付・在留カードの項目を確認してください）');
          registryChangeId = (await deps.registry.recordChangeIn(trx, m, { type: 'staff', id: actor.staffId }, change.data, ctx)).changeId;
        }
        const caseNos: string[] = [];
        for (const c of filing.cases) {
          const { procedure: _p, ...submission } = c;
          caseNos.push((await deps.cases.submitIn(trx, m, { type: 'staff', id: actor.staffId }, { ...submission, channel: 'counter' }, ctx)).caseNo);
        }
        await visits.markFiled(trx, row.visitId, { filedAt: clock.now(), registryChangeId, caseNos, ruleVersion: v.rules.version });
        if (row.ticketNumber) {
          try { await deps.tickets.finishIn(trx, actor, row.ticketNumber, row.visitId); } catch (e) { if (!(e instanceof DomainError)) throw e; }
        }
        return { visitNo, caseNos, already: false };
      });
    },
  };
}
export type VisitService = ReturnType<typeof createVisitService>;
