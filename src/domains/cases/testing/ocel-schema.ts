// SPDX-License-Identifier: EUPL-1.2
/**
 * Validation against the official OCEL 2.0 JSON schema (vendored as ocel20-schema-json.json, CC BY 4.0; source in
 * ocel20-schema-json.SOURCE.md) with Ajv, plus what the schema cannot say (assertOcelShape: declared types, known
 * objects, unique ids).
 */
import fs from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { assertOcelShape, type OcelSchema } from './ocel-shape.ts';
import type { z } from 'zod';

/** The official schema, unchanged. */
export const OCEL20_JSON_SCHEMA = JSON.parse(fs.readFileSync(new URL('./ocel20-schema-json.json', import.meta.url), 'utf8')) as Record<string, unknown>;

// RFC 3339 date-time (JSON Schema's `date-time` format), checked for real calendar values.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
function isDateTime(s: string) {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && se <= 60;
}

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
const validate = ajv.compile(OCEL20_JSON_SCHEMA);

/** The schema's errors for a document (empty: valid). */
export function ocelSchemaErrors(doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

/** Throws unless the document is valid against the official OCEL 2.0 JSON schema and its references hold. */
export function assertOcel20(doc: unknown): asserts doc is z.infer<typeof OcelSchema> {
  const errors = ocelSchemaErrors(doc);
  if (errors.length > 0) throw new Error(`not valid against the OCEL 2.0 JSON schema: ${errors.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
  assertOcelShape(doc);
}
