// Formula injection (issue #15, defect 5): text cells are neutralised reversibly, values are left alone.
import { describe, expect, it } from 'vitest';
import { csvText, csvValue, guardFormula, unguardFormula } from './csv-cell.ts';

describe('csv cells', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '+81', '-2', '@SUM(A1)', '\t=1', '\r=1', "'=1"]) expect(guardFormula(v).startsWith("'"), v).toBe(true);
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvText('塩尻 太郎')).toBe('塩尻 太郎');
    expect(csvText("O'Brien")).toBe("O'Brien");
  });

  it('leaves numbers, dates and codes as they are', () => {
    expect(csvValue(-3)).toBe('-3');
    expect(csvValue('2026-04-01')).toBe('2026-04-01');
    expect(csvValue(null)).toBe('');
  });

  it('round-trips every value through guard and unguard', () => {
    for (const v of ['=1', "'=1", "''=1", "'", "'a", 'a', '', '-', '@', '\t', "O'Brien"]) expect(unguardFormula(guardFormula(v)), JSON.stringify(v)).toBe(v);
  });
});
