// SPDX-License-Identifier: EUPL-1.2
/**
 * Reading and checking a procedure's form: posted fields become application data (和暦 dates to ISO, numbers,
 * lists), the data is validated against the definition's JSON Schema with ajv, and every error becomes a Japanese
 * message on its field, the same for the page and for the whole application before submission.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InvalidLegalDateError, parseCalendarDate } from '../registry/index.ts';
import type { FieldDef, PageDef, ProcedureDefinition } from './procedure-definition.ts';

/** Application data: a nested object as the JSON Schema describes it. */
export type ApplicationData = Record<string, unknown>;
/** field name → Japanese message. */
export type FieldErrors = Record<string, string>;

const ajv = new Ajv({ allErrors: true, coerceTypes: false, strict: true });
const compiled = new Map<string, ValidateFunction>();

function validator(def: ProcedureDefinition): ValidateFunction {
  const key = `${def.code}/${def.version}`;
  let v = compiled.get(key);
  if (!v) { v = ajv.compile(def.schema); compiled.set(key, v); }
  return v;
}

/** The value at a dot path. */
export function getPath(data: ApplicationData, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
}

/** Sets (or, for undefined, removes) the value at a dot path. */
export function setPath(data: ApplicationData, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = data;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
}

/** Is the field shown, given the data (its `showIf`)? */
export function isShown(f: FieldDef, data: ApplicationData): boolean {
  return !f.showIf || getPath(data, f.showIf.name) === f.showIf.equals;
}

/** A form body: every value of a name (checkbox lists and ranked choices have several). */
export type FormBody = Record<string, string[]>;

const toHalfWidth = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[－ー―‐]/g, '-');

/**
 * Reads one page's posted fields into the data (a copy). Unreadable values (a date that is not a date, a number
 * that is not a number) are errors on their field and leave the field empty.
 */
export function readPage(page: PageDef, data: ApplicationData, body: FormBody): { data: ApplicationData; errors: FieldErrors } {
  const out = structuredClone(data);
  const errors: FieldErrors = {};
  for (const f of page.fields) {
    const all = (body[f.name] ?? []).map((v) => v.trim().slice(0, 1000));
    const one = all[0] ?? '';
    if (f.kind === 'members') { setPath(out, f.name, [...new Set(all.filter((v) => /^\d{1,15}$/.test(v)))]); continue; }
    if (f.kind === 'rank') {
      const picked = all.filter((v) => v !== '');
      setPath(out, f.name, picked.length ? picked : undefined);
      if (new Set(picked).size !== picked.length) errors[f.name] = '同じ施設を2回以上選んでいます。別の施設を選んでください';
      continue;
    }
    if (one === '') { setPath(out, f.name, undefined); continue; }
    if (f.kind === 'date') {
      try {
        setPath(out, f.name, parseCalendarDate(one));
      } catch (e) {
        if (!(e instanceof InvalidLegalDateError)) throw e;
        setPath(out, f.name, undefined);
        errors[f.name] = `${f.labelJa}を「令和8年4月1日」のように年月日で入力してください`;
      }
    } else if (f.kind === 'number') {
      const n = toHalfWidth(one);
      if (/^\d{1,6}$/.test(n)) setPath(out, f.name, Number(n));
      else { setPath(out, f.name, undefined); errors[f.name] = `${f.labelJa}は半角の数字で入力してください`; }
    } else if (f.kind === 'tel') setPath(out, f.name, toHalfWidth(one));
    else setPath(out, f.name, one);
  }
  return { data: out, errors };
}

/** The Japanese message of an ajv error on a field. */
function message(f: FieldDef | undefined, e: ErrorObject): string {
  const label = f?.labelJa ?? '入力';
  switch (e.keyword) {
    case 'required': return f && (f.kind === 'radio' || f.kind === 'select' || f.kind === 'members' || f.kind === 'rank') ? `${label}を選んでください` : `${label}を入力してください`;
    case 'minItems': return `${label}を選んでください`;
    case 'maxItems': return `${label}は${String(e.params.limit)}件までです`;
    case 'uniqueItems': return '同じ施設を2回以上選んでいます。別の施設を選んでください';
    case 'minLength': return Number(e.params.limit) <= 1 ? `${label}を入力してください` : `${label}は${String(e.params.limit)}文字以上で入力してください`;
    case 'maxLength': return `${label}は${String(e.params.limit)}文字以内で入力してください`;
    case 'minimum': return `${label}は${String(e.params.limit)}以上にしてください`;
    case 'maximum': return `${label}は${String(e.params.limit)}以下にしてください`;
    case 'enum': return `${label}を選択肢から選んでください`;
    case 'type': return `${label}の形式が正しくありません`;
    case 'pattern':
      if (f?.kind === 'kana') return `${label}は全角カタカナで入力してください`;
      if (f?.kind === 'tel') return `${label}は数字とハイフンで入力してください（例: 0263-52-0280）`;
      if (f?.kind === 'email') return `${label}の形式が正しくありません（例: name@example.jp）`;
      if (f?.kind === 'date') return `${label}を「令和8年4月1日」のように年月日で入力してください`;
      return `${label}の形式が正しくありません`;
    default: return `${label}の内容を確認してください`;
  }
}

/** The field an ajv error is about (dot path). */
function fieldOf(e: ErrorObject): string {
  const base = e.instancePath.split('/').filter(Boolean);
  if (e.keyword === 'required') base.push(String(e.params.missingProperty));
  // An item of a list (children/0) belongs to the list field.
  while (base.length && /^\d+$/.test(base[base.length - 1]!)) base.pop();
  return base.join('.');
}

/** All fields of the definition by name. */
export function fieldsOf(def: ProcedureDefinition): Map<string, FieldDef> {
  return new Map(def.pages.flatMap((p) => p.fields.map((f) => [f.name, f] as const)));
}

/**
 * Validates the data against the definition: the JSON Schema, then the fields' own `required`. With `page`, only
 * that page's shown fields count (a page may be saved before the rest is filled).
 */
export function validate(def: ProcedureDefinition, data: ApplicationData, page?: PageDef): FieldErrors {
  const fields = fieldsOf(def);
  const wanted = page ? new Set(page.fields.filter((f) => isShown(f, data)).map((f) => f.name)) : undefined;
  const errors: FieldErrors = {};
  const v = validator(def);
  if (!v(data)) {
    for (const e of v.errors ?? []) {
      const name = fieldOf(e);
      if (wanted && !wanted.has(name)) continue;
      if (!errors[name]) errors[name] = message(fields.get(name), e);
    }
  }
  for (const f of page ? page.fields : fields.values()) {
    if (!f.required || !isShown(f, data) || errors[f.name]) continue;
    const value = getPath(data, f.name);
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      errors[f.name] = message(f, { keyword: f.kind === 'members' || f.kind === 'rank' ? 'minItems' : 'required', params: {} } as ErrorObject);
    }
  }
  return errors;
}

/** The first page with an error (to send the resident back there from the check page). */
export function firstPageWithError(def: ProcedureDefinition, errors: FieldErrors): PageDef | undefined {
  return def.pages.find((p) => p.fields.some((f) => errors[f.name]));
}
