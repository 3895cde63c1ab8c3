// SPDX-License-Identifier: EUPL-1.2
/**
 * The staff counter (/console/counter, `counter:serve`): reception with 受付番号, the lobby display, and the visit
 * (interview → signature sheet → filing). Every POST carries `_csrf` and a one-time `_idem`, and answers 303.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { requestLang } from '../ui/i18n.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { CounterDisplayPage } from './counter-display.page.tsx';
import { counterErrorText, counterText } from './counter-i18n.ts';
import { counterVisitText } from './counter-visit-i18n.ts';
import { CounterTicketsPage } from './counter-tickets.page.tsx';
import { VisitPage, VisitStartPage } from './counter-visit.page.tsx';
import { isLifeEvent, SIMULATED_CARDS, type Interview } from '../../domains/counter/index.ts';
import { parseLegalDate } from '../../platform/dates/jp-date.ts';
import { interpretSearch } from '../registry/registry.routes.tsx';

const VISIT_NO = /^\d{4}-\d{6}$/;
const str = (v: unknown, max = 300) => (typeof v === 'string' ? v.slice(0, max) : '');
const ctxOf = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

/** The child a 出生届 enters (the nb-* fields, shown for 出生): kept after the household's members. */
function newbornOf(members: Interview['members'], before: Interview['members'][number] | undefined, b: Record<string, unknown>, date: (v: unknown) => string): Interview['members'] {
  if (!('nb-givenName' in b)) return before ? [...members, before] : members;
  const givenName = str(b['nb-givenName'], 100).trim();
  if (!givenName) return members;
  const head = members.find((m) => m.relationship === '世帯主') ?? members[0];
  return [...members, { ...(before ?? {}), familyName: str(b['nb-familyName'], 100).trim() || head?.familyName || '', givenName,
    familyNameKana: str(b['nb-familyNameKana'], 200).trim() || head?.familyNameKana || '', givenNameKana: str(b['nb-givenNameKana'], 200).trim(),
    birthDate: date(b['nb-birthDate']) || '0000-01-01', sex: b['nb-sex'] === 'male' ? 'male' : 'female', relationship: str(b['nb-relationship'], 30).trim() || '子',
    foreign: false, nhi: b['nb-nhi'] === '1', fromCard: false, concerned: true, isNew: true, romanName: '', nationality: '', residenceStatus: '', residenceExpiry: '', residenceCardNo: '' }];
}

/** The interview form → the stored interview (members keep what the card gave). */
function applyInterviewForm(iv: Interview, b: Record<string, unknown>): Interview {
  // 和暦 or 西暦 with the one parser; text that is not a day is kept (shortened) so the interview says what is wrong.
  const date = (v: unknown) => {
    const x = str(v, 40).trim();
    try { const d = parseLegalDate(x); if (d.precision === 'day' && !d.text) return d.sortKey; } catch { /* kept as typed */ }
    return x.slice(0, 10);
  };
  return {
    ...iv,
    occurredOn: date(b.occurredOn), phone: str(b.phone, 30).trim(), dog: b.dog === '1',
    // Fields the page shows only for some events: an absent field keeps its answer.
    ...Object.fromEntries((['previousAddress', 'townName', 'banchi', 'katagaki', 'honseki', 'hittosha'] as const).filter((k) => k in b).map((k) => [k, str(b[k], 300).trim()])),
    members: newbornOf(iv.members.filter((m) => !m.isNew).map((m, i) => ({ ...m, familyNameKana: str(b[`kf${i}`], 200).trim(), givenNameKana: str(b[`kg${i}`], 200).trim(),
      relationship: str(b[`rel${i}`], 30).trim(), nhi: b[`nhi${i}`] === '1',
      ...(b.concernedShown === '1' ? { concerned: b[`c${i}`] === '1' } : {}),
      ...(m.foreign && `nat${i}` in b ? { romanName: str(b[`rn${i}`], 200).trim(), nationality: str(b[`nat${i}`], 100).trim(), residenceStatus: str(b[`rs${i}`], 100).trim(),
        residenceExpiry: date(b[`rx${i}`]), residenceCardNo: str(b[`rc${i}`], 20).trim().toUpperCase() } : {}) })), iv.members.find((m) => m.isNew), b, date),
    ...('destination' in b ? { destination: str(b.destination).trim() } : {}),
    ...('newHeadRef' in b ? { newHeadRef: /^\d$/.test(str(b.newHeadRef, 2)) ? str(b.newHeadRef, 2) : '' } : {}),
    ...('bankName' in b ? { bankName: str(b.bankName, 100).trim(), branchName: str(b.branchName, 100).trim(),
      accountType: b.accountType === 'current' ? 'current' as const : 'ordinary' as const, accountNumber: str(b.accountNumber, 20).trim() } : {}),
    ...('daycareStart' in b ? { daycareStart: date(b.daycareStart), daycarePreferences: str(b.daycarePreferences).trim(), daycareReason: str(b.daycareReason, 200).trim() } : {}),
    ...('insurer' in b ? { insurer: str(b.insurer, 200).trim() } : {}),
    ...('previousSchool' in b ? { previousSchool: str(b.previousSchool, 200).trim() } : {}),
  };
}

