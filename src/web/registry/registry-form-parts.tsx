// SPDX-License-Identifier: EUPL-1.2
/** Parts shared by the change forms: posted values, field groups (address, person, members, 続柄) and labels. */
import { FOREIGN_CATEGORIES } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import type { HouseholdView, HistoryItem, PersonView } from './registry-person.page.tsx';
import {
  CheckField, DateField, SelectField, TextField, type ChangeKind, type FieldErrors,
} from './registry-ui.tsx';
import { registryText } from './registry-i18n.ts';
import { AddressPickFields } from './registry-address-pick.tsx';
import { addressPickText } from './registry-address-i18n.ts';
import { changeFormText, type ChangeFormDictionary } from './registry-change-i18n.ts';
import type { Lang } from '../ui/i18n.ts';

/** Text of the form fields (labels, hints, options). */
type T = ChangeFormDictionary;

/** The posted form: strings, and lists for the checkbox groups. */
export type FormValues = Record<string, string | string[]>;
export const val = (v: FormValues, k: string): string => { const x = v[k]; return typeof x === 'string' ? x : ''; };
export const list = (v: FormValues, k: string): string[] => { const x = v[k]; return Array.isArray(x) ? x : typeof x === 'string' && x ? [x] : []; };

/** What a form is about: the person and/or household it starts from (loaded by the route). */
export interface ChangeSubject {
  person?: PersonView;
  household?: HouseholdView;
  /** For 世帯合併: the household to merge into, once entered. */
  target?: HouseholdView;
  /** For 異動の取消し: the person's history. */
  history?: HistoryItem[];
}

/** Number of person rows on the 転入 / 職権記載 form. */
export const PERSON_ROWS = 4;

export const RELATIONSHIPS = ['世帯主', '妻', '夫', '子', '子の妻', '子の夫', '父', '母', '兄', '姉', '弟', '妹', '妻（未届）', '夫（未届）', '縁故者', '同居人'];
/** Hint of the date fields (和暦 or 西暦) in a language. */
export const dateHint = (lang: Lang) => changeFormText(lang).dateHint;

/** Labels of the form fields (for the error summary and the confirmation). */
export function fieldLabels(kind: ChangeKind | undefined, lang: Lang): Record<string, string> {
  const t = changeFormText(lang);
  const l: Record<string, string> = { ...t.fields };
  for (let i = 0; i < PERSON_ROWS; i++) {
    for (const [k, label] of Object.entries(t.person)) l[`p${i}-${k}`] = PERSON_ROWS > 1 && i > 0 ? t.nthPerson(i + 1, label) : label;
  }
  for (const [k, label] of Object.entries(t.patch)) l[`patch-${k}`] = t.corrected(label);
  return { ...l, ...t.items, ...(kind === 'household-change' ? t.householdChangeFields : {}) };
}

/** The items a correction (誤記修正・職権修正) can change, in the order of the form. */
export const PATCH_KEYS = Object.keys(changeFormText('ja').patch) as Array<keyof T['patch']>;

export const memberName = (m: PersonView) => `${m.familyName}　${m.givenName}`.trim() || m.romanName || '';

export interface FormProps extends ConsoleContext {
  kind: ChangeKind;
  values: FormValues;
  subject: ChangeSubject;
  errors: FieldErrors;
  error?: { message: string; code?: string };
  csrfToken: string;
  towns: string[];
  canChange: boolean;
  canReview: boolean;
}

/** 町字 (datalist of the town list), 番地, 方書. */
export function AddressFields(p: { v: FormValues; e: FieldErrors; legend: string; t: T; lang?: Lang }) {
  const { t } = p;
  return (
    <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
      <legend class="px-1 text-std-16B-170">{p.legend}</legend>
      <TextField name="postalCode" label={addressPickText(p.lang ?? 'ja').addressPostal} value={val(p.v, 'postalCode')} hint={addressPickText(p.lang ?? 'ja').addressPostalHint}
        error={p.e.postalCode} inputmode="numeric" />
      <TextField name="townName" label={t.fields.townName} value={val(p.v, 'townName')} list="town-list" hint={t.address.townHint} error={p.e.townName} required />
      <CheckField name="unlisted" label={t.address.unlisted} checked={val(p.v, 'unlisted') === '1'} />
      <TextField name="banchi" label={t.fields.banchi} value={val(p.v, 'banchi')} error={p.e.banchi} required />
      <TextField name="katagaki" label={t.fields.katagaki} value={val(p.v, 'katagaki')} error={p.e.katagaki} />
    </fieldset>
  );
}

/** Options of the 第30条の45 categories (the value is the legal term; other languages add a translation). */
export const categoryOptions = (t: T, first: string): Array<[string, string]> => [['', first], ...FOREIGN_CATEGORIES.map((c): [string, string] => [c, t.categories[c] ?? c])];

