// SPDX-License-Identifier: EUPL-1.2
/**
 * The 住所一括変更 screen: GET shows the table of rules; POST step=trial runs it as a trial (nothing written)
 * and shows the households; step=run records one change per household as 仮登録 with the versions seen in
 * the trial (households changed since are skipped by the service) and answers 303 to the clerk's 「自分の入力」
 * (post/redirect/get; the form carries a one-time `_idem` token); step=edit returns to the form.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { toWareki } from '../../domains/registry/index.ts';
import {
  AddressBatchFormPage, AddressBatchTrialPage, RULE_ROWS, type AddressBatchResult,
} from './registry-address-change.page.tsx';
import { val, type FormValues } from './registry-change.page.tsx';
import { changeFormText } from './registry-change-i18n.ts';
import { requestLang, type Lang } from '../ui/i18n.ts';
import type { FieldErrors } from './registry-ui.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { checkDate, opt } from './registry-change-kinds.ts';
import { registryFlags, requestCtx } from './registry.routes.tsx';

type Rule = { from: { townName: string; banchiFrom?: number; banchiTo?: number; banchi?: string }; to: { townName: string; banchi?: string; unlisted?: boolean } };
const PATH = '/console/registry/address-changes';

/** Strings of the posted form, trimmed. */
function formValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (['_csrf', '_idem', 'step', 'form', 'versions'].includes(k)) continue;
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof last === 'string') out[k] = last.trim().slice(0, 300);
  }
  return out;
}

/** The rules of the form; field errors for what the form itself can tell (the service checks the rest). */
export function buildRules(v: FormValues, errors: FieldErrors, lang: Lang = 'ja'): Rule[] {
  const m = changeFormText(lang).batch.errors;
  const rules: Rule[] = [];
  const lot = (name: string) => {
    const s = val(v, name).replace(/番地?$/, '');
    if (!s) return undefined;
    if (!/^\d+$/.test(s)) { errors[name] = m.lot; return undefined; }
    return Number(s);
  };
  for (let i = 0; i < RULE_ROWS; i++) {
    const f = (k: string) => `r${i}-${k}`;
    const used = ['fromTown', 'banchiFrom', 'banchiTo', 'fromBanchi', 'toTown', 'toBanchi'].some((k) => val(v, f(k)));
    if (!used) continue;
    if (!val(v, f('fromTown'))) errors[f('fromTown')] = m.fromTown;
    if (!val(v, f('toTown'))) errors[f('toTown')] = m.toTown;
    const banchiFrom = lot(f('banchiFrom'));
    const banchiTo = lot(f('banchiTo'));
    if ((banchiFrom === undefined) !== (banchiTo === undefined) && !errors[f('banchiFrom')] && !errors[f('banchiTo')]) {
      errors[f(banchiFrom === undefined ? 'banchiFrom' : 'banchiTo')] = m.range;
    }
    if (banchiFrom !== undefined && banchiTo !== undefined && banchiTo < banchiFrom) errors[f('banchiTo')] = m.rangeOrder;
    rules.push({
      from: { townName: val(v, f('fromTown')), banchiFrom, banchiTo, banchi: opt(val(v, f('fromBanchi'))) },
      to: { townName: val(v, f('toTown')), banchi: opt(val(v, f('toBanchi'))), unlisted: val(v, f('unlisted')) === '1' || undefined },
    });
  }
  if (rules.length === 0) errors['r0-fromTown'] = m.noRules;
  return rules;
}

/** Mounts the 住所一括変更 screen. */
export function registryAddressChangeRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const svc = services.registry;

  app.use(`${PATH}`, async (c, next) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'registry:change')) throw new ForbiddenError('registry:change');
    await next();
  });

  const props = async (c: Context<AppEnv>) => ({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), csrfToken: c.var.actor.csrfToken });
  const form = async (c: Context<AppEnv>, values: FormValues, errors: FieldErrors = {}, error?: { message: string; code?: string }, status: 200 | 400 | 409 | 422 = 200) =>
    renderPage(c, AddressBatchFormPage({ ...(await props(c)), values, errors, error, towns: (await services.registry.listTowns(c.var.actor)).items.map((t) => t.name) }), status);

  app.get(PATH, (c) => form(c, {}));

  app.post(PATH, async (c) => {
    const body = await c.req.parseBody({ all: true });
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    const parse = (x: unknown) => { try { return typeof x === 'string' ? JSON.parse(x) as Record<string, unknown> : undefined; } catch { return undefined; } };
    const values = formValues(parse(body.form) ?? (body as Record<string, unknown>));
    const step = body.step === 'run' ? 'run' : body.step === 'edit' ? 'edit' : 'trial';
    if (step === 'edit') return form(c, values);
    const lang = requestLang(c);
    const t = changeFormText(lang);
    const errors: FieldErrors = {};
    const on = checkDate(values, 'occurredOn', errors, { required: true }, t.errors);
    const cause = val(values, 'cause');
    if (cause !== '住居表示' && cause !== '区画整理') errors.cause = t.errors.cause;
    const rules = buildRules(values, errors, lang);
    if (Object.keys(errors).length > 0) return form(c, values, errors, undefined, 400);
    const versions = step === 'run' ? Object.fromEntries(Object.entries(parse(body.versions) ?? {}).filter(([, n]) => Number.isInteger(n))) as Record<string, number> : undefined;
    if (step === 'run' && !versions) return form(c, values, {}, { message: t.batch.errors.noTrial }, 400);
    let result: AddressBatchResult;
    try {
      result = await svc.changeAddresses(c.var.actor, { dryRun: step === 'trial', cause: cause as '住居表示', occurredOn: val(values, 'occurredOn'), rules,
        expectedVersions: versions, note: opt(val(values, 'note')) }, requestCtx(c)) as AddressBatchResult;
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401 || err.status === 403) throw err;
      return form(c, values, err.code === 'invalid-date' ? { occurredOn: err.title } : {}, { message: err.title, code: err.code }, err.status as 422);
    }
    // Post/redirect/get: the recorded changes are the clerk's own pending 住所変更 (「自分の入力」); a reload records nothing.
    if (step === 'run') return c.redirect(`/console/registry/mine?kind=address-renaming&status=provisional&done=batch&households=${result.households}&skipped=${result.conflicts.length}`, 303);
    const b = t.batch;
    const summary: Array<[string, string]> = [[b.occurredOn, on ? toWareki(on.sortKey) : val(values, 'occurredOn')], [t.items.cause, t.itemValues.cause[cause === '住居表示' ? '住居表示' : '区画整理']],
      ...rules.map((r, i): [string, string] => [b.rule(i + 1), `${r.from.townName}${r.from.banchi ?? (r.from.banchiFrom !== undefined || r.from.banchiTo !== undefined ? b.range(String(r.from.banchiFrom ?? ''), String(r.from.banchiTo ?? '')) : b.wholeTown)} → ${r.to.townName}${r.to.banchi ?? ''}`])];
    return renderPage(c, AddressBatchTrialPage({ ...(await props(c)), result, values, summary }));
  });

  return app;
}
