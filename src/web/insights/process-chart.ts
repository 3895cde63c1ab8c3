// SPDX-License-Identifier: EUPL-1.2
/**
 * The process map as a server-rendered SVG (Apache ECharts graph): activities top to bottom in their usual order
 * (mean position in the traces), the common ones in the middle column and the optional ones (in fewer than half of
 * the traces) to the right; arrows between consecutive activities, as wide as they are frequent, labelled with the
 * count and the median waiting. Rare transitions (under 1% of the traces) are left out of the drawing.
 */
import type { ProcessMap } from '../../domains/insights/index.ts';
import { END, START } from '../../domains/insights/index.ts';
import type { Lang } from '../ui/i18n.ts';
import { renderChartSvg } from './echarts-svg.ts';
import { activityLabel, durationSeconds } from './process-i18n.ts';

const BLUE = '#0017c1';
const LIGHT = '#e8f1fe';
const GREY = '#626264';

/** The SVG of a process map and how many transitions it leaves out. */
export function processMapSvg(map: ProcessMap, opts: { title: string; lang: Lang }): { svg: string; omitted: number } {
  const minCount = Math.max(1, Math.ceil(map.traces * 0.01));
  const shown = map.edges.filter((e) => e.count >= minCount);
  const rowGap = 78;
  const rows = [START, ...map.activities.map((a) => a.name), END];
  const row = new Map(rows.map((n, i) => [n, i]));
  const common = (name: string) => name === START || name === END || (map.activities.find((a) => a.name === name)?.traces ?? 0) * 2 >= map.traces;
  const maxCount = Math.max(1, ...shown.map((e) => e.count));
  const countOf = (name: string) => map.activities.find((a) => a.name === name)?.count ?? map.traces;
  const maxActivity = Math.max(1, ...map.activities.map((a) => a.count));
  // Nodes are circles (the library ends arrows on a circle around each node), as large as they are frequent, named beside.
  const nodes = rows.map((name, i) => {
    const terminal = name === START || name === END;
    const main = common(name);
    return {
      name, x: main ? 0 : 380, y: i * rowGap,
      symbol: 'circle', symbolSize: terminal ? 14 : Math.round(14 + 14 * Math.sqrt(countOf(name) / maxActivity)),
      itemStyle: { color: terminal ? GREY : main ? BLUE : LIGHT, borderColor: terminal ? GREY : BLUE, borderWidth: 2 },
      label: {
        show: true, position: terminal ? 'left' : 'right', distance: 10, fontSize: 14, lineHeight: 18, color: '#1a1a1a',
        formatter: terminal ? activityLabel(name, opts.lang) : `${activityLabel(name, opts.lang)}\n${countOf(name).toLocaleString('ja-JP')}${opts.lang === 'en' ? '' : '件'}`,
      },
    };
  });
  // Edge labels are drawn as label-only nodes at the middle of each curve (the library turns edge labels along the
  // line, unreadable on vertical edges); coordinates are pixels and the box is fitted to them, so the curve's middle
  // computed here is where the library draws it.
  const at = new Map(nodes.map((n) => [n.name, n]));
  const labelNodes: Array<Record<string, unknown>> = [];
  const links = shown.map((e, i) => {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const down = row.get(e.to)! - row.get(e.from)!;
    const sameColumn = a.x === b.x;
    const curve = down === 1 && sameColumn ? 0 : down > 0 ? (sameColumn ? 0.35 : 0.12) : -0.45;
    // The control point as zrender computes it for a curved line; the curve's middle is at t = 0.5.
    const cx = (a.x + b.x) / 2 - (a.y - b.y) * curve;
    const cy = (a.y + b.y) / 2 - (b.x - a.x) * curve;
    const mx = 0.25 * a.x + 0.5 * cx + 0.25 * b.x;
    const my = 0.25 * a.y + 0.5 * cy + 0.25 * b.y;
    const wait = e.from === START || e.to === END ? '' : ` / ${durationSeconds(e.medianWaitSeconds, opts.lang)}`;
    labelNodes.push({
      name: `edge-label-${i}`, x: mx, y: my, symbol: 'rect', symbolSize: 1, itemStyle: { color: 'rgba(255,255,255,0)' },
      label: { show: true, position: 'inside', formatter: `${e.count.toLocaleString('ja-JP')}${opts.lang === 'en' ? '' : '件'}${wait}`, fontSize: 12, color: '#1a1a1a',
        backgroundColor: '#ffffff', borderColor: '#d9d9d9', borderWidth: 1, padding: [2, 4] },
    });
    return {
      source: e.from, target: e.to,
      lineStyle: { width: 1 + 7 * (e.count / maxCount), color: '#3460fb', curveness: curve, opacity: 0.8 },
    };
  });
  const all = [...nodes, ...labelNodes] as Array<{ x: number; y: number }>;
  const xs = all.map((n) => n.x);
  const ys = all.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = { left: 60, right: 230, top: 30, bottom: 30 };
  const w = x1 - x0 + pad.left + pad.right;
  const h = y1 - y0 + pad.top + pad.bottom;
  const svg = renderChartSvg({
    series: [{
      type: 'graph', layout: 'none', silent: true, roam: false, nodeScaleRatio: 0,
      left: pad.left, top: pad.top, width: x1 - x0, height: y1 - y0,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: [0, 9], data: [...nodes, ...labelNodes], links,
      emphasis: { disabled: true },
    }],
  }, { width: w, height: h, title: opts.title });
  return { svg, omitted: map.edges.length - shown.length };
}
