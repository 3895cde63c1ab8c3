// SPDX-License-Identifier: EUPL-1.2
/** ライフイベント (life events) and the household facts the life-event rules read. Pure types and labels. */

/** Life events a resident brings to the counter (the codes counter.ticket.life_events stores). */
export const LIFE_EVENTS = ['move-in', 'foreign-move-in', 'move-out', 'move-within', 'birth', 'death', 'household-change'] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

export const LIFE_EVENT_LABELS: Record<LifeEvent, { ja: string; en: string }> = {
  'move-in': { ja: '転入（引越してきた）', en: 'Moving in' },
  'foreign-move-in': { ja: '外国人の転入（国外から）', en: 'Moving in from abroad (foreign resident)' },
  'move-out': { ja: '転出（市外へ引越す）', en: 'Moving out' },
  'move-within': { ja: '転居（市内で引越す）', en: 'Moving within the municipality' },
  birth: { ja: '出生', en: 'Birth' },
  death: { ja: '死亡', en: 'Death' },
  'household-change': { ja: '世帯変更（世帯主の変更・世帯の分離や合併）', en: 'Household change' },
};

/** One member of the household as the rules see it: no names, no numbers, only what decides a procedure. */
export interface MemberFacts {
  /** A handle the caller chooses (an index in the guide, the 宛名番号 at the counter); returned, never interpreted. */
  ref: string;
  /** Age in whole years on the event's day. */
  age: number;
  /** 外国人住民. */
  foreign: boolean;
  /** 国民健康保険の被保険者 (or will be, on a move-in). */
  nhi: boolean;
  /** 世帯主. */
  head: boolean;
  /** Whether the life event is about this member (the one who moves, is born, died). */
  concerned: boolean;
}

/** What the rules read: the life events and the household's members. */
export interface HouseholdFacts {
  events: LifeEvent[];
  members: MemberFacts[];
  /** 犬を飼っている (狂犬病予防法: 登録事項の変更). */
  dog: boolean;
}

export function isLifeEvent(s: string): s is LifeEvent {
  return (LIFE_EVENTS as readonly string[]).includes(s);
}
