// SPDX-License-Identifier: EUPL-1.2
/**
 * The change screens of the resident registry: GET shows the form of a kind of change for a person or
 * household; POST step=confirm checks the form and shows what will be recorded, step=edit returns to the
 * form, step=record calls the registry service (仮登録). The confirmation previews the change with the service
 * (its alerts shown before 仮登録する). Refusals of the service, at either step, re-render the form with
 * every value kept; a household changed by another clerk shows the conflict message with the fresh household.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { ChangeInput, parseLegalDate, VAGUE_DATE_KINDS } from '../../domains/registry/index.ts';
import { formatLegalDate } from '../../platform/dates/jp-date.ts';
import { normalizeCardNo, normalizeKana } from '../../domains/registry/index.ts';
import {
  ChangeConfirmPage, ChangeFormPage, fieldLabels, list, PATCH_KEYS, PERSON_ROWS, val, type ChangeSubject, type FormValues,
} from './registry-change.page.tsx';
import { isItemKind } from './registry-change-forms.tsx';
import { changeFormText, type ChangeFormDictionary } from './registry-change-i18n.ts';
import { registryText } from './registry-i18n.ts';
import { CHANGE_KIND_LABELS, isChangeKind, type ChangeKind, type FieldErrors } from './registry-ui.tsx';
import { requestLang, type Lang } from '../ui/i18n.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { registryFlags, requestCtx } from './registry.routes.tsx';
import { detailFromForm, pickErrorField, pickValues } from './registry-address-pick.tsx';
import { addressOf, buildItemChange, checkDate, itemInitialValues, ITEM_ERROR_FIELD, opt } from './registry-change-kinds.ts';
import { foreignExtraValues } from './registry-form-parts.tsx';
import { toAsciiDigits } from '../../platform/text/ascii-digits.ts';

type Messages = ChangeFormDictionary['errors'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERSON_KINDS: ChangeKind[] = ['death', 'ex-officio-removal', 'clerical-correction', 'ex-officio-correction', 'cancellation',
  'old-surname', 'alias', 'residence-status-change', 'naturalization', 'nationality-loss', 'minor-correction', 'move-in-notice', 'reading', 'reform', 'remake'];
const HOUSEHOLD_KINDS: ChangeKind[] = ['move-within', 'move-out', 'birth', 'head-change', 'household-split', 'household-merge', 'household-change', 'address-renaming', 'de-facto-head'];
/** Kinds whose form names another household (by 世帯ID) to join or merge into. */
const TARGET_KINDS: ChangeKind[] = ['household-merge', 'household-change'];
const LIST_FIELDS = new Set(['personIds', 'parentPersonIds']);

/** Service error code → the field it is about. */
const ERROR_FIELD: Record<string, string> = {
  'change-date-in-future': 'occurredOn', 'change-date-before-last': 'occurredOn', 'notification-date-in-future': 'notifiedOn',
  'unknown-town': 'townName', 'address-required': 'townName', 'honseki-required': 'p0-honseki', 'invalid-my-number': 'p0-myNumber',
  'invalid-resident-code': 'p0-residentCode', 'name-required': 'p0-familyName', 'forbidden-name-symbol': 'p0-familyName', 'birth-before-parent': 'p0-birthDate',
  'birth-date-in-future': 'p0-birthDate', 'single-head-required': 'p0-relationship', 'head-in-existing-household': 'p0-relationship',
  'household-head-required': 'remainingHeadPersonId', 'head-must-be-member': 'newHeadPersonId', 'invalid-residence-card-no': 'p0-residenceCardNo',
  'foreign-items-required': 'p0-nationality', 'same-household': 'toHouseholdId', 'empty-patch': 'patch-familyName',
  'notification-before-change': 'notifiedOn', 'move-out-date-confirm': 'confirmPlannedDate', 'birth-after-change-date': 'p0-birthDate',
  'new-household-head-required': 'newHeadPersonId',
};

/** The form field of a reading the planner refused (`invalid-reading` names the record field, e.g. familyNameKana). */
function readingField(kind: ChangeKind, field: unknown): string | undefined {
  if (typeof field !== 'string') return undefined;
  if (kind === 'clerical-correction' || kind === 'ex-officio-correction') return `patch-${field}`;
  if (kind === 'naturalization' || kind === 'minor-correction') return `new-${field}`;
  if (kind === 'old-surname' || kind === 'alias' || kind === 'reading') return field;
  return `p0-${field}`;
}

