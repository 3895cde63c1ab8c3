// SPDX-License-Identifier: EUPL-1.2
/**
 * The per-child explanation as sentences a clerk can read to a parent on the phone (and print on the
 * notice): the outcome, then for each facility listed above it why the child did not get a seat there.
 * It names no other child and shows nothing derivable about one (issue #9): only the seats, the family's own
 * score and the published ranking rule, never an admitted child's score or tie-break values.
 */
import { explainChild, type AdmittedKey, type AllocationRequest, type AllocationResult, type ChildInput, type ReasonCode, type TieBreakKey } from './index.ts';

/** Languages of the script. */
export type ScriptLang = 'ja' | 'en';

/** One explained preference. */
export interface ScriptLine {
  rank: number;
  facilityId: string;
  facilityName: string;
  reason: ReasonCode;
  text: string;
}

/** The whole explanation of one child. */
export interface ExplanationScript {
  childId: string;
  ageClass: number;
  status: 'OFFER' | 'HOLD' | 'STAY';
  facilityId: string | null;
  facilityName: string | null;
  preferenceRank: number | null;
  score: number;
  preferences: { rank: number; facilityId: string; facilityName: string }[];
  summary: string;
  lines: ScriptLine[];
  closing: string[];
}

const KEY_LABELS: Record<string, { ja: string; en: string }> = {
  priorityCategory: { ja: '優先区分', en: 'priority category' },
  waitingMonths: { ja: '待機月数', en: 'months waiting' },
  householdIncome: { ja: '世帯の市民税所得割額', en: 'household municipal income tax' },
};

/** Label of a tie-break key in the language. */
export function tieBreakLabel(key: string, lang: ScriptLang): string {
  return KEY_LABELS[key]?.[lang] ?? key;
}

/** The published tie-break order as a phrase, e.g. "優先区分（小さい方が優先）→ 待機月数（大きい方が優先）". */
export function tieBreakPhrase(order: TieBreakKey[], lang: ScriptLang): string {
  const parts = order.map((k) => lang === 'ja'
    ? `${tieBreakLabel(k.key, lang)}（${k.order === 'asc' ? '小さい方' : '大きい方'}が優先）`
    : `${tieBreakLabel(k.key, lang)} (${k.order === 'asc' ? 'lower' : 'higher'} first)`);
  parts.push(lang === 'ja' ? '公開抽選' : 'published lottery');
  return parts.join(' → ');
}

function reasonText(reason: ReasonCode, p: { seats: number; own: AdmittedKey }, ageClass: number, order: TieBreakKey[], lang: ScriptLang): string {
  const ja = lang === 'ja';
  switch (reason) {
    case 'NO_SEATS_IN_CLASS':
      return ja ? `${ageClass}歳児クラスには、この回の募集枠がありませんでした。` : `There were no places in the age-${ageClass} class in this round.`;
    case 'JOINT_CONDITION':
      return ja ? '空きはありましたが、きょうだいのご希望（同じ施設・同時入所などの組み合わせ）を満たす形では入所できませんでした。'
        : 'There was a place, but not in a way that met the siblings\' stated combination (same facility, same time, …).';
    case 'UNRESOLVED_BLOCKING':
      return ja ? 'この希望については、選考結果の検証で確認が必要な状態です。担当者が確認のうえご連絡します。' : 'This preference needs a check by staff; we will contact you.';
    case 'ASSIGNED_HIGHER_CHOICE':
      return ja ? 'より上位の希望に内定しました。' : 'A higher preference was offered.';
    case 'CUTOFF_HIGHER': {
      // Issue #9: never the admitted children's score or tie-break values. With one place (or a few) the
      // "lowest admitted" key is one identifiable child's data, so the text states only how the family's own
      // key relates to them (≥), in one wording whether the score or a tie-break decided.
      const head = ja ? `${ageClass}歳児クラスの募集${p.seats}人は、すべてお子さまより優先順位が上の方に内定しました。`
        : `All ${p.seats} place${p.seats === 1 ? '' : 's'} of the age-${ageClass} class went to children ranked above yours.`;
      return head + (ja
        ? `お子さまの指数は${p.own.score}点でした。内定した方はいずれも、指数がお子さまより高い方か、指数が同じで同点の場合の優先順位（${tieBreakPhrase(order, lang)}）が上の方です。`
        : ` Your child's score was ${p.own.score}. Every admitted child had a higher score, or the same score and a higher place in the tie-break order (${tieBreakPhrase(order, lang)}).`);
    }
  }
}

