// SPDX-License-Identifier: EUPL-1.2
/**
 * Form → service input for the changes to a person's items and a household without a move (the kinds planned
 * in change-planner-items.ts): 旧氏・通称の記載/削除, 在留資格・在留期間の変更, 帰化, 国籍喪失, 世帯変更, 軽微な修正,
 * 転入通知の受理 and 住居表示・区画整理による住所変更. What the form itself can tell becomes a field error; every rule
 * of the registry stays in the planner.
 */
import { InvalidLegalDateError, MINOR_CORRECTION_GROUNDS, parseLegalDate } from '../../domains/registry/index.ts';
import { list, val, type ChangeSubject, type FormValues } from './registry-change.page.tsx';
import type { ItemKind } from './registry-change-forms.tsx';
import { changeFormText, type ChangeFormDictionary } from './registry-change-i18n.ts';
import type { FieldErrors } from './registry-ui.tsx';
import { foreignExtraValues } from './registry-form-parts.tsx';

export const opt = (s: string) => (s ? s : undefined);

/** Messages of the form check in the page's language (Japanese unless given). */
type Messages = ChangeFormDictionary['errors'];

/**
 * Checks a date field (和暦 or 西暦) with the one parser: `legal` allows vague dates (生年月日, the 異動日 of
 * 出生・死亡・失踪); `nonCalendar` also the non-calendar days the standard keeps as recorded (corrections, those
 * 異動日). A new birth date is a calendar day or vague (issue #9); the planner applies the same rules.
 */
export function checkDate(v: FormValues, name: string, errors: FieldErrors, opts: { required?: boolean; legal?: boolean; nonCalendar?: boolean } = {}, m: Messages = changeFormText('ja').errors) {
  const s = val(v, name);
  if (!s) { if (opts.required) errors[name] = m.date; return undefined; }
  try {
    const d = parseLegalDate(s, { allowNonCalendar: opts.nonCalendar });
    if (!opts.legal && (d.precision !== 'day' || d.text)) { errors[name] = m.fullDate; return undefined; }
    return d;
  } catch (err) {
    if (err instanceof InvalidLegalDateError) { errors[name] = m.invalidDate(err.reason); return undefined; }
    throw err;
  }
}

/** Service error code → the field it is about, for these kinds (overrides the shared map). */
export const ITEM_ERROR_FIELD: Record<string, string> = {
  'old-surname-required': 'oldSurname', 'old-surname-same-as-surname': 'oldSurname', 'old-surname-not-recorded': 'action', 'old-surname-japanese-only': 'action',
  'alias-required': 'alias', 'alias-already-recorded': 'action', 'alias-not-recorded': 'action', 'alias-foreign-only': 'action',
  'residence-expiry-before-change': 'residenceExpiry', 'no-residence-period': 'category', 'invalid-residence-card-no': 'residenceCardNo',
  'foreign-items-required': 'nationality',
  'name-required': 'new-familyName', 'forbidden-name-symbol': 'new-familyName', 'empty-patch': 'new-familyName',
  'household-change-address-differs': 'toHouseholdId', 'same-household': 'toHouseholdId', 'head-change-required': 'personIds', 'relationship-required': 'personIds',
  'move-in-notice-date-order': 'movedOn',
  'reading-required': 'familyNameKana', 'reading-japanese-only': 'readingStatus',
  'de-facto-head-required': 'deFactoHead', 'de-facto-head-is-head': 'deFactoHead', 'de-facto-head-unchanged': 'deFactoHead', 'de-facto-head-not-recorded': 'action',
};

const NAME_KEYS = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana'] as const;

/** The address fields of the form as the service's AddressInput. */
export function addressOf(v: FormValues, errors: FieldErrors, m: Messages) {
  if (!val(v, 'townName')) errors.townName = m.townName;
  if (!val(v, 'banchi')) errors.banchi = m.banchi;
  return { townName: val(v, 'townName'), banchi: val(v, 'banchi'), katagaki: val(v, 'katagaki'), unlisted: val(v, 'unlisted') === '1',
    ...(val(v, 'postalCode').trim() ? { postalCode: val(v, 'postalCode').trim() } : {}) };
}

/** The current address as form values (住居表示 and 軽微な修正 start from it). */
function addressValues(a: { townName: string; banchi: string; katagaki: string; check: string; postalCode?: string | null } | null | undefined): FormValues {
  return a ? { townName: a.townName, banchi: a.banchi, katagaki: a.katagaki, ...(a.check === 'unlisted' ? { unlisted: '1' } : {}), ...(a.postalCode ? { postalCode: a.postalCode } : {}) } : {};
}

