// SPDX-License-Identifier: EUPL-1.2
/**
 * Bar charts of the dashboard, server-rendered as SVG by Apache ECharts (no script in the page; sanitized, see
 * echarts-svg.ts): labelled bars with their values, optionally a line on a second axis (a share, in %), with a title
 * that is also the accessible name.
 */
import { raw } from 'hono/html';
import { renderChartSvg } from './echarts-svg.ts';

/** One bar. */
export interface Bar { label: string; value: number; text: string }
/** A line over the bars: one value per bar, 0–1, shown in %. */
export interface ShareLine { name: string; values: number[] }

const BLUE = '#0017c1';
const ORANGE = '#c75000';

/** A bar chart; `title` is also its accessible name. */
export function BarChart(p: { title: string; bars: Bar[]; barName?: string; line?: ShareLine; width?: number; height?: number; testId?: string }) {
  const svg = renderChartSvg({
    grid: { left: 48, right: p.line ? 56 : 16, top: 36, bottom: 32 },
    legend: p.line ? { show: true, top: 0, right: 0, itemWidth: 18, textStyle: { fontSize: 12, color: '#1a1a1a' } } : { show: false },
    xAxis: { type: 'category', data: p.bars.map((b) => b.label), axisLabel: { fontSize: 12, color: '#333' }, axisTick: { show: false } },
    yAxis: [
      { type: 'value', axisLabel: { fontSize: 12, color: '#333' }, splitLine: { lineStyle: { color: '#e6e6e6' } } },
      ...(p.line ? [{ type: 'value', min: 0, max: 1, axisLabel: { fontSize: 12, color: '#333', formatter: (v: number) => `${Math.round(v * 100)}%` }, splitLine: { show: false } }] : []),
    ],
    series: [
      { type: 'bar', name: p.barName ?? p.title, data: p.bars.map((b) => b.value), barMaxWidth: 40, itemStyle: { color: BLUE },
        label: { show: true, position: 'top', fontSize: 12, color: '#1a1a1a', formatter: (x: { dataIndex: number }) => p.bars[x.dataIndex]?.text ?? '' } },
      ...(p.line ? [{ type: 'line', name: p.line.name, yAxisIndex: 1, data: p.line.values, symbol: 'circle', symbolSize: 6, lineStyle: { color: ORANGE, width: 2 }, itemStyle: { color: ORANGE } }] : []),
    ],
  }, { width: p.width ?? 720, height: p.height ?? 260, title: p.title });
  return (
    <figure class="mt-4 max-w-3xl" data-testid={p.testId}>
      {raw(svg)}
      <figcaption class="text-dns-16N-130 mt-1">{p.title}</figcaption>
    </figure>
  );
}
