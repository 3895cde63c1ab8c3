// SPDX-License-Identifier: EUPL-1.2
/**
 * Automatic review (the RPA replacement), pure: a case type's rules (data) applied to the inputs gathered from
 * the registry and the other cases. Every check says in Japanese why it failed; the same inputs always give the
 * same results, so a stored review can be replayed and explained.
 */
import { daysBetween } from './business-days.ts';
import type { RuleCode, RuleConfig } from './standard-case-types.ts';

/** A person as the applicant stated them. */
export interface StatedPerson {
  atenaNo?: string;
  familyName: string;
  givenName: string;
  /** ローマ字氏名, stated by a foreign resident registered under a roman name. */
  romanName?: string;
  /** Sort key of the stated birth date ('YYYY-MM-DD'), or null when it could not be read. */
  birthSort: string | null;
}

/** A person as the registry holds them (the facts the review saw). */
export interface RegistryPerson {
  atenaNo: string;
  familyName: string;
  givenName: string;
  /** ローマ字氏名 (foreign residents; absent in reviews stored before it was gathered). */
  romanName?: string;
  birthSort: string;
  householdId: string;
  relationship: string;
  townCode: string | null;
  townName: string;
  banchi: string;
  katagaki: string;
  removed: boolean;
  pendingChange: boolean;
}

/** Everything a review looks at; stored with the review so that it can be replayed. */
export interface ReviewInputs {
  /** 受付日 (notification date). */
  receivedOn: string;
  applicant: StatedPerson;
  subjects: StatedPerson[];
  /** The case type's own data: movedOn, newAddress, … */
  data: Record<string, unknown>;
  /** Registry facts by 宛名番号 (absent: not found). */
  persons: Record<string, RegistryPerson>;
  /** Active members' 宛名番号 per household. */
  households: Record<string, string[]>;
  /** Whether the new address's 町字 is in the municipality's list: 'listed', 'unlisted', 'no-list', or null when no address was given. */
  newTown: 'listed' | 'unlisted' | 'no-list' | null;
  /** Other open cases of the same type about one of the subjects (case numbers). */
  conflictingCases: string[];
}

/** The result of one check. */
export interface CheckResult {
  rule: RuleCode;
  passed: boolean;
  /** Japanese explanation, shown to the reviewer (no names, addresses or numbers). */
  message: string;
}

const fold = (s: string) => s.replace(/[\s\u3000]/g, '');
const foldRoman = (s: string) => fold(s).replace(/[,.]/g, '').toUpperCase();

/**
 * Does the stated name match the registry's? By 氏・名; a person registered under a roman name only (no 氏) is
 * matched by the ローマ字氏名, which must then be stated (an empty name never matches).
 */
function sameName(p: RegistryPerson, s: StatedPerson): boolean {
  if (!fold(p.familyName)) return !!p.romanName && !!s.romanName && foldRoman(p.romanName) === foldRoman(s.romanName);
  return fold(p.familyName) === fold(s.familyName) && fold(p.givenName) === fold(s.givenName);
}

