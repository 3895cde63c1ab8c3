// SPDX-License-Identifier: EUPL-1.2
/**
 * 住民検索 (/console/registry): one search box for a name (kanji or kana), a birth date (和暦 or 西暦), a
 * 個人番号, a 住民票コード or a 町字; results with arrow-key navigation (static/registry.js).
 */
import { recordsText } from './registry-records.tsx';
import { EMPTY_ITEMS, REMOVAL_REASONS, type RegistryService } from '../../domains/registry/index.ts';
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { ADVANCED_KEYS, composeUrl, type SearchForm } from './registry-search-form.ts';
import { registryToolsText } from './registry-tools-i18n.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { registryText } from './registry-i18n.ts';
import { CheckField, ErrorSummary, RegistryLayout, SelectField, td, TextField, th } from './registry-ui.tsx';

export type PersonHit = Awaited<ReturnType<RegistryService['search']>>[number];

export type { SearchForm } from './registry-search-form.ts';
export type SearchHistoryItem = Awaited<ReturnType<RegistryService['searchHistory']>>[number];

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
  /** The clerk's own recent searches (spec §2.1.1) and how long they are kept. */
  history?: SearchHistoryItem[];
  historyDays: number;
  /** 外字 in use in the municipality's names (private use characters, IVS sequences), offered to insert. */
  gaiji?: string[];
}

/** 続柄 offered in the more conditions (any other recorded value may be typed). */
const RELATIONSHIPS = ['世帯主', '妻', '夫', '子', '子の妻', '子の夫', '父', '母', '兄', '姉', '弟', '妹', '縁故者', '同居人'];

