// SPDX-License-Identifier: EUPL-1.2
/**
 * 仮登録一覧 (/console/registry/provisional): provisional changes with 一括本登録 for approvers and single
 * approve/withdraw; 人口統計 (/console/registry/statistics): population as of a date, with a CSV link.
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { registryText } from './registry-i18n.ts';
import { CHANGE_KIND_LABELS, ErrorSummary, RegistryLayout, td, th, wareki } from './registry-ui.tsx';

export type ProvisionalItem = Awaited<ReturnType<RegistryService['listProvisional']>>[number];
type Stats = Exclude<Awaited<ReturnType<RegistryService['statistics']>>, string>;

export interface ProvisionalPageProps extends ConsoleContext {
  items: ProvisionalItem[];
  canApprove: boolean;
  canChange: boolean;
  canReview: boolean;
  csrfToken: string;
  done?: string;
  error?: { message: string; code?: string };
}

const kindLabel = (k: string, kinds: Record<string, string>) => kinds[k] ?? (CHANGE_KIND_LABELS as Record<string, string>)[k] ?? k;

/** The list of provisional changes. */
export function ProvisionalPage(p: ProvisionalPageProps) {
  const dict = registryText(p.lang);
  const t = dict.provisional;
  return (
    <RegistryLayout {...p} title={t.title} sub="provisional">
      <h1 class="text-std-32B-150">{t.title}</h1>
      {p.error ? <ErrorSummary title={t.failed} message={p.error.message} code={p.error.code} /> : null}
      {p.done ? <div class="banner-success mt-4" role="status" data-testid="done">{t.done[p.done] ?? p.done}</div> : null}
      <p class="mt-2">{t.lead}{p.canApprove ? '' : t.approverOnly}</p>
      {p.items.length === 0 ? <p class="mt-6" data-testid="no-provisional">{t.none}</p> : (
        <form method="post" action="/console/registry/provisional/approvals" class="mt-6" id="bulk-form">
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <div class="overflow-x-auto">
            <table class="w-full border-collapse" data-testid="provisional">
              <thead><tr>
                {p.canApprove ? <th scope="col" class={th}><span class="sr-only">{t.select}</span><input type="checkbox" class="size-5" aria-label={t.selectAll} data-select-all="changeIds" hidden /></th> : null}
                <th scope="col" class={th}>{t.columns.change}</th><th scope="col" class={th}>{t.columns.persons}</th><th scope="col" class={th}>{t.columns.occurredOn}</th>
                <th scope="col" class={th}>{t.columns.notifiedOn}</th><th scope="col" class={th}>{t.columns.processedOn}</th><th scope="col" class={th}>{t.columns.operator}</th>
                <th scope="col" class={th}>{t.columns.alerts}</th><th scope="col" class={th}>{t.columns.actions}</th>
              </tr></thead>
              <tbody>
                {p.items.map((c) => {
                  const names = c.persons.map((x) => `${x.familyName}　${x.givenName}`.trim() || x.romanName || '');
                  const label = `${kindLabel(c.kind, dict.kinds)} ${names.join('、')}`;
                  return (
                    <tr data-testid="provisional-row">
                      {p.canApprove ? <td class={td}><input type="checkbox" class="size-5" name="changeIds" value={c.changeId} aria-label={t.selectRow(label)} /></td> : null}
                      <td class={td}>{kindLabel(c.kind, dict.kinds)}{c.exOfficio ? t.exOfficio : ''}<br /><span class="text-std-14N-170 text-solid-gray-700">{c.reasonCode}</span></td>
                      <td class={td}>
                        <ul>{c.persons.map((x) => <li><a class="link" href={`/console/registry/persons/${x.personId}`}>{`${x.familyName}　${x.givenName}`.trim() || x.romanName}</a>（{x.relationship}・{x.address.townName}{x.address.banchi}）</li>)}</ul>
                      </td>
                      <td class={`${td} whitespace-nowrap`}>{wareki(c.occurredOn)}</td>
                      <td class={`${td} whitespace-nowrap`}>{wareki(c.notifiedOn)}</td>
                      <td class={`${td} whitespace-nowrap`}>{wareki(c.processedOn)}</td>
                      <td class={td}>{c.operatorId}</td>
                      <td class={td}>{c.alerts.length > 0 ? <ul class="list-disc pl-4">{c.alerts.map((a) => <li>{a.message}</li>)}</ul> : '—'}</td>
                      <td class={td}>
                        <div class="flex flex-col gap-2">
                          {p.canApprove ? <button class="button-primary button-small" type="submit" formaction={`/console/registry/changes/${c.changeId}/approve`} aria-label={t.approveRow(label)}>{t.approve}</button> : null}
                          <button class="button-secondary button-small" type="submit" formaction={`/console/registry/changes/${c.changeId}/withdraw`} aria-label={t.withdrawRow(label)}>{t.withdraw}</button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {p.canApprove ? <div class="mt-4"><button class="button-primary" type="submit">{t.approveSelected}</button></div> : null}
        </form>
      )}
    </RegistryLayout>
  );
}

export interface StatisticsPageProps extends ConsoleContext {
  stats: Stats;
  asOfInput: string;
  canChange: boolean;
  canReview: boolean;
  error?: { message: string };
}

const n = (x: number) => x.toLocaleString('ja-JP');

/** Population statistics. */
export function StatisticsPage(p: StatisticsPageProps) {
  const s = p.stats;
  const max = Math.max(1, ...s.byAgeBand.map((b) => Math.max(b.male, b.female)));
  const t = registryText(p.lang).statistics;
  return (
    <RegistryLayout {...p} title={t.title} sub="statistics">
      <h1 class="text-std-32B-150">{t.title}</h1>
      {p.error ? <ErrorSummary message={p.error.message} errors={{ asOf: p.error.message }} labels={{ asOf: t.asOf }} /> : null}
      <form method="get" action="/console/registry/statistics" class="mt-4 flex flex-wrap items-end gap-4">
        <div class="form-field">
          <label class="form-label" for="asOf">{t.asOf}</label>
          <input class="form-control" id="asOf" name="asOf" type="date" value={p.asOfInput} aria-invalid={p.error ? 'true' : undefined} />
        </div>
        <button class="button-primary" type="submit">{t.show}</button>
        <a class="link" href={`/console/registry/statistics.csv?asOf=${s.asOf}`} download>{t.csv}</a>
      </form>
      <p class="mt-4 text-std-18B-160" data-testid="stats-asof">{t.asOfLine(wareki(s.asOf), s.asOf)}</p>
      <section class="mt-4" aria-labelledby="total-heading">
        <h2 id="total-heading" class="text-std-20B-150">{t.total}</h2>
        <table class="mt-2 border-collapse" data-testid="stats-total">
          <thead><tr>{t.totalColumns.map((x) => <th scope="col" class={th}>{x}</th>)}</tr></thead>
          <tbody><tr>{[s.total.persons, s.total.male, s.total.female, s.total.japanese, s.total.foreign, s.total.households].map((x) => <td class={`${td} text-right`}>{n(x)}</td>)}</tr></tbody>
        </table>
      </section>
      <section class="mt-8" aria-labelledby="age-heading">
        <h2 id="age-heading" class="text-std-20B-150">{t.byAge}</h2>
        <table class="mt-2 border-collapse" data-testid="stats-age">
          <thead><tr>{t.ageColumns.map((x) => <th scope="col" class={th}>{x}</th>)}<th scope="col" class={th}><span aria-hidden="true">{t.chart}</span><span class="sr-only">{t.chartSr}</span></th></tr></thead>
          <tbody>
            {s.byAgeBand.map((b) => (
              <tr>
                <th scope="row" class={`${td} text-left font-normal whitespace-nowrap`}>{b.label}</th>
                <td class={`${td} text-right`}>{n(b.male)}</td><td class={`${td} text-right`}>{n(b.female)}</td><td class={`${td} text-right`}>{n(b.male + b.female)}</td>
                <td class={`${td} text-right`}>{n(b.japanese)}</td><td class={`${td} text-right`}>{n(b.foreign)}</td>
                <td class={`${td} w-72`} aria-hidden="true">
                  <div class="flex items-center gap-1">
                    <meter class="h-3 w-32" min={0} max={max} value={b.male} />
                    <meter class="h-3 w-32" min={0} max={max} value={b.female} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="mt-8" aria-labelledby="town-heading">
        <h2 id="town-heading" class="text-std-20B-150">{t.byTown}</h2>
        <div class="overflow-x-auto">
          <table class="mt-2 border-collapse" data-testid="stats-town">
            <thead><tr>{t.townColumns.map((x) => <th scope="col" class={th}>{x}</th>)}</tr></thead>
            <tbody>
              {s.byTown.map((town) => (
                <tr>
                  <th scope="row" class={`${td} text-left font-normal`}>{town.townName}</th>
                  {[town.households, town.persons, town.male, town.female, town.japanese, town.foreign].map((x) => <td class={`${td} text-right`}>{n(x)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </RegistryLayout>
  );
}
