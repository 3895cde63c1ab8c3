// SPDX-License-Identifier: EUPL-1.2
/** SQL of the issuance ledger and the public verification lookup. */
import { sql } from 'kysely';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

/** A ledger row as inserted. */
export interface IssuanceRow {
  municipalityCode: string;
  issuanceId: string;
  issueNo: number;
  issuedAt: Date;
  certificateKind: string;
  requesterType: string;
  requesterGround: string;
  officialBody: string;
  legalBasis: string;
  purpose: string;
  householdId: string;
  personIds: string[];
  items: string[];
  asOf: string;
  feeYen: number;
  copies: number;
  identityDocument: string;
  pendingAcknowledged: boolean;
  /** The staff member who issued it; null for the automatic review of a case (issuedBy 'system'). */
  staffId: string | null;
  issuedBy?: 'staff' | 'system';
  /** The case the issuance came from (one issuance per case). */
  caseId?: string | null;
  pageCount: number;
  myNumberPrinted: boolean;
  alerts: string[];
  /** Fields that did not fit (spec §5.8). */
  overflowFields: string[];
  pdfSha256: string;
  verificationCodeHash: string;
}

/** One delivery of a certificate's PDF (print_no 1 = the original, later ones 再交付). */
export interface PrintRow {
  municipalityCode: string;
  issuanceId: string;
  printNo: number;
  printedAt: Date;
  staffId: string;
  staffName: string;
  pdfSha256: string;
}

