// SPDX-License-Identifier: EUPL-1.2
/**
 * The change screens (/console/registry/changes/:kind): one keyboard-first form per kind of change
 * (first field focused, Enter submits, dates in 和暦 or 西暦), a confirmation step, and the result (仮登録).
 * Errors: a summary (role="alert") linking to each field, and the message at the field (aria-describedby).
 */
import { newFormToken } from '../../platform/http/idempotency.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { VAGUE_DATE_KINDS } from '../../domains/registry/index.ts';
import { AddressPickFields, MunicipalityDatalist } from './registry-address-pick.tsx';
import {
  CHANGE_KIND_LABELS, CheckField, DateField, ErrorSummary, Facts, RegistryLayout, SelectField, SEX_LABELS, TextField, wareki, type ChangeKind, type FieldErrors,
} from './registry-ui.tsx';
import { ALWAYS_EX_OFFICIO, isItemKind, ItemKindFields } from './registry-change-forms.tsx';
import { registryText } from './registry-i18n.ts';
import { changeFormText, type ChangeFormDictionary } from './registry-change-i18n.ts';

/** UI text of the change pages in the page's language (untranslated text falls back to Japanese). */
const text = (p: ConsoleContext) => { const d = registryText(p.lang); return { ...d.change, kind: (k: ChangeKind) => d.kinds[k] ?? CHANGE_KIND_LABELS[k] }; };
/** Text of the form fields (labels, hints, options). */
type T = ChangeFormDictionary;

import {
  AddressFields, ChangeSubject, fieldLabels, FormProps, FormValues, list, MemberChecks, MemberSelect, memberName,
  PATCH_KEYS, PERSON_ROWS, PersonFields, RelationshipFields, RELATIONSHIPS, val,
} from './registry-form-parts.tsx';
export {
  AddressFields, categoryOptions, dateHint, fieldLabels, list, MemberChecks, MemberSelect, memberName, PATCH_KEYS, PERSON_ROWS, RelationshipFields, val,
} from './registry-form-parts.tsx';
export type { ChangeSubject, FormProps, FormValues } from './registry-form-parts.tsx';

/** Shared fields of every change: dates, notifier, 職権, note. */
function CommonFields(p: { v: FormValues; e: FieldErrors; kind: ChangeKind; t: T }) {
  const { t } = p;
  return (
    <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
      <legend class="px-1 text-std-16B-170">{t.common.legend}</legend>
      <DateField name="occurredOn" label={(t.dates as Record<string, string>)[p.kind] ?? t.fields.occurredOn} value={val(p.v, 'occurredOn')} error={p.e.occurredOn} autofocus required
        vague={VAGUE_DATE_KINDS.includes(p.kind)} hint={VAGUE_DATE_KINDS.includes(p.kind) ? t.common.vagueDateHint : undefined} />
      <DateField name="notifiedOn" label={t.fields.notifiedOn} value={val(p.v, 'notifiedOn')} hint={t.common.notifiedHint(t.dateHint)} error={p.e.notifiedOn} />
      <TextField name="notifier" label={t.fields.notifier} value={val(p.v, 'notifier')} hint={t.common.notifierHint} error={p.e.notifier} />
      {isItemKind(p.kind) && ALWAYS_EX_OFFICIO.includes(p.kind) ? <p class="form-hint">{t.common.alwaysExOfficio}</p>
        : <CheckField name="exOfficio" label={t.common.exOfficio} checked={val(p.v, 'exOfficio') === '1'} />}
    </fieldset>
  );
}

