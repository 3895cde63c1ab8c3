// Process mining over traces: the directly-follows graph, waiting per edge, variants with lead times, bottlenecks,
// and the XES export (IEEE 1849) with every value escaped.
import { describe, expect, it } from 'vitest';
import { demoMoveInTrace } from './insights-demo-move-in.ts';
import { END, mineProcess, quantile, START, type Trace } from './process-map.ts';
import { toXes } from './xes-export.ts';

const H = 3_600_000;
const trace = (id: string, steps: Array<[string, number]>): Trace => ({ id, activities: steps.map((s) => s[0]), times: steps.map((s) => s[1] * H), resources: steps.map(() => 'clerk') });

describe('process mining', () => {
  const traces = [
    trace('1', [['受付', 0], ['審査', 1], ['決定', 3]]),
    trace('2', [['受付', 0], ['審査', 2], ['決定', 6]]),
    trace('3', [['受付', 0], ['審査', 1], ['補正', 2], ['審査', 26], ['決定', 27]]),
    // Stored out of order: mined in time order.
    trace('4', [['決定', 10], ['受付', 0], ['審査', 4]]),
  ];
  const map = mineProcess(traces);

  it('counts every directly-follows edge with the waiting between the two events', () => {
    const edge = (from: string, to: string) => map.edges.find((e) => e.from === from && e.to === to);
    expect(map.traces).toBe(4);
    expect(map.events).toBe(14);
    expect(edge(START, '受付')!.count).toBe(4);
    expect(edge('受付', '審査')).toMatchObject({ count: 4, medianWaitSeconds: 1.5 * 3600, meanWaitSeconds: 2 * 3600 });
    expect(edge('審査', '決定')).toMatchObject({ count: 4, medianWaitSeconds: 3 * 3600 });
    expect(edge('補正', '審査')).toMatchObject({ count: 1, medianWaitSeconds: 24 * 3600 });
    expect(edge('決定', END)!.count).toBe(4);
    expect(edge('受付', '決定')).toBeUndefined();
    // Out-degree of an activity = its occurrences (every occurrence is followed by something or by the end).
    for (const a of map.activities) expect(map.edges.filter((e) => e.from === a.name).reduce((s, e) => s + e.count, 0)).toBe(a.count);
    expect(map.activities.find((a) => a.name === '審査')).toMatchObject({ count: 5, traces: 4 });
  });

  it('lists variants by frequency with their lead times, and the bottlenecks by median waiting', () => {
    expect(map.variants.map((v) => [v.activities.join('>'), v.count])).toEqual([['受付>審査>決定', 3], ['受付>審査>補正>審査>決定', 1]]);
    expect(map.variants[0]!.leadMedianSeconds).toBe(6 * 3600);
    expect(map.variants[0]!.share).toBeCloseTo(0.75, 6);
    expect(map.variants[1]!.leadMeanSeconds).toBe(27 * 3600);
    expect(map.bottlenecks[0]).toMatchObject({ from: '補正', to: '審査' });
    expect(map.bottlenecks.every((e) => e.from !== START && e.to !== END)).toBe(true);
    expect(map.leadMedianSeconds).toBe(8 * 3600);
    // Activities are ordered as they usually occur.
    expect(map.activities.map((a) => a.name).slice(0, 2)).toEqual(['受付', '審査']);
  });

  it('handles no traces and single events', () => {
    expect(mineProcess([])).toMatchObject({ traces: 0, events: 0, edges: [], variants: [] });
    const one = mineProcess([trace('x', [['受付', 5]])]);
    expect(one.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual([`${START}>受付`, `受付>${END}`]);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([], 0.9)).toBe(0);
  });

  it('generates demo 転入 traces deterministically, starting with the entry and always approved', () => {
    const a = demoMoveInTrace('seed|1', 0, 1);
    expect(demoMoveInTrace('seed|1', 0, 1)).toEqual(a);
    const all = Array.from({ length: 400 }, (_, i) => demoMoveInTrace(`seed|${i}`, 0, 1));
    expect(all.every((t) => t.activities[0] === 'registry.change.record' && t.activities.includes('registry.change.approve'))).toBe(true);
    expect(all.every((t) => t.times.every((x, i) => i === 0 || x >= t.times[i - 1]!))).toBe(true);
    const returned = all.filter((t) => t.activities.includes('registry.change.return')).length;
    expect(returned).toBeGreaterThan(20);
    expect(returned).toBeLessThan(90);
  });
});

describe('XES export', () => {
  it('writes one trace per case and one event per activity, in time order, with the standard extensions', () => {
    const xml = toXes([trace('c-1', [['決定', 2], ['受付', 0]]), trace('c-2', [['受付', 1]])], { name: 'テスト', procedure: 'move-in', label: (a) => `【${a}】` });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016"')).toBe(true);
    for (const ext of ['concept', 'time', 'org']) expect(xml).toContain(`prefix="${ext}" uri="http://www.xes-standard.org/${ext}.xesext"`);
    expect(xml.match(/<trace>/g)).toHaveLength(2);
    expect(xml.match(/<event>/g)).toHaveLength(3);
    expect(xml.indexOf('value="【受付】"')).toBeLessThan(xml.indexOf('value="【決定】"'));
    expect(xml).toContain('<date key="time:timestamp" value="1970-01-01T02:00:00.000Z"/>');
    expect(xml).toContain('<string key="org:resource" value="clerk"/>');
    expect(xml.trim().endsWith('</log>')).toBe(true);
  });

  it('escapes every value (no markup from names) and drops characters XML forbids', () => {
    const xml = toXes([{ id: '"><script>x</script>', activities: ['a&b<c>\u0001'], times: [0], resources: ["o'neil"] }], { name: '<log>', procedure: 'p' });
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(xml).toContain('value="a&amp;b&lt;c&gt;"');
    expect(xml).toContain('value="o&apos;neil"');
    expect(xml).not.toContain('\u0001');
    // Balanced: every opened element closes.
    expect(xml.match(/<trace>/g)!.length).toBe(xml.match(/<\/trace>/g)!.length);
  });
});
