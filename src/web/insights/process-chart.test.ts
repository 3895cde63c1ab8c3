// Charts are server-rendered by Apache ECharts and sanitized: no script, no style, no event handler, no inline style
// (the CSP forbids it), every label escaped; the process map names activities in words, never by their codes.
import { describe, expect, it } from 'vitest';
import { mineProcess } from '../../domains/insights/index.ts';
import { demoMoveInTrace } from '../../domains/insights/insights-demo-move-in.ts';
import { renderChartSvg } from './echarts-svg.ts';
import { processMapSvg } from './process-chart.ts';
import { activityLabel } from './process-i18n.ts';
import { sanitizeSvg } from './svg-sanitize.ts';

describe('SVG sanitizer', () => {
  it('keeps drawing elements and drops scripts, styles, handlers, foreign content and external references', () => {
    const dirty = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" style="position:absolute"><style>.a{}</style><script>alert(1)</script>' +
      '<foreignObject><div>x</div></foreignObject><g><rect width="10" height="10" fill="url(http://evil/x)" onclick="x()"/>' +
      '<path d="M0 0L1 1" stroke="javascript:alert(1)" fill="#fff"/><text style="font-size:12px;background:url(x)" x="1">a &lt;b&gt; &amp; "c"</text>' +
      '<a href="javascript:x"><text>link</text></a><image href="http://evil/x.png"/></g></svg>';
    const clean = sanitizeSvg(dirty);
    expect(clean).not.toMatch(/script|onload|onclick|style|foreignObject|javascript|http:\/\/evil|<a |<image/i);
    expect(clean).toContain('<rect width="10" height="10"/>');
    expect(clean).toContain('<path d="M0 0L1 1" fill="#fff"/>');
    expect(clean).toContain('<text font-size="12px" x="1">a &lt;b&gt; &amp; &quot;c&quot;</text>');
    expect(clean.startsWith('<svg xmlns="http://www.w3.org/2000/svg">')).toBe(true);
  });

  it('escapes a label that tries to break out of the chart', () => {
    const svg = renderChartSvg({ xAxis: { type: 'category', data: ['</text><script>alert(1)</script>'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3] }] },
      { width: 300, height: 200, title: '"><img src=x onerror=alert(1)>' });
    expect(svg).not.toMatch(/<script|<img|style=/);
    // Only drawing elements, and no handler attribute: the hostile text stays text.
    expect(new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]))).toEqual(new Set(['svg', 'title', 'rect', 'path', 'text']));
    const attributes = [...svg.matchAll(/<[a-zA-Z]+([^>]*)>/g)].flatMap((m) => [...m[1]!.matchAll(/\s([\w:-]+)="/g)].map((a) => a[1]));
    expect(attributes.filter((a) => a!.startsWith('on'))).toEqual([]);
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    expect(svg).toMatch(/^<svg[^>]* width="100%" role="img" aria-label="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;"><title>/);
  });
});

describe('process map chart', () => {
  const traces = Array.from({ length: 200 }, (_, i) => ({ id: String(i), ...demoMoveInTrace(`t|${i}`, Date.UTC(2026, 4, 1) + i * 3_600_000, 1) }));
  const map = mineProcess(traces);

  it('draws every activity in words with its count, and the frequent transitions with count and median waiting', () => {
    const { svg, omitted } = processMapSvg(map, { title: '転入のプロセスマップ', lang: 'ja' });
    for (const a of map.activities) expect(svg).toContain(`>${activityLabel(a.name, 'ja')}<`);
    expect(svg).toContain('>開始<');
    expect(svg).toContain('>終了<');
    expect(svg).not.toMatch(/registry\.|certificates\.|__start__|edge-label/);
    const entry = map.edges.find((e) => e.from === 'registry.change.record' && e.to === 'registry.provisional.read')!;
    expect(svg).toContain(`>${entry.count}件 / `);
    expect(omitted).toBe(map.edges.filter((e) => e.count < 2).length);
    expect(svg).not.toMatch(/style|<script/);
  });

  it('names unknown activities without showing their codes', () => {
    expect(activityLabel('something.secret.code', 'ja')).toBe('その他の操作');
    expect(activityLabel('status:in-review', 'ja')).toBe('審査中');
    expect(activityLabel('registry.change.record', 'en')).toBe('Change entered (provisional)');
  });
});
