// SPDX-License-Identifier: EUPL-1.2
/**
 * Who may obtain which certificate with which items (住基法 12条, 12条の2, 12条の3, 15条の4; DV等支援措置).
 * Pure: the decision depends only on its input, so every rule is unit-tested in entitlement.test.ts.
 */
import type { CertificateKind, CertificatePerson, CertificateRequester, PrintItem } from './certificate-model.ts';
import { DEFAULT_ITEMS } from './certificate-model.ts';

/** Stable refusal codes with the Japanese title shown to the clerk and the HTTP status. */
export const REFUSALS = {
  'no-persons': { title: '証明する方が選択されていません', status: 400 },
  'mixed-households': { title: '異なる世帯の方を1通の証明書に記載することはできません', status: 400 },
  'requester-person-required': { title: '請求者（本人または同一世帯員）を指定してください', status: 400 },
  'requester-not-subject': { title: '本人請求では請求者本人を記載してください（本人以外の世帯員のみの場合は同一世帯員の請求です）', status: 403 },
  'requester-not-in-household': { title: '請求者はこの世帯の世帯員ではありません', status: 403 },
  'power-of-attorney-required': { title: '代理人請求には委任状の確認が必要です', status: 403 },
  'ground-required': { title: '第三者請求には請求事由（正当な理由）の区分が必要です', status: 400 },
  'purpose-required': { title: '利用目的（請求の理由）を具体的に記入してください', status: 400 },
  'official-basis-required': { title: '公用請求には請求機関と法令上の根拠が必要です', status: 400 },
  'item-not-allowed': { title: 'この請求者には交付できない記載事項が含まれています', status: 403 },
  'support-measure-restricted': { title: '支援措置対象者が含まれているため、この請求には交付できません', status: 403 },
  'support-measure-perpetrator': { title: '請求者は支援措置の加害者として登録されているため交付できません', status: 403 },
  'suppressed': { title: '証明書発行の抑止が設定されている方が含まれているため交付できません（抑止の一時解除が必要です）', status: 403 },
  'kind-not-allowed-for-requester': { title: 'この請求者はこの証明書を請求できません', status: 403 },
  'person-removed': { title: '消除された方が含まれています（除票の写しを選択してください）', status: 409 },
  'person-not-removed': { title: '除票ではない方が含まれています（住民票の写しを選択してください）', status: 409 },
  'not-resident-on-date': { title: '指定日に住民登録のない方が含まれています', status: 409 },
  'no-move-out': { title: '転出の届出がされていない方が含まれています', status: 409 },
  'special-move-out': { title: '特例転出（マイナンバーカードによる転出）の方には転出証明書を交付しません。転出証明書情報は住基ネットで転入先に送られます', status: 409 },
  'as-of-not-allowed': { title: 'この証明書は過去の日付を指定して交付できません', status: 400 },
  'as-of-in-future': { title: '未来の日付は指定できません', status: 400 },
} as const;
export type RefusalCode = keyof typeof REFUSALS;

/** The outcome of an entitlement check. */
export type Entitlement =
  | { allowed: true; items: PrintItem[]; alerts: EntitlementAlert[] }
  | { allowed: false; code: RefusalCode; title: string; status: number; detail?: Record<string, unknown> };

/** Warnings the clerk must see even when the request is allowed. */
export type EntitlementAlert = 'support-measure-subject' | 'support-measure-official-review' | 'suppression-alert';

/** Input of `decideEntitlement`. */
export interface EntitlementInput {
  kind: CertificateKind;
  requester: CertificateRequester;
  /** 利用目的 as written on the request. */
  purpose?: string;
  /** Items asked for; undefined means the defaults. */
  items?: readonly PrintItem[];
  /** The persons to print and every member of their household on the day. */
  persons: readonly CertificatePerson[];
  householdMembers: readonly CertificatePerson[];
  /** Day the certificate speaks about (a past day only for 記載事項証明書). */
  asOf?: string;
  /** Today in Japan (ISO). */
  today: string;
}

/** Items only the person or a member of the same household may have printed (住基法 12条 特別の請求; 番号法 19条). */
const OWN_HOUSEHOLD_ONLY: readonly PrintItem[] = ['myNumber', 'residentCode'];

/** 転出証明書 carries 世帯主・続柄, 本籍・筆頭者 and 住民票コード by law (住基法施行令 23条); never the 個人番号. */
const MOVE_OUT_ITEMS: readonly PrintItem[] = ['householdHead', 'honseki', 'residentCode', 'previousAddress', 'oldSurname', 'alias', 'residenceDetails', 'nationality', 'foreignCategory'];

const refuse = (code: RefusalCode, detail?: Record<string, unknown>): Entitlement =>
  ({ allowed: false, code, title: REFUSALS[code].title, status: REFUSALS[code].status, ...(detail ? { detail } : {}) });

