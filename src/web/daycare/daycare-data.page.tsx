// SPDX-License-Identifier: EUPL-1.2
/** Daycare data pages: facilities and places, the application list with CSV import, one application with its score breakdown. */
import { CSV_COLUMNS } from '../../domains/daycare/application-csv.ts';
import { tieBreakLabel } from '../../domains/daycare/explanation-script.ts';
import { Banner, count, DataTable, Field, PostForm, RoundFrame, roundPath, SelectField, type DaycareContext, type RoundHeader } from './daycare-layout.tsx';

/** A facility row. */
export interface FacilityRow { facilityId: string; name: string; seats: number[] }

/** Facilities with their places per age class and the add/change form. */
export function DaycareFacilitiesPage(props: DaycareContext & { round: RoundHeader; facilities: FacilityRow[]; csrf: string; notice?: { kind: 'success' | 'error'; text: string } }) {
  const { d, round } = props;
  const totals = [0, 1, 2, 3, 4, 5].map((a) => props.facilities.reduce((n, f) => n + f.seats[a]!, 0));
  return (
    <RoundFrame {...props} tab="facilities" title={d.tabs.facilities}>
      {props.notice ? <Banner kind={props.notice.kind}>{props.notice.text}</Banner> : null}
      <DataTable caption={`${d.tabs.facilities}（${count(props.facilities.length)}）`} numeric={[2, 3, 4, 5, 6, 7]}
        head={[d.facilityId, d.facilityName, ...[0, 1, 2, 3, 4, 5].map((a) => d.ageClass(a))]}
        rows={[...props.facilities.map((f) => [f.facilityId, f.name, ...f.seats.map(count)]), ['計', '', ...totals.map(count)]]} />
      {round.status === 'confirmed' ? <p>{d.frozen}</p> : (
        <section class="card" aria-labelledby="facility-form-heading">
          <h2 id="facility-form-heading" class="text-std-20B-150">{d.saveFacility}</h2>
          <p class="mt-2">{d.facilityLead}</p>
          <div class="mt-4">
            <PostForm action={roundPath(round.roundId, '/facilities')} csrf={props.csrf}>
              <Field id="facilityId" label={d.facilityId} required />
              <Field id="facilityName" name="name" label={d.facilityName} />
              <fieldset class="flex flex-wrap gap-4">
                <legend class="form-label">{d.seats}</legend>
                {[0, 1, 2, 3, 4, 5].map((a) => (
                  <div class="flex flex-col">
                    <label class="form-hint" for={`seats-${a}`}>{d.ageClass(a)}</label>
                    <input class="form-control w-24" id={`seats-${a}`} name={`seats${a}`} inputmode="numeric" pattern="[0-9]+" value="0" />
                  </div>
                ))}
              </fieldset>
              <p><button type="submit" class="button-primary">{d.saveFacility}</button></p>
            </PostForm>
          </div>
        </section>
      )}
    </RoundFrame>
  );
}

/** One line of the application list. */
export interface ApplicationRow {
  childId: string; householdId: string; ageClass: number; score: number; preferences: string[]; currentFacilityId: string | null;
  outcome: { status: string; facilityId: string | null; preferenceRank: number | null } | null;
  withdrawnAt?: string | null;
}

