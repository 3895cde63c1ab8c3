// SPDX-License-Identifier: EUPL-1.2
/** SQL of online procedures. No rules: the service decides, this file reads and writes. */
import { sql, type Selectable } from 'kysely';
import { tables, type ProceduresApplication } from './procedures.tables.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

export type ApplicationRow = Selectable<ProceduresApplication>;
const TENANT = sql<string>`platform.current_municipality()::char(6)`;
const json = (v: unknown) => JSON.stringify(v);

/** Creates the procedures repository. */
export function createProceduresRepository() {
  return {
    settings: (trx: TenantTx) => tables(trx).selectFrom('procedures.procedureSetting').selectAll().execute(),

    /** Applications submitted since a moment, per procedure (the staff settings page's counts). */
    submittedSince: (trx: TenantTx, since: Date) =>
      tables(trx).selectFrom('procedures.application').select(['procedureCode', (eb) => eb.fn.countAll<string>().as('n')])
        .where('municipalityCode', '=', TENANT).where('status', '=', 'submitted').where('submittedAt', '>=', since).groupBy('procedureCode').execute(),

    putSetting: (trx: TenantTx, m: string, row: { procedureCode: string; enabled: boolean; feeYen: number | null; noteJa: string; updatedBy: string }) =>
      tables(trx).insertInto('procedures.procedureSetting').values({ municipalityCode: m, ...row })
        .onConflict((oc) => oc.columns(['municipalityCode', 'procedureCode']).doUpdateSet({ enabled: row.enabled, feeYen: row.feeYen, noteJa: row.noteJa, updatedBy: row.updatedBy, updatedAt: sql`now()` }))
        .execute(),

    insertApplication: (trx: TenantTx, m: string, row: Omit<ApplicationRow, 'municipalityCode' | 'data' | 'caseId' | 'caseNo' | 'submittedAt' | 'status'> & { data: unknown }) =>
      tables(trx).insertInto('procedures.application').values({ ...row, municipalityCode: m, data: json(row.data), status: 'draft' }).execute(),

    /** The resident's own application (locked for update when asked). */
    findApplication: (trx: TenantTx, applicationId: string, residentId: string, lock = false) => {
      const q = tables(trx).selectFrom('procedures.application').selectAll()
        .where('municipalityCode', '=', TENANT).where('applicationId', '=', applicationId).where('residentId', '=', residentId);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },

    listApplications: (trx: TenantTx, residentId: string) =>
      tables(trx).selectFrom('procedures.application').selectAll().where('municipalityCode', '=', TENANT).where('residentId', '=', residentId)
        .orderBy('updatedAt', 'desc').limit(200).execute(),

    updateData: (trx: TenantTx, applicationId: string, data: unknown, now: Date) =>
      tables(trx).updateTable('procedures.application').set({ data: json(data), updatedAt: now }).where('municipalityCode', '=', TENANT).where('applicationId', '=', applicationId).execute(),

    markSubmitted: (trx: TenantTx, applicationId: string, v: { caseId: string; caseNo: string; assurance: string; now: Date }) =>
      tables(trx).updateTable('procedures.application').set({ status: 'submitted', caseId: v.caseId, caseNo: v.caseNo, assurance: v.assurance, submittedAt: v.now, updatedAt: v.now })
        .where('municipalityCode', '=', TENANT).where('applicationId', '=', applicationId).where('status', '=', 'draft').execute(),

    deleteDraft: (trx: TenantTx, applicationId: string) =>
      tables(trx).deleteFrom('procedures.application').where('municipalityCode', '=', TENANT).where('applicationId', '=', applicationId).where('status', '=', 'draft').execute(),

    insertAttachment: (trx: TenantTx, m: string, row: { applicationId: string; attachmentId: string; attachmentCode: string; fileName: string; mediaType: string; byteSize: number; sha256: string; content: Buffer; addedAt: Date; virusScan: 'clean' | 'not-configured'; scannedAt: Date | null }) =>
      // The bytes travel as base64 text and are decoded by the database: PGlite encodes a bytea parameter byte by
      // byte (about 1 s for 1 MB), base64 text takes 40 ms (bench/procedures.ts); on a server it costs nothing.
      tables(trx).insertInto('procedures.attachment').values({ ...row, municipalityCode: m, content: sql<Buffer>`decode(${row.content.toString('base64')}, 'base64')` }).execute(),

    /** Attachments of an application, without their bytes. */
    attachments: (trx: TenantTx, applicationId: string) =>
      tables(trx).selectFrom('procedures.attachment').select(['attachmentId', 'attachmentCode', 'fileName', 'mediaType', 'byteSize', 'sha256', 'addedAt'])
        .where('municipalityCode', '=', TENANT).where('applicationId', '=', applicationId).orderBy('addedAt').execute(),

    /** Attachments of the online application that opened a case (staff), without their bytes. */
    attachmentsOfCase: (trx: TenantTx, caseId: string) =>
      tables(trx).selectFrom('procedures.attachment as t')
        .innerJoin('procedures.application as a', (j) => j.onRef('a.municipalityCode', '=', 't.municipalityCode').onRef('a.applicationId', '=', 't.applicationId'))
        .select(['t.attachmentId', 'a.procedureCode', 't.attachmentCode', 't.fileName', 't.mediaType', 't.byteSize', 't.sha256', 't.addedAt', 't.virusScan'])
        .where('a.municipalityCode', '=', TENANT).where('a.caseId', '=', caseId).orderBy('t.addedAt').execute(),

    /** One attachment of the case's online application with its bytes. */
    attachmentOfCase: (trx: TenantTx, caseId: string, attachmentId: string) =>
      tables(trx).selectFrom('procedures.attachment as t')
        .innerJoin('procedures.application as a', (j) => j.onRef('a.municipalityCode', '=', 't.municipalityCode').onRef('a.applicationId', '=', 't.applicationId'))
        .select(['t.attachmentId', 'a.procedureCode', 't.attachmentCode', 't.fileName', 't.mediaType', 't.byteSize', 't.sha256', sql<string>`encode(t.content, 'base64')`.as('base64')])
        .where('a.municipalityCode', '=', TENANT).where('a.caseId', '=', caseId).where('t.attachmentId', '=', attachmentId).executeTakeFirst()
        .then((r) => r && (({ base64, ...rest }) => ({ ...rest, content: Buffer.from(base64, 'base64') }))(r)),

    deleteAttachment: (trx: TenantTx, applicationId: string, attachmentId: string) =>
      tables(trx).deleteFrom('procedures.attachment').where('municipalityCode', '=', TENANT).where('applicationId', '=', applicationId).where('attachmentId', '=', attachmentId).executeTakeFirst(),

    /** Facilities of the newest open daycare round (the choices of a 保育所等利用申込). */
    async openRoundFacilities(trx: TenantTx) {
      const round = await tables(trx).selectFrom('daycare.round').select(['roundId', 'name']).where('municipalityCode', '=', TENANT).where('status', '=', 'open')
        .orderBy('createdAt', 'desc').limit(1).executeTakeFirst();
      if (!round) return { roundId: null, facilities: [] as Array<{ facilityId: string; name: string }> };
      const facilities = await tables(trx).selectFrom('daycare.facility').select(['facilityId', 'name']).where('municipalityCode', '=', TENANT).where('roundId', '=', round.roundId)
        .orderBy('position').execute();
      return { roundId: round.roundId, facilities };
    },
  };
}

export type ProceduresRepository = ReturnType<typeof createProceduresRepository>;
