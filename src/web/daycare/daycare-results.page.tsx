// SPDX-License-Identifier: EUPL-1.2
/** Daycare result pages: per-child explanation, the cut-off table, what-if, comparison with a reference. */
import type { ExplanationScript } from '../../domains/daycare/explanation-script.ts';
import type { ComparisonReport } from '../../domains/daycare/allocation-comparison.ts';
import type { WhatIfDiff } from '../../domains/daycare/what-if.ts';
import { Banner, count, DataTable, Field, percent, PostForm, RoundFrame, roundPath, SelectField, type DaycareContext, type RoundHeader } from './daycare-layout.tsx';

/** The explanation of one child, written to be read to a parent on the phone. */
export function DaycareExplanationPage(props: DaycareContext & {
  round: RoundHeader; script: ExplanationScript;
  perPreference: Array<{ rank: number; facilityName: string; reason: string | null; seats: number | null; lowest: number | null; own: number | null }>;
}) {
  const { d, round, script } = props;
  return (
    <RoundFrame {...props} tab="applications" title={`${d.explanation}（${script.childId}）`}>
      <p class="text-std-20B-150" data-testid="daycare-outcome">{d.outcome}: {d.outcomes[script.status]}{script.facilityName ? `・${script.facilityName}` : ''}</p>
      <section aria-labelledby="script-heading" class="card">
        <h2 id="script-heading" class="text-std-24B-150">{d.script}</h2>
        <p class="mt-1 text-dns-16N-130 text-solid-gray-700">{d.scriptLead}</p>
        <div class="mt-4 flex max-w-3xl flex-col gap-3 text-std-18N-160" data-testid="daycare-script">
          <p>{script.summary}</p>
          {script.lines.length > 0 ? (
            <ol class="flex list-decimal flex-col gap-2 pl-6">
              {script.lines.map((l) => <li><strong>第{l.rank}希望「{l.facilityName}」</strong>：{l.text}</li>)}
            </ol>
          ) : null}
          {script.closing.map((c) => <p>{c}</p>)}
        </div>
      </section>
      <DataTable caption={d.perPreference} numeric={[3, 4, 5]}
        head={[d.rank(1).replace('1', 'N'), d.facilityName, d.reason, d.seats, d.lowest, d.own]}
        rows={props.perPreference.map((p) => [d.rank(p.rank), p.facilityName, p.reason ? d.reasons[p.reason] ?? p.reason : d.outcomes[script.status]!,
          p.seats === null ? '—' : String(p.seats), p.lowest === null ? '—' : String(p.lowest), p.own === null ? '—' : String(p.own)])} />
      <p class="flex flex-wrap gap-6">
        <a class="button-secondary" href={roundPath(round.roundId, `/explanations/${encodeURIComponent(script.childId)}/notice.pdf`)}>{d.notice(script.status)}</a>
        <a class="link self-center" href={roundPath(round.roundId, `/applications/${encodeURIComponent(script.childId)}`)}>{d.application}</a>
      </p>
    </RoundFrame>
  );
}

/** One line of the cut-off table. */
export interface CutoffRow { facilityId: string; facilityName: string; ageClass: number; seats: number; applicants: number; offers: number; lowest: number | null }

/** The publishable cut-off table (最低指数). */
export function DaycareCutoffsPage(props: DaycareContext & { round: RoundHeader; rows: CutoffRow[]; tieBreak: string; facility: string; facilities: Array<[string, string]> }) {
  const { d, round } = props;
  const api = `/api/v1/daycare-rounds/${encodeURIComponent(round.roundId)}/cutoffs`;
  return (
    <RoundFrame {...props} tab="cutoffs" title={d.cutoffs}>
      <p class="max-w-3xl">{d.cutoffsLead}</p>
      <p class="max-w-3xl">{d.tieBreak}: {props.tieBreak}</p>
      <p class="flex flex-wrap gap-6"><a class="link" href={`${api}?format=csv`}>{d.downloadCsv}</a><a class="link" href={`${api}?format=json`}>{d.downloadJson}</a></p>
      <form method="get" action={roundPath(round.roundId, '/cutoffs')} class="flex flex-wrap items-end gap-4" aria-label={d.facilityFilter}>
        <SelectField id="facility" label={d.facilityFilter} value={props.facility} options={[['', d.all], ...props.facilities]} />
        <p><button type="submit" class="button-secondary">{d.filter}</button></p>
      </form>
      <DataTable caption={d.cutoffs} captionHidden numeric={[2, 3, 4, 5]}
        head={[d.facilityName, d.byAge, d.seats, d.applicants, d.offers, d.lowest]}
        rows={props.rows.map((r) => [`${r.facilityName}（${r.facilityId}）`, d.ageClass(r.ageClass), count(r.seats), count(r.applicants), count(r.offers), r.lowest === null ? d.noOffer : String(r.lowest)])} />
    </RoundFrame>
  );
}

