// SPDX-License-Identifier: EUPL-1.2
/** Request and response schemas of the cases (案件) API; the single source of its types and validation. */
import { z } from '@hono/zod-openapi';
import { isCalendarDate } from '../../platform/dates/jp-date.ts';

const Id = z.string().uuid();
const IsoDate = z.string().refine(isCalendarDate, { message: '暦にない日付です（西暦 YYYY-MM-DD）' }).openapi({ description: '日付（西暦 YYYY-MM-DD）', example: '2026-12-03' });
const DateText = z.string().min(4).max(40).openapi({ description: '日付（西暦 YYYY-MM-DD 又は和暦「令和8年12月3日」）' });
const AtenaNo = z.string().regex(/^\d{1,15}$/).openapi({ description: '宛名番号' });

/** A person as stated by the applicant. */
export const StatedPersonInput = z.object({
  /** 宛名番号, where the applicant knows it (prefilled by the portal or the counter). */
  atenaNo: AtenaNo.optional(),
  /** 氏 and 名 as in the registry; a foreign resident registered under a roman name only states that instead (romanName). */
  familyName: z.string().max(100).default(''),
  givenName: z.string().max(100).default(''),
  /** ローマ字氏名 (foreign residents), as in the registry. */
  romanName: z.string().max(200).optional(),
  familyNameKana: z.string().max(200).optional(),
  givenNameKana: z.string().max(200).optional(),
  birthDate: DateText,
}).openapi('CaseStatedPerson');

/** Contact of the applicant (for 補正 requests and notices). */
const Contact = z.object({ phone: z.string().max(30).optional(), email: z.string().email().max(200).optional() }).openapi('CaseContact');

/** 住所 as entered: 町字 by code or name, 番地, 方書. */
export const CaseAddress = z.object({
  townCode: z.string().regex(/^\d{7}$/).optional(),
  townName: z.string().max(100).optional(),
  banchi: z.string().min(1).max(100),
  katagaki: z.string().max(200).default(''),
}).refine((a) => !!a.townCode || !!a.townName, { message: '町字（townCode 又は townName）を入力してください' }).openapi('CaseAddress');

/** Data of a 転居届. */
export const MoveWithinData = z.object({
  /** 異動日 (the day of the move). */
  movedOn: IsoDate,
  newAddress: CaseAddress,
  /** The address the applicant states as the current one (checked against the registry). */
  currentAddress: z.object({ townName: z.string().max(100), banchi: z.string().max(100) }).optional(),
}).strict().openapi('MoveWithinData');

/** Data of a 転出届. */
export const MoveOutData = z.object({
  /** 転出予定日 or 転出日. */
  movingOn: IsoDate,
  destination: z.string().min(1).max(300),
  abroad: z.boolean().default(false),
}).strict().openapi('MoveOutData');

/** Data of a 住民票の写し等の交付請求. */
export const CertificateData = z.object({
  scope: z.enum(['self', 'household']).default('self'),
  copies: z.number().int().min(1).max(10).default(1),
  /** 利用目的. */
  purpose: z.string().min(1).max(200),
  delivery: z.enum(['counter', 'post']).default('post'),
}).strict().openapi('CertificateCaseData');

/** 保育を必要とする事由 of one parent, as the rule table scores it (daycare FactsInput). */
const DaycareParentFacts = z.object({
  need: z.enum(['employed', 'selfEmployedHelper', 'pregnancy', 'illness', 'disability', 'care', 'disaster', 'jobSeeking', 'study', 'abuse']),
  weeklyHours: z.number().min(0).max(168).optional(),
});

/** Data of a 保育所等利用申込. */
export const DaycareData = z.object({
  desiredStart: IsoDate,
  /** Preferred facilities, in order. */
  preferences: z.array(z.string().min(1).max(100)).min(1).max(10),
  /** 保育を必要とする事由. */
  needReason: z.string().min(1).max(200),
  /** The round applied to (online applications choose it). */
  roundId: z.string().max(100).optional(),
  /** Facts the round's rule table scores (online applications state them). */
  facts: z.object({
    parents: z.array(DaycareParentFacts).min(1).max(2),
    waitingMonths: z.number().int().min(0).max(120).optional(),
    childrenUnder18: z.number().int().min(0).max(20).optional(),
  }).optional(),
}).strict().openapi('DaycareCaseData');

