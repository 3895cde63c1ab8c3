// SPDX-License-Identifier: EUPL-1.2
/**
 * 世帯員の並び順 (spec §5.2), pure: the order in which a household's members are shown on the 世帯票 and printed on
 * 世帯連記式 certificates, decided by the rule whenever the household is read, so a newcomer (a birth, a member
 * who moves in) takes its place by the rule instead of being appended, and no re-sort is ever needed:
 *   1. 世帯主 → 配偶者 → 世帯主の子 (by birth date, then 宛名番号)
 *   2. the children's families: 子の夫・子の妻, then 子の子, then longer chains of 子 (each by birth date)
 *   3. the head's family outside (1)/(2): 父母 → 兄弟姉妹 → 祖父母
 *   4. other relatives (e.g. 妻の父, 兄の妻) → 縁故者 → 同居人, each by birth date then 宛名番号.
 * The stored 並び順 (`memberOrder`, the order of entry) only breaks ties. Not decided here: keeping each married
 * child together with their own spouse and children (group 2 per family), which needs a link from a 子の妻 to her
 * husband that a 続柄 does not carry.
 */
import { HEAD, isSpouse } from './relationship.ts';

const SIBLINGS = ['兄', '姉', '弟', '妹'];
const GRANDPARENTS = ['父の父', '父の母', '母の父', '母の母'];

/** The group of a 続柄 in the standard order (lower comes first). */
export function memberOrderGroup(relationship: string): number {
  if (relationship === HEAD) return 0;
  if (isSpouse(relationship)) return 1;
  if (relationship === '子') return 2;
  if (relationship === '子の夫' || relationship === '子の妻') return 3;
  if (relationship === '子の子') return 4;
  if (/^子(の子)+(の(夫|妻))?$/.test(relationship)) return 4 + relationship.split('の').length;
  if (relationship === '父' || relationship === '母') return 10;
  if (SIBLINGS.includes(relationship)) return 11;
  if (GRANDPARENTS.includes(relationship)) return 12;
  if (relationship === '縁故者') return 14;
  if (relationship === '同居人') return 15;
  return 13;
}

/** What the order reads of a member. */
export interface OrderedMember {
  relationship: string;
  /** Sort key of the birth date (ISO day or its vague form); older first. */
  birthKey: string;
  atenaNo: string;
  /** The stored 並び順 (order of entry). */
  memberOrder: number;
}

/** Compares two members by the standard order. */
export function compareMembers(a: OrderedMember, b: OrderedMember): number {
  return memberOrderGroup(a.relationship) - memberOrderGroup(b.relationship)
    || (a.birthKey < b.birthKey ? -1 : a.birthKey > b.birthKey ? 1 : 0)
    || (a.atenaNo.length - b.atenaNo.length || (a.atenaNo < b.atenaNo ? -1 : a.atenaNo > b.atenaNo ? 1 : 0))
    || a.memberOrder - b.memberOrder;
}

/** The members in the standard order (a new array). */
export function inStandardOrder<T>(members: readonly T[], read: (m: T) => OrderedMember): T[] {
  return [...members].sort((x, y) => compareMembers(read(x), read(y)));
}
