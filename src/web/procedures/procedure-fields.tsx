// SPDX-License-Identifier: EUPL-1.2
/**
 * One field of a procedure's page, rendered from its definition: label, hint, the error beside it (linked by
 * aria-describedby), the input. Choices are fieldsets with a legend; dates use the shared 和暦 input.
 */
import type { FieldDef, MemberChoice } from '../../domains/procedures/index.ts';
import { toWareki } from '../../platform/dates/jp-date.ts';
import { DateInput } from '../ui/date-input.tsx';
import type { Lang } from '../ui/i18n.ts';
import type { ProceduresDictionary } from './procedures-i18n.ts';

/** The element id of a field (the error summary links to it). */
export const fieldId = (name: string, i?: number) => `f-${name.replace(/\./g, '-')}${i !== undefined ? `-${i}` : ''}`;

const INPUT_TYPE: Record<string, { type: string; inputmode?: 'tel' | 'email' | 'numeric' }> = {
  text: { type: 'text' }, kana: { type: 'text' }, tel: { type: 'tel', inputmode: 'tel' }, email: { type: 'email', inputmode: 'email' }, number: { type: 'text', inputmode: 'numeric' },
};

export interface FieldProps {
  f: FieldDef;
  value: unknown;
  error?: string;
  lang: Lang;
  t: ProceduresDictionary;
  members: MemberChoice[];
  facilities: Array<{ facilityId: string; name: string }>;
  autofocus?: boolean;
}

const label = (f: FieldDef, lang: Lang) => (lang === 'en' ? f.labelEn : f.labelJa);

/** A field of the definition. */
export function Field(p: FieldProps) {
  const { f, t } = p;
  const id = fieldId(f.name);
  const mark = f.required ? <span class="ml-1 text-error-1">{t.form.requiredMark}</span> : <span class="ml-1 text-solid-gray-600">{t.form.optional}</span>;
  const hintId = f.hintJa ? `${id}-hint` : '';
  const errId = p.error ? `${id}-error` : '';
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  const hint = f.hintJa ? <p class="form-hint" id={hintId}>{f.hintJa}</p> : null;
  const err = p.error ? <p class="form-error" id={errId}>{p.error}</p> : null;
  const str = typeof p.value === 'string' ? p.value : typeof p.value === 'number' ? String(p.value) : '';

  if (f.kind === 'date') {
    return <DateInput name={f.name} id={id} label={label(f, p.lang)} value={str && /^\d{4}-\d{2}-\d{2}$/.test(str) ? toWareki(str) : str} hint={f.hintJa}
      error={p.error} required={f.required} lang={p.lang} requiredMark={t.form.requiredMark} autofocus={p.autofocus} />;
  }
  if (f.kind === 'radio' || f.kind === 'members') {
    const chosen = Array.isArray(p.value) ? (p.value as string[]) : [str];
    const options = f.kind === 'members'
      ? p.members.filter((m) => (f.optionsFrom === 'household-children' ? m.age <= 18 && !m.isSelf : !m.isSelf))
        .map((m, i) => ({ value: m.atenaNo, labelJa: `${m.name}（${toWareki(m.birthDate)}生）`, labelEn: `${m.name} (born ${m.birthDate})`, i }))
      : (f.options ?? []).map((o, i) => ({ ...o, i }));
    const type = f.kind === 'members' ? 'checkbox' : 'radio';
    return (
      <fieldset class="form-field" aria-describedby={describedBy} id={id} tabindex={-1}>
        <legend class="form-label mb-2">{label(f, p.lang)}{mark}</legend>
        {hint}{err}
        {options.length === 0 ? <p>{t.form.noMembers}</p> : (
          <div class="flex flex-col gap-3">
            {options.map((o) => (
              <label class="flex min-h-11 items-center gap-3 rounded-8 border border-solid-gray-420 px-4 py-2 text-std-16N-170" for={fieldId(f.name, o.i)}>
                <input type={type} class="size-6 shrink-0 accent-blue-900" id={fieldId(f.name, o.i)} name={f.name} value={o.value} checked={chosen.includes(o.value)}
                  aria-invalid={p.error ? 'true' : undefined} />
                <span>{p.lang === 'en' ? o.labelEn : o.labelJa}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
    );
  }
  if (f.kind === 'rank') {
    const chosen = Array.isArray(p.value) ? (p.value as string[]) : [];
    const n = f.count ?? 3;
    if (p.facilities.length === 0) return <div class="form-field" id={id}><p class="form-label">{label(f, p.lang)}</p><p>{t.form.noFacilities}</p></div>;
    return (
      <fieldset class="form-field" aria-describedby={describedBy} id={id} tabindex={-1}>
        <legend class="form-label mb-2">{label(f, p.lang)}{mark}</legend>
        {hint}{err}
        {Array.from({ length: n }, (_, i) => (
          <div class="form-field">
            <label class="form-label" for={fieldId(f.name, i)}>{t.form.rank(i + 1)}{i === 0 ? <span class="ml-1 text-error-1">{t.form.requiredMark}</span> : null}</label>
            <select class="form-control" id={fieldId(f.name, i)} name={f.name} aria-invalid={p.error ? 'true' : undefined}>
              <option value="">{i === 0 ? t.form.choose : t.form.noneChosen}</option>
              {p.facilities.map((x) => <option value={x.facilityId} selected={chosen[i] === x.facilityId}>{x.name}</option>)}
            </select>
          </div>
        ))}
      </fieldset>
    );
  }
  if (f.kind === 'select') {
    return (
      <div class="form-field">
        <label class="form-label" for={id}>{label(f, p.lang)}{mark}</label>
        {hint}{err}
        <select class="form-control" id={id} name={f.name} aria-describedby={describedBy} aria-invalid={p.error ? 'true' : undefined} autofocus={p.autofocus}>
          <option value="">{t.form.choose}</option>
          {(f.options ?? []).map((o) => <option value={o.value} selected={str === o.value}>{p.lang === 'en' ? o.labelEn : o.labelJa}</option>)}
        </select>
      </div>
    );
  }
  if (f.kind === 'textarea') {
    return (
      <div class="form-field">
        <label class="form-label" for={id}>{label(f, p.lang)}{mark}</label>
        {hint}{err}
        <textarea class="form-control min-h-32" id={id} name={f.name} aria-describedby={describedBy} aria-invalid={p.error ? 'true' : undefined} autofocus={p.autofocus}>{str}</textarea>
      </div>
    );
  }
  const it = INPUT_TYPE[f.kind] ?? { type: 'text' };
  return (
    <div class="form-field">
      <label class="form-label" for={id}>{label(f, p.lang)}{mark}</label>
      {hint}{err}
      <input class={`form-control ${f.kind === 'number' ? 'max-w-40' : ''}`} id={id} name={f.name} type={it.type} inputmode={it.inputmode} value={str}
        autocomplete={f.autocomplete ?? 'off'} aria-describedby={describedBy} aria-invalid={p.error ? 'true' : undefined} autofocus={p.autofocus}
        spellcheck={false} />
    </div>
  );
}

/** The error summary at the top of a page: every message, each a link to its field. */
export function ErrorSummary(p: { title: string; errors: Array<{ href: string; message: string }> }) {
  if (p.errors.length === 0) return null;
  return (
    <div class="banner-error mt-6" role="alert" tabindex={-1} aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title" class="text-std-20B-150 text-error-1">{p.title}</h2>
      <ul class="mt-3 list-disc pl-6">
        {p.errors.map((e) => <li><a class="link" href={e.href}>{e.message}</a></li>)}
      </ul>
    </div>
  );
}
