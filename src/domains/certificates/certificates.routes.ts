// SPDX-License-Identifier: EUPL-1.2
/** HTTP for certificates: previews, issuance (PDF), the issuance ledger and public verification. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRateLimiter } from '../../platform/auth/rate-limit.ts';
import { csvText, csvValue } from '../../platform/csv/csv-cell.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { requireStaff } from '../../platform/http/middleware.ts';
import { createRouter, problems, staffSecurity } from '../../platform/http/openapi.ts';
import { IDENTITY_DOCUMENT_LABELS, KIND_TITLES, PRINT_ITEM_LABELS, REQUESTER_LABELS, type IdentityDocument, type PrintItem } from './certificate-model.ts';
import type { CertificateService } from './certificates.service.ts';
import { CertificatePreview, CertificateRequestInput, CertificateSettingsInput, CertificateSettingsView, IssuanceParams, PrintParams, ReasonInput, IssuanceQuery, IssuanceView, VerificationParams, VerificationView } from './certificates.schema.ts';

const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

/** Mounts the certificate routes. */
export function certificateRoutes(services: { certificates: CertificateService }) {
  const app = createRouter();
  // Public verification: generous for people, a wall for enumeration (100-bit codes make guessing futile anyway).
  const verifyLimiter = createRateLimiter(60, 60_000);

  app.use('/certificate-previews', requireStaff());
  app.openapi(createRoute({
    method: 'post', path: '/certificate-previews', tags: ['certificates'], security: staffSecurity,
    summary: 'Preview a certificate (what would be printed, alerts, fee) without issuing it; the read is access-logged',
    request: { body: { content: { 'application/json': { schema: CertificateRequestInput } }, required: true } },
    responses: { 200: { description: 'Preview', content: { 'application/json': { schema: CertificatePreview } } }, ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => {
    const { missing: _m, householdId: _h, personIds: _p, names: _n, ...p } = await services.certificates.preview(c.var.actor, c.req.valid('json'), ctx(c));
    return c.json(p, 200);
  });

  app.use('/certificates', requireStaff());
  app.openapi(createRoute({
    method: 'post', path: '/certificates', tags: ['certificates'], security: staffSecurity,
    summary: 'Issue a certificate (交付): returns the PDF; recorded in the issuance ledger and the access log',
    request: { body: { content: { 'application/json': { schema: CertificateRequestInput } }, required: true } },
    responses: {
      201: {
        description: 'The certificate (its original print). Headers: Location (the ledger entry), X-Issuance-Id, X-Issue-Number (URI-encoded), X-Verification-Code, X-Fee-Yen, X-Page-Count. Safe to repeat with an Idempotency-Key: the same key returns the same certificate, never a second issuance',
        content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problems(400, 401, 403, 404, 409, 422),
    },
  }), async (c) => {
    const issued = await services.certificates.issue(c.var.actor, c.req.valid('json'), ctx(c), { deliver: true });
    return c.body(issued.pdf as unknown as ArrayBuffer, 201, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="certificate-${issued.issueNo}.pdf"`,
      'cache-control': 'no-store',
      // Kept by the idempotency layer: a repeat under the same Idempotency-Key answers with the same place.
      location: `/api/v1/certificate-issuances/${issued.issuanceId}`,
      'x-issuance-id': issued.issuanceId,
      'x-issue-number': encodeURIComponent(issued.issueNumber),
      'x-verification-code': issued.verificationCode,
      'x-fee-yen': String(issued.feeYen),
      'x-page-count': String(issued.pageCount),
      'x-alerts': issued.alerts.join(','),
    }) as never;
  });

  app.use('/certificate-issuances', requireStaff());
  app.openapi(createRoute({
    method: 'get', path: '/certificate-issuances', tags: ['certificates'], security: staffSecurity,
    summary: 'The issuance ledger (交付記録), newest first; `format=csv` exports it',
    request: { query: IssuanceQuery },
    responses: {
      200: { description: 'Ledger entries', content: { 'application/json': { schema: z.object({ items: z.array(IssuanceView) }) }, 'text/csv': { schema: z.string() } } },
      ...problems(400, 401, 403),
    },
  }), async (c) => {
    const q = c.req.valid('query');
    const items = await services.certificates.listIssuances(c.var.actor, q, ctx(c));
    if (q.format === 'csv') {
      return c.body(`\uFEFF${ledgerCsv(items)}`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="certificate-issuances.csv"' }) as never;
    }
    return c.json({ items }, 200);
  });

  app.use('/certificate-issuances/*', requireStaff());
  app.openapi(createRoute({
    method: 'post', path: '/certificate-issuances/{issuanceId}/prints', tags: ['certificates'], security: staffSecurity,
    summary: 'Print an issued certificate again (再交付): the same content marked 再交付 with its number and day; recorded (who, when) and access-logged',
    request: { params: IssuanceParams },
    responses: {
      201: { description: 'The reprint. Headers: X-Print-Number (2 = the first 再交付)', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
      ...problems(400, 401, 403, 404),
    },
  }), async (c) => {
    const printed = await services.certificates.printPdf(c.var.actor, { issuanceId: c.req.valid('param').issuanceId }, ctx(c));
    return c.body(printed.pdf as unknown as ArrayBuffer, 201, {
      'content-type': 'application/pdf', 'content-disposition': `inline; filename="${printed.filename}"`, 'cache-control': 'no-store', 'x-print-number': String(printed.printNo),
    }) as never;
  });

  app.openapi(createRoute({
    method: 'post', path: '/certificate-issuances/{issuanceId}/voids', tags: ['certificates'], security: staffSecurity,
    summary: 'Declare an issued certificate void (無効) with the reason; never printed again, verification answers void. Repeating answers 200',
    request: { params: IssuanceParams, body: { content: { 'application/json': { schema: ReasonInput } }, required: true } },
    responses: { 201: { description: 'Declared void' }, 200: { description: 'Already void' }, ...problems(400, 401, 403, 404, 422) },
  }), async (c) => {
    const r = await services.certificates.voidIssuance(c.var.actor, { issuanceId: c.req.valid('param').issuanceId }, c.req.valid('json').reason, ctx(c));
    return c.body(null, r.created ? 201 : 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/certificate-issuances/{issuanceId}/prints/{printNo}/disposals', tags: ['certificates'], security: staffSecurity,
    summary: 'Record that the paper of one print was destroyed (廃棄) with the reason. Repeating answers 200',
    request: { params: PrintParams, body: { content: { 'application/json': { schema: ReasonInput } }, required: true } },
    responses: { 201: { description: 'Recorded' }, 200: { description: 'Already recorded' }, ...problems(400, 401, 403, 404, 422) },
  }), async (c) => {
    const p = c.req.valid('param');
    const r = await services.certificates.disposePrint(c.var.actor, { issuanceId: p.issuanceId }, p.printNo, c.req.valid('json').reason, ctx(c));
    return c.body(null, r.created ? 201 : 200);
  });

  app.use('/certificate-settings', requireStaff());
  app.openapi(createRoute({
    method: 'put', path: '/certificate-settings', tags: ['certificates'], security: staffSecurity,
    summary: "Set the municipality's certificate settings: mayor's name, seal image, fees (administrators)",
    request: { body: { content: { 'application/json': { schema: CertificateSettingsInput } }, required: true } },
    responses: { 200: { description: 'The settings now in force', content: { 'application/json': { schema: CertificateSettingsView } } }, ...problems(400, 401, 403, 422) },
  }), async (c) => {
    const s = await services.certificates.updateSettings(c.var.actor, c.req.valid('json'), ctx(c));
    return c.json({ mayorName: s.mayorName ?? null, sealConfigured: !!s.sealPng, certificateFees: s.fees,
      certifiers: s.certifiers.map((x) => ({ role: x.role, title: x.title ?? null, name: x.name, validFrom: x.validFrom, validTo: x.validTo ?? null, sealConfigured: !!x.sealPngBase64 })), overflowMode: s.overflowMode, certificateLayout: s.certificateLayout, memberOrder: s.memberOrder }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/certificate-verifications/{code}', tags: ['certificates'],
    summary: 'Public: whether a verification code (照合番号) is genuine, with the municipality, time and kind of issue only',
    request: { params: VerificationParams },
    responses: { 200: { description: 'Genuine', content: { 'application/json': { schema: VerificationView } } }, ...problems(400, 404, 429) },
  }), async (c) => {
    if (!verifyLimiter.take(c.var.clientIp)) throw new DomainError('rate-limited', '照会が多すぎます。しばらくしてから再度お試しください', 429, 'Too many verification requests');
    return c.json(await services.certificates.verify(c.req.valid('param').code), 200);
  });

  return app;
}

/** The ledger as CSV with Japanese headers (for export to spreadsheets and 決算 reports). */
export function ledgerCsv(items: Awaited<ReturnType<CertificateService['listIssuances']>>): string {
  const head = ['通番', '交付日時', '証明書', '請求者区分', '請求事由', '請求機関', '根拠法令', '利用目的', '世帯', '対象者', '記載事項', '基準日', '手数料', '通数', '本人確認書類', '職員', '頁数', '個人番号記載', '注意', '印刷回数', 'PDF SHA-256'];
  // Free text (請求事由, 請求機関, 根拠法令, 利用目的 …) is guarded against formula injection; numbers are not (issue #15).
  const lines = items.map((r) => [
    csvValue(r.issueNo), csvValue(r.issuedAt), ...[KIND_TITLES[r.certificateKind], REQUESTER_LABELS[r.requesterType], r.requesterGround, r.officialBody, r.legalBasis, r.purpose,
      r.householdId, r.personIds.join(' '), r.items.map((i) => PRINT_ITEM_LABELS[i as PrintItem] ?? i).join('・')].map(csvText), csvValue(r.asOf), csvValue(r.feeYen), csvValue(r.copies),
    csvText(IDENTITY_DOCUMENT_LABELS[r.identityDocument as IdentityDocument] ?? ''), csvText(r.staffId), csvValue(r.pageCount), csvText(r.myNumberPrinted ? '有' : '無'),
    csvText(r.alerts.join(' ')), csvValue(r.printCount), csvValue(r.pdfSha256),
  ].join(','));
  return [head.join(','), ...lines].join('\r\n') + '\r\n';
}