/** The kind-specific part of the form. */
function KindFields(p: FormProps) {
  const { kind, values: v, errors: e, subject } = p;
  const t = changeFormText(p.lang);
  const k = t.kind;
  const members = (subject.household?.members ?? []).filter((m) => m.status !== 'removed');
  if (isItemKind(kind)) return <ItemKindFields {...p} kind={kind} ft={t} />;
  switch (kind) {
    case 'move-in':
    case 'ex-officio-entry': {
      const rows = Array.from({ length: PERSON_ROWS }, (_, i) => i);
      return (
        <>
          {subject.household ? <p class="card">{k.joinHousehold(memberName(members.find((m) => m.relationship === '世帯主') ?? members[0]!))}</p> : (
            <AddressFields v={v} e={e} legend={k.newHouseholdAddress} t={t} lang={p.lang} />
          )}
          <TextField name="previousAddress" label={t.fields.previousAddress} value={val(v, 'previousAddress')} error={e.previousAddress} />
          <AddressPickFields prefix="pa" what="previousAddress" v={v} e={e} lang={p.lang} />
          {kind === 'move-in' ? <CheckField name="fromAbroad" label={k.fromAbroad} checked={val(v, 'fromAbroad') === '1'} /> : null}
          {rows.map((i) => i === 0 ? (
            <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4"><legend class="px-1 text-std-16B-170">{k.firstPerson}</legend><PersonFields i={0} v={v} e={e} t={t} lang={p.lang} members={members} /></fieldset>
          ) : (
            <details class="border border-solid-gray-420 p-4" open={Object.keys(v).some((k) => k.startsWith(`p${i}-`) && val(v, k) && !k.endsWith('residentKind')) || Object.keys(e).some((k) => k.startsWith(`p${i}-`))}>
              <summary class="cursor-pointer text-std-16B-170">{k.addPerson(i + 1)}</summary>
              <div class="mt-4"><PersonFields i={i} v={v} e={e} t={t} lang={p.lang} members={members} /></div>
            </details>
          ))}
        </>
      );
    }
    case 'birth':
      return (
        <>
          <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4"><legend class="px-1 text-std-16B-170">{k.child}</legend><PersonFields i={0} v={v} e={e} birth t={t} lang={p.lang} members={members} /></fieldset>
          <MemberChecks name="parentPersonIds" legend={k.parents} members={members} selected={list(v, 'parentPersonIds')} error={e.parentPersonIds} t={t} />
        </>
      );
    case 'move-within':
    case 'move-out':
    case 'household-split':
      return (
        <>
          <MemberChecks name="personIds" legend={kind === 'household-split' ? k.splitMembers : kind === 'move-out' ? k.moveOutMembers : k.moveWithinMembers} members={members} selected={list(v, 'personIds')} error={e.personIds} t={t} />
          {kind === 'move-within' ? <AddressFields v={v} e={e} legend={k.newAddress} t={t} lang={p.lang} /> : null}
          {kind === 'move-out' ? (
            <>
              <TextField name="destination" label={t.fields.destination} value={val(v, 'destination')} error={e.destination} required />
              <AddressPickFields prefix="dest" what="destination" v={v} e={e} lang={p.lang} />
              <CheckField name="abroad" label={k.abroad} checked={val(v, 'abroad') === '1'} />
              {/* A planned date far ahead is confirmed explicitly (issue #9); the box appears when the planner asks. */}
              {e.confirmPlannedDate || val(v, 'confirmPlannedDate') === '1'
                ? <CheckField name="confirmPlannedDate" label={t.common.confirmPlannedDate} checked={val(v, 'confirmPlannedDate') === '1'} error={e.confirmPlannedDate} /> : null}
            </>
          ) : null}
          {kind !== 'move-out' ? <MemberSelect name="newHeadPersonId" label={k.movingHead} members={members} value={val(v, 'newHeadPersonId')} error={e.newHeadPersonId}
            hint={kind === 'move-within' ? k.movingHeadHint : undefined} required={kind === 'household-split'} t={t} /> : null}
          <MemberSelect name="remainingHeadPersonId" label={t.fields.remainingHeadPersonId} members={members} value={val(v, 'remainingHeadPersonId')} error={e.remainingHeadPersonId}
            hint={k.remainingHeadHint} t={t} />
          <RelationshipFields v={v} e={e} members={members} legend={k.relationshipsAfter} hint={k.relationshipsAfterHint} t={t} />
        </>
      );
    case 'death':
    case 'ex-officio-removal': {
      const rest = members.filter((m) => m.personId !== subject.person?.personId);
      return (
        <>
          <MemberSelect name="remainingHeadPersonId" label={t.fields.remainingHeadPersonId} members={rest} value={val(v, 'remainingHeadPersonId')} error={e.remainingHeadPersonId} hint={k.deathHeadHint} t={t} />
          <RelationshipFields v={v} e={e} members={rest} legend={k.remainingRelationships} hint={k.remainingRelationshipsHint} t={t} />
        </>
      );
    }
    case 'head-change':
      return (
        <>
          <MemberSelect name="newHeadPersonId" label={t.fields.newHeadPersonId} members={members} value={val(v, 'newHeadPersonId')} error={e.newHeadPersonId} required t={t} />
          <RelationshipFields v={v} e={e} members={members} legend={k.headChangeRelationships} hint={k.headChangeHint} t={t} />
        </>
      );
    case 'household-merge':
      return (
        <>
          <TextField name="toHouseholdId" label={t.fields.toHouseholdId} value={subject.target?.householdNo ?? val(v, 'toHouseholdId')} error={e.toHouseholdId} required hint={k.mergeHint} inputmode="numeric" />
          {subject.target ? <p class="card">{k.mergeTarget(subject.target.householdNo, subject.target.members.map(memberName).join(t.listSeparator))}</p> : null}
          <RelationshipFields v={v} e={e} members={members} legend={k.mergeRelationships} hint={k.mergeRelationshipsHint} t={t} />
        </>
      );
    case 'clerical-correction':
    case 'ex-officio-correction': {
      const sex = registryText(p.lang).sex;
      return (
        <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
          <legend class="px-1 text-std-16B-170">{k.correction}</legend>
          <div class="grid grid-cols-1 gap-4 md:grid-cols-2">
            {PATCH_KEYS.map((key) => key === 'sex'
              ? <SelectField name="patch-sex" label={t.patch.sex} value={val(v, 'patch-sex')} options={[['male', sex.male!], ['female', sex.female!]]} error={e['patch-sex']} />
              : key === 'birthDate' ? <DateField name={`patch-${key}`} label={t.patch[key]} value={val(v, `patch-${key}`)} error={e[`patch-${key}`]} hint={k.birthDateHint} vague />
              : key === 'honseki' ? <><TextField name="patch-honseki" label={t.patch.honseki} value={val(v, 'patch-honseki')} error={e['patch-honseki']} />
                <AddressPickFields prefix="patch-hon" what="honseki" v={v} e={e} lang={p.lang} /></>
              : <TextField name={`patch-${key}`} label={t.patch[key]} value={val(v, `patch-${key}`)} error={e[`patch-${key}`]} />)}
          </div>
        </fieldset>
      );
    }
    case 'cancellation': {
      const finals = [...(subject.history ?? [])].reverse().filter((h) => h.change.status === 'final');
      const kindLabel = (x: string) => registryText(p.lang).kinds[x] ?? (CHANGE_KIND_LABELS as Record<string, string>)[x] ?? x;
      return <SelectField name="changeId" label={t.fields.changeId} value={val(v, 'changeId')} error={e.changeId} required hint={k.cancelHint}
        options={[['', t.choose], ...finals.map((h): [string, string] => [h.change.changeId, k.cancelOption(wareki(h.change.occurredOn), kindLabel(h.change.kind), h.historyNo)])]} />;
    }
  }
}