/** The application list with filters, paging and the CSV import form. */
export function DaycareApplicationsPage(props: DaycareContext & {
  round: RoundHeader; items: ApplicationRow[]; total: number; query: { q: string; status: string; ageClass: string; offset: number; limit: number };
  csrf: string; importNotice?: { kind: 'success' | 'error'; text: string }; problems?: Array<{ row: number; column: string; message: string }>;
}) {
  const { d, round, query } = props;
  const base = roundPath(round.roundId, '/applications');
  const page = (offset: number) => `${base}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}), ...(query.ageClass ? { ageClass: query.ageClass } : {}), offset: String(offset) })}`;
  return (
    <RoundFrame {...props} tab="applications" title={d.tabs.applications}>
      {props.importNotice ? <Banner kind={props.importNotice.kind}>{props.importNotice.text}</Banner> : null}
      {props.problems && props.problems.length > 0 ? (
        <DataTable caption={d.csvErrors(props.problems.length)} numeric={[0]} head={[d.row, d.column, d.message]}
          rows={props.problems.slice(0, 500).map((p) => [String(p.row), p.column, p.message])} />
      ) : null}
      <form method="get" action={base} class="flex flex-wrap items-end gap-4" role="search" aria-label={d.search}>
        <Field id="q" label={d.searchLabel} value={query.q} />
        <SelectField id="status" label={d.outcome} value={query.status} options={[['', d.all], ['OFFER', d.outcomes.OFFER!], ['HOLD', d.outcomes.HOLD!], ['STAY', d.outcomes.STAY!]]} />
        <SelectField id="ageClass" label={d.byAge} value={query.ageClass} options={[['', d.all], ...[0, 1, 2, 3, 4, 5].map((a) => [String(a), d.ageClass(a)] as [string, string])]} />
        <p><button type="submit" class="button-secondary">{d.filter}</button></p>
      </form>
      <p role="status">{d.results(props.total)}</p>
      <DataTable caption={d.tabs.applications} captionHidden numeric={[3]}
        head={[d.childId, d.householdId, d.byAge, d.score, d.preferences, d.outcome, d.explanation]}
        rows={props.items.map((a) => [
          <><a class="link" href={roundPath(round.roundId, `/applications/${encodeURIComponent(a.childId)}`)}>{a.childId}</a>{a.withdrawnAt ? <span class="badge ml-2">{d.withdrawnMark}</span> : null}</>,
          a.householdId, d.ageClass(a.ageClass), String(a.score), a.preferences.join(' → ') + (a.currentFacilityId ? `（${d.current}: ${a.currentFacilityId}）` : ''),
          a.outcome ? `${d.outcomes[a.outcome.status]}${a.outcome.facilityId ? ` ${a.outcome.facilityId}` : ''}${a.outcome.preferenceRank ? `（${d.rank(a.outcome.preferenceRank)}）` : ''}` : '—',
          a.outcome ? <a class="link" href={roundPath(round.roundId, `/explanations/${encodeURIComponent(a.childId)}`)}>{d.explain}<span class="sr-only">（{a.childId}）</span></a> : '—',
        ])} />
      <nav aria-label={d.results(props.total)} class="flex gap-4">
        {query.offset > 0 ? <a class="link" href={page(Math.max(0, query.offset - query.limit))}>{d.prev}</a> : null}
        {query.offset + query.limit < props.total ? <a class="link" href={page(query.offset + query.limit)}>{d.next}</a> : null}
      </nav>
      {round.status === 'confirmed' ? null : <p><a class="button-secondary" href={roundPath(round.roundId, '/applications/new')}>{d.enter}</a></p>}
      {round.status === 'confirmed' ? null : (
        <section class="card" aria-labelledby="import-heading">
          <h2 id="import-heading" class="text-std-20B-150">{d.importCsv}</h2>
          <p class="mt-2">{d.importLead}</p>
          <details class="mt-2">
            <summary class="link cursor-pointer">{d.csvColumns}</summary>
            <p class="mt-2 text-dns-16N-130 break-all">{Object.entries(CSV_COLUMNS).map(([k, ja]) => `${ja}（${k}）`).join('、')}</p>
          </details>
          <div class="mt-4">
            <PostForm action={roundPath(round.roundId, '/application-imports')} csrf={props.csrf} multipart>
              <div class="form-field">
                <label class="form-label" for="csv">{d.csvFile}</label>
                <input class="form-control" id="csv" name="csv" type="file" accept=".csv,text/csv" required />
              </div>
              <div class="flex items-center gap-2"><input type="checkbox" id="dryRun" name="dryRun" value="1" /><label for="dryRun">{d.dryRun}</label></div>
              <p><button type="submit" class="button-primary">{d.importButton}</button></p>
            </PostForm>
          </div>
        </section>
      )}
    </RoundFrame>
  );
}

