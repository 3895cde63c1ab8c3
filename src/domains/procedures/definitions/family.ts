// SPDX-License-Identifier: EUPL-1.2
/** 保育所等利用申込 (children, ranked facilities, the facts the rule table scores) and 児童手当 認定請求. */
import type { ProcedureDefinition } from '../procedure-definition.ts';
import { applicantPage, ISO_DATE, procedureSchema } from './common.ts';

const NEEDS = [
  { value: 'employed', labelJa: '就労（外勤・自営）', labelEn: 'Employed' },
  { value: 'selfEmployedHelper', labelJa: '自営の協力者', labelEn: 'Helping in a family business' },
  { value: 'pregnancy', labelJa: '妊娠・出産', labelEn: 'Pregnancy or birth' },
  { value: 'illness', labelJa: '疾病', labelEn: 'Illness' },
  { value: 'disability', labelJa: '障害', labelEn: 'Disability' },
  { value: 'care', labelJa: '介護・看護', labelEn: 'Caring for a relative' },
  { value: 'jobSeeking', labelJa: '求職活動', labelEn: 'Seeking work' },
  { value: 'study', labelJa: '就学', labelEn: 'Study' },
];
const needValues = NEEDS.map((n) => n.value);

export const DAYCARE_APPLICATION: ProcedureDefinition = {
  code: 'daycare-application', version: 1, validFrom: '2020-01-01',
  titleJa: '保育所等利用申込', titleEn: 'Application for daycare',
  summaryJa: '保育所・認定こども園などの利用を申し込めます。希望する施設を順に選び、保育が必要な理由を入力します。', summaryEn: 'Apply for a place in daycare.',
  caseTypeCode: 'daycare-application', applicants: ['self'],
  fee: { yen: 0, noteJa: '申込みに手数料はかかりません。保育料は決定後にお知らせします。', noteEn: 'No fee for applying.' },
  attachments: [{ code: 'employment-certificate', labelJa: '就労証明書', labelEn: 'Certificate of employment', required: { name: 'need1', equals: 'employed' },
    mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 1_000_000 }],
  eligibility: [{ rule: 'household-has-child', params: { maxAge: 5 }, labelJa: '世帯に小学校入学前のお子さんがいること', labelEn: 'A child under school age in the household' }],
  schema: procedureSchema(['self'], {
    children: { type: 'array', items: { type: 'string', pattern: '^\\d{1,15}$' }, minItems: 1, maxItems: 6 },
    desiredStart: { type: 'string', pattern: ISO_DATE },
    preferences: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, minItems: 1, maxItems: 5, uniqueItems: true },
    need1: { type: 'string', enum: needValues },
    hours1: { type: 'integer', minimum: 0, maximum: 168 },
    need2: { type: 'string', enum: [...needValues, 'none'] },
    hours2: { type: 'integer', minimum: 0, maximum: 168 },
    waitingMonths: { type: 'integer', minimum: 0, maximum: 120 },
  }, ['children', 'desiredStart', 'preferences', 'need1']),
  pages: [
    applicantPage(['self']),
    { id: 'children', titleJa: '申し込むお子さん', titleEn: 'Children', fields: [
      { name: 'children', kind: 'members', labelJa: '申し込むお子さん', labelEn: 'Children', optionsFrom: 'household-children', required: true },
      { name: 'desiredStart', kind: 'date', labelJa: '利用を始めたい日', labelEn: 'Desired start', hintJa: '通常は月の初日（例: 令和8年4月1日）', required: true },
    ] },
    { id: 'facilities', titleJa: '希望する施設', titleEn: 'Facilities', leadJa: '希望する順に選んでください。第1希望は必須です。', fields: [
      { name: 'preferences', kind: 'rank', labelJa: '希望', labelEn: 'Choice', optionsFrom: 'daycare-facilities', count: 3, required: true },
    ] },
    { id: 'need', titleJa: '保育が必要な理由', titleEn: 'Need for care', leadJa: '市の利用調整基準表で点数を計算するために使います。', fields: [
      { name: 'need1', kind: 'select', labelJa: '保護者1の理由', labelEn: 'Parent 1: reason', required: true, options: NEEDS },
      { name: 'hours1', kind: 'number', labelJa: '保護者1の1週間の就労時間', labelEn: 'Parent 1: weekly hours', hintJa: '就労の場合（時間）' },
      { name: 'need2', kind: 'select', labelJa: '保護者2の理由', labelEn: 'Parent 2: reason', options: [...NEEDS, { value: 'none', labelJa: '保護者2はいない', labelEn: 'No second parent' }] },
      { name: 'hours2', kind: 'number', labelJa: '保護者2の1週間の就労時間', labelEn: 'Parent 2: weekly hours', hintJa: '就労の場合（時間）' },
      { name: 'waitingMonths', kind: 'number', labelJa: '待機している月数', labelEn: 'Months waiting', hintJa: '前回から申し込んで待っている場合（月）' },
    ] },
  ],
  toCase: { data: { desiredStart: 'desiredStart', preferences: { facilityNames: 'preferences' }, needReason: { label: 'need1' }, facts: { daycareFacts: true }, roundId: { daycareRound: true } }, subjects: { membersField: 'children' } },
};