/** 「2人目（山田 花子）の生年月日: …」: the entered person (row `index`) by number and name, the field, the reason. */
function aboutPersonMessage(lang: Lang, values: FormValues, index: number, field: string | undefined, reason: string): string {
  const t = changeFormText(lang);
  const v = (k: string) => val(values, `p${index}-${k}`);
  const name = `${v('familyName')} ${v('givenName')}`.trim() || v('romanName');
  const who = lang === 'ja' ? `${index + 1}人目${name ? `（${name}）` : ''}` : `Person ${index + 1}${name ? ` (${name})` : ''}`;
  const label = field ? (t.person as Record<string, string>)[field] : undefined;
  return label ? (lang === 'ja' ? `${who}の${label}: ${reason}` : `${who}, ${label}: ${reason}`) : `${who}: ${reason}`;
}

/** Normalises a parsed form body: strings trimmed, the checkbox groups as lists. */
function formValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf' || k === '_idem' || k === 'step' || k === 'form') continue;
    const arr = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map((x) => x.trim().slice(0, 300));
    out[k] = LIST_FIELDS.has(k) ? arr.filter((x) => UUID.test(x)) : (arr[arr.length - 1] ?? '');
  }
  return out;
}

/** A new person from row `i` of the form, or undefined when the row is empty. */
function personFromRow(v: FormValues, i: number, errors: FieldErrors, required: boolean, m: Messages, lang: Lang = 'ja') {
  const f = (k: string) => val(v, `p${i}-${k}`);
  const used = ['familyName', 'givenName', 'familyNameKana', 'birthDate', 'romanName'].some((k) => f(k));
  if (!used && !required) return undefined;
  const foreign = f('residentKind') === 'foreign';
  if (!foreign && !f('familyName')) errors[`p${i}-familyName`] = m.familyName;
  if (foreign && !f('romanName') && !f('familyName')) errors[`p${i}-romanName`] = m.romanName;
  checkDate(v, `p${i}-birthDate`, errors, { required: true, legal: true }, m);
  if (!f('sex')) errors[`p${i}-sex`] = m.sex;
  if (!f('relationship')) errors[`p${i}-relationship`] = m.relationship;
  if (foreign) for (const k of ['residenceExpiry', 'landingPeriodEnd', 'provisionalStayEnd', 'alienRegistrationDate']) checkDate(v, `p${i}-${k}`, errors, {}, m);
  return {
    residentKind: foreign ? 'foreign' : 'japanese', familyName: f('familyName'), givenName: f('givenName'), familyNameKana: f('familyNameKana'), givenNameKana: f('givenNameKana'),
    romanName: opt(f('romanName')), birthDate: f('birthDate'), sex: f('sex'), honseki: opt(f('honseki') || composed(v, `p${i}-hon`)), hittosha: opt(f('hittosha')),
    honsekiDetail: foreign ? undefined : detailFromForm(v, `p${i}-hon`, errors, lang),
    myNumber: opt(f('myNumber').replace(/[\s-]/g, '')), residentCode: opt(f('residentCode').replace(/[\s-]/g, '')), relationship: f('relationship'),
    familyOf: /^[0-9a-f-]{36}$/i.test(f('familyOf')) ? f('familyOf') : undefined,
    foreign: foreign ? {
      nationality: f('nationality'), category: f('category'), residenceStatus: opt(f('residenceStatus')), residencePeriod: opt(f('residencePeriod')),
      residenceExpiry: opt(f('residenceExpiry')), residenceCardNo: opt(f('residenceCardNo').toUpperCase()), ...foreignExtraValues(f),
    } : undefined,
  };
}

/** The text of a picked address when its text field was left empty: 都道府県・市区町村, 町字 and the rest as typed. */
function composed(v: FormValues, prefix: string): string {
  return ['city', 'town', 'rest'].map((k) => val(v, `${prefix}-${k}`).trim()).join('');
}

/** 続柄 entered for the given members (empty fields and excluded heads left out). */
function relationships(v: FormValues, ids: string[], exclude: Array<string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) if (!exclude.includes(id) && val(v, `rel-${id}`)) out[id] = val(v, `rel-${id}`);
  return out;
}