/** The what-if form and, after a run, who moves. */
export function DaycareWhatIfPage(props: DaycareContext & {
  round: RoundHeader; csrf: string; adjustments: Array<[string, string]>; values: Record<string, string>;
  result?: WhatIfDiff & { changedChildren: string[] }; error?: string;
}) {
  const { d, round, values, result } = props;
  const v = (k: string) => values[k] ?? '';
  return (
    <RoundFrame {...props} tab="whatIf" title={d.whatIf}>
      <p class="max-w-3xl">{d.whatIfLead}</p>
      {props.error ? <Banner kind="error">{props.error}</Banner> : null}
      <PostForm action={roundPath(round.roundId, '/what-if')} csrf={props.csrf} label={d.whatIf}>
        <fieldset class="flex flex-col gap-2">
          <legend class="form-label">{d.changeKind}</legend>
          {([['child', d.changeChild], ['facility', d.changeFacility], ['adjustment', d.changeRule], ['reuseVacatedSeats', d.changeReuse]] as const).map(([k, label], i) => (
            <div class="flex items-center gap-2">
              <input type="radio" id={`kind-${k}`} name="kind" value={k} checked={(v('kind') || 'child') === k || (i === 0 && !v('kind'))} />
              <label for={`kind-${k}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <div class="grid gap-4 md:grid-cols-2">
          <Field id="childId" label={`${d.changeChild}: ${d.childId}`} value={v('childId')} />
          <Field id="score" label={d.newScore} value={v('score')} inputmode="decimal" />
          <Field id="preferences" label={d.newPreferences} value={v('preferences')} />
          <Field id="facilityId" label={`${d.changeFacility}: ${d.facilityId}`} value={v('facilityId')} />
          <Field id="seats" label={d.newSeats} value={v('seats')} />
          {props.adjustments.length > 0 ? <SelectField id="code" label={d.adjustment} value={v('code')} options={props.adjustments} /> : null}
          <Field id="points" label={d.points} value={v('points')} inputmode="numeric" />
          <SelectField id="reuse" label={d.reuse} value={v('reuse') || 'false'} options={[['true', 'ON'], ['false', 'OFF']]} />
        </div>
        <p><button type="submit" class="button-primary">{d.simulate}</button></p>
      </PostForm>
      {result ? (
        <section aria-labelledby="moves-heading">
          <h2 id="moves-heading" class="text-std-24B-150">{d.moves}</h2>
          <p class="mt-2" role="status">{d.net}: {d.offers} {count(result.before.offers)} → {count(result.after.offers)}、{d.holds} {count(result.before.holds)} → {count(result.after.holds)}、{d.firstChoice} {count(result.before.firstChoiceOffers)} → {count(result.after.firstChoiceOffers)}</p>
          {result.moves.length === 0 ? <p class="mt-2">{d.noMoves}</p> : (
            <div class="mt-4">
              <DataTable caption={`${d.moves}（${count(result.moves.length)}）`} captionHidden head={[d.childId, d.before, d.after, d.changeKind]}
                rows={result.moves.slice(0, 500).map((m) => [
                  <a class="link" href={roundPath(round.roundId, `/applications/${encodeURIComponent(m.childId)}`)}>{m.childId}</a>,
                  `${d.outcomes[m.before.status]} ${m.before.facilityId ?? ''}`, `${d.outcomes[m.after.status]} ${m.after.facilityId ?? ''}`,
                  d.directions[m.direction] + (m.changedInput ? `（${d.changedInput}）` : ''),
                ])} />
            </div>
          )}
        </section>
      ) : null}
    </RoundFrame>
  );
}

/** The comparison form and its report. */
export function DaycareComparisonPage(props: DaycareContext & { round: RoundHeader; csrf: string; report?: ComparisonReport; error?: string }) {
  const { d, round, report } = props;
  return (
    <RoundFrame {...props} tab="comparison" title={d.comparison}>
      <p class="max-w-3xl">{d.comparisonLead}</p>
      {props.error ? <Banner kind="error">{props.error}</Banner> : null}
      <div class="grid gap-8 xl:grid-cols-2">
        <PostForm action={roundPath(round.roundId, '/comparison')} csrf={props.csrf} multipart label={d.compare}>
          <div class="form-field">
            <label class="form-label" for="reference">{d.referenceFile}</label>
            <input class="form-control" id="reference" name="reference" type="file" accept=".json,.csv,application/json,text/csv" required />
          </div>
          <p><button type="submit" class="button-primary">{d.compare}</button></p>
        </PostForm>
        <PostForm action={roundPath(round.roundId, '/comparison')} csrf={props.csrf} label={d.compareNaive}>
          <input type="hidden" name="naive" value="1" />
          <p><button type="submit" class="button-secondary">{d.compareNaive}</button></p>
        </PostForm>
      </div>
      {report ? (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading" class="text-std-24B-150">{d.agreement}: <span data-testid="daycare-agreement">{percent(report.agreementRate)}</span></h2>
          <p class="mt-2" role="status">{d.same} {count(report.same)} / {count(report.children)}・{d.differences} {count(report.differences.length)}・{d.missing} {count(report.missing.length)}・{d.unknown} {count(report.unknown.length)}</p>
          <div class="mt-4">
            <DataTable caption={d.summary} numeric={[1, 2, 3]} head={['', d.offers, d.holds, d.stays]}
              rows={[[d.ours, count(report.ours.offers), count(report.ours.holds), count(report.ours.stays)], [d.reference, count(report.reference.offers), count(report.reference.holds), count(report.reference.stays)]]} />
          </div>
          <p class="mt-4">{d.referenceCheck}: {report.referenceCheck.status}（定員超過 {report.referenceCheck.capacityViolations}・転園児の不利益 {report.referenceCheck.individualRationalityViolations}・ブロッキング {report.referenceCheck.blockingCoalitions}）</p>
          {report.differences.length > 0 ? (
            <div class="mt-4">
              <DataTable caption={d.differences} head={[d.childId, d.ours, d.reference, d.reasonAtReference]}
                rows={report.differences.slice(0, 500).map((x) => [
                  <a class="link" href={roundPath(round.roundId, `/explanations/${encodeURIComponent(x.childId)}`)}>{x.childId}</a>,
                  `${d.outcomes[x.ours.status]} ${x.ours.facilityId ?? ''}`, `${d.outcomes[x.reference.status]} ${x.reference.facilityId ?? ''}`,
                  x.reasonAtReference ? d.reasons[x.reasonAtReference] ?? x.reasonAtReference : '—',
                ])} />
            </div>
          ) : null}
        </section>
      ) : null}
    </RoundFrame>
  );
}
