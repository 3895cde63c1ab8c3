// SPDX-License-Identifier: EUPL-1.2
/**
 * Example rule tables modelled on published city rules (see the domain brief §1.2). They reproduce the
 * structure (scales, combination rule, kinds of adjustments) of each city's table; they are NOT the
 * cities' current official numbers and must not be used for a real round without checking.
 */
import type { RuleTable } from './rule-table.ts';

const tieBreak: RuleTable['tieBreak'] = [
  { key: 'priorityCategory', order: 'asc' },
  { key: 'waitingMonths', order: 'desc' },
  { key: 'householdIncome', order: 'asc' },
];

/** 10-point per-parent scale summed over both parents (modelled on Hachioji 八王子市 R7 別表-1). */
export const HACHIOJI_STYLE: RuleTable = {
  id: 'example-hachioji-style',
  name: '10点制・父母合算（八王子市型）',
  source: 'modelled on Hachioji City R7 利用調整基準 別表-1 (structure only)',
  combine: 'sum',
  needs: {
    employed: { label: '就労（居宅外）', bands: [
      { minWeeklyHours: 40, points: 10 }, { minWeeklyHours: 35, points: 9 }, { minWeeklyHours: 30, points: 8 },
      { minWeeklyHours: 25, points: 7 }, { minWeeklyHours: 12, points: 6 }] },
    selfEmployedHelper: { label: '自営協力者', bands: [
      { minWeeklyHours: 40, points: 8 }, { minWeeklyHours: 30, points: 7 }, { minWeeklyHours: 12, points: 6 }] },
    pregnancy: { label: '妊娠・出産', points: 10 },
    illness: { label: '疾病（1か月以上入院）', points: 10 },
    disability: { label: '障害', points: 10 },
    care: { label: '介護・看護', points: 8 },
    disaster: { label: '災害復旧', points: 10 },
    jobSeeking: { label: '求職活動', points: 4 },
    study: { label: '就学', points: 7 },
    abuse: { label: '虐待・DV', points: 20 },
    absent: { label: '保護者不在（ひとり親）', points: 10 },
  },
  adjustments: [
    { code: 'single-parent', label: 'ひとり親世帯', when: 'singleParent', points: 3 },
    { code: 'leave-return', label: '育休明け', when: 'returningFromChildcareLeave', points: 2 },
    { code: 'siblings-applying', label: 'きょうだい同時申込', when: 'siblingsApplyingSimultaneously', points: 1 },
    { code: 'welfare', label: '生活保護世帯', when: 'welfareHousehold', points: 2 },
    { code: 'child-disability', label: '児童に障害', when: 'childDisability', points: 1 },
    { code: 'grandparent', label: '同居・近居の祖父母が保育可能', when: 'grandparentAvailable', points: -1 },
    { code: 'waiting', label: '待機月数', perUnit: { fact: 'waitingMonths', maxUnits: 3 }, points: 1 },
  ],
  siblingEnrolledBonus: { code: 'sibling-enrolled', label: 'きょうだい在園（当該施設）', points: 2 },
  tieBreak,
};