/** Who the form is about, above the form. */
function SubjectLine(p: { subject: ChangeSubject; t: T }) {
  const { person, household } = p.subject;
  const t = p.t.subject;
  if (!person && !household) return null;
  const head = household?.members.find((m) => m.personId === household.headPersonId);
  return (
    <div class="card mt-4 max-w-4xl" data-testid="change-subject">
      <Facts rows={[
        ...(person ? [[t.person, <a class="link" href={`/console/registry/persons/${person.personId}`}>{t.personLine(memberName(person), person.birthDate.display)}</a>] as [string, unknown]] : []),
        ...(household ? [
          [t.household, <a class="link" href={`/console/registry/households/${household.householdId}`}>{t.householdLine(household.householdNo, head ? memberName(head) : p.t.none)}</a>] as [string, unknown],
          [t.address, household.address ? `${household.address.townName}${household.address.banchi}` : ''] as [string, unknown],
        ] : []),
      ] as Array<[string, string]>} />
    </div>
  );
}

/** Hidden ids of the subject (person, household and the household version the clerk saw). */
function SubjectHidden(p: { v: FormValues; subject: ChangeSubject }) {
  const h = p.subject.household;
  return (
    <>
      {p.subject.person ? <input type="hidden" name="personId" value={p.subject.person.personId} /> : null}
      {h ? <input type="hidden" name="householdId" value={h.householdId} /> : null}
      {h ? <input type="hidden" name="version" value={val(p.v, 'version') || String(h.version)} /> : null}
      {p.subject.target ? <input type="hidden" name="toVersion" value={val(p.v, 'toVersion') || String(p.subject.target.version)} /> : null}
    </>
  );
}

