// SPDX-License-Identifier: EUPL-1.2
/** Entering one application on screen (申込の登録): the child, preferences, and either the index or the facts to score. */
import { Banner, Field, PostForm, RoundFrame, roundPath, SelectField, type DaycareContext, type RoundHeader } from './daycare-layout.tsx';

/** Need categories offered in the form, with their Japanese labels (保育の必要性の事由). */
export const NEED_OPTIONS: Array<[string, string]> = [
  ['employed', '就労'], ['selfEmployedHelper', '自営協力'], ['pregnancy', '妊娠・出産'], ['illness', '疾病'], ['disability', '障害'],
  ['care', '介護・看護'], ['disaster', '災害復旧'], ['jobSeeking', '求職活動'], ['study', '就学'], ['abuse', '虐待・DV'],
];

/** Household flags offered as check boxes (加点事由). */
export const FLAG_OPTIONS: Array<[string, string]> = [
  ['singleParent', 'ひとり親世帯'], ['returningFromChildcareLeave', '育休明け'], ['welfareHousehold', '生活保護世帯'],
  ['childDisability', '児童に障害'], ['grandparentAvailable', '祖父母が保育可能'], ['acceptsLeaveExtension', '保留時は育休延長可'],
];

/**
 * The entry form of one child's application; with `edit` the correction form (修正) of an entered one,
 * prefilled, whose household and child ids stay as they are.
 */
export function DaycareEntryPage(props: DaycareContext & { round: RoundHeader; csrf: string; tieBreakKeys: Array<[string, string]>; hasRuleTable: boolean; values: Record<string, string>; flags: string[]; error?: string; edit?: { childId: string; householdId: string } }) {
  const { round, values: v, edit, d } = props;
  const ja = props.lang === 'ja';
  return (
    <RoundFrame {...props} tab="applications" title={edit ? `${d.correctTitle}（${edit.childId}）` : ja ? '申込の登録' : 'Enter an application'}>
      {props.error ? <Banner kind="error">{props.error}</Banner> : null}
      {edit ? <p>{d.correctLead}</p> : null}
      <PostForm action={roundPath(round.roundId, edit ? `/applications/${encodeURIComponent(edit.childId)}/edit` : '/applications/new')} csrf={props.csrf}>
        <div class="grid gap-4 md:grid-cols-2">
          {edit ? (
            <dl class="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 md:col-span-2">
              <dt class="text-std-16B-170">{d.householdId}</dt><dd>{edit.householdId}</dd>
              <dt class="text-std-16B-170">{d.childId}</dt><dd>{edit.childId}</dd>
            </dl>
          ) : <>
            <Field id="householdId" label={ja ? '世帯番号' : 'Household id'} value={v.householdId} required />
            <Field id="guardianName" label={ja ? '保護者氏名' : 'Guardian name'} value={v.guardianName} />
            <Field id="childId" label={ja ? '児童番号' : 'Child id'} value={v.childId} required />
          </>}
          <Field id="childName" label={ja ? '児童氏名' : 'Child name'} value={v.childName} />
          <SelectField id="ageClass" label={ja ? '年齢クラス（基準日時点）' : 'Age class (at the reference date)'} value={v.ageClass} options={[0, 1, 2, 3, 4, 5].map((a) => [String(a), ja ? `${a}歳児` : `Age ${a}`])} />
          <Field id="currentFacilityId" label={ja ? '在園施設（転園希望のとき）' : 'Current facility (transfer)'} value={v.currentFacilityId} />
          <Field id="preferences" label={ja ? '希望施設（施設番号を希望順に空白区切り）' : 'Preferences (facility ids in order, space separated)'} value={v.preferences} required />
          <Field id="score" label={ja ? '指数（直接入力する場合）' : 'Score (to enter it directly)'} value={v.score} inputmode="decimal"
            hint={props.hasRuleTable ? (ja ? '空欄なら、下の事由から利用調整基準表で計算します。' : 'Leave empty to score the facts below with the rule table.') : (ja ? 'この回には基準表がないため必須です。' : 'Required: this round has no rule table.')} />
        </div>
        <fieldset class="grid gap-4 md:grid-cols-2">
          <legend class="form-label">{ja ? '保育の必要性の事由' : 'Need for care'}</legend>
          <SelectField id="parent1Need" label={ja ? '保護者1の事由' : 'Parent 1'} value={v.parent1Need} options={[['', ja ? '選択しない' : 'None'], ...NEED_OPTIONS]} />
          <Field id="parent1Hours" label={ja ? '保護者1の週あたり就労時間' : 'Parent 1 weekly hours'} value={v.parent1Hours} inputmode="numeric" />
          <SelectField id="parent2Need" label={ja ? '保護者2の事由（ひとり親は選択しない）' : 'Parent 2 (none for a single parent)'} value={v.parent2Need} options={[['', ja ? '選択しない' : 'None'], ...NEED_OPTIONS]} />
          <Field id="parent2Hours" label={ja ? '保護者2の週あたり就労時間' : 'Parent 2 weekly hours'} value={v.parent2Hours} inputmode="numeric" />
          <Field id="waitingMonths" label={ja ? '待機月数' : 'Months waiting'} value={v.waitingMonths} inputmode="numeric" />
        </fieldset>
        <fieldset class="flex flex-col gap-2">
          <legend class="form-label">{ja ? '加点事由' : 'Adjustments'}</legend>
          {FLAG_OPTIONS.map(([k, label]) => (
            <div class="flex items-center gap-2"><input type="checkbox" id={`flag-${k}`} name="flags" value={k} checked={props.flags.includes(k)} /><label for={`flag-${k}`}>{label}</label></div>
          ))}
        </fieldset>
        {props.tieBreakKeys.length > 0 ? (
          <fieldset class="grid gap-4 md:grid-cols-3">
            <legend class="form-label">{ja ? '同点時の優先順位に使う値' : 'Tie-break values'}</legend>
            {props.tieBreakKeys.map(([k, label]) => <Field id={`tb-${k}`} label={label} value={v[`tb-${k}`]} inputmode="numeric" />)}
          </fieldset>
        ) : null}
        <p class="flex flex-wrap gap-4">
          <button type="submit" class="button-primary">{edit ? d.saveCorrection : ja ? '登録する' : 'Save'}</button>
          {edit ? <a class="button-secondary" href={roundPath(round.roundId, `/applications/${encodeURIComponent(edit.childId)}`)}>{d.cancel}</a> : null}
        </p>
      </PostForm>
    </RoundFrame>
  );
}
