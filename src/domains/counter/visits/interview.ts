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
  /** A registered resident (reception from the registry): their person id and 宛名番号. */
  personId: z.string().uuid().optional(),
  atenaNo: z.string().regex(/^\d{1,15}$/).optional(),
  /** The event is about this member (転居・転出 who moves, 死亡 who died); everyone by default. */
  concerned: z.boolean().default(true),
  /** The child a 出生届 enters (typed at the interview). */
  isNew: z.boolean().default(false),
  /** 在留カード items of a foreign resident moving in (外国人の転入). */
  romanName: z.string().max(200).default(''),
  nationality: z.string().max(100).default(''),
  residenceStatus: z.string().max(100).default(''),
  residenceExpiry: z.string().max(10).default(''),
  residenceCardNo: z.string().max(20).default(''),
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
  /** 転出先 (転出届). */
  destination: z.string().max(300).default(''),
  /** The new 世帯主 (世帯変更, or the head died): a member's position, '' for none. */
  newHeadRef: z.string().max(2).default(''),
  /** The registered household the visit started from, and its version (the registry's optimistic check). */
  householdId: z.string().uuid().optional(),
  householdVersion: z.number().int().min(0).optional(),
  /** The 来庁予約 (its case's 受付番号) whose answers prefilled the interview. */
  reservationCaseNo: z.string().max(20).optional(),
  adjustments: z.array(z.object({ action: z.enum(['add', 'drop']), code: z.string().max(60), reason: z.string().max(200) })).max(30).default([]),
});
export type Interview = z.infer<typeof Interview>;

