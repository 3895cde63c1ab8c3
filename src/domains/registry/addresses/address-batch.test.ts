import { describe, expect, it } from 'vitest';
import { lotNumber, matchAddressBatch, type BatchHousehold } from './address-batch.ts';
import { RegistryRuleError } from '../registry-errors.ts';
import { demoTowns } from './demo-address-data.ts';
import type { Address } from '../registry-model.ts';

const M = demoTowns('202151');
const addr = (townName: string, banchi: string, katagaki = ''): Address => ({ townCode: null, townName, banchi, katagaki, check: 'listed' });
let n = 0;
const hh = (a: Address, extra: Partial<BatchHousehold> = {}): BatchHousehold =>
  ({ householdId: `h${++n}`, householdNo: String(n).padStart(10, '0'), version: 1, pendingChangeId: null, address: a, personIds: [`p${n}`], ...extra });

describe('matchAddressBatch', () => {
  it('reads the lot number of a 番地', () => {
    expect(lotNumber('1234番地5')).toBe(1234);
    expect(lotNumber('１２番地')).toBe(12);
    expect(lotNumber('番外地')).toBeNull();
  });

  it('maps a 番地 range of a 町字 to the new 町字, keeping 番地 and 方書 unless a new 番地 is given', () => {
    const a = hh(addr('大字広丘野村', '120番地', 'コーポ101'));
    const b = hh(addr('広丘野村', '250番地3'));
    const c = hh(addr('大字広丘野村', '999番地'));
    const d = hh(addr('大字広丘吉田', '120番地'));
    const r = matchAddressBatch(M, [
      { from: { townName: '広丘野村', banchiFrom: 100, banchiTo: 299 }, to: { townName: '広丘吉田' } },
      { from: { townName: '広丘野村', banchi: '999番地' }, to: { townName: '広丘吉田', banchi: '1番1号' } },
    ], [a, b, c, d]);
    expect(r.conflicts).toEqual([]);
    expect(r.unusedRules).toEqual([]);
    expect(r.items.map((i) => [i.householdId, i.ruleIndex, i.to.townName, i.to.banchi, i.to.katagaki])).toEqual([
      [a.householdId, 0, '広丘吉田', '120番地', 'コーポ101'], [b.householdId, 0, '広丘吉田', '250番地3', ''], [c.householdId, 1, '広丘吉田', '1番1号', ''],
    ]);
  });

  it('skips households matched twice, reserved by a 仮登録 or changed since the trial, and reports unused rules', () => {
    const a = hh(addr('大字広丘野村', '150番地'));
    const b = hh(addr('大字広丘野村', '10番地'), { pendingChangeId: 'c1' });
    const c = hh(addr('大字広丘野村', '20番地'), { version: 5 });
    const r = matchAddressBatch(M, [
      { from: { townName: '広丘野村' }, to: { townName: '広丘吉田' } },
      { from: { townName: '広丘野村', banchiFrom: 100, banchiTo: 199 }, to: { townName: '広丘原新田' } },
      { from: { townName: '広丘堅石' }, to: { townName: '広丘吉田' } },
    ], [a, b, c], { [c.householdId]: 4 });
    expect(r.items).toEqual([]);
    expect(r.conflicts).toEqual([{ householdId: a.householdId, code: 'ambiguous-rule' }, { householdId: b.householdId, code: 'provisional-change-pending' },
      { householdId: c.householdId, code: 'household-version-conflict' }]);
    expect(r.unusedRules).toEqual([2]);
  });

  it('refuses an invalid table', () => {
    for (const rule of [{ from: {}, to: { townName: 'x' } }, { from: { townName: 'x' }, to: {} }, { from: { townName: 'x', banchiFrom: 5 }, to: { townName: 'y' } },
      { from: { townName: 'x', banchiFrom: 5, banchiTo: 4 }, to: { townName: 'y' } }]) {
      expect(() => matchAddressBatch(M, [rule], [])).toThrow(RegistryRuleError);
    }
  });
});