/** 続柄 entered for the given members (empty fields and the named head left out), only where they differ from `before`. */
function relationshipsOf(v: FormValues, ids: string[], exclude: Array<string | undefined>, before: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    const r = val(v, `rel-${id}`);
    if (!exclude.includes(id) && r && r !== before[id]) out[id] = r;
  }
  return out;
}

/** The values the form of an item kind starts with. */
export function itemInitialValues(kind: ItemKind, subject: ChangeSubject): FormValues {
  const p = subject.person;
  const f = (p?.foreign ?? {}) as Record<string, unknown>;
  const s = (k: string) => (typeof f[k] === 'string' ? f[k] as string : '');
  switch (kind) {
    case 'old-surname': return { action: p?.oldSurname ? 'delete' : 'enter', oldSurname: p?.oldSurname ?? '', oldSurnameKana: p?.oldSurnameKana ?? '' };
    case 'alias': return { action: p?.alias ? 'delete' : 'enter', alias: p?.alias ?? '', aliasKana: p?.aliasKana ?? '' };
    case 'residence-status-change':
      // A masked 在留資格 (spec §10.4) starts empty rather than sending the mask back.
      if (p?.maskedItems.includes('residence-status')) return { category: s('category'), residenceCardNo: s('residenceCardNo') };
      return { category: s('category'), residenceStatus: s('residenceStatus'), residencePeriod: s('residencePeriod'), residenceCardNo: s('residenceCardNo') };
    case 'naturalization': case 'nationality-loss': case 'reform': return {};
    case 'remake': return { ground: '' };
    case 'minor-correction':
      return { ...Object.fromEntries(NAME_KEYS.map((k) => [`new-${k}`, p?.[k] ?? ''])), ...addressValues(subject.household?.address ?? p?.address) };
    case 'move-in-notice': return { destination: p?.destination ?? '' };
    case 'reading': return { readingStatus: 'certified', familyNameKana: p?.familyNameKana ?? '', givenNameKana: p?.givenNameKana ?? '', oldSurnameKana: p?.oldSurnameKana ?? '' };
    case 'household-change': {
      const members = (subject.household?.members ?? []).filter((m) => m.status !== 'removed');
      return Object.fromEntries(members.map((m) => [`rel-${m.personId}`, m.relationship === '世帯主' ? '' : m.relationship]));
    }
    case 'address-renaming': return addressValues(subject.household?.address);
    case 'de-facto-head': {
      const recorded = subject.household?.deFactoHead ?? '';
      return { action: recorded ? 'delete' : 'enter', deFactoHead: recorded };
    }
  }
}

/**
 * The kind-specific part of the service input; field errors for what the form itself can tell.
 * @returns the fields to add to the common part (dates, notifier, versions)
 */