/** Member refs are their positions ('0', '1', …). */
export function interviewProcedures(rules: RuleSet, events: LifeEvent[], iv: Interview, day: string) {
  const facts = counterFacts(iv.members.map((m, i) => ({ atenaNo: String(i), birthDate: m.birthDate, residentKind: m.foreign ? 'foreign' : 'japanese', relationship: m.relationship })),
    { events, concerned: iv.members.flatMap((m, i) => (m.concerned ? [String(i)] : [])), nhi: iv.members.flatMap((m, i) => (m.nhi ? [String(i)] : [])), dog: iv.dog, day: /^\d{4}-\d{2}-\d{2}$/.test(iv.occurredOn) ? iv.occurredOn : day });
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

/** A 転入・転居の来庁予約 sent from the portal (the case it opened): what the resident already told. */
export interface Reservation {
  caseNo: string;
  kind: 'move-in' | 'move-within';
  movedOn: string;
  newAddress: string;
  previousAddress: string;
  phone: string;
  applicant: { familyName: string; givenName: string; familyNameKana?: string; givenNameKana?: string; birthDate: string };
}

/**
 * Splits an address typed by a resident (「長野県塩尻市大字広丘野村1500-2 コーポ101」) into the 町字 of the list and the
 * rest (番地・方書); no 町字 of the list found: nothing (the clerk asks).
 */
export function splitAddress(text: string, towns: string[]): { townName: string; banchi: string; katagaki: string } | null {
  const s = text.normalize('NFKC').replace(/^.{2,3}[都道府県]/, '').replace(/^[^\s]{1,6}?[市町村](?=.)/, '').trim();
  const bare = (t: string) => t.replace(/^大字/, '');
  const town = [...towns].sort((a, b) => b.length - a.length).find((t) => s.startsWith(t) || s.startsWith(bare(t)));
  if (!town) return null;
  const rest = s.slice(s.startsWith(town) ? town.length : bare(town).length).trim();
  const [banchi, ...more] = rest.split(/\s+/);
  return banchi ? { townName: town, banchi, katagaki: more.join(' ') } : null;
}

/** The visit's interview with the reservation's answers (only empty answers are filled; the applicant's reading by name and birth date). */
export function applyReservation(iv: Interview, r: Reservation, towns: string[]): Interview {
  const where = splitAddress(r.newAddress, towns);
  const a = r.applicant;
  return {
    ...iv,
    occurredOn: iv.occurredOn || r.movedOn,
    phone: iv.phone || r.phone,
    previousAddress: iv.previousAddress || r.previousAddress,
    ...(where && !iv.townName && !iv.banchi ? where : {}),
    members: iv.members.map((m) => (m.familyName === a.familyName && m.givenName === a.givenName && m.birthDate === a.birthDate
      ? { ...m, familyNameKana: m.familyNameKana || a.familyNameKana || '', givenNameKana: m.givenNameKana || a.givenNameKana || '' } : m)),
    reservationCaseNo: r.caseNo,
  };
}

/** One missing or invalid answer: the field, a stable code (the UI's dictionaries translate it), the Japanese message, the member's name when it is about one. */
export interface Missing { field: string; code: string; message: string; name?: string }

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** What must still be answered before filing (empty: ready to print and file). */
export function missingAnswers(iv: Interview, needed: NeededProcedure[], today: string): Missing[] {
  const out: Missing[] = [];
  const add = (field: string, code: string, message: string, name?: string) => { out.push({ field, code, message, ...(name ? { name } : {}) }); };
  const has = (c: string) => needed.some((n) => n.code === c);
  const change = registryChangeOf(needed);
  const concerned = iv.members.filter((m) => m.concerned && !m.isNew);
  if (!iv.occurredOn) add('occurredOn', 'occurred-on-required', '異動日を入力してください');
  else if (!ISO.test(iv.occurredOn)) add('occurredOn', 'occurred-on-invalid', '異動日を日付で入力してください（例: 令和8年12月1日、R8.12.1）');
  else if (iv.occurredOn > today && change !== 'move-out') add('occurredOn', 'occurred-on-future', '異動日に未来の日付は入力できません');
  const changes = new Set(needed.flatMap((n) => (n.def.registryChange ? [n.def.registryChange] : [])));
  if (changes.has('death')) changes.delete('household-change');
  if (changes.size > 1) add('events', 'one-registry-change', '住民記録の異動は1回の来庁で1件です（別の来庁として受け付けてください）');
  if (change && change !== 'move-in' && !iv.householdId) add('events', 'registered-only', 'この届出は住民記録の住民から受け付けてください（受付で住民を検索）');
  if (change === 'move-in' || change === 'move-within') {
    if (!iv.townName.trim() || !iv.banchi.trim()) add('banchi', 'new-address-required', '新しい住所（町字と番地）を入力してください');
  }
  if ((change === 'move-within' || change === 'move-out') && concerned.length === 0) add('c0', 'movers-required', '引越す方を1人以上選んでください');
  if (change === 'move-out' && !iv.destination.trim()) add('destination', 'destination-required', '転出先の住所を入力してください');
  if (change === 'death' && concerned.length !== 1) add('c0', 'deceased-one', '亡くなった方を1人だけ選んでください');
  if (change === 'household-change' && !iv.members[Number(iv.newHeadRef)]) add('newHeadRef', 'new-head-required', '新しい世帯主を選んでください');
  const entered = change === 'move-in' ? iv.members : change === 'birth' ? iv.members.filter((m) => m.isNew) : [];
  if (change === 'birth' && entered.length === 0) add('nb-givenName', 'newborn-required', '生まれたお子さんの氏名・生年月日・性別を入力してください');
  if (change === 'move-in') {
    if (!iv.previousAddress.trim()) add('previousAddress', 'previous-address-required', '前住所を入力してください');
    if (iv.members.filter((m) => m.relationship === '世帯主').length !== 1) add('m0.relationship', 'head-one', '世帯主を1人だけ選んでください');
  }
  if ((change === 'move-in' || change === 'birth') && entered.some((m) => !m.foreign) && !iv.honseki.trim()) {
    add('honseki', 'honseki-required', '本籍を入力してください（ない場合は「なし」、分からない場合は「不明」）');
  }
  for (const m of entered) {
    const i = iv.members.indexOf(m);
    const name = `${m.familyName} ${m.givenName}`;
    const who = `${name}さん`;
    if (!m.relationship.trim()) add(`m${i}.relationship`, 'relationship-required', `${who}の続柄を入力してください`, name);
    if (!/^[ァ-ヶー　 ]+$/.test(m.familyNameKana + m.givenNameKana)) add(`m${i}.kana`, 'kana-required', `${who}のふりがな（カタカナ）を入力してください`, name);
    if (m.foreign) {
      if (!m.nationality.trim()) add(`m${i}.nationality`, 'nationality-required', `${who}の国籍・地域を入力してください（在留カードから）`, name);
      if (!/^[A-Z]{2}\d{8}[A-Z]{2}$/.test(m.residenceCardNo)) add(`m${i}.residenceCardNo`, 'residence-card-no-invalid', `${who}の在留カード番号（英字2・数字8・英字2）を入力してください`, name);
      if (!m.residenceStatus.trim() || !ISO.test(m.residenceExpiry)) add(`m${i}.residenceStatus`, 'residence-status-required', `${who}の在留資格と在留期間の満了日を入力してください（在留カードから）`, name);
    }
  }
  if (has('child-allowance')) {
    if (!iv.bankName.trim() || !iv.branchName.trim()) add('bankName', 'bank-required', '児童手当の受取口座（金融機関・支店）を入力してください');
    if (!/^\d{7}$/.test(iv.accountNumber)) add('accountNumber', 'account-number-invalid', '口座番号は7桁の数字で入力してください');
  }
  if (has('daycare')) {
    if (!iv.daycareStart) add('daycareStart', 'daycare-start-required', '保育所等の利用希望日を入力してください');
    else if (!ISO.test(iv.daycareStart)) add('daycareStart', 'daycare-start-invalid', '保育所等の利用希望日を日付で入力してください（例: 令和9年1月1日）');
    if (!iv.daycarePreferences.trim()) add('daycarePreferences', 'daycare-preferences-required', '希望する施設を入力してください');
    if (!iv.daycareReason.trim()) add('daycareReason', 'daycare-reason-required', '保育を必要とする事由を入力してください');
  }
  if (has('child-medical') && !iv.insurer.trim()) add('insurer', 'insurer-required', 'お子さんの健康保険（保険者名）を入力してください');
  if (!/^[0-9-]{10,13}$/.test(iv.phone)) add('phone', 'phone-invalid', '連絡先の電話番号を入力してください（数字とハイフン）');
  return out;
}

/** The registry change the visit files (one per visit; a head's death carries the new head). */
export function registryChangeOf(needed: NeededProcedure[]) {
  const order = ['move-in', 'birth', 'death', 'move-out', 'move-within', 'household-change'] as const;
  return order.find((k) => needed.some((n) => n.def.registryChange === k));
}

const stated = (m: VisitMember) => ({ ...(m.atenaNo ? { atenaNo: m.atenaNo } : {}), familyName: m.familyName, givenName: m.givenName,
  familyNameKana: m.familyNameKana || undefined, givenNameKana: m.givenNameKana || undefined, birthDate: m.birthDate });

const newPerson = (iv: Interview, m: VisitMember) => ({
  residentKind: m.foreign ? 'foreign' as const : 'japanese' as const, familyName: m.familyName, givenName: m.givenName,
  familyNameKana: m.familyNameKana, givenNameKana: m.givenNameKana, birthDate: m.birthDate, sex: m.sex, relationship: m.relationship,
  ...(m.foreign
    ? { ...(m.romanName ? { romanName: m.romanName } : {}), foreign: { nationality: m.nationality, category: '中長期在留者' as const, residenceStatus: m.residenceStatus,
        residenceExpiry: m.residenceExpiry, residenceCardNo: m.residenceCardNo } }
    : { honseki: iv.honseki, ...(iv.hittosha ? { hittosha: iv.hittosha } : {}) }),
});

/** The registry change as 仮登録 input (ChangeInput of the registry) for the visit's life event. */
function registryFiling(iv: Interview, needed: NeededProcedure[], notifier: VisitMember) {
  const kind = registryChangeOf(needed);
  if (!kind) return null;
  const common = { occurredOn: iv.occurredOn, exOfficio: false, notifier: `${notifier.familyName} ${notifier.givenName}`, note: '窓口（書かない窓口）で受付',
    expectedVersions: iv.householdId && iv.householdVersion !== undefined ? { [iv.householdId]: iv.householdVersion } : {} };
  const address = { townName: iv.townName, banchi: iv.banchi, katagaki: iv.katagaki, unlisted: false };
  const ids = (ms: VisitMember[]) => ms.flatMap((m) => (m.personId ? [m.personId] : []));
  const concerned = iv.members.filter((m) => m.concerned && !m.isNew && m.personId);
  const staying = iv.members.filter((m) => !m.concerned && !m.isNew && m.personId);
  const newHead = iv.members[Number(iv.newHeadRef)];
  const relationships = (ms: VisitMember[]) => Object.fromEntries(ms.filter((m) => m.personId && m !== newHead && m.relationship.trim()).map((m) => [m.personId!, m.relationship]));
  switch (kind) {
    case 'move-in':
      return { kind, ...common, fromAbroad: needed.some((n) => n.code === 'foreign-move-in'), previousAddress: iv.previousAddress, address, persons: iv.members.map((m) => newPerson(iv, m)) };
    case 'birth': {
      const child = iv.members.find((m) => m.isNew)!;
      return { kind, ...common, householdId: iv.householdId!, person: newPerson(iv, child), parentPersonIds: [] };
    }
    case 'death':
      return { kind, ...common, personId: ids(concerned)[0]!, ...(newHead?.personId && newHead.concerned === false ? { remainingHeadPersonId: newHead.personId, remainingRelationships: relationships(staying) } : {}) };
    case 'move-out':
      return { kind, ...common, personIds: ids(concerned), destination: iv.destination, abroad: false, confirmPlannedDate: false,
        ...(newHead?.personId && staying.includes(newHead) ? { remainingHeadPersonId: newHead.personId, remainingRelationships: relationships(staying) } : {}) };
    case 'move-within': {
      const whole = staying.length === 0;
      const head = concerned.find((m) => m.relationship === '世帯主') ?? concerned[0];
      return { kind, ...common, personIds: ids(concerned), address,
        ...(whole ? {} : { newHeadPersonId: head?.personId, relationships: relationships(concerned.filter((m) => m !== head)),
          ...(newHead?.personId && staying.includes(newHead) ? { remainingHeadPersonId: newHead.personId, remainingRelationships: relationships(staying) } : {}) }) };
    }
    case 'household-change':
      return { kind: 'head-change' as const, ...common, householdId: iv.householdId!, newHeadPersonId: newHead!.personId!, relationships: relationships(iv.members.filter((m) => !m.isNew)) };
  }
}

const EVENT_REASON: Record<string, { nhi: string; care: 'moved-in' | 'moved-out' | 'death' }> = {
  'move-in': { nhi: 'moved-in', care: 'moved-in' }, 'foreign-move-in': { nhi: 'moved-in', care: 'moved-in' }, birth: { nhi: 'birth', care: 'moved-in' },
  'move-out': { nhi: 'moved-out', care: 'moved-out' }, death: { nhi: 'death', care: 'death' },
};

/** The registry change (仮登録) and one case per procedure with a case type, from one interview. */
export function buildFiling(iv: Interview, needed: NeededProcedure[], events: LifeEvent[] = ['move-in'], notifierIndex = 0) {
  const head = iv.members.find((m) => m.relationship === '世帯主') ?? iv.members[0]!;
  const notifier = iv.members[notifierIndex] ?? head;
  const adults = iv.members.filter((m) => m.birthDate <= `${Number(iv.occurredOn.slice(0, 4)) - 18}${iv.occurredOn.slice(4)}`);
  const applicant = { ...stated(notifier), contact: { phone: iv.phone } };
  const claimant = adults.includes(notifier) && notifier.concerned !== false ? notifier : head;
  const reason = EVENT_REASON[events.find((e) => e in EVENT_REASON) ?? 'move-in']!;
  const registry = registryFiling(iv, needed, notifier);
  const subjectsOf = (n: NeededProcedure) => (n.memberRefs.length ? n.memberRefs.map((r) => iv.members[Number(r)]!) : iv.members);
  const cases: Array<Omit<CaseSubmission, 'channel'> & { procedure: string }> = [];
  // The registry change is filed as 仮登録 itself; its case type (転居届, 転出届 online) is not filed again.
  for (const n of needed.filter((x) => x.def.caseType && !x.def.registryChange)) {
    const subjects = subjectsOf(n);
    const base = { procedure: n.code, caseTypeCode: n.def.caseType!, applicant, subjects: subjects.map(stated) };
    const claimed = { ...stated(claimant), contact: { phone: iv.phone } };
    switch (n.def.caseType) {
      case 'child-allowance':
        cases.push({ ...base, applicant: claimed, data: { bankName: iv.bankName, branchName: iv.branchName, accountType: iv.accountType, accountNumber: iv.accountNumber, publicServant: false } });
        break;
      case 'nhi-enrolment':
        cases.push({ ...base, subjects: (events.includes('birth') ? iv.members.filter((m) => m.isNew) : iv.members.filter((m) => m.nhi)).map(stated), data: { eventOn: iv.occurredOn, reason: reason.nhi, otherInsurer: '' } });
        break;
      case 'nhi-withdrawal':
        cases.push({ ...base, data: { eventOn: iv.occurredOn, reason: reason.nhi, otherInsurer: '' } });
        break;
      case 'daycare-application':
        cases.push({ ...base, applicant: claimed, data: { desiredStart: iv.daycareStart,
          preferences: iv.daycarePreferences.split(/[、,\n]/).map((s) => s.trim()).filter(Boolean).slice(0, 10), needReason: iv.daycareReason } });
        break;
      case 'seal-registration':
        // One case per person: each registers their own seal in person.
        for (const s of subjects) cases.push({ ...base, applicant: { ...stated(s), contact: { phone: iv.phone } }, subjects: [stated(s)], data: { identityDocument: 'マイナンバーカード' } });
        break;
      case 'child-medical':
        cases.push({ ...base, applicant: claimed, data: { insurer: iv.insurer, eligibleFrom: iv.occurredOn } });
        break;
      case 'long-term-care':
        cases.push({ ...base, data: { eventOn: iv.occurredOn, reason: reason.care, certified: false } });
        break;
      case 'school-enrolment':
        for (const s of subjects) cases.push({ ...base, applicant: claimed, subjects: [stated(s)],
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
