// SPDX-License-Identifier: EUPL-1.2
/**
 * The memo forms of the 個人票 and 世帯票 (spec §1.1.15): add, change, delete. Post/redirect/get back to the page
 * (`#memos`) with the outcome or the refusal's code; the `_idem` token makes a repeated POST answer the first result.
 * The service authorises (roles per action) and access-logs.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { requestCtx } from './registry.routes.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Only the registry's own pages are places to come back to. */
const BACK = /^\/console\/registry\/(persons|households)\/[0-9a-f-]{36}$/i;

/** Mounts the memo POST routes (behind the registry pages' guard). */
export function registryMemoRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const svc = services.registry;

  type Act = (c: Context<AppEnv>, body: Record<string, string>, memoId: string) => Promise<unknown>;
  const handle = (act: Act, done: string) => async (c: Context<AppEnv>) => {
    const raw = await c.req.parseBody();
    const body = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    assertCsrf(c.var.actor, body._csrf);
    const back = BACK.test(body.back ?? '') ? body.back! : '/console/registry';
    const memoId = c.req.param('id') ?? '';
    if (memoId && !UUID.test(memoId)) return c.notFound();
    const text = body.body ?? '';
    if ('body' in body || !memoId) {
      if (!text.trim()) return c.redirect(`${back}?memoError=empty#memos`, 303);
      if ([...text].length > 2000) return c.redirect(`${back}?memoError=tooLong#memos`, 303);
    }
    try {
      await act(c, body, memoId);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401) throw err;
      if (err.status === 403 && err.code !== 'memo-not-author') throw err;
      return c.redirect(`${back}?memoError=${encodeURIComponent(err.code)}#memos`, 303);
    }
    return c.redirect(`${back}?memo=${done}#memos`, 303);
  };

  app.post('/console/registry/memos', handle(async (c, b) => {
    const subjectType = b.subjectType === 'household' ? 'household' : 'person';
    if (!UUID.test(b.subjectId ?? '')) throw new DomainError(`${subjectType}-not-found`, '対象が見つかりません', 404);
    return svc.addMemo(c.var.actor, { subjectType, subjectId: b.subjectId!, body: b.body! }, requestCtx(c));
  }, 'saved'));
  app.post('/console/registry/memos/:id/revisions', handle((c, b, id) =>
    svc.reviseMemo(c.var.actor, id, { body: b.body!, expectedRevision: Number(b.expectedRevision) || 0 }, requestCtx(c)), 'changed'));
  app.post('/console/registry/memos/:id/deletions', handle((c, b, id) =>
    svc.deleteMemo(c.var.actor, id, { expectedRevision: Number(b.expectedRevision) || 0 }, requestCtx(c)), 'removed'));
  return app;
}
