// SPDX-License-Identifier: EUPL-1.2
/**
 * 見える化 (/console/insights): the municipality's metrics for one month beside the median and quartiles of its peers
 * (same class and population band), by procedure and channel, the counter's waiting times and the monthly trend.
 */
import { isKpiMetric, meetsTarget, type InsightsService } from '../../domains/insights/index.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import { BarChart } from './insights-chart.tsx';
import { duration, metricValue, monthLabel, monthShort, share, yen } from './insights-format.ts';
import { insightsText } from './insights-i18n.ts';

type Dashboard = Awaited<ReturnType<InsightsService['dashboard']>>;

const th = 'border-b border-solid-gray-420 px-3 py-2 text-left text-std-16B-170';
const thr = 'border-b border-solid-gray-420 px-3 py-2 text-right text-std-16B-170';
const td = 'border-b border-solid-gray-420 px-3 py-2 align-top';
const tdr = 'border-b border-solid-gray-420 px-3 py-2 align-top text-right tabular-nums';

const SUMMARY = ['cases', 'lead_median_hours', 'lead_p90_hours', 'touch_minutes_avg', 'waiting_hours_avg', 'within_legal_share', 'within_target_share', 'online_share', 'auto_share', 'cost_per_case_yen'] as const;
/** The unit of a row follows its largest value, so that the values beside each other compare at a glance. */
const ref = (...vs: Array<number | null | undefined>) => Math.max(0, ...vs.filter((v): v is number => typeof v === 'number'));
const camel = (m: string) => m.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Props of the dashboard. */
export interface InsightsPageProps extends ConsoleContext { d: Dashboard; canAnswer: boolean }

