// SPDX-License-Identifier: EUPL-1.2
/** Record → API shape: 和暦 for Japanese residents, 西暦 for foreign residents (spec §1.1.9); 個人番号 masked. */
import { formatLegalDate } from '../../platform/dates/jp-date.ts';
import type { PersonRecord } from './registry-model.ts';
import { maskMyNumber } from './numbers/my-number.ts';
import { readingStatusOf } from './readings.ts';
import { findMunicipality } from '../../platform/tenancy/municipality-list.ts';

/** 「長野県塩尻市」 for a 全国地方公共団体コード (the code itself when it is not in the national list). */
function municipalityLabel(code: string): string {
  const m = findMunicipality(code);
  return m ? `${m.class === '都道府県' ? '' : m.prefectureName}${m.name}` : code;
}
import { MASKED_TEXT, maskRecord, type RestrictedItem } from './field-visibility.ts';
import { prefectureRowCode, type AddressDetail } from './addresses/address-dictionary.ts';

/** A structured address with the names of its 都道府県 and 市区町村 from the national list. */
export function presentDetail(d: AddressDetail | undefined) {
  if (!d) return null;
  return {
    ...d, prefectureName: d.prefectureCode ? (findMunicipality(prefectureRowCode(d.prefectureCode))?.name ?? '') : '',
    municipalityName: d.municipalityCode ? (findMunicipality(d.municipalityCode)?.name ?? '') : '',
  };
}

const wa = (iso: string | undefined) => (iso ? formatLegalDate({ sortKey: iso, precision: 'day' }, 'wareki') : null);

/**
 * The API view of a person's record. `visible`: the restricted items (spec §10.4) the reader may see; the others are
 * masked and listed in `maskedItems`.
 */
export function presentPerson(personId: string, historyNo: number, record: PersonRecord, opts: { myNumber?: string; today: string; pendingChangeId?: string | null; visible: ReadonlySet<RestrictedItem> }) {
  const { record: r, masked } = maskRecord(record, opts.visible);
  const cal = r.residentKind === 'japanese' ? 'wareki' : 'seireki';
  const removed = !!r.removedOn && r.removedOn <= opts.today;
  return {
    personId, historyNo, atenaNo: r.atenaNo, householdId: r.householdId, householdNo: r.householdNo,
    relationship: r.relationship, memberOrder: r.memberOrder, familyOf: r.familyOf ?? null, residentKind: r.residentKind,
    familyName: r.familyName, givenName: r.givenName, familyNameKana: r.familyNameKana, givenNameKana: r.givenNameKana,
    romanName: r.romanName ?? null, oldSurname: r.oldSurname ?? null, oldSurnameKana: r.oldSurnameKana ?? null,
    alias: r.alias ?? null, aliasKana: r.aliasKana ?? null,
    readingStatus: {
      familyNameKana: readingStatusOf(r, 'familyNameKana'), givenNameKana: readingStatusOf(r, 'givenNameKana'), oldSurnameKana: readingStatusOf(r, 'oldSurnameKana'),
    },
    birthDate: { sortKey: r.birthDate.sortKey, precision: r.birthDate.precision, display: formatLegalDate(r.birthDate, cal) },
    sex: r.sex,
    honseki: r.honseki ?? null, hittosha: r.hittosha ?? null,
    address: { ...r.address, postalCode: r.address.postalCode ?? null, addressCode: r.address.addressCode ?? null },
    honsekiDetail: presentDetail(r.honsekiDetail), previousAddressDetail: presentDetail(r.previousAddressDetail), destinationDetail: presentDetail(r.destinationDetail),
    becameResidentOn: formatLegalDate(r.becameResidentOn, 'wareki'),
    addressFixedOn: formatLegalDate(r.addressFixedOn, 'wareki'),
    notifiedOn: r.notifiedOn ? formatLegalDate({ sortKey: r.notifiedOn, precision: 'day' }, 'wareki') : null,
    previousAddress: r.previousAddress ?? null,
    myNumber: r.myNumberIndex ? (opts.myNumber ?? maskMyNumber()) : null,
    myNumberUnmasked: !!opts.myNumber,
    residentCode: r.residentCode ?? null,
    foreign: r.foreign ? {
      ...r.foreign,
      residenceExpiry: masked.includes('residence-status') ? MASKED_TEXT
        : r.foreign.residenceExpiry ? formatLegalDate({ sortKey: r.foreign.residenceExpiry, precision: 'day' }, 'seireki') : null,
      // 西暦 only for the birth date and the 在留期間満了日 of a foreign resident (spec §1.1.9); this date in 和暦.
      foreignResidentSince: formatLegalDate(r.foreign.foreignResidentSince, 'wareki'),
      // 1.1.2: 上陸期間・仮滞在期間 (masked like the 在留資格), 旧外登法の登録年月日, in 和暦 like every date but those two.
      landingPeriodEnd: r.foreign.category === '一時庇護許可者' && masked.includes('residence-status') ? MASKED_TEXT : wa(r.foreign.landingPeriodEnd),
      provisionalStayEnd: r.foreign.category === '仮滞在許可者' && masked.includes('residence-status') ? MASKED_TEXT : wa(r.foreign.provisionalStayEnd),
      alienRegistrationDate: wa(r.foreign.alienRegistrationDate),
    } : null,
    status: removed ? 'removed' as const : r.removedOn ? 'leaving' as const : 'resident' as const,
    removedOn: r.removedOn ?? null, removedOnText: r.removedOnText ?? null, removalReason: r.removalReason ?? null, destination: r.destination ?? null,
    removalGround: r.removalGround ?? null, moveOutExOfficio: !!r.moveOutExOfficio, specialMoveOut: !!r.specialMoveOut, lastRegisteredAddress: r.lastRegisteredAddress ?? null,
    deFactoHead: r.deFactoHead ?? null,
    reformedOn: r.reformedOn ?? null, remadeOn: r.remadeOn ?? null, remakeGround: r.remakeGround ?? null,
    aliasHistory: (r.aliasHistory ?? []).map((e) => ({ action: e.action, alias: e.alias, aliasKana: e.aliasKana ?? null, on: e.on, municipalityCode: e.municipalityCode,
      municipalityName: municipalityLabel(e.municipalityCode) })),
    pendingChangeId: opts.pendingChangeId ?? null,
    /** Restricted items the reader may not see, shown masked (spec §10.4). */
    maskedItems: masked,
  };
}

/** A search hit: the items of an inspection copy plus ids (no 個人番号). */
export function presentHit(personId: string, r: PersonRecord, today: string) {
  const cal = r.residentKind === 'japanese' ? 'wareki' : 'seireki';
  return {
    personId, atenaNo: r.atenaNo, householdId: r.householdId,
    name: `${r.familyName}　${r.givenName}`.trim(), nameKana: `${r.familyNameKana}　${r.givenNameKana}`.trim(), romanName: r.romanName ?? null,
    birthDate: formatLegalDate(r.birthDate, cal), sex: r.sex,
    address: `${r.address.townName}${r.address.banchi}${r.address.katagaki ? `　${r.address.katagaki}` : ''}`,
    relationship: r.relationship, householdNo: r.householdNo, oldSurname: r.oldSurname ?? null, alias: r.alias ?? null, removalReason: r.removalReason ?? null,
    status: r.removedOn && r.removedOn <= today ? 'removed' as const : r.removedOn ? 'leaving' as const : 'resident' as const,
  };
}
