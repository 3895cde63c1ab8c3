// SPDX-License-Identifier: EUPL-1.2
/**
 * SQL of the CSV import and export: the import checkpoint (registry.import_job), the key staging table that
 * finds duplicates without holding the file's keys in memory, and the ordered, paged export. No rules.
 */
import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** Keys of one CSV row, staged to find duplicates (within the file, and against the registry with --append). */
export interface StagedKeys { line: number; atenaNo: string; householdNo: string; residentCode: string | null; myNumberIndex: string | null; cardNo: string | null }

/** Creates the repository. */
export function createRegistryCsvRepository() {
  return {
    hasPersons: async (trx: TenantTx) => !!(await trx.selectFrom('registry.person').select('personId').where('municipalityCode', '=', TENANT).limit(1).executeTakeFirst()),

    findJob: (trx: TenantTx, sha256: string) => trx.selectFrom('registry.importJob').selectAll().where('municipalityCode', '=', TENANT).where('fileSha256', '=', sha256).executeTakeFirst(),

    insertJob: (trx: TenantTx, m: string, j: { jobId: string; fileSha256: string; fileName: string; rowsTotal: number; append: boolean; operatorId: string }) =>
      trx.insertInto('registry.importJob').values({ municipalityCode: m, ...j }).execute(),

    /** Records a committed batch (in the batch's transaction). */
    advanceJob: (trx: TenantTx, jobId: string, rowsDone: number, done: boolean) =>
      trx.updateTable('registry.importJob').set({
        rowsDone, batchesDone: sql`batches_done + 1`, updatedAt: sql`now()`, ...(done ? { status: 'done', finishedAt: sql`now()` } : {}),
      }).where('municipalityCode', '=', TENANT).where('jobId', '=', jobId).execute(),

    finishJob: (trx: TenantTx, jobId: string) =>
      trx.updateTable('registry.importJob').set({ status: 'done', finishedAt: sql`now()`, updatedAt: sql`now()` }).where('municipalityCode', '=', TENANT).where('jobId', '=', jobId).execute(),

    /** A transaction-local table for the keys of the file being validated. */
    createKeyStage: (trx: TenantTx) => sql`CREATE TEMP TABLE csv_keys (line integer, atena_no text, household_no text, resident_code text, my_number_index text, card_no text) ON COMMIT DROP`.execute(trx),

    stageKeys: (trx: TenantTx, rows: StagedKeys[]) => rows.length === 0 ? Promise.resolve() :
      sql`INSERT INTO csv_keys SELECT line, atena_no, household_no, resident_code, my_number_index, card_no FROM jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({
        line: r.line, atena_no: r.atenaNo, household_no: r.householdNo, resident_code: r.residentCode, my_number_index: r.myNumberIndex, card_no: r.cardNo })))}::jsonb)
        AS x(line integer, atena_no text, household_no text, resident_code text, my_number_index text, card_no text)`.execute(trx).then(() => undefined),

    /** Rows whose key repeats an earlier row of the file: [line, column]. */
    duplicatesInFile: async (trx: TenantTx) => (await sql<{ line: number; col: string }>`
      SELECT line, col FROM (
        SELECT line, '宛名番号' AS col, row_number() OVER (PARTITION BY atena_no ORDER BY line) AS n FROM csv_keys
        UNION ALL SELECT line, '住民票コード', row_number() OVER (PARTITION BY resident_code ORDER BY line) FROM csv_keys WHERE resident_code IS NOT NULL
        UNION ALL SELECT line, '個人番号', row_number() OVER (PARTITION BY my_number_index ORDER BY line) FROM csv_keys WHERE my_number_index IS NOT NULL
        UNION ALL SELECT line, '在留カード等番号', row_number() OVER (PARTITION BY card_no ORDER BY line) FROM csv_keys WHERE card_no IS NOT NULL
      ) d WHERE n > 1 ORDER BY line`.execute(trx)).rows,

    /** Rows whose key is already in the registry (for --append): [line, column]. */
    duplicatesInRegistry: async (trx: TenantTx) => (await sql<{ line: number; col: string }>`
      SELECT k.line, '宛名番号' AS col FROM csv_keys k JOIN registry.person p ON p.municipality_code = ${TENANT} AND p.atena_no = k.atena_no
      UNION ALL SELECT k.line, '世帯番号' FROM csv_keys k JOIN registry.household h ON h.municipality_code = ${TENANT} AND h.household_no = k.household_no
      UNION ALL SELECT k.line, '住民票コード' FROM csv_keys k JOIN registry.person_current c ON c.municipality_code = ${TENANT} AND c.resident_code = k.resident_code
      UNION ALL SELECT k.line, '個人番号' FROM csv_keys k JOIN registry.person_current c ON c.municipality_code = ${TENANT} AND c.my_number_index = k.my_number_index
      UNION ALL SELECT k.line, '在留カード等番号' FROM csv_keys k JOIN registry.person_current c ON c.municipality_code = ${TENANT} AND c.residence_card_no = k.card_no
      ORDER BY 1`.execute(trx)).rows,

    /**
     * Orders the persons to export in a transaction-local table: the latest final snapshot (as of a date, or
     * the current one), living persons (not removed by that date) and, if asked, 除票.
     */
    createExportOrder: async (trx: TenantTx, o: { asOf?: string; today: string; includeRemoved: boolean }) => {
      const on = o.asOf ?? o.today;
      const living = o.includeRemoved ? sql`true` : sql`(removed_on IS NULL OR removed_on > ${on})`;
      if (o.asOf) {
        await sql`CREATE TEMP TABLE csv_export ON COMMIT DROP AS
          SELECT person_id, history_no, household_no, member_order, atena_no FROM (
            SELECT DISTINCT ON (s.person_id) s.person_id, s.history_no, s.record->>'householdNo' AS household_no, s.member_order, s.record->>'atenaNo' AS atena_no, s.removed_on
            FROM registry.person_snapshot s JOIN registry.change ch ON ch.municipality_code = s.municipality_code AND ch.change_id = s.change_id
            WHERE s.municipality_code = ${TENANT} AND ch.status = 'final' AND s.effective_on <= ${o.asOf}
            ORDER BY s.person_id, s.history_no DESC) x WHERE ${living}`.execute(trx);
      } else {
        await sql`CREATE TEMP TABLE csv_export ON COMMIT DROP AS
          SELECT person_id, history_no, record->>'householdNo' AS household_no, member_order, record->>'atenaNo' AS atena_no
          FROM registry.person_current WHERE municipality_code = ${TENANT} AND ${living}`.execute(trx);
      }
      await sql`CREATE INDEX ON csv_export (household_no, member_order, atena_no)`.execute(trx);
      return Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM csv_export`.execute(trx)).rows[0]?.n ?? 0);
    },

    /** The next page of the export in (世帯番号, 記載順位, 宛名番号) order, with the snapshot's record. */
    exportPage: async (trx: TenantTx, after: { householdNo: string; memberOrder: number; atenaNo: string } | null, limit: number) => (await sql<{ householdNo: string; memberOrder: number; atenaNo: string; personId: string; record: unknown }>`
      SELECT e.household_no, e.member_order, e.atena_no, e.person_id, s.record FROM csv_export e
      JOIN registry.person_snapshot s ON s.municipality_code = ${TENANT} AND s.person_id = e.person_id AND s.history_no = e.history_no
      WHERE ${after ? sql`(e.household_no, e.member_order, e.atena_no) > (${after.householdNo}, ${after.memberOrder}, ${after.atenaNo})` : sql`true`}
      ORDER BY e.household_no, e.member_order, e.atena_no LIMIT ${limit}`.execute(trx)).rows,

    vaultMany: async (trx: TenantTx, indexes: string[]) => indexes.length === 0 ? [] :
      trx.selectFrom('registry.myNumberVault').select(['myNumberIndex', 'keyId', 'ciphertext']).where('municipalityCode', '=', TENANT).where('myNumberIndex', 'in', indexes).execute(),
  };
}

export type RegistryCsvRepository = ReturnType<typeof createRegistryCsvRepository>;
