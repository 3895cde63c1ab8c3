// SPDX-License-Identifier: EUPL-1.2
/**
 * The change screens (/console/registry/changes/:kind): one keyboard-first form per kind of change
 * (first field focused, Enter submits, dates in 和暦 or 西暦), a confirmation step, and the result (仮登録).
 * Errors: a summary (role="alert") linking to each field, and the message at the field (aria-describedby).
 */
import { FOREIGN_CATEGORIES } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../layout/console-layout.tsx';
import type { HouseholdView, HistoryItem, PersonView } from './registry-person.page.tsx';
import {
  CHANGE_KIND_LABELS, CheckField, ErrorSummary, Facts, RegistryLayout, SelectField, SEX_LABELS, TextField, wareki, type ChangeKind, type FieldErrors,
} from './registry-ui.tsx';
import { ALWAYS_EX_OFFICIO, isItemKind, ITEM_DATE_LABELS, ITEM_FIELD_LABELS, ItemKindFields } from './registry-change-forms.tsx';
import { registryText } from './registry-i18n.ts';

/** UI text of the change pages in the page's language (untranslated text falls back to Japanese). */
const text = (p: ConsoleContext) => { const d = registryText(p.lang); return { ...d.change, kind: (k: ChangeKind) => d.kinds[k] ?? CHANGE_KIND_LABELS[k] }; };

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

const RELATIONSHIPS = ['世帯主', '妻', '夫', '子', '子の妻', '子の夫', '父', '母', '兄', '姉', '弟', '妹', '妻（未届）', '夫（未届）', '縁故者', '同居人'];
export const DATE_HINT = '和暦又は西暦（例: 令和7年4月1日、R7.4.1、2025-04-01）';

/** Labels of the form fields (for the error summary and the confirmation). */
export function fieldLabels(kind?: ChangeKind): Record<string, string> {
  const l: Record<string, string> = {
    occurredOn: '異動日', notifiedOn: '届出日', notifier: '届出人', note: '備考', previousAddress: '前住所', townName: '町字', banchi: '番地・号', katagaki: '方書',
    destination: '転出先', newHeadPersonId: '新しい世帯主', remainingHeadPersonId: '残る世帯の世帯主', toHouseholdId: '合併先の世帯ID', changeId: '取り消す異動',
    personIds: '対象の世帯員', parentPersonIds: '父母',
  };
  for (let i = 0; i < PERSON_ROWS; i++) {
    for (const [k, t] of Object.entries(PERSON_FIELD_LABELS)) l[`p${i}-${k}`] = `${PERSON_ROWS > 1 && i > 0 ? `${i + 1}人目の` : ''}${t}`;
  }
  for (const [k, t] of Object.entries(PATCH_LABELS)) l[`patch-${k}`] = `修正後の${t}`;
  return { ...l, ...ITEM_FIELD_LABELS, ...(kind === 'household-change' ? { toHouseholdId: '加わる世帯の世帯ID', personIds: '別の世帯に加わる世帯員' } : {}) };
}

const PERSON_FIELD_LABELS: Record<string, string> = {
  familyName: '氏', givenName: '名', familyNameKana: '氏（フリガナ）', givenNameKana: '名（フリガナ）', birthDate: '生年月日', sex: '性別', relationship: '続柄',
  residentKind: '住民の種別', honseki: '本籍', hittosha: '筆頭者', myNumber: '個人番号', residentCode: '住民票コード', romanName: 'アルファベット氏名',
  nationality: '国籍・地域', category: '第30条の45区分', residenceStatus: '在留資格', residencePeriod: '在留期間', residenceExpiry: '在留期間の満了日', residenceCardNo: '在留カード番号',
};
export const PATCH_LABELS: Record<string, string> = {
  familyName: '氏', givenName: '名', familyNameKana: '氏（フリガナ）', givenNameKana: '名（フリガナ）', birthDate: '生年月日', sex: '性別', honseki: '本籍', hittosha: '筆頭者', banchi: '番地・号', katagaki: '方書',
};

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