/** Builds the service input from the form; field errors for what the form itself can tell. */
export function buildChange(kind: ChangeKind, v: FormValues, subject: ChangeSubject, lang: Lang = 'ja'): { input?: ChangeInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const m = changeFormText(lang).errors;
  const vagueDate = VAGUE_DATE_KINDS.includes(kind);
  checkDate(v, 'occurredOn', errors, { required: true, legal: vagueDate, nonCalendar: vagueDate }, m);
  checkDate(v, 'notifiedOn', errors, {}, m);
  const h = subject.household;
  const members = (h?.members ?? []).filter((m) => m.status !== 'removed').map((m) => m.personId);
  const expectedVersions: Record<string, number> = {};
  if (h) expectedVersions[h.householdId] = Number(val(v, 'version') || h.version);
  if (subject.target) expectedVersions[subject.target.householdId] = Number(val(v, 'toVersion') || subject.target.version);
  const common = {
    kind, occurredOn: val(v, 'occurredOn'), notifiedOn: opt(val(v, 'notifiedOn')), exOfficio: val(v, 'exOfficio') === '1',
    notifier: val(v, 'notifier'), note: val(v, 'note'), expectedVersions,
  };
  const address = () => addressOf(v, errors, m);
  const selected = list(v, 'personIds');
  const newHead = opt(val(v, 'newHeadPersonId'));
  const remainingHead = opt(val(v, 'remainingHeadPersonId'));
  let input: Record<string, unknown> = common;
  if (isItemKind(kind)) input = { ...common, ...buildItemChange(kind, v, subject, errors, m) };
  else switch (kind) {
    case 'move-in':
    case 'ex-officio-entry': {
      const persons = Array.from({ length: PERSON_ROWS }, (_, i) => personFromRow(v, i, errors, i === 0, m, lang)).filter(Boolean);
      input = { ...common, persons, previousAddress: val(v, 'previousAddress') || composed(v, 'pa'), previousAddressDetail: detailFromForm(v, 'pa', errors, lang), ...(kind === 'move-in' ? { fromAbroad: val(v, 'fromAbroad') === '1' } : {}),
        ...(h ? { householdId: h.householdId } : { address: address() }) };
      break;
    }
    case 'birth':
      input = { ...common, householdId: h?.householdId, person: personFromRow(v, 0, errors, true, m, lang), parentPersonIds: list(v, 'parentPersonIds').slice(0, 2) };
      break;
    case 'move-within':
    case 'move-out':
    case 'household-split': {
      if (selected.length === 0) errors.personIds = m.personIds;
      const whole = members.every((id) => selected.includes(id));
      const rest = members.filter((id) => !selected.includes(id));
      const split = { relationships: whole ? {} : relationships(v, selected, [newHead]), remainingHeadPersonId: remainingHead, remainingRelationships: relationships(v, rest, [remainingHead]) };
      if (kind === 'move-within') input = { ...common, personIds: selected, address: address(), newHeadPersonId: whole ? undefined : newHead, ...split };
      else if (kind === 'household-split') {
        if (!newHead) errors.newHeadPersonId = m.newHead;
        input = { ...common, personIds: selected, newHeadPersonId: newHead, ...split };
      } else {
        const destination = val(v, 'destination') || composed(v, 'dest');
        if (!destination) errors.destination = m.destination;
        input = { ...common, personIds: selected, destination, destinationDetail: detailFromForm(v, 'dest', errors, lang), abroad: val(v, 'abroad') === '1', confirmPlannedDate: val(v, 'confirmPlannedDate') === '1',
          remainingHeadPersonId: remainingHead, remainingRelationships: split.remainingRelationships };
      }
      break;
    }
    case 'death':
    case 'ex-officio-removal': {
      const rest = members.filter((id) => id !== subject.person?.personId);
      input = { ...common, personId: subject.person?.personId, remainingHeadPersonId: remainingHead, remainingRelationships: relationships(v, rest, [remainingHead]) };
      break;
    }
    case 'head-change':
      if (!newHead) errors.newHeadPersonId = m.newHead;
      for (const id of members) if (id !== newHead && !val(v, `rel-${id}`)) errors[`rel-${id}`] = m.relationship;
      input = { ...common, householdId: h?.householdId, newHeadPersonId: newHead, relationships: relationships(v, members, [newHead]) };
      break;
    case 'household-merge':
      if (!UUID.test(val(v, 'toHouseholdId'))) errors.toHouseholdId = m.mergeTarget;
      for (const id of members) if (!val(v, `rel-${id}`)) errors[`rel-${id}`] = m.relationship;
      input = { ...common, fromHouseholdId: h?.householdId, toHouseholdId: val(v, 'toHouseholdId'), relationships: relationships(v, members, []) };
      break;
    case 'clerical-correction':
    case 'ex-officio-correction': {
      const p = subject.person;
      const before = p ? correctionDefaults(p) : {};
      const patch: Record<string, string> = {};
      for (const k of PATCH_KEYS) if (val(v, `patch-${k}`) !== (before[`patch-${k}`] ?? '')) patch[k] = val(v, `patch-${k}`);
      if (patch.birthDate) checkDate(v, 'patch-birthDate', errors, { required: true, legal: true, nonCalendar: true }, m);
      const pick = p ? pickValues('patch-hon', p.honsekiDetail) : {};
      const pickChanged = ['postal', 'city', 'town', 'rest'].some((k) => val(v, `patch-hon-${k}`) !== val(pick, `patch-hon-${k}`));
      const honsekiDetail = pickChanged ? detailFromForm(v, 'patch-hon', errors, lang) : undefined;
      if (Object.keys(patch).length === 0 && !honsekiDetail) errors['patch-familyName'] = m.patch;
      input = { ...common, personId: p?.personId, patch: { ...patch, ...(honsekiDetail ? { honsekiDetail } : {}) } };
      break;
    }
    case 'cancellation':
      if (!val(v, 'changeId')) errors.changeId = m.changeId;
      input = { ...common, changeId: val(v, 'changeId') };
      break;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const parsed = ChangeInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const name = path[0] === 'persons' || path[0] === 'person' ? `p${path[0] === 'persons' ? path[1] : 0}-${path[path.length - 1]}` : path[0] === 'address' || path[0] === 'foreign' ? path[1]!
        : path[0] === 'patch' ? `patch-${path[1]}` : path[0] === 'name' ? `new-${path[1]}` : path[0]!;
      errors[name] ??= m.checkInput;
    }
    return { errors };
  }
  return { input: parsed.data, errors };
}

