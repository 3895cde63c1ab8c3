// SPDX-License-Identifier: EUPL-1.2
/**
 * Moving a municipality in and out with the registry CSV layout (docs/registry-csv-layout.md).
 *
 * Import, pass 1: streams the whole file, checks every row (registry-csv-rows.ts) and every household, stages the
 * row keys in a transaction-local table to find duplicates (so memory does not grow with the file), and reports
 * every rejected row. Any rejected row → nothing is written. Pass 2: streams the file again and writes batches that
 * end on a household boundary through the registry's bulk write path (the one the demo seeding uses); each batch
 * commits together with its checkpoint in registry.import_job, so a killed import resumes after the last committed
 * batch and never writes a row twice. Every imported person gets one snapshot under a 職権記載 change per batch
 * (note 「移行」), effective on the person's 住民日.
 */
import crypto from 'node:crypto';
import { createAccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import type { MyNumberCipher } from '../numbers/my-number-cipher.ts';
import type { PersonRecord } from '../registry-model.ts';
import { reasonOf } from '../registry-model.ts';
import { createRegistryRepository, type ChangeRow, type SnapshotRow } from '../registry.repository.ts';
import { createRegistryCsvRepository, type StagedKeys } from './registry-csv.repository.ts';
import { CSV_COLUMNS, CSV_HEADER, CsvFileError, csvRecordLine, headerIndex, readCsvRecords, toRow } from './registry-csv-format.ts';
import { createHouseholdChecker, displayName, parseRow, recordToRow, townIndexOf, type ParsedRow, type RowProblem, type TownIndex } from './registry-csv-rows.ts';
import { currentTowns } from '../addresses/address-master.repository.ts';
import { HEAD } from '../relationship.ts';

/** Why an import was refused as a whole (exit 2 on the command line). */
export class CsvImportRefused extends Error {
  constructor(message: string, readonly code: 'invalid-file' | 'rejected-rows' | 'not-empty' | 'already-imported' | 'interrupted' | 'no-job') { super(message); }
}

/** A re-openable byte source (the file is read twice). */
export type ByteSource = () => AsyncIterable<Buffer>;

export interface ImportProgress { phase: 'validate' | 'import'; rows: number; totalRows?: number; bytes?: number }

export interface ImportOptions {
  fileName?: string;
  append?: boolean;
  resume?: boolean;
  batchSize?: number;
  operatorId?: string;
  /** 利用目的 of the import, for the access log (issue #15). */
  purpose?: string;
  /** Every rejected item, in file order. */
  onProblem?: (p: RowProblem) => void;
  onProgress?: (p: ImportProgress) => void;
  /** Test hook: called after each committed batch (throw to simulate a crash). */
  afterBatch?: (batchesDone: number, rowsDone: number) => void;
}

/** Time-ordered UUIDs (v7 layout): new rows append to the primary-key indexes. */
function uuid7Factory() {
  let last = 0;
  let seq = 0;
  return () => {
    const now = Date.now();
    if (now === last) seq++; else { last = now; seq = 0; }
    const r = crypto.randomBytes(8).toString('hex');
    const ts = now.toString(16).padStart(12, '0');
    const s = (seq & 0xfff).toString(16).padStart(3, '0');
    return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${s}-${'89ab'[parseInt(r[0]!, 16) & 3]}${r.slice(1, 4)}-${r.slice(4, 16)}`;
  };
}

/** Hashes a source and counts its bytes. */
async function sha256Of(source: ByteSource) {
  const h = crypto.createHash('sha256');
  let bytes = 0;
  for await (const c of source()) { h.update(c); bytes += c.length; }
  return { sha256: h.digest('hex'), bytes };
}

/** Yields the file's rows as parsed rows (or problems), checking the header. */
async function* rowsOf(source: ByteSource, towns: TownIndex | null, today: string, onChunk?: (bytes: number, hash: crypto.Hash) => void) {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  async function* tap() {
    for await (const c of source()) { hash.update(c); bytes += c.length; onChunk?.(bytes, hash); yield c; }
  }
  let index: ReturnType<typeof headerIndex>['index'] | undefined;
  const records = readCsvRecords(tap());
  for (;;) {
    let next: IteratorResult<Awaited<ReturnType<typeof records.next>>['value']>;
    try {
      next = await records.next();
    } catch (e) {
      if (e instanceof CsvFileError) throw new CsvImportRefused(e.line ? `${e.line}行目: ${e.message}` : e.message, 'invalid-file');
      throw e;
    }
    if (next.done) break;
    const rec = next.value;
    if (!index) {
      const h = headerIndex(rec.fields);
      if (h.problems.length > 0) throw new CsvImportRefused(`見出し行が正しくありません: ${h.problems.join('、')}`, 'invalid-file');
      index = h.index;
      continue;
    }
    if (rec.fields.length !== index.size) {
      yield { line: rec.line, householdNo: rec.fields[index.get('世帯番号')!] ?? '', problems: [{ line: rec.line, column: '' as const, reason: `列の数が見出し行と異なります（${rec.fields.length}列、見出しは${index.size}列）` }] };
      continue;
    }
    const row = toRow(rec.fields, index);
    const r = parseRow(rec.line, row, towns, today);
    yield { line: rec.line, householdNo: row['世帯番号'], parsed: r.parsed, problems: r.problems };
  }
  if (!index) throw new CsvImportRefused('ファイルが空です（見出し行がありません）', 'invalid-file');
  return { sha256: hash.digest('hex'), bytes };
}

export interface RegistryCsvDeps { db: Database; cipher: MyNumberCipher; clock: Clock }

export interface ExportOptions {
  asOf?: string;
  includeRemoved?: boolean;
  /** Write 個人番号 (特定個人情報) in clear; without it the column is empty. */
  includeMyNumber?: boolean;
  /** 利用目的 and operator, for the access log. */
  purpose?: string;
  operatorId?: string;
  onProgress?: (rows: number, total: number) => void;
}

/** Creates the CSV import/export service. */
export function createRegistryCsvService(deps: RegistryCsvDeps) {
  const { db, cipher, clock } = deps;
  /** The municipality's 町字 master for checking the file's addresses (null when none is loaded); outside a transaction. */
  const townsIndexIn = async (m: string, day: string) => townIndexOf(await withTenant(db, m, (trx) => currentTowns(trx, day)));
  const csvRepo = createRegistryCsvRepository();
  const accessLog = createAccessLogRepository();
  const repo = createRegistryRepository();
  const today = () => new Date(clock.now().getTime() + 9 * 3600_000).toISOString().slice(0, 10);

  /** Pass 1: validates the whole file; returns the row count and SHA-256, or the number of rejected items. */
  async function validate(m: string, source: ByteSource, o: ImportOptions) {
    const day = today();
    return withTenant(db, m, async (trx) => {
      if (!o.append && (await csvRepo.hasPersons(trx))) {
        throw new CsvImportRefused('この自治体には既に住民が登録されています。追加で取り込む場合は --append を付けてください（個人番号・住民票コード等の重複を検査します）', 'not-empty');
      }
      await csvRepo.createKeyStage(trx);
      const problems: RowProblem[] = [];
      let problemCount = 0;
      const flush = (all = false) => {
        problems.sort((a, b) => a.line - b.line);
        // Household problems may point back over a household's rows; keep the last 200 lines for sorting.
        const keepFrom = all ? Infinity : (problems.at(-1)?.line ?? 0) - 200;
        let i = 0;
        while (i < problems.length && problems[i]!.line < keepFrom) { o.onProblem?.(problems[i]!); problemCount++; i++; }
        problems.splice(0, i);
      };
      const report = (ps: RowProblem[]) => { for (const p of ps) { problems.push(p); } };
      const households = createHouseholdChecker();
      let staged: StagedKeys[] = [];
      let rows = 0;
      let rejected = 0;
      const it = rowsOf(source, townIndexOf(await currentTowns(trx, day)), day, (bytes) => { if (rows % 2000 === 0) o.onProgress?.({ phase: 'validate', rows, bytes }); });
      let res = await it.next();
      while (!res.done) {
        const r = res.value;
        rows++;
        if (r.problems.length > 0) rejected++;
        report(r.problems);
        report(households.push(r.householdNo, r.line, r.parsed));
        if (r.parsed) {
          const rec = r.parsed.record;
          staged.push({ line: r.line, atenaNo: rec.atenaNo, householdNo: rec.householdNo, residentCode: rec.residentCode ?? null,
            myNumberIndex: r.parsed.myNumber ? cipher.blindIndex(r.parsed.myNumber) : null, cardNo: rec.foreign?.residenceCardNo ?? null });
          if (staged.length >= 5000) { await csvRepo.stageKeys(trx, staged); staged = []; }
        }
        // Stream problems out in file order, keeping only the unsorted tail in memory.
        if (problems.length > 1000) flush();
        res = await it.next();
      }
      report(households.finish());
      await csvRepo.stageKeys(trx, staged);
      const dups = await csvRepo.duplicatesInFile(trx);
      for (const d of dups) problems.push({ line: d.line, column: d.col as RowProblem['column'], reason: 'ファイル内の前の行と重複しています' });
      if (o.append) {
        for (const d of await csvRepo.duplicatesInRegistry(trx)) problems.push({ line: d.line, column: d.col as RowProblem['column'], reason: '既に登録されている住民・世帯と重複しています' });
      }
      problems.sort((a, b) => a.line - b.line);
      flush(true);
      const total = problemCount;
      o.onProgress?.({ phase: 'validate', rows, bytes: res.value.bytes });
      return { rows, sha256: res.value.sha256, bytes: res.value.bytes, problems: total, rejectedRows: rejected };
    });
  }

  /** Pass 2: writes the rows after `skip` in household-aligned batches, each with its checkpoint. */
  async function load(m: string, source: ByteSource, job: { jobId: string; rowsTotal: number; rowsDone: number; batchesDone: number }, expectSha: string, o: ImportOptions) {
    const day = today();
    const size = o.batchSize ?? 5000;
    const newId = uuid7Factory();
    let seen = 0;
    let done = job.rowsDone;
    let batches = job.batchesDone;
    let batch: ParsedRow[] = [];
    let householdNo: string | undefined;
    // Rows and batches through the last prepared batch (the checkpoint that batch will write).
    let preparedRows = job.rowsDone;
    let preparedBatches = job.batchesDone;
    /** Encodes a batch (no database) and returns the function that writes it with its checkpoint. */
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    const prepare = async (rows: ParsedRow[], last: boolean) => {
      const changeId = newId();
      const households = new Map<string, string>();
      const persons: Array<{ personId: string; atenaNo: string }> = [];
      const snapshots: SnapshotRow[] = [];
      const current: Array<{ personId: string; historyNo: number; record: PersonRecord }> = [];
      const vault: Array<{ myNumberIndex: string; keyId: string; ciphertext: string }> = [];
      for (const r of rows) {
        let householdId = households.get(r.record.householdNo);
        if (!householdId) { householdId = newId(); households.set(r.record.householdNo, householdId); }
        const personId = newId();
        const record: PersonRecord = { ...r.record, householdId };
        if (r.myNumber) {
          record.myNumberIndex = cipher.blindIndex(r.myNumber);
          vault.push({ myNumberIndex: record.myNumberIndex, ...cipher.seal(r.myNumber, record.myNumberIndex) });
        }
        persons.push({ personId, atenaNo: record.atenaNo });
        snapshots.push({ personId, historyNo: 1, changeId, effectiveOn: record.becameResidentOn.sortKey, record });
        current.push({ personId, historyNo: 1, record });
      }
      preparedBatches++;
      preparedRows += rows.length;
      await tick(); // let the in-flight batch progress between the two halves of the encoding
      const change: ChangeRow = {
        changeId, kind: 'ex-officio-entry', reasonCode: reasonOf('ex-officio-entry').code, status: 'final', occurredOn: day, notifiedOn: null, processedOn: day,
        exOfficio: true, notifier: '', operatorId: o.operatorId ?? 'csv-import', cancelsChangeId: null, personIds: persons.map((p) => p.personId),
        householdIds: [...households.values()], alerts: [], note: `移行（CSV取込 ${job.jobId} 第${preparedBatches}バッチ）`, decidedBy: o.operatorId ?? 'csv-import', decidedAt: null,
      };
      const statements = repo.prepareBulkImport(m, {
        households: [...households].map(([no, id]) => ({ householdId: id, householdNo: no })), persons, changes: [change], snapshots, current, vault,
      });
      const rowsDone = preparedRows;
      await tick();
      return async () => {
        await withTenant(db, m, async (trx) => {
          await repo.writeBulkImport(trx, statements);
          // Every imported person is logged against the person (spec §10.2; one entry per person), in the batch's transaction.
          await accessLog.appendMany(trx, m, persons.map((p, i) => ({ actorType: 'operator' as const, actorId: o.operatorId ?? 'csv-import', action: 'registry.import',
            subjectType: 'person', subjectId: p.personId, purpose: o.purpose ?? '住民記録の移行（CSV取込）', myNumberAccessed: !!rows[i]!.myNumber, requestId: 'cli' })));
          await csvRepo.advanceJob(trx, job.jobId, rowsDone, last);
        });
        done = rowsDone;
        batches++;
        o.onProgress?.({ phase: 'import', rows: done, totalRows: job.rowsTotal });
        o.afterBatch?.(batches, done);
      };
    };
    // One batch in flight: while its transaction runs on the server, the next batch is read, parsed and
    // encoded here. Batches still commit one after another, in file order, each with its checkpoint.
    let inFlight: Promise<void> | undefined;
    const submit = async (rows: ParsedRow[], last: boolean) => {
      const commit = await prepare(rows, last);
      if (inFlight) await inFlight;
      const p = commit();
      p.catch(() => { /* awaited before the next batch or at the end */ });
      inFlight = p;
    };
    try {
      const it = rowsOf(source, await townsIndexIn(m, day), day);
      let res = await it.next();
      while (!res.done) {
        const r = res.value;
        seen++;
        if (seen > job.rowsDone) {
          if (!r.parsed) throw new Error(`row ${r.line} no longer validates; the file changed after validation`);
          if (batch.length >= size && r.householdNo !== householdNo) { await submit(batch, false); batch = []; }
          batch.push(r.parsed);
          householdNo = r.householdNo;
          // Parsing runs on microtasks; let the event loop flush the in-flight batch's statements and read
          // its replies now and then, or the server waits on this loop.
          if (inFlight && batch.length % 256 === 0) await tick();
        }
        res = await it.next();
      }
      if (inFlight) await inFlight;
      if (res.value.sha256 !== expectSha) throw new CsvImportRefused('取込中にファイルが変更されました', 'invalid-file');
      if (batch.length > 0) await (await prepare(batch, true))();
      else await withTenant(db, m, (trx) => csvRepo.finishJob(trx, job.jobId));
    } finally {
      // Never leave a batch transaction running behind an error.
      if (inFlight) await inFlight.catch(() => undefined);
    }
    return { rows: done, batches };
  }

  return {
    /**
     * Imports a CSV file into a municipality (all or nothing; resumable). Rejected rows are reported through
     * `onProblem`; then nothing is written and CsvImportRefused('rejected-rows') is thrown.
     */
    async importCsv(m: string, source: ByteSource, o: ImportOptions = {}) {
      const { sha256, bytes } = await sha256Of(source);
      const existing = await withTenant(db, m, (trx) => csvRepo.findJob(trx, sha256));
      if (existing?.status === 'done') throw new CsvImportRefused('このファイルは既に取り込まれています', 'already-imported');
      if (existing && !o.resume) throw new CsvImportRefused(`このファイルの取込が中断されています（${existing.rowsDone}/${existing.rowsTotal} 行）。--resume を付けて再実行すると続きから取り込みます`, 'interrupted');
      let job = existing ? { jobId: existing.jobId, rowsTotal: existing.rowsTotal, rowsDone: existing.rowsDone, batchesDone: existing.batchesDone } : undefined;
      let validated: Awaited<ReturnType<typeof validate>> | undefined;
      if (!job) {
        validated = await validate(m, source, o);
        if (validated.sha256 !== sha256) throw new CsvImportRefused('読み込み中にファイルが変更されました', 'invalid-file');
        if (validated.problems > 0) throw new CsvImportRefused(`${validated.rejectedRows} 行（${validated.problems} 件）に誤りがあるため、何も取り込みませんでした`, 'rejected-rows');
        job = { jobId: crypto.randomUUID(), rowsTotal: validated.rows, rowsDone: 0, batchesDone: 0 };
        const j = job;
        await withTenant(db, m, (trx) => csvRepo.insertJob(trx, m, { jobId: j.jobId, fileSha256: sha256, fileName: o.fileName ?? '', rowsTotal: j.rowsTotal, append: !!o.append, operatorId: o.operatorId ?? 'csv-import' }));
      }
      // A bulk write of personal data (個人番号 included): one batch-access entry per run, with its purpose (issue #15).
      const jobId = job.jobId;
      await withTenant(db, m, (trx) => accessLog.append(trx, m, {
        actorType: 'operator', actorId: o.operatorId ?? 'csv-import', action: 'registry.import', subjectType: 'import-job', subjectId: jobId,
        purpose: o.purpose ?? '住民記録の移行（CSV取込）', myNumberAccessed: true, requestId: 'cli',
      }));
      const t = performance.now();
      const r = await load(m, source, job, sha256, o);
      return { jobId: job.jobId, sha256, bytes, rows: job.rowsTotal, resumedFrom: job.rowsDone, written: r.rows - job.rowsDone, batches: r.batches, loadMs: Math.round(performance.now() - t) };
    },

    /**
     * Writes the registry (now, or as of a date) in the CSV layout, in (世帯番号, 記載順位, 宛名番号) order. 個人番号
     * is decrypted from the vault only with `includeMyNumber` (otherwise the column is empty). Runs in one
     * transaction (a consistent snapshot) that also logs the export as a batch access with its purpose (issue #15).
     */
    async exportCsv(m: string, write: (chunk: string) => Promise<void> | void, o: ExportOptions = {}) {
      return withTenant(db, m, async (trx) => {
        await accessLog.append(trx, m, {
          actorType: 'operator', actorId: o.operatorId ?? 'csv-export', action: 'registry.export', subjectType: 'registry', subjectId: o.asOf ?? '',
          purpose: o.purpose ?? '住民記録の出力（CSV）', myNumberAccessed: !!o.includeMyNumber, requestId: 'cli',
        });
        const total = await csvRepo.createExportOrder(trx, { asOf: o.asOf, today: today(), includeRemoved: !!o.includeRemoved });
        await write(CSV_HEADER);
        let after: { householdNo: string; memberOrder: number; atenaNo: string } | null = null;
        let rows = 0;
        let household: PersonRecord[] = [];
        let householdIds: string[] = [];
        const flushHousehold = async () => {
          if (household.length === 0) return;
          // Every exported person is logged against the person (spec §10.2; one entry per person), as the export itself is.
          await accessLog.appendMany(trx, m, householdIds.map((personId, i) => ({ actorType: 'operator' as const, actorId: o.operatorId ?? 'csv-export', action: 'registry.export',
            subjectType: 'person', subjectId: personId, purpose: o.purpose ?? '住民記録の出力（CSV）', myNumberAccessed: !!o.includeMyNumber && !!household[i]!.myNumberIndex, requestId: 'cli' })));
          const head = household.find((r) => r.relationship === HEAD && !r.removedOn);
          const indexes = o.includeMyNumber ? household.map((r) => r.myNumberIndex).filter((x): x is string => !!x) : [];
          const sealed = new Map((await csvRepo.vaultMany(trx, indexes)).map((v) => [v.myNumberIndex, v]));
          let out = '';
          for (const r of household) {
            const v = o.includeMyNumber && r.myNumberIndex ? sealed.get(r.myNumberIndex) : undefined;
            out += csvRecordLine(recordToRow(r, v ? cipher.open(v, v.myNumberIndex) : undefined, head ? displayName(head) : ''));
          }
          await write(out);
          rows += household.length;
          household = [];
          householdIds = [];
        };
        for (;;) {
          const page = await exportPageWithVault(trx, after);
          if (page.length === 0) break;
          for (const p of page) {
            const rec = p.record as PersonRecord;
            if (household.length > 0 && household[0]!.householdNo !== rec.householdNo) await flushHousehold();
            household.push(rec);
            householdIds.push(p.personId);
          }
          const lastRow = page.at(-1)!;
          after = { householdNo: lastRow.householdNo, memberOrder: lastRow.memberOrder, atenaNo: lastRow.atenaNo };
          o.onProgress?.(rows, total);
        }
        await flushHousehold();
        o.onProgress?.(rows, total);
        return { rows };
      });
    },
    columns: CSV_COLUMNS,
  };

  function exportPageWithVault(trx: Parameters<typeof csvRepo.exportPage>[0], after: Parameters<typeof csvRepo.exportPage>[1]) {
    return csvRepo.exportPage(trx, after, 5000);
  }
}

export type RegistryCsvService = ReturnType<typeof createRegistryCsvService>;
export { CsvFileError };
