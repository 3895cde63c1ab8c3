// OCEL 2.0 export (issue #10) against the OFFICIAL OCEL 2.0 JSON schema (vendored, testing/ocel20-schema-json.json):
// a log with cases, persons, households, registry changes and daycare applications is valid; documents that break
// the schema (a number as a value, an event without time, an impossible date-time, a missing top-level array) are not.
import { describe, expect, it } from 'vitest';
import { toOcel, type LoggedEvent } from './ocel-export.ts';
import { assertOcel20, ocelSchemaErrors } from './testing/ocel-schema.ts';

const at = (s: string) => new Date(`2026-12-0${s}Z`);
const ev = (id: string, caseId: string, activity: string, time: string, objects: LoggedEvent['objects'] = [], extra: Partial<LoggedEvent> = {}): LoggedEvent => ({
  eventId: id, caseId, caseTypeCode: 'move-within', activity, actorType: 'system', actorId: 'auto-review', channel: 'online', occurredAt: at(time), touchSeconds: 0,
  objects: [{ id: caseId, type: 'case', qualifier: 'case' }, ...objects], ...extra,
});

const events: LoggedEvent[] = [
  ev('e1', 'c1', 'status:received', '1T09:00:00', [{ id: 'p1', type: 'person', qualifier: 'subject' }]),
  ev('e2', 'c1', 'decision:approved', '1T09:00:01', [{ id: 'rc1', type: 'registry-change', qualifier: 'creates' }, { id: 'p1', type: 'person', qualifier: 'subject' },
    { id: 'p2', type: 'person', qualifier: 'subject' }, { id: 'h1', type: 'household', qualifier: 'household' }]),
  ev('e3', 'c2', 'status:received', '2T10:00:00', [], { caseTypeCode: 'daycare-application' }),
  ev('e4', 'c2', 'decision:approved', '2T10:30:00', [{ id: 'R1/h9', type: 'application', qualifier: 'creates' }], { caseTypeCode: 'daycare-application', actorType: 'staff', actorId: 's1', touchSeconds: 312 }),
];

describe('OCEL 2.0 export', () => {
  it('is valid against the official OCEL 2.0 JSON schema, with case, person, household, registry-change and application objects', () => {
    const log = toOcel(events);
    assertOcel20(log);
    expect(log.objectTypes.map((t) => t.name)).toEqual(['application', 'case', 'household', 'person', 'registry-change']);
    // Persons moved with one household relate to it (object-to-object); the clerk's touch time is an event attribute.
    expect(log.objects.find((o) => o.id === 'p2')!.relationships).toEqual([{ objectId: 'h1', qualifier: 'member-of' }]);
    expect(log.events.find((e) => e.id === 'e4')!.attributes).toContainEqual({ name: 'touchSeconds', value: '312' });
    expect(log.eventTypes.find((t) => t.name === 'decision:approved')!.attributes).toContainEqual({ name: 'touchSeconds', type: 'integer' });
    // Events in time order, each related to its case.
    expect(log.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('rejects documents that break the official schema', () => {
    const good = () => JSON.parse(JSON.stringify(toOcel(events)));
    expect(ocelSchemaErrors(good())).toEqual([]);
    const numeric = good(); numeric.events[3].attributes[3].value = 312;
    expect(ocelSchemaErrors(numeric).map((e) => e.instancePath)).toEqual(['/events/3/attributes/3/value']);
    const noTime = good(); delete noTime.events[0].time;
    expect(ocelSchemaErrors(noTime)[0]!.params).toEqual({ missingProperty: 'time' });
    const badTime = good(); badTime.events[0].time = '2026-02-30T09:00:00Z';
    expect(ocelSchemaErrors(badTime)[0]!.keyword).toBe('format');
    const noObjects = good(); delete noObjects.objects;
    expect(() => assertOcel20(noObjects)).toThrow(/OCEL 2.0 JSON schema/);
    // What the schema cannot say: a relationship to an object that is not in the log.
    const dangling = good(); dangling.events[0].relationships.push({ objectId: 'nowhere', qualifier: 'subject' });
    expect(ocelSchemaErrors(dangling)).toEqual([]);
    expect(() => assertOcel20(dangling)).toThrow(/unknown object/);
  });
});