/** Data of a 児童手当 認定請求. */
export const ChildAllowanceData = z.object({
  /** 受取口座 (請求者名義). */
  bankName: z.string().min(1).max(100),
  branchName: z.string().min(1).max(100),
  accountType: z.enum(['ordinary', 'current']),
  accountNumber: z.string().regex(/^\d{7}$/),
  /** Is the claimant a public servant (公務員; paid by the employer instead)? */
  publicServant: z.boolean().default(false),
}).strict().openapi('ChildAllowanceCaseData');

/** Data of a 国民健康保険 資格取得届 / 資格喪失届. */
export const NhiData = z.object({
  /** 資格取得日 or 資格喪失日. */
  eventOn: IsoDate,
  /** 事由: e.g. 'left-employer-insurance', 'moved-in', 'joined-employer-insurance', 'moved-out'. */
  reason: z.string().min(1).max(60),
  /** Name of the other insurance (勤務先の健康保険), where there is one. */
  otherInsurer: z.string().max(200).default(''),
}).strict().openapi('NhiCaseData');

/** Data of a 印鑑登録証明書交付申請. */
export const SealCertificateData = z.object({
  copies: z.number().int().min(1).max(10).default(1),
  /** 印鑑登録番号 on the 印鑑登録証. */
  sealRegistrationNo: z.string().regex(/^\d{1,10}$/),
  delivery: z.enum(['counter', 'post']).default('post'),
}).strict().openapi('SealCertificateCaseData');

/** Data of a 転入・転居の来庁予約 (advance data the counter picks up). */
export const VisitReservationData = z.object({
  kind: z.enum(['move-in', 'move-within']),
  /** 来庁予定日 and time slot. */
  visitOn: IsoDate,
  slot: z.string().regex(/^\d{2}:\d{2}$/),
  /** 異動日 (予定). */
  movedOn: IsoDate,
  newAddress: z.string().min(1).max(300),
  previousAddress: z.string().max(300).default(''),
}).strict().openapi('VisitReservationCaseData');

/** Data of a 印鑑登録申請 (the counter registers the seal of each subject who comes in person). */
export const SealRegistrationData = z.object({
  /** 本人確認の方法 (e.g. マイナンバーカード). */
  identityDocument: z.string().min(1).max(100),
}).strict().openapi('SealRegistrationCaseData');

/** Data of a 子ども医療費受給資格認定申請. */
export const ChildMedicalData = z.object({
  /** 加入している健康保険 (保険者名). */
  insurer: z.string().min(1).max(200),
  eligibleFrom: IsoDate,
}).strict().openapi('ChildMedicalCaseData');

/** Data of a 介護保険 資格取得・喪失届. */
export const LongTermCareData = z.object({
  eventOn: IsoDate,
  reason: z.enum(['moved-in', 'moved-out', 'death']),
  /** 要介護・要支援認定を受けている (受給資格証明書がある). */
  certified: z.boolean().default(false),
}).strict().openapi('LongTermCareCaseData');

/** Data of a 小中学校 転入学届. */
export const SchoolEnrolmentData = z.object({
  previousSchool: z.string().max(200).default(''),
  /** 学年 (1–9: 小1–中3). */
  grade: z.number().int().min(1).max(9),
  startOn: IsoDate,
}).strict().openapi('SchoolEnrolmentCaseData');

/** The data schema of each standard case type. */
export const CASE_DATA_SCHEMAS: Record<string, z.ZodType> = {
  'move-within': MoveWithinData, 'move-out': MoveOutData, 'residence-certificate': CertificateData, 'daycare-application': DaycareData,
  'child-allowance': ChildAllowanceData, 'nhi-enrolment': NhiData, 'nhi-withdrawal': NhiData, 'seal-certificate': SealCertificateData,
  'visit-reservation': VisitReservationData,
  'seal-registration': SealRegistrationData, 'child-medical': ChildMedicalData, 'long-term-care': LongTermCareData, 'school-enrolment': SchoolEnrolmentData,
};

/** Body of POST /cases: an application becomes a case. */
export const CaseSubmission = z.object({
  /** Case type code (e.g. `move-within` 転居届); the version valid on the day of receipt is used. */
  caseTypeCode: z.string().min(1).max(60),
  channel: z.enum(['online', 'counter', 'post']),
  applicant: StatedPersonInput.extend({ contact: Contact.optional() }),
  /** The persons the case is about (対象者). */
  subjects: z.array(StatedPersonInput).min(1).max(20),
  /** Procedure data; its shape depends on the case type (MoveWithinData, MoveOutData, …). */
  data: z.record(z.string(), z.unknown()),
  /** Day of receipt for post (消印日) or counter; defaults to today. */
  receivedOn: IsoDate.optional(),
}).openapi('CaseSubmission');
export type CaseSubmission = z.infer<typeof CaseSubmission>;