/** The values a correction form starts with: the current record. */
function correctionDefaults(p: NonNullable<ChangeSubject['person']>): Record<string, string> {
  return {
    'patch-familyName': p.familyName, 'patch-givenName': p.givenName, 'patch-familyNameKana': p.familyNameKana, 'patch-givenNameKana': p.givenNameKana,
    // A masked 本籍 (spec §10.4) starts empty: the clerk may enter a corrected one but never sends the mask back.
    ...(p.maskedItems.includes('domicile') ? {} : { 'patch-honseki': p.honseki ?? '', 'patch-hittosha': p.hittosha ?? '', ...pickValues('patch-hon', p.honsekiDetail) as Record<string, string> }),
    'patch-birthDate': p.birthDate.display, 'patch-sex': p.sex,
    'patch-banchi': p.address.banchi, 'patch-katagaki': p.address.katagaki,
  };
}

/** The values a form starts with. */
function initialValues(kind: ChangeKind, subject: ChangeSubject, personId: string | undefined): FormValues {
  const members = (subject.household?.members ?? []).filter((m) => m.status !== 'removed');
  if (isItemKind(kind)) return itemInitialValues(kind, subject);
  const rels = Object.fromEntries(members.map((m) => [`rel-${m.personId}`, kind === 'head-change' && m.relationship === '世帯主' ? '' : m.relationship === '世帯主' ? '' : m.relationship]));
  switch (kind) {
    case 'birth': {
      const head = members.find((m) => m.relationship === '世帯主');
      const domicile: FormValues = head && !head.maskedItems.includes('domicile') ? { 'p0-honseki': head.honseki ?? '', 'p0-hittosha': head.hittosha ?? '' } : {};
      return { 'p0-relationship': '子', 'p0-familyName': members[0]?.familyName ?? '', 'p0-familyNameKana': members[0]?.familyNameKana ?? '', ...domicile };
    }
    case 'move-within': return { personIds: members.map((m) => m.personId), ...rels };
    case 'move-out': return { personIds: personId ? [personId] : members.map((m) => m.personId), ...rels };
    case 'household-split': case 'death': case 'ex-officio-removal': case 'head-change': return rels;
    case 'clerical-correction': case 'ex-officio-correction': return subject.person ? correctionDefaults(subject.person) : {};
    default: return { 'p0-relationship': subject.household ? '' : '世帯主' };
  }
}