/**
 * 1.1.2 items beyond the 在留資格: 上陸期間 (一時庇護), 仮滞在期間 (仮滞在), 経過滞在の事由, 旧外登法の登録年月日, 住居地の届出の有無,
 * 上陸許可証による転入. `name` maps a field to its form name (person rows are prefixed).
 */
export function ForeignExtraFields(p: { name: (k: string) => string; value: (k: string) => string; e: FieldErrors; l: T['person'] }) {
  const { name: f, value: t, e, l } = p;
  return (
    <>
      <DateField name={f('landingPeriodEnd')} label={l.landingPeriodEnd} value={t('landingPeriodEnd')} error={e[f('landingPeriodEnd')]} />
      <DateField name={f('provisionalStayEnd')} label={l.provisionalStayEnd} value={t('provisionalStayEnd')} error={e[f('provisionalStayEnd')]} />
      <SelectField name={f('transitionalCause')} label={l.transitionalCause} value={t('transitionalCause')} error={e[f('transitionalCause')]}
        options={[['', '—'], ['出生', l.causeBirth], ['国籍喪失', l.causeLoss]]} />
      <DateField name={f('alienRegistrationDate')} label={l.alienRegistrationDate} value={t('alienRegistrationDate')} error={e[f('alienRegistrationDate')]} />
      <SelectField name={f('residenceNotified')} label={l.residenceNotified} value={t('residenceNotified')} error={e[f('residenceNotified')]}
        options={[['', '—'], ['yes', l.notifiedYes], ['no', l.notifiedNo]]} />
      <CheckField name={f('landingPermitMoveIn')} label={l.landingPermitMoveIn} value="yes" checked={t('landingPermitMoveIn') === 'yes'} />
    </>
  );
}

/** The values of the 1.1.2 extra fields for the API (`get` reads a form field by its plain name). */
export function foreignExtraValues(get: (k: string) => string) {
  const o = (k: string) => get(k) || undefined;
  return {
    landingPeriodEnd: o('landingPeriodEnd'), provisionalStayEnd: o('provisionalStayEnd'), transitionalCause: o('transitionalCause'),
    alienRegistrationDate: o('alienRegistrationDate'),
    residenceNotified: get('residenceNotified') === 'yes' ? true : get('residenceNotified') === 'no' ? false : undefined,
    landingPermitMoveIn: get('landingPermitMoveIn') === 'yes' ? true : undefined,
  };
}

