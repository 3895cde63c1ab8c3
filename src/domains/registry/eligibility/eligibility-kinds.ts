// SPDX-License-Identifier: EUPL-1.2
/**
 * 他業務の資格 (spec §7.2.2): the kinds of eligibility other business systems report about a resident, and their
 * labels. マイナンバーカード保有 is reported by the system that holds it like any other kind (the registry's own card
 * status is a separate model). Pure.
 */

export const ELIGIBILITY_KINDS = ['election', 'kokuho', 'kouki', 'kaigo', 'nenkin', 'child-allowance', 'mynumber-card'] as const;
export type EligibilityKind = (typeof ELIGIBILITY_KINDS)[number];

/** Japanese names (the business system's name for the status). */
export const ELIGIBILITY_LABELS: Record<EligibilityKind, string> = {
  election: '選挙人名簿登録', kokuho: '国民健康保険', kouki: '後期高齢者医療', kaigo: '介護保険', nenkin: '国民年金', 'child-allowance': '児童手当',
  'mynumber-card': 'マイナンバーカード保有',
};

/** English names (console in English). */
export const ELIGIBILITY_LABELS_EN: Record<EligibilityKind, string> = {
  election: 'Electoral register', kokuho: 'National Health Insurance', kouki: 'Late-stage elderly medical care', kaigo: 'Long-term care insurance',
  nenkin: 'National Pension', 'child-allowance': 'Child allowance', 'mynumber-card': 'My Number Card held',
};
