// SPDX-License-Identifier: EUPL-1.2
/**
 * Checks a parsed JSON value against the v1 request schema and its semantic rules (known facility ids,
 * unique ids, tuple shapes). Every problem names its place with a JSON Pointer (RFC 6901).
 */
import type { AllocationRequest } from './allocation-format.ts';

/** One problem found in a request. */
export interface InputProblem {
  pointer: string;
  message: string;
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: Json): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const isNumber = (v: Json): v is number => typeof v === 'number' && Number.isFinite(v);
const isNonNegInt = (v: Json): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Escapes one reference token of a JSON Pointer. */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

function isDate(v: Json): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Formats problems the way the CLI prints them: `<pointer>: <message>`. */
export function formatProblems(problems: InputProblem[]): string {
  return problems.map((p) => `${p.pointer || '(root)'}: ${p.message}`).join('\n');
}

/** Returns every problem of a candidate request; an empty list means it is a valid v1 request. */
export function validateRequest(value: Json): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (pointer: string, message: string) => problems.push({ pointer, message });
  if (!isObject(value)) {
    add('', 'the request must be a JSON object');
    return problems;
  }
  if (value.schemaVersion !== '1') add('/schemaVersion', 'must be the string "1"');
  checkRound(value.round, add);
  checkPolicy(value.policy, add);
  const facilityIds = checkFacilities(value.facilities, add);
  checkHouseholds(value.households, facilityIds, add);
  return problems;
}

type Add = (pointer: string, message: string) => void;

function checkRound(round: Json, add: Add): void {
  if (!isObject(round)) return add('/round', 'required object is missing');
  if (!isId(round.id)) add('/round/id', 'must be a string of 1 to 64 characters');
  if (typeof round.municipalityCode !== 'string' || !/^[0-9]{6}$/.test(round.municipalityCode)) {
    add('/round/municipalityCode', 'must be a 6-digit municipality code');
  }
  if (!isDate(round.referenceDate)) add('/round/referenceDate', 'must be a date YYYY-MM-DD');
  if (round.kind !== undefined && !['primary', 'secondary', 'monthly'].includes(round.kind as string)) {
    add('/round/kind', 'must be one of primary, secondary, monthly');
  }
}

function checkPolicy(policy: Json, add: Add): void {
  if (!isObject(policy)) return add('/policy', 'required object is missing');
  if (!Array.isArray(policy.tieBreak)) add('/policy/tieBreak', 'must be an array');
  else {
    const seen = new Set<string>();
    policy.tieBreak.forEach((k, i) => {
      const p = `/policy/tieBreak/${i}`;
      if (!isObject(k)) return add(p, 'must be an object with key and order');
      if (typeof k.key !== 'string') add(`${p}/key`, 'must be a string');
      else if (seen.has(k.key)) add(`${p}/key`, `duplicate tie-break key "${k.key}"`);
      else seen.add(k.key);
      if (k.order !== 'asc' && k.order !== 'desc') add(`${p}/order`, 'must be "asc" or "desc"');
    });
  }
  if (typeof policy.lotterySeed !== 'string') add('/policy/lotterySeed', 'must be a string');
  if (policy.reuseVacatedSeats !== undefined && typeof policy.reuseVacatedSeats !== 'boolean') {
    add('/policy/reuseVacatedSeats', 'must be a boolean');
  }
  if (policy.timeLimitMs !== undefined && !(Number.isInteger(policy.timeLimitMs) && (policy.timeLimitMs as number) >= 1)) {
    add('/policy/timeLimitMs', 'must be an integer of at least 1');
  }
}

function checkFacilities(facilities: Json, add: Add): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(facilities)) {
    add('/facilities', 'must be an array');
    return ids;
  }
  facilities.forEach((f, i) => {
    const p = `/facilities/${i}`;
    if (!isObject(f)) return add(p, 'must be an object');
    if (!isId(f.id)) add(`${p}/id`, 'must be a string of 1 to 64 characters');
    else if (ids.has(f.id)) add(`${p}/id`, `duplicate facility id "${f.id}"`);
    else ids.add(f.id);
    if (f.name !== undefined && typeof f.name !== 'string') add(`${p}/name`, 'must be a string');
    if (!Array.isArray(f.seats) || f.seats.length !== 6) add(`${p}/seats`, 'must be an array of 6 integers (age classes 0 to 5)');
    else f.seats.forEach((s, a) => { if (!isNonNegInt(s)) add(`${p}/seats/${a}`, 'must be a non-negative integer'); });
  });
  return ids;
}

