// SPDX-License-Identifier: EUPL-1.2
/**
 * The counter interview (one per visit): the household members (from the card or typed once), the answers shared
 * by several procedures asked once (異動日, 新住所, 電話), the few that belong to one procedure, and the clerk's
 * additions and drops. Pure: facts for the rules, what is still missing, and the filing (registry change + cases).
 */
import { z } from 'zod';
import type { CaseSubmission } from '../../cases/index.ts';
import { counterFacts } from '../rules/counter-facts.ts';
import type { LifeEvent } from '../rules/life-events.ts';
import { adjustProcedures, listProcedures, type NeededProcedure } from '../rules/rule-engine.ts';
import type { RuleSet } from '../rules/rule-set.ts';

export const VisitMember = z.object({
  familyName: z.string().min(1).max(100),
  givenName: z.string().min(1).max(100),
  familyNameKana: z.string().max(200).default(''),
  givenNameKana: z.string().max(200).default(''),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sex: z.enum(['male', 'female']),
  relationship: z.string().max(30).default(''),
  foreign: z.boolean().default(false),
  nhi: z.boolean().default(false),
  fromCard: z.boolean().default(false),
});
export type VisitMember = z.infer<typeof VisitMember>;

export const Interview = z.object({
  members: z.array(VisitMember).min(1).max(10),
  occurredOn: z.string().max(10).default(''),
  previousAddress: z.string().max(300).default(''),
  townName: z.string().max(100).default(''),
  banchi: z.string().max(100).default(''),
  katagaki: z.string().max(200).default(''),
  phone: z.string().max(30).default(''),
  /** 本籍 and 筆頭者, asked once for the household (Japanese residents). */
  honseki: z.string().max(200).default(''),
  hittosha: z.string().max(100).default(''),
  dog: z.boolean().default(false),
  bankName: z.string().max(100).default(''),
  branchName: z.string().max(100).default(''),
  accountType: z.enum(['ordinary', 'current']).default('ordinary'),
  accountNumber: z.string().max(20).default(''),
  daycareStart: z.string().max(10).default(''),
  daycarePreferences: z.string().max(300).default(''),
  daycareReason: z.string().max(200).default(''),
  insurer: z.string().max(200).default(''),
  previousSchool: z.string().max(200).default(''),
  adjustments: z.array(z.object({ action: z.enum(['add', 'drop']), code: z.string().max(60), reason: z.string().max(200) })).max(30).default([]),
});
export type Interview = z.infer<typeof Interview>;

/** Member refs are their positions ('0', '1', …). */
export function interviewProcedures(rules: RuleSet, events: LifeEvent[], iv: Interview, day: string) {
  const facts = counterFacts(iv.members.map((m, i) => ({ atenaNo: String(i), birthDate: m.birthDate, residentKind: m.foreign ? 'foreign' : 'japanese', relationship: m.relationship })),
    { events, concerned: iv.members.map((_, i) => String(i)), nhi: iv.members.flatMap((m, i) => (m.nhi ? [String(i)] : [])), dog: iv.dog, day: /^\d{4}-\d{2}-\d{2}$/.test(iv.occurredOn) ? iv.occurredOn : day });
  return adjustProcedures(rules, listProcedures(rules, facts), iv.adjustments);
}

/**
 * Answers the interview already knows, so nobody is asked twice: the reading (フリガナ) of a 氏 is asked once (members
 * of the same 氏 without one take the first one given), and the children's insurer for 子ども医療費 is 国民健康保険
 * when every child it is for joins it here. Only empty answers are filled; the clerk sees them and can change them.
 */
export function withKnownAnswers(iv: Interview, needed: NeededProcedure[]): Interview {
  const kana = new Map<string, string>();
  for (const m of iv.members) if (m.familyNameKana.trim() && !kana.has(m.familyName)) kana.set(m.familyName, m.familyNameKana);
  const members = iv.members.map((m) => (m.familyNameKana.trim() ? m : { ...m, familyNameKana: kana.get(m.familyName) ?? '' }));
  const medical = needed.find((n) => n.code === 'child-medical');
  const children = medical?.memberRefs.map((r) => members[Number(r)]).filter((m) => !!m) ?? [];
  const insurer = !iv.insurer.trim() && children.length > 0 && children.every((m) => m.nhi) ? '国民健康保険' : iv.insurer;
  return { ...iv, members, insurer };
}