/** Shared fields of every change: dates, notifier, 職権, note. */
function CommonFields(p: { v: FormValues; e: FieldErrors; kind: ChangeKind }) {
  return (
    <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
      <legend class="px-1 text-std-16B-170">異動日・届出</legend>
      <TextField name="occurredOn" label={p.kind === 'move-out' ? '異動日（転出予定日）' : p.kind === 'cancellation' ? '処理の基準日' : (isItemKind(p.kind) && ITEM_DATE_LABELS[p.kind]) || '異動日'} value={val(p.v, 'occurredOn')} hint={DATE_HINT} error={p.e.occurredOn} autofocus required />
      <TextField name="notifiedOn" label="届出日" value={val(p.v, 'notifiedOn')} hint={`空欄の場合は本日。${DATE_HINT}`} error={p.e.notifiedOn} />
      <TextField name="notifier" label="届出人" value={val(p.v, 'notifier')} hint="例: 本人、世帯主、代理人 氏名" error={p.e.notifier} />
      {isItemKind(p.kind) && ALWAYS_EX_OFFICIO.includes(p.kind) ? <p class="form-hint">この異動は職権で処理します。</p>
        : <CheckField name="exOfficio" label="職権で処理する（届出によらない）" checked={val(p.v, 'exOfficio') === '1'} />}
    </fieldset>
  );
}

/** 町字 (datalist of the town list), 番地, 方書. */
export function AddressFields(p: { v: FormValues; e: FieldErrors; legend: string }) {
  return (
    <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
      <legend class="px-1 text-std-16B-170">{p.legend}</legend>
      <TextField name="townName" label="町字" value={val(p.v, 'townName')} list="town-list" hint="町字一覧から選ぶか入力します（例: 大字広丘野村）" error={p.e.townName} required />
      <CheckField name="unlisted" label="町字一覧にない町字として登録する" checked={val(p.v, 'unlisted') === '1'} />
      <TextField name="banchi" label="番地・号" value={val(p.v, 'banchi')} error={p.e.banchi} required />
      <TextField name="katagaki" label="方書" value={val(p.v, 'katagaki')} error={p.e.katagaki} />
    </fieldset>
  );
}

