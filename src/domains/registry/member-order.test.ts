// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { compareMembers, inStandardOrder, memberOrderGroup, orderMembers, type OrderedMember } from './member-order.ts';

const m = (relationship: string, birthKey: string, atenaNo: string, memberOrder: number): OrderedMember & { name: string } =>
  ({ name: `${relationship}${birthKey.slice(0, 4)}`, relationship, birthKey, atenaNo, memberOrder });

describe('inStandardOrder (世帯員の並び順, spec §5.2)', () => {
  it('orders head, spouse, children by birth, their families, the head\'s family, other relatives, 縁故者, 同居人', () => {
    // Stored in the order of entry (newcomers appended): the rule decides what is shown.
    const entered = [
      m('世帯主', '1950-01-01', '10', 1), m('同居人', '1960-01-01', '11', 2), m('子', '1980-05-05', '12', 3), m('子の妻', '1982-01-01', '13', 4),
      m('妻', '1952-01-01', '14', 5), m('子', '1978-03-03', '15', 6), m('子の子', '2010-01-01', '16', 7), m('母', '1925-01-01', '17', 8),
      m('縁故者', '1970-01-01', '18', 9), m('妹', '1955-01-01', '19', 10), m('子の子', '2008-01-01', '20', 11), m('父の母', '1900-01-01', '21', 12),
      m('妻の父', '1920-01-01', '22', 13), m('子の子の子', '2030-01-01', '23', 14), m('父', '1922-01-01', '24', 15),
    ];
    expect(inStandardOrder(entered, (x) => x).map((x) => x.name)).toEqual([
      '世帯主1950', '妻1952', '子1978', '子1980', '子の妻1982', '子の子2008', '子の子2010', '子の子の子2030',
      '父1922', '母1925', '妹1955', '父の母1900', '妻の父1920', '縁故者1970', '同居人1960',
    ]);
  });

  it('places a newborn by the rule, not after the 同居人 who joined before', () => {
    const household = [m('世帯主', '1980-01-01', '1', 1), m('妻', '1982-01-01', '2', 2), m('子', '2015-01-01', '3', 3), m('同居人', '1990-01-01', '4', 4)];
    const newborn = m('子', '2026-11-20', '5', 5);
    expect(inStandardOrder([...household, newborn], (x) => x).map((x) => x.atenaNo)).toEqual(['1', '2', '3', '5', '4']);
  });

  it('breaks ties by 宛名番号 as a number, then by the stored order (twins, unknown birth dates)', () => {
    const twins = [m('子', '2020-01-01', '100', 1), m('子', '2020-01-01', '99', 2), m('子', '2020-01-01', '99', 0)];
    expect(inStandardOrder(twins, (x) => x).map((x) => `${x.atenaNo}/${x.memberOrder}`)).toEqual(['99/0', '99/2', '100/1']);
    expect(compareMembers(twins[0]!, twins[0]!)).toBe(0);
  });

  it('puts 夫（未届）/妻（未届） with spouses and unknown 続柄 among other relatives', () => {
    expect(memberOrderGroup('妻（未届）')).toBe(memberOrderGroup('妻'));
    expect(memberOrderGroup('兄の妻')).toBeGreaterThan(memberOrderGroup('父の父'));
    expect(memberOrderGroup('兄の妻')).toBeLessThan(memberOrderGroup('縁故者'));
  });

  it('keeps each married 子 with their own spouse and children (group 2 per family), by the link or the only candidate', () => {
    const p = (personId: string, relationship: string, birthKey: string, memberOrder: number, familyOf?: string) => ({ ...m(relationship, birthKey, personId, memberOrder), personId, familyOf, name: personId });
    const household = [
      p('head', '世帯主', '1950-01-01', 1), p('wife', '妻', '1952-01-01', 2), p('taro', '子', '1975-01-01', 3), p('jiro', '子', '1978-01-01', 4),
      p('hanako', '子の妻', '1976-01-01', 5, 'taro'), p('yoshiko', '子の妻', '1979-01-01', 6, 'jiro'), p('ken', '子の子', '2005-01-01', 7, 'jiro'),
      p('mai', '子の子', '2003-01-01', 8, 'taro'), p('lodger', '同居人', '1960-01-01', 9), p('unlinked', '子の子', '2010-01-01', 10),
    ];
    // 太郎's family, then 次郎's family; an unlinked 子の子 with two candidates keeps its group's place after the families.
    expect(inStandardOrder(household, (x) => x).map((x) => x.name)).toEqual(['head', 'wife', 'taro', 'hanako', 'mai', 'jiro', 'yoshiko', 'ken', 'unlinked', 'lodger']);
    // With only one 子, an unlinked 子の妻・子の子 is derived to be that child's family.
    const one = [p('head', '世帯主', '1950-01-01', 1), p('taro', '子', '1975-01-01', 2), p('mother', '母', '1925-01-01', 3), p('hanako', '子の妻', '1976-01-01', 4), p('mai', '子の子', '2003-01-01', 5)];
    expect(inStandardOrder(one, (x) => x).map((x) => x.name)).toEqual(['head', 'taro', 'hanako', 'mai', 'mother']);
    // A link to someone who is not a 子 of the household is ignored.
    const wrong = [p('head', '世帯主', '1950-01-01', 1), p('a', '子', '1975-01-01', 2), p('b', '子', '1977-01-01', 3), p('x', '子の妻', '1976-01-01', 4, 'head')];
    expect(inStandardOrder(wrong, (x) => x).map((x) => x.name)).toEqual(['head', 'a', 'b', 'x']);
    // The municipality may keep the order of entry instead.
    expect(orderMembers(household, (x) => x, 'entry').map((x) => x.name)).toEqual(household.map((x) => x.name));
  });
});
