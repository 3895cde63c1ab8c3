// SPDX-License-Identifier: EUPL-1.2
/**
 * The one date input of the console (issue #9): a text field that takes 和暦 (令和7年4月1日, R7.4.1, 元年,
 * full-width digits) or 西暦 (2025-04-01), with a hint and a live 和暦 reading written by static/date-input.js
 * (progressive enhancement; CSP forbids inline scripts). No browser date picker: it shows mm/dd/yyyy and
 * cannot take 和暦. The server reads every such field with the one parser (platform/dates/jp-date.ts); the
 * reading in the browser is only a help.
 */
import type { Lang } from './i18n.ts';

const TEXT = {
  ja: {
    hint: '和暦又は西暦（例: 令和7年4月1日、R7.4.1、2025-04-01）',
    vagueHint: '和暦又は西暦（例: 昭和40年1月2日、S40.1.2）。分からない場合は「昭和40年頃」「年月日不詳」',
    required: '（必須）',
  },
  en: {
    hint: 'Japanese era or Western calendar (e.g. 令和7年4月1日, R7.4.1, 2025-04-01)',
    vagueHint: 'Japanese era or Western calendar (e.g. 昭和40年1月2日, S40.1.2); if unknown 「昭和40年頃」 or 「年月日不詳」',
    required: ' (required)',
  },
} as const;

/** Props of a date field. `vague` allows 「昭和40年頃」「年月日不詳」 (生年月日, the 異動日 of 出生・死亡・失踪). */
export interface DateInputProps {
  name: string;
  label: string;
  value?: string;
  /** Replaces the standard hint (和暦 or 西暦 with examples). */
  hint?: string;
  error?: string;
  required?: boolean;
  autofocus?: boolean;
  vague?: boolean;
  lang?: Lang;
  /** The element id (defaults to the name). */
  id?: string;
  class?: string;
  /** Text of the required mark, when the page has its own. */
  requiredMark?: string;
}

/** A date field: label, hint, error, the text input and the live 和暦 reading. */
export function DateInput(p: DateInputProps) {
  const t = TEXT[p.lang ?? 'ja'];
  const id = p.id ?? p.name;
  const hint = p.hint ?? (p.vague ? t.vagueHint : t.hint);
  const describedBy = [`${id}-hint`, p.error ? `${id}-error` : '', `${id}-reading`].filter(Boolean).join(' ');
  return (
    <div class={`form-field ${p.class ?? ''}`}>
      <label class="form-label" for={id}>{p.label}{p.required ? <span class="ml-1 text-error-1">{p.requiredMark ?? t.required}</span> : null}</label>
      <p class="form-hint" id={`${id}-hint`}>{hint}</p>
      {p.error ? <p class="form-error" id={`${id}-error`}>{p.error}</p> : null}
      <input class="form-control" id={id} name={p.name} type="text" value={p.value ?? ''} autofocus={p.autofocus} inputmode="text" autocomplete="off" spellcheck={false}
        data-date-input={p.vague ? 'vague' : 'day'} data-lang={p.lang ?? 'ja'} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy} />
      <p class="form-hint min-h-[1.5em]" id={`${id}-reading`} data-date-reading aria-live="polite"></p>
    </div>
  );
}
