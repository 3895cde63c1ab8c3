// SPDX-License-Identifier: EUPL-1.2
/**
 * プロセスマイニング (/console/insights/process): the process map of one procedure (server-rendered SVG), its
 * variants and bottlenecks, every transition, and the downloads (XES; OCEL 2.0 of the case event log).
 */
import { raw } from 'hono/html';
import type { ProcessMap, ProcessQuery, ProcessSource } from '../../domains/insights/index.ts';
import { END, START } from '../../domains/insights/index.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import { monthLabel } from './insights-format.ts';
import { processMapSvg } from './process-chart.ts';
import { activityLabel, durationSeconds, kindLabel, processText } from './process-i18n.ts';

const th = 'border-b border-solid-gray-420 px-3 py-2 text-left text-std-16B-170';
const thr = 'border-b border-solid-gray-420 px-3 py-2 text-right text-std-16B-170 whitespace-nowrap';
const td = 'border-b border-solid-gray-420 px-3 py-2 align-top';
const tdr = 'border-b border-solid-gray-420 px-3 py-2 align-top text-right tabular-nums whitespace-nowrap';

export interface ProcedureOption { source: ProcessSource; procedure: string; traces: number; title: { ja: string; en: string } | null }

/** Props of the page. */
export interface ProcessPageProps extends ConsoleContext {
  procedures: ProcedureOption[];
  months: string[];
  result: { query: Required<ProcessQuery>; map: ProcessMap; truncated: boolean } | null;
  error?: string;
}

/** The name of a procedure of a source, in words. */
export function procedureName(o: { source: string; procedure: string; title: { ja: string; en: string } | null }, lang: 'ja' | 'en'): string {
  if (o.source === 'access-log') return kindLabel(o.procedure, lang);
  return o.title ? (lang === 'en' ? o.title.en : o.title.ja) : lang === 'en' ? 'Other procedure' : 'その他の手続';
}

