// SPDX-License-Identifier: EUPL-1.2
/**
 * データ抽出（EUC） (/console/registry/euc, spec §10.1): item checkboxes (standard item names), conditions (町字, 年齢,
 * 性別, 日本人/外国人, 異動日, 現存/除票), a count preview with its alerts, the title and purpose, and the saved
 * extractions with their conditions in words (dates in 和暦) and a button that runs one into a CSV.
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { warekiTime } from './registry-change-detail.page.tsx';
import { eucText, type EucDictionary } from './registry-euc-i18n.ts';
import { DateField, ErrorSummary, RegistryLayout, td, th, wareki, type FieldErrors } from './registry-ui.tsx';

export type EucQuery = Awaited<ReturnType<RegistryService['listEucQueries']>>[number];
export type EucPreview = Awaited<ReturnType<RegistryService['previewEuc']>>;

export interface EucPageProps extends ConsoleContext {
  canChange: boolean;
  canReview: boolean;
  csrfToken: string;
  items: readonly string[];
  towns: Record<string, string>;
  queries: EucQuery[];
  values: Record<string, string>;
  picked: readonly string[];
  errors: FieldErrors;
  preview?: EucPreview;
  saved?: boolean;
  error?: { message: string; code?: string };
}

/** An extraction's conditions in words. */
export function describeConditions(c: Record<string, unknown>, t: EucDictionary, towns: Record<string, string>): string {
  const parts: string[] = [];
  parts.push(Array.isArray(c.townCodes) && c.townCodes.length ? c.townCodes.map((x) => towns[String(x)] ?? '').join('・') : t.all);
  if (c.ageFrom !== undefined || c.ageTo !== undefined) parts.push(t.age(String(c.ageFrom ?? ''), String(c.ageTo ?? '')));
  if (typeof c.sex === 'string') parts.push(t.sexes[c.sex] ?? '');
  if (typeof c.residentKind === 'string') parts.push(t.kinds[c.residentKind] ?? '');
  if (c.changedFrom || c.changedTo) parts.push(t.period(c.changedFrom ? wareki(String(c.changedFrom)) : '', c.changedTo ? wareki(String(c.changedTo)) : ''));
  parts.push(t.states[typeof c.state === 'string' ? c.state : 'current'] ?? '');
  return parts.filter(Boolean).join('　');
}

