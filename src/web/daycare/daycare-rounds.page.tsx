// SPDX-License-Identifier: EUPL-1.2
/** The daycare office's start page (rounds, create, generate a demo round) and a round's overview (run, summary, confirm). */
import { toWareki } from '../../platform/dates/jp-date.ts';
import { ConsoleLayout } from '../ui/console-layout.tsx';
import { DateInput } from '../ui/date-input.tsx';
import { Banner, count, DataTable, Field, percent, PostForm, RoundFrame, roundPath, SelectField, type DaycareContext, type RoundHeader } from './daycare-layout.tsx';

/** A round in the list. */
export interface RoundItem extends RoundHeader {
  referenceDate: string;
  facilities: number;
  children: number;
}

/** The list of rounds with the create and generate forms. */
export function DaycareRoundsPage(props: DaycareContext & { rounds: RoundItem[]; ruleTables: Array<[string, string]>; csrf: string; error?: string; suggestedId: string }) {
  const { d } = props;
  return (
    <ConsoleLayout {...props} title={d.title} current="daycare">
      <h1 class="text-std-32B-150">{d.title}</h1>
      <p class="mt-2 max-w-3xl">{d.lead}</p>
      {props.error ? <div class="mt-4"><Banner kind="error">{props.error}</Banner></div> : null}
      <section class="mt-8" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading" class="text-std-24B-150">{d.rounds}</h2>
        {props.rounds.length === 0 ? <p class="mt-4">{d.noRounds}</p> : (
          <div class="mt-4">
            <DataTable caption={d.rounds} captionHidden numeric={[5, 6]}
              head={[d.roundId, d.roundName, d.kind, d.referenceDate, d.status, d.facilities, d.children]}
              rows={props.rounds.map((r) => [
                <a class="link" href={roundPath(r.roundId)}>{r.roundId}</a>, r.name, d.kinds[r.kind], toWareki(r.referenceDate), d.statuses[r.status], count(r.facilities), count(r.children),
              ])} />
          </div>
        )}
      </section>
      <div class="mt-10 grid gap-8 xl:grid-cols-2">
        <section class="card" aria-labelledby="generate-heading">
          <h2 id="generate-heading" class="text-std-20B-150">{d.generate}</h2>
          <p class="mt-2">{d.generateLead}</p>
          <div class="mt-4">
            <PostForm action="/console/daycare/demo-rounds" csrf={props.csrf}>
              <Field id="gen-roundId" name="roundId" label={d.roundId} value={`DEMO-${props.suggestedId}`} hint={d.roundIdHint} required />
              <Field id="gen-name" name="name" label={d.roundName} value="デモ 一次利用調整（合成データ）" required />
              <SelectField id="gen-preset" name="preset" label={d.preset} value="city" options={Object.entries(d.presets)} />
              <Field id="gen-seed" name="seed" label={d.seed} value="1" inputmode="numeric" pattern="[0-9]+" />
              <p><button type="submit" class="button-primary">{d.generate}</button></p>
            </PostForm>
          </div>
        </section>
        <section class="card" aria-labelledby="create-heading">
          <h2 id="create-heading" class="text-std-20B-150">{d.create}</h2>
          <p class="mt-2">{d.createLead}</p>
          <div class="mt-4">
            <PostForm action="/console/daycare/rounds" csrf={props.csrf}>
              <Field id="roundId" label={d.roundId} hint={d.roundIdHint} value={props.suggestedId} required />
              <Field id="name" label={d.roundName} value="令和9年4月入所 一次利用調整" required />
              <DateInput name="referenceDate" label={d.referenceDate} value="令和9年4月1日" required />
              <SelectField id="ruleTableId" label={d.ruleTable} value={props.ruleTables[0]?.[0]} options={[...props.ruleTables, ['', d.ruleTableNone]]} />
              <p><button type="submit" class="button-secondary">{d.create}</button></p>
            </PostForm>
          </div>
        </section>
      </div>
    </ConsoleLayout>
  );
}

/** Figures of a class (or the total) as shown. */
interface Figures { applicants: number; postedSeats: number; offers: number; holds: number; stays: number; firstChoiceOffers: number }