/** True when the person's record is a 除票 on `day` (a pending 転出 with a later planned date is not). */
export function isRemovedOn(p: Pick<CertificatePerson, 'removedOn'>, day: string): boolean {
  return !!p.removedOn && p.removedOn <= day;
}

/** Decides whether the request is allowed and which items will be printed. */
export function decideEntitlement(input: EntitlementInput): Entitlement {
  const { kind, requester, persons } = input;
  if (persons.length === 0) return refuse('no-persons');
  if (new Set(persons.map((p) => p.householdId)).size > 1) return refuse('mixed-households');

  // Dates: only a 記載事項証明書 may certify a past day; copies always show the record as it is today.
  if (input.asOf !== undefined) {
    if (input.asOf > input.today) return refuse('as-of-in-future');
    if (kind !== 'residence-items' && input.asOf !== input.today) return refuse('as-of-not-allowed');
  }
  const day = input.asOf ?? input.today;

  // DV等支援措置: never to the 加害者 registered in the measure, whatever the request (spec §3.4).
  if (requester.personId && persons.some((p) => p.supportMeasurePerpetrators?.includes(requester.personId!))) {
    return refuse('support-measure-perpetrator');
  }

  // The requester.
  const purpose = (input.purpose ?? '').trim();
  switch (requester.type) {
    case 'self':
      // 本人請求 (住基法12条1項: 自己又は自己と同一の世帯に属する者): the requester is printed, with members of
      // their own household at most; a 世帯主 asking for the 世帯全員 copy is 本人 for the household (issue #9).
      if (!requester.personId) return refuse('requester-person-required');
      if (!persons.some((p) => p.personId === requester.personId)) return refuse('requester-not-subject');
      if (!input.householdMembers.some((m) => m.personId === requester.personId)) return refuse('requester-not-in-household');
      break;
    case 'household':
      if (!requester.personId) return refuse('requester-person-required');
      if (!input.householdMembers.some((m) => m.personId === requester.personId)) return refuse('requester-not-in-household');
      break;
    case 'agent':
      if (!requester.powerOfAttorneyChecked) return refuse('power-of-attorney-required');
      break;
    case 'third-party':
      if (!requester.ground) return refuse('ground-required');
      if (purpose.length < 4) return refuse('purpose-required');
      break;
    case 'official':
      if (!requester.officialBody?.trim() || !requester.legalBasis?.trim()) return refuse('official-basis-required');
      if (purpose.length < 4) return refuse('purpose-required');
      break;
  }

  // 証明書発行の抑止 (spec §3.1): refused for every requester while it is not lifted.
  const suppressed = persons.filter((p) => p.suppression === 'error');
  if (suppressed.length > 0) return refuse('suppressed', { personIds: suppressed.map((p) => p.personId) });

  // DV等支援措置: no copy of a protected person to an agent or a third party, whatever they state.
  const protectedPersons = persons.filter((p) => p.supportMeasure);
  if (protectedPersons.length > 0 && (requester.type === 'agent' || requester.type === 'third-party')) {
    return refuse('support-measure-restricted', { personIds: protectedPersons.map((p) => p.personId) });
  }

  // The kind.
  if (kind === 'move-out' && (requester.type === 'third-party' || requester.type === 'official')) return refuse('kind-not-allowed-for-requester');
  for (const p of persons) {
    if (kind === 'residence-copy' && isRemovedOn(p, day)) return refuse('person-removed', { personId: p.personId });
    if (kind === 'removed-copy' && !isRemovedOn(p, day)) return refuse('person-not-removed', { personId: p.personId });
    if (kind === 'residence-items' && (isRemovedOn(p, day) || p.becameResidentOn.sortKey > day)) return refuse('not-resident-on-date', { personId: p.personId });
    if (kind === 'move-out' && !(p.removalReason === '国内転出' && p.destination)) return refuse('no-move-out', { personId: p.personId });
    // 特例転出 (住基法24条の2): the 転出証明書情報 went through the 住基ネット; no paper (spec §4.1.3.0.4).
    if (kind === 'move-out' && p.specialMoveOut) return refuse('special-move-out', { personId: p.personId });
  }

  // The items.
  let items: PrintItem[];
  if (kind === 'move-out') {
    items = [...MOVE_OUT_ITEMS];
  } else {
    items = [...new Set(input.items ?? DEFAULT_ITEMS)];
    const ownOnly = requester.type === 'self' || requester.type === 'household';
    const forbidden = items.filter((i) => OWN_HOUSEHOLD_ONLY.includes(i) && !ownOnly);
    if (forbidden.length > 0) return refuse('item-not-allowed', { items: forbidden });
  }

  const alerts: EntitlementAlert[] = [];
  if (protectedPersons.length > 0) alerts.push(requester.type === 'official' ? 'support-measure-official-review' : 'support-measure-subject');
  if (persons.some((p) => p.suppression === 'alert')) alerts.push('suppression-alert');
  return { allowed: true, items, alerts };
}
