// SPDX-License-Identifier: EUPL-1.2
/**
 * 交付履歴 (spec §1.3.8, issue #13): an issued certificate declared void (無効) with its reason, and the paper of a print
 * destroyed (廃棄). Both are append-only records with who, when and where (terminal and place by default from the
 * request, migration 0022); nothing of the ledger is deleted.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { sql } from 'kysely';
import { withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { CertificateRepository } from './certificates.repository.ts';

/** An issuance by its 通番 (console) or its id (API). */
export type IssuanceRef = { issueNo: number } | { issuanceId: string };

/** Refused: the certificate was declared void (無効) and is not printed again. */
export class IssuanceVoidedError extends DomainError {
  constructor() {
    super('issuance-voided', 'この証明書は無効にされています。再交付はできません', 409, 'The certificate was declared void');
  }
}

type SourceContext = { clientIp: string; requestId: string };

/** Creates the use cases (spread into the certificate service). */
export function createIssuanceHistoryUseCases(deps: { db: Database; certificates: CertificateRepository; accessLog: AccessLogRepository }) {
  const { db, certificates, accessLog } = deps;
  /** The issuance of a reference, in the transaction's municipality. */
  const findRef = (trx: TenantTx, m: string, ref: IssuanceRef) => ('issueNo' in ref ? certificates.findByIssueNo(trx, m, ref.issueNo)
    : /^[0-9a-f-]{36}$/i.test(ref.issuanceId) ? certificates.findById(trx, m, ref.issuanceId) : Promise.resolve(undefined));

  return {
    /**
     * The certificates issued for one person (交付履歴, spec §2.2.2), newest first, with 無効 marked; for the 個人票
     * (`registry:read`). One access-log entry for the person.
     */
    async issuancesOfPerson(actor: Actor, personId: string, ctx: SourceContext, limit = 100) {
      assertAllowed(actor, 'registry:read');
      if (!/^[0-9a-f-]{36}$/i.test(personId)) return { items: [] };
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = await trx.selectFrom('certificates.issuance as i')
          .leftJoin('certificates.issuanceVoid as v', (j) => j.onRef('v.municipalityCode', '=', 'i.municipalityCode').onRef('v.issuanceId', '=', 'i.issuanceId'))
          .select(['i.issueNo', 'i.certificateKind', 'i.issuedAt', 'i.copies', 'i.requesterType', 'i.purpose', 'i.feeYen', 'v.voidedAt'])
          .where('i.municipalityCode', '=', actor.municipalityCode).where(sql<boolean>`i.person_ids @> ARRAY[${personId}]::text[]`)
          .orderBy('i.issuedAt', 'desc').limit(limit).execute();
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'certificates.issuance-history.read',
          subjectType: 'person', subjectId: personId, clientIp: ctx.clientIp, requestId: ctx.requestId });
        return { items: rows.map((r) => ({ issueNo: r.issueNo, certificateKind: r.certificateKind, issuedAt: new Date(r.issuedAt as unknown as string).toISOString(), copies: r.copies,
          requesterType: r.requesterType, purpose: r.purpose, feeYen: r.feeYen, voided: r.voidedAt !== null })) };
      });
    },

    /**
     * Declares an issued certificate void (無効, spec §1.3.8) with its reason: recorded with who, when and where, never
     * printed again, and answered as void by the public verification. Repeating it changes nothing (`created: false`).
     * @throws DomainError 'not-found', 'void-reason-required'
     */
    async voidIssuance(actor: Actor, ref: IssuanceRef, reason: string, ctx: SourceContext) {
      assertAllowed(actor, 'certificates:void');
      const text = reason.trim();
      if (!text || text.length > 500) throw new DomainError('void-reason-required', '無効にする理由を500文字以内で入力してください', 422, 'A reason (up to 500 characters) is required');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await findRef(trx, actor.municipalityCode, ref);
        if (!row) throw new DomainError('not-found', '交付記録が見つかりません', 404, 'Issuance not found');
        if (await certificates.findVoid(trx, actor.municipalityCode, row.issuanceId)) return { created: false };
        await certificates.insertVoid(trx, { municipalityCode: actor.municipalityCode, issuanceId: row.issuanceId, staffId: actor.staffId, reason: text });
        for (const personId of row.personIds) {
          await accessLog.append(trx, actor.municipalityCode, {
            actorType: 'staff', actorId: actor.staffId, action: 'certificates.void', subjectType: 'person', subjectId: personId,
            purpose: `${row.certificateKind}/${row.issueNo}`, clientIp: ctx.clientIp, requestId: ctx.requestId,
          });
        }
        return { created: true };
      });
    },

    /**
     * Records that the paper of one print was destroyed (廃棄, spec §1.3.8): a spoiled print or a certificate handed
     * back. Repeating it for the same print changes nothing (`created: false`).
     * @throws DomainError 'not-found', 'print-not-found', 'disposal-reason-required'
     */
    async disposePrint(actor: Actor, ref: IssuanceRef, printNo: number, reason: string, ctx: SourceContext) {
      assertAllowed(actor, 'certificates:issue');
      const text = reason.trim();
      if (!text || text.length > 500) throw new DomainError('disposal-reason-required', '廃棄の理由を500文字以内で入力してください', 422, 'A reason (up to 500 characters) is required');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await findRef(trx, actor.municipalityCode, ref);
        if (!row) throw new DomainError('not-found', '交付記録が見つかりません', 404, 'Issuance not found');
        const prints = await certificates.listPrints(trx, actor.municipalityCode, row.issuanceId);
        if (!prints.some((x) => x.printNo === printNo)) throw new DomainError('print-not-found', 'この印刷の記録はありません', 404, 'No such print of this issuance');
        if ((await certificates.listDisposals(trx, actor.municipalityCode, row.issuanceId)).some((d) => d.printNo === printNo)) return { created: false };
        await certificates.insertDisposal(trx, { municipalityCode: actor.municipalityCode, issuanceId: row.issuanceId, printNo, staffId: actor.staffId, reason: text });
        await accessLog.append(trx, actor.municipalityCode, {
          actorType: 'staff', actorId: actor.staffId, action: 'certificates.dispose', subjectType: 'issuance', subjectId: String(row.issueNo),
          purpose: `${row.certificateKind}/${row.issueNo}/${printNo}`, clientIp: ctx.clientIp, requestId: ctx.requestId,
        });
        return { created: true };
      });
    },
  };
}