/** The search page. */
export function RegistrySearchPage(p: RegistrySearchProps) {
  const f = p.form;
  const r = registryText(p.lang);
  const t = r.search;
  const x = registryToolsText(p.lang);
  return (
    <RegistryLayout {...p} title={t.title} sub="search">
      <h1 class="text-std-32B-150">{t.title}</h1>
      {p.error ? <ErrorSummary title={t.failed} message={p.error.message} code={p.error.code} /> : null}
      <form method="get" action="/console/registry" class="mt-6 flex max-w-4xl flex-col gap-4" role="search" aria-label={t.formLabel}>
        <TextField name="q" label={t.q} value={f.q} autofocus hint={t.qHint} />
        {p.gaiji ? <GaijiPicker form={f} gaiji={p.gaiji} lang={p.lang} /> : null}
        <div class="flex flex-wrap items-end gap-6">
          <SelectField name="mode" label={t.mode} value={f.mode} options={(['prefix', 'partial', 'exact'] as const).map((m): [string, string] => [m, t.modes[m] ?? m])} />
          <div class="form-field">
            <label class="form-label" for="purpose">{t.purpose}</label>
            <input class="form-control" id="purpose" name="purpose" list="purpose-list" value={f.purpose} autocomplete="off" />
            <datalist id="purpose-list">{SEARCH_PURPOSES.map((x) => <option value={x} />)}</datalist>
          </div>
        </div>
        <details class="rounded-8 border border-solid-gray-420 p-4" open={ADVANCED_KEYS.some((k) => !!f.advanced[k])} data-testid="advanced-search">
          <summary class="text-std-16B-170">{x.advanced.legend}</summary>
          <p class="form-hint mt-2">{x.advanced.hint}</p>
          <div class="mt-2 grid grid-cols-1 gap-4 md:grid-cols-3">
            <TextField name="atenaNo" label={x.advanced.atenaNo} value={f.advanced.atenaNo} inputmode="numeric" />
            <TextField name="householdNo" label={x.advanced.householdNo} value={f.advanced.householdNo} inputmode="numeric" />
            <SelectField name="sex" label={x.advanced.sex} value={f.advanced.sex} options={[['', x.advanced.anySex], ['male', x.advanced.sexes.male!], ['female', x.advanced.sexes.female!]]} />
            <TextField name="relationship" label={x.advanced.relationship} value={f.advanced.relationship} list="relationship-list" />
            <SelectField name="removalReason" label={x.advanced.removalReason} value={f.advanced.removalReason} options={[['', x.advanced.anyReason], ...REMOVAL_REASONS.map((v): [string, string] => [v, v])]} />
            <SelectField name="emptyItem" label={x.advanced.emptyItem} value={f.advanced.emptyItem} options={[['', x.advanced.anyReason], ...EMPTY_ITEMS.map((v): [string, string] => [v, x.advanced.emptyItems[v] ?? v])]} />
          </div>
          <div class="mt-4"><CheckField name="pastAddress" label={x.advanced.pastAddress} checked={!!f.advanced.pastAddress} /></div>
          <datalist id="relationship-list">{RELATIONSHIPS.map((v) => <option value={v} />)}</datalist>
          <p class="form-hint mt-4">{x.advanced.rangeHint}</p>
          <div class="mt-2 grid grid-cols-1 gap-4 md:grid-cols-4">
            <TextField name="birthFrom" label={x.advanced.birthFrom} value={f.advanced.birthFrom} />
            <TextField name="birthTo" label={x.advanced.birthTo} value={f.advanced.birthTo} />
            <TextField name="changedFrom" label={x.advanced.changedFrom} value={f.advanced.changedFrom} />
            <TextField name="changedTo" label={x.advanced.changedTo} value={f.advanced.changedTo} />
          </div>
        </details>
        <CheckField name="includeRemoved" label={t.includeRemoved} checked={f.includeRemoved} />
        <div><button class="button-primary" type="submit">{t.submit}</button></div>
      </form>
      {p.hits ? (
        <section class="mt-8" aria-labelledby="results-heading">
          <h2 id="results-heading" class="text-std-24B-150">{t.results} <span class="text-std-16N-170" role="status">{t.count(p.hits.length)}{p.interpretedAs ? t.interpretedAs(t.as[p.interpretedAs] ?? x.advanced.as[p.interpretedAs] ?? p.interpretedAs) : ''}</span></h2>
          {p.hits.length === 0 ? <p class="mt-2">{t.noHits}</p> : (
            <>
              <p class="mt-2 text-std-16N-170 text-solid-gray-700" id="results-help">{t.keyHelp}</p>
              <div class="mt-2 overflow-x-auto">
                <table class="w-full border-collapse" data-keynav aria-describedby="results-help" data-testid="search-results">
                  <thead><tr>
                    <th scope="col" class={th}>{t.columns.name}</th><th scope="col" class={th}>{t.columns.kana}</th><th scope="col" class={th}>{t.columns.birthDate}</th>
                    <th scope="col" class={th}>{t.columns.sex}</th><th scope="col" class={th}>{t.columns.address}</th><th scope="col" class={th}>{t.columns.head}</th><th scope="col" class={th}>{x.advanced.householdNoColumn}</th><th scope="col" class={th}>{t.columns.status}</th>
                  </tr></thead>
                  <tbody>
                    {p.hits.map((h) => (
                      <tr class={h.status === 'removed' ? 'bg-solid-gray-50' : ''}>
                        <td class={td}><a class="link" href={`/console/registry/persons/${h.personId}`}>{h.name || h.romanName}</a>
                          {h.oldSurname ? <span class="block text-std-14N-170">{x.advanced.oldSurname(h.oldSurname)}</span> : null}
                          {h.alias ? <span class="block text-std-14N-170">{x.advanced.alias(h.alias)}</span> : null}</td>
                        <td class={`${td} whitespace-nowrap`}>{h.nameKana}</td>
                        <td class={`${td} whitespace-nowrap`}>{h.birthDate}</td>
                        <td class={td}>{r.sex[h.sex] ?? h.sex}</td>
                        <td class={td}>{h.address}</td>
                        <td class={td}>{h.relationship === '世帯主' ? t.self : p.householdHeads[h.householdId] ? `${p.householdHeads[h.householdId]}（${h.relationship}）` : `（${h.relationship}）`}</td>
                        <td class={`${td} whitespace-nowrap`}>{h.householdNo}</td>
                        <td class={td} data-record-kind={h.recordKind}>{h.recordKind && h.recordKind !== 'current' ? (recordsText(p.lang).kinds[h.recordKind] ?? h.recordKind) : (r.personStatus[h.status] ?? h.status)}{h.removalReason && h.status === 'removed' && h.recordKind !== 'reformed' ? `（${h.removalReason}）` : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ) : null}
      {p.history ? <SearchHistory items={p.history} days={p.historyDays} lang={p.lang} /> : null}
    </RegistryLayout>
  );
}

/** The clerk's own recent searches with a link to run each again (spec §2.1.1). */
function SearchHistory(p: { items: SearchHistoryItem[]; days: number; lang: RegistrySearchProps['lang'] }) {
  const t = registryToolsText(p.lang).history;
  return (
    <section class="mt-10 max-w-5xl" aria-labelledby="history-heading" data-testid="search-history">
      <h2 id="history-heading" class="text-std-20B-150">{t.heading}</h2>
      <p class="mt-1 text-std-16N-170 text-solid-gray-700">{t.lead(p.days)}</p>
      {p.items.length === 0 ? <p class="mt-2">{t.none}</p> : (
        <div class="mt-2 overflow-x-auto">
          <table class="w-full border-collapse">
            <thead><tr>
              <th scope="col" class={th}>{t.columns.when}</th><th scope="col" class={th}>{t.columns.criteria}</th>
              <th scope="col" class={th}>{t.columns.hits}</th><th scope="col" class={th}>{t.columns.action}</th>
            </tr></thead>
            <tbody>
              {p.items.map((h) => (
                <tr>
                  <td class={`${td} whitespace-nowrap`}>{toWarekiDateTime(h.searchedAt)}{t.times(h.times)}</td>
                  <td class={td}>{h.summary}</td>
                  <td class={td}>{t.hits(h.hitCount)}</td>
                  <td class={td}>{h.rerunnable ? <a class="link" href={`/console/registry?rerun=${h.searchId}`} aria-label={t.rerunOf(h.summary)}>{t.rerun}</a> : t.notRerunnable}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The code points of a 外字 (U+E0A1; an IVS sequence as U+845B U+E0101). */
const codesOf = (ch: string) => Array.from(ch).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

/**
 * 外字の選択 (spec §2.1.3): each 外字 of the municipality's names as a link that shows the form again with it appended
 * to the search box; with script (registry.js) it is inserted at the cursor. Handwriting is left to the OS / IME.
 */
function GaijiPicker(p: { form: SearchForm; gaiji: string[]; lang: RegistrySearchProps['lang'] }) {
  const t = registryToolsText(p.lang).gaiji;
  return (
    <details class="-mt-2" data-testid="gaiji-picker">
      <summary class="link text-std-16N-170">{t.label}</summary>
      <p class="form-hint mt-1">{t.lead}</p>
      {p.gaiji.length === 0 ? <p class="mt-1">{t.none}</p> : (
        <ul class="mt-2 flex flex-wrap gap-2" aria-label={t.label}>
          {p.gaiji.map((ch) => (
            <li><a class="inline-block min-w-11 rounded-4 border border-solid-gray-420 px-2 py-1 text-center text-std-24N-150 no-underline hover:bg-solid-gray-50" lang="ja"
              href={composeUrl(p.form, ch)} data-gaiji={ch} aria-label={t.insert(ch)} title={t.insert(ch)}>{ch}
              <span class="block font-mono text-std-14N-170 text-solid-gray-700" aria-hidden="true">{codesOf(ch)}</span></a></li>
          ))}
        </ul>
      )}
      <p class="mt-2"><a class="link" href="/console/registry/glyphs">{t.lookup}</a></p>
    </details>
  );
}
