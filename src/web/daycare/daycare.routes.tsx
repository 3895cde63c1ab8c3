// SPDX-License-Identifier: EUPL-1.2
/**
 * Web pages of the daycare office (保育所等利用調整) under /console/daycare: rounds, facilities, applications
 * with CSV import, running a round, the result summary, per-child explanations and notices, the cut-off
 * table, what-if and comparison. Forms post with the session's CSRF token; every page works without JavaScript.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { Services } from '../../services.ts';
import { EXAMPLE_RULE_TABLES } from '../../domains/daycare/index.ts';
import { filterApplications, presentApplication } from '../../domains/daycare/daycare.presenter.ts';
import { ApplicationCorrection, HouseholdInput, WhatIfInput } from '../../domains/daycare/daycare.schema.ts';
import { NoResultError } from '../../domains/daycare/daycare.service.ts';
import { tieBreakLabel, tieBreakPhrase } from '../../domains/daycare/explanation-script.ts';
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { requestLang } from '../ui/i18n.ts';
import { parseCalendarDate } from '../../platform/dates/jp-date.ts';

/** A day typed in 和暦 or 西暦 (the one date input) as its ISO day; text that is no day goes on to the schema, which refuses it. */
const isoDay = (text: string) => { try { return parseCalendarDate(text); } catch { return text; } };
import { daycareFieldLabel, daycareText } from './daycare-i18n.ts';
import { roundPath, type DaycareContext, type RoundHeader } from './daycare-layout.tsx';
import { DaycareRoundPage, DaycareRoundsPage, type RunOverview } from './daycare-rounds.page.tsx';
import { DaycareApplicationPage, DaycareApplicationsPage, DaycareConfirmChangePage, DaycareFacilitiesPage } from './daycare-data.page.tsx';
import { DaycareEntryPage } from './daycare-entry.page.tsx';
import { DaycareComparisonPage, DaycareCutoffsPage, DaycareExplanationPage, DaycareWhatIfPage } from './daycare-results.page.tsx';

const warekiDateTime = (d: Date) => toWarekiDateTime(d);
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
type Status = 200 | 400 | 404 | 409 | 413 | 422;
const errorText = (err: DomainError, lang: 'ja' | 'en') => {
  const detail = lang === 'en' && err.detail ? err.detail : err.title;
  const problems = (err.extra?.problems as Array<{ pointer?: string; message: string }> | undefined) ?? [];
  // The field in words, never the JSON pointer (issue #9).
  return problems.length > 0 && problems[0]!.pointer !== undefined ? `${detail}（${problems.slice(0, 3).map((p) => `${daycareFieldLabel(p.pointer!, lang)}: ${p.message}`).join('、')}）` : detail;
};
/** 「入力内容に誤りがあります。児童「塩尻 花子」: 指数、希望施設」: the child (name, else number) and the fields in words. */
const formIssues = (d: { invalidForm: string }, lang: 'ja' | 'en', values: Record<string, string>, issues: Array<{ path: PropertyKey[] }>) => {
  const who = values.childName || values.childId;
  const fields = [...new Set(issues.map((i) => daycareFieldLabel(i.path.map(String), lang)))].join(lang === 'ja' ? '、' : ', ');
  return lang === 'ja' ? `${d.invalidForm}${who ? `児童「${who}」: ` : ''}${fields}` : `${d.invalidForm}${who ? ` Child "${who}": ` : ' '}${fields}`;
};

