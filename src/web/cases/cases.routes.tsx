// SPDX-License-Identifier: EUPL-1.2
/**
 * Web pages of cases (案件): the queues with filters and the case page with its actions. Every POST answers with
 * a redirect to the case page (post/redirect/get); a refusal shows the page again with the service's reason.
 * The service authorises (platform permissions, then the case type's roles) and access-logs every read.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { CasePage, QueuePage, type QueueFilters } from './cases.page.tsx';
import { ClosureDaysPage } from './closure-days.page.tsx';
import { parseCalendarDate } from '../../platform/dates/jp-date.ts';

const CASE_NO = /^\d{4}-\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VIEWS = ['all', 'mine', 'unassigned', 'due-soon', 'overdue', 'closed'] as const;
const ctxOf = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

function refusal(err: unknown): { message: string; status: 400 | 403 | 404 | 409 | 413 | 422 } {
  if (err instanceof DomainError && err.status < 500 && err.status !== 401) return { message: err.title, status: err.status as 400 };
  throw err;
}

/** Mounts the case pages. */
export function casesWebRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'cases:handle') && !can(c.var.actor, 'cases:decide')) throw new ForbiddenError('cases:handle');
    await next();
  };
  app.use('/console/cases', guard);

  // 閉庁日 (administrators): adding or removing one recomputes the due dates of open cases; post/redirect/get, and a
  // repeated POST changes nothing more (the day is set, or already gone).
  const admin = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'tenant:configure')) throw new ForbiddenError('tenant:configure');
    await next();
  };
  app.use('/console/closure-days', admin);
  app.use('/console/closure-days/*', admin);
  const closurePage = async (c: Context<AppEnv>, extra: { done?: string; error?: string } = {}, status: 200 | 400 = 200) => renderPage(c, ClosureDaysPage({
    ...(await consoleContext(c, services)), items: await services.caseTypes.listClosureDays(c.var.actor), csrfToken: c.var.actor.csrfToken, ...extra }), status);
  app.get('/console/closure-days', async (c) => {
    const moved = Number(c.req.query('moved'));
    const done = c.req.query('done') === 'added' ? `閉庁日を追加しました。処理期限が変わった案件: ${moved || 0}件` : c.req.query('done') === 'removed' ? `閉庁日を削除しました。処理期限が変わった案件: ${moved || 0}件` : undefined;
    return closurePage(c, { done });
  });
  app.post('/console/closure-days', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    let day: string;
    try { day = parseCalendarDate(String(body.day ?? '').trim()); } catch { return closurePage(c, { error: '日付を正しく入力してください（例: 令和8年12月28日）' }, 400); }
    const label = String(body.label ?? '').trim().slice(0, 100);
    const r = await services.caseTypes.addClosureDay(c.var.actor, { day, label });
    return c.redirect(`/console/closure-days?done=added&moved=${r.recomputedCases}`, 303);
  });
  app.post('/console/closure-days/removals', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    const day = String(body.day ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return closurePage(c, { error: '削除する閉庁日を選んでください' }, 400);
    const r = await services.caseTypes.removeClosureDay(c.var.actor, day);
    return c.redirect(`/console/closure-days?done=removed&moved=${r.recomputedCases}`, 303);
  });
  app.use('/console/cases/*', guard);

  app.get('/console/cases', async (c) => {
    const q = (k: string) => (c.req.query(k) ?? '').slice(0, 100);
    const filters: QueueFilters = {
      view: (VIEWS as readonly string[]).includes(q('view')) ? q('view') : 'all', caseTypeCode: q('caseTypeCode'), status: q('status'),
      assigneeStaffId: UUID.test(q('assigneeStaffId')) ? q('assigneeStaffId') : '', dueBefore: q('dueBefore').trim(),
    };
    // The deadline filter is typed like every console date (和暦 or 西暦); a day that cannot be read is said beside the field.
    const context = await consoleContext(c, services);
    let dueBefore: string | undefined;
    let dueBeforeError: string | undefined;
    if (filters.dueBefore) {
      try { dueBefore = parseCalendarDate(filters.dueBefore); } catch { dueBeforeError = context.lang === 'en' ? 'Enter a date such as 令和8年12月10日 or 2026-12-10' : '日付は「令和8年12月10日」「R8.12.10」のように入力してください'; }
    }
    const actor = c.var.actor;
    const items = await services.cases.list(actor, {
      view: filters.view as (typeof VIEWS)[number], caseTypeCode: filters.caseTypeCode || undefined, status: filters.status || undefined,
      assigneeStaffId: filters.assigneeStaffId || undefined, dueBefore, limit: 200,
    }, ctxOf(c));
    const [caseTypes, staff] = await Promise.all([services.caseTypes.listCaseTypes(actor), services.cases.staffDirectory(actor)]);
    const kind = q('bulk');
    const count = (k: string) => Math.max(0, Math.min(100, Number(q(k)) || 0));
    const bulk = kind === 'assigned' || kind === 'approved' || kind === 'none'
      ? { kind, count: count('n'), already: count('already'), skipped: q('skipped').split(',').filter((x) => CASE_NO.test(x)).slice(0, 100) } as const : undefined;
    return renderPage(c, QueuePage({ ...context, items, filters, dueBeforeError, caseTypes, staff, csrfToken: actor.csrfToken, bulk }));
  });

  // 一括操作 (where safe): take the selected cases, or approve those whose automatic review found nothing wrong. Each
  // case in its own transaction; post/redirect/get back to the same queue, so reloading the result repeats nothing
  // (and a repeated POST finds the cases taken or decided already).
  app.post('/console/cases/bulk', async (c) => {
    const raw = await c.req.parseBody({ all: true });
    const one = (k: string) => { const v = raw[k]; return typeof v === 'string' ? v : ''; };
    assertCsrf(c.var.actor, one('_csrf'));
    const nos = ([] as unknown[]).concat(raw.caseNo ?? []).filter((x): x is string => typeof x === 'string' && CASE_NO.test(x)).slice(0, 100);
    const back = new URLSearchParams();
    for (const k of ['view', 'caseTypeCode', 'status', 'assigneeStaffId', 'dueBefore']) { const v = one(`f_${k}`).slice(0, 100); if (v) back.set(k, v); }
    const actor = c.var.actor;
    // A number that is not (or no longer) a case of this municipality is reported with the skipped ones.
    const found = await Promise.all(nos.map(async (no) => [no, await services.cases.idOfCaseNo(actor, no).catch((err: unknown) => { refusal(err); return undefined; })] as const));
    const ids = found.filter((x): x is readonly [string, string] => !!x[1]);
    const unknown = found.filter((x) => !x[1]).map(([no]) => no);
    if (ids.length === 0) back.set('bulk', 'none');
    else if (one('bulk') === 'assign') {
      let n = 0;
      for (const [, id] of ids) {
        try { await services.cases.assign(actor, id, { staffId: actor.staffId, reason: '一括で担当' }, ctxOf(c)); n++; } catch (err) { refusal(err); }
      }
      back.set('bulk', 'assigned'); back.set('n', String(n));
    } else if (one('bulk') === 'approve') {
      const results = await services.cases.approveClean(actor, ids.map(([, id]) => id), ctxOf(c));
      const noOf = new Map(ids.map(([no, id]) => [id, no]));
      back.set('bulk', 'approved');
      back.set('n', String(results.filter((r) => r.result === 'approved').length));
      back.set('already', String(results.filter((r) => r.result === 'already').length));
      const skipped = [...results.filter((r) => r.result === 'skipped').map((r) => noOf.get(r.caseId)!), ...unknown];
      if (skipped.length > 0) back.set('skipped', skipped.join(','));
    } else throw new DomainError('invalid-bulk-action', '操作を選んでください', 422);
    return c.redirect(`/console/cases?${back.toString()}`, 303);
  });

  const casePage = async (c: Context<AppEnv>, caseId: string, extra: { done?: string; error?: { message: string } } = {}, status: 200 | 400 | 403 | 404 | 409 | 413 | 422 = 200) => {
    const actor = c.var.actor;
    const kase = await services.cases.get(actor, caseId, ctxOf(c));
    const type = await services.caseTypes.getCaseType(actor, (await services.caseTypes.listCaseTypes(actor)).find((t) => t.code === kase.caseTypeCode && t.version === kase.caseTypeVersion)!.caseTypeId);
    const staff = await services.cases.staffDirectory(actor);
    const canDecide = actor.roles.some((r) => type.deciderRoles.includes(r));
    const onlineAttachments = kase.channel === 'online' ? await services.procedures.staffAttachments(actor, caseId) : [];
    return renderPage(c, CasePage({ ...(await consoleContext(c, services)), kase, staff, canDecide, onlineAttachments, ...extra }), status);
  };
  const idOf = async (c: Context<AppEnv>) => {
    const no = c.req.param('caseNo') ?? '';
    if (!CASE_NO.test(no)) return undefined;
    return services.cases.idOfCaseNo(c.var.actor, no);
  };

  app.get('/console/cases/:caseNo', async (c) => {
    const id = await idOf(c);
    if (!id) return c.notFound();
    const done = c.req.query('done');
    return casePage(c, id, { done: done && /^[a-z]+$/.test(done) ? done : undefined });
  });

  /** One action: CSRF, the service call, then 303 to the case page (or the page with the refusal). */
  const action = (path: string, run: (c: Context<AppEnv>, id: string, body: Record<string, string>) => Promise<string>) => {
    app.post(`/console/cases/:caseNo/${path}`, async (c) => {
      const raw = await c.req.parseBody();
      const body = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      assertCsrf(c.var.actor, body._csrf);
      const id = await idOf(c);
      if (!id) return c.notFound();
      let done: string;
      try {
        done = await run(c, id, body);
      } catch (err) {
        const r = refusal(err);
        return casePage(c, id, { error: { message: r.message } }, r.status);
      }
      return c.redirect(`/console/cases/${c.req.param('caseNo')}?done=${done}`, 303);
    });
  };

  action('assignment', async (c, id, b) => {
    await services.cases.assign(c.var.actor, id, { staffId: b.to === 'me' ? c.var.actor.staffId : null, reason: '' }, ctxOf(c));
    return 'assigned';
  });
  action('review', async (c, id) => {
    await services.cases.rerunReview(c.var.actor, id, ctxOf(c));
    return 'reviewed';
  });
  action('decision', async (c, id, b) => {
    // Only the two buttons' values decide; anything else is refused, never read as an approval.
    if (b.outcome !== 'approved' && b.outcome !== 'rejected') throw new DomainError('invalid-outcome', '承認か却下かを選んでください', 422);
    const outcome = b.outcome;
    await services.cases.decide(c.var.actor, id, { outcome, reasons: (b.reasons ?? '').slice(0, 4000) }, ctxOf(c));
    return outcome;
  });
  action('correction', async (c, id, b) => {
    const message = (b.message ?? '').trim();
    if (!message) throw new DomainError('message-required', '補正依頼の内容を入力してください', 422);
    await services.cases.requestCorrection(c.var.actor, id, { message: message.slice(0, 4000), fields: [] }, ctxOf(c));
    return 'corrected';
  });
  action('notes', async (c, id, b) => {
    const text = (b.body ?? '').trim();
    if (!text) throw new DomainError('note-required', 'メモを入力してください', 422);
    await services.cases.addNote(c.var.actor, id, text.slice(0, 4000), ctxOf(c));
    return 'noted';
  });

  return app;
}
