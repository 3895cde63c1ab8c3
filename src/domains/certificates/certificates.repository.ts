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
  staffId: string;
  pageCount: number;
  myNumberPrinted: boolean;
  alerts: string[];
  pdfSha256: string;
  verificationCodeHash: string;
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

    /** Ledger rows newest first, by issue time (inclusive bounds). */
    async listIssuances(trx: TenantTx, municipalityCode: string, f: { fromTs?: Date; toTs?: Date; limit: number }) {
      let q = trx.selectFrom('certificates.issuance').selectAll().where('municipalityCode', '=', municipalityCode);
      if (f.fromTs) q = q.where('issuedAt', '>=', f.fromTs);
      if (f.toTs) q = q.where('issuedAt', '<', f.toTs);
      return q.orderBy('issueNo', 'desc').limit(f.limit).execute();
    },

    /** Cross-tenant lookup through the SECURITY DEFINER function (returns no personal data). */
    async verify(trx: TenantTx, codeHash: string) {
      const r = await sql<{ municipalityCode: string; issuedAt: Date; certificateKind: string; pdfSha256: string }>`
        SELECT municipality_code, issued_at, certificate_kind, pdf_sha256 FROM certificates.verify_code(${codeHash})`.execute(trx);
      return r.rows[0];
    },
  };
}

export type CertificateRepository = ReturnType<typeof createCertificateRepository>;
