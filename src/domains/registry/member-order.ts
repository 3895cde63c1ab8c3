// SPDX-License-Identifier: EUPL-1.2
/**
 * 世帯員の並び順 (spec §5.2), pure: the order in which a household's members are shown on the 世帯票 and printed on
 * 世帯連記式 certificates, decided by the rule whenever the household is read, so a newcomer (a birth, a member
 * who moves in) takes its place by the rule instead of being appended, and no re-sort is ever needed:
 *   1. 世帯主 → 配偶者 → 世帯主の子 (by birth date, then 宛名番号)
 *   2. the children's families: 子の夫・子の妻, then 子の子, then longer chains of 子 (each by birth date)
 *   3. the head's family outside (1)/(2): 父母 → 兄弟姉妹 → 祖父母
 *   4. other relatives (e.g. 妻の父, 兄の妻) → 縁故者 → 同居人, each by birth date then 宛名番号.
 * The stored 並び順 (`memberOrder`, the order of entry) only breaks ties. Group 2 per family: a 子の夫・子の妻 or 子の子
 * linked to the 子 they belong to (`familyOf`, entered on the change when ambiguous) follows that 子, before the next
 * 子; unlinked ones are linked when the household has only one 子 (the only candidate), else they keep their group's
 * place after all children.
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
  /** The person's id and, for a 子の夫・子の妻・子の子, the 子 whose family they belong to (spec §5.2 group 2). */
  personId?: string;
  familyOf?: string;
}

/** Relationships that belong to one 子's family (group 2 per family). */
export const FAMILY_OF_RELATIONSHIPS = ['子の夫', '子の妻', '子の子'] as const;
export const belongsToChildFamily = (relationship: string) => (FAMILY_OF_RELATIONSHIPS as readonly string[]).includes(relationship);

/** Compares two members by the standard order. */
export function compareMembers(a: OrderedMember, b: OrderedMember): number {
  return memberOrderGroup(a.relationship) - memberOrderGroup(b.relationship)
    || (a.birthKey < b.birthKey ? -1 : a.birthKey > b.birthKey ? 1 : 0)
    || (a.atenaNo.length - b.atenaNo.length || (a.atenaNo < b.atenaNo ? -1 : a.atenaNo > b.atenaNo ? 1 : 0))
    || a.memberOrder - b.memberOrder;
}

/**
 * The 子 a 子の夫・子の妻・子の子 belongs to: the link when it names a 子 of the household, else the only 子 when there is
 * exactly one (derived), else none.
 */
export function familyOfMember(m: OrderedMember, all: readonly OrderedMember[]): string | undefined {
  if (!belongsToChildFamily(m.relationship)) return undefined;
  const children = all.filter((x) => x.relationship === '子' && x.personId);
  if (m.familyOf && children.some((c) => c.personId === m.familyOf)) return m.familyOf;
  return children.length === 1 ? children[0]!.personId : undefined;
}

/** The members in the standard order (a new array), each married 子 followed by their own family. */
export function inStandardOrder<T>(members: readonly T[], read: (m: T) => OrderedMember): T[] {
  const sorted = [...members].sort((x, y) => compareMembers(read(x), read(y)));
  const all = sorted.map(read);
  const family = new Map<string, T[]>();
  const linked = new Set<T>();
  sorted.forEach((m, i) => {
    const of = familyOfMember(all[i]!, all);
    if (!of) return;
    family.set(of, [...(family.get(of) ?? []), m]);
    linked.add(m);
  });
  if (linked.size === 0) return sorted;
  const out: T[] = [];
  sorted.forEach((m, i) => {
    if (linked.has(m)) return;
    out.push(m);
    const id = all[i]!.personId;
    if (all[i]!.relationship === '子' && id) out.push(...(family.get(id) ?? []));
  });
  return out;
}

/** 世帯員の並び順 as the municipality chose (spec §5.2): the standard order (default) or the order of entry. */
export type MemberOrderMode = 'standard' | 'entry';
export function orderMembers<T>(members: readonly T[], read: (m: T) => OrderedMember, mode: MemberOrderMode = 'standard'): T[] {
  if (mode === 'entry') return [...members].sort((x, y) => read(x).memberOrder - read(y).memberOrder || compareMembers(read(x), read(y)));
  return inStandardOrder(members, read);
}

/** The municipality's choice from its settings (`memberOrder`): `entry`, else the standard order. */
export const memberOrderModeOf = (settings: Record<string, unknown> | undefined): MemberOrderMode => (settings?.memberOrder === 'entry' ? 'entry' : 'standard');