/** The dashboard. */
export function InsightsPage(p: InsightsPageProps) {
  const t = insightsText(p.lang);
  const d = p.d;
  const all = d.metrics.find((r) => r.procedure === 'all' && r.channel === 'all');
  const procedures = d.metrics.filter((r) => r.procedure !== 'all' && r.channel === 'all').sort((a, b) => b.cases - a.cases);
  const channels = d.metrics.filter((r) => r.procedure === 'all' && r.channel !== 'all').sort((a, b) => b.cases - a.cases);
  const cls = d.municipality.class ? t.classes[d.municipality.class] ?? d.municipality.class : '—';
  const band = t.bands[d.band] ?? d.band;
  const value = (row: NonNullable<typeof all>, metric: string) => (row as unknown as Record<string, number | null>)[camel(metric)] ?? null;
  const title = (r: (typeof procedures)[number]) => (r.procedureTitle ? (p.lang === 'en' ? r.procedureTitle.en : r.procedureTitle.ja) : t.allProcedures);
  return (
    <ConsoleLayout {...p} title={t.title} current="insights">
      <h1 class="text-std-32B-150">{t.title}</h1>
      <p class="mt-2 max-w-3xl">{t.lead}</p>
      <dl class="mt-4 flex flex-wrap gap-x-8 gap-y-2" data-testid="profile">
        <div><dt class="text-dns-16B-130">{t.classLabel}</dt><dd>{cls}</dd></div>
        <div><dt class="text-dns-16B-130">{t.bandLabel}</dt><dd>{band}{d.profile.population ? `（${t.population} ${d.profile.population.toLocaleString('ja-JP')}人）` : ''}</dd></div>
        <div><dt class="text-dns-16B-130">{t.hourlyCost}</dt><dd>{yen(d.profile.hourlyCostYen, t)}</dd></div>
        <div><dt class="text-dns-16B-130">{t.baseline}</dt><dd>{t.units.minutes(String(d.profile.counterBaselineMinutes))}</dd></div>
      </dl>
      <p class="mt-4 flex flex-wrap gap-x-6">
        <a href="/console/insights/process" class="link">{t.processLink}</a>
        <a href="/console/insights/settings" class="link">{t.settings.link}</a>
        <a href="/console/insights/surveys" class="link">{t.surveysLink}</a>
        <a href="/open-data/surveys" class="link">{t.openDataLink}</a>
      </p>
      {d.months.length === 0 || !all ? <p class="mt-6" data-testid="no-data">{t.noData}</p> : (
        <>
          <form method="get" action="/console/insights" class="mt-6 flex flex-wrap items-end gap-4">
            <div class="form-field">
              <label class="form-label" for="month">{t.month}</label>
              <select class="form-control" id="month" name="month">
                {d.months.map((m) => <option value={m} selected={m === d.month}>{monthLabel(m, p.lang)}</option>)}
              </select>
            </div>
            <div><button class="button-primary" type="submit">{t.show}</button></div>
          </form>

          <h2 class="text-std-24B-150 mt-8">{t.summary}・{monthLabel(d.month!, p.lang)}</h2>
          <ul class="mt-4 grid gap-4 md:grid-cols-3 lg:grid-cols-4" data-testid="summary">
            {(['cases', 'lead_median_hours', 'online_share', 'auto_share', 'cost_per_case_yen', 'within_legal_share', 'touch_minutes_avg', 'hours_saved'] as const).map((m) => {
              const peer = m === 'hours_saved' ? null : d.peer('all', 'all', m, 'band');
              return (
                <li class="card p-4">
                  <p class="text-dns-16B-130">{t.metrics[m]}</p>
                  <p class="text-std-28B-150 mt-1">{metricValue(m, value(all, m), t, ref(value(all, m), peer?.median))}</p>
                  {peer ? <p class="text-dns-16N-130 mt-1">{t.peerColumns.median}: {metricValue(m, peer.median, t, ref(value(all, m), peer.median))}</p> : null}
                  {isKpiMetric(m) && d.targets[m] !== undefined ? (() => {
                    const met = meetsTarget(m, value(all, m), d.targets[m]);
                    return <p class="text-dns-16N-130 mt-1" data-testid={`target-${m}`}>{t.settings.target}: {metricValue(m, d.targets[m]!, t, ref(value(all, m), d.targets[m]))}
                      {met === null ? '' : <span class={met ? 'badge ml-2' : 'badge ml-2 font-bold'}>{met ? t.settings.met : t.settings.notMet}</span>}</p>;
                  })() : null}
                </li>
              );
            })}
          </ul>

          <h2 class="text-std-24B-150 mt-10">{t.peerHeading}</h2>
          <p class="mt-2 max-w-3xl">{t.peerLead(cls, band)}</p>
          {d.hiddenPeerGroups > 0 ? <p class="mt-1 text-dns-16N-130" data-testid="peers-hidden">{t.hidden(d.hiddenPeerGroups)}</p> : null}
          <div class="mt-3 overflow-x-auto">
            <table class="w-full border-collapse" data-testid="peers">
              <thead><tr>
                <th scope="col" class={th}>{t.peerColumns.metric}</th><th scope="col" class={thr}>{t.peerColumns.mine}</th><th scope="col" class={thr}>{t.peerColumns.median}</th>
                <th scope="col" class={thr}>{t.peerColumns.range}</th><th scope="col" class={thr}>{t.peerColumns.n}</th><th scope="col" class={thr}>{t.peerColumns.cls}</th>
              </tr></thead>
              <tbody>
                {SUMMARY.map((m) => {
                  const peer = d.peer('all', 'all', m, 'band');
                  const whole = d.peer('all', 'all', m, 'class');
                  const r = ref(value(all, m), peer?.p75, whole?.median);
                  return (
                    <tr>
                      <th scope="row" class={td}>{t.metrics[m]}</th>
                      <td class={tdr}>{metricValue(m, value(all, m), t, r)}</td>
                      {peer ? <>
                        <td class={tdr}>{metricValue(m, peer.median, t, r)}</td>
                        <td class={tdr}>{metricValue(m, peer.p25, t, r)} 〜 {metricValue(m, peer.p75, t, r)}</td>
                        <td class={tdr}>{peer.contributors}</td>
                      </> : <td class={td} colspan={3}>{t.notShown}</td>}
                      <td class={tdr}>{whole ? metricValue(m, whole.median, t, r) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <h2 class="text-std-24B-150 mt-10">{t.byProcedure}</h2>
          <div class="mt-3 overflow-x-auto">
            <table class="w-full border-collapse" data-testid="procedures">
              <thead><tr>
                <th scope="col" class={th}>{t.columns.procedure}</th><th scope="col" class={thr}>{t.columns.cases}</th><th scope="col" class={thr}>{t.columns.leadMedian}</th>
                <th scope="col" class={thr}>{t.columns.peerLead}</th><th scope="col" class={thr}>{t.columns.leadP90}</th><th scope="col" class={thr}>{t.columns.touch}</th>
                <th scope="col" class={thr}>{t.columns.waiting}</th><th scope="col" class={thr}>{t.columns.legal}</th><th scope="col" class={thr}>{t.columns.online}</th>
                <th scope="col" class={thr}>{t.columns.auto}</th><th scope="col" class={thr}>{t.columns.cost}</th><th scope="col" class={thr}>{t.columns.saved}</th>
              </tr></thead>
              <tbody>
                {procedures.map((r) => {
                  const peer = d.peer(r.procedure, 'all', 'lead_median_hours', 'band');
                  const u = ref(r.leadMedianHours, peer?.median);
                  return (
                    <tr>
                      <th scope="row" class={td}>{title(r)}</th>
                      <td class={tdr}>{r.cases.toLocaleString('ja-JP')}</td>
                      <td class={tdr}>{duration(r.leadMedianHours, t, u)}</td>
                      <td class={tdr}>{peer ? duration(peer.median, t, u) : '—'}</td>
                      <td class={tdr}>{duration(r.leadP90Hours, t)}</td>
                      <td class={tdr}>{t.units.minutes(r.touchMinutesAvg.toFixed(1))}</td>
                      <td class={tdr}>{duration(r.waitingHoursAvg, t)}</td>
                      <td class={tdr}>{share(r.withinLegalShare)}</td>
                      <td class={tdr}>{share(r.onlineShare)}</td>
                      <td class={tdr}>{share(r.autoShare)}</td>
                      <td class={tdr}>{yen(r.costPerCaseYen, t)}</td>
                      <td class={tdr}>{t.units.hours(r.hoursSaved.toFixed(1))}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <h2 class="text-std-24B-150 mt-10">{t.byChannel}</h2>
          <div class="mt-3 overflow-x-auto">
            <table class="w-full border-collapse" data-testid="channels">
              <thead><tr>
                <th scope="col" class={th}>{t.columns.channel}</th><th scope="col" class={thr}>{t.columns.cases}</th><th scope="col" class={thr}>{t.columns.leadMedian}</th>
                <th scope="col" class={thr}>{t.columns.touch}</th><th scope="col" class={thr}>{t.columns.target}</th><th scope="col" class={thr}>{t.columns.auto}</th><th scope="col" class={thr}>{t.columns.cost}</th>
              </tr></thead>
              <tbody>
                {channels.map((r) => (
                  <tr>
                    <th scope="row" class={td}>{t.channels[r.channel] ?? r.channel}</th>
                    <td class={tdr}>{r.cases.toLocaleString('ja-JP')}</td>
                    <td class={tdr}>{duration(r.leadMedianHours, t)}</td>
                    <td class={tdr}>{t.units.minutes(r.touchMinutesAvg.toFixed(1))}</td>
                    <td class={tdr}>{share(r.withinTargetShare)}</td>
                    <td class={tdr}>{share(r.autoShare)}</td>
                    <td class={tdr}>{yen(r.costPerCaseYen, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2 class="text-std-24B-150 mt-10">{t.trendHeading}</h2>
          <BarChart title={t.trendCaption} barName={t.metrics.cases} testId="chart-monthly"
            bars={d.trend.slice(-12).map((r) => ({ label: monthShort(r.month, p.lang), value: r.cases, text: `${r.cases}` }))}
            line={{ name: t.metrics.online_share!, values: d.trend.slice(-12).map((r) => r.onlineShare) }} />
          <p class="mt-2 text-dns-16N-130">{d.trend.slice(-12).map((r) => `${monthShort(r.month, p.lang)} ${share(r.onlineShare)}`).join('・')}</p>
        </>
      )}

      <h2 class="text-std-24B-150 mt-10">{t.counterHeading}</h2>
      {d.targets.counter_wait_median_minutes !== undefined && d.counter[0] ? (
        <p class="mt-2" data-testid="target-counter">{t.settings.target}: {t.units.minutes(String(d.targets.counter_wait_median_minutes))}
          <span class={meetsTarget('counter_wait_median_minutes', d.counter[0].waitMedianMinutes, d.targets.counter_wait_median_minutes) ? 'badge ml-2' : 'badge ml-2 font-bold'}>
            {monthShort(d.counter[0].month, p.lang)} {meetsTarget('counter_wait_median_minutes', d.counter[0].waitMedianMinutes, d.targets.counter_wait_median_minutes) ? t.settings.met : t.settings.notMet}</span></p>
      ) : null}
      {d.counter.length === 0 ? <p class="mt-2">{t.noCounter}</p> : (
        <>
          <BarChart title={t.chartWait} testId="chart-wait"
            bars={[...d.counter].reverse().map((r) => ({ label: monthShort(r.month, p.lang), value: r.waitMedianMinutes, text: r.waitMedianMinutes.toFixed(0) }))} />
          <div class="mt-3 overflow-x-auto">
            <table class="w-full border-collapse" data-testid="counter">
              <thead><tr>
                <th scope="col" class={th}>{t.counterColumns.month}</th><th scope="col" class={thr}>{t.counterColumns.tickets}</th>
                <th scope="col" class={thr}>{t.counterColumns.waitMedian}</th><th scope="col" class={thr}>{t.counterColumns.waitP90}</th><th scope="col" class={thr}>{t.counterColumns.service}</th>
                <th scope="col" class={thr}>{t.counterColumns.visits}</th><th scope="col" class={thr}>{t.counterColumns.visitMedian}</th>
              </tr></thead>
              <tbody>
                {d.counter.map((r) => (
                  <tr>
                    <th scope="row" class={td}>{monthLabel(r.month, p.lang)}</th>
                    <td class={tdr}>{r.tickets.toLocaleString('ja-JP')}</td>
                    <td class={tdr}>{t.units.minutes(r.waitMedianMinutes.toFixed(1))}</td>
                    <td class={tdr}>{t.units.minutes(r.waitP90Minutes.toFixed(1))}</td>
                    <td class={tdr}>{t.units.minutes(r.serviceAvgMinutes.toFixed(1))}</td>
                    <td class={tdr}>{r.visits.toLocaleString('ja-JP')}</td>
                    <td class={tdr}>{r.visitMedianMinutes === null ? '—' : t.units.minutes(r.visitMedianMinutes.toFixed(1))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </ConsoleLayout>
  );
}
