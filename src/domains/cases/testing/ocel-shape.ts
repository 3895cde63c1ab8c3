// SPDX-License-Identifier: EUPL-1.2
/**
 * The OCEL 2.0 JSON shape (after the official schema, ocel-standard.org: ocel20-schema-json.json) as zod, plus the
 * references the schema cannot express: every event and object type declared, every relationship to an object.
 */
import { z } from 'zod';

const AttrType = z.enum(['string', 'time', 'integer', 'float', 'boolean']);
// The official schema types every attribute value as a string.
const Value = z.string();
const Relationship = z.object({ objectId: z.string(), qualifier: z.string() }).strict();
const IsoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);

/** The OCEL 2.0 JSON document. */
export const OcelSchema = z.object({
  objectTypes: z.array(z.object({ name: z.string().min(1), attributes: z.array(z.object({ name: z.string(), type: AttrType }).strict()) }).strict()),
  eventTypes: z.array(z.object({ name: z.string().min(1), attributes: z.array(z.object({ name: z.string(), type: AttrType }).strict()) }).strict()),
  objects: z.array(z.object({
    id: z.string().min(1), type: z.string().min(1),
    attributes: z.array(z.object({ name: z.string(), time: IsoTime, value: Value }).strict()).optional(),
    relationships: z.array(Relationship).optional(),
  }).strict()),
  events: z.array(z.object({
    id: z.string().min(1), type: z.string().min(1), time: IsoTime,
    attributes: z.array(z.object({ name: z.string(), value: Value }).strict()),
    relationships: z.array(Relationship).optional(),
  }).strict()),
}).strict();

/** Throws when the log is not OCEL 2.0 JSON or refers to undeclared types or unknown objects. */
export function assertOcelShape(log: unknown): asserts log is z.infer<typeof OcelSchema> {
  const l = OcelSchema.parse(log);
  const eventTypes = new Set(l.eventTypes.map((t) => t.name));
  const objectTypes = new Set(l.objectTypes.map((t) => t.name));
  const objects = new Set(l.objects.map((o) => o.id));
  const problems: string[] = [];
  if (objects.size !== l.objects.length) problems.push('duplicate object ids');
  if (new Set(l.events.map((e) => e.id)).size !== l.events.length) problems.push('duplicate event ids');
  for (const e of l.events) {
    if (!eventTypes.has(e.type)) problems.push(`undeclared event type ${e.type}`);
    for (const r of e.relationships ?? []) if (!objects.has(r.objectId)) problems.push(`event ${e.id} → unknown object`);
  }
  for (const o of l.objects) {
    if (!objectTypes.has(o.type)) problems.push(`undeclared object type ${o.type}`);
    for (const r of o.relationships ?? []) if (!objects.has(r.objectId)) problems.push(`object ${o.id} → unknown object`);
  }
  if (problems.length > 0) throw new Error(`not OCEL 2.0: ${problems.slice(0, 5).join('; ')}`);
}
