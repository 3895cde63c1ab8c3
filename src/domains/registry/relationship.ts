// SPDX-License-Identifier: EUPL-1.2
/**
 * 続柄 (relationship to the household head), spec §1.1.11: a whitelist. Allowed: 世帯主; 夫, 妻, 夫（未届）,
 * 妻（未届）, 子, 子の夫, 子の妻, 父, 母, 兄, 姉, 弟, 妹 and chains of them joined by 「の」 up to four links;
 * 縁故者; 同居人. Anything else (祖父, 孫, 甥, 家事使用人, 準世帯主 …) is refused. Pure.
 */

export const HEAD = '世帯主';
const ELEMENTS = ['夫（未届）', '妻（未届）', '夫', '妻', '子', '父', '母', '兄', '姉', '弟', '妹'];
const STANDALONE = ['縁故者', '同居人'];

/** True when the 続柄 is allowed by the standard. */
export function isValidRelationship(value: string): boolean {
  if (value === HEAD || STANDALONE.includes(value)) return true;
  const links = value.split('の');
  if (links.length < 1 || links.length > 4) return false;
  // 未届 marks only a direct spouse (夫（未届）/妻（未届）), not a link in a chain.
  if (links.length > 1 && links.some((l) => l.includes('未届'))) return false;
  return links.every((l) => ELEMENTS.includes(l));
}

/** True for the head's spouse (used by the member-order rule, spec §5.2). */
export function isSpouse(value: string): boolean {
  return value === '夫' || value === '妻' || value === '夫（未届）' || value === '妻（未届）';
}

/** Sort rank of a 続柄 for the default member order (spec §5.2, simplified: head, spouse, children, others). */
export function relationshipRank(value: string): number {
  if (value === HEAD) return 0;
  if (isSpouse(value)) return 1;
  if (value === '子') return 2;
  if (value.startsWith('子の')) return 3;
  if (value === '父' || value === '母') return 4;
  if (STANDALONE.includes(value)) return value === '縁故者' ? 7 : 8;
  return 5;
}
