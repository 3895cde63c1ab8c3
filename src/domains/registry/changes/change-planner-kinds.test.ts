// Unit tests of the change kinds added for issue #3's second half: 旧氏・通称, 在留資格等の変更, 帰化, 国籍喪失,
// 世帯変更, 軽微な修正, 転入通知の受理 and 住居表示/区画整理 — each rule and each refusal.
import { describe, expect, it } from 'vitest';
import { ChangeInput } from '../registry.schema.ts';
import { createPlannerHarness, newPerson } from '../../../../test/fixtures/registry/change-generator.ts';

const TODAY = '2026-04-01';
const ADDRESS = { townName: '広丘野村', banchi: '1番地' };
const FOREIGN = { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技術・人文知識・国際業務', residencePeriod: '3年', residenceExpiry: '2028-01-01', residenceCardNo: 'AB12345678CD' };

function setup() {
  const { m, run, attempt } = createPlannerHarness('202151', TODAY);
  const latest = (id: string) => m.history.get(id)!.at(-1)!;
  let serial = 0;
  const family = (banchi = '1番地') => {
    const n = ++serial * 10;
    const plan = run({ kind: 'move-in', occurredOn: '2026-03-01', address: { ...ADDRESS, banchi }, previousAddress: '東京都新宿区',
      persons: [newPerson(n + 1, '世帯主', '1980-05-05'), newPerson(n + 2, '妻', '1982-06-06'), newPerson(n + 3, '子', '2010-07-07')] });
    const [head, wife, child] = ['世帯主', '妻', '子'].map((r) => plan.snapshots.find((s) => s.record.relationship === r)!.personId);
    return { head: head!, wife: wife!, child: child!, householdId: plan.newHouseholds[0]!.householdId };
  };
  const foreigner = (extra: Record<string, unknown> = {}) => {
    const plan = run({ kind: 'move-in', occurredOn: '2026-03-01', fromAbroad: true, address: { ...ADDRESS, banchi: '9番地' },
      persons: [newPerson(90, '世帯主', '1990-01-01', { residentKind: 'foreign', familyName: '', givenName: '', romanName: 'NGUYEN VAN AN', honseki: undefined, foreign: FOREIGN as never, ...extra })] });
    return { id: plan.snapshots[0]!.personId, householdId: plan.newHouseholds[0]!.householdId };
  };
  return { m, run, attempt, latest, family, foreigner };
}

describe('旧氏の記載・削除', () => {
  it('enters and deletes a 旧氏 with its reading; the entry stays in history', () => {
    const t = setup();
    const f = t.family();
    const entered = t.run({ kind: 'old-surname', occurredOn: '2026-03-05', personId: f.wife, action: 'enter', oldSurname: '佐藤', oldSurnameKana: 'サトウ' });
    expect(entered.reason).toEqual({ code: 'C07', label: '旧氏の記載', class: '修正' });
    expect(entered.notifiedOn).toBe(TODAY);
    expect(entered.alerts).toEqual([]);
    expect(t.latest(f.wife).record).toMatchObject({ oldSurname: '佐藤', oldSurnameKana: 'サトウ' });
    const removed = t.run({ kind: 'old-surname', occurredOn: '2026-03-06', personId: f.wife, action: 'delete' });
    expect(removed.reason.label).toBe('旧氏の削除');
    expect(t.latest(f.wife).record.oldSurname).toBeUndefined();
    expect(t.m.history.get(f.wife)!.map((h) => h.record.oldSurname)).toEqual([undefined, '佐藤', undefined]);
  });

  it('refuses a 旧氏 for a foreign resident, without a surname, equal to the current 氏, or deleting none', () => {
    const t = setup();
    const f = t.family();
    const x = t.foreigner();
    expect(t.attempt({ kind: 'old-surname', occurredOn: '2026-03-05', personId: x.id, action: 'enter', oldSurname: '佐藤' })).toBe('old-surname-japanese-only');
    expect(t.attempt({ kind: 'old-surname', occurredOn: '2026-03-05', personId: f.wife, action: 'enter' })).toBe('old-surname-required');
    expect(t.attempt({ kind: 'old-surname', occurredOn: '2026-03-05', personId: f.wife, action: 'enter', oldSurname: t.latest(f.wife).record.familyName })).toBe('old-surname-same-as-surname');
    expect(t.attempt({ kind: 'old-surname', occurredOn: '2026-03-05', personId: f.wife, action: 'enter', oldSurname: '（株）' })).toBe('forbidden-name-symbol');
    expect(t.attempt({ kind: 'old-surname', occurredOn: '2026-03-05', personId: f.wife, action: 'delete' })).toBe('old-surname-not-recorded');
  });
});

describe('通称の記載・削除', () => {
  it('keeps every entry and deletion of a 通称 with date and municipality (通称の記載及び削除に関する事項)', () => {
    const t = setup();
    const x = t.foreigner({ alias: '山田太郎', aliasKana: 'ヤマダタロウ' });
    expect(t.latest(x.id).record.aliasHistory).toEqual([{ action: 'entered', alias: '山田太郎', aliasKana: 'ヤマダタロウ', on: '2026-03-01', municipalityCode: '202151' }]);
    expect(t.attempt({ kind: 'alias', occurredOn: '2026-03-05', personId: x.id, action: 'enter', alias: '別名' })).toBe('alias-already-recorded');
    const del = t.run({ kind: 'alias', occurredOn: '2026-03-05', personId: x.id, action: 'delete' });
    expect(del.reason).toEqual({ code: 'C10', label: '通称の削除', class: '修正' });
    t.run({ kind: 'alias', occurredOn: '2026-03-06', personId: x.id, action: 'enter', alias: '山田一郎' });
    const r = t.latest(x.id).record;
    expect(r.alias).toBe('山田一郎');
    expect(r.aliasHistory!.map((e) => [e.action, e.alias, e.on])).toEqual([['entered', '山田太郎', '2026-03-01'], ['deleted', '山田太郎', '2026-03-05'], ['entered', '山田一郎', '2026-03-06']]);
  });

  it('refuses a 通称 for a Japanese resident, an empty 通称 and deleting none', () => {
    const t = setup();
    const f = t.family();
    const x = t.foreigner();
    expect(t.attempt({ kind: 'alias', occurredOn: '2026-03-05', personId: f.head, action: 'enter', alias: '通称' })).toBe('alias-foreign-only');
    expect(t.attempt({ kind: 'alias', occurredOn: '2026-03-05', personId: x.id, action: 'enter', alias: ' ' })).toBe('alias-required');
    expect(t.attempt({ kind: 'alias', occurredOn: '2026-03-05', personId: x.id, action: 'delete' })).toBe('alias-not-recorded');
  });
});

describe('在留資格・在留期間の変更', () => {
  it('records the new status, period and expiry; alerts when the expiry is already past', () => {
    const t = setup();
    const x = t.foreigner();
    const plan = t.run({ kind: 'residence-status-change', occurredOn: '2026-03-10', personId: x.id, residenceStatus: '永住者', residencePeriod: '無期限', residenceExpiry: '令和17年3月9日' });
    expect(plan.reason.label).toBe('在留資格等の変更');
    expect(plan.alerts).toEqual([]);
    expect(t.latest(x.id).record.foreign).toMatchObject({ residenceStatus: '永住者', residencePeriod: '無期限', residenceExpiry: '2035-03-09', residenceCardNo: 'AB12345678CD', category: '中長期在留者' });
    const late = t.run({ kind: 'residence-status-change', occurredOn: '2026-03-11', personId: x.id, residenceStatus: '特定活動', residencePeriod: '6月', residenceExpiry: '2026-03-20' });
    expect(late.alerts.map((a) => a.code)).toEqual(['residence-period-expired']);
  });

  it('refuses Japanese residents, an expiry before the change, bad dates and card numbers, and 特別永住者', () => {
    const t = setup();
    const f = t.family();
    const x = t.foreigner();
    const base = { kind: 'residence-status-change', occurredOn: '2026-03-10', personId: x.id, residenceStatus: '定住者', residencePeriod: '1年', residenceExpiry: '2027-03-10' };
    expect(t.attempt({ ...base, personId: f.head })).toBe('not-foreign-resident');
    expect(t.attempt({ ...base, residenceExpiry: '2026-03-09' })).toBe('residence-expiry-before-change');
    expect(t.attempt({ ...base, residenceExpiry: '2027-02-30' })).toBe('invalid-date');
    expect(t.attempt({ ...base, residenceCardNo: '12345' })).toBe('invalid-residence-card-no');
    expect(t.attempt({ ...base, category: '特別永住者' })).toBe('no-residence-period');
    expect(t.attempt({ ...base, occurredOn: '2026-02-01' })).toBe('change-date-before-last');
  });
});

describe('帰化・国籍喪失', () => {
  it('帰化: the foreign record is removed and a Japanese one entered under the same 宛名番号, with 本籍, a new name, 住民となった年月日 from 外国人住民となった年月日; the 通称 ends in its history', () => {
    const t = setup();
    const x = t.foreigner({ alias: '阮太郎' });
    const before = t.latest(x.id).record;
    const plan = t.run({ kind: 'naturalization', occurredOn: '2026-03-15', personId: x.id, honseki: '長野県塩尻市大字広丘野村9番地', hittosha: '阮　安',
      name: { familyName: '阮', givenName: '安', familyNameKana: 'グエン', givenNameKana: 'アン' } });
    expect(plan.reason).toEqual({ code: 'A07', label: '職権記載（帰化等）', class: '記載' });
    expect(plan.exOfficio).toBe(true);
    expect(plan.alerts.map((a) => a.code)).toEqual(['alias-deleted-on-naturalization']);
    // Issue #13 (R16): 消除 of the foreign record (kept as it was, 通称 included) + 記載 of the Japanese one.
    expect(t.latest(x.id).record).toMatchObject({ residentKind: 'foreign', alias: '阮太郎', removedOn: '2026-03-15', removalReason: '職権消除（帰化等）' });
    const added = plan.snapshots.find((s) => s.isNewPerson)!;
    expect(added.personId).not.toBe(x.id);
    const r = t.latest(added.personId).record;
    expect(r).toMatchObject({ residentKind: 'japanese', familyName: '阮', givenName: '安', honseki: '長野県塩尻市大字広丘野村9番地', hittosha: '阮　安',
      atenaNo: before.atenaNo, residentCode: before.residentCode, myNumberIndex: before.myNumberIndex, address: before.address, relationship: '世帯主' });
    expect(r.becameResidentOn).toEqual(before.foreign!.foreignResidentSince);
    expect(r.foreign).toBeUndefined();
    expect(r.romanName).toBeUndefined();
    expect(r.alias).toBeUndefined();
    expect(r.aliasHistory!.at(-1)).toMatchObject({ action: 'deleted', alias: '阮太郎', on: '2026-03-15' });
  });

  it('帰化 refuses a Japanese resident and needs a kanji name and 本籍', () => {
    const t = setup();
    const f = t.family();
    const x = t.foreigner();
    expect(t.attempt({ kind: 'naturalization', occurredOn: '2026-03-15', personId: f.head, honseki: '長野県' })).toBe('not-foreign-resident');
    expect(t.attempt({ kind: 'naturalization', occurredOn: '2026-03-15', personId: x.id, honseki: '長野県' })).toBe('name-required');
    expect(() => ChangeInput.parse({ kind: 'naturalization', occurredOn: '2026-03-15', personId: x.id })).toThrow();
  });

  it('国籍喪失: the Japanese record is removed and a foreign one entered under the same 宛名番号 with the 30条の45 items; 本籍 and 旧氏 end', () => {
    const t = setup();
    const f = t.family();
    t.run({ kind: 'old-surname', occurredOn: '2026-03-05', personId: f.wife, action: 'enter', oldSurname: '佐藤' });
    const plan = t.run({ kind: 'nationality-loss', occurredOn: '2026-03-20', personId: f.wife, romanName: 'SATO HANAKO',
      foreign: { nationality: '米国', category: '経過滞在者' } });
    expect(plan.reason.label).toBe('職権記載（国籍喪失）');
    expect(plan.alerts.map((a) => a.code)).toEqual(['old-surname-deleted-on-nationality-loss']);
    expect(t.latest(f.wife).record).toMatchObject({ residentKind: 'japanese', oldSurname: '佐藤', removalReason: '職権消除（国籍喪失）' });
    const added = plan.snapshots.find((s) => s.isNewPerson)!;
    const r = t.latest(added.personId).record;
    expect(r.atenaNo).toBe(t.latest(f.wife).record.atenaNo);
    expect(r).toMatchObject({ residentKind: 'foreign', romanName: 'SATO HANAKO', foreign: { nationality: '米国', category: '経過滞在者', foreignResidentSince: { sortKey: '2026-03-20', precision: 'day' } } });
    expect(r.honseki).toBeUndefined();
    expect(r.oldSurname).toBeUndefined();
  });

  it('国籍喪失 refuses a foreign resident and requires the 30条の45 items', () => {
    const t = setup();
    const f = t.family();
    const x = t.foreigner();
    expect(t.attempt({ kind: 'nationality-loss', occurredOn: '2026-03-20', personId: x.id, foreign: FOREIGN })).toBe('not-japanese-resident');
    expect(t.attempt({ kind: 'nationality-loss', occurredOn: '2026-03-20', personId: f.head, foreign: { nationality: '米国', category: '中長期在留者' } })).toBe('foreign-items-required');
    expect(() => ChangeInput.parse({ kind: 'nationality-loss', occurredOn: '2026-03-20', personId: f.head })).toThrow();
  });
});

describe('世帯変更', () => {
  it('moves a member into another household at the same address and applies the head-leaves rule', () => {
    const t = setup();
    const a = t.family('5番地');
    const b = t.run({ kind: 'move-in', occurredOn: '2026-03-02', address: { ...ADDRESS, banchi: '5番地' }, persons: [newPerson(70, '世帯主', '1950-01-01')] });
    const other = b.newHouseholds[0]!.householdId;
    // The head leaves and two remain: without a new head the household is left headless with an alert (issue #9).
    expect(t.attempt({ kind: 'household-change', occurredOn: '2026-03-10', householdId: other, personIds: [a.head], relationships: { [a.head]: '同居人' } })).toBe('ok');
    expect(t.attempt({ kind: 'household-change', occurredOn: '2026-03-10', householdId: other, personIds: [a.head], relationships: { [a.head]: '同居人' },
      remainingHeadPersonId: a.wife, remainingRelationships: { [a.child]: '子' } })).toBe('ok');
    const plan = t.run({ kind: 'household-change', occurredOn: '2026-03-10', householdId: other, personIds: [a.child], relationships: { [a.child]: '同居人' } });
    expect(plan.reason).toEqual({ code: 'C14', label: '世帯変更', class: '修正' });
    expect(plan.touchedHouseholdIds.sort()).toEqual([a.householdId, other].sort());
    expect(t.latest(a.child).record).toMatchObject({ householdId: other, relationship: '同居人', memberOrder: 2 });
    // One member remains after the head leaves: that member becomes head ex officio.
    const last = t.run({ kind: 'household-change', occurredOn: '2026-03-11', householdId: other, personIds: [a.head], relationships: { [a.head]: '同居人' } });
    expect(last.alerts.map((x) => x.code)).toContain('head-set-ex-officio');
    expect(t.latest(a.wife).record.relationship).toBe('世帯主');
  });

  it('changes a 続柄 without a move, and refuses the head, outsiders, other addresses and an empty change', () => {
    const t = setup();
    const a = t.family('6番地');
    const far = t.family('7番地');
    t.run({ kind: 'household-change', occurredOn: '2026-03-10', householdId: a.householdId, relationships: { [a.wife]: '妻（未届）' } });
    expect(t.latest(a.wife).record.relationship).toBe('妻（未届）');
    expect(t.attempt({ kind: 'household-change', occurredOn: '2026-03-11', householdId: a.householdId, relationships: { [a.head]: '夫' } })).toBe('head-change-required');
    expect(t.attempt({ kind: 'household-change', occurredOn: '2026-03-11', householdId: a.householdId, relationships: { [far.wife]: '妻' } })).toBe('person-not-in-household');
    expect(t.attempt({ kind: 'household-change', occurredOn: '2026-03-11', householdId: a.householdId, relationships: { [a.wife]: '孫' } })).toBe('invalid-relationship');
    expect(t.attempt({ kind: 'household-change', occurredOn: '2026-03-11', householdId: far.householdId, personIds: [a.child], relationships: { [a.child]: '同居人' } })).toBe('household-change-address-differs');
    expect(t.attempt({ kind: 'household-change', occurredOn: '2026-03-11', householdId: a.householdId, personIds: [a.child], relationships: { [a.child]: '子' } })).toBe('same-household');
    expect(t.attempt({ kind: 'household-change', occurredOn: '2026-03-11', householdId: a.householdId })).toBe('empty-patch');
  });
});

describe('軽微な修正', () => {
  it('corrects name characters ex officio and the address notation of the whole household without changing 住所を定めた年月日', () => {
    const t = setup();
    const f = t.family();
    const plan = t.run({ kind: 'minor-correction', occurredOn: '2026-03-10', personId: f.head, ground: '文字の同定', name: { familyName: '高橋' } });
    expect(plan).toMatchObject({ reason: { code: 'C15', label: '軽微な修正' }, exOfficio: true, notifiedOn: null });
    expect(plan.snapshots.map((s) => s.personId)).toEqual([f.head]);
    const fixedOn = t.latest(f.wife).record.addressFixedOn;
    const addr = t.run({ kind: 'minor-correction', occurredOn: '2026-03-11', personId: f.child, ground: '地番の変更', address: { ...ADDRESS, banchi: '1番地1' } });
    expect(addr.snapshots).toHaveLength(3);
    for (const id of [f.head, f.wife, f.child]) expect(t.latest(id).record.address.banchi).toBe('1番地1');
    expect(t.latest(f.wife).record.addressFixedOn).toEqual(fixedOn);
  });

  it('refuses an empty correction, unknown 町字 and forbidden symbols', () => {
    const t = setup();
    const f = t.family();
    expect(t.attempt({ kind: 'minor-correction', occurredOn: '2026-03-10', personId: f.head, ground: '文字の同定', name: {} })).toBe('empty-patch');
    expect(t.attempt({ kind: 'minor-correction', occurredOn: '2026-03-10', personId: f.head, ground: '地番の変更', address: { townName: '霞が関', banchi: '1' } })).toBe('unknown-town');
    expect(t.attempt({ kind: 'minor-correction', occurredOn: '2026-03-10', personId: f.head, ground: '文字の同定', name: { givenName: '（有）' } })).toBe('forbidden-name-symbol');
    expect(() => ChangeInput.parse({ kind: 'minor-correction', occurredOn: '2026-03-10', personId: f.head, ground: '気分' })).toThrow();
  });
});

describe('転入通知の受理', () => {
  it('records the notice on the 除票 next to the planned items; the removal date becomes the earlier confirmed move', () => {
    const t = setup();
    const f = t.family();
    t.run({ kind: 'move-out', occurredOn: '2026-03-25', personIds: [f.child], destination: '東京都千代田区' });
    const plan = t.run({ kind: 'move-in-notice', occurredOn: '2026-03-30', personId: f.child, destination: '東京都千代田区霞が関1丁目1番1号', movedOn: '2026-03-22' });
    expect(plan).toMatchObject({ reason: { code: 'C16', label: '転入通知の受理' }, exOfficio: true, touchedHouseholdIds: [] });
    expect(plan.snapshots[0]!.effectiveOn).toBe('2026-03-22');
    const r = t.latest(f.child).record;
    expect(r).toMatchObject({ removedOn: '2026-03-22', destination: '東京都千代田区', removalReason: '国内転出',
      moveInNotice: { receivedOn: '2026-03-30', destination: '東京都千代田区霞が関1丁目1番1号', movedOn: '2026-03-22', plannedOn: '2026-03-25' } });
    // A later duplicate replaces it with an alert; the planned date is kept.
    const again = t.run({ kind: 'move-in-notice', occurredOn: '2026-03-31', personId: f.child, destination: '東京都千代田区霞が関1丁目1番2号', movedOn: '2026-03-26' });
    expect(again.alerts.map((a) => a.code)).toEqual(['move-in-notice-replaced']);
    expect(t.latest(f.child).record).toMatchObject({ removedOn: '2026-03-25', moveInNotice: { plannedOn: '2026-03-25', movedOn: '2026-03-26' } });
  });

  it('refuses a person with no 国内転出 record and a move after the notice', () => {
    const t = setup();
    const f = t.family();
    expect(t.attempt({ kind: 'move-in-notice', occurredOn: '2026-03-30', personId: f.head, destination: '東京都', movedOn: '2026-03-22' })).toBe('no-move-out-record');
    t.run({ kind: 'death', occurredOn: '2026-03-10', exOfficio: true, personId: f.child });
    expect(t.attempt({ kind: 'move-in-notice', occurredOn: '2026-03-30', personId: f.child, destination: '東京都', movedOn: '2026-03-22' })).toBe('no-move-out-record');
    t.run({ kind: 'move-out', occurredOn: '2026-03-20', abroad: true, personIds: [f.wife], destination: '米国' });
    expect(t.attempt({ kind: 'move-in-notice', occurredOn: '2026-03-30', personId: f.wife, destination: '東京都', movedOn: '2026-03-22' })).toBe('no-move-out-record');
    const g = t.family('2番地');
    t.run({ kind: 'move-out', occurredOn: '2026-03-20', personIds: [g.child], destination: '東京都' });
    expect(t.attempt({ kind: 'move-in-notice', occurredOn: '2026-03-30', personId: g.child, destination: '東京都', movedOn: '2026-03-31' })).toBe('move-in-notice-date-order');
  });
});

describe('住居表示・区画整理 (one household)', () => {
  it('changes the address of every member ex officio with the cause as 異動事由', () => {
    const t = setup();
    const f = t.family();
    const plan = t.run({ kind: 'address-renaming', occurredOn: '2026-03-10', householdId: f.householdId, cause: '区画整理', address: { townName: '広丘吉田', banchi: '10番地' } });
    expect(plan).toMatchObject({ reason: { code: 'C18', label: '区画整理' }, exOfficio: true });
    expect(plan.snapshots).toHaveLength(3);
    expect(t.latest(f.head).record.address).toMatchObject({ townName: '大字広丘吉田', banchi: '10番地', check: 'listed' });
    expect(t.attempt({ kind: 'address-renaming', occurredOn: '2026-03-01', householdId: f.householdId, cause: '住居表示', address: ADDRESS })).toBe('change-date-before-last');
  });
});
