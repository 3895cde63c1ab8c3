// SPDX-License-Identifier: EUPL-1.2
/**
 * 住民検索 (/console/registry): one search box for a name (kanji or kana), a birth date (和暦 or 西暦), a
 * 個人番号, a 住民票コード or a 町字; results with arrow-key navigation (static/registry.js).
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../layout/console-layout.tsx';
import { CheckField, ErrorSummary, PERSON_STATUS_LABELS, RegistryLayout, SelectField, SEX_LABELS, td, TextField, th } from './registry-ui.tsx';

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
  return (
    <RegistryLayout {...p} title="住民検索" sub="search">
      <h1 class="text-std-32B-150">住民検索</h1>
      {p.error ? <ErrorSummary title="検索できませんでした" message={p.error.message} code={p.error.code} /> : null}
      <form method="get" action="/console/registry" class="mt-6 flex max-w-4xl flex-col gap-4" role="search" aria-label="住民検索">
        <TextField name="q" label="検索語" value={f.q} autofocus
          hint="氏名（漢字・カナ、前方一致）、生年月日（例: 昭和55年3月1日、S55.3.1、1980-03-01）、個人番号（12桁）、住民票コード（11桁）、町字（例: 大字広丘野村）。氏名と生年月日は空白で区切って同時に指定できます。" />
        <div class="flex flex-wrap items-end gap-6">
          <SelectField name="mode" label="氏名の一致方法" value={f.mode} options={[['prefix', '前方一致'], ['partial', '部分一致'], ['exact', '完全一致']]} />
          <div class="form-field">
            <label class="form-label" for="purpose">利用目的</label>
            <input class="form-control" id="purpose" name="purpose" list="purpose-list" value={f.purpose} autocomplete="off" />
            <datalist id="purpose-list">{SEARCH_PURPOSES.map((x) => <option value={x} />)}</datalist>
          </div>
        </div>
        <CheckField name="includeRemoved" label="除票を含む" checked={f.includeRemoved} />
        <div><button class="button-primary" type="submit">検索</button></div>
      </form>
      {p.hits ? (
        <section class="mt-8" aria-labelledby="results-heading">
          <h2 id="results-heading" class="text-std-24B-150">検索結果 <span class="text-std-16N-170" role="status">{p.hits.length}件{p.interpretedAs ? `（${p.interpretedAs}で検索）` : ''}</span></h2>
          {p.hits.length === 0 ? <p class="mt-2">該当する住民はいません。検索語又は「除票を含む」を見直してください。</p> : (
            <>
              <p class="mt-2 text-std-16N-170 text-solid-gray-700" id="results-help">↑↓キーで行を移動し、Enterで個人票を開きます。</p>
              <div class="mt-2 overflow-x-auto">
                <table class="w-full border-collapse" data-keynav aria-describedby="results-help" data-testid="search-results">
                  <thead><tr>
                    <th scope="col" class={th}>氏名</th><th scope="col" class={th}>読み</th><th scope="col" class={th}>生年月日</th>
                    <th scope="col" class={th}>性別</th><th scope="col" class={th}>住所</th><th scope="col" class={th}>世帯主</th><th scope="col" class={th}>状態</th>
                  </tr></thead>
                  <tbody>
                    {p.hits.map((h) => (
                      <tr class={h.status === 'removed' ? 'bg-solid-gray-50' : ''}>
                        <td class={td}><a class="link" href={`/console/registry/persons/${h.personId}`}>{h.name || h.romanName}</a></td>
                        <td class={td}>{h.nameKana}</td>
                        <td class={`${td} whitespace-nowrap`}>{h.birthDate}</td>
                        <td class={td}>{SEX_LABELS[h.sex]}</td>
                        <td class={td}>{h.address}</td>
                        <td class={td}>{h.relationship === '世帯主' ? '本人' : p.householdHeads[h.householdId] ? `${p.householdHeads[h.householdId]}（${h.relationship}）` : `（${h.relationship}）`}</td>
                        <td class={td}>{PERSON_STATUS_LABELS[h.status]}</td>
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
