// SPDX-License-Identifier: EUPL-1.2
/** 国民健康保険 資格取得届・資格喪失届 (one procedure; the event chooses the case type). */
import type { ProcedureDefinition } from '../procedure-definition.ts';
import { applicantPage, ISO_DATE, procedureSchema } from './common.ts';

const nhi = (kind: 'enrolment' | 'withdrawal'): ProcedureDefinition => {
  const enrol = kind === 'enrolment';
  const reasons = enrol
    ? [{ value: 'left-employer-insurance', labelJa: '勤務先の健康保険をやめた', labelEn: 'Left employer insurance' }, { value: 'moved-in', labelJa: '市外から転入した', labelEn: 'Moved in' },
      { value: 'left-welfare', labelJa: '生活保護を受けなくなった', labelEn: 'Left public assistance' }]
    : [{ value: 'joined-employer-insurance', labelJa: '勤務先の健康保険に加入した', labelEn: 'Joined employer insurance' }, { value: 'moved-out', labelJa: '市外へ転出する', labelEn: 'Moving out' },
      { value: 'welfare', labelJa: '生活保護を受け始めた', labelEn: 'Started public assistance' }];
  return {
    code: `nhi-${kind}`, version: 1, validFrom: '2020-01-01',
    titleJa: enrol ? '国民健康保険 資格取得届' : '国民健康保険 資格喪失届', titleEn: enrol ? 'National Health Insurance: enrolment' : 'National Health Insurance: withdrawal',
    summaryJa: enrol ? '勤務先の健康保険をやめたときなど、国民健康保険に加入する届出です。14日以内に届け出てください。' : '勤務先の健康保険に加入したときなど、国民健康保険をやめる届出です。14日以内に届け出てください。',
    summaryEn: enrol ? 'Enrol in the National Health Insurance within 14 days.' : 'Leave the National Health Insurance within 14 days.',
    caseTypeCode: `nhi-${kind}`, applicants: ['self', 'household'],
    fee: { yen: 0, noteJa: '手数料はかかりません。', noteEn: 'No fee.' },
    attachments: [{ code: 'insurance-proof', labelJa: enrol ? '健康保険の資格喪失証明書' : '新しい健康保険の資格確認書等の写し', labelEn: 'Proof of the other insurance', required: true,
      mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 1_000_000 }],
    eligibility: [],
    schema: procedureSchema(['self', 'household'], {
      eventOn: { type: 'string', pattern: ISO_DATE },
      reason: { type: 'string', enum: reasons.map((r) => r.value) },
      otherInsurer: { type: 'string', maxLength: 200 },
      members: { type: 'array', items: { type: 'string', pattern: '^\\d{1,15}$' }, maxItems: 20 },
    }, ['eventOn', 'reason']),
    pages: [
      applicantPage(['self', 'household']),
      { id: 'event', titleJa: enrol ? '加入する理由' : 'やめる理由', titleEn: 'Reason', fields: [
        { name: 'reason', kind: 'radio', labelJa: '理由', labelEn: 'Reason', required: true, options: reasons },
        { name: 'eventOn', kind: 'date', labelJa: enrol ? '加入する日（前の保険をやめた日の翌日）' : 'やめる日（新しい保険に加入した日）', labelEn: 'Day', required: true },
        { name: 'otherInsurer', kind: 'text', labelJa: '勤務先の健康保険の名称', labelEn: 'Other insurer', hintJa: '例: 全国健康保険協会 長野支部' },
      ] },
      { id: 'members', titleJa: '対象の方', titleEn: 'Who', leadJa: '申請する方のほかに対象となる世帯の方を選んでください。', fields: [
        { name: 'members', kind: 'members', labelJa: '対象となる世帯の方', labelEn: 'Members', optionsFrom: 'household-members' },
      ] },
    ],
    toCase: { data: { eventOn: 'eventOn', reason: 'reason', otherInsurer: 'otherInsurer' }, subjects: { membersField: 'members' } },
  };
};

export const NHI_ENROLMENT = nhi('enrolment');
export const NHI_WITHDRAWAL = nhi('withdrawal');