/** Builds the explanation script of one child; null when the child is not in the result. */
export function explanationScript(request: AllocationRequest, result: Pick<AllocationResult, 'assignments' | 'explanations'>, childId: string, lang: ScriptLang = 'ja'): ExplanationScript | null {
  const found = explainChild(result, childId);
  let child: ChildInput | undefined;
  for (const h of request.households) { child = h.children.find((c) => c.id === childId); if (child) break; }
  if (!found || !child) return null;
  const names = new Map(request.facilities.map((f) => [f.id, f.name || f.id]));
  const name = (id: string | null) => (id === null ? null : names.get(id) ?? id);
  const { assignment, explanation } = found;
  const ja = lang === 'ja';
  const order = request.policy.tieBreak;
  const lines: ScriptLine[] = (explanation?.perPreference ?? []).map((p) => ({
    rank: p.rank, facilityId: p.facilityId, facilityName: name(p.facilityId)!, reason: p.reason,
    text: reasonText(p.reason, p, child.ageClass, order, lang),
  }));
  let summary: string;
  const fac = name(assignment.facilityId);
  if (assignment.status === 'OFFER') {
    const r = assignment.preferenceRank ?? 1;
    summary = ja ? `第${r}希望の「${fac}」（${child.ageClass}歳児クラス）に入所が内定しました。` : `Your child has been offered a place at "${fac}" (age-${child.ageClass} class), preference ${r}.`;
    if (r > 1) summary += ja ? `第${r - 1 === 1 ? '1' : `1〜${r - 1}`}希望に入所できなかった理由は次のとおりです。` : ' Why the higher preferences could not be met:';
  } else if (assignment.status === 'STAY') {
    summary = ja ? `今回は転園のご希望がかなわなかったため、現在の「${fac}」での在園を継続します。理由は次のとおりです。` : `The transfer could not be met this time; your child stays at "${fac}". The reasons:`;
  } else {
    summary = ja ? '今回の利用調整では、ご希望のどの施設にも入所の内定には至らず、保留となりました。理由は次のとおりです。' : 'In this round no preferred facility could offer a place, so the application is on hold. The reasons:';
  }
  const closing: string[] = [];
  closing.push(ja ? `選考は、利用調整指数の高い順に、同点の場合は ${tieBreakPhrase(order, lang)} の順で行いました。希望施設の数や順番によって不利になることはありません。`
    : `Children were ranked by priority score, ties by ${tieBreakPhrase(order, lang)}. Listing more facilities or their order never counts against an applicant.`);
  if (assignment.status === 'HOLD') {
    closing.push(ja ? '保留となったお子さまは、二次利用調整や年度途中の空きによる入所の選考対象として、引き続き登録されます。'
      : 'Children on hold stay registered for the second round and for places that open during the year.');
    closing.push(ja ? 'この保留の決定に不服がある場合は、決定があったことを知った日の翌日から起算して3か月以内に、市長に対して審査請求をすることができます。'
      : 'You may file a request for review (審査請求) with the mayor within three months of learning of this decision.');
  }
  return {
    childId, ageClass: child.ageClass, status: assignment.status, facilityId: assignment.facilityId, facilityName: fac,
    preferenceRank: assignment.preferenceRank, score: child.score,
    preferences: child.preferences.map((f, i) => ({ rank: i + 1, facilityId: f, facilityName: name(f)! })),
    summary, lines, closing,
  };
}
