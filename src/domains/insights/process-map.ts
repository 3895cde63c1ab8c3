// SPDX-License-Identifier: EUPL-1.2
/**
 * Process mining over traces, pure: the directly-follows graph (activities, the edges between consecutive events with
 * their frequencies and the waiting time between them), the variants (distinct activity sequences with frequency and
 * lead time) and the bottlenecks (the edges with the longest median waiting). A trace is a case of the event log, or
 * one person record in one registry change of the access log.
 */

/** One trace: its events in time order (activities, times in ms since the epoch, who acted). */
export interface Trace { id: string; activities: string[]; times: number[]; resources?: string[] }

/** The artificial start and end of every trace in the graph. */
export const START = '__start__';
export const END = '__end__';

/** meanPosition: the mean index of the activity in its traces (0 = first), which orders the map from top to bottom. */
export interface ActivityStat { name: string; count: number; traces: number; meanPosition: number }
export interface EdgeStat { from: string; to: string; count: number; meanWaitSeconds: number; medianWaitSeconds: number; p90WaitSeconds: number }
export interface VariantStat { activities: string[]; count: number; share: number; leadMedianSeconds: number; leadMeanSeconds: number }
export interface ProcessMap {
  traces: number;
  events: number;
  leadMedianSeconds: number;
  activities: ActivityStat[];
  edges: EdgeStat[];
  variants: VariantStat[];
  bottlenecks: EdgeStat[];
}

/** The q-quantile (0–1) of sorted numbers, interpolated (as PostgreSQL's percentile_cont). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const byNumber = (a: number, b: number) => a - b;

/** Mines the traces; `topVariants` and `topBottlenecks` limit the lists (the graph keeps every edge). */
export function mineProcess(traces: Trace[], opts: { topVariants?: number; topBottlenecks?: number } = {}): ProcessMap {
  const acts = new Map<string, { count: number; traces: number; positions: number }>();
  const edges = new Map<string, { from: string; to: string; waits: number[] }>();
  const variants = new Map<string, { activities: string[]; leads: number[] }>();
  const leads: number[] = [];
  let events = 0;
  const edge = (from: string, to: string, wait: number) => {
    const k = `${from}\u0000${to}`;
    let e = edges.get(k);
    if (!e) { e = { from, to, waits: [] }; edges.set(k, e); }
    e.waits.push(wait);
  };
  for (const t of traces) {
    const n = Math.min(t.activities.length, t.times.length);
    if (n === 0) continue;
    // Events in time order; ties keep the stored order.
    const order = [...Array(n).keys()].sort((a, b) => t.times[a]! - t.times[b]! || a - b);
    const seq = order.map((i) => t.activities[i]!);
    const times = order.map((i) => t.times[i]!);
    events += n;
    const seen = new Set<string>();
    seq.forEach((a, i) => {
      let s = acts.get(a);
      if (!s) { s = { count: 0, traces: 0, positions: 0 }; acts.set(a, s); }
      s.count++;
      s.positions += i;
      if (!seen.has(a)) { s.traces++; seen.add(a); }
    });
    edge(START, seq[0]!, 0);
    for (let i = 1; i < n; i++) edge(seq[i - 1]!, seq[i]!, Math.max(0, (times[i]! - times[i - 1]!) / 1000));
    edge(seq[n - 1]!, END, 0);
    const lead = Math.max(0, (times[n - 1]! - times[0]!) / 1000);
    leads.push(lead);
    const key = seq.join('\u0000');
    let v = variants.get(key);
    if (!v) { v = { activities: seq, leads: [] }; variants.set(key, v); }
    v.leads.push(lead);
  }
  const total = leads.length;
  const edgeStats: EdgeStat[] = [...edges.values()].map((e) => {
    const w = e.waits.sort(byNumber);
    return { from: e.from, to: e.to, count: w.length, meanWaitSeconds: w.reduce((a, x) => a + x, 0) / w.length, medianWaitSeconds: quantile(w, 0.5), p90WaitSeconds: quantile(w, 0.9) };
  }).sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const variantStats: VariantStat[] = [...variants.values()].map((v) => {
    const l = v.leads.sort(byNumber);
    return { activities: v.activities, count: l.length, share: total ? l.length / total : 0, leadMedianSeconds: quantile(l, 0.5), leadMeanSeconds: l.reduce((a, x) => a + x, 0) / l.length };
  }).sort((a, b) => b.count - a.count || a.activities.join().localeCompare(b.activities.join()));
  return {
    traces: total, events,
    leadMedianSeconds: quantile(leads.sort(byNumber), 0.5),
    activities: [...acts.entries()].map(([name, s]) => ({ name, count: s.count, traces: s.traces, meanPosition: s.positions / s.count }))
      .sort((a, b) => a.meanPosition - b.meanPosition || b.count - a.count || a.name.localeCompare(b.name)),
    edges: edgeStats,
    variants: variantStats.slice(0, opts.topVariants ?? 10),
    bottlenecks: edgeStats.filter((e) => e.from !== START && e.to !== END)
      .sort((a, b) => b.medianWaitSeconds - a.medianWaitSeconds || b.count - a.count).slice(0, opts.topBottlenecks ?? 5),
  };
}
