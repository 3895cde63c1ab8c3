// SPDX-License-Identifier: EUPL-1.2
/** Pure mapping of a person's record to the stored snapshot and current-state rows (with fold keys). */
import type { PersonRecord } from './registry-model.ts';
import { foldKana, foldName } from './name-folding.ts';

/** Columns of registry.person_snapshot besides the keys. */
export function snapshotColumns(r: PersonRecord) {
  return {
    householdId: r.householdId, relationship: r.relationship, memberOrder: r.memberOrder, residentKind: r.residentKind,
    removedOn: r.removedOn ?? null, removalReason: r.removalReason ?? null, birthSort: r.birthDate.sortKey, sex: r.sex,
    townCode: r.address.townCode, myNumberIndex: r.myNumberIndex ?? null,
  };
}

/** Columns of registry.person_current besides the keys: the record and its search keys. */
export function currentColumns(r: PersonRecord, historyNo: number) {
  return {
    historyNo, householdId: r.householdId, relationship: r.relationship, memberOrder: r.memberOrder, residentKind: r.residentKind,
    removedOn: r.removedOn ?? null, removalReason: r.removalReason ?? null,
    nameKey: foldName(`${r.familyName}${r.givenName}`), givenKey: foldName(r.givenName),
    kanaKey: foldKana(`${r.familyNameKana}${r.givenNameKana}`), givenKanaKey: foldKana(r.givenNameKana),
    otherKey: [r.romanName, r.alias, r.oldSurname].filter(Boolean).map((t) => foldName(t!)).join(' ')
      + ' ' + [r.aliasKana, r.oldSurnameKana].filter(Boolean).map((t) => foldKana(t!)).join(' '),
    birthSort: r.birthDate.sortKey, sex: r.sex, townCode: r.address.townCode,
    addressKey: foldName(`${r.address.townName}${r.address.banchi}${r.address.katagaki}`),
    residentCode: r.residentCode ?? null, myNumberIndex: r.myNumberIndex ?? null,
    residenceCardNo: r.foreign?.residenceCardNo ?? null,
  };
}

/** A new change row. */
export interface ChangeRow {
  changeId: string; kind: string; reasonCode: string; status: 'provisional' | 'final';
  occurredOn: string; notifiedOn: string | null; processedOn: string; exOfficio: boolean; notifier: string; operatorId: string;
  /** 申出を受けた職権 and its 申出日 (spec §4.2.0.5). */
  onRequest?: boolean; requestedOn?: string | null;
  cancelsChangeId: string | null; personIds: string[]; householdIds: string[]; alerts: unknown[]; note: string;
  decidedBy?: string | null; decidedAt?: Date | null;
  /** 受付番号: year and number within the municipality's year (provisional changes recorded by staff). */
  receiptYear?: number | null; receiptNo?: number | null;
}

/** A snapshot to insert. */
export interface SnapshotRow { personId: string; historyNo: number; changeId: string; effectiveOn: string; record: PersonRecord }
