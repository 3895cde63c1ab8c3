// SPDX-License-Identifier: EUPL-1.2
/**
 * OCEL 2.0 JSON (object-centric event log, ocel-standard.org) from the case event log, pure: event types are the
 * activities, objects are cases, persons, households, registry changes, certificates and (daycare) applications,
 * related to events by qualified relationships (e.g. a decision `creates` a registry change, a case has `subject`
 * persons). Attribute values are strings, as the official JSON schema requires (ocel20-schema-json.json: `value`
 * is a string); their declared types (integer, …) say how to read them.
 */

/** One event of the log as stored. */
export interface LoggedEvent {
  eventId: string;
  caseId: string;
  caseTypeCode: string;
  activity: string;
  actorType: string;
  actorId: string;
  channel: string;
  occurredAt: Date;
  touchSeconds: number;
  objects: Array<{ id: string; type: string; qualifier: string }>;
}

interface OcelAttr { name: string; type: 'string' | 'integer' | 'float' | 'boolean' | 'time' }

/** The OCEL 2.0 JSON document. */
export interface OcelLog {
  objectTypes: Array<{ name: string; attributes: OcelAttr[] }>;
  eventTypes: Array<{ name: string; attributes: OcelAttr[] }>;
  objects: Array<{ id: string; type: string; attributes: Array<{ name: string; time: string; value: string }>; relationships: Array<{ objectId: string; qualifier: string }> }>;
  events: Array<{ id: string; type: string; time: string; attributes: Array<{ name: string; value: string }>; relationships: Array<{ objectId: string; qualifier: string }> }>;
}

const EVENT_ATTRS: OcelAttr[] = [{ name: 'actorType', type: 'string' }, { name: 'actorId', type: 'string' }, { name: 'channel', type: 'string' }, { name: 'touchSeconds', type: 'integer' }];

/** Builds the OCEL 2.0 log; cases carry their type and channel, persons their households (object-to-object). */
export function toOcel(events: LoggedEvent[]): OcelLog {
  const objects = new Map<string, OcelLog['objects'][number]>();
  const ensure = (id: string, type: string) => {
    let o = objects.get(id);
    if (!o) { o = { id, type, attributes: [], relationships: [] }; objects.set(id, o); }
    return o;
  };
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.eventId.localeCompare(b.eventId));
  for (const e of sorted) {
    const kase = ensure(e.caseId, 'case');
    if (kase.attributes.length === 0) {
      const t = e.occurredAt.toISOString();
      kase.attributes.push({ name: 'caseType', time: t, value: e.caseTypeCode }, { name: 'channel', time: t, value: e.channel });
    }
    const persons = e.objects.filter((o) => o.type === 'person');
    const households = e.objects.filter((o) => o.type === 'household');
    for (const o of e.objects) {
      if (o.id === e.caseId) continue;
      ensure(o.id, o.type);
      if (!kase.relationships.some((r) => r.objectId === o.id)) kase.relationships.push({ objectId: o.id, qualifier: o.qualifier });
    }
    // A person moved with a household: person → household (object-to-object), when the event names exactly one.
    if (households.length === 1) {
      for (const p of persons) {
        const po = objects.get(p.id)!;
        if (!po.relationships.some((r) => r.objectId === households[0]!.id)) po.relationships.push({ objectId: households[0]!.id, qualifier: 'member-of' });
      }
    }
  }
  const eventTypes = [...new Set(sorted.map((e) => e.activity))].sort().map((name) => ({ name, attributes: EVENT_ATTRS }));
  const objectTypes = [...new Set([...objects.values()].map((o) => o.type))].sort().map((name) => ({
    name, attributes: name === 'case' ? [{ name: 'caseType', type: 'string' as const }, { name: 'channel', type: 'string' as const }] : [],
  }));
  return {
    objectTypes, eventTypes, objects: [...objects.values()],
    events: sorted.map((e) => ({
      id: e.eventId, type: e.activity, time: e.occurredAt.toISOString(),
      attributes: [{ name: 'actorType', value: e.actorType }, { name: 'actorId', value: e.actorId }, { name: 'channel', value: e.channel }, { name: 'touchSeconds', value: String(e.touchSeconds) }],
      relationships: e.objects.map((o) => ({ objectId: o.id, qualifier: o.qualifier })),
    })),
  };
}