export const CaseIdParams = z.object({ caseId: Id.openapi({ param: { name: 'caseId', in: 'path' } }) });
export const CaseTypeIdParams = z.object({ caseTypeId: Id.openapi({ param: { name: 'caseTypeId', in: 'path' } }) });
export const CorrectionIdParams = CaseIdParams.extend({ correctionId: Id.openapi({ param: { name: 'correctionId', in: 'path' } }) });

/** Queue filters of GET /cases. */
export const CaseQuery = z.object({
  /** mine: assigned to me; queue: a named queue; due-soon / overdue: deadline queues; all: every open case. */
  view: z.enum(['all', 'mine', 'unassigned', 'due-soon', 'overdue', 'closed']).default('all'),
  queue: z.string().max(60).optional(),
  caseTypeCode: z.string().max(60).optional(),
  status: z.string().max(60).optional(),
  assigneeStaffId: Id.optional(),
  dueBefore: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type CaseQuery = z.infer<typeof CaseQuery>;

/** Body of POST /cases/{caseId}/status-changes. */
export const StatusChangeInput = z.object({
  /** The status to move to (`in-review`, …); closing goes through decisions. */
  statusCode: z.string().min(1).max(60),
  reason: z.string().max(1000).default(''),
}).openapi('CaseStatusChangeInput');

/** Body of POST /cases/{caseId}/assignments (queue and/or person; null clears the person). */
export const AssignmentInput = z.object({
  queue: z.string().min(1).max(60).optional(),
  staffId: Id.nullable().optional(),
  reason: z.string().max(1000).default(''),
}).openapi('CaseAssignmentInput');

/** Body of POST /cases/{caseId}/notes. */
export const NoteInput = z.object({ body: z.string().trim().min(1).max(4000) }).openapi('CaseNoteInput');

/** Body of POST /cases/{caseId}/corrections (補正 request; stops the clock). */
export const CorrectionInput = z.object({
  message: z.string().trim().min(1).max(4000),
  /** Names of the items to correct (e.g. `data.newAddress`). */
  fields: z.array(z.string().max(100)).max(50).default([]),
}).openapi('CaseCorrectionInput');

/** Body of POST /cases/{caseId}/corrections/{correctionId}/answers (the applicant's answer; restarts the clock). */
export const CorrectionAnswerInput = z.object({
  message: z.string().max(4000).default(''),
  /** Corrected procedure data (replaces the submitted data's keys given). */
  data: z.record(z.string(), z.unknown()).optional(),
  subjects: z.array(StatedPersonInput).min(1).max(20).optional(),
}).openapi('CaseCorrectionAnswerInput');

/** Body of POST /cases/{caseId}/decisions. */
export const DecisionInput = z.object({
  outcome: z.enum(['approved', 'rejected', 'withdrawn']),
  /** 理由: required when rejecting, shown to the applicant. */
  reasons: z.string().max(4000).default(''),
}).openapi('CaseDecisionInput');

/** Body of POST /cases/{caseId}/extensions. */
export const ExtensionInput = z.object({
  days: z.number().int().min(1).max(365),
  reason: z.string().trim().min(1).max(1000),
}).openapi('CaseExtensionInput');

/** Body of POST /cases/{caseId}/attachments (small files, base64). */
export const AttachmentInput = z.object({
  fileName: z.string().min(1).max(200),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  contentBase64: z.string().min(1).max(2_000_000),
}).openapi('CaseAttachmentInput');

/** Body of POST /case-closure-days. */
export const ClosureDayInput = z.object({ day: IsoDate, label: z.string().max(100).default('') }).openapi('CaseClosureDayInput');

/** Body of POST /case-types/{caseTypeId}/versions: a municipality's configuration as a new draft version. */
export const CaseTypeVersionInput = z.object({
  validFrom: IsoDate,
  legalPeriodDays: z.number().int().min(1).max(365).optional(),
  serviceTargetDays: z.number().int().min(1).max(365).optional(),
  autoApprove: z.boolean().optional(),
  defaultQueue: z.string().min(1).max(60).optional(),
  feeYen: z.number().int().min(0).max(100000).optional(),
}).openapi('CaseTypeVersionInput');

/** Query of GET /case-events/ocel. */
export const OcelQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

const Check = z.object({ rule: z.string(), label: z.string(), passed: z.boolean(), message: z.string() });

/** A case type version. */
export const CaseTypeView = z.object({
  caseTypeId: Id, code: z.string(), version: z.number().int(), status: z.enum(['draft', 'published']), validFrom: z.string(), validTo: z.string().nullable(),
  titleJa: z.string(), titleEn: z.string(), legalPeriodDays: z.number().int(), serviceTargetDays: z.number().int(), suspensionAllowed: z.boolean(),
  extensionAllowed: z.boolean(), extensionMaxDays: z.number().int(), handlerRoles: z.array(z.string()), deciderRoles: z.array(z.string()), autoApprove: z.boolean(),
  reviewRules: z.array(z.object({ rule: z.string(), params: z.record(z.string(), z.unknown()).optional() })), ruleVersion: z.string(), effect: z.string(),
  defaultQueue: z.string(), feeYen: z.number().int(), standard: z.boolean(),
  statuses: z.array(z.object({ code: z.string(), sequence: z.number().int(), labelJa: z.string(), labelEn: z.string(), informsApplicant: z.boolean(), isFinal: z.boolean() })),
  results: z.array(z.object({ code: z.string(), labelJa: z.string(), labelEn: z.string() })),
}).openapi('CaseTypeView');

/** A case in a list. */
export const CaseSummary = z.object({
  caseId: Id, caseNo: z.string(), caseTypeCode: z.string(), caseTypeTitle: z.string(), caseTypeVersion: z.number().int(), channel: z.string(),
  statusCode: z.string(), statusLabel: z.string(), receivedOn: z.string(), legalDueOn: z.string().nullable(), targetDueOn: z.string().nullable(),
  deadlineState: z.enum(['no-deadline', 'suspended', 'on-track', 'due-soon', 'overdue']), suspended: z.boolean(), queue: z.string().nullable(),
  assigneeStaffId: Id.nullable(), assigneeName: z.string().nullable(), reviewOutcome: z.string().nullable(), resultCode: z.string().nullable(), closedAt: z.string().nullable(),
  applicantName: z.string(), failedChecks: z.number().int(),
}).openapi('CaseSummary');

/** A case with everything a reviewer needs. */
export const CaseView = CaseSummary.extend({
  applicant: z.record(z.string(), z.unknown()), subjects: z.array(z.record(z.string(), z.unknown())), data: z.record(z.string(), z.unknown()),
  extensionDays: z.number().int(), version: z.number().int(),
  history: z.array(z.object({ seq: z.number().int(), statusCode: z.string(), statusLabel: z.string(), setAt: z.string(), actorType: z.string(), actorId: z.string(), reason: z.string() })),
  suspensions: z.array(z.object({ from: z.string(), to: z.string().nullable(), reason: z.string() })),
  notes: z.array(z.object({ noteId: Id, authorStaffId: Id, authorName: z.string(), body: z.string(), createdAt: z.string() })),
  corrections: z.array(z.object({ correctionId: Id, message: z.string(), fields: z.array(z.string()), requestedBy: z.string(), requestedAt: z.string(),
    answerMessage: z.string().nullable(), answeredAt: z.string().nullable() })),
  attachments: z.array(z.object({ attachmentId: Id, fileName: z.string(), mediaType: z.string(), byteSize: z.number().int(), sha256: z.string() })),
  review: z.object({ reviewId: Id, ruleVersion: z.string(), outcome: z.string(), reviewedAt: z.string(), checks: z.array(Check) }).nullable(),
  decision: z.object({ outcome: z.string(), reasons: z.string(), decidedByType: z.string(), decidedBy: z.string(), decidedAt: z.string(), effect: z.record(z.string(), z.unknown()) }).nullable(),
}).openapi('CaseView');

/** The replay of a stored review. */
export const ReplayView = z.object({ reviewId: Id, ruleVersion: z.string(), identical: z.boolean(), stored: z.array(Check), replayed: z.array(Check) }).openapi('CaseReviewReplay');

/** One event of the case event log. */
export const CaseEventView = z.object({
  eventId: Id, caseId: Id, caseTypeCode: z.string(), activity: z.string(), actorType: z.string(), actorId: z.string(), channel: z.string(),
  occurredAt: z.string(), touchSeconds: z.number().int(), objects: z.array(z.object({ id: z.string(), type: z.string(), qualifier: z.string() })),
}).openapi('CaseEvent');
