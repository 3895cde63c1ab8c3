// SPDX-License-Identifier: EUPL-1.2
/**
 * 仮登録一覧 (/console/registry/provisional): provisional changes with 一括本登録 for approvers and single
 * approve/withdraw; 人口統計 (/console/registry/statistics): population as of a date, with a CSV link.
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { registryText } from './registry-i18n.ts';
import { DateField, ErrorSummary, RegistryLayout, td, th, wareki } from './registry-ui.tsx';

type Stats = Exclude<Awaited<ReturnType<RegistryService['statistics']>>, string>;

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
        <DateField name="asOf" label={t.asOf} value={p.error ? p.asOfInput : p.asOfInput ? wareki(s.asOf) : ''} error={p.error?.message} />
        <button class="button-primary" type="submit">{t.show}</button>
        <a class="link" href={`/console/registry/statistics.csv?asOf=${s.asOf}`} download>{t.csv}</a>
      </form>
      <p class="mt-4 text-std-18B-160" data-testid="stats-asof">{t.asOfLine(wareki(s.asOf))}</p>
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