/** One application: household, preferences, score breakdown, outcome. */
export function DaycareApplicationPage(props: DaycareContext & {
  round: RoundHeader; facilityNames: Map<string, string>;
  app: {
    childId: string; householdId: string; childName: string; guardianName: string; ageClass: number; currentFacilityId: string | null;
    preferences: string[]; score: number; scoreByFacility: Record<string, number>; tieBreak: Record<string, number>;
    scoreItems: Array<{ label: string; points: number; facilityId?: string }> | null; siblings: string[]; carriedFromRound: string | null;
    outcome: { status: string; facilityId: string | null; preferenceRank: number | null } | null;
    withdrawnAt: string | null; declinedAt: string | null;
  };
  notice?: string;
}) {
  const { d, round, app } = props;
  const name = (f: string) => props.facilityNames.get(f) ?? f;
  const base = roundPath(round.roundId, `/applications/${encodeURIComponent(app.childId)}`);
  const editable = round.status !== 'confirmed' && !app.withdrawnAt;
  const declinable = round.status === 'confirmed' && app.outcome?.status === 'OFFER' && !app.declinedAt;
  return (
    <RoundFrame {...props} tab="applications" title={`${d.application}（${app.childId}）`}>
      {props.notice ? <Banner kind="success">{props.notice}</Banner> : null}
      {app.withdrawnAt ? <p class="badge">{d.withdrawnAt(app.withdrawnAt.slice(0, 16).replace('T', ' '))}</p> : null}
      {app.declinedAt ? <p class="badge">{d.declinedAt(app.declinedAt.slice(0, 16).replace('T', ' '))}</p> : null}
      {editable || declinable ? (
        <nav aria-label={d.changes} class="flex flex-wrap gap-4">
          {editable ? <a class="button-secondary" href={`${base}/edit`}>{d.correct}</a> : null}
          {editable ? <a class="button-secondary" href={`${base}/withdraw`}>{d.withdraw}</a> : null}
          {declinable ? <a class="button-secondary" href={`${base}/decline`}>{d.decline}</a> : null}
        </nav>
      ) : null}
      <dl class="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt class="text-std-16B-170">{d.childName}</dt><dd>{app.childName || '—'}</dd>
        <dt class="text-std-16B-170">{d.householdId}</dt><dd>{app.householdId}{app.guardianName ? `（${app.guardianName}）` : ''}{app.carriedFromRound ? `・${d.carried(app.carriedFromRound)}` : ''}</dd>
        <dt class="text-std-16B-170">{d.byAge}</dt><dd>{d.ageClass(app.ageClass)}</dd>
        {app.currentFacilityId ? <><dt class="text-std-16B-170">{d.current}</dt><dd>{name(app.currentFacilityId)}</dd></> : null}
        {app.siblings.length > 0 ? <><dt class="text-std-16B-170">{d.siblings}</dt><dd>{app.siblings.map((s, i) => <>{i > 0 ? '、' : ''}<a class="link" href={roundPath(round.roundId, `/applications/${encodeURIComponent(s)}`)}>{s}</a></>)}</dd></> : null}
        <dt class="text-std-16B-170">{d.outcome}</dt>
        <dd>{app.outcome ? <>{d.outcomes[app.outcome.status]}{app.outcome.facilityId ? ` ${name(app.outcome.facilityId)}` : ''} <a class="link" href={roundPath(round.roundId, `/explanations/${encodeURIComponent(app.childId)}`)}>{d.explain}</a></> : '—'}</dd>
      </dl>
      <section aria-labelledby="prefs-heading">
        <h2 id="prefs-heading" class="text-std-20B-150">{d.preferences}</h2>
        <ol class="mt-2 list-decimal pl-6">{app.preferences.map((f) => <li>{name(f)}（{f}）</li>)}</ol>
      </section>
      <section aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading" class="text-std-20B-150">{d.breakdown}</h2>
        {app.scoreItems ? (
          <div class="mt-2">
            <DataTable caption={d.breakdown} captionHidden numeric={[1]} head={[d.reason, d.score]}
              rows={[...app.scoreItems.map((i) => [i.label + (i.facilityId ? d.facilityBonus(name(i.facilityId)) : ''), String(i.points)]), [d.score, String(app.score)]]} />
          </div>
        ) : <p class="mt-2">{d.breakdownNone} {d.entered}: {app.score}</p>}
        {Object.keys(app.scoreByFacility).length > 0 ? (
          <ul class="mt-2 list-disc pl-6">{Object.entries(app.scoreByFacility).map(([f, s]) => <li>{name(f)}: {s}</li>)}</ul>
        ) : null}
        <h3 class="mt-4 text-std-16B-170">{d.tieBreak}</h3>
        <ul class="mt-1 list-disc pl-6">{Object.entries(app.tieBreak).map(([k, v]) => <li>{tieBreakLabel(k, props.lang)}: {v.toLocaleString('ja-JP')}</li>)}</ul>
      </section>
    </RoundFrame>
  );
}

/** The confirmation step of a withdrawal (取下げ) or a decline (辞退): says what happens, then posts. */
export function DaycareConfirmChangePage(props: DaycareContext & { round: RoundHeader; csrf: string; childId: string; kind: 'withdraw' | 'decline'; error?: string }) {
  const { d, round } = props;
  const base = roundPath(round.roundId, `/applications/${encodeURIComponent(props.childId)}`);
  const w = props.kind === 'withdraw';
  return (
    <RoundFrame {...props} tab="applications" title={`${w ? d.withdrawTitle : d.declineTitle}（${props.childId}）`}>
      {props.error ? <Banner kind="error">{props.error}</Banner> : null}
      <p>{w ? d.withdrawLead : d.declineLead}</p>
      <PostForm action={`${base}/${props.kind}`} csrf={props.csrf}>
        <p class="flex flex-wrap gap-4">
          <button type="submit" class="button-primary">{w ? d.withdrawConfirm : d.declineConfirm}</button>
          <a class="button-secondary" href={base}>{d.cancel}</a>
        </p>
      </PostForm>
    </RoundFrame>
  );
}