/** One missing or invalid answer: the field and a Japanese message. */
export interface Missing { field: string; message: string }

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** What must still be answered before filing (empty: ready to print and file). */
export function missingAnswers(iv: Interview, needed: NeededProcedure[], today: string): Missing[] {
  const out: Missing[] = [];
  const has = (c: string) => needed.some((n) => n.code === c);
  if (!iv.occurredOn) out.push({ field: 'occurredOn', message: '異動日（引越した日）を入力してください' });
  else if (!ISO.test(iv.occurredOn)) out.push({ field: 'occurredOn', message: '異動日を日付で入力してください（例: 令和8年12月1日、R8.12.1）' });
  else if (iv.occurredOn > today) out.push({ field: 'occurredOn', message: '異動日に未来の日付は入力できません' });
  if (has('move-in') || has('foreign-move-in')) {
    if (!iv.townName.trim() || !iv.banchi.trim()) out.push({ field: 'banchi', message: '新しい住所（町字と番地）を入力してください' });
    if (!iv.previousAddress.trim()) out.push({ field: 'previousAddress', message: '前住所を入力してください' });
    if (iv.members.some((m) => !m.foreign) && !iv.honseki.trim()) out.push({ field: 'honseki', message: '本籍を入力してください（ない場合は「なし」、分からない場合は「不明」）' });
    iv.members.forEach((m, i) => {
      if (!m.relationship.trim()) out.push({ field: `m${i}.relationship`, message: `${m.familyName} ${m.givenName}さんの続柄を入力してください` });
      if (!/^[ァ-ヶー　 ]+$/.test(m.familyNameKana + m.givenNameKana)) out.push({ field: `m${i}.kana`, message: `${m.familyName} ${m.givenName}さんのふりがな（カタカナ）を入力してください` });
    });
    if (iv.members.filter((m) => m.relationship === '世帯主').length !== 1) out.push({ field: 'm0.relationship', message: '世帯主を1人だけ選んでください' });
  }
  if (has('child-allowance')) {
    if (!iv.bankName.trim() || !iv.branchName.trim()) out.push({ field: 'bankName', message: '児童手当の受取口座（金融機関・支店）を入力してください' });
    if (!/^\d{7}$/.test(iv.accountNumber)) out.push({ field: 'accountNumber', message: '口座番号は7桁の数字で入力してください' });
  }
  if (has('daycare')) {
    if (!iv.daycareStart) out.push({ field: 'daycareStart', message: '保育所等の利用希望日を入力してください' });
    else if (!ISO.test(iv.daycareStart)) out.push({ field: 'daycareStart', message: '保育所等の利用希望日を日付で入力してください（例: 令和9年1月1日）' });
    if (!iv.daycarePreferences.trim()) out.push({ field: 'daycarePreferences', message: '希望する施設を入力してください' });
    if (!iv.daycareReason.trim()) out.push({ field: 'daycareReason', message: '保育を必要とする事由を入力してください' });
  }
  if (has('child-medical') && !iv.insurer.trim()) out.push({ field: 'insurer', message: 'お子さんの健康保険（保険者名）を入力してください' });
  if (!/^[0-9-]{10,13}$/.test(iv.phone)) out.push({ field: 'phone', message: '連絡先の電話番号を入力してください（数字とハイフン）' });
  return out;
}

const stated = (m: VisitMember) => ({ familyName: m.familyName, givenName: m.givenName, familyNameKana: m.familyNameKana || undefined, givenNameKana: m.givenNameKana || undefined, birthDate: m.birthDate });