const ACTIONS = ['call', 'start', 'finish', 'cancel'] as const;

export function counterWebRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'counter:serve')) throw new ForbiddenError('counter:serve');
    await next();
  };
  app.use('/console/counter', guard);
  app.use('/console/counter/*', guard);

  const ticketsPage = async (c: Context<AppEnv>, extra: { notice?: string; error?: string } = {}, status: 200 | 404 | 409 = 200) =>
    renderPage(c, CounterTicketsPage({ ...(await consoleContext(c, services)), tickets: await services.counter.tickets.today(c.var.actor), ...extra }), status);

  app.get('/console/counter', async (c) => {
    const k = counterText((await consoleContext(c, services)).lang);
    const issued = Number(c.req.query('issued'));
    const done = c.req.query('done') ?? '';
    return ticketsPage(c, { notice: Number.isInteger(issued) && issued > 0 ? k.issued(issued) : k.done[done] });
  });

  app.get('/console/counter/display', async (c) => {
    const ctx = await consoleContext(c, services);
    return renderPage(c, CounterDisplayPage({ lang: ctx.lang, municipalityName: ctx.municipalityName, tickets: await services.counter.tickets.today(c.var.actor) }));
  });

  app.post('/console/counter/tickets', async (c) => {
    const body = await c.req.parseBody({ all: true });
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : '');
    const events = ([] as unknown[]).concat(body.e ?? []).filter((x): x is string => typeof x === 'string');
    const { number } = await services.counter.tickets.issue(c.var.actor, { lifeEvents: events, channel: body.channel === 'reservation' ? 'reservation' : 'walk-in' });
    return c.redirect(`/console/counter?issued=${number}`, 303);
  });

  app.post('/console/counter/tickets/:number/:action', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : '');
    const action = c.req.param('action') as (typeof ACTIONS)[number];
    const number = Number(c.req.param('number'));
    if (!ACTIONS.includes(action) || !Number.isInteger(number) || number < 1 || number > 99999) return c.notFound();
    try {
      await services.counter.tickets.act(c.var.actor, number, action);
    } catch (e) {
      if (e instanceof DomainError && (e.status === 404 || e.status === 409)) return ticketsPage(c, { error: counterErrorText(requestLang(c), e) }, e.status);
      throw e;
    }
    return c.redirect(action === 'start' ? `/console/counter/visits/new?ticket=${number}` : `/console/counter?done=${action}`, 303);
  });
  // ── visits ──
  const ticketOf = (c: Context<AppEnv>) => { const n = Number(c.req.query('ticket')); return Number.isInteger(n) && n > 0 && n < 100000 ? n : undefined; };
  app.get('/console/counter/visits/new', async (c) => {
    const ticket = ticketOf(c);
    const t = ticket ? (await services.counter.tickets.today(c.var.actor)).find((x) => x.number === ticket) : undefined;
    const chosen = (c.req.queries('e') ?? []).filter(isLifeEvent);
    // A 来庁予約 picked up at reception: its answers shown, its event chosen, the applicant searched (転居).
    const reservationNo = /^\d{4}-\d{6}$/.test(c.req.query('reservation') ?? '') ? c.req.query('reservation')! : undefined;
    let reservation: Awaited<ReturnType<Services['counter']['visits']['reservation']>> | undefined;
    if (reservationNo) {
      try { reservation = await services.counter.visits.reservation(c.var.actor, reservationNo, ctxOf(c)); } catch (e) { if (!(e instanceof DomainError) || e.status >= 500 || e.status === 403) throw e; }
    }
    const events = chosen.length ? chosen : reservation ? [reservation.kind] : t?.lifeEvents ?? [];
    const q = (c.req.query('q') ?? (reservation?.kind === 'move-within' ? `${reservation.applicant.familyNameKana ?? ''} ${reservation.applicant.givenNameKana ?? ''}` : '')).slice(0, 200).trim();
    let hits: Awaited<ReturnType<Services['registry']['search']>> | undefined;
    let error: string | undefined;
    if (q) {
      try {
        // The search is access-logged by the registry (purpose 窓口受付).
        hits = await services.registry.search(c.var.actor, { ...interpretSearch(q, (await services.registry.listTowns(c.var.actor)).items.map((t) => t.name)).query, mode: 'prefix', includeRemoved: false, purpose: '窓口受付', limit: 30 }, ctxOf(c));
      } catch (e) {
        if (!(e instanceof DomainError) || e.status >= 500) throw e;
        error = counterErrorText(requestLang(c), e);
      }
    }
    const reservations = reservation ? [] : await services.counter.visits.reservations(c.var.actor, ctxOf(c));
    return renderPage(c, VisitStartPage({ ...(await consoleContext(c, services)), ticket: t?.number ?? ticket, events, cards: c.req.query('simulate') === '1' ? SIMULATED_CARDS : [], q, hits, error,
      reservation, reservations }), error ? 400 : 200);
  });

  app.post('/console/counter/visits/from-registry', async (c) => {
    const body = await c.req.parseBody({ all: true });
    assertCsrf(c.var.actor, str(body._csrf));
    const events = ([] as unknown[]).concat(body.e ?? []).map((x) => str(x, 60)).filter(isLifeEvent);
    const ticket = Number(str(body.ticket));
    const personId = str(body.personId, 36);
    const reservationCaseNo = /^\d{4}-\d{6}$/.test(str(body.reservation)) ? str(body.reservation) : undefined;
    const input = { events, ticketNumber: Number.isInteger(ticket) && ticket > 0 ? ticket : undefined, personId, reservationCaseNo };
    try {
      if (!/^[0-9a-f-]{36}$/i.test(personId)) throw new DomainError('visit-person-required', '住民を検索して選んでください', 422, 'visit-person-required');
      const { visitNo } = await services.counter.visits.startFromRegistry(c.var.actor, input, ctxOf(c));
      return c.redirect(`/console/counter/visits/${visitNo}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e.status >= 500 || e.status === 403) throw e;
      return renderPage(c, VisitStartPage({ ...(await consoleContext(c, services)), ticket: input.ticketNumber, events, cards: [], error: counterErrorText(requestLang(c), e) }), 422);
    }
  });

  app.post('/console/counter/visits', async (c) => {
    const body = await c.req.parseBody({ all: true });
    assertCsrf(c.var.actor, str(body._csrf));
    const all = (k: string) => ([] as unknown[]).concat(body[k] ?? []).map((x) => str(x, 600));
    const ticket = Number(str(body.ticket));
    const reservationCaseNo = /^\d{4}-\d{6}$/.test(str(body.reservation)) ? str(body.reservation) : undefined;
    const input = { events: all('e').filter(isLifeEvent), ticketNumber: Number.isInteger(ticket) && ticket > 0 ? ticket : undefined, cards: all('card'), reservationCaseNo };
    try {
      const { visitNo } = await services.counter.visits.start(c.var.actor, input, ctxOf(c));
      return c.redirect(`/console/counter/visits/${visitNo}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e.status !== 422) throw e;
      return renderPage(c, VisitStartPage({ ...(await consoleContext(c, services)), ticket: input.ticketNumber, events: input.events, cards: input.cards, error: counterErrorText(requestLang(c), e) }), 422);
    }
  });

  const visitNoOf = (c: Context<AppEnv>) => { const no = c.req.param('visitNo') ?? ''; return VISIT_NO.test(no) ? no : undefined; };
  const visitPage = async (c: Context<AppEnv>, no: string, extra: { notice?: string; error?: string } = {}, status: 200 | 422 = 200) =>
    renderPage(c, VisitPage({ ...(await consoleContext(c, services)), visit: await services.counter.visits.get(c.var.actor, no, ctxOf(c)), ...extra }), status);

  app.get('/console/counter/visits/:visitNo', async (c) => {
    const no = visitNoOf(c);
    if (!no) return c.notFound();
    const done = c.req.query('done');
    return visitPage(c, no, { notice: done ? counterVisitText(requestLang(c)).visit.notices[done] : undefined });
  });

  app.get('/console/counter/visits/:visitNo/sheet.pdf', async (c) => {
    const no = visitNoOf(c);
    if (!no) return c.notFound();
    const ctx = await consoleContext(c, services);
    const bytes = await services.counter.visits.sheet(c.var.actor, no, ctx.municipalityName, ctxOf(c));
    return c.body(bytes as unknown as ArrayBuffer, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="visit-${no}.pdf"`, 'cache-control': 'no-store' });
  });

  /** A visit action: CSRF, run, 303 back to the visit; a refusal re-renders the visit with the message (422). */
  const visitAction = (path: string, run: (c: Context<AppEnv>, no: string, b: Record<string, unknown>) => Promise<string>) => {
    app.post(`/console/counter/visits/:visitNo/${path}`, async (c) => {
      const body = await c.req.parseBody();
      assertCsrf(c.var.actor, str(body._csrf));
      const no = visitNoOf(c);
      if (!no) return c.notFound();
      try {
        return c.redirect(`/console/counter/visits/${no}?done=${await run(c, no, body)}`, 303);
      } catch (e) {
        if (!(e instanceof DomainError) || e.status >= 500 || e.status === 403 || e.status === 404) throw e;
        return visitPage(c, no, { error: counterErrorText(requestLang(c), e) }, 422);
      }
    });
  };
  visitAction('interview', async (c, no, b) => { await services.counter.visits.saveInterview(c.var.actor, no, (iv) => applyInterviewForm(iv, b), ctxOf(c)); return 'saved'; });
  visitAction('adjustments', async (c, no, b) => {
    const action = b.action === 'add' ? 'add' as const : 'drop' as const;
    const code = str(b.code, 60);
    const reason = str(b.reason, 200).trim();
    if (!reason) throw new DomainError('adjustment-reason-required', action === 'add' ? '追加する理由を入力してください' : '外す理由を入力してください', 422, 'adjustment-reason-required', { action });
    const visit = await services.counter.visits.get(c.var.actor, no, ctxOf(c));
    const listed = visit.needed.some((n) => n.code === code);
    if (!visit.rules.procedures.some((p) => p.code === code) || (action === 'drop') !== listed) throw new DomainError('adjustment-invalid', 'その手続は追加・削除できません', 422, 'adjustment-invalid');
    await services.counter.visits.saveInterview(c.var.actor, no, (iv) => ({ ...iv, adjustments: [...iv.adjustments, { action, code, reason }] }), ctxOf(c));
    return 'adjusted';
  });
  visitAction('filing', async (c, no, b) => {
    if (b.signed !== '1') throw new DomainError('visit-not-signed', '住民の方の確認と署名を済ませてから届出してください', 422, 'visit-not-signed');
    await services.counter.visits.file(c.var.actor, no, ctxOf(c));
    return 'filed';
  });
  return app;
}
