// SPDX-License-Identifier: EUPL-1.2
/** SQL of online procedures. No rules: the service decides, this file reads and writes. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/types.ts';
import { tables, type ProceduresApplication } from './procedures.tables.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

export type ApplicationRow = Selectable<ProceduresApplication>;

/** One member of the resident's household as procedures.resident_household returns it (the address only for the resident). */
export interface HouseholdRow {
  personId: string; atenaNo: string; isSelf: boolean; familyName: string; givenName: string; familyNameKana: string; givenNameKana: string;
  birthSort: string; birthPrecision: string; birthText: string | null; memberOrder: number; townName: string | null; banchi: string | null; katagaki: string | null;
}

/** One case of the resident's applications as procedures.resident_cases returns it. */
export interface ResidentCaseRow {
  applicationId: string; caseNo: string; statusCode: string; resultCode: string | null; receivedOn: string; legalDueOn: string | null;
  targetDueOn: string | null; suspended: boolean; closedAt: Date | null;
  corrections: unknown; decision: unknown; daycare: unknown;
}
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

    insertApplication: (trx: TenantTx, m: string, row: Omit<ApplicationRow, 'municipalityCode' | 'data' | 'caseId' | 'caseNo' | 'submittedAt' | 'status' | 'submission'> & { data: unknown }) =>
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

    /** Submitted: into the inbox with its case submission (the case is opened by `linkCase`, here or on the LGWAN side). */
    markReceived: (trx: TenantTx, applicationId: string, v: { submission: unknown; assurance: string; now: Date }) =>
      tables(trx).updateTable('procedures.application').set({ status: 'submitted', submission: json(v.submission), assurance: v.assurance, submittedAt: v.now, updatedAt: v.now })
        .where('municipalityCode', '=', TENANT).where('applicationId', '=', applicationId).where('status', '=', 'draft').execute(),

    /** The case opened for a submitted application; the inbox copy of the submission is dropped. */
    linkCase: (trx: TenantTx, applicationId: string, v: { caseId: string; caseNo: string; now: Date }) =>
      tables(trx).updateTable('procedures.application').set({ caseId: v.caseId, caseNo: v.caseNo, submission: null, updatedAt: v.now })
        .where('municipalityCode', '=', TENANT).where('applicationId', '=', applicationId).where('status', '=', 'submitted').where('caseId', 'is', null).executeTakeFirst(),

    /** Submitted applications without a case, oldest first, locked (skipping those another worker holds). */
    inbox: (trx: TenantTx, max: number) =>
      tables(trx).selectFrom('procedures.application').select(['applicationId', 'residentId', 'submission', 'submittedAt'])
        .where('municipalityCode', '=', TENANT).where('status', '=', 'submitted').where('caseId', 'is', null)
        .orderBy('submittedAt').limit(max).forUpdate().skipLocked().execute(),

    /** An inbox application the intake could not open a case for: counted, with the latest refusal (migration 0024). */
    recordIntakeRefusal: (trx: TenantTx, m: string, applicationId: string, v: { code: string; title: string; detail: string; now: Date }) =>
      tables(trx).insertInto('procedures.intakeRefusal').values({ municipalityCode: m, applicationId, code: v.code, title: v.title, detail: v.detail, firstAt: v.now, lastAt: v.now })
        .onConflict((oc) => oc.columns(['municipalityCode', 'applicationId']).doUpdateSet((eb) => ({
          code: eb.ref('excluded.code'), title: eb.ref('excluded.title'), detail: eb.ref('excluded.detail'), lastAt: eb.ref('excluded.lastAt'), attempts: sql<number>`procedures.intake_refusal.attempts + 1` })))
        .execute(),

    /** Once a case is opened the refusal is history: dropped. */
    clearIntakeRefusal: (trx: TenantTx, applicationId: string) =>
      tables(trx).deleteFrom('procedures.intakeRefusal').where('municipalityCode', '=', TENANT).where('applicationId', '=', applicationId).execute(),

    /** Applications still waiting in the inbox after a refusal, oldest first (staff's list). */
    intakeRefusals: (trx: TenantTx) =>
      tables(trx).selectFrom('procedures.intakeRefusal as r')
        .innerJoin('procedures.application as a', (j) => j.onRef('a.municipalityCode', '=', 'r.municipalityCode').onRef('a.applicationId', '=', 'r.applicationId'))
        .select(['r.applicationId', 'a.procedureCode', 'a.submittedAt', 'r.code', 'r.title', 'r.detail', 'r.attempts', 'r.firstAt', 'r.lastAt'])
        .where('r.municipalityCode', '=', TENANT).where('a.caseId', 'is', null).orderBy('a.submittedAt').execute(),

    /** 補正 answered on the internet side and not yet recorded on the case, locked like the inbox. */
    pendingAnswers: (trx: TenantTx, max: number) =>
      tables(trx).selectFrom('procedures.correctionAnswer as x')
        .innerJoin('procedures.application as a', (j) => j.onRef('a.municipalityCode', '=', 'x.municipalityCode').onRef('a.applicationId', '=', 'x.applicationId'))
        .select(['x.correctionId', 'x.applicationId', 'x.message', 'a.residentId', 'a.caseId'])
        .where('x.municipalityCode', '=', TENANT).where('x.processedAt', 'is', null).orderBy('x.answeredAt').limit(max).forUpdate('x').skipLocked().execute(),

    insertAnswer: (trx: TenantTx, m: string, row: { correctionId: string; applicationId: string; message: string; answeredAt: Date }) =>
      tables(trx).insertInto('procedures.correctionAnswer').values({ ...row, municipalityCode: m })
        .onConflict((oc) => oc.columns(['municipalityCode', 'correctionId']).doNothing()).executeTakeFirst(),

    markAnswer: (trx: TenantTx, correctionId: string, outcome: string, now: Date) =>
      tables(trx).updateTable('procedures.correctionAnswer').set({ outcome, processedAt: now }).where('municipalityCode', '=', TENANT).where('correctionId', '=', correctionId).execute(),

    /** Online 保育所等利用申込 whose case entered a round, with the notice the portal shows now (if any). */
    daycareApplications: (trx: TenantTx) =>
      sql<{ applicationId: string; caseNo: string; roundId: string }>`
        SELECT a.application_id AS "applicationId", a.case_no AS "caseNo", d.effect->>'roundId' AS "roundId"
        FROM procedures.application a
        JOIN cases.decision d ON d.municipality_code = a.municipality_code AND d.case_id = a.case_id
        LEFT JOIN procedures.daycare_notice n ON n.municipality_code = a.municipality_code AND n.application_id = a.application_id AND n.lang = 'ja'
        WHERE a.municipality_code = ${TENANT} AND d.outcome = 'approved' AND d.effect->>'kind' = 'daycare-application' AND d.effect->>'roundId' IS NOT NULL
          AND (n.result IS NULL OR n.result->>'state' = 'pending')`.execute(trx).then((r) => r.rows),

    putDaycareNotice: (trx: TenantTx, m: string, applicationId: string, lang: 'ja' | 'en', result: unknown, now: Date) =>
      tables(trx).insertInto('procedures.daycareNotice').values({ municipalityCode: m, applicationId, lang, result: json(result), updatedAt: now })
        .onConflict((oc) => oc.columns(['municipalityCode', 'applicationId', 'lang']).doUpdateSet({ result: json(result), updatedAt: now })).execute(),

    /** Municipalities with inbox work (the owner's handle: across municipalities, keys only). */
    municipalitiesWithIntake: async (owner: Kysely<DB>) => (await sql<{ m: string }>`
      SELECT municipality_code AS m FROM procedures.application WHERE status = 'submitted' AND case_id IS NULL
      UNION SELECT municipality_code FROM procedures.correction_answer WHERE processed_at IS NULL
      UNION SELECT a.municipality_code FROM procedures.application a JOIN cases.decision d ON d.municipality_code = a.municipality_code AND d.case_id = a.case_id
        WHERE d.effect->>'kind' = 'daycare-application' AND NOT EXISTS (SELECT 1 FROM procedures.daycare_notice n
          WHERE n.municipality_code = a.municipality_code AND n.application_id = a.application_id AND n.lang = 'ja' AND coalesce(n.result->>'state', '') <> 'pending')
      ORDER BY 1`.execute(owner)).rows.map((r) => r.m.trim()),

    /** The signed-in resident's household as the registry shows it to their form (procedures.resident_household, keyed by the live session). */
    residentHousehold: (trx: TenantTx, sessionTokenHash: string) =>
      sql<HouseholdRow>`SELECT person_id AS "personId", atena_no AS "atenaNo", is_self AS "isSelf", family_name AS "familyName", given_name AS "givenName",
        family_name_kana AS "familyNameKana", given_name_kana AS "givenNameKana", birth_sort AS "birthSort", birth_precision AS "birthPrecision", birth_text AS "birthText",
        member_order AS "memberOrder", town_name AS "townName", banchi, katagaki
        FROM procedures.resident_household(${sessionTokenHash})`.execute(trx).then((r) => r.rows),

    /** The cases of the signed-in resident's applications as 申請状況 shows them (procedures.resident_cases, keyed by the live session). */
    residentCases: (trx: TenantTx, sessionTokenHash: string, lang: 'ja' | 'en') =>
      sql<ResidentCaseRow>`SELECT application_id AS "applicationId", case_no AS "caseNo", status_code AS "statusCode", result_code AS "resultCode",
        received_on AS "receivedOn", legal_due_on AS "legalDueOn", target_due_on AS "targetDueOn", suspended, closed_at AS "closedAt", corrections, decision, daycare
        FROM procedures.resident_cases(${sessionTokenHash}, ${lang})`.execute(trx).then((r) => r.rows),

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

    /** Facilities of the newest open daycare round (the choices of a 保育所等利用申込; procedures.open_round_facilities, names only). */
    async openRoundFacilities(trx: TenantTx) {
      const rows = (await sql<{ roundId: string; facilityId: string | null; name: string | null }>`
        SELECT round_id AS "roundId", facility_id AS "facilityId", name FROM procedures.open_round_facilities()`.execute(trx)).rows;
      return { roundId: rows[0]?.roundId ?? null, facilities: rows.filter((r) => r.facilityId).map((r) => ({ facilityId: r.facilityId!, name: r.name ?? '' })) };
    },
  };
}

export type ProceduresRepository = ReturnType<typeof createProceduresRepository>;