/** 200-point per-parent scale with the April-2024 sibling rules (modelled on Koriyama 郡山市). */
export const KORIYAMA_STYLE: RuleTable = {
  id: 'example-koriyama-style',
  name: '200点制・父母合算（郡山市型、きょうだい加点）',
  source: 'modelled on Koriyama City page 92957 (2024 sibling adjustments); base bands illustrative',
  combine: 'sum',
  needs: {
    employed: { label: '就労', bands: [
      { minWeeklyHours: 40, points: 200 }, { minWeeklyHours: 30, points: 180 }, { minWeeklyHours: 20, points: 160 },
      { minWeeklyHours: 16, points: 140 }] },
    selfEmployedHelper: { label: '自営協力者', bands: [{ minWeeklyHours: 40, points: 170 }, { minWeeklyHours: 20, points: 140 }] },
    pregnancy: { label: '妊娠・出産', points: 160 },
    illness: { label: '疾病', points: 200 },
    disability: { label: '障害', points: 200 },
    care: { label: '介護', points: 160 },
    disaster: { label: '災害', points: 200 },
    jobSeeking: { label: '求職', points: 80 },
    study: { label: '就学', points: 160 },
    abuse: { label: '虐待・DV', points: 400 },
    absent: { label: '保護者不在', points: 200 },
  },
  adjustments: [
    { code: 'single-parent', label: 'ひとり親世帯（申込1人）', when: 'singleParent', points: 160 },
    { code: 'siblings-applying', label: 'きょうだい同時申込（年齢違い）', when: 'siblingsApplyingSimultaneously', points: 160 },
    { code: 'twins', label: '多胎児同時申込', when: 'twinsApplying', points: 200 },
    { code: 'children-under-18', label: '18歳未満の子（第2子以降1人につき）', perUnit: { fact: 'childrenUnder18From2nd' }, points: 10 },
    { code: 'leave-return', label: '育休明け', when: 'returningFromChildcareLeave', points: 20 },
    { code: 'grandparent', label: '同居祖父母', when: 'grandparentAvailable', points: -20 },
  ],
  siblingEnrolledBonus: { code: 'sibling-enrolled', label: 'きょうだい在園（当該施設）', points: 160 },
  tieBreak,
};

/** Rank letters A…I of the lower parent, then adjustment points (modelled on Nagoya 名古屋市). */
export const NAGOYA_STYLE: RuleTable = {
  id: 'example-nagoya-style',
  name: 'ランク制・低い方の保護者（名古屋市型）',
  source: 'modelled on Nagoya City 利用調整 ranks A–I (structure only)',
  combine: 'rank',
  needs: {
    employed: { label: '就労', bands: [
      { minWeeklyHours: 40, points: 9 }, { minWeeklyHours: 30, points: 8 }, { minWeeklyHours: 20, points: 7 },
      { minWeeklyHours: 16, points: 6 }] },
    selfEmployedHelper: { label: '自営協力者', bands: [{ minWeeklyHours: 30, points: 7 }, { minWeeklyHours: 16, points: 5 }] },
    pregnancy: { label: '妊娠・出産', points: 6 },
    illness: { label: '疾病', points: 9 },
    disability: { label: '障害', points: 9 },
    care: { label: '介護', points: 7 },
    disaster: { label: '災害', points: 9 },
    jobSeeking: { label: '求職', points: 2 },
    study: { label: '就学', points: 6 },
    abuse: { label: '虐待・DV', points: 9 },
  },
  ranks: [
    { letter: 'A', minPoints: 9, score: 900 }, { letter: 'B', minPoints: 8, score: 800 },
    { letter: 'C', minPoints: 7, score: 700 }, { letter: 'D', minPoints: 6, score: 600 },
    { letter: 'E', minPoints: 5, score: 500 }, { letter: 'F', minPoints: 4, score: 400 },
    { letter: 'G', minPoints: 3, score: 300 }, { letter: 'H', minPoints: 2, score: 200 },
    { letter: 'I', minPoints: 0, score: 100 },
  ],
  adjustments: [
    { code: 'leave-extension', label: '入所保留時は育休延長可（ランクI）', when: 'acceptsLeaveExtension', points: 0, forceRank: 'I' },
    { code: 'single-parent', label: 'ひとり親世帯', when: 'singleParent', points: 20 },
    { code: 'leave-return', label: '育休明け', when: 'returningFromChildcareLeave', points: 10 },
    { code: 'siblings-applying', label: 'きょうだい同時申込', when: 'siblingsApplyingSimultaneously', points: 5 },
    { code: 'waiting', label: '待機月数', perUnit: { fact: 'waitingMonths', maxUnits: 6 }, points: 2 },
  ],
  siblingEnrolledBonus: { code: 'sibling-enrolled', label: 'きょうだい在園（当該施設）', points: 10 },
  tieBreak,
};

/** All example tables by id. */
export const EXAMPLE_RULE_TABLES: Record<string, RuleTable> = {
  [HACHIOJI_STYLE.id]: HACHIOJI_STYLE,
  [KORIYAMA_STYLE.id]: KORIYAMA_STYLE,
  [NAGOYA_STYLE.id]: NAGOYA_STYLE,
};