/** The registry change (転入 as 仮登録) and one case per procedure with a case type, from one interview. */
export function buildFiling(iv: Interview, needed: NeededProcedure[], notifierIndex = 0) {
  const head = iv.members.find((m) => m.relationship === '世帯主') ?? iv.members[0]!;
  const notifier = iv.members[notifierIndex] ?? head;
  const adults = iv.members.filter((m) => m.birthDate <= `${Number(iv.occurredOn.slice(0, 4)) - 18}${iv.occurredOn.slice(4)}`);
  const applicant = { ...stated(notifier), contact: { phone: iv.phone } };
  const claimant = adults.includes(notifier) ? notifier : head;
  const moveIn = needed.find((n) => n.code === 'move-in' || n.code === 'foreign-move-in');
  const registry = moveIn ? {
    kind: 'move-in' as const, occurredOn: iv.occurredOn, exOfficio: false, notifier: `${notifier.familyName} ${notifier.givenName}`, note: '窓口（書かない窓口）で受付',
    expectedVersions: {}, fromAbroad: moveIn.code === 'foreign-move-in', previousAddress: iv.previousAddress,
    address: { townName: iv.townName, banchi: iv.banchi, katagaki: iv.katagaki, unlisted: false },
    persons: iv.members.map((m) => ({ residentKind: m.foreign ? 'foreign' as const : 'japanese' as const, familyName: m.familyName, givenName: m.givenName,
      familyNameKana: m.familyNameKana, givenNameKana: m.givenNameKana, birthDate: m.birthDate, sex: m.sex, relationship: m.relationship,
      ...(m.foreign ? {} : { honseki: iv.honseki, ...(iv.hittosha ? { hittosha: iv.hittosha } : {}) }) })),
  } : null;
  const subjectsOf = (n: NeededProcedure) => (n.memberRefs.length ? n.memberRefs.map((r) => iv.members[Number(r)]!) : iv.members);
  const cases: Array<Omit<CaseSubmission, 'channel'> & { procedure: string }> = [];
  for (const n of needed) {
    const subjects = subjectsOf(n);
    const base = { procedure: n.code, caseTypeCode: n.def.caseType!, applicant, subjects: subjects.map(stated) };
    switch (n.def.caseType) {
      case 'child-allowance':
        cases.push({ ...base, applicant: { ...stated(claimant), contact: { phone: iv.phone } }, data: { bankName: iv.bankName, branchName: iv.branchName, accountType: iv.accountType, accountNumber: iv.accountNumber, publicServant: false } });
        break;
      case 'nhi-enrolment':
        cases.push({ ...base, subjects: iv.members.filter((m) => m.nhi).map(stated), data: { eventOn: iv.occurredOn, reason: 'moved-in', otherInsurer: '' } });
        break;
      case 'daycare-application':
        cases.push({ ...base, applicant: { ...stated(claimant), contact: { phone: iv.phone } }, data: { desiredStart: iv.daycareStart,
          preferences: iv.daycarePreferences.split(/[、,\n]/).map((s) => s.trim()).filter(Boolean).slice(0, 10), needReason: iv.daycareReason } });
        break;
      case 'seal-registration':
        // One case per person: each registers their own seal in person.
        for (const s of subjects) cases.push({ ...base, applicant: { ...stated(s), contact: { phone: iv.phone } }, subjects: [stated(s)], data: { identityDocument: 'マイナンバーカード' } });
        break;
      case 'child-medical':
        cases.push({ ...base, applicant: { ...stated(claimant), contact: { phone: iv.phone } }, data: { insurer: iv.insurer, eligibleFrom: iv.occurredOn } });
        break;
      case 'long-term-care':
        cases.push({ ...base, data: { eventOn: iv.occurredOn, reason: 'moved-in', certified: false } });
        break;
      case 'school-enrolment':
        for (const s of subjects) cases.push({ ...base, applicant: { ...stated(claimant), contact: { phone: iv.phone } }, subjects: [stated(s)],
          data: { previousSchool: iv.previousSchool, grade: Math.min(9, Math.max(1, gradeOn(s.birthDate, iv.occurredOn))), startOn: iv.occurredOn } });
        break;
      default:
        break;
    }
  }
  return { registry, cases };
}

/** 学年 on a day: school years start on 4月1日; a child born on 4月1日 or before enters with the older year (学校教育法 17条). */
export function gradeOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m] = day.split('-').map(Number) as [number, number];
  const fiscalYear = m >= 4 ? y : y - 1;
  const entry = by + (bm < 4 || (bm === 4 && bd === 1) ? 6 : 7);
  return fiscalYear - entry + 1;
}
