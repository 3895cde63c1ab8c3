// SPDX-License-Identifier: EUPL-1.2
/**
 * XES (IEEE 1849-2016, eXtensible Event Stream) XML of traces, pure: one <trace> per case or person record, one
 * <event> per activity with concept:name, time:timestamp and org:resource (the standard extensions), every value
 * escaped for XML. Process-mining tools (ProM, pm4py, Disco, Celonis) read it.
 */
import type { Trace } from './process-map.ts';

/** Escapes a value for an XML attribute, dropping characters XML 1.0 forbids. */
export function xmlAttr(v: string): string {
  // eslint-disable-next-line no-control-regex
  return v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const str = (key: string, value: string) => `<string key="${key}" value="${xmlAttr(value)}"/>`;
const date = (key: string, ms: number) => `<date key="${key}" value="${new Date(ms).toISOString()}"/>`;

/** The XES document; `name` names the log, `label` maps an activity code to its name (default: the code). */
export function toXes(traces: Trace[], opts: { name: string; procedure: string; label?: (activity: string) => string }): string {
  const label = opts.label ?? ((a: string) => a);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">',
    '<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
    '<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
    '<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
    '<global scope="trace">' + str('concept:name', '__INVALID__') + '</global>',
    '<global scope="event">' + str('concept:name', '__INVALID__') + date('time:timestamp', 0) + '</global>',
    '<classifier name="Activity" keys="concept:name"/>',
    str('concept:name', opts.name),
    str('procedure', opts.procedure),
  ];
  for (const t of traces) {
    out.push('<trace>' + str('concept:name', t.id));
    const order = [...t.activities.keys()].sort((a, b) => t.times[a]! - t.times[b]! || a - b);
    for (const i of order) {
      const resource = t.resources?.[i];
      out.push('<event>' + str('concept:name', label(t.activities[i]!)) + str('activityCode', t.activities[i]!) +
        (resource ? str('org:resource', resource) : '') + date('time:timestamp', t.times[i]!) + '</event>');
    }
    out.push('</trace>');
  }
  out.push('</log>');
  return out.join('\n') + '\n';
}