/** The fields of one new person (転入, 出生, 職権記載). */
function PersonFields(p: { i: number; v: FormValues; e: FieldErrors; birth?: boolean }) {
  const f = (k: string) => `p${p.i}-${k}`;
  const t = (k: string) => val(p.v, f(k));
  const foreignOpen = t('residentKind') === 'foreign' || ['romanName', 'nationality', 'residenceCardNo'].some((k) => t(k) || p.e[f(k)]);
  return (
    <div class="grid grid-cols-1 gap-4 md:grid-cols-2">
      <TextField name={f('familyName')} label="氏" value={t('familyName')} error={p.e[f('familyName')]} required={p.i === 0} />
      <TextField name={f('givenName')} label="名" value={t('givenName')} error={p.e[f('givenName')]} />
      <TextField name={f('familyNameKana')} label="氏（フリガナ）" value={t('familyNameKana')} error={p.e[f('familyNameKana')]} />
      <TextField name={f('givenNameKana')} label="名（フリガナ）" value={t('givenNameKana')} error={p.e[f('givenNameKana')]} />
      <TextField name={f('birthDate')} label="生年月日" value={t('birthDate')} hint="和暦又は西暦（例: 昭和55年3月1日、S55.3.1）" error={p.e[f('birthDate')]} required={p.i === 0} />
      <SelectField name={f('sex')} label="性別" value={t('sex')} options={[['', '選択してください'], ['male', '男'], ['female', '女']]} error={p.e[f('sex')]} required={p.i === 0} />
      <TextField name={f('relationship')} label="続柄" value={t('relationship')} list="relationship-list" hint={p.birth ? '世帯主から見た続柄（例: 子）' : '新しい世帯では一人を「世帯主」にします'} error={p.e[f('relationship')]} required={p.i === 0} />
      <SelectField name={f('residentKind')} label="住民の種別" value={t('residentKind') || 'japanese'} options={[['japanese', '日本人住民'], ['foreign', '外国人住民']]} />
      <TextField name={f('honseki')} label="本籍（日本人住民）" value={t('honseki')} hint="ない場合は「なし」、不明の場合は「不明」" error={p.e[f('honseki')]} />
      <TextField name={f('hittosha')} label="筆頭者" value={t('hittosha')} error={p.e[f('hittosha')]} />
      {p.birth ? null : <TextField name={f('myNumber')} label="個人番号" value={t('myNumber')} inputmode="numeric" hint="12桁（ある場合）" error={p.e[f('myNumber')]} />}
      {p.birth ? null : <TextField name={f('residentCode')} label="住民票コード" value={t('residentCode')} inputmode="numeric" hint="11桁。空欄なら新たに付番します" error={p.e[f('residentCode')]} />}
      <details class="md:col-span-2" open={foreignOpen}>
        <summary class="cursor-pointer text-std-16B-170">外国人住民の記載事項（第30条の45）</summary>
        <div class="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField name={f('romanName')} label="アルファベット氏名" value={t('romanName')} error={p.e[f('romanName')]} />
          <TextField name={f('nationality')} label="国籍・地域" value={t('nationality')} error={p.e[f('nationality')]} />
          <SelectField name={f('category')} label="第30条の45区分" value={t('category')} options={[['', '—'], ...FOREIGN_CATEGORIES.map((c): [string, string] => [c, c])]} error={p.e[f('category')]} />
          <TextField name={f('residenceStatus')} label="在留資格" value={t('residenceStatus')} error={p.e[f('residenceStatus')]} />
          <TextField name={f('residencePeriod')} label="在留期間" value={t('residencePeriod')} hint="例: 3年" error={p.e[f('residencePeriod')]} />
          <TextField name={f('residenceExpiry')} label="在留期間の満了日" value={t('residenceExpiry')} hint="西暦（例: 2027-03-31）" error={p.e[f('residenceExpiry')]} />
          <TextField name={f('residenceCardNo')} label="在留カード番号" value={t('residenceCardNo')} hint="英字2桁・数字8桁・英字2桁" error={p.e[f('residenceCardNo')]} />
        </div>
      </details>
    </div>
  );
}

/** Checkboxes of the members of a household. */
export function MemberChecks(p: { name: string; legend: string; members: PersonView[]; selected: string[]; error?: string }) {
  return (
    <fieldset class="flex flex-col gap-2 border border-solid-gray-420 p-4" id={p.name} aria-describedby={p.error ? `${p.name}-error` : undefined}>
      <legend class="px-1 text-std-16B-170">{p.legend}</legend>
      {p.error ? <p class="form-error" id={`${p.name}-error`}>{p.error}</p> : null}
      {p.members.map((m) => <CheckField name={p.name} id={`${p.name}-${m.personId}`} value={m.personId} label={`${memberName(m)}（${m.relationship}・${m.birthDate.display}）`} checked={p.selected.includes(m.personId)} />)}
    </fieldset>
  );
}

/** A select of household members. */
export function MemberSelect(p: { name: string; label: string; members: PersonView[]; value: string; hint?: string; error?: string; required?: boolean }) {
  return <SelectField name={p.name} label={p.label} value={p.value} hint={p.hint} error={p.error} required={p.required}
    options={[['', p.required ? '選択してください' : '指定しない'], ...p.members.map((m): [string, string] => [m.personId, `${memberName(m)}（${m.relationship}）`])]} />;
}

