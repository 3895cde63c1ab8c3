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
import type { RegistryService } from '../../registry/index.ts';
import { parseCardFace, CardFaceError } from '../card/card-face.ts';
import { isLifeEvent, type LifeEvent } from '../rules/life-events.ts';
import { ruleSetFor } from '../rules/rule-sets.ts';
import type { TicketService } from '../tickets/ticket.service.ts';
import { buildFiling, Interview, interviewProcedures, missingAnswers, withKnownAnswers, type VisitMember } from './interview.ts';
import type { VisitRepository, VisitRow } from './visit.repository.ts';
import { renderVisitSheet } from './visit-sheet-pdf.ts';
import { LIFE_EVENT_LABELS } from '../rules/life-events.ts';

interface Ctx { clientIp: string; requestId: string }

export class VisitInputError extends DomainError {
  constructor(code: string, title: string) { super(code, title, 422, code); }
}
const CARD_MESSAGES: Record<CardFaceError['code'], string> = {
  'card-name-missing': '券面事項の氏名（氏と名）が読み取れません',
  'card-birth-date-invalid': '券面事項の生年月日が読み取れません',
  'card-sex-invalid': '券面事項の性別が読み取れません',
  'card-address-missing': '券面事項の住所が読み取れません',
};

export function createVisitService(deps: { db: Database; clock: Clock; visits: VisitRepository; tickets: TicketService; registry: RegistryService; cases: CasesService }) {
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

  return {
    /** Starts a visit from the 券面事項 texts (one per member, in order) and the life events; the first card's address is the previous address. */
    async start(actor: Actor, input: { events: string[]; ticketNumber?: number; cards: string[] }, ctx: Ctx) {
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
          members.push({ familyName: face.familyName, givenName: face.givenName, familyNameKana: '', givenNameKana: '', birthDate: face.birthDate, sex: face.sex,
            relationship: i === 0 ? '世帯主' : '', foreign: events.includes('foreign-move-in'), nhi: false, fromCard: true });
        } catch (e) {
          if (e instanceof CardFaceError) throw new VisitInputError(e.code, `${i + 1}人目: ${CARD_MESSAGES[e.code]}`);
          throw e;
        }
      }
      const interview = Interview.parse({ members, previousAddress });
      const m = actor.municipalityCode;
      return withTenant(db, m, async (trx) => {
        await visits.lockNumbering(trx, m);
        const year = today().slice(0, 4);
        const visitNo = `${year}-${String((await visits.lastNoOfYear(trx, year)) + 1).padStart(6, '0')}`;
        await visits.insert(trx, { municipalityCode: m, visitId: crypto.randomUUID(), visitNo, serviceDay: today(), ticketNumber: input.ticketNumber ?? null,
          staffId: actor.staffId, lifeEvents: events, ruleVersion: ruleSetFor(m, today()).version, interview });
        void ctx;
        return { visitNo };
      });
    },

    async get(actor: Actor, visitNo: string) {
      assertAllowed(actor, 'counter:serve');
      return withTenant(db, actor.municipalityCode, async (trx) => present(await load(trx, visitNo)));
    },

    /** Saves the interview as entered (partial answers allowed; filing checks completeness). */
    async saveInterview(actor: Actor, visitNo: string, patch: (iv: Interview) => Interview) {
      assertAllowed(actor, 'counter:serve');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await load(trx, visitNo, true);
        if (row.status !== 'interview') throw new VisitInputError('visit-already-filed', 'この来庁の届出は済んでいます');
        const next = Interview.safeParse(patch(Interview.parse(row.interview)));
        if (!next.success) throw new VisitInputError('visit-interview-invalid', '入力の形式が正しくありません（長さや選択肢を確認してください）');
        await visits.saveInterview(trx, row.visitId, next.data, ruleSetFor(row.municipalityCode, today()).version);
        return present({ ...row, interview: next.data, updatedAt: new Date() });
      });
    },

    /** The 確認・署名用シート as PDF bytes (access-logged: it shows the household's data). */
    async sheet(actor: Actor, visitNo: string, municipalityName: string) {
      assertAllowed(actor, 'counter:serve');
      const v = await withTenant(db, actor.municipalityCode, async (trx) => present(await load(trx, visitNo)));
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
        const filing = buildFiling(v.interview, v.needed);
        let registryChangeId: string | null = null;
        if (filing.registry) registryChangeId = (await deps.registry.recordChangeIn(trx, m, { type: 'staff', id: actor.staffId }, filing.registry, ctx)).changeId;
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