/** Mounts the daycare pages (before the console's 準備中 pages). */
export function daycareWebRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const { daycare, daycareResults: results } = services;
  const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });
  const page = async (c: Context<AppEnv>): Promise<DaycareContext> => {
    const base = await consoleContext(c, services);
    return { ...base, d: daycareText(base.lang) };
  };
  const header = async (c: Context<AppEnv>, roundId: string): Promise<RoundHeader & { r: Awaited<ReturnType<typeof daycare.getRound>> }> => {
    const r = await daycare.getRound(c.var.actor, roundId);
    return { roundId: r.round.roundId, name: r.round.name, kind: r.round.kind, status: r.round.status, r };
  };
  const form = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, str(body._csrf) || undefined);
    return body;
  };

  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'daycare:manage')) throw new ForbiddenError('daycare:manage');
    await next();
  };
  app.use('/console/daycare', guard);
  app.use('/console/daycare/*', guard);

  const roundsPage = async (c: Context<AppEnv>, error?: string, status: Status = 200) => {
    const list = await daycare.listRounds(c.var.actor);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    return renderPage(c, DaycareRoundsPage({
      ...(await page(c)), csrf: c.var.actor.csrfToken, error, suggestedId: `R${today}-${list.length + 1}`,
      ruleTables: Object.values(EXAMPLE_RULE_TABLES).map((t) => [t.id, t.name]),
      rounds: list.map((r) => ({ roundId: r.round.roundId, name: r.round.name, kind: r.round.kind, status: r.round.status, referenceDate: r.round.referenceDate, facilities: r.facilities, children: r.children })),
    }), status);
  };
  const attempt = async (c: Context<AppEnv>, onError: (msg: string, status: Status) => Promise<Response>, fn: () => Promise<Response>) => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof DomainError && err.status < 500 && err.status !== 401 && err.status !== 403) return onError(errorText(err, (await page(c)).lang), err.status as Status);
      throw err;
    }
  };

  app.get('/console/daycare', (c) => roundsPage(c));

  app.post('/console/daycare/rounds', async (c) => {
    const body = await form(c);
    return attempt(c, (m, s) => roundsPage(c, m, s), async () => {
      const ruleTableId = str(body.ruleTableId);
      const round = await daycare.createRound(c.var.actor, {
        roundId: str(body.roundId), name: str(body.name), kind: 'primary', referenceDate: isoDay(str(body.referenceDate)), ...(ruleTableId ? { ruleTableId } : {}),
      });
      return c.redirect(roundPath(round.roundId), 303);
    });
  });

  app.post('/console/daycare/demo-rounds', async (c) => {
    const body = await form(c);
    return attempt(c, (m, s) => roundsPage(c, m, s), async () => {
      const preset = str(body.preset);
      const round = await daycare.generateRound(c.var.actor, {
        roundId: str(body.roundId), name: str(body.name), seed: Number(str(body.seed) || '1') || 0,
        preset: (['town', 'paper-s', 'paper-l', 'city'].includes(preset) ? preset : 'city') as 'city',
      });
      return c.redirect(roundPath(round.roundId), 303);
    });
  });

  const overview = async (c: Context<AppEnv>, roundId: string, notice?: { kind: 'success' | 'error'; text: string }, status: Status = 200) => {
    const h = await header(c, roundId);
    let run: RunOverview | null = null;
    try {
      const { run: r, summary, upToDate } = await results.summary(c.var.actor, roundId);
      const trail = await daycare.auditTrail(c.var.actor, roundId);
      run = {
        runNo: r.runNo, status: summary.status, upToDate, total: summary.total, byAgeClass: summary.byAgeClass, firstChoiceRate: summary.firstChoiceRate,
        offerRate: summary.offerRate, blockingCoalitions: summary.checks.blockingCoalitions, runtimeMs: r.runtimeMs,
        runAt: warekiDateTime(trail.runAt ?? r.createdAt), runBy: trail.runBy,
        confirmedAt: trail.confirmedAt ? warekiDateTime(trail.confirmedAt) : null, confirmedBy: trail.confirmedBy,
      };
    } catch (err) {
      if (!(err instanceof NoResultError)) throw err;
    }
    const ctxPage = await page(c);
    const p = h.r.round.policy;
    return renderPage(c, DaycareRoundPage({
      ...ctxPage, csrf: c.var.actor.csrfToken, notice, run, suggestedSecondId: `${roundId}-2`.slice(0, 64),
      round: { ...h, referenceDate: h.r.round.referenceDate, facilities: h.r.facilities, children: h.r.children, previousRoundId: h.r.round.previousRoundId, policy: tieBreakPhrase(p.tieBreak, ctxPage.lang) },
    }), status);
  };

  app.get('/console/daycare/rounds/:roundId', async (c) => {
    const roundId = c.req.param('roundId');
    const d = daycareText((await page(c)).lang);
    const ran = c.req.query('ran');
    if (ran) {
      const runs = await daycare.listRuns(c.var.actor, roundId);
      const r = runs.find((x) => String(x.runNo) === ran);
      const children = (r?.metrics as { children?: number } | undefined)?.children ?? 0;
      const previous = runs.find((x) => x.runNo < (r?.runNo ?? 0));
      const same = previous ? (previous.resultSha256 === r?.resultSha256 ? d.sameAsPrevious : d.differsFromPrevious) : '';
      if (r) return overview(c, roundId, { kind: 'success', text: d.ran(children, r.runtimeMs) + same });
    }
    return overview(c, roundId, c.req.query('confirmed') !== undefined ? { kind: 'success', text: d.confirmed } : undefined);
  });

  app.post('/console/daycare/rounds/:roundId/allocation-runs', async (c) => {
    const roundId = c.req.param('roundId');
    await form(c);
    return attempt(c, (m, s) => overview(c, roundId, { kind: 'error', text: m }, s), async () => {
      const run = await daycare.runAllocation(c.var.actor, roundId, ctx(c));
      return c.redirect(`${roundPath(roundId)}?ran=${run.runNo}`, 303);
    });
  });

  app.post('/console/daycare/rounds/:roundId/confirmations', async (c) => {
    const roundId = c.req.param('roundId');
    await form(c);
    return attempt(c, (m, s) => overview(c, roundId, { kind: 'error', text: m }, s), async () => {
      await daycare.confirmRound(c.var.actor, roundId, ctx(c));
      return c.redirect(`${roundPath(roundId)}?confirmed`, 303);
    });
  });

  app.post('/console/daycare/rounds/:roundId/secondary-rounds', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await form(c);
    return attempt(c, (m, s) => overview(c, roundId, { kind: 'error', text: m }, s), async () => {
      const prev = await daycare.getRound(c.var.actor, roundId);
      const round = await daycare.createRound(c.var.actor, {
        roundId: str(body.roundId), name: str(body.name), kind: 'secondary', referenceDate: prev.round.referenceDate, previousRoundId: roundId,
      });
      return c.redirect(roundPath(round.roundId), 303);
    });
  });

  const facilitiesPage = async (c: Context<AppEnv>, roundId: string, notice?: { kind: 'success' | 'error'; text: string }, status: Status = 200) => {
    const h = await header(c, roundId);
    const facilities = await daycare.listFacilities(c.var.actor, roundId);
    return renderPage(c, DaycareFacilitiesPage({ ...(await page(c)), round: h, facilities, csrf: c.var.actor.csrfToken, notice }), status);
  };
  app.get('/console/daycare/rounds/:roundId/facilities', (c) => facilitiesPage(c, c.req.param('roundId'), c.req.query('saved') !== undefined ? { kind: 'success', text: daycareText(requestLang(c)).saved } : undefined));
  app.post('/console/daycare/rounds/:roundId/facilities', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await form(c);
    const d = (await page(c)).d;
    const seats = [0, 1, 2, 3, 4, 5].map((a) => Number(str(body[`seats${a}`]) || '0'));
    const facilityId = str(body.facilityId);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(facilityId) || seats.some((s) => !Number.isInteger(s) || s < 0 || s > 9999)) {
      return facilitiesPage(c, roundId, { kind: 'error', text: d.invalidForm }, 400);
    }
    return attempt(c, (m, s) => facilitiesPage(c, roundId, { kind: 'error', text: m }, s), async () => {
      await daycare.putFacility(c.var.actor, roundId, facilityId, { name: str(body.name).slice(0, 100), seats });
      return c.redirect(`${roundPath(roundId, '/facilities')}?saved`, 303);
    });
  });

  const applicationsPage = async (c: Context<AppEnv>, roundId: string, extra: { importNotice?: { kind: 'success' | 'error'; text: string }; problems?: Array<{ row: number; column: string; message: string }> } = {}, status: Status = 200) => {
    const h = await header(c, roundId);
    const q = { q: (c.req.query('q') ?? '').slice(0, 64), status: c.req.query('status') ?? '', ageClass: c.req.query('ageClass') ?? '', offset: Math.max(0, Number(c.req.query('offset') ?? 0) || 0), limit: 100 };
    const { households, run, declines } = await daycare.listApplications(c.var.actor, roundId, ctx(c));
    const { items, total } = filterApplications(households, run, {
      q: q.q || undefined, status: ['OFFER', 'HOLD', 'STAY'].includes(q.status) ? q.status as 'OFFER' : undefined,
      ageClass: /^[0-5]$/.test(q.ageClass) ? Number(q.ageClass) : undefined, offset: q.offset, limit: q.limit,
    }, declines);
    return renderPage(c, DaycareApplicationsPage({ ...(await page(c)), round: h, items, total, query: q, csrf: c.var.actor.csrfToken, ...extra }), status);
  };
  app.get('/console/daycare/rounds/:roundId/applications', (c) => {
    const n = c.req.query('imported');
    return applicationsPage(c, c.req.param('roundId'), n ? { importNotice: { kind: 'success', text: daycareText(requestLang(c)).imported(Number(n)) } } : {});
  });
  app.post('/console/daycare/rounds/:roundId/application-imports', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await form(c);
    const d = (await page(c)).d;
    const file = body.csv;
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new TextEncoder().encode(str(file));
    try {
      const report = await daycare.importApplications(c.var.actor, roundId, bytes, { dryRun: body.dryRun === '1' }, ctx(c));
      if (report.stored) return c.redirect(`${roundPath(roundId, '/applications')}?imported=${report.children}`, 303);
      return applicationsPage(c, roundId, { importNotice: { kind: 'success', text: d.validated(report.children) } });
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 403) throw err;
      const problems = (err.extra?.problems as Array<{ row: number; column: string; message: string; pointer?: string }> | undefined) ?? [];
      const rows = problems.filter((p) => typeof p.row === 'number');
      return applicationsPage(c, roundId, { importNotice: { kind: 'error', text: rows.length > 0 ? d.csvErrors(Number(err.extra?.problemCount ?? rows.length)) : errorText(err, 'ja') }, problems: rows }, err.status as Status);
    }
  });

  const entryPage = async (c: Context<AppEnv>, roundId: string, extra: { values?: Record<string, string>; flags?: string[]; error?: string; edit?: { childId: string; householdId: string } } = {}, status: Status = 200) => {
    const h = await header(c, roundId);
    const base = await page(c);
    return renderPage(c, DaycareEntryPage({
      ...base, round: h, csrf: c.var.actor.csrfToken, hasRuleTable: h.r.round.ruleTable !== null,
      tieBreakKeys: h.r.round.policy.tieBreak.map((k) => [k.key, tieBreakLabel(k.key, base.lang)]),
      values: extra.values ?? { ageClass: '1' }, flags: extra.flags ?? [], error: extra.error, edit: extra.edit,
    }), status);
  };
  /** The entry form's fields → one child's application (the API's shape; validated by the caller). */
  const childFromForm = (values: Record<string, string>, flags: string[]) => {
    const num = (s: string | undefined) => (s ? Number(s) : undefined);
    const parents = ([1, 2] as const).filter((n) => values[`parent${n}Need`]).map((n) => ({ need: values[`parent${n}Need`], ...(values[`parent${n}Hours`] ? { weeklyHours: num(values[`parent${n}Hours`]) } : {}) }));
    const tieBreak = Object.fromEntries(Object.entries(values).filter(([k, v]) => k.startsWith('tb-') && v !== '').map(([k, v]) => [k.slice(3), Number(v)]));
    return {
      childName: values.childName ?? '', ageClass: num(values.ageClass), currentFacilityId: values.currentFacilityId || null,
      preferences: (values.preferences ?? '').split(/[\s,、]+/).filter(Boolean), score: num(values.score), tieBreak,
      ...(parents.length > 0 ? { facts: { parents, flags: Object.fromEntries(flags.map((f) => [f, true])), ...(values.waitingMonths ? { waitingMonths: num(values.waitingMonths) } : {}) } } : {}),
    };
  };
  const readForm = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody({ all: true });
    assertCsrf(c.var.actor, str(body._csrf) || undefined);
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (k !== 'flags' && k !== '_csrf') values[k] = str(v);
    return { values, flags: ([] as unknown[]).concat(body.flags ?? []).map(str).filter(Boolean) };
  };
  app.get('/console/daycare/rounds/:roundId/applications/new', (c) => entryPage(c, c.req.param('roundId')));
  app.post('/console/daycare/rounds/:roundId/applications/new', async (c) => {
    const roundId = c.req.param('roundId');
    const { values, flags } = await readForm(c);
    const parsed = HouseholdInput.safeParse({
      householdId: values.householdId, guardianName: values.guardianName ?? '', children: [{ childId: values.childId, ...childFromForm(values, flags) }],
    });
    const d = (await page(c)).d;
    if (!parsed.success) return entryPage(c, roundId, { values, flags, error: formIssues(d, requestLang(c), values, parsed.error.issues) }, 400);
    return attempt(c, (m, s) => entryPage(c, roundId, { values, flags, error: m }, s), async () => {
      await daycare.addHousehold(c.var.actor, roundId, parsed.data, ctx(c));
      return c.redirect(roundPath(roundId, `/applications/${encodeURIComponent(parsed.data.children[0]!.childId)}`), 303);
    });
  });

  app.get('/console/daycare/rounds/:roundId/applications/:childId', async (c) => {
    const { roundId, childId } = c.req.param();
    const h = await header(c, roundId);
    const { household, child, run, facilities, declinedAt } = await daycare.getApplication(c.var.actor, roundId, childId, ctx(c));
    const appView = presentApplication(household, child, run?.result.assignments.find((a) => a.childId === childId), declinedAt);
    const base = await page(c);
    const done = c.req.query('done');
    const notice = done === 'corrected' ? base.d.corrected : done === 'withdrawn' ? base.d.withdrawnDone : done === 'declined' ? base.d.declinedDone : undefined;
    return renderPage(c, DaycareApplicationPage({ ...base, round: h, app: appView, notice, facilityNames: new Map(facilities.map((f) => [f.facilityId, f.name || f.facilityId])) }));
  });

  // 修正: the entry form prefilled with the stored application; saving replaces it.
  app.get('/console/daycare/rounds/:roundId/applications/:childId/edit', async (c) => {
    const { roundId, childId } = c.req.param();
    const { household, child } = await daycare.getApplication(c.var.actor, roundId, childId, ctx(c));
    const f = child.facts;
    const values: Record<string, string> = {
      childName: child.childName, ageClass: String(child.ageClass), currentFacilityId: child.currentFacilityId ?? '', preferences: child.preferences.join(' '),
      score: f ? '' : String(child.score), waitingMonths: f?.waitingMonths === undefined ? '' : String(f.waitingMonths),
      ...Object.fromEntries(Object.entries(child.tieBreak).map(([k, v]) => [`tb-${k}`, String(v)])),
    };
    (f?.parents ?? []).forEach((p, i) => { values[`parent${i + 1}Need`] = p.need; values[`parent${i + 1}Hours`] = p.weeklyHours === undefined ? '' : String(p.weeklyHours); });
    const flags = Object.entries(f?.flags ?? {}).filter(([, on]) => on).map(([k]) => k);
    return entryPage(c, roundId, { values, flags, edit: { childId, householdId: household.householdId } });
  });
  app.post('/console/daycare/rounds/:roundId/applications/:childId/edit', async (c) => {
    const { roundId, childId } = c.req.param();
    const { values, flags } = await readForm(c);
    const current = await daycare.getApplication(c.var.actor, roundId, childId, ctx(c));
    const edit = { childId, householdId: current.household.householdId };
    const parsed = ApplicationCorrection.safeParse(childFromForm(values, flags));
    const d = (await page(c)).d;
    if (!parsed.success) return entryPage(c, roundId, { values, flags, edit, error: formIssues(d, requestLang(c), values, parsed.error.issues) }, 400);
    return attempt(c, (m, s) => entryPage(c, roundId, { values, flags, edit, error: m }, s), async () => {
      await daycare.correctApplication(c.var.actor, roundId, childId, parsed.data, ctx(c));
      return c.redirect(`${roundPath(roundId, `/applications/${encodeURIComponent(childId)}`)}?done=corrected`, 303);
    });
  });

  // 取下げ and 辞退: a confirmation step (GET), then the change (POST with the CSRF token).
  for (const kind of ['withdraw', 'decline'] as const) {
    const confirmPage = async (c: Context<AppEnv>, error?: string, status: Status = 200) => {
      const { roundId, childId } = c.req.param() as { roundId: string; childId: string };
      return renderPage(c, DaycareConfirmChangePage({ ...(await page(c)), round: await header(c, roundId), csrf: c.var.actor.csrfToken, childId, kind, error }), status);
    };
    app.get(`/console/daycare/rounds/:roundId/applications/:childId/${kind}`, (c) => confirmPage(c));
    app.post(`/console/daycare/rounds/:roundId/applications/:childId/${kind}`, async (c) => {
      const { roundId, childId } = c.req.param() as { roundId: string; childId: string };
      await form(c);
      return attempt(c, (m, s) => confirmPage(c, m, s), async () => {
        if (kind === 'withdraw') await daycare.withdrawApplication(c.var.actor, roundId, childId, ctx(c));
        else await daycare.declineOffer(c.var.actor, roundId, childId, ctx(c));
        return c.redirect(`${roundPath(roundId, `/applications/${encodeURIComponent(childId)}`)}?done=${kind === 'withdraw' ? 'withdrawn' : 'declined'}`, 303);
      });
    });
  }

  app.get('/console/daycare/rounds/:roundId/explanations/:childId', async (c) => {
    const { roundId, childId } = c.req.param();
    const h = await header(c, roundId);
    const base = await page(c);
    const { run, script } = await results.explanation(c.var.actor, roundId, childId, base.lang, ctx(c));
    const expl = run.result.explanations.find((e) => e.childId === childId);
    const perPreference = script.preferences.map((p) => {
      const line = expl?.perPreference.find((x) => x.rank === p.rank);
      return { rank: p.rank, facilityName: p.facilityName, reason: line?.reason ?? (p.rank === script.preferenceRank ? null : 'ASSIGNED_HIGHER_CHOICE'), seats: line?.seats ?? null, own: line?.own.score ?? null };
    }).filter((p) => script.preferenceRank === null || p.rank <= script.preferenceRank);
    return renderPage(c, DaycareExplanationPage({ ...base, round: h, script, perPreference, decided: h.status === 'confirmed' }));
  });

  app.get('/console/daycare/rounds/:roundId/explanations/:childId/notice.pdf', async (c) => {
    const { roundId, childId } = c.req.param();
    const { pdf, status } = await results.notice(c.var.actor, roundId, childId, ctx(c));
    const kind = status === 'OFFER' ? 'offer' : status === 'HOLD' ? 'hold' : 'stay';
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${roundId}-${childId}-${kind}.pdf"` });
  });

  app.get('/console/daycare/rounds/:roundId/cutoffs', async (c) => {
    const roundId = c.req.param('roundId');
    const h = await header(c, roundId);
    const base = await page(c);
    const { rows, tieBreak, run } = await results.cutoffs(c.var.actor, roundId);
    const facility = c.req.query('facility') ?? '';
    return renderPage(c, DaycareCutoffsPage({
      ...base, round: h, facility, tieBreak: tieBreakPhrase(tieBreak, base.lang),
      facilities: run.request.facilities.map((f) => [f.id, `${f.name ?? ''}（${f.id}）`]),
      rows: rows.filter((r) => !facility || r.facilityId === facility).map((r) => ({ ...r, lowest: r.lowestAdmitted?.score ?? null })),
    }));
  });

  const whatIfPage = async (c: Context<AppEnv>, roundId: string, extra: { values?: Record<string, string>; result?: Parameters<typeof DaycareWhatIfPage>[0]['result']; error?: string } = {}, status: Status = 200) => {
    const h = await header(c, roundId);
    const table = h.r.round.ruleTable;
    const adjustments: Array<[string, string]> = table ? [...table.adjustments.map((a) => [a.code, `${a.label}（${a.points}）`] as [string, string]), ...(table.siblingEnrolledBonus ? [[table.siblingEnrolledBonus.code, `${table.siblingEnrolledBonus.label}（${table.siblingEnrolledBonus.points}）`] as [string, string]] : [])] : [];
    return renderPage(c, DaycareWhatIfPage({ ...(await page(c)), round: h, csrf: c.var.actor.csrfToken, adjustments, values: extra.values ?? {}, result: extra.result, error: extra.error }), status);
  };
  app.get('/console/daycare/rounds/:roundId/what-if', (c) => whatIfPage(c, c.req.param('roundId')));
  app.post('/console/daycare/rounds/:roundId/what-if', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await form(c);
    const values = Object.fromEntries(['kind', 'childId', 'score', 'preferences', 'facilityId', 'seats', 'code', 'points', 'reuse'].map((k) => [k, str(body[k])]));
    const list = (s: string) => s.split(/[\s,、]+/).filter(Boolean);
    const num = (s: string) => (s === '' ? undefined : Number(s));
    const candidate = values.kind === 'facility' ? { kind: 'facility', facilityId: values.facilityId, seats: list(values.seats!).map(Number) }
      : values.kind === 'adjustment' ? { kind: 'adjustment', code: values.code, points: num(values.points!) }
        : values.kind === 'reuseVacatedSeats' ? { kind: 'reuseVacatedSeats', value: values.reuse === 'true' }
          : { kind: 'child', childId: values.childId, score: num(values.score!), ...(values.preferences ? { preferences: list(values.preferences) } : {}) };
    const parsed = WhatIfInput.safeParse(candidate);
    const d = (await page(c)).d;
    if (!parsed.success) return whatIfPage(c, roundId, { values, error: d.invalidForm }, 400);
    return attempt(c, (m, s) => whatIfPage(c, roundId, { values, error: m }, s), async () => {
      const out = await results.whatIf(c.var.actor, roundId, parsed.data);
      return whatIfPage(c, roundId, { values, result: out });
    });
  });

  const comparisonPage = async (c: Context<AppEnv>, roundId: string, extra: { report?: Parameters<typeof DaycareComparisonPage>[0]['report']; error?: string } = {}, status: Status = 200) => {
    const h = await header(c, roundId);
    return renderPage(c, DaycareComparisonPage({ ...(await page(c)), round: h, csrf: c.var.actor.csrfToken, ...extra }), status);
  };
  app.get('/console/daycare/rounds/:roundId/comparison', (c) => comparisonPage(c, c.req.param('roundId')));
  app.post('/console/daycare/rounds/:roundId/comparison', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await form(c);
    return attempt(c, (m, s) => comparisonPage(c, roundId, { error: m }, s), async () => {
      const file = body.reference;
      const text = body.naive === '1' ? 'naive' : file instanceof File ? await file.text() : str(file);
      const { report } = await results.compare(c.var.actor, roundId, text);
      return comparisonPage(c, roundId, { report });
    });
  });

  return app;
}