/** The EUC page. */
export function EucPage(p: EucPageProps) {
  const t = eucText(p.lang);
  const v = (k: string) => p.values[k] ?? '';
  const e = (k: string) => p.errors[k];
  const num = (k: string, label: string) => (
    <div class="form-field">
      <label class="form-label" for={k}>{label}</label>
      {e(k) ? <p class="form-error" id={`${k}-error`}>{e(k)}</p> : null}
      <input class="form-control w-24" id={k} name={k} type="text" inputmode="numeric" value={v(k)} aria-invalid={e(k) ? 'true' : undefined} aria-describedby={e(k) ? `${k}-error` : undefined} />
    </div>
  );
  const select = (k: string, label: string, options: Array<[string, string]>) => (
    <div class="form-field">
      <label class="form-label" for={k}>{label}</label>
      <select class="form-control" id={k} name={k}>{options.map(([val, text]) => <option value={val} selected={v(k) === val}>{text}</option>)}</select>
    </div>
  );
  return (
    <RegistryLayout {...p} title={t.title} sub="euc">
      <h1 class="text-std-32B-150">{t.title}</h1>
      {p.error ? <ErrorSummary message={p.error.message} code={p.error.code} /> : null}
      {Object.keys(p.errors).length > 0 && !p.error ? <ErrorSummary errors={p.errors} /> : null}
      {p.saved ? <div class="banner-success mt-4" role="status" data-testid="saved">{t.saved}</div> : null}
      <p class="mt-2 max-w-4xl">{t.lead}</p>
      <form method="post" action="/console/registry/euc" class="mt-6 grid max-w-6xl gap-6" novalidate>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <fieldset class="card">
          <legend class="text-std-20B-150">{t.items}</legend>
          <p class="form-hint">{t.itemsHint}</p>
          {e('items') ? <p class="form-error" id="items-error">{e('items')}</p> : null}
          <div class="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 md:grid-cols-4" data-testid="euc-items">
            {p.items.map((item, i) => (
              <label class="flex items-center gap-2" for={`item-${i}`}>
                <input type="checkbox" id={`item-${i}`} name="items" value={item} checked={p.picked.includes(item)} />{item}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="card">
          <legend class="text-std-20B-150">{t.conditions}</legend>
          <div class="mt-2 flex flex-wrap items-end gap-4">
            {select('townCode', t.town, [['', t.anyTown], ...Object.entries(p.towns)])}
            {num('ageFrom', t.ageFrom)}
            {num('ageTo', t.ageTo)}
            {select('sex', t.sex, [['', t.any], ['male', t.sexes.male!], ['female', t.sexes.female!]])}
            {select('residentKind', t.kind, [['', t.any], ['japanese', t.kinds.japanese!], ['foreign', t.kinds.foreign!]])}
            {select('state', t.state, [['current', t.states.current!], ['removed', t.states.removed!], ['all', t.states.all!]])}
          </div>
          <div class="mt-4 flex flex-wrap items-start gap-4">
            <DateField name="changedFrom" id="changedFrom" label={t.changedFrom} value={v('changedFrom')} error={e('changedFrom')} />
            <DateField name="changedTo" id="changedTo" label={t.changedTo} value={v('changedTo')} error={e('changedTo')} />
          </div>
        </fieldset>
        {p.preview ? (
          <div class={p.preview.alerts.length ? "banner-warning" : "card"} role="status" data-testid="preview">
            <p class="text-std-18B-160">{t.previewResult(p.preview.count, p.preview.excluded)}</p>
            {p.preview.alerts.length ? <ul class="mt-2 list-disc pl-5">{p.preview.alerts.map((a) => <li data-alert-code={a.code}>{a.message}</li>)}</ul> : null}
          </div>
        ) : null}
        <div class="card flex flex-wrap items-end gap-4">
          <div class="form-field">
            <label class="form-label" for="title">{t.name}</label>
            {e('title') ? <p class="form-error" id="title-error">{e('title')}</p> : null}
            <input class="form-control w-72" id="title" name="title" type="text" maxlength={100} value={v('title')} aria-invalid={e('title') ? 'true' : undefined} />
          </div>
          <div class="form-field">
            <label class="form-label" for="purpose">{t.purpose}</label>
            <p class="form-hint">{t.purposeHint}</p>
            {e('purpose') ? <p class="form-error" id="purpose-error">{e('purpose')}</p> : null}
            <input class="form-control w-96" id="purpose" name="purpose" type="text" maxlength={500} value={v('purpose')} aria-invalid={e('purpose') ? 'true' : undefined} />
          </div>
          <button class="button-secondary" type="submit" name="action" value="preview">{t.preview}</button>
          <button class="button-primary" type="submit" name="action" value="save">{t.save}</button>
        </div>
      </form>
      <h2 class="mt-10 text-std-24B-150">{t.list}</h2>
      {p.queries.length === 0 ? <p class="mt-2">{t.none}</p> : (
        <div class="mt-4 overflow-x-auto">
          <table class="w-full border-collapse text-left" data-testid="euc-queries">
            <thead><tr>{[t.columns.name, t.columns.purpose, t.columns.conditions, t.columns.items, t.columns.createdBy, t.columns.lastRun, t.columns.action].map((h) => <th class={th} scope="col">{h}</th>)}</tr></thead>
            <tbody>
              {p.queries.map((q) => (
                <tr data-testid="euc-query">
                  <td class={td}>{q.title}</td>
                  <td class={td}>{q.purpose}</td>
                  <td class={td}>{describeConditions(q.parameters.conditions as Record<string, unknown>, t, p.towns)}</td>
                  <td class={td}>{q.parameters.items.join('、')}</td>
                  <td class={td}>{q.createdByName}<br />{warekiTime(q.createdAt)}</td>
                  <td class={td}>{q.lastRunAt ? t.lastRunOf(warekiTime(q.lastRunAt), q.lastRunByName ?? '', q.lastCount ?? 0, q.lastExcluded ?? 0) : t.never}</td>
                  <td class={td}>
                    <form method="post" action={`/console/registry/euc/${q.queryId}/run`}>
                      <input type="hidden" name="_csrf" value={p.csrfToken} />
                      <button class="button-secondary" type="submit">{t.run}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </RegistryLayout>
  );
}
