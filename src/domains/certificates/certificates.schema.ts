// SPDX-License-Identifier: EUPL-1.2
/** Request and response schemas of certificate issuance, the issuance ledger and public verification. */
import { z } from '@hono/zod-openapi';
import { CERTIFICATE_KINDS, IDENTITY_DOCUMENTS, LAYOUTS, MAX_COPIES, PRINT_ITEMS, REQUESTER_TYPES, THIRD_PARTY_GROUNDS } from './certificate-model.ts';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CertificateKindSchema = z.enum(CERTIFICATE_KINDS).openapi({
  description: 'residence-copy=住民票の写し, residence-items=住民票記載事項証明書, removed-copy=住民票の除票の写し, move-out=転出証明書',
});

export const RequesterSchema = z.object({
  /** self=本人, household=同一世帯員, agent=代理人（委任状）, third-party=第三者, official=公用請求. */
  type: z.enum(REQUESTER_TYPES),
  /** 本人・同一世帯員: the requester's person id (identity checked at the counter). */
  personId: z.string().min(1).max(80).optional(),
  /** 代理人: the clerk has checked the 委任状. */
  powerOfAttorneyChecked: z.boolean().optional(),
  /** 第三者: ground of the request (住基法12条の3 第1項 1–3号). */
  ground: z.enum(THIRD_PARTY_GROUNDS).optional(),
  /** 公用請求: requesting body and legal basis. */
  officialBody: z.string().max(200).optional(),
  legalBasis: z.string().max(200).optional(),
  /** 本人確認書類 seen at the counter: my-number-card=マイナンバーカード, driving-licence=運転免許証, passport=パスポート, residence-card=在留カード等, other-photo-id=その他の写真付き公的証明書, two-documents=健康保険証等（2点）, staff-id=職員証（公用請求）. */
  identityDocument: z.enum(IDENTITY_DOCUMENTS).optional(),
}).openapi('CertificateRequester');

export const CertificateRequestInput = z.object({
  kind: CertificateKindSchema,
  /** The household; without `personIds` every current member is printed (世帯全員). */
  householdId: z.string().min(1).max(80).optional(),
  /** The persons to print (some members); their household is looked up. */
  personIds: z.array(z.string().min(1).max(80)).min(1).max(50).optional(),
  requester: RequesterSchema,
  /** 利用目的. */
  purpose: z.string().max(500).optional(),
  /** Items to print; omitted means the defaults (sensitive items omitted). */
  items: z.array(z.enum(PRINT_ITEMS)).max(PRINT_ITEMS.length).optional(),
  /** 住民票の写し layout: household 世帯連記式, individual 個人票; omitted means the municipality's setting. */
  layout: z.enum(LAYOUTS).optional(),
  /** 記載事項証明書 only: the past day to certify (ISO). */
  asOf: IsoDay.optional(),
  /** 通数: copies of the certificate (the fee is copies × the unit fee). */
  copies: z.number().int().min(1).max(MAX_COPIES).optional(),
  /** The clerk has seen that a 仮登録 (provisional change) of a printed person or the household is pending and issues anyway. */
  acknowledgePendingChanges: z.boolean().optional(),
}).refine((v) => !!v.householdId || !!v.personIds, { message: 'householdId or personIds is required', path: ['householdId'] })
  .openapi('CertificateRequest');
export type CertificateRequestInput = z.infer<typeof CertificateRequestInput>;

const Row = z.object({ label: z.string(), value: z.string() });

export const CertificatePreview = z.object({
  kind: CertificateKindSchema,
  title: z.string(),
  official: z.boolean(),
  layout: z.enum(['household', 'individual']),
  header: z.array(Row),
  persons: z.array(z.object({ personId: z.string(), rows: z.array(Row), remarks: z.array(z.string()) })),
  asOfLine: z.string().optional(),
  certification: z.string(),
  issuedOnText: z.string(),
  issuerTitle: z.string(),
  issuerName: z.string(),
  /** Items that will be printed. */
  items: z.array(z.enum(PRINT_ITEMS)),
  /** Warnings for the clerk (e.g. a person under a support measure, a pending 仮登録, `value-overflow`). */
  alerts: z.array(z.string()),
  /** Fields whose value does not fit even at the smallest size (spec §5.8): printed to the limit or left blank per `overflowMode`. */
  overflow: z.array(z.string()),
  overflowMode: z.enum(['print-to-limit', 'leave-blank']),
  /** 仮登録 (provisional changes) pending for a printed person or the household: the kind and the persons' names. */
  pendingChanges: z.array(z.object({ kindLabel: z.string(), names: z.array(z.string()) })),
  /** Names printed with their base glyph because the font lacks the variant (ideographic variation sequence). */
  variantsSubstituted: z.boolean(),
  copies: z.number().int(),
  unitFeeYen: z.number().int(),
  /** Total fee: copies × unit fee. */
  feeYen: z.number().int(),
}).openapi('CertificatePreview');