/** The page. */
export function ProcessPage(p: ProcessPageProps) {
  const t = processText(p.lang);
  const r = p.result;
  const q = r?.query;
  const current = q ? p.procedures.find((o) => o.source === q.source && o.procedure === q.procedure) : undefined;
  const name = q ? procedureName(current ?? { ...q, title: null }, p.lang) : '';
  const fmt = (n: number) => n.toLocaleString('ja-JP');
  const act = (a: string) => activityLabel(a, p.lang);
  const chart = r && r.map.traces > 0 ? processMapSvg(r.map, { title: t.map(name), lang: p.lang }) : null;
  const exportQuery = q ? `source=${encodeURIComponent(q.source)}&procedure=${encodeURIComponent(q.procedure)}&from=${q.from}&to=${q.to}` : '';
  return (
    <ConsoleLayout {...p} title={t.title} current="insights">
      <p><a href="/console/insights" class="link">{t.back}</a></p>
      <h1 class="text-std-32B-150 mt-2">{t.title}</h1>
      <p class="mt-2 max-w-3xl">{t.lead}</p>
      <form method="get" action="/console/insights/process" class="mt-6 flex flex-wrap items-end gap-4">
        <div class="form-field">
          <label class="form-label" for="procedure">{t.procedure}</label>
          <select class="form-control" id="procedure" name="p">
            {(['access-log', 'cases'] as const).map((source) => (
              <optgroup label={t.sources[source]}>
                {p.procedures.filter((o) => o.source === source).map((o) => (
                  <option value={`${o.source}|${o.procedure}`} selected={o.source === q?.source && o.procedure === q?.procedure}>{procedureName(o, p.lang)}（{t.cases(fmt(o.traces))}）</option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label class="form-label" for="from">{t.from}</label>
          <select class="form-control" id="from" name="from">{p.months.map((m) => <option value={m} selected={m === q?.from}>{monthLabel(m, p.lang)}</option>)}</select>
        </div>
        <div class="form-field">
          <label class="form-label" for="to">{t.to}</label>
          <select class="form-control" id="to" name="to">{p.months.map((m) => <option value={m} selected={m === q?.to}>{monthLabel(m, p.lang)}</option>)}</select>
        </div>
        <button type="submit" class="button button-secondary">{t.show}</button>
      </form>
      {p.error && <div class="banner-error mt-6" role="alert" data-testid="error">{p.error}</div>}
      {p.error ? null : !r || r.map.traces === 0 ? <p class="mt-6" data-testid="no-data">{t.noData}</p> : (
        <>
          <h2 class="text-std-24B-150 mt-8">{name}（{t.sources[r.query.source]}）</h2>
          <p class="mt-2" data-testid="process-summary">{t.summary(fmt(r.map.traces), fmt(r.map.events), durationSeconds(r.map.leadMedianSeconds, p.lang))}</p>
          {r.truncated && <p class="mt-1">{t.truncated(fmt(r.map.traces))}</p>}
          <figure class="mt-4 max-w-3xl" data-testid="process-map">
            {raw(chart!.svg)}
            <figcaption class="text-dns-16N-130 mt-1">{t.map(name)}{chart!.omitted > 0 ? `。${t.mapNote(chart!.omitted)}` : ''}</figcaption>
          </figure>

          <h2 class="text-std-24B-150 mt-10">{t.bottlenecks}</h2>
          <div class="mt-3 overflow-x-auto">
            <table class="w-full border-collapse" data-testid="bottlenecks">
              <thead><tr>
                <th scope="col" class={th}>{t.edgeCols.from}</th><th scope="col" class={th}>{t.edgeCols.to}</th><th scope="col" class={thr}>{t.edgeCols.count}</th>
                <th scope="col" class={thr}>{t.edgeCols.median}</th><th scope="col" class={thr}>{t.edgeCols.mean}</th><th scope="col" class={thr}>{t.edgeCols.p90}</th>
              </tr></thead>
              <tbody>
                {r.map.bottlenecks.map((e) => (
                  <tr><td class={td}>{act(e.from)}</td><td class={td}>{act(e.to)}</td><td class={tdr}>{fmt(e.count)}</td>
                    <td class={tdr}>{durationSeconds(e.medianWaitSeconds, p.lang)}</td><td class={tdr}>{durationSeconds(e.meanWaitSeconds, p.lang)}</td><td class={tdr}>{durationSeconds(e.p90WaitSeconds, p.lang)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2 class="text-std-24B-150 mt-10">{t.variants}</h2>
          <div class="mt-3 overflow-x-auto">
            <table class="w-full border-collapse" data-testid="variants">
              <thead><tr>
                <th scope="col" class={thr}>{t.variantCols.rank}</th><th scope="col" class={th}>{t.variantCols.path}</th><th scope="col" class={thr}>{t.variantCols.count}</th>
                <th scope="col" class={thr}>{t.variantCols.share}</th><th scope="col" class={thr}>{t.variantCols.lead}</th><th scope="col" class={thr}>{t.variantCols.mean}</th>
              </tr></thead>
              <tbody>
                {r.map.variants.map((v, i) => (
                  <tr><td class={tdr}>{i + 1}</td><td class={td}>{v.activities.map(act).join(' → ')}</td><td class={tdr}>{fmt(v.count)}</td>
                    <td class={tdr}>{(v.share * 100).toFixed(1)}%</td><td class={tdr}>{durationSeconds(v.leadMedianSeconds, p.lang)}</td><td class={tdr}>{durationSeconds(v.leadMeanSeconds, p.lang)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>

          <details class="mt-10">
            <summary class="text-std-20B-150 cursor-pointer">{t.edges}（{fmt(r.map.edges.filter((e) => e.from !== START && e.to !== END).length)}）</summary>
            <div class="mt-3 overflow-x-auto">
              <table class="w-full border-collapse" data-testid="edges">
                <thead><tr>
                  <th scope="col" class={th}>{t.edgeCols.from}</th><th scope="col" class={th}>{t.edgeCols.to}</th><th scope="col" class={thr}>{t.edgeCols.count}</th>
                  <th scope="col" class={thr}>{t.edgeCols.median}</th><th scope="col" class={thr}>{t.edgeCols.mean}</th>
                </tr></thead>
                <tbody>
                  {r.map.edges.filter((e) => e.from !== START && e.to !== END).map((e) => (
                    <tr><td class={td}>{act(e.from)}</td><td class={td}>{act(e.to)}</td><td class={tdr}>{fmt(e.count)}</td>
                      <td class={tdr}>{durationSeconds(e.medianWaitSeconds, p.lang)}</td><td class={tdr}>{durationSeconds(e.meanWaitSeconds, p.lang)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>

          <h2 class="text-std-24B-150 mt-10">{t.exports}</h2>
          <ul class="mt-3 list-disc pl-6">
            <li><a class="link" href={`/console/insights/process.xes?${exportQuery}`} data-testid="xes-link">{t.xes}</a></li>
            {r.query.source === 'cases' && <li><a class="link" href={`/console/insights/process.ocel.json?from=${r.query.from}&to=${r.query.to}`}>{t.ocel}</a></li>}
          </ul>
          <p class="mt-2 text-dns-16N-130">{t.exportNote}</p>
        </>
      )}
    </ConsoleLayout>
  );
}
