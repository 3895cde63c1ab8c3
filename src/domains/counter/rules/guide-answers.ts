// SPDX-License-Identifier: EUPL-1.2
/**
 * The public guide's answers (a GET query: nothing stored) → the household facts the rules read. Pure.
 * Query: `e` (life events, repeated), per row k (0–5): `a{k}` age, `f{k}` 外国籍, `n{k}` 国保, `h{k}` 世帯主,
 * `o{k}` not concerned (a household member the event is not about); `dog`.
 */
import { isLifeEvent, type HouseholdFacts, type LifeEvent } from './life-events.ts';

export const GUIDE_ROWS = 6;

export interface GuideRow { age: string; foreign: boolean; nhi: boolean; head: boolean; other: boolean }
export interface GuideAnswers { events: LifeEvent[]; rows: GuideRow[]; dog: boolean }
export interface GuideError { field: string; code: 'event-required' | 'member-required' | 'age-invalid' | 'concerned-required'; }

/** Reads the answers from a query getter; unknown events are ignored, every row is kept for re-rendering. */
export function readGuideAnswers(get: (k: string) => string | undefined, getAll: (k: string) => string[]): GuideAnswers {
  const on = (k: string) => get(k) === '1';
  return {
    events: [...new Set(getAll('e').filter(isLifeEvent))],
    rows: Array.from({ length: GUIDE_ROWS }, (_, k) => ({
      age: (get(`a${k}`) ?? '').trim().slice(0, 5), foreign: on(`f${k}`), nhi: on(`n${k}`), head: on(`h${k}`), other: on(`o${k}`),
    })),
    dog: on('dog'),
  };
}

/** The facts for the rules, or the errors (each with a stable code and the field it belongs to). */
export function guideFacts(a: GuideAnswers): { facts: HouseholdFacts; errors: [] } | { facts: null; errors: GuideError[] } {
  const errors: GuideError[] = [];
  if (a.events.length === 0) errors.push({ field: 'e', code: 'event-required' });
  const members: HouseholdFacts['members'] = [];
  a.rows.forEach((r, k) => {
    if (r.age === '') return;
    const age = /^[0-9０-９]{1,3}$/.test(r.age) ? Number(r.age.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) : NaN;
    if (!(age >= 0 && age <= 125)) { errors.push({ field: `a${k}`, code: 'age-invalid' }); return; }
    members.push({ ref: String(k), age, foreign: r.foreign, nhi: r.nhi, head: r.head, concerned: !r.other });
  });
  if (members.length === 0 && !errors.some((e) => e.code === 'age-invalid')) errors.push({ field: 'a0', code: 'member-required' });
  else if (members.length > 0 && !members.some((m) => m.concerned)) errors.push({ field: 'o0', code: 'concerned-required' });
  return errors.length ? { facts: null, errors } : { facts: { events: a.events, members, dog: a.dog }, errors: [] };
}
