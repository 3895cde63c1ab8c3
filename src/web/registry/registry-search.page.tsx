// SPDX-License-Identifier: EUPL-1.2
/**
 * 住民検索 (/console/registry): one search box for a name (kanji or kana), a birth date (和暦 or 西暦), a
 * 個人番号, a 住民票コード or a 町字; results with arrow-key navigation (static/registry.js).
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { registryText } from './registry-i18n.ts';
import { CheckField, ErrorSummary, RegistryLayout, SelectField, td, TextField, th } from './registry-ui.tsx';

export type PersonHit = Awaited<ReturnType<RegistryService['search']>>[number];

/** What the search form holds. */
export interface SearchForm {
  q: string;
  mode: string;
  includeRemoved: boolean;
  purpose: string;
}

/** Search purposes offered (free text allowed). */
export const SEARCH_PURPOSES = ['窓口での照会', '異動届の受付', '証明書の交付', '職権調査', '他課からの照会'];

export interface RegistrySearchProps extends ConsoleContext {
  form: SearchForm;
  /** How the box was read, e.g. 「氏名（カナ）」. */
  interpretedAs?: string;
  hits?: PersonHit[];
  householdHeads: Record<string, string>;
  error?: { message: string; code?: string };
  canReview: boolean;
  canChange: boolean;
}

/** The search page. */
export function RegistrySearchPage(p: RegistrySearchProps) {
  const f = p.form;
  const r = registryText(p.lang);
  const t = r.search;
  return (
    <RegistryLayout {...p} title={t.title} sub="search">
      <h1 class="text-std-32B-150">{t.title}</h1>
      {p.error ? <ErrorSummary title={t.failed} message={p.error.message} code={p.error.code} /> : null}
      <form method="get" action="/console/registry" class="mt-6 flex max-w-4xl flex-col gap-4" role="search" aria-label={t.formLabel}>
        <TextField name="q" label={t.q} value={f.q} autofocus hint={t.qHint} />
        <div class="flex flex-wrap items-end gap-6">
          <SelectField name="mode" label={t.mode} value={f.mode} options={(['prefix', 'partial', 'exact'] as const).map((m): [string, string] => [m, t.modes[m] ?? m])} />
          <div class="form-field">
            <label class="form-label" for="purpose">{t.purpose}</label>
            <input class="form-control" id="purpose" name="purpose" list="purpose-list" value={f.purpose} autocomplete="off" />
            <datalist id="purpose-list">{SEARCH_PURPOSES.map((x) => <option value={x} />)}</datalist>
          </div>
        </div>
        <CheckField name="includeRemoved" label={t.includeRemoved} checked={f.includeRemoved} />
        <div><button class="button-primary" type="submit">{t.submit}</button></div>
      </form>
      {p.hits ? (
        <section class="mt-8" aria-labelledby="results-heading">
          <h2 id="results-heading" class="text-std-24B-150">{t.results} <span class="text-std-16N-170" role="status">{t.count(p.hits.length)}{p.interpretedAs ? t.interpretedAs(t.as[p.interpretedAs] ?? p.interpretedAs) : ''}</span></h2>
          {p.hits.length === 0 ? <p class="mt-2">{t.noHits}</p> : (
            <>
              <p class="mt-2 text-std-16N-170 text-solid-gray-700" id="results-help">{t.keyHelp}</p>
              <div class="mt-2 overflow-x-auto">
                <table class="w-full border-collapse" data-keynav aria-describedby="results-help" data-testid="search-results">
                  <thead><tr>
                    <th scope="col" class={th}>{t.columns.name}</th><th scope="col" class={th}>{t.columns.kana}</th><th scope="col" class={th}>{t.columns.birthDate}</th>
                    <th scope="col" class={th}>{t.columns.sex}</th><th scope="col" class={th}>{t.columns.address}</th><th scope="col" class={th}>{t.columns.head}</th><th scope="col" class={th}>{t.columns.status}</th>
                  </tr></thead>
                  <tbody>
                    {p.hits.map((h) => (
                      <tr class={h.status === 'removed' ? 'bg-solid-gray-50' : ''}>
                        <td class={td}><a class="link" href={`/console/registry/persons/${h.personId}`}>{h.name || h.romanName}</a></td>
                        <td class={td}>{h.nameKana}</td>
                        <td class={`${td} whitespace-nowrap`}>{h.birthDate}</td>
                        <td class={td}>{r.sex[h.sex] ?? h.sex}</td>
                        <td class={td}>{h.address}</td>
                        <td class={td}>{h.relationship === '世帯主' ? t.self : p.householdHeads[h.householdId] ? `${p.householdHeads[h.householdId]}（${h.relationship}）` : `（${h.relationship}）`}</td>
                        <td class={td}>{r.personStatus[h.status] ?? h.status}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ) : null}
    </RegistryLayout>
  );
}