/** The 続柄 after the change, one field per member. */
export function RelationshipFields(p: { v: FormValues; e: FieldErrors; members: PersonView[]; legend: string; hint: string }) {
  if (p.members.length === 0) return null;
  return (
    <fieldset class="flex flex-col gap-3 border border-solid-gray-420 p-4">
      <legend class="px-1 text-std-16B-170">{p.legend}</legend>
      <p class="form-hint">{p.hint}</p>
      <div class="grid grid-cols-1 gap-4 md:grid-cols-2">
        {p.members.map((m) => <TextField name={`rel-${m.personId}`} label={`${memberName(m)}の続柄`} value={val(p.v, `rel-${m.personId}`)} list="relationship-list" error={p.e[`rel-${m.personId}`]} />)}
      </div>
    </fieldset>
  );
}

/** The kind-specific part of the form. */
function KindFields(p: FormProps) {
  const { kind, values: v, errors: e, subject } = p;
  const members = (subject.household?.members ?? []).filter((m) => m.status !== 'removed');
  if (isItemKind(kind)) return <ItemKindFields {...p} kind={kind} />;
  switch (kind) {
    case 'move-in':
    case 'ex-officio-entry': {
      const rows = Array.from({ length: PERSON_ROWS }, (_, i) => i);
      return (
        <>
          {subject.household ? <p class="card">この世帯（世帯主: {memberName(members.find((m) => m.relationship === '世帯主') ?? members[0]!)}）に加わります。住所は世帯の住所になります。</p> : (
            <AddressFields v={v} e={e} legend="住所（新しい世帯）" />
          )}
          <TextField name="previousAddress" label="前住所" value={val(v, 'previousAddress')} error={e.previousAddress} />
          {kind === 'move-in' ? <CheckField name="fromAbroad" label="国外からの転入" checked={val(v, 'fromAbroad') === '1'} /> : null}
          {rows.map((i) => i === 0 ? (
            <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4"><legend class="px-1 text-std-16B-170">転入する人（1人目）</legend><PersonFields i={0} v={v} e={e} /></fieldset>
          ) : (
            <details class="border border-solid-gray-420 p-4" open={Object.keys(v).some((k) => k.startsWith(`p${i}-`) && val(v, k) && !k.endsWith('residentKind')) || Object.keys(e).some((k) => k.startsWith(`p${i}-`))}>
              <summary class="cursor-pointer text-std-16B-170">{i + 1}人目を追加</summary>
              <div class="mt-4"><PersonFields i={i} v={v} e={e} /></div>
            </details>
          ))}
        </>
      );
    }
    case 'birth':
      return (
        <>
          <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4"><legend class="px-1 text-std-16B-170">生まれた子</legend><PersonFields i={0} v={v} e={e} birth /></fieldset>
          <MemberChecks name="parentPersonIds" legend="父母（世帯員の場合）" members={members} selected={list(v, 'parentPersonIds')} error={e.parentPersonIds} />
        </>
      );
    case 'move-within':
    case 'move-out':
    case 'household-split':
      return (
        <>
          <MemberChecks name="personIds" legend={kind === 'household-split' ? '新しい世帯に移る世帯員' : kind === 'move-out' ? '転出する世帯員' : '転居する世帯員'} members={members} selected={list(v, 'personIds')} error={e.personIds} />
          {kind === 'move-within' ? <AddressFields v={v} e={e} legend="新しい住所" /> : null}
          {kind === 'move-out' ? (
            <>
              <TextField name="destination" label="転出先" value={val(v, 'destination')} error={e.destination} required />
              <CheckField name="abroad" label="国外への転出" checked={val(v, 'abroad') === '1'} />
            </>
          ) : null}
          {kind !== 'move-out' ? <MemberSelect name="newHeadPersonId" label="移る世帯員の新しい世帯主" members={members} value={val(v, 'newHeadPersonId')} error={e.newHeadPersonId}
            hint={kind === 'move-within' ? '世帯の一部が転居する場合に指定します（全員の場合は不要）' : undefined} required={kind === 'household-split'} /> : null}
          <MemberSelect name="remainingHeadPersonId" label="残る世帯の世帯主" members={members} value={val(v, 'remainingHeadPersonId')} error={e.remainingHeadPersonId}
            hint="世帯主が世帯を離れ、2人以上が残る場合に指定します" />
          <RelationshipFields v={v} e={e} members={members} legend="異動後の続柄" hint="世帯が分かれる場合、新しい世帯主から見た続柄を入力します（世帯主になる人は空欄で構いません）" />
        </>
      );
    case 'death':
    case 'ex-officio-removal': {
      const rest = members.filter((m) => m.personId !== subject.person?.personId);
      return (
        <>
          <MemberSelect name="remainingHeadPersonId" label="残る世帯の世帯主" members={rest} value={val(v, 'remainingHeadPersonId')} error={e.remainingHeadPersonId} hint="世帯主の死亡等で2人以上が残る場合に指定します" />
          <RelationshipFields v={v} e={e} members={rest} legend="残る世帯員の続柄" hint="新しい世帯主から見た続柄（世帯主が変わる場合のみ）" />
        </>
      );
    }
    case 'head-change':
      return (
        <>
          <MemberSelect name="newHeadPersonId" label="新しい世帯主" members={members} value={val(v, 'newHeadPersonId')} error={e.newHeadPersonId} required />
          <RelationshipFields v={v} e={e} members={members} legend="新しい世帯主から見た続柄" hint="新しい世帯主になる人の欄は空欄にします。前の世帯主の続柄を必ず入力してください（例: 夫、父）" />
        </>
      );
    case 'household-merge':
      return (
        <>
          <TextField name="toHouseholdId" label="合併先の世帯ID" value={val(v, 'toHouseholdId')} error={e.toHouseholdId} required hint="合併先の世帯票に表示される世帯ID" />
          {subject.target ? <p class="card">合併先: 世帯番号 {subject.target.householdNo}（{subject.target.members.map(memberName).join('、')}）</p> : null}
          <RelationshipFields v={v} e={e} members={members} legend="合併先の世帯主から見た続柄" hint="この世帯の全員について入力します" />
        </>
      );
    case 'clerical-correction':
    case 'ex-officio-correction':
      return (
        <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
          <legend class="px-1 text-std-16B-170">修正後の記載（変更する項目だけ書き換えます）</legend>
          <div class="grid grid-cols-1 gap-4 md:grid-cols-2">
            {Object.entries(PATCH_LABELS).map(([k, l]) => k === 'sex'
              ? <SelectField name="patch-sex" label={l} value={val(v, 'patch-sex')} options={[['male', '男'], ['female', '女']]} error={e['patch-sex']} />
              : <TextField name={`patch-${k}`} label={l} value={val(v, `patch-${k}`)} error={e[`patch-${k}`]} hint={k === 'birthDate' ? '和暦又は西暦' : undefined} />)}
          </div>
        </fieldset>
      );
    case 'cancellation': {
      const finals = [...(subject.history ?? [])].reverse().filter((h) => h.change.status === 'final');
      return <SelectField name="changeId" label="取り消す異動" value={val(v, 'changeId')} error={e.changeId} required hint="直近の異動から順に取り消せます"
        options={[['', '選択してください'], ...finals.map((h): [string, string] => [h.change.changeId, `${wareki(h.change.occurredOn)} ${(CHANGE_KIND_LABELS as Record<string, string>)[h.change.kind] ?? h.change.kind}（履歴番号 ${h.historyNo}）`])]} />;
    }
  }
}

