// SPDX-License-Identifier: EUPL-1.2
/**
 * The registry's EUC screen (spec §10.1): GET shows the form and the saved extractions; POST previews the count or
 * saves the extraction (post/redirect/get); POST …/:id/run runs a saved extraction and downloads its CSV through the
 * service, which access-logs every extracted person.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { InvalidLegalDateError, parseCalendarDate } from '../../domains/registry/index.ts';
import { DEFAULT_EUC_ITEMS, type EucConditions, type EucItem } from '../../domains/registry/euc/euc-items.ts';
import { toAsciiDigits } from '../../platform/text/ascii-digits.ts';
import { requestLang } from '../ui/i18n.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { EucPage, type EucPreview } from './registry-euc.page.tsx';
import { eucText } from './registry-euc-i18n.ts';
import type { FieldErrors } from './registry-ui.tsx';
import { registryFlags, requestCtx } from './registry.routes.tsx';

const PATH = '/console/registry/euc';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = ['townCode', 'ageFrom', 'ageTo', 'sex', 'residentKind', 'state', 'changedFrom', 'changedTo', 'title', 'purpose'] as const;

/** Mounts the EUC screen. */
export function registryEucRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const svc = services.registry;
  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'registry:euc')) throw new ForbiddenError('registry:euc');
    await next();
  };
  app.use(PATH, guard);
  app.use(`${PATH}/*`, guard);

  type Extra = { values?: Record<string, string>; picked?: readonly string[]; errors?: FieldErrors; preview?: EucPreview; saved?: boolean; error?: { message: string; code?: string } };
  const page = async (c: Context<AppEnv>, extra: Extra = {}, status: 200 | 400 | 403 | 409 | 422 = 200) => {
    const towns = Object.fromEntries((await svc.listTowns(c.var.actor)).items.map((t) => [t.code, t.name]));
    return renderPage(c, EucPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), csrfToken: c.var.actor.csrfToken, items: svc.eucItems(c.var.actor), towns,
      queries: await svc.listEucQueries(c.var.actor), values: extra.values ?? { state: 'current' }, picked: extra.picked ?? DEFAULT_EUC_ITEMS, errors: extra.errors ?? {},
      preview: extra.preview, saved: extra.saved, error: extra.error }), status);
  };

  app.get(PATH, (c) => page(c, { saved: c.req.query('done') === 'saved' }));

  app.post(PATH, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const one = (k: string) => { const x = body[k]; const s = Array.isArray(x) ? x[0] : x; return typeof s === 'string' ? s.trim().slice(0, 500) : ''; };
    assertCsrf(c.var.actor, one('_csrf') || undefined);
    const t = eucText(requestLang(c)).errors;
    const values = Object.fromEntries(FIELDS.map((k) => [k, one(k)]));
    const raw = body.items;
    const picked = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string');
    const errors: FieldErrors = {};
    const allowed = svc.eucItems(c.var.actor) as readonly string[];
    const items = picked.filter((i) => allowed.includes(i)) as EucItem[];
    if (items.length === 0) errors.items = t.items;
    const age = (k: 'ageFrom' | 'ageTo') => {
      if (!values[k]) return undefined;
      const v = toAsciiDigits(values[k]!);
      if (!/^\d{1,3}$/.test(v) || Number(v) > 150) { errors[k] = t.age; return undefined; }
      return Number(v);
    };
    const day = (k: 'changedFrom' | 'changedTo') => {
      if (!values[k]) return undefined;
      try { return parseCalendarDate(values[k]!); } catch (e) { if (e instanceof InvalidLegalDateError) { errors[k] = t.day; return undefined; } throw e; }
    };
    const conditions: EucConditions = {
      ...(values.townCode && /^\d{7}$/.test(values.townCode) ? { townCodes: [values.townCode] } : {}),
      ...(age('ageFrom') !== undefined ? { ageFrom: age('ageFrom') } : {}), ...(age('ageTo') !== undefined ? { ageTo: age('ageTo') } : {}),
      ...(values.sex === 'male' || values.sex === 'female' ? { sex: values.sex } : {}),
      ...(values.residentKind === 'japanese' || values.residentKind === 'foreign' ? { residentKind: values.residentKind } : {}),
      ...(day('changedFrom') ? { changedFrom: day('changedFrom') } : {}), ...(day('changedTo') ? { changedTo: day('changedTo') } : {}),
      state: values.state === 'removed' || values.state === 'all' ? values.state : 'current',
    };
    const save = one('action') === 'save';
    if (save && !values.title) errors.title = t.name;
    if (save && !values.purpose) errors.purpose = t.purpose;
    if (Object.keys(errors).length > 0) return page(c, { values, picked, errors }, 400);
    try {
      if (!save) return page(c, { values, picked, preview: await svc.previewEuc(c.var.actor, { items, conditions }, requestCtx(c)) });
      await svc.saveEucQuery(c.var.actor, { items, conditions, title: values.title!, purpose: values.purpose! }, requestCtx(c));
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401) throw err;
      return page(c, { values, picked, error: { message: err.title, code: err.code } }, err.status as 422);
    }
    return c.redirect(`${PATH}?done=saved`, 303);
  });

  app.post(`${PATH}/:id/run`, async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    const id = c.req.param('id') ?? '';
    if (!UUID.test(id)) return c.notFound();
    try {
      const f = await svc.runEucQuery(c.var.actor, id, requestCtx(c));
      return c.body(f.body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${f.filename}"` });
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401) throw err;
      return page(c, { error: { message: err.title, code: err.code } }, err.status as 422);
    }
  });

  return app;
}
