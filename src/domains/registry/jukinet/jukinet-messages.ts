// SPDX-License-Identifier: EUPL-1.2
/**
 * Which messages to the 住基ネット CS a committed change causes (spec §7.1.1.1, §7.1.2.1), and each message's content
 * from the snapshot it refers to. Pure. The content follows the 本人確認情報 items (住基法 30条の6: 氏名, 出生の年月日,
 * 男女の別, 住所, 住民票コード, 個人番号, and the change: 異動事由, 異動年月日); the field layout of the 既存住基システム
 * 改造仕様書 is not public, so the file adapter writes these items as JSON with Japanese names and the real CS adapter
 * maps them.
 */
import type { LegalDate } from '../../../platform/dates/jp-date.ts';
import type { PersonRecord } from '../registry-model.ts';

const legal = (d: LegalDate | undefined) => (d ? (d.text ?? d.sortKey) : '');

/** Message kinds. */
export const JUKINET_KINDS = ['identity-update', 'move-in-notice', 'annex-notice', 'my-number-request', 'move-out-certificate-info'] as const;
export type JukinetKind = (typeof JUKINET_KINDS)[number];
export const JUKINET_KIND_LABELS: Record<JukinetKind, string> = {
  'identity-update': '本人確認情報の更新', 'move-in-notice': '転入通知（住基法9条1項）', 'annex-notice': '附票記載事項通知（住基法19条）',
  'my-number-request': '個人番号の指定請求', 'move-out-certificate-info': '転出証明書情報（住基法24条の2）',
};

/** Kinds of change that alter what the 戸籍の附票 records (住所 and its dates; 記載・消除). */
const ANNEX_KINDS = new Set(['move-in', 'birth', 'ex-officio-entry', 'move-within', 'move-out', 'death', 'ex-officio-removal', 'address-renaming',
  'naturalization', 'nationality-loss', 'cancellation', 'clerical-correction', 'ex-officio-correction']);

/** One planned message: its kind and the snapshot it carries. */
export interface PlannedMessage { kind: JukinetKind; personId: string; historyNo: number }

/** The messages of one committed change, in order (per person: 本人確認情報 first, then the notices). */
export function messagesOf(change: { kind: string; reasonCode: string }, snapshots: Array<{ personId: string; historyNo: number; record: PersonRecord }>): PlannedMessage[] {
  const out: PlannedMessage[] = [];
  for (const s of snapshots) {
    const r = s.record;
    const at = { personId: s.personId, historyNo: s.historyNo };
    out.push({ kind: 'identity-update', ...at });
    // 9条1項: the new municipality notifies the one the person moved out of (国内転入 only).
    if (change.kind === 'move-in' && change.reasonCode === 'A01' && r.previousAddress) out.push({ kind: 'move-in-notice', ...at });
    // 19条: the 本籍地 keeps the 戸籍の附票; Japanese residents with a 本籍 (not 「なし」「不明」).
    if (r.residentKind === 'japanese' && r.honseki && !['なし', '不明'].includes(r.honseki) && ANNEX_KINDS.has(change.kind)) out.push({ kind: 'annex-notice', ...at });
    // 特例転出 (24条の2): the 転出証明書情報 goes to the new municipality instead of a paper 転出証明書.
    if (change.kind === 'move-out' && r.specialMoveOut) out.push({ kind: 'move-out-certificate-info', ...at });
    // A new resident without a 個人番号 (出生, 職権記載, 国外転入 without one): ask the CS to designate one.
    if (s.historyNo === 1 && !r.myNumberIndex && !r.removedOn) out.push({ kind: 'my-number-request', ...at });
  }
  return out;
}

/** The content of a message. `myNumber` only for the 本人確認情報 (the notices do not carry it). */
export function messageContent(kind: JukinetKind, municipalityCode: string, change: { reasonCode: string; occurredOn: string }, r: PersonRecord, myNumber: string | undefined) {
  const address = `${r.address.townName}${r.address.banchi}${r.address.katagaki ? ` ${r.address.katagaki}` : ''}`;
  const base = {
    種別: JUKINET_KIND_LABELS[kind], 市区町村コード: municipalityCode, 住民票コード: r.residentCode ?? '', 氏名: r.familyName ? `${r.familyName}　${r.givenName}`.trim() : (r.romanName ?? ''),
    氏名_フリガナ: `${r.familyNameKana}　${r.givenNameKana}`.trim(), 生年月日: legal(r.birthDate), 性別: r.sex === 'male' ? '男' : '女', 住所: address,
    異動事由コード: change.reasonCode, 異動年月日: change.occurredOn, 消除年月日: r.removedOn ?? '',
  };
  switch (kind) {
    case 'identity-update': return { ...base, 個人番号: myNumber ?? '' };
    // A 未届転入's notice goes to the 最終登録住所地 (spec §4.1.1.4), not to the unreported address.
    case 'move-in-notice': return { ...base, 転入前住所: r.previousAddress ?? '', 通知先住所: r.lastRegisteredAddress ?? r.previousAddress ?? '', 住所を定めた年月日: legal(r.addressFixedOn) };
    case 'annex-notice': return { ...base, 本籍: r.honseki ?? '', 筆頭者: r.hittosha ?? '', 住所を定めた年月日: legal(r.addressFixedOn) };
    case 'my-number-request': return base;
    // 転出証明書 items (住基法施行令23条): 世帯主・続柄, 本籍・筆頭者, 転出先 and 転出予定年月日, with the 住民票コード.
    case 'move-out-certificate-info': return { ...base, 続柄: r.relationship, 本籍: r.honseki ?? '', 筆頭者: r.hittosha ?? '', 転出先住所: r.destination ?? '',
      転出予定年月日: r.removedOn ?? '', 住民となった年月日: legal(r.becameResidentOn), 住所を定めた年月日: legal(r.addressFixedOn), 世帯番号: r.householdNo };
  }
}
