import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planChange } from './change-planner.ts';
import { RegistryRuleError } from '../registry-errors.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { createModel, createPlannerHarness, generateChange, invariantViolations, newPerson } from '../../../../test/fixtures/registry/change-generator.ts';

const TODAY = '2026-04-01';

function setup() {
  const { m, run, attempt } = createPlannerHarness('202151', TODAY);
  const family = () => {
    const plan = run({ kind: 'move-in', occurredOn: '2026-03-01', address: { townName: '広丘野村', banchi: '1番地' }, previousAddress: '東京都新宿区',
      persons: [newPerson(1, '世帯主', '1980-05-05'), newPerson(2, '妻', '1982-06-06'), newPerson(3, '子', '2010-07-07')] });
    const [head, wife, child] = ['世帯主', '妻', '子'].map((r) => plan.snapshots.find((s) => s.record.relationship === r)!.personId);
    return { plan, head: head!, wife: wife!, child: child!, householdId: plan.newHouseholds[0]!.householdId };
  };
  return { m, run, attempt, family };
}

describe('planChange', () => {
  it('enters a 転入 household with one head, ordered members and a new 宛名番号 each', () => {
    const { plan } = setup().family();
    expect(plan.reason).toEqual({ code: 'A01', label: '国内転入', class: '記載' });
    expect(plan.snapshots.map((s) => s.record.relationship)).toEqual(['世帯主', '妻', '子']);
    expect(new Set(plan.snapshots.map((s) => s.record.atenaNo)).size).toBe(3);
    expect(plan.snapshots[0]!.record.address).toMatchObject({ townName: '大字広丘野村', check: 'listed' });
    expect(plan.myNumbers).toHaveLength(3);
  });

  it('refuses an 異動日 in the future except for 転出', () => {
    const t = setup();
    const f = t.family();
    expect(t.attempt({ kind: 'move-within', occurredOn: addDays(TODAY, 1), personIds: [f.head, f.wife, f.child], address: { townName: '広丘吉田', banchi: '2番地' } })).toBe('change-date-in-future');
    expect(t.attempt({ kind: 'move-out', occurredOn: addDays(TODAY, 10), personIds: [f.head, f.wife, f.child], destination: '東京都千代田区' })).toBe('ok');
  });

  it('alerts (but allows) a notification more than 14 days late', () => {
    const t = setup();
    const f = t.family();
    const plan = t.run({ kind: 'move-within', occurredOn: '2026-03-05', notifiedOn: '2026-03-25', personIds: [f.head, f.wife, f.child], address: { townName: '広丘吉田', banchi: '2番地' } });
    expect(plan.alerts.map((a) => a.code)).toContain('late-notification');
  });

  it('refuses to move a dead person', () => {
    const t = setup();
    const f = t.family();
    t.run({ kind: 'death', occurredOn: '2026-03-10', exOfficio: true, personId: f.child });
    expect(t.attempt({ kind: 'move-within', occurredOn: '2026-03-11', personIds: [f.child], address: { townName: '広丘吉田', banchi: '2番地' }, newHeadPersonId: f.child })).toBe('person-removed');
  });

  // issue #9: a head who dies leaving two or more members no longer blocks the death; the household is flagged
  // without a head (spec §1.1.10, §4.0.5) and a later 世帯主変更 resolves it. One left → head ex officio, as before.
  it('leaves a household without a head (alerted) when the head leaves two or more members, and a 世帯主変更 resolves it', () => {
    const t = setup();
    const f = t.family();
    const death = t.run({ kind: 'death', occurredOn: '2026-03-10', exOfficio: true, personId: f.head });
    expect(death.alerts.map((a) => a.code)).toContain('household-head-missing');
    expect(death.snapshots.map((s) => s.personId)).toEqual([f.head]);
    // Another change to the headless household still works and still carries the alert.
    const birth = t.run({ kind: 'birth', occurredOn: '2026-03-12', householdId: f.householdId, parentPersonIds: [f.wife], person: newPerson(8, '子', '2026-03-12') });
    expect(birth.alerts.map((a) => a.code)).toContain('household-head-missing');
    const head = t.run({ kind: 'head-change', occurredOn: '2026-03-15', householdId: f.householdId, newHeadPersonId: f.wife, relationships: Object.fromEntries(birth.snapshots.map((s) => [s.personId, '子']).concat([[f.child, '子']])) });
    expect(head.alerts.map((a) => a.code)).not.toContain('household-head-missing');
    expect(head.snapshots.find((s) => s.personId === f.wife)!.record.relationship).toBe('世帯主');
  });

  it('sets the one remaining member as head ex officio', () => {
    const t = setup();
    const f = t.family();
    t.run({ kind: 'move-out', occurredOn: '2026-03-10', personIds: [f.child], destination: '東京都' });
    const plan = t.run({ kind: 'death', occurredOn: '2026-03-11', exOfficio: true, personId: f.head });
    expect(plan.alerts.map((a) => a.code)).toContain('head-set-ex-officio');
    expect(plan.snapshots.find((s) => s.personId === f.wife)!.record.relationship).toBe('世帯主');
  });

  // issue #9: one member moving alone to a new address within the city failed with household-head-required.
  it('makes a member who moves alone (転居) the head of their new household', () => {
    const t = setup();
    const f = t.family();
    const plan = t.run({ kind: 'move-within', occurredOn: '2026-03-10', personIds: [f.child], address: { townName: '広丘吉田', banchi: '9番地' } });
    expect(plan.newHouseholds).toHaveLength(1);
    expect(plan.snapshots.find((s) => s.personId === f.child)!.record).toMatchObject({ relationship: '世帯主', householdId: plan.newHouseholds[0]!.householdId });
    expect(plan.alerts.map((a) => a.code)).not.toContain('household-head-missing');
    // Two movers must name the head of their new household; the head moving alone leaves the others headless.
    const t2 = setup();
    const f2 = t2.family();
    expect(t2.attempt({ kind: 'move-within', occurredOn: '2026-03-10', personIds: [f2.wife, f2.child], address: { townName: '広丘吉田', banchi: '9番地' } })).toBe('new-household-head-required');
    const alone = t2.run({ kind: 'move-within', occurredOn: '2026-03-10', personIds: [f2.head], address: { townName: '広丘吉田', banchi: '9番地' } });
    expect(alone.alerts.map((a) => a.code)).toContain('household-head-missing');
  });

  it('refuses a child born before its parent', () => {
    const t = setup();
    const f = t.family();
    expect(t.attempt({ kind: 'birth', occurredOn: '2026-03-02', householdId: f.householdId, parentPersonIds: [f.wife], person: newPerson(9, '子', '1970-01-01') })).toBe('birth-before-parent');
  });

  it('re-admits a returning resident by 個人番号 in a new record under the same 宛名番号 (the 除票 stays), and refuses a living duplicate', () => {
    const t = setup();
    const f = t.family();
    const first = f.plan.snapshots.find((s) => s.personId === f.child)!.record.atenaNo;
    t.run({ kind: 'move-out', occurredOn: '2026-03-02', personIds: [f.child], destination: '東京都' });
    const again = t.run({ kind: 'move-in', occurredOn: '2026-03-20', address: { townName: '広丘吉田', banchi: '3番地' }, persons: [newPerson(3, '世帯主', '2010-07-07')] });
    // spec §1.1.5: one 住民票 per period of residence; the 除票 of the first period is not touched.
    expect(again.snapshots.map((s) => s.personId)).not.toContain(f.child);
    expect(again.snapshots[0]!.isNewPerson).toBe(true);
    expect(again.snapshots[0]!.historyNo).toBe(1);
    expect(again.snapshots[0]!.record.atenaNo).toBe(first);
    expect(again.alerts.map((a) => a.code)).toContain('readmitted');
    expect(t.attempt({ kind: 'move-in', occurredOn: '2026-03-21', address: { townName: '広丘吉田', banchi: '3番地' }, persons: [newPerson(1, '世帯主', '1980-05-05')] })).toBe('duplicate-resident');
  });

  it('validates 個人番号, 続柄, 町字 and foreign-resident items', () => {
    const t = setup();
    const base = { kind: 'move-in', occurredOn: '2026-03-01', address: { townName: '広丘野村', banchi: '1番地' } };
    expect(t.attempt({ ...base, persons: [newPerson(1, '世帯主', '1980-01-01', { myNumber: '123456789017' })] })).toBe('invalid-my-number');
    expect(t.attempt({ ...base, persons: [newPerson(1, '世帯主', '1980-01-01'), newPerson(2, '孫', '2010-01-01')] })).toBe('invalid-relationship');
    expect(t.attempt({ ...base, address: { townName: '霞が関', banchi: '1' }, persons: [newPerson(1, '世帯主', '1980-01-01')] })).toBe('unknown-town');
    expect(t.attempt({ ...base, address: { townName: '霞が関', banchi: '1', unlisted: true }, persons: [newPerson(1, '世帯主', '1980-01-01')] })).toBe('ok');
    expect(t.attempt({ ...base, persons: [newPerson(1, '世帯主', '1990-01-01', { residentKind: 'foreign', romanName: 'NGUYEN VAN AN', foreign: { nationality: 'ベトナム', category: '中長期在留者' } })] })).toBe('foreign-items-required');
    expect(t.attempt({ ...base, persons: [newPerson(1, '世帯主', '1990-01-01', { residentKind: 'foreign', romanName: 'NGUYEN VAN AN',
      foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技能実習', residencePeriod: '1年', residenceExpiry: '2027-01-01', residenceCardNo: 'AB12345678CD' } })] })).toBe('ok');
    expect(t.attempt({ ...base, persons: [newPerson(1, '世帯主', '1980-01-01', { familyName: '（株）山田' })] })).toBe('forbidden-name-symbol');
    expect(t.attempt({ ...base, persons: [newPerson(1, '世帯主', '1980-01-01', { honseki: undefined })] })).toBe('honseki-required');
  });

  // issue #9: 令和7年2月29日 and 昭和64年1月8日 were stored as birth dates of new residents.
  it('accepts vague birth dates, refuses non-calendar ones on entry and keeps them only in a correction', () => {
    const t = setup();
    const plan = t.run({ kind: 'move-in', occurredOn: '2026-03-01', address: { townName: '広丘野村', banchi: '1番地' },
      persons: [newPerson(11, '世帯主', '昭和40年頃'), newPerson(12, '妻', '年月日不詳')] });
    expect(plan.snapshots.map((s) => s.record.birthDate)).toEqual([{ sortKey: '1965-01-01', precision: 'year', text: '昭和40年頃' }, { sortKey: '0000-01-01', precision: 'unknown', text: '年月日不詳' }]);
    for (const bad of ['令和7年2月29日', '昭和64年1月8日', '平成31年5月1日', '1800-01-01']) {
      expect(t.attempt({ kind: 'move-in', occurredOn: '2026-03-01', address: { townName: '広丘野村', banchi: '2番地' }, persons: [newPerson(5, '世帯主', bad)] }), bad).toBe('invalid-date');
    }
    const f = t.family();
    expect(t.attempt({ kind: 'birth', occurredOn: '2026-03-02', householdId: f.householdId, parentPersonIds: [f.wife], person: newPerson(9, '子', '令和7年2月29日') })).toBe('invalid-date');
    const fix = t.run({ kind: 'clerical-correction', occurredOn: '2026-03-05', personId: f.wife, patch: { birthDate: '平成3年2月29日' } });
    expect(fix.snapshots[0]!.record.birthDate).toEqual({ sortKey: '1991-02-29', precision: 'day' });
    expect(fix.alerts.map((a) => a.code)).toContain('non-calendar-date');
  });

  // issue #9: only the 異動日 of 出生・死亡・失踪 may be vague; date order checks.
  it('accepts a vague 異動日 only for 出生・死亡・失踪 and checks the order of the dates', () => {
    const t = setup();
    const f = t.family();
    const death = t.run({ kind: 'death', occurredOn: '推定令和8年3月', exOfficio: true, personId: f.child });
    expect(death.occurredOn).toBe('2026-03-01');
    expect(death.snapshots[0]!.record).toMatchObject({ removedOn: '2026-03-01', removedOnText: '推定令和8年3月', removalReason: '死亡' });
    expect(t.attempt({ kind: 'move-within', occurredOn: '令和8年3月頃', personIds: [f.head, f.wife], address: { townName: '広丘吉田', banchi: '2番地' } })).toBe('invalid-date');
    // 届出日 before the event; birth after the 異動日; a 転出 far ahead needs confirmation.
    expect(t.attempt({ kind: 'move-within', occurredOn: '2026-03-20', notifiedOn: '2026-03-19', personIds: [f.head, f.wife], address: { townName: '広丘吉田', banchi: '2番地' } })).toBe('notification-before-change');
    expect(t.attempt({ kind: 'move-in', occurredOn: '2026-03-01', address: { townName: '広丘野村', banchi: '5番地' }, persons: [newPerson(6, '世帯主', '2026-03-15')] })).toBe('birth-after-change-date');
    expect(t.attempt({ kind: 'move-out', occurredOn: addDays(TODAY, 60), personIds: [f.head, f.wife], destination: '東京都' })).toBe('move-out-date-confirm');
    expect(t.attempt({ kind: 'move-out', occurredOn: addDays(TODAY, 60), confirmPlannedDate: true, personIds: [f.head, f.wife], destination: '東京都' })).toBe('ok');
    expect(t.attempt({ kind: 'move-out', occurredOn: addDays(TODAY, 14), notifiedOn: TODAY, personIds: [f.head, f.wife], destination: '東京都' })).toBe('ok');
  });

  // issue #9: フリガナ in hiragana and Latin letters were stored and printed.
  it('converts hiragana and half-width kana readings to katakana and refuses Latin and kanji, naming the field', () => {
    const t = setup();
    const plan = t.run({ kind: 'move-in', occurredOn: '2026-03-01', address: { townName: '広丘野村', banchi: '1番地' },
      persons: [{ ...newPerson(1, '世帯主', '1980-05-05'), familyNameKana: 'しおじり', givenNameKana: 'ﾀﾞｲｽｹ', myNumber: undefined, residentCode: undefined }] });
    expect(plan.snapshots[0]!.record).toMatchObject({ familyNameKana: 'シオジリ', givenNameKana: 'ダイスケ' });
    const err = (person: Record<string, unknown>) => { try { t.run({ kind: 'move-in', occurredOn: '2026-03-01', address: { townName: '広丘野村', banchi: '3番地' }, persons: [{ ...newPerson(7, '世帯主', '1980-05-05'), ...person }] }); return undefined; } catch (e) { return e as RegistryRuleError; } };
    expect(err({ familyNameKana: 'Shiojiri' })).toMatchObject({ code: 'invalid-reading', title: expect.stringMatching(/^氏のフリガナはカタカナで/) });
    expect(err({ givenNameKana: '大輔' })).toMatchObject({ code: 'invalid-reading', title: expect.stringMatching(/^名のフリガナ/) });
  });

  // issue #9: 個人番号 refused full-width digits while dates accepted them.
  it('accepts full-width digits in 個人番号 and 住民票コード', () => {
    const t = setup();
    const p = newPerson(1, '世帯主', '1980-05-05');
    const wide = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const plan = t.run({ kind: 'move-in', occurredOn: '2026-03-01', address: { townName: '広丘野村', banchi: '1番地' },
      persons: [{ ...p, myNumber: wide(p.myNumber!), residentCode: p.residentCode ? wide(p.residentCode) : undefined }] });
    expect(plan.myNumbers[0]!.myNumber).toBe(p.myNumber);
  });

  it('detects a stale household version (two clerks on one household)', () => {
    const t = setup();
    const f = t.family();
    const stale = t.m.view().versions;
    t.run({ kind: 'move-within', occurredOn: '2026-03-05', personIds: [f.head, f.wife, f.child], address: { townName: '広丘吉田', banchi: '2番地' } });
    expect(t.attempt({ kind: 'head-change', occurredOn: '2026-03-06', householdId: f.householdId, newHeadPersonId: f.wife, relationships: { [f.head]: '夫', [f.child]: '子' }, expectedVersions: stale })).toBe('household-version-conflict');
  });

  it('cancels the latest change by restoring the previous snapshots, and an older one item by item unless a later change altered its items', () => {
    const t = setup();
    const f = t.family();
    t.run({ kind: 'move-within', occurredOn: '2026-03-05', personIds: [f.head, f.wife, f.child], address: { townName: '広丘吉田', banchi: '2番地' } });
    const moveId = t.m.changes.at(-1)!.changeId;
    t.run({ kind: 'cancellation', occurredOn: '2026-03-06', exOfficio: true, changeId: moveId });
    expect(t.m.history.get(f.head)!.at(-1)!.record.address.townName).toBe('大字広丘野村');
    expect(t.m.history.get(f.head)!.length).toBe(3);
    // Issue #13 (spec §4.6): an older change can be cancelled; its items go back unless a later change altered them.
    t.run({ kind: 'move-within', occurredOn: '2026-03-07', personIds: [f.head, f.wife, f.child], address: { townName: '広丘吉田', banchi: '3番地' } });
    const second = t.m.changes.at(-1)!.changeId;
    t.run({ kind: 'old-surname', occurredOn: '2026-03-08', personId: f.wife, action: 'enter', oldSurname: '佐藤' });
    const surname = t.m.changes.at(-1)!.changeId;
    t.run({ kind: 'cancellation', occurredOn: '2026-03-09', exOfficio: true, changeId: second });
    expect(t.m.history.get(f.wife)!.at(-1)!.record).toMatchObject({ oldSurname: '佐藤', address: { banchi: '1番地' } });
    t.run({ kind: 'move-within', occurredOn: '2026-03-10', personIds: [f.head, f.wife, f.child], address: { townName: '広丘吉田', banchi: '4番地' } });
    expect(t.attempt({ kind: 'cancellation', occurredOn: '2026-03-11', exOfficio: true, changeId: moveId })).toBe('cancellation-conflict');
    t.run({ kind: 'cancellation', occurredOn: '2026-03-11', exOfficio: true, changeId: surname });
    expect(t.m.history.get(f.wife)!.at(-1)!.record.oldSurname).toBeUndefined();
  });

  it('keeps the invariants over random sequences of changes; refused changes change nothing', () => {
    const step = fc.record({ k: fc.nat(1000), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000), bad: fc.nat(1000) });
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
      const m = createModel('202151', TODAY);
      let day = '2020-01-01';
      steps.forEach((s, i) => {
        day = addDays(day, 1 + (s.c % 20));
        const before = JSON.stringify(m.view());
        const input = generateChange(m.view(), s, day, i + 1);
        let plan;
        try {
          plan = planChange(input, m.world(input), m.ctx);
        } catch (e) {
          if (!(e instanceof RegistryRuleError)) throw e;
          expect(JSON.stringify(m.view())).toBe(before);
          return;
        }
        m.apply(plan);
        expect(invariantViolations(m.view().persons)).toEqual([]);
      });
    }), { numRuns: 1000 });
  });
});
