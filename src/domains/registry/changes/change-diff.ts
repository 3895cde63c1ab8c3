// SPDX-License-Identifier: EUPL-1.2
/**
 * Before → after of a change, item by item (issue #9: the approval step shows what a change does). Pure: two
 * snapshots of one person in, the changed items out as display text (和暦 for Japanese residents, 西暦 for foreign
 * residents). A new person (転入, 出生, 職権記載) has no before: every item of the entry is listed.
 */
import { formatLegalDate, type LegalDate } from '../../../platform/dates/jp-date.ts';
import type { PersonRecord } from '../registry-model.ts';

/** The items compared, in the order of a 住民票. */
export const DIFF_ITEMS = [
  'name', 'nameKana', 'romanName', 'birthDate', 'sex', 'relationship', 'householdNo', 'address', 'addressPostalCode', 'addressFixedOn', 'becameResidentOn',
  'previousAddress', 'previousAddressPostalCode', 'honseki', 'honsekiPostalCode', 'hittosha', 'oldSurname', 'alias', 'nationality', 'foreignCategory', 'residenceStatus', 'residencePeriod',
  'residenceExpiry', 'landingPeriodEnd', 'provisionalStayEnd', 'transitionalCause', 'alienRegistrationDate', 'residenceNotified', 'landingPermitMoveIn', 'removedOn', 'removalReason', 'destination', 'destinationPostalCode', 'moveInNotice', 'deFactoHead',
] as const;
export type DiffItem = (typeof DIFF_ITEMS)[number];

export interface DiffRow { item: DiffItem; before: string; after: string }

const SEX: Record<string, string> = { male: '男', female: '女' };
/** 「〒399-0702」 for a 7-digit postal code. */
export const postal = (c: string | null | undefined) => (c ? `〒${c.slice(0, 3)}-${c.slice(3)}` : '');

/** The display text of every item of a record. */
export function recordItems(r: PersonRecord): Record<DiffItem, string> {
  const cal = r.residentKind === 'japanese' ? 'wareki' : 'seireki';
  const legal = (d: LegalDate | undefined) => (d ? formatLegalDate(d, cal) : '');
  const day = (iso: string | undefined) => (iso ? formatLegalDate({ sortKey: iso, precision: 'day' }, cal) : '');
  const f = r.foreign;
  return {
    name: `${r.familyName}　${r.givenName}`.trim(),
    nameKana: `${r.familyNameKana}　${r.givenNameKana}`.trim(),
    romanName: r.romanName ?? '',
    birthDate: legal(r.birthDate),
    sex: SEX[r.sex] ?? r.sex,
    relationship: r.relationship,
    householdNo: r.householdNo,
    address: `${r.address.townName}${r.address.banchi}${r.address.katagaki ? `　${r.address.katagaki}` : ''}`,
    addressPostalCode: postal(r.address.postalCode),
    addressFixedOn: legal(r.addressFixedOn),
    becameResidentOn: legal(r.becameResidentOn),
    previousAddress: r.previousAddress ?? '',
    honseki: r.honseki ?? '',
    honsekiPostalCode: postal(r.honsekiDetail?.postalCode),
    previousAddressPostalCode: postal(r.previousAddressDetail?.postalCode),
    destinationPostalCode: postal(r.moveInNotice?.destinationDetail?.postalCode ?? r.destinationDetail?.postalCode),
    hittosha: r.hittosha ?? '',
    oldSurname: r.oldSurname ? `${r.oldSurname}${r.oldSurnameKana ? `（${r.oldSurnameKana}）` : ''}` : '',
    alias: r.alias ? `${r.alias}${r.aliasKana ? `（${r.aliasKana}）` : ''}` : '',
    nationality: f?.nationality ?? '',
    foreignCategory: f?.category ?? '',
    residenceStatus: f?.residenceStatus ?? '',
    residencePeriod: f?.residencePeriod ?? '',
    residenceExpiry: day(f?.residenceExpiry),
    landingPeriodEnd: day(f?.landingPeriodEnd),
    provisionalStayEnd: day(f?.provisionalStayEnd),
    transitionalCause: f?.transitionalCause ? `${f.transitionalCause}による経過滞在者` : '',
    alienRegistrationDate: day(f?.alienRegistrationDate),
    residenceNotified: f?.residenceNotified === undefined ? '' : f.residenceNotified ? '有' : '無',
    landingPermitMoveIn: f?.landingPermitMoveIn ? '上陸許可証による転入' : '',
    removedOn: day(r.removedOn),
    removalReason: r.removalReason ?? '',
    destination: r.destination ?? '',
    moveInNotice: r.moveInNotice ? `${day(r.moveInNotice.receivedOn)} ${r.moveInNotice.destination} ${day(r.moveInNotice.movedOn)}` : '',
    deFactoHead: r.deFactoHead ?? '',
  };
}

/** The items that differ between two snapshots; with no `before`, every non-empty item of the entry. */
export function diffRecords(before: PersonRecord | null, after: PersonRecord): DiffRow[] {
  const a = recordItems(after);
  const b = before ? recordItems(before) : null;
  const rows: DiffRow[] = [];
  for (const item of DIFF_ITEMS) {
    if (b ? b[item] === a[item] : a[item] === '') continue;
    rows.push({ item, before: b?.[item] ?? '', after: a[item] });
  }
  return rows;
}