export const IssuanceView = z.object({
  issuanceId: z.string().uuid(),
  issueNo: z.number().int(),
  issuedAt: z.string().datetime(),
  certificateKind: CertificateKindSchema,
  requesterType: z.enum(REQUESTER_TYPES),
  requesterGround: z.string(),
  officialBody: z.string(),
  legalBasis: z.string(),
  purpose: z.string(),
  householdId: z.string(),
  personIds: z.array(z.string()),
  items: z.array(z.string()),
  asOf: IsoDay,
  feeYen: z.number().int(),
  copies: z.number().int(),
  identityDocument: z.string(),
  pendingAcknowledged: z.boolean(),
  /** Deliveries of the PDF: 1 = the original only; more = 再交付 (reprints). */
  printCount: z.number().int(),
  staffId: z.string().uuid().nullable(),
  pageCount: z.number().int(),
  myNumberPrinted: z.boolean(),
  alerts: z.array(z.string()),
  /** Fields that did not fit (spec §5.8), as alerted to the clerk at issue. */
  overflowFields: z.array(z.string()),
  pdfSha256: z.string(),
  /** 発行端末 and 発行場所 (spec §1.3.8): '' when issued by the system; `unregistered` at no registered terminal. */
  terminalCode: z.string(),
  placeCode: z.string(),
}).openapi('CertificateIssuance');

/** Body of POST /certificate-issuances/{issuanceId}/voids and …/prints/{printNo}/disposals. */
export const ReasonInput = z.object({
  /** Why the certificate is void (無効) or the paper was destroyed (廃棄). */
  reason: z.string().max(500),
}).openapi('CertificateReason');

export const PrintParams = z.object({
  issuanceId: z.string().uuid().openapi({ param: { name: 'issuanceId', in: 'path' } }),
  printNo: z.coerce.number().int().min(1).openapi({ param: { name: 'printNo', in: 'path' } }),
});

export const IssuanceQuery = z.object({
  /** Issued on or after this day (JST). */
  from: IsoDay.optional(),
  /** Issued on or before this day (JST). */
  to: IsoDay.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** `csv` returns the ledger as CSV (UTF-8 with BOM) for export. */
  format: z.enum(['json', 'csv']).default('json'),
});

export const IssuanceParams = z.object({
  issuanceId: z.string().uuid().openapi({ param: { name: 'issuanceId', in: 'path' } }),
});

export const VerificationParams = z.object({
  /** The 照合番号 printed on the certificate (hyphens optional). */
  code: z.string().min(1).max(64).openapi({ param: { name: 'code', in: 'path' }, example: '7K3M-Q9XA-2B4C-D5E6-F7G8' }),
});

export const VerificationView = z.object({
  genuine: z.literal(true),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  issuedAt: z.string().datetime(),
  certificateKind: CertificateKindSchema,
  certificateTitle: z.string(),
  /** 発行番号 as printed (without the page part). */
  issueNumber: z.string(),
  /** SHA-256 of the issued PDF (its original print): equal to the hash of an unaltered file. */
  pdfSha256: z.string(),
  /** Declared void (無効) by the municipality after issue (spec §1.3.8). */
  voided: z.boolean(),
}).openapi('CertificateVerification');

export const CertificateSettingsInput = z.object({
  /** 市区町村長名 as printed after the title (e.g. 「百瀬　敬」). */
  mayorName: z.string().min(1).max(60).optional(),
  /** 公印 image: PNG, base64; printed at most 25 mm wide. */
  sealPngBase64: z.string().max(400_000).optional(),
  /** 手数料 per certificate kind in yen (転出証明書 is free by law). */
  certificateFees: z.record(CertificateKindSchema, z.number().int().min(0).max(10_000)).optional(),
  /** 認証者 (spec §1.3.9): the mayor and the deputies (職務代理者) with their periods; replaces the stored list. */
  certifiers: z.array(z.object({
    role: z.enum(['mayor', 'deputy']).openapi({ description: 'mayor 市区町村長, deputy 職務代理者' }),
    title: z.string().max(30).optional().openapi({ description: '職務代理者の職名（例: 副市長）' }),
    name: z.string().min(1).max(60),
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ description: '期間の初日（YYYY-MM-DD）' }),
    validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: '期間の末日（含む）。省略時は期限なし' }),
    sealPngBase64: z.string().max(400_000).optional().openapi({ description: 'この認証者の公印（PNG, base64）' }),
  })).max(50).optional(),
  /** 文字超過 (spec §5.8): print-to-limit 限界まで印字 (default), leave-blank 空欄にする; the field is listed either way. */
  overflowMode: z.enum(['print-to-limit', 'leave-blank']).optional(),
  /** Default layout of a 住民票の写し: household 世帯連記式 (default), individual 個人票. */
  certificateLayout: z.enum(LAYOUTS).optional(),
  /**
   * 世帯員の並び順 (spec §5.2) of the 世帯票, the certificates and the stored 記載順位 (CSV export, change feed): standard
   * (the standard's order, default) or entry (the order of entry).
   */
  memberOrder: z.enum(['standard', 'entry']).optional(),
}).openapi('CertificateSettingsInput');

export const CertificateSettingsView = z.object({
  mayorName: z.string().nullable(),
  sealConfigured: z.boolean(),
  certificateFees: z.record(z.string(), z.number().int()),
  certifiers: z.array(z.object({ role: z.enum(['mayor', 'deputy']), title: z.string().nullable(), name: z.string(), validFrom: z.string(), validTo: z.string().nullable(), sealConfigured: z.boolean() })),
  overflowMode: z.enum(['print-to-limit', 'leave-blank']),
  certificateLayout: z.enum(LAYOUTS),
  memberOrder: z.enum(['standard', 'entry']),
}).openapi('CertificateSettings');
