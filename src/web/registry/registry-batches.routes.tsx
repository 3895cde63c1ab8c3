// SPDX-License-Identifier: EUPL-1.2
/**
 * The registry's batch screen: GET shows the request forms and the runs; POST requests a run (post/redirect/get,
 * the form carries a one-time `_idem` token); the result files are downloaded through the service, which
 * access-logs every person in them.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { InvalidLegalDateError, parseCalendarDate } from '../../domains/registry/index.ts';
import { requestLang } from '../ui/i18n.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { BATCH_FORM_KINDS, BatchPage } from './registry-batch.page.tsx';
import { batchText } from './registry-batch-i18n.ts';
import type { FieldErrors } from './registry-ui.tsx';
import { registryFlags, requestCtx } from './registry.routes.tsx';
import { toAsciiDigits } from '../../platform/text/ascii-digits.ts';

const PATH = '/console/registry/batches';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVALID_DAY = '日付が正しくありません（例: 令和7年4月1日、2025-04-01）';

/** Mounts the batch screen. */
export function registryBatchRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const svc = services.registry;
  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'registry:batch')) throw new ForbiddenError('registry:batch');
    await next();
  };
  app.use(PATH, guard);
  app.use(`${PATH}/*`, guard);

  const page = async (c: Context<AppEnv>, extra: { done?: boolean; scheduleAdded?: boolean; form?: { kind: string; values: Record<string, string>; errors: FieldErrors }; error?: { message: string; code?: string } } = {}, status: 200 | 400 | 409 | 422 = 200) => {
    const towns = Object.fromEntries((await svc.listTowns(c.var.actor)).items.map((t) => [t.code, t.name]));
    return renderPage(c, BatchPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), csrfToken: c.var.actor.csrfToken,
      runs: await svc.listBatchRuns(c.var.actor, { limit: 50 }), schedules: await svc.listBatchSchedules(c.var.actor), towns, ...extra }), status);
  };

  app.get(PATH, (c) => page(c, { done: c.req.query('done') === 'queued', scheduleAdded: c.req.query('done') === 'scheduled' }));

  // 定期実行の設定: a kind with its default parameters on a frequency.
  app.post(`${PATH}/schedules`, async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    const s = (k: string) => (typeof body[k] === 'string' ? toAsciiDigits((body[k] as string).trim().slice(0, 40)) : '');
    const values = Object.fromEntries(['kind', 'every', 'weekday', 'day', 'month', 'on'].map((k) => [k, s(k)]));
    const kind = values.kind!;
    if (!(BATCH_FORM_KINDS as readonly string[]).includes(kind) || kind === 'random-extraction') return page(c, { error: { message: '処理の種類を選んでください' } }, 400);
    const t = batchText(requestLang(c)).errors;
    const errors: FieldErrors = {};
    const int = (k: string, max: number) => (/^\d{1,2}$/.test(values[k] ?? '') && Number(values[k]) >= 1 && Number(values[k]) <= max ? Number(values[k]) : (errors[`schedule-${k}`] = t.day, 1));
    let frequency: Parameters<typeof svc.createBatchSchedule>[1]['frequency'];
    switch (values.every) {
      case 'once': {
        let on = '';
        try { on = parseCalendarDate(values.on ?? ''); } catch (e) { if (!(e instanceof InvalidLegalDateError)) throw e; errors['schedule-on'] = values.on ? INVALID_DAY : t.onDate; }
        frequency = { every: 'once', on };
        break;
      }
      case 'daily': frequency = { every: 'daily' }; break;
      case 'weekly': frequency = { every: 'weekly', weekday: Math.min(6, Math.max(0, Number(values.weekday) || 0)) }; break;
      case 'monthly': frequency = { every: 'monthly', day: int('day', 31) }; break;
      case 'yearly': frequency = { every: 'yearly', month: int('month', 12), day: int('day', 31) }; break;
      default: frequency = { every: 'month-end' };
    }
    if (Object.keys(errors).length > 0) return page(c, { form: { kind: 'schedule', values, errors } }, 400);
    try {
      await svc.createBatchSchedule(c.var.actor, { run: { kind } as Parameters<typeof svc.requestBatchRun>[1], frequency }, requestCtx(c));
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401 || err.status === 403) throw err;
      return page(c, { form: { kind: 'schedule', values, errors: {} }, error: { message: err.title, code: err.code } }, err.status as 422);
    }
    return c.redirect(`${PATH}?done=scheduled`, 303);
  });

  app.post(PATH, async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim().slice(0, 100) : '');
    const kind = s('kind');
    if (!(BATCH_FORM_KINDS as readonly string[]).includes(kind)) return page(c, { error: { message: '処理の種類を選んでください' } }, 400);
    const t = batchText(requestLang(c)).errors;
    const values = Object.fromEntries(['from', 'to', 'order', 'count', 'ageFrom', 'ageTo', 'sex', 'seed', 'file'].map((k) => [k, s(k)]));
    const errors: FieldErrors = {};
    const day = (k: string) => {
      if (!values[k]) return undefined;
      try { return parseCalendarDate(values[k]!); } catch (e) { if (e instanceof InvalidLegalDateError) { errors[`${kind}-${k}`] = INVALID_DAY; return undefined; } throw e; }
    };
    const int = (k: string, min: number, message: string) => {
      if (!values[k]) return undefined;
      const v = toAsciiDigits(values[k]!);
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > 100_000) { errors[`${kind}-${k}`] = message; return undefined; }
      return Number(v);
    };
    let input: Parameters<typeof svc.requestBatchRun>[1];
    if (kind === 'annual-report' || kind === 'immigration-report' || kind === 'guardianship-notices') input = { kind, from: day('from'), to: day('to') };
    else if (kind === 'inspection-copy') input = { kind, order: values.order === 'kana' ? 'kana' : 'address' };
    else if (kind === 'cs-consistency') {
      if (values.file && !/^[0-9A-Za-z][0-9A-Za-z._-]{0,99}\.csv$/i.test(values.file)) errors[`${kind}-file`] = t.file;
      input = { kind, file: values.file || undefined };
    }
    else {
      const count = int('count', 1, t.count);
      if (!values.count) errors[`${kind}-count`] = t.count;
      if (values.seed && !/^[0-9A-Za-z-]{1,64}$/.test(values.seed)) errors[`${kind}-seed`] = t.seed;
      input = { kind: 'random-extraction', count: count ?? 0, ageFrom: int('ageFrom', 0, t.age), ageTo: int('ageTo', 0, t.age),
        sex: values.sex === 'male' || values.sex === 'female' ? values.sex : undefined, seed: values.seed || undefined };
    }
    if (Object.keys(errors).length > 0) return page(c, { form: { kind, values, errors } }, 400);
    try {
      await svc.requestBatchRun(c.var.actor, input, requestCtx(c));
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401 || err.status === 403) throw err;
      return page(c, { form: { kind, values, errors: {} }, error: { message: err.title, code: err.code } }, err.status as 422);
    }
    return c.redirect(`${PATH}?done=queued`, 303);
  });

  const download = (format: 'csv' | 'labels') => async (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? '';
    if (!UUID.test(id)) return c.notFound();
    const f = await svc.downloadBatchRun(c.var.actor, id, format, requestCtx(c));
    return c.body(typeof f.body === 'string' ? f.body : (f.body as unknown as ArrayBuffer), 200, { 'content-type': f.contentType, 'content-disposition': `attachment; filename="${f.filename}"` });
  };
  app.get(`${PATH}/:id/result.csv`, download('csv'));
  app.get(`${PATH}/:id/labels.pdf`, download('labels'));

  return app;
}