/** Creates the certificates repository. */
export function createCertificateRepository() {
  return {
    /** The next 通番 of the municipality; serialised per municipality until commit. */
    async nextIssueNo(trx: TenantTx, municipalityCode: string): Promise<number> {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'certificates.issue_no:' + municipalityCode}, 0))`.execute(trx);
      const r = await trx.selectFrom('certificates.issuance').select((eb) => eb.fn.max('issueNo').as('max'))
        .where('municipalityCode', '=', municipalityCode).executeTakeFirst();
      return Number(r?.max ?? 0) + 1;
    },

    async insertIssuance(trx: TenantTx, row: IssuanceRow): Promise<void> {
      await trx.insertInto('certificates.issuance').values(row).execute();
    },

    /** The sealed document of an issuance (what was printed). */
    insertDocument: (trx: TenantTx, row: { municipalityCode: string; issuanceId: string; keyId: string; sealed: string }) =>
      trx.insertInto('certificates.issuanceDocument').values(row).execute().then(() => undefined),

    findDocument: (trx: TenantTx, municipalityCode: string, issuanceId: string) =>
      trx.selectFrom('certificates.issuanceDocument').select(['keyId', 'sealed']).where('municipalityCode', '=', municipalityCode).where('issuanceId', '=', issuanceId).executeTakeFirst(),

    /** A ledger row by its 通番. */
    findByIssueNo: (trx: TenantTx, municipalityCode: string, issueNo: number) =>
      trx.selectFrom('certificates.issuance').selectAll().where('municipalityCode', '=', municipalityCode).where('issueNo', '=', issueNo).executeTakeFirst(),

    /** A ledger row by its id. */
    findById: (trx: TenantTx, municipalityCode: string, issuanceId: string) =>
      trx.selectFrom('certificates.issuance').selectAll().where('municipalityCode', '=', municipalityCode).where('issuanceId', '=', issuanceId).executeTakeFirst(),

    /** The next print number of an issuance; serialised per issuance until commit. */
    async nextPrintNo(trx: TenantTx, municipalityCode: string, issuanceId: string): Promise<number> {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'certificates.print:' + municipalityCode + ':' + issuanceId}, 0))`.execute(trx);
      const r = await trx.selectFrom('certificates.issuancePrint').select((eb) => eb.fn.max('printNo').as('max'))
        .where('municipalityCode', '=', municipalityCode).where('issuanceId', '=', issuanceId).executeTakeFirst();
      return Number(r?.max ?? 0) + 1;
    },

    insertPrint: (trx: TenantTx, row: PrintRow) => trx.insertInto('certificates.issuancePrint').values(row).execute().then(() => undefined),

    listPrints: (trx: TenantTx, municipalityCode: string, issuanceId: string) =>
      trx.selectFrom('certificates.issuancePrint').selectAll().where('municipalityCode', '=', municipalityCode).where('issuanceId', '=', issuanceId).orderBy('printNo').execute(),

    /** Number of prints per issuance. */
    async printCounts(trx: TenantTx, municipalityCode: string, issuanceIds: string[]): Promise<Map<string, number>> {
      if (issuanceIds.length === 0) return new Map();
      const rows = await trx.selectFrom('certificates.issuancePrint').select(['issuanceId', (eb) => eb.fn.countAll<string>().as('n')])
        .where('municipalityCode', '=', municipalityCode).where('issuanceId', 'in', issuanceIds).groupBy('issuanceId').execute();
      return new Map(rows.map((r) => [r.issuanceId, Number(r.n)]));
    },

    /** Ledger rows newest first, by issue time (inclusive bounds). */
    async listIssuances(trx: TenantTx, municipalityCode: string, f: { fromTs?: Date; toTs?: Date; limit: number }) {
      let q = trx.selectFrom('certificates.issuance').selectAll().where('municipalityCode', '=', municipalityCode);
      if (f.fromTs) q = q.where('issuedAt', '>=', f.fromTs);
      if (f.toTs) q = q.where('issuedAt', '<', f.toTs);
      return q.orderBy('issueNo', 'desc').limit(f.limit).execute();
    },

    /** The staff member's latest issuances, newest first. */
    recentOf: (trx: TenantTx, municipalityCode: string, staffId: string, limit: number) => trx.selectFrom('certificates.issuance')
      .select(['issuanceId', 'issueNo', 'certificateKind', 'issuedAt']).where('municipalityCode', '=', municipalityCode).where('staffId', '=', staffId)
      .orderBy('issueNo', 'desc').limit(limit).execute(),

    /** The issuance of a case, if it was issued. */
    findByCase: (trx: TenantTx, municipalityCode: string, caseId: string) =>
      trx.selectFrom('certificates.issuance').selectAll().where('municipalityCode', '=', municipalityCode).where('caseId', '=', caseId).executeTakeFirst(),

    /** Queues an issuance for postal delivery (once). */
    queuePostal: (trx: TenantTx, municipalityCode: string, issuanceId: string, queuedAt: Date) =>
      trx.insertInto('certificates.postalDelivery').values({ municipalityCode, issuanceId, queuedAt })
        .onConflict((oc) => oc.columns(['municipalityCode', 'issuanceId']).doNothing()).execute().then(() => undefined),

    /** The postal queue: waiting first (oldest first), then the latest sent ones. */
    listPostal: (trx: TenantTx, municipalityCode: string, f: { sent: boolean; limit: number }) => {
      const q = trx.selectFrom('certificates.postalDelivery as p').innerJoin('certificates.issuance as i', (j) => j.onRef('i.municipalityCode', '=', 'p.municipalityCode').onRef('i.issuanceId', '=', 'p.issuanceId'))
        .select(['p.issuanceId', 'p.queuedAt', 'p.sentAt', 'p.sentByName', 'i.issueNo', 'i.certificateKind', 'i.copies', 'i.caseId', 'i.personIds'])
        .where('p.municipalityCode', '=', municipalityCode).where('p.sentAt', f.sent ? 'is not' : 'is', null);
      return (f.sent ? q.orderBy('p.sentAt', 'desc') : q.orderBy('p.queuedAt')).limit(f.limit).execute();
    },

    findPostal: (trx: TenantTx, municipalityCode: string, issuanceId: string) =>
      trx.selectFrom('certificates.postalDelivery').selectAll().where('municipalityCode', '=', municipalityCode).where('issuanceId', '=', issuanceId).forUpdate().executeTakeFirst(),

    markPostalSent: (trx: TenantTx, municipalityCode: string, issuanceId: string, by: { staffId: string; staffName: string; at: Date }) =>
      trx.updateTable('certificates.postalDelivery').set({ sentAt: by.at, sentBy: by.staffId, sentByName: by.staffName })
        .where('municipalityCode', '=', municipalityCode).where('issuanceId', '=', issuanceId).where('sentAt', 'is', null).execute().then(() => undefined),

    /** Cross-tenant lookup through the SECURITY DEFINER function (returns no personal data). */
    async verify(trx: TenantTx, codeHash: string) {
      const r = await sql<{ municipalityCode: string; issuedAt: Date; certificateKind: string; pdfSha256: string; issueNo: number; voided: boolean }>`
        SELECT municipality_code, issued_at, certificate_kind, pdf_sha256, issue_no, voided FROM certificates.verify_code(${codeHash})`.execute(trx);
      return r.rows[0];
    },

    /** The 無効 record of an issuance, if declared void (spec §1.3.8). */
    findVoid: (trx: TenantTx, municipalityCode: string, issuanceId: string) =>
      trx.selectFrom('certificates.issuanceVoid').selectAll().where('municipalityCode', '=', municipalityCode).where('issuanceId', '=', issuanceId).executeTakeFirst(),

    insertVoid: (trx: TenantTx, row: { municipalityCode: string; issuanceId: string; staffId: string; reason: string }) =>
      trx.insertInto('certificates.issuanceVoid').values(row).execute().then(() => undefined),

    /** The 廃棄 records of an issuance's prints, by print number. */
    listDisposals: (trx: TenantTx, municipalityCode: string, issuanceId: string) =>
      trx.selectFrom('certificates.issuanceDisposal').selectAll().where('municipalityCode', '=', municipalityCode).where('issuanceId', '=', issuanceId).orderBy('printNo').execute(),

    insertDisposal: (trx: TenantTx, row: { municipalityCode: string; issuanceId: string; printNo: number; staffId: string; reason: string }) =>
      trx.insertInto('certificates.issuanceDisposal').values(row).execute().then(() => undefined),
  };
}

export type CertificateRepository = ReturnType<typeof createCertificateRepository>;