/** The form of one kind of change. */
export function ChangeFormPage(p: FormProps) {
  const t = text(p);
  const f = changeFormText(p.lang);
  const title = t.formTitle(t.kind(p.kind));
  return (
    <RegistryLayout {...p} title={title} sub={p.kind === 'move-in' && !p.subject.household ? 'move-in' : undefined}>
      <h1 class="text-std-32B-150">{title}</h1>
      <SubjectLine subject={p.subject} t={f} />
      <div class="mt-6">
        <ErrorSummary message={p.error?.message} code={p.error?.code} errors={p.errors} labels={fieldLabels(p.kind, p.lang)} />
      </div>
      <form method="post" action={`/console/registry/changes/${p.kind}`} class="flex max-w-4xl flex-col gap-5" novalidate data-testid="change-form">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="step" value="confirm" />
        <SubjectHidden v={p.values} subject={p.subject} />
        <CommonFields v={p.values} e={p.errors} kind={p.kind} t={f} />
        <KindFields {...p} />
        <TextField name="note" label={f.fields.note} value={val(p.values, 'note')} error={p.errors.note} />
        <datalist id="town-list">{p.towns.map((t) => <option value={t} />)}</datalist>
        <MunicipalityDatalist />
        <datalist id="relationship-list">{RELATIONSHIPS.map((r) => <option value={r} />)}</datalist>
        <div><button class="button-primary" type="submit">{t.toConfirm}</button></div>
      </form>
    </RegistryLayout>
  );
}

/** The confirmation step: what will be recorded; Enter records it as 仮登録. */
export function ChangeConfirmPage(p: ConsoleContext & { kind: ChangeKind; values: FormValues; summary: Array<[string, string]>; subject: ChangeSubject; csrfToken: string; canChange: boolean; canReview: boolean;
  alerts?: Array<{ code: string; message: string }> }) {
  const t = text(p);
  const title = t.confirmTitle(t.kind(p.kind));
  const json = JSON.stringify(p.values);
  return (
    <RegistryLayout {...p} title={title}>
      <h1 class="text-std-32B-150">{title}</h1>
      <SubjectLine subject={p.subject} t={changeFormText(p.lang)} />
      <section class="card mt-6 max-w-4xl" aria-labelledby="confirm-heading" data-testid="confirm">
        <h2 id="confirm-heading" class="text-std-20B-150">{t.content}</h2>
        <div class="mt-4"><Facts rows={p.summary} /></div>
      </section>
      <p class="mt-4 max-w-4xl">{t.confirmLead}</p>
      {p.alerts && p.alerts.length > 0 ? (
        <div class="banner-warning mt-6 max-w-4xl" role="region" aria-labelledby="preview-alerts-heading" data-testid="preview-alerts">
          <h2 id="preview-alerts-heading" class="text-std-18B-160">{t.previewAlerts}</h2>
          <ul class="mt-2 list-disc pl-6">{p.alerts.map((a) => <li data-alert-code={a.code}>{a.message}</li>)}</ul>
        </div>
      ) : null}
      <form method="post" action={`/console/registry/changes/${p.kind}`} class="mt-6 flex flex-wrap items-center gap-4" data-once>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="form" value={json} />
        <input type="hidden" name="_idem" value={newFormToken()} />
        <button class="button-primary" type="submit" name="step" value="record" autofocus>{t.record}</button>
        <button class="button-secondary" type="submit" name="step" value="edit">{t.edit}</button>
      </form>
    </RegistryLayout>
  );
}

export { SEX_LABELS };