function checkHouseholds(households: Json, facilityIds: Set<string>, add: Add): void {
  if (!Array.isArray(households)) return add('/households', 'must be an array');
  const householdIds = new Set<string>();
  const childIds = new Set<string>();
  households.forEach((h, i) => {
    const p = `/households/${i}`;
    if (!isObject(h)) return add(p, 'must be an object');
    if (!isId(h.id)) add(`${p}/id`, 'must be a string of 1 to 64 characters');
    else if (householdIds.has(h.id)) add(`${p}/id`, `duplicate household id "${h.id}"`);
    else householdIds.add(h.id);
    if (!Array.isArray(h.children) || h.children.length === 0) return add(`${p}/children`, 'must be a non-empty array');
    h.children.forEach((c, j) => checkChild(c, `${p}/children/${j}`, facilityIds, childIds, add));
    if (h.jointPreferences !== undefined) checkJoint(h, p, facilityIds, add);
    if (h.siblingPattern !== undefined) {
      if (!(Number.isInteger(h.siblingPattern) && (h.siblingPattern as number) >= 1 && (h.siblingPattern as number) <= 7)) {
        add(`${p}/siblingPattern`, 'must be an integer from 1 to 7');
      } else if (h.children.length < 2) add(`${p}/siblingPattern`, 'only for households of two or more children');
    }
  });
}

function checkChild(c: Json, p: string, facilityIds: Set<string>, childIds: Set<string>, add: Add): void {
  if (!isObject(c)) return add(p, 'must be an object');
  if (!isId(c.id)) add(`${p}/id`, 'must be a string of 1 to 64 characters');
  else if (childIds.has(c.id)) add(`${p}/id`, `duplicate child id "${c.id}"`);
  else childIds.add(c.id);
  if (!(Number.isInteger(c.ageClass) && (c.ageClass as number) >= 0 && (c.ageClass as number) <= 5)) {
    add(`${p}/ageClass`, 'must be an integer from 0 to 5');
  }
  if (c.currentFacilityId !== undefined && c.currentFacilityId !== null) {
    if (!isId(c.currentFacilityId)) add(`${p}/currentFacilityId`, 'must be a facility id or null');
    else if (!facilityIds.has(c.currentFacilityId)) add(`${p}/currentFacilityId`, `unknown facility "${c.currentFacilityId}"`);
  }
  if (!isNumber(c.score)) add(`${p}/score`, 'must be a finite number');
  if (c.scoreByFacility !== undefined) {
    if (!isObject(c.scoreByFacility)) add(`${p}/scoreByFacility`, 'must be an object of numbers');
    else for (const [f, s] of Object.entries(c.scoreByFacility)) {
      const q = `${p}/scoreByFacility/${pointerToken(f)}`;
      if (!facilityIds.has(f)) add(q, `unknown facility "${f}"`);
      if (!isNumber(s)) add(q, 'must be a finite number');
    }
  }
  if (c.tieBreak !== undefined) {
    if (!isObject(c.tieBreak)) add(`${p}/tieBreak`, 'must be an object of numbers');
    else for (const [k, v] of Object.entries(c.tieBreak)) {
      if (!isNumber(v)) add(`${p}/tieBreak/${pointerToken(k)}`, 'must be a finite number');
    }
  }
  if (!Array.isArray(c.preferences)) return add(`${p}/preferences`, 'must be an array of facility ids');
  const seen = new Set<string>();
  c.preferences.forEach((f, k) => {
    const q = `${p}/preferences/${k}`;
    if (!isId(f)) return add(q, 'must be a facility id');
    if (!facilityIds.has(f)) add(q, `unknown facility "${f}"`);
    if (seen.has(f)) add(q, `duplicate preference "${f}"`);
    seen.add(f);
  });
}

function checkJoint(h: Record<string, Json>, p: string, facilityIds: Set<string>, add: Add): void {
  const children = h.children as Json[];
  const joint = h.jointPreferences;
  if (!Array.isArray(joint)) return add(`${p}/jointPreferences`, 'must be an array of tuples');
  if (children.length < 2) add(`${p}/jointPreferences`, 'only for households of two or more children');
  joint.forEach((t, r) => {
    const q = `${p}/jointPreferences/${r}`;
    if (!Array.isArray(t)) return add(q, 'must be an array (one facility id or null per child)');
    if (t.length !== children.length) add(q, `must have ${children.length} entries, one per child`);
    t.forEach((f, j) => {
      if (f === null) return;
      if (!isId(f)) return add(`${q}/${j}`, 'must be a facility id or null');
      if (!facilityIds.has(f)) return add(`${q}/${j}`, `unknown facility "${f}"`);
      const child = children[j];
      if (!isObject(child)) return;
      const prefs = Array.isArray(child.preferences) ? child.preferences : [];
      if (!prefs.includes(f) && child.currentFacilityId !== f) {
        add(`${q}/${j}`, `facility "${f}" is not in the preferences of child ${j}`);
      }
    });
  });
}

/** Narrows a value that passed {@link validateRequest}. */
export function asRequest(value: unknown): AllocationRequest {
  return value as AllocationRequest;
}