/** A readable summary of the form for the confirmation step. */
function summarize(kind: ChangeKind, v: FormValues, subject: ChangeSubject, lang: Lang): Array<[string, string]> {
  const labels = fieldLabels(kind, lang);
  const t = changeFormText(lang);
  const d = registryText(lang);
  const itemValues: Record<string, Record<string, string>> = t.itemValues;
  // 軽微な修正 starts from the current name and address: show only what is corrected.
  const unchanged = kind === 'minor-correction' ? itemInitialValues(kind, subject) : {};
  const names = new Map([...(subject.household?.members ?? []), ...(subject.target?.members ?? [])].map((m) => [m.personId, `${m.familyName}　${m.givenName}`.trim() || m.romanName || '']));
  const rows: Array<[string, string]> = [[t.summary.kind, d.kinds[kind] ?? CHANGE_KIND_LABELS[kind]]];
  // Dates as they will be recorded, never side by side with 西暦 (spec §1.1.9, issue #9): 和暦, except a foreign
  // resident's birth date and 在留期間満了日 in 西暦.
  const foreignSubject = subject.person?.residentKind === 'foreign';
  const calendarOf = (k: string): 'wareki' | 'seireki' => {
    if (/residenceExpiry$/.test(k)) return 'seireki';
    const row = /^p(\d+)-birthDate$/.exec(k);
    if (row) return v[`p${row[1]}-residentKind`] === 'foreign' ? 'seireki' : 'wareki';
    return k === 'patch-birthDate' && foreignSubject ? 'seireki' : 'wareki';
  };
  const dateText = (s: string, k: string) => { try { return formatLegalDate(parseLegalDate(s, { allowNonCalendar: true }), calendarOf(k)); } catch { return s; } };
  for (const [k, raw] of Object.entries(v)) {
    if (k === 'toHouseholdId' && subject.target) { rows.push([labels[k] ?? k, `${subject.target.householdNo}（${subject.target.members.map((m) => `${m.familyName}　${m.givenName}`.trim() || m.romanName || '').join(t.listSeparator)}）`]); continue; }
    if (['personId', 'householdId', 'version', 'toVersion'].includes(k) || raw === '' || (Array.isArray(raw) && raw.length === 0)) continue;
    if (k.endsWith('residentKind') && raw === 'japanese') continue;
    if (k in unchanged && unchanged[k] === raw) continue;
    if (k.startsWith('rel-')) { rows.push([t.member.relationshipOf(names.get(k.slice(4)) ?? ''), String(raw)]); continue; }
    const label = labels[k] ?? ({ exOfficio: t.summary.exOfficio, unlisted: t.summary.unlisted, fromAbroad: t.summary.fromAbroad, abroad: t.summary.abroad } as Record<string, string>)[k] ?? k;
    let text = Array.isArray(raw) ? raw.map((id) => names.get(id) ?? id).join(t.listSeparator) : raw;
    if (/HeadPersonId$/.test(k)) text = names.get(raw as string) ?? text;
    if (k.endsWith('sex')) text = d.sex[text] ?? text;
    if (k.endsWith('residentKind')) text = t.summary.foreignResident;
    if (raw === '1' && ['exOfficio', 'unlisted', 'fromAbroad', 'abroad'].includes(k)) text = t.yes;
    if (/(occurredOn|notifiedOn|birthDate)$/.test(k)) text = dateText(text, k);
    if (k.endsWith('myNumber')) text = t.summary.entered;
    if (k.endsWith('residenceCardNo')) text = normalizeCardNo(text); // as recorded
    if (k.endsWith('Kana')) text = normalizeKana(text); // as recorded: hiragana and half-width kana become katakana (issue #9)
    if (itemValues[k]) text = itemValues[k]![text] ?? text;
    if (k.endsWith('category')) text = t.categories[text] ?? text;
    if (k === 'ground') text = t.grounds[text] ?? text;
    if (/(movedOn|residenceExpiry|landingPeriodEnd|provisionalStayEnd|alienRegistrationDate)$/.test(k)) text = dateText(text, k);
    if (k.endsWith('residenceNotified')) text = text === 'yes' ? t.person.notifiedYes : t.person.notifiedNo;
    if (k.endsWith('landingPermitMoveIn')) text = t.yes;
    if (k.endsWith('transitionalCause')) text = text === '出生' ? t.person.causeBirth : t.person.causeLoss;
    rows.push([label, text]);
  }
  return rows;
}