/** Age in whole years on `on` from a birth sort key. */
export function ageOn(birthSort: string, on: string): number {
  const [by, bm, bd] = birthSort.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const ordinal = (i: number) => `対象者${i + 1}人目`;

type Check = (inputs: ReviewInputs, params: Record<string, number | boolean | string>) => string[];

/** Each rule returns the list of problems it found (empty: passed). */
const CHECKS: Record<RuleCode, Check> = {
  'identity-match': (x) => {
    const out: string[] = [];
    const all: Array<[string, StatedPerson]> = [...x.subjects.map((s, i) => [ordinal(i), s] as [string, StatedPerson]), ['届出人', x.applicant]];
    for (const [who, s] of all) {
      if (!s.atenaNo) { if (who !== '届出人') out.push(`${who}の宛名番号がありません。住民記録と照合できません`); continue; }
      const p = x.persons[s.atenaNo];
      if (!p) { out.push(`${who}の宛名番号が住民記録にありません`); continue; }
      if (p.removed) { out.push(`${who}は住民記録から消除されています（転出・死亡等）`); continue; }
      if (!sameName(p, s)) out.push(`${who}の氏名が住民記録と一致しません`);
      if (s.birthSort === null) out.push(`${who}の生年月日を読み取れません`);
      else if (s.birthSort !== p.birthSort) out.push(`${who}の生年月日が住民記録と一致しません`);
    }
    const current = x.data.currentAddress as { townName?: string; banchi?: string } | undefined;
    const first = x.subjects[0]?.atenaNo ? x.persons[x.subjects[0].atenaNo] : undefined;
    if (current && first && (fold(current.townName ?? '').replace(/^大字/, '') !== fold(first.townName).replace(/^大字/, '') || fold(current.banchi ?? '') !== fold(first.banchi))) {
      out.push('届け出た現住所が住民記録の住所と一致しません');
    }
    return out;
  },
  'applicant-eligible': (x, params) => {
    const a = x.applicant.atenaNo ? x.persons[x.applicant.atenaNo] : undefined;
    if (!a) return ['届出人が住民記録で確認できません。代理人の場合は委任状を確認してください'];
    const out: string[] = [];
    const subjectHouseholds = new Set(x.subjects.map((s) => (s.atenaNo ? x.persons[s.atenaNo]?.householdId : undefined)).filter(Boolean));
    if (!subjectHouseholds.has(a.householdId)) out.push('届出人が対象者本人又は同一世帯の世帯員ではありません。代理人の場合は委任状を確認してください');
    const minAge = Number(params.minAge ?? 0);
    if (ageOn(a.birthSort, x.receivedOn) < minAge) out.push(`届出人が${minAge}歳未満です。法定代理人による届出か確認してください`);
    return out;
  },
  'same-household': (x) => {
    const hs = new Set(x.subjects.map((s) => (s.atenaNo ? x.persons[s.atenaNo]?.householdId : undefined)).filter(Boolean));
    return hs.size > 1 ? ['対象者が複数の世帯にまたがっています。世帯ごとに処理してください'] : [];
  },
  'whole-household': (x) => {
    const first = x.subjects[0]?.atenaNo ? x.persons[x.subjects[0].atenaNo] : undefined;
    if (!first) return [];
    const members = x.households[first.householdId] ?? [];
    const subjects = new Set(x.subjects.map((s) => s.atenaNo));
    const missing = members.filter((m) => !subjects.has(m));
    return missing.length > 0 ? [`世帯の一部（${members.length}人中${members.length - missing.length}人）の異動です。新しい世帯主・残る世帯の世帯主の指定を職員が確認します`] : [];
  },
  'address-in-town-list': (x) => {
    if (x.newTown === null) return ['新しい住所が入力されていません'];
    return x.newTown === 'unlisted' ? ['新しい住所の町字が町字一覧にありません。町字を確認してください'] : [];
  },
  'address-changes': (x) => {
    const addr = x.data.newAddress as { townName?: string; townCode?: string; banchi?: string; katagaki?: string } | undefined;
    const first = x.subjects[0]?.atenaNo ? x.persons[x.subjects[0].atenaNo] : undefined;
    if (!addr || !first) return [];
    const sameTown = addr.townCode ? addr.townCode === first.townCode : fold(addr.townName ?? '').replace(/^大字/, '') === fold(first.townName).replace(/^大字/, '');
    return sameTown && fold(addr.banchi ?? '') === fold(first.banchi) && fold(addr.katagaki ?? '') === fold(first.katagaki)
      ? ['新しい住所が現在の住所と同じです'] : [];
  },
  'no-open-case': (x) => x.conflictingCases.length > 0 ? [`同じ対象者について処理中の同種の案件があります（案件番号 ${x.conflictingCases.join('、')}）`] : [],
  'no-pending-registry-change': (x) => x.subjects.some((s) => s.atenaNo && x.persons[s.atenaNo]?.pendingChange)
    ? ['対象者に審査中（仮登録）の異動があります。先に決裁又は取下げが必要です'] : [],
  'notification-period': (x, params) => {
    const moved = String(x.data.movedOn ?? x.data.movingOn ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(moved)) return ['異動日を読み取れません'];
    const after = daysBetween(moved, x.receivedOn);
    const daysAfter = Number(params.daysAfter ?? 14);
    const daysBefore = Number(params.daysBefore ?? 0);
    if (after > daysAfter) return [`異動日から${after}日後の届出です（${daysAfter}日以内: 住民基本台帳法）。届出期間経過の扱い（簡易裁判所への通知）を職員が確認します`];
    if (-after > daysBefore) return daysBefore === 0 ? ['異動日が届出日より後です。転居後に届け出てください'] : [`異動予定日が${-after}日先です（${daysBefore}日前から届出できます）`];
    return [];
  },
  'subject-age': (x, params) => {
    const maxAge = Number(params.maxAge ?? 5);
    const out: string[] = [];
    x.subjects.forEach((s, i) => {
      const p = s.atenaNo ? x.persons[s.atenaNo] : undefined;
      if (p && ageOn(p.birthSort, x.receivedOn) > maxAge) out.push(`${ordinal(i)}は${maxAge}歳を超えています（対象年齢外）`);
    });
    return out;
  },
};

/** Runs the rules in order; every rule reports, even after a failure (the reviewer sees all problems at once). */
export function runReview(rules: RuleConfig[], inputs: ReviewInputs): CheckResult[] {
  return rules.map((r) => {
    const problems = CHECKS[r.rule](inputs, r.params ?? {});
    return { rule: r.rule, passed: problems.length === 0, message: problems.length === 0 ? '問題ありません' : problems.join('。') };
  });
}

/** Japanese names of the rules, for screens and the API. */
export const RULE_LABELS: Record<RuleCode, { ja: string; en: string }> = {
  'identity-match': { ja: '本人確認（氏名・生年月日・住所）', en: 'Identity matches the registry' },
  'applicant-eligible': { ja: '届出人の資格', en: 'Applicant may file' },
  'same-household': { ja: '同一世帯', en: 'Subjects in one household' },
  'whole-household': { ja: '世帯全員の異動', en: 'Whole household moves' },
  'address-in-town-list': { ja: '町字一覧', en: 'Address in the town list' },
  'address-changes': { ja: '住所の変更', en: 'Address changes' },
  'no-open-case': { ja: '重複する案件', en: 'No conflicting open case' },
  'no-pending-registry-change': { ja: '審査中の異動', en: 'No pending registry change' },
  'notification-period': { ja: '届出期間（14日）', en: 'Notification period (14 days)' },
  'subject-age': { ja: '対象年齢', en: 'Age of the subject' },
};
