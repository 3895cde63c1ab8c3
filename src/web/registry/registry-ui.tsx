// SPDX-License-Identifier: EUPL-1.2
/**
 * Building blocks shared by the resident registry pages (/console/registry/*): the sub-navigation, the
 * error summary, form fields with their errors, labels of change kinds, statuses and dates in 和暦.
 */
import { createContext, useContext, type Child } from 'hono/jsx';
import { toWareki } from '../../domains/registry/index.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import type { Lang } from '../ui/i18n.ts';
import { assetUrl } from '../ui/static-files.ts';
import { DateInput, type DateInputProps } from '../ui/date-input.tsx';
import { registryText } from './registry-i18n.ts';
import { fieldHint } from './registry-field-hints.ts';

/** Field name → message (from the form check in the page's language, or the service's message in Japanese). */
export type FieldErrors = Record<string, string>;

/** Labels of the change kinds (異動の種類) in the order of the menu. */
export const CHANGE_KIND_LABELS = {
  'move-in': '転入',
  'move-within': '転居',
  'move-out': '転出',
  'birth': '出生',
  'death': '死亡',
  'head-change': '世帯主変更',
  'household-split': '世帯分離',
  'household-merge': '世帯合併',
  'clerical-correction': '誤記修正',
  'ex-officio-correction': '職権修正',
  'ex-officio-entry': '職権記載',
  'ex-officio-removal': '職権消除',
  'cancellation': '異動の取消し',
  'old-surname': '旧氏の記載・削除',
  'alias': '通称の記載・削除',
  'residence-status-change': '在留資格・在留期間の変更',
  'naturalization': '帰化',
  'nationality-loss': '国籍喪失',
  'household-change': '世帯変更',
  'minor-correction': '軽微な修正',
  'move-in-notice': '転入通知の受理',
  'address-renaming': '住居表示・区画整理による住所変更',
  'de-facto-head': '事実上の世帯主の記載・削除',
  'reading': '振り仮名の記載（本籍地からの通知）',
  'reform': '改製',
  'remake': '再製',
} as const;
export type ChangeKind = keyof typeof CHANGE_KIND_LABELS;
export const isChangeKind = (k: string): k is ChangeKind => Object.hasOwn(CHANGE_KIND_LABELS, k);

/** Statuses of a change. */
export const CHANGE_STATUS_LABELS: Record<string, string> = { provisional: '仮登録', returned: '差戻し中', final: '本登録', withdrawn: '取下げ' };
/** Statuses of a person. */
export const PERSON_STATUS_LABELS: Record<string, string> = { resident: '住民', leaving: '転出予定', removed: '除票' };
export const SEX_LABELS: Record<string, string> = { male: '男', female: '女' };

/** An ISO day (YYYY-MM-DD) in 和暦, anything else as it is. */
export function wareki(iso: string | null | undefined): string {
  if (!iso) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? toWareki(iso) : iso;
}