/** Mounts the change screens. */
export function registryChangeRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const svc = services.registry;

  app.use('/console/registry/changes/*', async (c, next) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'registry:change')) throw new ForbiddenError('registry:change');
    await next();
  });

  /** Loads the person and household the form is about (each read is access-logged by the service). */
  async function loadSubject(c: Context<AppEnv>, kind: ChangeKind, ids: { personId?: string; householdId?: string; toHouseholdId?: string }): Promise<ChangeSubject> {
    const subject: ChangeSubject = {};
    const personId = ids.personId && UUID.test(ids.personId) ? ids.personId : undefined;
    let householdId = ids.householdId && UUID.test(ids.householdId) ? ids.householdId : undefined;
    if (personId) {
      subject.person = await svc.getPerson(c.var.actor, personId, {}, requestCtx(c));
      householdId ??= subject.person.householdId;
      if (kind === 'cancellation') subject.history = await svc.getHistory(c.var.actor, personId, requestCtx(c));
    }
    if (householdId) subject.household = await svc.getHousehold(c.var.actor, householdId, {}, requestCtx(c));
    if (TARGET_KINDS.includes(kind) && ids.toHouseholdId && UUID.test(ids.toHouseholdId)) {
      try { subject.target = await svc.getHousehold(c.var.actor, ids.toHouseholdId, {}, requestCtx(c)); } catch (err) { if (!(err instanceof DomainError) || err.status !== 404) throw err; }
    }
    const m = changeFormText(requestLang(c)).errors;
    if (PERSON_KINDS.includes(kind) && !subject.person) throw new DomainError('person-required', m.personRequired, 400);
    if (HOUSEHOLD_KINDS.includes(kind) && !subject.household) throw new DomainError('household-required', m.householdRequired, 400);
    return subject;
  }

  const towns = async (c: Context<AppEnv>) => (await services.registry.listTowns(c.var.actor)).items.map((t) => t.name);
  const page = async (c: Context<AppEnv>, kind: ChangeKind, values: FormValues, subject: ChangeSubject, errors: FieldErrors = {}, error?: { message: string; code?: string }, status: 200 | 400 | 403 | 404 | 409 | 422 = 200) =>
    renderPage(c, ChangeFormPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), kind, values, subject, errors, error, csrfToken: c.var.actor.csrfToken, towns: await towns(c) }), status);

  /** A refusal of the service (at confirm or at 仮登録): the form again, the error at its field; other errors are rethrown. */
  async function refused(c: Context<AppEnv>, kind: ChangeKind, err: unknown, values: FormValues, subject: ChangeSubject, ids: Parameters<typeof loadSubject>[2]) {
    if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401 || (err.status === 403 && err.code !== 'self-approval')) throw err;
    const fieldErrors: FieldErrors = {};
    // Issue #9: a refusal about one entered person names that person and the field (「2人目（山田 花子）の生年月日: …」).
    const personIndex = typeof err.extra?.personIndex === 'number' ? err.extra.personIndex : undefined;
    const personField = typeof err.extra?.field === 'string' ? err.extra.field : undefined;
    // The form checks every date with the same parser first; a date the planner still refuses is a birth date of a new person.
    const field = pickErrorField(err.code, err.extra?.field, personIndex) ?? (personIndex !== undefined && personField ? `p${personIndex}-${personField}`
      : err.code === 'invalid-reading' ? readingField(kind, err.extra?.field)
        : err.code === 'invalid-date' ? (['move-in', 'birth', 'ex-officio-entry'].includes(kind) ? 'p0-birthDate' : undefined)
          : (isItemKind(kind) ? ITEM_ERROR_FIELD[err.code] : undefined) ?? ERROR_FIELD[err.code]);
    if (field) fieldErrors[field] = err.title;
    const message = personIndex !== undefined ? aboutPersonMessage(requestLang(c), values, personIndex, personField, err.title) : err.title;
    if (err.code === 'household-version-conflict' || err.code === 'household-version-required') {
      // Show the household as it is now and keep every entered value; the clerk checks and submits again.
      const fresh = await loadSubject(c, kind, ids);
      const { version: _v, toVersion: _t, ...kept } = values;
      return page(c, kind, kept, fresh, {}, { message: changeFormText(requestLang(c)).errors.conflict(err.title), code: err.code }, 409);
    }
    return page(c, kind, values, subject, fieldErrors, { message, code: err.code }, err.status as 422);
  }

  app.get('/console/registry/changes/:kind', async (c) => {
    const kind = c.req.param('kind');
    if (!isChangeKind(kind)) return c.notFound();
    const subject = await loadSubject(c, kind, { personId: c.req.query('personId'), householdId: c.req.query('householdId') });
    return page(c, kind, initialValues(kind, subject, subject.person?.personId), subject);
  });

  app.post('/console/registry/changes/:kind', async (c) => {
    const kind = c.req.param('kind');
    if (!isChangeKind(kind)) return c.notFound();
    const body = await c.req.parseBody({ all: true });
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    let values: FormValues;
    if (typeof body.form === 'string') {
      try { values = formValues(JSON.parse(body.form) as Record<string, unknown>); } catch { values = {}; }
    } else values = formValues(body as Record<string, unknown>);
    const step = body.step === 'record' ? 'record' : body.step === 'edit' ? 'edit' : 'confirm';
    // 世帯合併・世帯変更 name the other household by its 世帯番号 (issue #9: no ids on screen); the id travels in the hidden form.
    if (TARGET_KINDS.includes(kind)) {
      const typed = val(values, 'toHouseholdId');
      if (typed && !UUID.test(typed)) {
        const no = toAsciiDigits(typed).replace(/[\s-]/g, '');
        const found = /^\d{1,20}$/.test(no) ? await svc.findHouseholdByNo(c.var.actor, no) : null;
        values.toHouseholdId = found ?? '';
        delete values.toVersion;
        if (!found && step !== 'edit') {
          const subject = await loadSubject(c, kind, { personId: val(values, 'personId') || undefined, householdId: val(values, 'householdId') || undefined });
          return page(c, kind, { ...values, toHouseholdId: typed }, subject, { toHouseholdId: changeFormText(requestLang(c)).errors.householdNoUnknown }, undefined, 400);
        }
      }
    }
    const ids = { personId: val(values, 'personId') || undefined, householdId: val(values, 'householdId') || undefined, toHouseholdId: val(values, 'toHouseholdId') || undefined };
    const subject = await loadSubject(c, kind, ids);
    if (step === 'edit') return page(c, kind, values, subject);
    const { input, errors } = buildChange(kind, values, subject, requestLang(c));
    if (!input) return page(c, kind, values, subject, errors, undefined, 400);
    if (step === 'confirm') {
      // Pin the versions the clerk confirms, so a change by another clerk before 仮登録する is a conflict.
      if (subject.household && !val(values, 'version')) values.version = String(subject.household.version);
      if (subject.target && !val(values, 'toVersion')) values.toVersion = String(subject.target.version);
      // Plan the change without recording it: its alerts now, and a refusal on the form as at 仮登録.
      let preview: Awaited<ReturnType<typeof svc.previewChange>>;
      try { preview = await svc.previewChange(c.var.actor, input, requestCtx(c)); } catch (err) { return refused(c, kind, err, values, subject, ids); }
      return renderPage(c, ChangeConfirmPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), kind, values, subject, summary: summarize(kind, values, subject, requestLang(c)),
        alerts: preview.alerts, csrfToken: c.var.actor.csrfToken }));
    }
    try {
      const result = await svc.recordChange(c.var.actor, input, requestCtx(c));
      // Post/redirect/get: the result is the change's own page (names, before → after); reloading it records nothing.
      return c.redirect(`/console/registry/changes/${result.changeId}?done=recorded`, 303);
    } catch (err) {
      return refused(c, kind, err, values, subject, ids);
    }
  });

  return app;
}