/** What the overview shows of the current run. */
export interface RunOverview {
  runNo: number;
  status: 'STABLE' | 'UNSTABLE' | 'INVALID';
  upToDate: boolean;
  total: Figures;
  byAgeClass: (Figures & { ageClass: number })[];
  firstChoiceRate: number;
  offerRate: number;
  blockingCoalitions: number;
  runtimeMs: number;
  /** When and by whom (names and 和暦, never staff ids, hashes or engine internals: issue #9). */
  runAt: string;
  runBy: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

/** A round's overview: run the allocation, the result summary, confirm, the second round, exports. */
export function DaycareRoundPage(props: DaycareContext & {
  round: RoundHeader & { referenceDate: string; facilities: number; children: number; previousRoundId: string | null; policy: string };
  run: RunOverview | null; csrf: string; notice?: { kind: 'success' | 'error'; text: string }; suggestedSecondId: string;
}) {
  const { d, round, run } = props;
  const frozen = round.status === 'confirmed';
  return (
    <RoundFrame {...props} tab="overview" title={d.tabs.overview}>
      {props.notice ? <Banner kind={props.notice.kind}>{props.notice.text}</Banner> : null}
      <dl class="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt class="text-std-16B-170">{d.referenceDate}</dt><dd>{toWareki(round.referenceDate)}</dd>
        <dt class="text-std-16B-170">{d.facilities}</dt><dd>{count(round.facilities)}</dd>
        <dt class="text-std-16B-170">{d.children}</dt><dd>{count(round.children)}</dd>
        <dt class="text-std-16B-170">{d.tieBreak}</dt><dd>{round.policy}</dd>
        {round.previousRoundId ? <><dt class="text-std-16B-170">{d.kinds.primary}</dt><dd><a class="link" href={roundPath(round.previousRoundId)}>{round.previousRoundId}</a></dd></> : null}
      </dl>
      {frozen ? null : (
        <section aria-labelledby="run-heading">
          <h2 id="run-heading" class="text-std-24B-150">{run ? d.rerun : d.run}</h2>
          <p class="mt-2 max-w-3xl">{d.runLead}</p>
          <div class="mt-4">
            <PostForm action={roundPath(round.roundId, '/allocation-runs')} csrf={props.csrf} label={d.run}>
              <p><button type="submit" class="button-primary">{run ? d.rerun : d.run}</button></p>
            </PostForm>
          </div>
        </section>
      )}
      {run ? <RunSummary d={d} run={run} /> : <p>{d.noResult}</p>}
      {run ? (
        <section aria-labelledby="exports-heading">
          <h2 id="exports-heading" class="text-std-20B-150">{d.downloads}</h2>
          <ul class="mt-2 list-disc pl-6">
            <li><a class="link" href={`/api/v1/daycare-rounds/${encodeURIComponent(round.roundId)}/allocation-request`}>{d.downloadRequest}</a></li>
            <li><a class="link" href={`/api/v1/daycare-rounds/${encodeURIComponent(round.roundId)}/allocation-result`}>{d.downloadResult}</a></li>
          </ul>
        </section>
      ) : null}
      {run && !frozen && run.upToDate && run.status !== 'INVALID' ? (
        <section class="card" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading" class="text-std-20B-150">{d.confirm}</h2>
          <p class="mt-2">{d.confirmLead}</p>
          <div class="mt-4"><PostForm action={roundPath(round.roundId, '/confirmations')} csrf={props.csrf} label={d.confirm}><p><button type="submit" class="button-secondary">{d.confirm}</button></p></PostForm></div>
        </section>
      ) : null}
      {frozen && round.kind === 'primary' ? (
        <section class="card" aria-labelledby="secondary-heading">
          <h2 id="secondary-heading" class="text-std-20B-150">{d.secondary}</h2>
          <p class="mt-2">{d.secondaryLead}</p>
          <div class="mt-4">
            <PostForm action={roundPath(round.roundId, '/secondary-rounds')} csrf={props.csrf} label={d.secondary}>
              <Field id="secondary-roundId" name="roundId" label={d.roundId} value={props.suggestedSecondId} hint={d.roundIdHint} required />
              <Field id="secondary-name" name="name" label={d.roundName} value={`${round.name.replace(/一次/g, '')} 二次利用調整`.trim()} required />
              <p><button type="submit" class="button-secondary">{d.secondary}</button></p>
            </PostForm>
          </div>
        </section>
      ) : null}
    </RoundFrame>
  );
}

function RunSummary(props: { d: DaycareContext['d']; run: RunOverview }) {
  const { d, run } = props;
  const t = run.total;
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="text-std-24B-150">{d.summary}</h2>
      {run.upToDate ? null : <div class="mt-2"><Banner kind="error">{d.outdated}</Banner></div>}
      <ul class="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="daycare-summary">
        {[[d.applicants, count(t.applicants)], [d.offers, count(t.offers)], [d.holds, count(t.holds)], [d.firstChoiceRate, percent(run.firstChoiceRate)]].map(([label, value]) => (
          <li class="card"><p class="text-dns-16N-130">{label}</p><p class="text-std-32B-150 tabular-nums">{value}</p></li>
        ))}
      </ul>
      <p class="mt-2">{d.offerRate}: {percent(run.offerRate)}・{d.stays}: {count(t.stays)}</p>
      <div class="mt-6">
        <DataTable caption={d.byAge} numeric={[1, 2, 3, 4, 5, 6]}
          head={[d.byAge, d.posted, d.applicants, d.offers, d.holds, d.stays, d.firstChoice]}
          rows={[...run.byAgeClass.map((a) => [d.ageClass(a.ageClass), count(a.postedSeats), count(a.applicants), count(a.offers), count(a.holds), count(a.stays), count(a.firstChoiceOffers)]),
            ['計', count(t.postedSeats), count(t.applicants), count(t.offers), count(t.holds), count(t.stays), count(t.firstChoiceOffers)]]} />
      </div>
      <h3 class="mt-6 text-std-20B-150">{d.verification}</h3>
      <p class="mt-2">{run.status === 'STABLE' ? d.verified : d.unstable(run.blockingCoalitions)}</p>
      <h3 class="mt-6 text-std-20B-150">{d.audit}</h3>
      <dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-dns-16N-130" data-testid="daycare-audit">
        <dt>{d.runAt}</dt><dd>{run.runAt}{run.runBy ? `（${run.runBy}）` : ''}</dd>
        {run.confirmedAt ? <><dt>{d.confirmedAt}</dt><dd>{run.confirmedAt}{run.confirmedBy ? `（${run.confirmedBy}）` : ''}</dd></> : null}
      </dl>
      <p class="mt-2 max-w-3xl text-dns-16N-130 text-solid-gray-700">{d.auditLead}</p>
    </section>
  );
}