/** Who the form is about, above the form. */
function SubjectLine(p: { subject: ChangeSubject }) {
  const { person, household } = p.subject;
  if (!person && !household) return null;
  const head = household?.members.find((m) => m.personId === household.headPersonId);
  return (
    <div class="card mt-4 max-w-4xl" data-testid="change-subject">
      <Facts rows={[
        ...(person ? [['対象者', <a class="link" href={`/console/registry/persons/${person.personId}`}>{memberName(person)}（{person.birthDate.display}）</a>] as [string, unknown]] : []),
        ...(household ? [
          ['世帯', <a class="link" href={`/console/registry/households/${household.householdId}`}>世帯番号 {household.householdNo}（世帯主: {head ? memberName(head) : 'なし'}）</a>] as [string, unknown],
          ['住所', household.address ? `${household.address.townName}${household.address.banchi}` : ''] as [string, unknown],
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
  const title = t.formTitle(t.kind(p.kind));
  return (
    <RegistryLayout {...p} title={title} sub={p.kind === 'move-in' && !p.subject.household ? 'move-in' : undefined}>
      <h1 class="text-std-32B-150">{title}</h1>
      <SubjectLine subject={p.subject} />
      <div class="mt-6">
        <ErrorSummary message={p.error?.message} code={p.error?.code} errors={p.errors} labels={fieldLabels(p.kind)} />
      </div>
      <form method="post" action={`/console/registry/changes/${p.kind}`} class="flex max-w-4xl flex-col gap-5" novalidate data-testid="change-form">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="step" value="confirm" />
        <SubjectHidden v={p.values} subject={p.subject} />
        <CommonFields v={p.values} e={p.errors} kind={p.kind} />
        <KindFields {...p} />
        <TextField name="note" label="備考" value={val(p.values, 'note')} error={p.errors.note} />
        <datalist id="town-list">{p.towns.map((t) => <option value={t} />)}</datalist>
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
      <SubjectLine subject={p.subject} />
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
        <button class="button-primary" type="submit" name="step" value="record" autofocus>{t.record}</button>
        <button class="button-secondary" type="submit" name="step" value="edit">{t.edit}</button>
      </form>
    </RegistryLayout>
  );
}

/** The result: recorded as 仮登録, with the alerts and links to the records. */
export function ChangeResultPage(p: ConsoleContext & {
  kind: ChangeKind; result: { changeId: string; reasonLabel: string; reasonCode: string; alerts: Array<{ code: string; message: string }>; personIds: string[]; householdIds: string[] };
  names: Record<string, string>; canChange: boolean; canReview: boolean;
}) {
  const r = p.result;
  const t = text(p);
  return (
    <RegistryLayout {...p} title={t.resultTitle(t.kind(p.kind))}>
      <h1 class="text-std-32B-150">{t.resultTitle(t.kind(p.kind))}</h1>
      <div class="banner-success mt-6" role="status" data-testid="result">
        <p class="text-std-18B-160">{t.recorded(r.reasonLabel, r.reasonCode)}</p>
      </div>
      {r.alerts.length > 0 ? (
        <div class="banner-error mt-6" role="alert" data-testid="alerts">
          <h2 class="text-std-18B-160 text-error-2">{t.alerts}</h2>
          <ul class="mt-2 list-disc pl-6">{r.alerts.map((a) => <li>{a.message}</li>)}</ul>
        </div>
      ) : null}
      <section class="mt-6" aria-labelledby="records-heading">
        <h2 id="records-heading" class="text-std-20B-150">{t.records}</h2>
        {['move-in', 'birth', 'ex-officio-entry'].includes(p.kind) ? <p class="mt-2">{t.newPersonsLater}</p> : null}
        <ul class="mt-2 flex flex-col gap-1">
          {r.personIds.map((id, i) => <li><a class="link" href={`/console/registry/persons/${id}`} autofocus={i === 0}>{t.personRecord(p.names[id] || id)}</a></li>)}
          {r.householdIds.map((id) => <li><a class="link" href={`/console/registry/households/${id}`}>{t.householdRecord}</a></li>)}
        </ul>
      </section>
      <p class="mt-6 flex flex-wrap gap-6">
        <a class="link" href="/console/registry">{t.toSearch}</a>
        {p.canReview ? <a class="link" href="/console/registry/provisional">{t.toProvisional}</a> : null}
      </p>
    </RegistryLayout>
  );
}

export { SEX_LABELS };