export const CHILD_ALLOWANCE: ProcedureDefinition = {
  code: 'child-allowance', version: 1, validFrom: '2020-01-01',
  titleJa: '児童手当 認定請求', titleEn: 'Claim for the child allowance',
  summaryJa: '高校生年代までのお子さんを養育している方が、児童手当を受けるための請求です。', summaryEn: 'Claim the child allowance for the children you raise.',
  caseTypeCode: 'child-allowance', applicants: ['self'],
  fee: { yen: 0, noteJa: '手数料はかかりません。', noteEn: 'No fee.' },
  attachments: [{ code: 'bank-card', labelJa: '受取口座の通帳又はキャッシュカードの写し', labelEn: 'Copy of the bank book or card', required: true,
    mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 1_000_000 }],
  eligibility: [{ rule: 'household-has-child', params: { maxAge: 18 }, labelJa: '世帯に18歳以下のお子さんがいること', labelEn: 'A child aged 18 or under in the household' }],
  schema: procedureSchema(['self'], {
    children: { type: 'array', items: { type: 'string', pattern: '^\\d{1,15}$' }, minItems: 1, maxItems: 10 },
    bankName: { type: 'string', minLength: 1, maxLength: 100 },
    branchName: { type: 'string', minLength: 1, maxLength: 100 },
    accountType: { type: 'string', enum: ['ordinary', 'current'] },
    accountNumber: { type: 'string', pattern: '^\\d{7}$' },
    publicServant: { type: 'string', enum: ['yes', 'no'] },
  }, ['children', 'bankName', 'branchName', 'accountType', 'accountNumber', 'publicServant']),
  pages: [
    applicantPage(['self']),
    { id: 'children', titleJa: '養育しているお子さん', titleEn: 'Children', fields: [
      { name: 'children', kind: 'members', labelJa: '対象のお子さん', labelEn: 'Children', optionsFrom: 'household-children', required: true },
      { name: 'publicServant', kind: 'radio', labelJa: '公務員ですか', labelEn: 'Are you a public servant?', hintJa: '公務員の方は勤務先から支給されます', required: true,
        options: [{ value: 'yes', labelJa: 'はい', labelEn: 'Yes' }, { value: 'no', labelJa: 'いいえ', labelEn: 'No' }] },
    ] },
    { id: 'account', titleJa: '受取口座', titleEn: 'Bank account', leadJa: '請求する方の名義の口座を入力してください。', fields: [
      { name: 'bankName', kind: 'text', labelJa: '金融機関名', labelEn: 'Bank', required: true },
      { name: 'branchName', kind: 'text', labelJa: '支店名', labelEn: 'Branch', required: true },
      { name: 'accountType', kind: 'radio', labelJa: '口座の種類', labelEn: 'Account type', required: true,
        options: [{ value: 'ordinary', labelJa: '普通', labelEn: 'Ordinary' }, { value: 'current', labelJa: '当座', labelEn: 'Current' }] },
      { name: 'accountNumber', kind: 'text', labelJa: '口座番号（7桁）', labelEn: 'Account number (7 digits)', required: true },
    ] },
  ],
  toCase: { data: { bankName: 'bankName', branchName: 'branchName', accountType: 'accountType', accountNumber: 'accountNumber', publicServant: { yesNo: 'publicServant' } }, subjects: { membersField: 'children' } },
};
