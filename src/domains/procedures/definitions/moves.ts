// SPDX-License-Identifier: EUPL-1.2
/** 転出届 (online, as マイナポータル allows) and 転入・転居の来庁予約 (advance data the counter picks up). */
import type { ProcedureDefinition } from '../procedure-definition.ts';
import { applicantPage, ISO_DATE, procedureSchema } from './common.ts';

export const MOVE_OUT: ProcedureDefinition = {
  code: 'move-out', version: 1, validFrom: '2020-01-01',
  titleJa: '転出届', titleEn: 'Notification of moving out',
  summaryJa: '市外へ引っ越す方の転出届です。引越しの14日前から届け出られます。', summaryEn: 'Notify moving out of the municipality, from 14 days before the move.',
  caseTypeCode: 'move-out', applicants: ['self', 'household'],
  fee: { yen: 0, noteJa: '手数料はかかりません。', noteEn: 'No fee.' },
  attachments: [], eligibility: [],
  schema: procedureSchema(['self', 'household'], {
    movingOn: { type: 'string', pattern: ISO_DATE },
    destination: { type: 'string', minLength: 1, maxLength: 300 },
    members: { type: 'array', items: { type: 'string', pattern: '^\\d{1,15}$' }, maxItems: 20 },
  }, ['movingOn', 'destination']),
  pages: [
    applicantPage(['self', 'household']),
    { id: 'move', titleJa: '引越しの予定', titleEn: 'The move', fields: [
      { name: 'movingOn', kind: 'date', labelJa: '転出予定日', labelEn: 'Moving day', required: true },
      { name: 'destination', kind: 'text', labelJa: '転出先の住所', labelEn: 'New address', hintJa: '都道府県から番地・部屋番号まで', required: true, autocomplete: 'street-address' },
    ] },
    { id: 'members', titleJa: '一緒に引っ越す方', titleEn: 'Who moves', leadJa: '申請する方のほかに一緒に引っ越す世帯の方を選んでください。', fields: [
      { name: 'members', kind: 'members', labelJa: '一緒に引っ越す方', labelEn: 'Members who move', optionsFrom: 'household-members' },
    ] },
  ],
  toCase: { data: { movingOn: 'movingOn', destination: 'destination', abroad: { const: false } }, subjects: { membersField: 'members' } },
};

export const VISIT_RESERVATION: ProcedureDefinition = {
  code: 'visit-reservation', version: 1, validFrom: '2020-01-01',
  titleJa: '転入・転居の来庁予約', titleEn: 'Visit reservation for moving in or within',
  summaryJa: '来庁する日時を予約し、届出の内容を先に入力できます。窓口では確認と署名だけで済みます。', summaryEn: 'Book a visit and enter the notification in advance.',
  caseTypeCode: 'visit-reservation', applicants: ['self', 'household', 'proxy'],
  fee: { yen: 0, noteJa: '手数料はかかりません。', noteEn: 'No fee.' },
  attachments: [], eligibility: [],
  schema: procedureSchema(['self', 'household', 'proxy'], {
    kind: { type: 'string', enum: ['move-in', 'move-within'] },
    visitOn: { type: 'string', pattern: ISO_DATE },
    slot: { type: 'string', enum: ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00'] },
    movedOn: { type: 'string', pattern: ISO_DATE },
    newAddress: { type: 'string', minLength: 1, maxLength: 300 },
    previousAddress: { type: 'string', maxLength: 300 },
  }, ['kind', 'visitOn', 'slot', 'movedOn', 'newAddress']),
  pages: [
    applicantPage(['self', 'household', 'proxy']),
    { id: 'kind', titleJa: '届出の種類', titleEn: 'Kind', fields: [
      { name: 'kind', kind: 'radio', labelJa: 'どちらの届出ですか', labelEn: 'Which notification', required: true, options: [
        { value: 'move-in', labelJa: '転入届（市外から引っ越してきた）', labelEn: 'Moving in from elsewhere' },
        { value: 'move-within', labelJa: '転居届（市内で引っ越した）', labelEn: 'Moving within the municipality' }] },
      { name: 'movedOn', kind: 'date', labelJa: '引越し日（予定日）', labelEn: 'Moving day', required: true },
    ] },
    { id: 'address', titleJa: '住所', titleEn: 'Address', fields: [
      { name: 'newAddress', kind: 'text', labelJa: '新しい住所', labelEn: 'New address', hintJa: '町名から番地・部屋番号まで', required: true, autocomplete: 'street-address' },
      { name: 'previousAddress', kind: 'text', labelJa: '前の住所', labelEn: 'Previous address', prefill: 'person.address' },
    ] },
    { id: 'visit', titleJa: '来庁日時', titleEn: 'Visit', fields: [
      { name: 'visitOn', kind: 'date', labelJa: '来庁日', labelEn: 'Day of the visit', hintJa: '開庁日（平日）を入力してください', required: true },
      { name: 'slot', kind: 'select', labelJa: '時間帯', labelEn: 'Time', required: true, options: ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00'].map((s) => ({ value: s, labelJa: `${s}〜`, labelEn: `from ${s}` })) },
    ] },
  ],
  toCase: { data: { kind: 'kind', visitOn: 'visitOn', slot: 'slot', movedOn: 'movedOn', newAddress: 'newAddress', previousAddress: 'previousAddress' }, subjects: 'applicant' },
};
