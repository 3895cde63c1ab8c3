// SPDX-License-Identifier: EUPL-1.2
/** 住民票の写し等の交付請求 (postal delivery) and 印鑑登録証明書交付申請. */
import type { ProcedureDefinition } from '../procedure-definition.ts';
import { applicantPage, IDENTITY_DOCUMENT, POWER_OF_ATTORNEY, procedureSchema } from './common.ts';

export const RESIDENCE_CERTIFICATE: ProcedureDefinition = {
  code: 'residence-certificate', version: 1, validFrom: '2020-01-01',
  titleJa: '住民票の写し等の交付請求', titleEn: 'Request for a copy of the residence record',
  summaryJa: '住民票の写しを郵送で受け取れます。手数料は1通300円です。', summaryEn: 'Receive a copy of your residence record by post. 300 yen per copy.',
  caseTypeCode: 'residence-certificate', applicants: ['self', 'household', 'proxy'],
  fee: { yen: 300, noteJa: '1通300円。届いた郵便の払込票でお支払いください。', noteEn: '300 yen per copy, paid with the slip sent with the copy.' },
  attachments: [POWER_OF_ATTORNEY, IDENTITY_DOCUMENT], eligibility: [],
  schema: procedureSchema(['self', 'household', 'proxy'], {
    scope: { type: 'string', enum: ['self', 'household'] },
    copies: { type: 'integer', minimum: 1, maximum: 10 },
    purpose: { type: 'string', minLength: 1, maxLength: 200 },
  }, ['scope', 'copies', 'purpose']),
  pages: [
    applicantPage(['self', 'household', 'proxy']),
    { id: 'certificate', titleJa: '必要な証明書', titleEn: 'Certificate', fields: [
      { name: 'scope', kind: 'radio', labelJa: '証明する範囲', labelEn: 'Scope', required: true, options: [
        { value: 'self', labelJa: '本人のみ', labelEn: 'Only the person' }, { value: 'household', labelJa: '世帯全員', labelEn: 'The whole household' }] },
      { name: 'copies', kind: 'number', labelJa: '通数', labelEn: 'Copies', hintJa: '1〜10通', required: true },
    ] },
    { id: 'purpose', titleJa: '使いみち', titleEn: 'Purpose', fields: [
      { name: 'purpose', kind: 'text', labelJa: '利用目的', labelEn: 'Purpose', hintJa: '例: 勤務先へ提出、自動車の登録', required: true },
    ] },
  ],
  toCase: { data: { scope: 'scope', copies: 'copies', purpose: 'purpose', delivery: { const: 'post' } }, subjects: 'applicant' },
};

export const SEAL_CERTIFICATE: ProcedureDefinition = {
  code: 'seal-certificate', version: 1, validFrom: '2020-01-01',
  titleJa: '印鑑登録証明書交付申請', titleEn: 'Request for a seal registration certificate',
  summaryJa: '登録済みの印鑑の証明書を郵送で受け取れます。印鑑登録証の番号が必要です。', summaryEn: 'Receive a certificate of your registered seal by post.',
  caseTypeCode: 'seal-certificate', applicants: ['self'],
  fee: { yen: 300, noteJa: '1通300円。', noteEn: '300 yen per copy.' },
  attachments: [IDENTITY_DOCUMENT], eligibility: [],
  schema: procedureSchema(['self'], {
    copies: { type: 'integer', minimum: 1, maximum: 10 },
    sealRegistrationNo: { type: 'string', pattern: '^\\d{1,10}$' },
  }, ['copies', 'sealRegistrationNo']),
  pages: [
    applicantPage(['self']),
    { id: 'seal', titleJa: '印鑑登録証', titleEn: 'Seal registration card', fields: [
      { name: 'sealRegistrationNo', kind: 'text', labelJa: '印鑑登録番号', labelEn: 'Seal registration number', hintJa: '印鑑登録証に書かれた数字', required: true },
      { name: 'copies', kind: 'number', labelJa: '通数', labelEn: 'Copies', hintJa: '1〜10通', required: true },
    ] },
  ],
  toCase: { data: { copies: 'copies', sealRegistrationNo: 'sealRegistrationNo', delivery: { const: 'post' } }, subjects: 'applicant' },
};
