// SPDX-License-Identifier: EUPL-1.2
/**
 * The approval step's pages (issue #9): 仮登録一覧 (work queue), 自分の入力 (the counter clerk's pending and returned
 * changes), the change detail (also the result page of recording), 本登録 with a confirmation page, 差戻し, 再提出
 * and 取下げ. Every POST carries a one-time `_idem` token (repeats replay the first answer) and answers 303 to a GET
 * page that only shows the result (post/redirect/get); a refusal shows the page again with the reason.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { CHANGE_FORMS } from '../../domains/registry/index.ts';
import { renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { ApproveConfirmPage, ChangeDetailPage } from './registry-change-detail.page.tsx';
import { QueuePage } from './registry-queue.page.tsx';
import { reviewText } from './registry-review-i18n.ts';
import { isChangeKind } from './registry-ui.tsx';
import { refusal, registryFlags, requestCtx } from './registry.routes.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NEW_PERSON_KINDS = new Set(['move-in', 'ex-officio-entry']);
type Status = 400 | 403 | 404 | 409 | 422;

/** Mounts the approval-step pages (before the change forms, whose paths share /console/registry/changes/). */
export function registryReviewRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const svc = services.registry;

  const names = async (c: Context<AppEnv>, ids: Array<string | null>) =>
    Object.fromEntries(await services.identity.staffNames(c.var.actor, ids.filter((x): x is string => !!x)));

  const queue = async (c: Context<AppEnv>, mode: 'queue' | 'mine', extra: { done?: string; batch?: { households: number; skipped: number }; error?: { message: string; code: string } } = {}, status: 200 | Status = 200) => {
    const q = (k: string) => (c.req.query(k) ?? '').slice(0, 60);
    const filter = { status: ['provisional', 'returned'].includes(q('status')) ? q('status') : mode === 'mine' ? 'open' : q('status') === 'open' ? 'open' : 'provisional',
      kind: isChangeKind(q('kind')) ? q('kind') : '', operator: mode === 'mine' ? 'mine' : UUID.test(q('operator')) ? q('operator') : '' };
    const items = await svc.listChanges(c.var.actor, { status: filter.status as 'open', kind: filter.kind || undefined, operator: filter.operator || undefined }, requestCtx(c));
    const operators = mode === 'mine' ? [] : await svc.openChangeOperators(c.var.actor);
    const staffNames = await names(c, [...operators, ...items.map((i) => i.operatorId)]);
    return renderPage(c, QueuePage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), mode, items, staffNames, operators, filter, ...extra }), status);
  };

  const detail = async (c: Context<AppEnv>, id: string, extra: { done?: string; error?: { message: string; code: string }; returnReason?: string } = {}, status: 200 | Status = 200) => {
    const change = await svc.getChangeDetail(c.var.actor, id, requestCtx(c));
    const staffNames = await names(c, [change.operatorId, change.decidedBy, change.returnedBy]);
    const forms = await svc.listChangeForms(c.var.actor, id);
    return renderPage(c, ChangeDetailPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), change, staffNames, forms, csrfToken: c.var.actor.csrfToken, ...extra }), status);
  };

  // 帳票 of a change (確認書, 通知書, 職権記録書, 住民票コード通知票): every delivery is a recorded print (再印刷 from the second),
  // opened in the browser's viewer to print, never cached (it carries personal data).
  app.get('/console/registry/changes/:id/forms/:file', async (c) => {
    const id = c.req.param('id');
    const file = c.req.param('file');
    if (!file.endsWith('.pdf')) return c.notFound();
    const form = file.slice(0, -4);
    const person = c.req.query('person');
    if (!UUID.test(id) || (person !== undefined && !UUID.test(person)) || !(CHANGE_FORMS as readonly string[]).includes(form)) return c.notFound();
    const r = await svc.printChangeForm(c.var.actor, id, form as (typeof CHANGE_FORMS)[number], person, requestCtx(c));
    return c.body(r.pdf as unknown as ArrayBuffer, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${r.filename}"`, 'cache-control': 'no-store' });
  });

  const doneOf = (c: Context<AppEnv>) => {
    const d = c.req.query('done') ?? '';
    return ['recorded', 'approved', 'returned', 'resubmitted', 'withdrawn'].includes(d) ? d : undefined;
  };

  /** Reads a form POST: the body, with the CSRF token checked. */
  const form = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody({ all: true });
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    return body;
  };

  /** Runs a decision; a refusal of the service shows the detail page again with its reason (nothing changed). */
  const decide = async (c: Context<AppEnv>, id: string, run: () => Promise<unknown>, done: string, extra: { returnReason?: string } = {}) => {
    try {
      await run();
    } catch (err) {
      const r = refusal(err);
      return detail(c, id, { error: r, ...extra }, r.status);
    }
    return c.redirect(`/console/registry/changes/${id}?done=${done}`, 303);
  };

  app.get('/console/registry/provisional', async (c) => {
    // The counter clerk's view of open changes is 「自分の入力」.
    if (!registryFlags(c.var.actor).canReview) {
      if (can(c.var.actor, 'registry:change')) return c.redirect('/console/registry/mine', 303);
      throw new ForbiddenError('registry:review');
    }
    return queue(c, 'queue', { done: doneOf(c) });
  });

  app.get('/console/registry/mine', async (c) => {
    if (!can(c.var.actor, 'registry:change')) throw new ForbiddenError('registry:change');
    const count = (k: string) => Math.max(0, Math.min(100_000, Number.parseInt(c.req.query(k) ?? '0', 10) || 0));
    const batch = c.req.query('done') === 'batch' ? { households: count('households'), skipped: count('skipped') } : undefined;
    return queue(c, 'mine', { done: doneOf(c), batch });
  });

  app.get('/console/registry/provisional/approve', async (c) => {
    if (!can(c.var.actor, 'registry:approve')) throw new ForbiddenError('registry:approve');
    const ids = c.req.queries('changeIds')?.filter((x) => UUID.test(x)).slice(0, 100) ?? [];
    if (ids.length === 0) return queue(c, 'queue', { error: { message: reviewText(c.var.lang ?? 'ja').confirm.none, code: 'nothing-selected' } }, 400);
    const changes = [];
    for (const id of ids) changes.push(await svc.getChangeDetail(c.var.actor, id, requestCtx(c)));
    return renderPage(c, ApproveConfirmPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor),
      changes: changes.map((x) => ({ ...x, persons: x.persons.map((p) => p.after) })), csrfToken: c.var.actor.csrfToken, back: '/console/registry/provisional' }));
  });

  app.post('/console/registry/provisional/approvals', async (c) => {
    const body = await form(c);
    const raw = body.changeIds;
    const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((x): x is string => typeof x === 'string' && UUID.test(x));
    if (!can(c.var.actor, 'registry:approve')) throw new ForbiddenError('registry:approve');
    if (ids.length === 0) return queue(c, 'queue', { error: { message: reviewText(c.var.lang ?? 'ja').confirm.none, code: 'nothing-selected' } }, 400);
    try {
      await svc.approve(c.var.actor, ids, requestCtx(c));
    } catch (err) {
      const r = refusal(err);
      if (r.status === 403 && !(err instanceof DomainError && err.code === 'self-approval')) throw err;
      return queue(c, 'queue', { error: r }, r.status);
    }
    return c.redirect('/console/registry/provisional?done=approved', 303);
  });

  app.get('/console/registry/changes/:id{[0-9a-fA-F-]{36}}', async (c) => detail(c, c.req.param('id'), { done: doneOf(c) }));

  app.get('/console/registry/changes/:id{[0-9a-fA-F-]{36}}/approve', async (c) => {
    if (!can(c.var.actor, 'registry:approve')) throw new ForbiddenError('registry:approve');
    const change = await svc.getChangeDetail(c.var.actor, c.req.param('id'), requestCtx(c));
    if (change.status !== 'provisional' || change.operatorId === c.var.actor.staffId) return c.redirect(`/console/registry/changes/${change.changeId}`, 303);
    return renderPage(c, ApproveConfirmPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor),
      changes: [{ ...change, persons: change.persons.map((p) => p.after) }], csrfToken: c.var.actor.csrfToken, back: `/console/registry/changes/${change.changeId}` }));
  });

  app.post('/console/registry/changes/:id{[0-9a-fA-F-]{36}}/approve', async (c) => {
    await form(c);
    const id = c.req.param('id');
    if (!can(c.var.actor, 'registry:approve')) throw new ForbiddenError('registry:approve');
    return decide(c, id, () => svc.approve(c.var.actor, [id], requestCtx(c)), 'approved');
  });

  app.post('/console/registry/changes/:id{[0-9a-fA-F-]{36}}/returns', async (c) => {
    const body = await form(c);
    const id = c.req.param('id');
    const reason = typeof body.reason === 'string' ? body.reason.slice(0, 2000) : '';
    if (!registryFlags(c.var.actor).canReview) throw new ForbiddenError('registry:review');
    return decide(c, id, () => svc.returnChange(c.var.actor, id, reason, requestCtx(c)), 'returned', { returnReason: reason });
  });

  app.post('/console/registry/changes/:id{[0-9a-fA-F-]{36}}/resubmissions', async (c) => {
    await form(c);
    const id = c.req.param('id');
    if (!can(c.var.actor, 'registry:change')) throw new ForbiddenError('registry:change');
    return decide(c, id, () => svc.resubmitChange(c.var.actor, id, requestCtx(c)), 'resubmitted');
  });

  app.post('/console/registry/changes/:id{[0-9a-fA-F-]{36}}/withdraw', async (c) => {
    const body = await form(c);
    const id = c.req.param('id');
    const reenter = body.reenter === '1';
    let target: string | undefined;
    if (reenter) {
      // 取り下げて入力し直す: the same kind of form for the same household (or person); the clerk enters it again.
      const ch = await svc.getChangeDetail(c.var.actor, id, requestCtx(c));
      const existing = ch.persons.find((p) => !p.isNewPerson);
      const householdId = existing?.after.householdId ?? (NEW_PERSON_KINDS.has(ch.kind) ? undefined : ch.persons[0]?.after.householdId);
      const params = new URLSearchParams();
      if (existing && !['move-in', 'ex-officio-entry', 'birth'].includes(ch.kind)) params.set('personId', existing.personId);
      if (householdId) params.set('householdId', householdId);
      if (isChangeKind(ch.kind)) target = `/console/registry/changes/${ch.kind}${params.size > 0 ? `?${params}` : ''}`;
    }
    try {
      await svc.withdraw(c.var.actor, id, requestCtx(c));
    } catch (err) {
      const r = refusal(err);
      return detail(c, id, { error: r }, r.status);
    }
    return c.redirect(target ?? `/console/registry/changes/${id}?done=withdrawn`, 303);
  });

  return app;
}