/** The fields of one new person (転入, 出生, 職権記載). */
export function PersonFields(p: { i: number; v: FormValues; e: FieldErrors; birth?: boolean; t: T; lang: Lang; members?: PersonView[] }) {
  const tt = p.t;
  const l = tt.person;
  const { sex, person: { residentKinds: kinds } } = registryText(p.lang);
  const f = (k: string) => `p${p.i}-${k}`;
  const t = (k: string) => val(p.v, f(k));
  const foreignOpen = t('residentKind') === 'foreign' || ['romanName', 'nationality', 'residenceCardNo'].some((k) => t(k) || p.e[f(k)]);
  return (
    <div class="grid grid-cols-1 gap-4 md:grid-cols-2">
      <TextField name={f('familyName')} label={l.familyName} value={t('familyName')} error={p.e[f('familyName')]} required={p.i === 0} />
      <TextField name={f('givenName')} label={l.givenName} value={t('givenName')} error={p.e[f('givenName')]} />
      <TextField name={f('familyNameKana')} label={l.familyNameKana} value={t('familyNameKana')} error={p.e[f('familyNameKana')]} />
      <TextField name={f('givenNameKana')} label={l.givenNameKana} value={t('givenNameKana')} error={p.e[f('givenNameKana')]} />
      <DateField name={f('birthDate')} label={l.birthDate} value={t('birthDate')} hint={tt.personForm.birthHint} error={p.e[f('birthDate')]} required={p.i === 0} vague />
      <SelectField name={f('sex')} label={l.sex} value={t('sex')} options={[['', tt.choose], ['male', sex.male!], ['female', sex.female!]]} error={p.e[f('sex')]} required={p.i === 0} />
      <TextField name={f('relationship')} label={l.relationship} value={t('relationship')} list="relationship-list" hint={p.birth ? tt.personForm.relationshipBirthHint : tt.personForm.relationshipHint} error={p.e[f('relationship')]} required={p.i === 0} />
      {(() => {
        // 並び順 (spec §5.2): which 子's family a 子の夫・子の妻・子の子 belongs to, asked only when there is a choice.
        const children = (p.members ?? []).filter((m) => m.relationship === '子');
        return children.length > 1 ? <SelectField name={f('familyOf')} label={tt.personForm.familyOf} value={t('familyOf')} hint={tt.personForm.familyOfHint} error={p.e[f('familyOf')]}
          options={[['', tt.personForm.familyOfNone], ...children.map((m): [string, string] => [m.personId, memberName(m)])]} /> : null;
      })()}
      <SelectField name={f('residentKind')} label={l.residentKind} value={t('residentKind') || 'japanese'} options={[['japanese', kinds.japanese!], ['foreign', kinds.foreign!]]} />
      <TextField name={f('honseki')} label={tt.personForm.honseki} value={t('honseki')} hint={tt.personForm.honsekiHint} error={p.e[f('honseki')]} />
      <AddressPickFields prefix={f('hon')} what="honseki" v={p.v} e={p.e} lang={p.lang} />
      <TextField name={f('hittosha')} label={l.hittosha} value={t('hittosha')} error={p.e[f('hittosha')]} />
      {p.birth ? null : <TextField name={f('myNumber')} label={l.myNumber} value={t('myNumber')} inputmode="numeric" hint={tt.personForm.myNumberHint} error={p.e[f('myNumber')]} />}
      {p.birth ? null : <TextField name={f('residentCode')} label={l.residentCode} value={t('residentCode')} inputmode="numeric" hint={tt.personForm.residentCodeHint} error={p.e[f('residentCode')]} />}
      <details class="md:col-span-2" open={foreignOpen}>
        <summary class="cursor-pointer text-std-16B-170">{tt.personForm.foreign}</summary>
        <div class="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField name={f('romanName')} label={l.romanName} value={t('romanName')} error={p.e[f('romanName')]} />
          <TextField name={f('nationality')} label={l.nationality} value={t('nationality')} error={p.e[f('nationality')]} />
          <SelectField name={f('category')} label={l.category} value={t('category')} options={categoryOptions(tt, '—')} error={p.e[f('category')]} />
          <TextField name={f('residenceStatus')} label={l.residenceStatus} value={t('residenceStatus')} error={p.e[f('residenceStatus')]} />
          <TextField name={f('residencePeriod')} label={l.residencePeriod} value={t('residencePeriod')} hint={tt.personForm.periodHint} error={p.e[f('residencePeriod')]} />
          <DateField name={f('residenceExpiry')} label={l.residenceExpiry} value={t('residenceExpiry')} hint={tt.personForm.expiryHint} error={p.e[f('residenceExpiry')]} />
          <TextField name={f('residenceCardNo')} label={l.residenceCardNo} value={t('residenceCardNo')} hint={tt.personForm.cardHint} error={p.e[f('residenceCardNo')]} />
          <ForeignExtraFields name={f} value={t} e={p.e} l={l} />
        </div>
      </details>
    </div>
  );
}

/** Checkboxes of the members of a household. */
export function MemberChecks(p: { name: string; legend: string; members: PersonView[]; selected: string[]; error?: string; t: T }) {
  return (
    <fieldset class="flex flex-col gap-2 border border-solid-gray-420 p-4" id={p.name} aria-describedby={p.error ? `${p.name}-error` : undefined}>
      <legend class="px-1 text-std-16B-170">{p.legend}</legend>
      {p.error ? <p class="form-error" id={`${p.name}-error`}>{p.error}</p> : null}
      {p.members.map((m) => <CheckField name={p.name} id={`${p.name}-${m.personId}`} value={m.personId} label={p.t.member.check(memberName(m), m.relationship, m.birthDate.display)} checked={p.selected.includes(m.personId)} />)}
    </fieldset>
  );
}

/** A select of household members. */
export function MemberSelect(p: { name: string; label: string; members: PersonView[]; value: string; hint?: string; error?: string; required?: boolean; t: T }) {
  return <SelectField name={p.name} label={p.label} value={p.value} hint={p.hint} error={p.error} required={p.required}
    options={[['', p.required ? p.t.choose : p.t.noChoice], ...p.members.map((m): [string, string] => [m.personId, p.t.member.option(memberName(m), m.relationship)])]} />;
}

/** The 続柄 after the change, one field per member. */
export function RelationshipFields(p: { v: FormValues; e: FieldErrors; members: PersonView[]; legend: string; hint: string; t: T }) {
  if (p.members.length === 0) return null;
  return (
    <fieldset class="flex flex-col gap-3 border border-solid-gray-420 p-4">
      <legend class="px-1 text-std-16B-170">{p.legend}</legend>
      <p class="form-hint">{p.hint}</p>
      <div class="grid grid-cols-1 gap-4 md:grid-cols-2">
        {p.members.map((m) => <TextField name={`rel-${m.personId}`} label={p.t.member.relationshipOf(memberName(m))} value={val(p.v, `rel-${m.personId}`)} list="relationship-list" error={p.e[`rel-${m.personId}`]} />)}
      </div>
    </fieldset>
  );
}
