// SPDX-License-Identifier: EUPL-1.2
/**
 * The 市町村通知 to the 法務大臣 (入管法61条の8の2, spec §4.5.7): which a committed change causes and what each says. Pure.
 * Every 記載, 消除 or 記載の修正 of a foreign resident's record is notified — 国外転入, 30条の46/47 届出 (the 住居地届出),
 * 転居, 転出, 在留資格等の変更, 帰化 (the foreign record's 消除), 国籍喪失 (the new foreign record's 記載) and so on.
 * The 入管's record layout is not public; the file adapter writes the items with their Japanese names (like the
 * 住基ネット outbox), a real adapter maps them.
 */
import type { PersonRecord } from '../registry-model.ts';
import { reasonLabelOf } from '../registry-model.ts';

/** Labels of the reasons `reasonLabelOf` does not list (国外転入等 grounds). */
const MORE_LABELS: Record<string, string> = { A05: '第30条の46届出', A06: '第30条の47届出', B05: '職権消除（失踪宣告）' };

export type NoticeClass = '記載' | '消除' | '修正';
const CLASS_TITLE: Record<NoticeClass, string> = { 記載: '住民票の記載', 消除: '住民票の消除', 修正: '住民票の記載の修正' };

/** The class of one person's notice: by the 異動事由, except 帰化・国籍喪失, where the foreign record is removed or entered. */
export function noticeClassOf(change: { kind: string; reasonCode: string }, r: PersonRecord): NoticeClass {
  if (change.kind === 'naturalization' || change.kind === 'nationality-loss') return r.removedOn ? '消除' : '記載';
  const c = change.reasonCode;
  if (c === 'D01') return '記載';
  if (c === 'D02') return '消除';
  return c.startsWith('A') ? '記載' : c.startsWith('B') ? '消除' : '修正';
}

/** One planned notice: the person's snapshot it carries and its class. */
export interface PlannedNotice { personId: string; historyNo: number; noticeClass: NoticeClass }

/** The notices of one committed change, one per foreign resident's snapshot, in the snapshots' order. */
export function immigrationNoticesOf(change: { kind: string; reasonCode: string }, snapshots: Array<{ personId: string; historyNo: number; record: PersonRecord }>): PlannedNotice[] {
  return snapshots.filter((s) => s.record.residentKind === 'foreign' && s.record.foreign)
    .map((s) => ({ personId: s.personId, historyNo: s.historyNo, noticeClass: noticeClassOf(change, s.record) }));
}

/** The content of a notice: who (as on the 在留カード), where (住居地), what happened and when; dates in 西暦. */
export function immigrationNoticeContent(noticeClass: NoticeClass, municipalityCode: string, change: { reasonCode: string; occurredOn: string }, r: PersonRecord) {
  const f = r.foreign!;
  const address = `${r.address.townName}${r.address.banchi}${r.address.katagaki ? ` ${r.address.katagaki}` : ''}`;
  // 30条の46・47 届出 count as the 住居地の届出 (住基法30条の46–48); a record may also say so (1.1.2).
  const residenceNotified = change.reasonCode === 'A05' || change.reasonCode === 'A06' || f.residenceNotified === true;
  return {
    種別: CLASS_TITLE[noticeClass], 市区町村コード: municipalityCode, 異動事由コード: change.reasonCode, 異動事由: reasonLabelOf(change.reasonCode) || (MORE_LABELS[change.reasonCode] ?? ''), 異動年月日: change.occurredOn,
    氏名_アルファベット: r.romanName ?? '', 氏名_漢字: `${r.familyName}　${r.givenName}`.trim(), 通称: r.alias ?? '',
    生年月日: r.birthDate.sortKey, 性別: r.sex === 'male' ? '男' : '女', 国籍_地域: f.nationality, 第30条の45区分: f.category,
    在留資格: f.residenceStatus ?? '', 在留期間: f.residencePeriod ?? '', 在留期間の満了の日: f.residenceExpiry ?? '', 在留カード等番号: f.residenceCardNo ?? '',
    上陸期間: f.landingPeriodEnd ?? '', 仮滞在期間: f.provisionalStayEnd ?? '', 経過滞在の事由: f.transitionalCause ?? '',
    住居地: address, 住居地の届出: residenceNotified ? '有' : '無', 上陸許可証による転入: f.landingPermitMoveIn ? '有' : '',
    住民票コード: r.residentCode ?? '', 消除年月日: r.removedOn ?? '', 消除事由: r.removalReason ?? '', 転出先: r.destination ?? '',
  };
}
