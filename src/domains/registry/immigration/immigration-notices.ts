// SPDX-License-Identifier: EUPL-1.2
/**
 * Notices from the 法務大臣 (住基法30条の50, spec §4.5.6): what a received notice must contain, and the 職権 change it
 * calls for. Pure. A notice names the person by the 在留カード等番号 and, for an item change, carries the new items;
 * a 出国・在留資格取消・退去強制・在留期間満了 or 死亡 removes the record (職権消除 with that ground, 死亡 as 職権).
 */
import { z } from '@hono/zod-openapi';
import { FOREIGN_CATEGORIES, type PersonRecord } from '../registry-model.ts';
import type { ChangeInput } from '../registry.schema.ts';

/** The events a notice reports. */
export const NOTICE_EVENTS = ['status-change', 'period-renewal', 'status-acquired', 'card-items-change', 'departure', 'status-revoked', 'deportation', 'period-expired', 'death'] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];
export const NOTICE_EVENT_LABELS: Record<NoticeEvent, string> = {
  'status-change': '在留資格の変更', 'period-renewal': '在留期間の更新', 'status-acquired': '在留資格の取得', 'card-items-change': '在留カード記載事項の変更',
  departure: '出国', 'status-revoked': '在留資格の取消し', deportation: '退去強制', 'period-expired': '在留期間の満了', death: '死亡',
};
/** Events that remove the record, with the 職権消除 ground (death: a 死亡 entered 職権). */
const REMOVAL_GROUND: Partial<Record<NoticeEvent, '出国' | '在留資格取消' | '退去強制' | '在留期間満了'>> = {
  departure: '出国', 'status-revoked': '在留資格取消', deportation: '退去強制', 'period-expired': '在留期間満了',
};
const STATUS_EVENTS: readonly NoticeEvent[] = ['status-change', 'period-renewal', 'status-acquired'];

const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));
const Card = z.string().regex(/^[A-Z]{2}\d{8}[A-Z]{2}$/);

/** A notice as the file link delivers it. */
export const ReceivedNotice = z.object({
  kind: z.literal('immigration-notice'),
  /** The 入管's number of the notice; the file name when absent. */
  noticeNo: z.string().min(1).max(60).optional(),
  event: z.enum(NOTICE_EVENTS),
  noticedOn: Iso,
  /** The day of the event (許可日, 出国日, 死亡日 …). */
  occurredOn: Iso,
  person: z.object({ residenceCardNo: Card, romanName: z.string().max(200).optional(), birthDate: Iso.optional(), sex: z.enum(['male', 'female']).optional(), nationality: z.string().max(100).optional() }),
  items: z.object({
    residenceStatus: z.string().min(1).max(100).optional(), residencePeriod: z.string().min(1).max(50).optional(), residenceExpiry: Iso.optional(),
    residenceCardNo: Card.optional(), category: z.enum(FOREIGN_CATEGORIES).optional(),
    romanName: z.string().min(1).max(200).optional(), birthDate: Iso.optional(), sex: z.enum(['male', 'female']).optional(), nationality: z.string().min(1).max(100).optional(),
  }).default({}),
}).superRefine((n, ctx) => {
  const i = n.items;
  if (STATUS_EVENTS.includes(n.event) && (!i.residenceStatus || !i.residencePeriod || !i.residenceExpiry)) ctx.addIssue({ code: 'custom', path: ['items'], message: '在留資格・在留期間・満了日がありません' });
  if (n.event === 'card-items-change' && !i.romanName && !i.birthDate && !i.sex && !i.nationality && !i.residenceCardNo) ctx.addIssue({ code: 'custom', path: ['items'], message: '変更後の項目がありません' });
});
export type ReceivedNotice = z.infer<typeof ReceivedNotice>;

/** Why a notice could not be matched to a living resident. */
export const UNMATCHED_REASONS = ['no-resident', 'removed', 'several', 'not-foreign'] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];
export const UNMATCHED_REASON_LABELS: Record<UnmatchedReason, string> = {
  'no-resident': '在留カード等番号に該当する住民がいません', removed: '該当する住民は既に消除されています', several: '在留カード等番号に該当する住民が複数います',
  'not-foreign': '該当する住民は外国人住民ではありません',
};

/** Matches a notice among the residents with its 在留カード等番号 (current records). */
export function matchNotice(candidates: Array<{ personId: string; removed: boolean; foreign: boolean }>): { personId: string } | { reason: UnmatchedReason } {
  const living = candidates.filter((c) => !c.removed);
  if (living.length > 1) return { reason: 'several' };
  if (living.length === 0) return { reason: candidates.length > 0 ? 'removed' : 'no-resident' };
  if (!living[0]!.foreign) return { reason: 'not-foreign' };
  return { personId: living[0]!.personId };
}

/** The record's 30条の45 items as change input (a 職権修正 of the card items sends them whole). */
function foreignInput(f: NonNullable<PersonRecord['foreign']>) {
  return {
    nationality: f.nationality, category: f.category, residenceStatus: f.residenceStatus, residencePeriod: f.residencePeriod, residenceExpiry: f.residenceExpiry,
    residenceCardNo: f.residenceCardNo, foreignResidentSince: f.foreignResidentSince.sortKey, landingPeriodEnd: f.landingPeriodEnd, provisionalStayEnd: f.provisionalStayEnd,
    transitionalCause: f.transitionalCause, alienRegistrationDate: f.alienRegistrationDate, residenceNotified: f.residenceNotified, landingPermitMoveIn: f.landingPermitMoveIn,
  };
}

/** The 職権 change a notice calls for, as entered through the ordinary change API (仮登録, then 本登録). */
export function changeInputFor(n: { noticeNo: string; event: NoticeEvent; occurredOn: string; items: ReceivedNotice['items'] }, personId: string, r: PersonRecord, expectedVersions: Record<string, number>): ChangeInput {
  const common = { occurredOn: n.occurredOn, exOfficio: true, notifier: '', note: `法務大臣からの通知（住基法30条の50） 通知番号 ${n.noticeNo}: ${NOTICE_EVENT_LABELS[n.event]}`, expectedVersions };
  const i = n.items;
  if (STATUS_EVENTS.includes(n.event)) {
    return { kind: 'residence-status-change', ...common, personId, residenceStatus: i.residenceStatus!, residencePeriod: i.residencePeriod!, residenceExpiry: i.residenceExpiry!,
      ...(i.residenceCardNo ? { residenceCardNo: i.residenceCardNo } : {}), ...(i.category ? { category: i.category } : {}) } as ChangeInput;
  }
  if (n.event === 'card-items-change') {
    const f = foreignInput(r.foreign!);
    return { kind: 'ex-officio-correction', ...common, personId, patch: {
      ...(i.romanName ? { romanName: i.romanName } : {}), ...(i.birthDate ? { birthDate: i.birthDate } : {}), ...(i.sex ? { sex: i.sex } : {}),
      foreign: { ...f, ...(i.nationality ? { nationality: i.nationality } : {}), ...(i.residenceCardNo ? { residenceCardNo: i.residenceCardNo } : {}) },
    } } as ChangeInput;
  }
  if (n.event === 'death') return { kind: 'death', ...common, personId, remainingRelationships: {} } as ChangeInput;
  return { kind: 'ex-officio-removal', ...common, personId, ground: REMOVAL_GROUND[n.event]!, remainingRelationships: {} } as ChangeInput;
}
