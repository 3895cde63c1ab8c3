// SPDX-License-Identifier: EUPL-1.2
/** SQL of the cases domain. No rules: the service decides, this file reads and writes. */
import { sql, type Selectable } from 'kysely';
import type { CasesCase, CasesCaseType } from '../../platform/db/types.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

/** The municipality of the transaction as char(6), so that lookups use the (municipality_code, …) indexes. */
const TENANT = sql<string>`platform.current_municipality()::char(6)`;

export type CaseTypeRow = Selectable<CasesCaseType>;
export type CaseRow = Selectable<CasesCase>;

/** Filters of a case list (already resolved by the service). */
export interface CaseFilter {
  open: boolean;
  queue?: string;
  caseTypeCode?: string;
  status?: string;
  assigneeStaffId?: string | null;
  dueBefore?: string;
  limit: number;
}

const json = (v: unknown) => JSON.stringify(v);

/** Creates the cases repository. */
export function createCasesRepository() {
  return {
    // ── case types ──
    insertCaseType: (trx: TenantTx, m: string, row: Omit<CaseTypeRow, 'municipalityCode' | 'createdAt' | 'reviewRules'> & { reviewRules: unknown }) =>
      trx.insertInto('cases.caseType').values({ ...row, municipalityCode: m, reviewRules: json(row.reviewRules) }).execute(),
    insertStatusTypes: (trx: TenantTx, m: string, caseTypeId: string, rows: Array<{ code: string; sequence: number; labelJa: string; labelEn: string; informsApplicant: boolean }>) =>
      trx.insertInto('cases.statusType').values(rows.map((r) => ({ ...r, municipalityCode: m, caseTypeId }))).execute(),
    insertResultTypes: (trx: TenantTx, m: string, caseTypeId: string, rows: Array<{ code: string; labelJa: string; labelEn: string }>) =>
      trx.insertInto('cases.resultType').values(rows.map((r) => ({ ...r, municipalityCode: m, caseTypeId }))).execute(),
    caseTypeCodes: async (trx: TenantTx) => (await trx.selectFrom('cases.caseType').select('code').distinct().where('municipalityCode', '=', TENANT).execute()).map((r) => r.code),
    listCaseTypes: (trx: TenantTx) => trx.selectFrom('cases.caseType').selectAll().where('municipalityCode', '=', TENANT).orderBy('code').orderBy('version').execute(),
    findCaseType: (trx: TenantTx, id: string) => trx.selectFrom('cases.caseType').selectAll().where('municipalityCode', '=', TENANT).where('caseTypeId', '=', id).executeTakeFirst(),
    /** The published version of a code valid on a day. */
    publishedOn: (trx: TenantTx, code: string, day: string) => trx.selectFrom('cases.caseType').selectAll().where('municipalityCode', '=', TENANT)
      .where('code', '=', code).where('status', '=', 'published').where('validFrom', '<=', day)
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', day)])).executeTakeFirst(),
    maxVersion: async (trx: TenantTx, code: string) => Number((await trx.selectFrom('cases.caseType').select((eb) => eb.fn.max('version').as('v'))
      .where('municipalityCode', '=', TENANT).where('code', '=', code).executeTakeFirst())?.v ?? 0),
    statusTypes: (trx: TenantTx, ids: string[]) => ids.length === 0 ? Promise.resolve([]) : trx.selectFrom('cases.statusType').selectAll()
      .where('municipalityCode', '=', TENANT).where('caseTypeId', 'in', ids).orderBy('sequence').execute(),
    resultTypes: (trx: TenantTx, ids: string[]) => ids.length === 0 ? Promise.resolve([]) : trx.selectFrom('cases.resultType').selectAll()
      .where('municipalityCode', '=', TENANT).where('caseTypeId', 'in', ids).execute(),
    publishCaseType: (trx: TenantTx, id: string) => trx.updateTable('cases.caseType').set({ status: 'published' }).where('municipalityCode', '=', TENANT).where('caseTypeId', '=', id).execute(),
    setValidTo: (trx: TenantTx, id: string, validTo: string | null) => trx.updateTable('cases.caseType').set({ validTo }).where('municipalityCode', '=', TENANT).where('caseTypeId', '=', id).execute(),

    staffExists: async (trx: TenantTx, staffId: string) => !!(await trx.selectFrom('platform.staff').select('staffId').where('municipalityCode', '=', TENANT)
      .where('staffId', '=', staffId).where('disabled', '=', false).executeTakeFirst()),
    staffName: async (trx: TenantTx, staffId: string) => (await trx.selectFrom('platform.staff').select('displayName').where('municipalityCode', '=', TENANT)
      .where('staffId', '=', staffId).executeTakeFirst())?.displayName ?? null,
    /** Staff who may work on cases (for assignment lists). */
    caseStaff: (trx: TenantTx) => trx.selectFrom('platform.staff').select(['staffId', 'displayName', 'roles']).where('municipalityCode', '=', TENANT)
      .where('disabled', '=', false).orderBy('displayName').execute(),

    // ── closure days ──
    closureDays: async (trx: TenantTx) => (await trx.selectFrom('cases.closureDay').select(['day', 'label']).where('municipalityCode', '=', TENANT).orderBy('day').execute()),
    deleteClosureDay: async (trx: TenantTx, day: string) =>
      Number((await trx.deleteFrom('cases.closureDay').where('municipalityCode', '=', TENANT).where('day', '=', day).executeTakeFirst()).numDeletedRows) > 0,
    /** Open cases with what their deadlines are computed from. */
    openCasesForDeadlines: (trx: TenantTx) => trx.selectFrom('cases.case').select(['caseId', 'caseTypeId', 'receivedOn', 'extensionDays', 'legalDueOn', 'targetDueOn'])
      .where('municipalityCode', '=', TENANT).where('closedAt', 'is', null).forUpdate().execute(),
    insertClosureDay: (trx: TenantTx, m: string, day: string, label: string) =>
      trx.insertInto('cases.closureDay').values({ municipalityCode: m, day, label }).onConflict((oc) => oc.columns(['municipalityCode', 'day']).doUpdateSet({ label })).execute(),

    // ── cases ──
    /** Serialises case numbering per municipality until commit. */
    lockNumbering: (trx: TenantTx, m: string) => sql`SELECT pg_advisory_xact_lock(hashtextextended(${'cases:' + m}, 0))`.execute(trx),
    /** The highest serial of the year's case numbers ('YYYY-NNNNNN'), by the unique index. */
    lastCaseNoOfYear: async (trx: TenantTx, prefix: string) => Number((await trx.selectFrom('cases.case').select('caseNo')
      .where('municipalityCode', '=', TENANT).where('caseNo', '>=', `${prefix}000000`).where('caseNo', '<=', `${prefix}999999`)
      .orderBy('caseNo', 'desc').limit(1).executeTakeFirst())?.caseNo.slice(prefix.length) ?? 0),
    insertCase: (trx: TenantTx, m: string, row: Omit<CaseRow, 'municipalityCode' | 'applicant' | 'submittedData' | 'version'> & { applicant: unknown; submittedData: unknown }) =>
      trx.insertInto('cases.case').values({ ...row, municipalityCode: m, applicant: json(row.applicant), submittedData: json(row.submittedData) }).execute(),
    findCase: (trx: TenantTx, id: string, lock = false) => {
      const q = trx.selectFrom('cases.case').selectAll().where('municipalityCode', '=', TENANT).where('caseId', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    caseIdByNo: async (trx: TenantTx, caseNo: string) => (await trx.selectFrom('cases.case').select('caseId').where('municipalityCode', '=', TENANT)
      .where('caseNo', '=', caseNo).executeTakeFirst())?.caseId,
    updateCase: (trx: TenantTx, id: string, patch: Partial<Pick<CaseRow, 'statusCode' | 'legalDueOn' | 'targetDueOn' | 'suspended' | 'extensionDays' | 'queue' |
      'assigneeStaffId' | 'reviewOutcome' | 'resultCode' | 'closedAt'>> & { submittedData?: unknown }) =>
      trx.updateTable('cases.case').set((eb) => {
        const { submittedData, ...rest } = patch;
        return { ...rest, ...(submittedData !== undefined ? { submittedData: json(submittedData) } : {}), version: eb('version', '+', 1) };
      })
        .where('municipalityCode', '=', TENANT).where('caseId', '=', id).execute(),
    listCases: (trx: TenantTx, f: CaseFilter) => {
      let q = trx.selectFrom('cases.case as c')
        .innerJoin('cases.caseType as t', (j) => j.onRef('t.municipalityCode', '=', 'c.municipalityCode').onRef('t.caseTypeId', '=', 'c.caseTypeId'))
        .leftJoin('platform.staff as s', (j) => j.onRef('s.municipalityCode', '=', 'c.municipalityCode').onRef('s.staffId', '=', 'c.assigneeStaffId'))
        .selectAll('c').select(['t.code as caseTypeCode', 't.titleJa', 't.version as caseTypeVersion', 's.displayName as assigneeName'])
        .where('c.municipalityCode', '=', TENANT);
      q = f.open ? q.where('c.closedAt', 'is', null) : q.where('c.closedAt', 'is not', null);
      if (f.queue) q = q.where('c.queue', '=', f.queue);
      if (f.caseTypeCode) q = q.where('t.code', '=', f.caseTypeCode);
      if (f.status) q = q.where('c.statusCode', '=', f.status);
      if (f.assigneeStaffId === null) q = q.where('c.assigneeStaffId', 'is', null);
      else if (f.assigneeStaffId) q = q.where('c.assigneeStaffId', '=', f.assigneeStaffId);
      if (f.dueBefore) q = q.where('c.legalDueOn', '<=', f.dueBefore);
      return q.orderBy(sql`c.legal_due_on NULLS LAST`).orderBy('c.receivedAt').limit(f.limit).execute();
    },
    /** Open cases of a case-type code about any of the 宛名番号, other than `exceptCaseId`. */
    openCasesAbout: async (trx: TenantTx, code: string, atenaNos: string[], exceptCaseId: string) => atenaNos.length === 0 ? [] :
      (await trx.selectFrom('cases.case as c')
        .innerJoin('cases.caseType as t', (j) => j.onRef('t.municipalityCode', '=', 'c.municipalityCode').onRef('t.caseTypeId', '=', 'c.caseTypeId'))
        .select('c.caseNo').where('c.municipalityCode', '=', TENANT).where('t.code', '=', code).where('c.closedAt', 'is', null)
        .where('c.caseId', '<>', exceptCaseId).where(sql<boolean>`c.subject_atena_nos && ${sql.val(atenaNos)}::text[]`).orderBy('c.caseNo').execute()).map((r) => r.caseNo),
    failedCheckCounts: async (trx: TenantTx, caseIds: string[]) => caseIds.length === 0 ? new Map<string, number>() : new Map((await sql<{ caseId: string; failed: number }>`
      SELECT DISTINCT ON (r.case_id) r.case_id, (SELECT count(*) FROM jsonb_array_elements(r.results) e WHERE (e->>'passed')::boolean = false)::int AS failed
      FROM cases.review r WHERE r.municipality_code = ${TENANT} AND r.case_id = ANY(${sql.val(caseIds)}::uuid[]) ORDER BY r.case_id, r.reviewed_at DESC`
      .execute(trx)).rows.map((r) => [r.caseId, Number(r.failed)])),

    // ── history and children ──
    insertStatus: (trx: TenantTx, m: string, caseId: string, s: { statusCode: string; setAt: Date; actorType: string; actorId: string; reason: string }) =>
      sql`INSERT INTO cases.case_status (municipality_code, case_id, seq, status_code, set_at, actor_type, actor_id, reason)
        SELECT ${m}, ${caseId}, coalesce(max(seq), 0) + 1, ${s.statusCode}, ${s.setAt}, ${s.actorType}, ${s.actorId}, ${s.reason}
        FROM cases.case_status WHERE municipality_code = ${TENANT} AND case_id = ${caseId}`.execute(trx),
    history: (trx: TenantTx, caseId: string) => trx.selectFrom('cases.caseStatus').selectAll().where('municipalityCode', '=', TENANT).where('caseId', '=', caseId).orderBy('seq').execute(),
    suspensions: (trx: TenantTx, caseId: string) => trx.selectFrom('cases.suspension').selectAll().where('municipalityCode', '=', TENANT).where('caseId', '=', caseId).orderBy('seq').execute(),
    openSuspension: (trx: TenantTx, m: string, caseId: string, fromOn: string, reason: string) =>
      sql`INSERT INTO cases.suspension (municipality_code, case_id, seq, from_on, reason)
        SELECT ${m}, ${caseId}, coalesce(max(seq), 0) + 1, ${fromOn}, ${reason} FROM cases.suspension WHERE municipality_code = ${TENANT} AND case_id = ${caseId}`.execute(trx),
    closeSuspension: (trx: TenantTx, caseId: string, toOn: string) => trx.updateTable('cases.suspension').set({ toOn })
      .where('municipalityCode', '=', TENANT).where('caseId', '=', caseId).where('toOn', 'is', null).execute(),
    insertNote: (trx: TenantTx, m: string, r: { caseId: string; noteId: string; authorStaffId: string; body: string; createdAt: Date }) =>
      trx.insertInto('cases.note').values({ ...r, municipalityCode: m }).execute(),
    notes: (trx: TenantTx, caseId: string) => trx.selectFrom('cases.note as n')
      .leftJoin('platform.staff as s', (j) => j.onRef('s.municipalityCode', '=', 'n.municipalityCode').onRef('s.staffId', '=', 'n.authorStaffId'))
      .selectAll('n').select('s.displayName').where('n.municipalityCode', '=', TENANT).where('n.caseId', '=', caseId).orderBy('n.createdAt').execute(),
    insertCorrection: (trx: TenantTx, m: string, r: { caseId: string; correctionId: string; message: string; fields: string[]; requestedBy: string; requestedAt: Date }) =>
      trx.insertInto('cases.correction').values({ ...r, municipalityCode: m }).execute(),
    corrections: (trx: TenantTx, caseId: string) => trx.selectFrom('cases.correction').selectAll().where('municipalityCode', '=', TENANT).where('caseId', '=', caseId).orderBy('requestedAt').execute(),
    answerCorrection: (trx: TenantTx, caseId: string, correctionId: string, a: { answerMessage: string; answerData: unknown; answeredAt: Date }) =>
      trx.updateTable('cases.correction').set({ answerMessage: a.answerMessage, answerData: json(a.answerData ?? null), answeredAt: a.answeredAt })
        .where('municipalityCode', '=', TENANT).where('caseId', '=', caseId).where('correctionId', '=', correctionId).where('answeredAt', 'is', null).executeTakeFirst(),
    insertAttachment: (trx: TenantTx, m: string, r: { caseId: string; attachmentId: string; fileName: string; mediaType: string; byteSize: number; sha256: string; content: Buffer; addedBy: string }) =>
      // As base64 text decoded by the database (PGlite encodes a bytea parameter byte by byte: ~1 s per MB).
      trx.insertInto('cases.attachment').values({ ...r, municipalityCode: m, content: sql<Buffer>`decode(${r.content.toString('base64')}, 'base64')` }).execute(),
    attachments: (trx: TenantTx, caseId: string) => trx.selectFrom('cases.attachment').select(['attachmentId', 'fileName', 'mediaType', 'byteSize', 'sha256'])
      .where('municipalityCode', '=', TENANT).where('caseId', '=', caseId).orderBy('addedAt').execute(),
    insertDecision: (trx: TenantTx, m: string, r: { caseId: string; outcome: string; reasons: string; decidedByType: string; decidedBy: string; decidedAt: Date; reviewId: string | null; effect: unknown }) =>
      trx.insertInto('cases.decision').values({ ...r, municipalityCode: m, effect: json(r.effect) }).execute(),
    decision: (trx: TenantTx, caseId: string) => trx.selectFrom('cases.decision').selectAll().where('municipalityCode', '=', TENANT).where('caseId', '=', caseId).executeTakeFirst(),
    insertReview: (trx: TenantTx, m: string, r: { caseId: string; reviewId: string; ruleVersion: string; rules: unknown; inputs: unknown; results: unknown; outcome: string; reviewedAt: Date }) =>
      trx.insertInto('cases.review').values({ ...r, municipalityCode: m, rules: json(r.rules), inputs: json(r.inputs), results: json(r.results) }).execute(),
    latestReview: (trx: TenantTx, caseId: string) => trx.selectFrom('cases.review').selectAll().where('municipalityCode', '=', TENANT).where('caseId', '=', caseId)
      .orderBy('reviewedAt', 'desc').limit(1).executeTakeFirst(),
    findReview: (trx: TenantTx, caseId: string, reviewId: string) => trx.selectFrom('cases.review').selectAll().where('municipalityCode', '=', TENANT)
      .where('caseId', '=', caseId).where('reviewId', '=', reviewId).executeTakeFirst(),

    // ── event log ──
    insertEvent: (trx: TenantTx, m: string, e: { eventId: string; caseId: string; caseTypeCode: string; activity: string; actorType: string; actorId: string; channel: string;
      occurredAt: Date; touchSeconds: number; objects: unknown; attributes: unknown }) =>
      trx.insertInto('cases.event').values({ ...e, municipalityCode: m, objects: json(e.objects), attributes: json(e.attributes) }).execute(),
    events: (trx: TenantTx, f: { caseId?: string; from?: Date; to?: Date; limit?: number }) => {
      let q = trx.selectFrom('cases.event').selectAll().where('municipalityCode', '=', TENANT);
      if (f.caseId) q = q.where('caseId', '=', f.caseId);
      if (f.from) q = q.where('occurredAt', '>=', f.from);
      if (f.to) q = q.where('occurredAt', '<', f.to);
      return q.orderBy('occurredAt').orderBy('eventId').limit(f.limit ?? 100_000).execute();
    },
    recordView: (trx: TenantTx, m: string, caseId: string, staffId: string, at: Date) =>
      trx.insertInto('cases.caseView').values({ municipalityCode: m, caseId, staffId, openedAt: at })
        .onConflict((oc) => oc.columns(['municipalityCode', 'caseId', 'staffId']).doUpdateSet({ openedAt: at })).execute(),
    lastView: async (trx: TenantTx, caseId: string, staffId: string) => (await trx.selectFrom('cases.caseView').select('openedAt')
      .where('municipalityCode', '=', TENANT).where('caseId', '=', caseId).where('staffId', '=', staffId).executeTakeFirst())?.openedAt,

    // ── deadline alerts ──
    openCasesWithDue: (trx: TenantTx) => trx.selectFrom('cases.case').select(['caseId', 'legalDueOn', 'suspended']).where('municipalityCode', '=', TENANT)
      .where('closedAt', 'is', null).where('legalDueOn', 'is not', null).execute(),
    insertAlert: async (trx: TenantTx, m: string, caseId: string, kind: 'due-soon' | 'overdue', dueOn: string, at: Date) =>
      Number((await trx.insertInto('cases.alert').values({ municipalityCode: m, caseId, kind, dueOn, raisedAt: at })
        .onConflict((oc) => oc.doNothing()).returning('municipalityCode').execute()).length),
    alerts: (trx: TenantTx, caseId: string) => trx.selectFrom('cases.alert').selectAll().where('municipalityCode', '=', TENANT).where('caseId', '=', caseId).execute(),
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
