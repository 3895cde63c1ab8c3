// SPDX-License-Identifier: EUPL-1.2
/**
 * National standard case types shipped with Jichi, installed for every municipality (configured per
 * municipality through new versions, never forked). Periods are business days; the review rules are data
 * interpreted by review-rules.ts.
 */
import type { Role } from '../../platform/auth/permissions.ts';

/** One automatic-review rule as configured on a case type. */
export interface RuleConfig {
  rule: RuleCode;
  params?: Record<string, number | boolean | string>;
}

/** The automatic-review rules Jichi knows. */
export const RULE_CODES = [
  'identity-match', 'applicant-eligible', 'same-household', 'whole-household', 'address-in-town-list', 'address-changes',
  'no-open-case', 'no-pending-registry-change', 'notification-period', 'subject-age',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** What an approval does. */
export type CaseEffect = 'registry-move-within' | 'registry-move-out' | 'certificate' | 'daycare-application' | 'none';

/** A status type of a case type (ordered; the last one is final). */
export interface StatusTypeDef { code: string; labelJa: string; labelEn: string; informsApplicant: boolean }

/** A standard case-type definition. */
export interface CaseTypeDef {
  code: string;
  version: number;
  validFrom: string;
  titleJa: string;
  titleEn: string;
  legalPeriodDays: number;
  serviceTargetDays: number;
  suspensionAllowed: boolean;
  extensionAllowed: boolean;
  extensionMaxDays: number;
  handlerRoles: Role[];
  deciderRoles: Role[];
  autoApprove: boolean;
  /** 本登録 by rule: the registry change of an automatically approved case is finalised without a second person. */
  finaliseByRule?: boolean;
  reviewRules: RuleConfig[];
  ruleVersion: string;
  effect: CaseEffect;
  defaultQueue: string;
  feeYen: number;
  statuses: StatusTypeDef[];
  results: Array<{ code: string; labelJa: string; labelEn: string }>;
}

/** The status types every standard case type uses, in order (受付 → 審査中 → 補正待ち → 完了). */
export const STANDARD_STATUSES: StatusTypeDef[] = [
  { code: 'received', labelJa: '受付', labelEn: 'Received', informsApplicant: true },
  { code: 'in-review', labelJa: '審査中', labelEn: 'In review', informsApplicant: true },
  { code: 'awaiting-correction', labelJa: '補正待ち', labelEn: 'Awaiting correction', informsApplicant: true },
  { code: 'closed', labelJa: '完了', labelEn: 'Closed', informsApplicant: true },
];

/** Results of a closed case. */
export const STANDARD_RESULTS = [
  { code: 'approved', labelJa: '受理・承認', labelEn: 'Approved' },
  { code: 'rejected', labelJa: '不受理・却下', labelEn: 'Rejected' },
  { code: 'withdrawn', labelJa: '取下げ', labelEn: 'Withdrawn' },
];

const base = { version: 1, validFrom: '2020-01-01', statuses: STANDARD_STATUSES, results: STANDARD_RESULTS, suspensionAllowed: true, feeYen: 0 };

/** 転居届, 転出届, 住民票の写し等の交付請求, 保育所等利用申込. */
export const STANDARD_CASE_TYPES: CaseTypeDef[] = [
  {
    ...base, code: 'move-within', titleJa: '転居届', titleEn: 'Notification of a move within the municipality',
    // 住基法 23条: within 14 days of the move; processed the same or next business day (service target 1).
    legalPeriodDays: 5, serviceTargetDays: 1, extensionAllowed: false, extensionMaxDays: 0,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['reviewer', 'approver'], autoApprove: true, finaliseByRule: true, ruleVersion: 'move-within/1',
    effect: 'registry-move-within', defaultQueue: 'registry-review',
    reviewRules: [
      { rule: 'identity-match' }, { rule: 'applicant-eligible', params: { minAge: 15 } }, { rule: 'same-household' },
      { rule: 'whole-household' }, { rule: 'address-in-town-list' }, { rule: 'address-changes' }, { rule: 'no-open-case' },
      { rule: 'no-pending-registry-change' }, { rule: 'notification-period', params: { daysAfter: 14, daysBefore: 0 } },
    ],
  },
  {
    ...base, code: 'move-out', titleJa: '転出届', titleEn: 'Notification of moving out',
    // 住基法 24条: before the move (up to 14 days ahead by practice) or within 14 days after it.
    legalPeriodDays: 5, serviceTargetDays: 1, extensionAllowed: false, extensionMaxDays: 0,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['reviewer', 'approver'], autoApprove: true, ruleVersion: 'move-out/1',
    effect: 'registry-move-out', defaultQueue: 'registry-review',
    reviewRules: [
      { rule: 'identity-match' }, { rule: 'applicant-eligible', params: { minAge: 15 } }, { rule: 'same-household' },
      { rule: 'whole-household' }, { rule: 'no-open-case' }, { rule: 'no-pending-registry-change' },
      { rule: 'notification-period', params: { daysAfter: 14, daysBefore: 14 } },
    ],
  },
  {
    ...base, code: 'residence-certificate', titleJa: '住民票の写し等の交付請求', titleEn: 'Request for a copy of the residence record',
    legalPeriodDays: 5, serviceTargetDays: 2, extensionAllowed: false, extensionMaxDays: 0, feeYen: 300,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['counter', 'reviewer', 'approver'], autoApprove: true, ruleVersion: 'residence-certificate/1',
    effect: 'certificate', defaultQueue: 'certificates',
    reviewRules: [{ rule: 'identity-match' }, { rule: 'applicant-eligible', params: { minAge: 15 } }, { rule: 'same-household' }],
  },
  {
    ...base, code: 'daycare-application', titleJa: '保育所等利用申込', titleEn: 'Application for daycare (保育所等)',
    // 子ども・子育て支援法 20条: the 支給認定 within 30 days, extendable with notice.
    legalPeriodDays: 30, serviceTargetDays: 20, extensionAllowed: true, extensionMaxDays: 30,
    handlerRoles: ['daycare', 'reviewer'], deciderRoles: ['daycare', 'approver'], autoApprove: false, ruleVersion: 'daycare-application/1',
    effect: 'daycare-application', defaultQueue: 'daycare',
    reviewRules: [
      { rule: 'identity-match' }, { rule: 'applicant-eligible', params: { minAge: 18 } }, { rule: 'same-household' },
      { rule: 'subject-age', params: { maxAge: 5 } }, { rule: 'no-open-case' },
    ],
  },
  // Case types of the online procedures (issue #14) and the counter; their approval records the result only (effect 'none').
  {
    ...base, code: 'child-allowance', titleJa: '児童手当 認定請求', titleEn: 'Claim for the child allowance (児童手当)',
    // 児童手当法 7条: the 認定 is decided by the 市町村長; 15 business days as the municipality's usual period.
    legalPeriodDays: 30, serviceTargetDays: 15, extensionAllowed: true, extensionMaxDays: 30,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['reviewer', 'approver'], autoApprove: false, ruleVersion: 'child-allowance/1',
    effect: 'none', defaultQueue: 'child-allowance',
    reviewRules: [{ rule: 'identity-match' }, { rule: 'applicant-eligible', params: { minAge: 18 } }, { rule: 'same-household' }, { rule: 'subject-age', params: { maxAge: 18 } }, { rule: 'no-open-case' }],
  },
  {
    ...base, code: 'nhi-enrolment', titleJa: '国民健康保険 資格取得届', titleEn: 'National Health Insurance: enrolment',
    // 国民健康保険法施行規則 2条: within 14 days of the event.
    legalPeriodDays: 10, serviceTargetDays: 3, extensionAllowed: false, extensionMaxDays: 0,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['reviewer', 'approver'], autoApprove: false, ruleVersion: 'nhi-enrolment/1',
    effect: 'none', defaultQueue: 'nhi',
    reviewRules: [{ rule: 'identity-match' }, { rule: 'same-household' }, { rule: 'no-open-case' }],
  },
  {
    ...base, code: 'nhi-withdrawal', titleJa: '国民健康保険 資格喪失届', titleEn: 'National Health Insurance: withdrawal',
    legalPeriodDays: 10, serviceTargetDays: 3, extensionAllowed: false, extensionMaxDays: 0,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['reviewer', 'approver'], autoApprove: false, ruleVersion: 'nhi-withdrawal/1',
    effect: 'none', defaultQueue: 'nhi',
    reviewRules: [{ rule: 'identity-match' }, { rule: 'same-household' }, { rule: 'no-open-case' }],
  },
  {
    ...base, code: 'seal-certificate', titleJa: '印鑑登録証明書交付申請', titleEn: 'Request for a seal registration certificate',
    legalPeriodDays: 5, serviceTargetDays: 2, extensionAllowed: false, extensionMaxDays: 0, feeYen: 300,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['counter', 'reviewer', 'approver'], autoApprove: false, ruleVersion: 'seal-certificate/1',
    effect: 'none', defaultQueue: 'certificates',
    reviewRules: [{ rule: 'identity-match' }, { rule: 'applicant-eligible', params: { minAge: 15 } }],
  },
  {
    ...base, code: 'visit-reservation', titleJa: '転入・転居の来庁予約', titleEn: 'Visit reservation for moving in or within',
    // Advance data the counter picks up on the day; closed by the counter when the notification is filed.
    legalPeriodDays: 20, serviceTargetDays: 10, extensionAllowed: false, extensionMaxDays: 0,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['counter', 'reviewer', 'approver'], autoApprove: false, ruleVersion: 'visit-reservation/1',
    effect: 'none', defaultQueue: 'counter-reservations', reviewRules: [],
  },
  // Case types the counter files for a life event (issue #11).
  {
    ...base, code: 'seal-registration', titleJa: '印鑑登録申請', titleEn: 'Seal registration',
    // 印鑑登録証明事務処理要領: registered on the spot when the applicant comes in person with proof of identity.
    legalPeriodDays: 5, serviceTargetDays: 1, extensionAllowed: false, extensionMaxDays: 0,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['counter', 'reviewer', 'approver'], autoApprove: false, ruleVersion: 'seal-registration/1',
    effect: 'none', defaultQueue: 'seal',
    reviewRules: [{ rule: 'identity-match' }, { rule: 'applicant-eligible', params: { minAge: 15 } }],
  },
  {
    ...base, code: 'child-medical', titleJa: '子ども医療費受給資格認定申請', titleEn: 'Children\'s medical expenses: eligibility',
    legalPeriodDays: 20, serviceTargetDays: 5, extensionAllowed: false, extensionMaxDays: 0,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['reviewer', 'approver'], autoApprove: false, ruleVersion: 'child-medical/1',
    effect: 'none', defaultQueue: 'child-medical',
    reviewRules: [{ rule: 'identity-match' }, { rule: 'same-household' }, { rule: 'no-open-case' }],
  },
  {
    ...base, code: 'long-term-care', titleJa: '介護保険 資格取得・喪失届', titleEn: 'Long-term care insurance: enrolment or withdrawal',
    // 介護保険法 12条: within 14 days.
    legalPeriodDays: 10, serviceTargetDays: 3, extensionAllowed: false, extensionMaxDays: 0,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['reviewer', 'approver'], autoApprove: false, ruleVersion: 'long-term-care/1',
    effect: 'none', defaultQueue: 'long-term-care',
    reviewRules: [{ rule: 'identity-match' }, { rule: 'no-open-case' }],
  },
  {
    ...base, code: 'school-enrolment', titleJa: '小中学校 転入学届', titleEn: 'School transfer (primary and junior high)',
    // 学校教育法施行令 5条: the board of education notifies the school; a few days.
    legalPeriodDays: 5, serviceTargetDays: 2, extensionAllowed: false, extensionMaxDays: 0,
    handlerRoles: ['counter', 'reviewer'], deciderRoles: ['reviewer', 'approver'], autoApprove: false, ruleVersion: 'school-enrolment/1',
    effect: 'none', defaultQueue: 'school',
    reviewRules: [{ rule: 'identity-match' }, { rule: 'subject-age', params: { maxAge: 15 } }],
  },
];