export function buildItemChange(kind: ItemKind, v: FormValues, subject: ChangeSubject, errors: FieldErrors, m: Messages = changeFormText('ja').errors): Record<string, unknown> {
  const personId = subject.person?.personId;
  const action = val(v, 'action');
  switch (kind) {
    case 'old-surname':
      if (action !== 'enter' && action !== 'delete') errors.action = m.action;
      if (action === 'enter' && !val(v, 'oldSurname')) errors.oldSurname = m.oldSurname;
      return { personId, action, ...(action === 'enter' ? { oldSurname: val(v, 'oldSurname'), oldSurnameKana: opt(val(v, 'oldSurnameKana')) } : {}) };
    case 'reading': {
      const status = val(v, 'readingStatus');
      if (status !== 'certified' && status !== 'notified') errors.readingStatus = m.readingStatus;
      return { personId, status, familyNameKana: opt(val(v, 'familyNameKana')), givenNameKana: opt(val(v, 'givenNameKana')), oldSurnameKana: opt(val(v, 'oldSurnameKana')) };
    }
    case 'de-facto-head':
      if (action !== 'enter' && action !== 'delete') errors.action = m.action;
      if (action === 'enter' && !val(v, 'deFactoHead')) errors.deFactoHead = m.deFactoHead;
      return { householdId: subject.household?.householdId, action, ...(action === 'enter' ? { name: val(v, 'deFactoHead') } : {}) };
    case 'alias':
      if (action !== 'enter' && action !== 'delete') errors.action = m.action;
      if (action === 'enter' && !val(v, 'alias')) errors.alias = m.alias;
      return { personId, action, ...(action === 'enter' ? { alias: val(v, 'alias'), aliasKana: opt(val(v, 'aliasKana')) } : {}) };
    case 'residence-status-change':
      if (!val(v, 'residenceStatus')) errors.residenceStatus = m.residenceStatus;
      if (!val(v, 'residencePeriod')) errors.residencePeriod = m.residencePeriod;
      checkDate(v, 'residenceExpiry', errors, { required: true }, m);
      return { personId, residenceStatus: val(v, 'residenceStatus'), residencePeriod: val(v, 'residencePeriod'), residenceExpiry: val(v, 'residenceExpiry'),
        residenceCardNo: opt(val(v, 'residenceCardNo').replace(/\s/g, '').toUpperCase()), category: opt(val(v, 'category')) };
    case 'naturalization': {
      if (!val(v, 'honseki')) errors.honseki = m.honseki;
      const name = Object.fromEntries(NAME_KEYS.map((k) => [k, opt(val(v, `new-${k}`))]).filter(([, x]) => x !== undefined));
      return { personId, honseki: val(v, 'honseki'), hittosha: opt(val(v, 'hittosha')), name };
    }
    case 'nationality-loss': {
      if (!val(v, 'nationality')) errors.nationality = m.nationality;
      if (!val(v, 'category')) errors.category = m.category;
      for (const k of ['residenceExpiry', 'landingPeriodEnd', 'provisionalStayEnd', 'alienRegistrationDate']) checkDate(v, k, errors, {}, m);
      const foreign = {
        nationality: val(v, 'nationality'), category: val(v, 'category'), residenceStatus: opt(val(v, 'residenceStatus')), residencePeriod: opt(val(v, 'residencePeriod')),
        residenceExpiry: opt(val(v, 'residenceExpiry')), residenceCardNo: opt(val(v, 'residenceCardNo').replace(/\s/g, '').toUpperCase()), ...foreignExtraValues((k) => val(v, k)),
      };
      return { personId, foreign, romanName: opt(val(v, 'romanName')) };
    }
    case 'household-change': {
      // Either members of this household join another household at the same address (世帯ID of it entered),
      // or 続柄 within this household change (no 世帯ID).
      const h = subject.household;
      const members = (h?.members ?? []).filter((m) => m.status !== 'removed');
      const before = Object.fromEntries(members.map((m) => [m.personId, m.relationship]));
      const ids = members.map((m) => m.personId);
      const toId = val(v, 'toHouseholdId');
      if (!toId) {
        const relationships = relationshipsOf(v, ids, [h?.headPersonId ?? undefined], before);
        if (Object.keys(relationships).length === 0) errors.toHouseholdId = m.householdChange;
        return { householdId: h?.householdId, personIds: [], relationships };
      }
      if (!subject.target) errors.toHouseholdId = m.joinTargetMissing;
      const selected = list(v, 'personIds');
      if (selected.length === 0) errors.personIds = m.joiningMembers;
      for (const id of selected) if (!val(v, `rel-${id}`)) errors[`rel-${id}`] = m.joiningRelationship;
      const remainingHead = opt(val(v, 'remainingHeadPersonId'));
      const rest = ids.filter((id) => !selected.includes(id));
      return { householdId: toId, personIds: selected, relationships: relationshipsOf(v, selected, []), remainingHeadPersonId: remainingHead,
        remainingRelationships: remainingHead ? relationshipsOf(v, rest, [remainingHead]) : {} };
    }
    case 'minor-correction': {
      const p = subject.person;
      if (!(MINOR_CORRECTION_GROUNDS as readonly string[]).includes(val(v, 'ground'))) errors.ground = m.ground;
      const name = Object.fromEntries(NAME_KEYS.map((k) => [k, val(v, `new-${k}`)]).filter(([k, x]) => x !== (p?.[k as (typeof NAME_KEYS)[number]] ?? '')));
      const a = subject.household?.address ?? p?.address;
      const addressChanged = !a || val(v, 'townName') !== a.townName || val(v, 'banchi') !== a.banchi || val(v, 'katagaki') !== a.katagaki;
      if (Object.keys(name).length === 0 && !addressChanged) errors['new-familyName'] = m.minorCorrection;
      if (name.familyName === '' && p?.residentKind === 'japanese') errors['new-familyName'] = m.familyName;
      return { personId, ground: val(v, 'ground'), name: Object.keys(name).length > 0 ? name : undefined, address: addressChanged ? addressOf(v, errors, m) : undefined };
    }
    case 'reform':
      return { personId };
    case 'remake':
      if (!val(v, 'ground').trim()) errors.ground = m.remakeGround;
      return { personId, ground: val(v, 'ground') };
    case 'move-in-notice':
      if (!val(v, 'destination')) errors.destination = m.noticeDestination;
      checkDate(v, 'movedOn', errors, { required: true }, m);
      return { personId, destination: val(v, 'destination'), movedOn: val(v, 'movedOn') };
    case 'address-renaming':
      if (val(v, 'cause') !== '住居表示' && val(v, 'cause') !== '区画整理') errors.cause = m.cause;
      return { householdId: subject.household?.householdId, cause: val(v, 'cause'), address: addressOf(v, errors, m) };
  }
}