/** The sub-navigation of the registry pages. */
export type RegistrySub = 'search' | 'provisional' | 'mine' | 'statistics' | 'move-in' | 'address-changes' | 'batches' | 'euc' | 'immigration' | 'glyphs';
export function RegistrySubnav(p: { current: RegistrySub | undefined; canReview: boolean; canChange: boolean; lang?: Lang }) {
  const t = registryText(p.lang ?? 'ja').menu;
  const items: Array<[typeof p.current, string, string, boolean]> = [
    ['search', '/console/registry', t.search, true],
    ['move-in', '/console/registry/changes/move-in', t.moveIn, p.canChange],
    ['address-changes', '/console/registry/address-changes', t.addressChanges, p.canChange],
    ['mine', '/console/registry/mine', t.mine, p.canChange],
    ['provisional', '/console/registry/provisional', t.provisional, p.canReview],
    ['statistics', '/console/registry/statistics', t.statistics, true],
    // Batch work is for reviewers and approvers (registry:batch), the same roles as canReview.
    ['batches', '/console/registry/batches', t.batches, p.canReview],
    // EUC (registry:euc): the same roles as canReview.
    ['euc', '/console/registry/euc', t.euc, p.canReview],
    // 法務大臣からの通知 (住基法30条の50): processed by the counter as 職権 changes.
    ['immigration', '/console/registry/immigration-notices', t.immigration, p.canChange],
    // 文字コード参照 (spec §2.2.3): opened beside a form being entered (a new tab keeps the form).
    ['glyphs', '/console/registry/glyphs', t.glyphs, true],
  ];
  return (
    <nav aria-label={t.label} class="mb-6">
      <ul class="flex flex-wrap gap-x-6 gap-y-2">
        {items.filter(([, , , show]) => show).map(([key, href, label]) => (
          <li><a class="link" href={href} aria-current={p.current === key ? 'page' : undefined} target={key === 'glyphs' && p.current !== 'glyphs' ? '_blank' : undefined}
            rel={key === 'glyphs' ? 'noopener' : undefined}>{label}</a></li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The language of the page being rendered (set by RegistryLayout), so the field blocks below show the （必須） marker
 * and the error summary heading in it without a language prop on every field.
 */
const PageLang = createContext<Lang>('ja');
const pageText = () => registryText(useContext(PageLang));

/** The frame of every registry page: console layout, sub-navigation and the page script. */
export function RegistryLayout(p: ConsoleContext & { title: string; sub?: RegistrySub; canReview: boolean; canChange: boolean; children?: Child }) {
  return (
    <ConsoleLayout {...p} title={p.title} current="registry">
      <RegistrySubnav current={p.sub} canReview={p.canReview} canChange={p.canChange} lang={p.lang} />
      <PageLang.Provider value={p.lang}>{p.children}</PageLang.Provider>
      <script src={assetUrl('registry.js')} defer></script>
    </ConsoleLayout>
  );
}

/** The error summary (focused by app.js), linking every field error to its field. */
export function ErrorSummary(p: { title?: string; message?: string; code?: string; errors?: FieldErrors; labels?: Record<string, string> }) {
  const fields = Object.entries(p.errors ?? {});
  // A refusal shown by its title alone (message="") is still shown: the queue and change pages do so.
  if (!p.title && !p.message && fields.length === 0) return null;
  return (
    // The stable code stays in the markup for tests and support tools, never in the text people read (issue #9).
    <div class="banner-error mb-6" role="alert" tabindex={-1} data-error-summary data-testid="error-summary" data-error-code={p.code}>
      <h2 class="text-std-18B-160 text-error-2">{p.title ?? pageText().checkInput}</h2>
      {p.message ? <p class="mt-2">{p.message}</p> : null}
      {fields.length > 0 ? (
        <ul class="mt-2 list-disc pl-6">
          {fields.map(([name, msg]) => <li><a class="link" href={`#${name}`}>{p.labels?.[name] ? `${p.labels[name]}: ` : ''}{msg}</a></li>)}
        </ul>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** A text input with its label, hint and error. */
export function TextField(props: { name: string; label: string; value?: string; hint?: string; error?: string; autofocus?: boolean; list?: string; required?: boolean; type?: string; inputmode?: 'numeric' | 'text'; autocomplete?: string; class?: string }) {
  const p = { ...props, hint: props.hint ?? fieldHint(props.name, useContext(PageLang)) };
  return (
    <div class={`form-field ${p.class ?? ''}`}>
      <label class="form-label" for={p.name}>{p.label}{p.required ? <span class="ml-1 text-error-1">{pageText().required}</span> : null}</label>
      {p.hint ? <p class="form-hint" id={`${p.name}-hint`}>{p.hint}</p> : null}
      {p.error ? <p class="form-error" id={`${p.name}-error`}>{p.error}</p> : null}
      <input class="form-control" id={p.name} name={p.name} type={p.type ?? 'text'} value={p.value ?? ''} autofocus={p.autofocus} list={p.list}
        inputmode={p.inputmode} autocomplete={p.autocomplete ?? 'off'} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, p.error)} />
    </div>
  );
}

/** The one date input (ui/date-input.tsx) in the page's language: 和暦 or 西暦, a hint and the live 和暦 reading. */
export function DateField(p: Omit<DateInputProps, 'lang' | 'requiredMark'>) {
  const lang = useContext(PageLang);
  return <DateInput {...p} lang={lang} requiredMark={registryText(lang).required} />;
}

/** A select with its label and error. */
export function SelectField(props: { name: string; label: string; value?: string; options: Array<[string, string]>; hint?: string; error?: string; autofocus?: boolean; required?: boolean }) {
  const p = { ...props, hint: props.hint ?? fieldHint(props.name, useContext(PageLang)) };
  return (
    <div class="form-field">
      <label class="form-label" for={p.name}>{p.label}{p.required ? <span class="ml-1 text-error-1">{pageText().required}</span> : null}</label>
      {p.hint ? <p class="form-hint" id={`${p.name}-hint`}>{p.hint}</p> : null}
      {p.error ? <p class="form-error" id={`${p.name}-error`}>{p.error}</p> : null}
      <select class="form-control" id={p.name} name={p.name} autofocus={p.autofocus} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, p.error)}>
        {p.options.map(([v, l]) => <option value={v} selected={v === (p.value ?? '')}>{l}</option>)}
      </select>
    </div>
  );
}

/** A checkbox with its label. */
export function CheckField(p: { name: string; label: string; checked?: boolean; value?: string; id?: string; error?: string }) {
  const id = p.id ?? p.name;
  const box = (
    <div class="flex items-center gap-2">
      <input type="checkbox" class="size-5" id={id} name={p.name} value={p.value ?? '1'} checked={p.checked}
        aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `${id}-error` : undefined} />
      <label for={id}>{p.label}</label>
    </div>
  );
  return p.error ? <div class="form-field"><p class="form-error" id={`${id}-error`}>{p.error}</p>{box}</div> : box;
}

/** A definition list of label/value rows. */
export function Facts(p: { rows: Array<[string, Child]>; testid?: string }) {
  return (
    <dl class="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]" data-testid={p.testid}>
      {p.rows.map(([k, v]) => [<dt class="text-std-16B-170 text-solid-gray-800">{k}</dt>, <dd class="mb-2 sm:mb-0">{v === '' || v === null || v === undefined ? '—' : v}</dd>])}
    </dl>
  );
}

/** Table cell classes. */
export const th = 'border-b-2 border-solid-gray-536 px-3 py-2 text-left text-std-16B-170 whitespace-nowrap';
export const td = 'border-b border-solid-gray-420 px-3 py-2 align-top';
