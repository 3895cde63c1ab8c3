// SPDX-License-Identifier: EUPL-1.2
/** Fixed text of the public guide (手続案内), Japanese first with English. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  title: '引越し・出生・死亡などの手続案内',
  lead: 'いくつかの質問に答えると、必要な手続と、窓口・期限・持ち物・オンラインでできるかがわかります。',
  privacy: '入力した内容は保存しません（この画面の中だけで使います）。氏名や住所は聞きません。',
  eventsLegend: '1. 何がありましたか（複数選べます）',
  membersLegend: '2. 世帯の方（最大6人）',
  membersHint: '手続をする方と、同じ世帯の方の年齢を入れてください。空欄の行は使いません。',
  person: (k: number) => `${k + 1}人目`,
  age: '年齢',
  ageSuffix: '歳',
  foreign: '外国籍',
  nhi: '国民健康保険に加入（転入後に加入する場合も）',
  head: '世帯主',
  other: 'この出来事の対象ではない（同じ世帯の家族）',
  otherHint: '例: 出生なら親、死亡なら残るご家族',
  dog: '3. 犬を飼っていますか',
  dogYes: '犬を飼っている',
  submit: '必要な手続を表示',
  resultTitle: (n: number) => `必要な手続（${n}件）`,
  resultNone: 'この回答では、必要な手続は見つかりませんでした。',
  changeAnswers: '回答を変える',
  why: '理由',
  forWhom: '対象',
  forHousehold: '世帯',
  ageOf: (age: number) => `${age}歳の方`,
  join: '、',
  where: '窓口',
  when: '期限・時期',
  bring: '持ち物',
  online: { none: '窓口で手続', mynaportal: 'オンラインでもできます（マイナポータル）', jichi: 'オンラインでもできます（この市区町村の電子申請）' } as Record<string, string>,
  counterNote: '窓口では、これらの手続を一度の受付でまとめて行います（書かない窓口）。',
  errorTitle: '入力を確認してください',
  errors: {
    'event-required': '何があったかを1つ以上選んでください。',
    'member-required': '少なくとも1人の年齢を入れてください。',
    'age-invalid': '年齢は0から125までの数字で入れてください。',
    'concerned-required': '出来事の対象となる方を少なくとも1人にしてください。',
  } as Record<string, string>,
  municipality: '市区町村',
  ruleVersion: (v: string) => `案内の基準: ${v}`,
};
export type GuideDictionary = typeof ja;

const en: GuideDictionary = {
  ...ja,
  title: 'Guide to procedures for moving, births and deaths',
  lead: 'Answer a few questions to see the procedures you need, where and when to do them, what to bring and which can be done online.',
  privacy: 'Nothing you enter is stored (it is used on this page only). We do not ask for names or addresses.',
  eventsLegend: '1. What happened (choose one or more)',
  membersLegend: '2. The household (up to 6 people)',
  membersHint: 'Enter the age of each person concerned and of the others in the household. Empty rows are ignored.',
  person: (k: number) => `Person ${k + 1}`,
  age: 'Age', ageSuffix: 'years',
  foreign: 'Foreign national', nhi: 'In National Health Insurance (or will join after moving in)', head: 'Head of household',
  other: 'Not concerned by the event (family member)', otherHint: 'E.g. the parents for a birth, the survivors for a death',
  dog: '3. Do you keep a dog?', dogYes: 'I keep a dog', submit: 'Show the procedures',
  resultTitle: (n: number) => `Procedures you need (${n})`, resultNone: 'No procedures found for these answers.', changeAnswers: 'Change the answers',
  why: 'Why', forWhom: 'For', forHousehold: 'The household', ageOf: (age: number) => `the person aged ${age}`, join: ', ',
  where: 'Where', when: 'When', bring: 'What to bring',
  online: { none: 'At the counter', mynaportal: 'Also online (Mynaportal)', jichi: 'Also online (the municipality\'s e-application)' },
  counterNote: 'At the counter, all of these are done in one visit, and you do not fill in forms.',
  errorTitle: 'Please check your answers',
  errors: {
    'event-required': 'Choose at least one event.', 'member-required': 'Enter the age of at least one person.',
    'age-invalid': 'Enter an age from 0 to 125.', 'concerned-required': 'At least one person must be concerned by the event.',
  },
  municipality: 'Municipality', ruleVersion: (v: string) => `Rules: ${v}`,
};

export function guideText(lang: Lang): GuideDictionary {
  return lang === 'en' ? en : ja;
}
