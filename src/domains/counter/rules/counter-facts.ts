// SPDX-License-Identifier: EUPL-1.2
/**
 * The counter's side: registry persons + what the clerk asked (events, who is concerned, 国保, a dog) → the same
 * household facts the public guide builds from its answers. Pure.
 */
import { ageOn } from '../../../platform/dates/jp-date.ts';
import type { HouseholdFacts, LifeEvent } from './life-events.ts';

/** What the rules need of a registry person (a PersonRecord or a person entered at reception). */
export interface CounterPerson {
  atenaNo: string;
  /** Birth date as an ISO day (the registry's sort key). */
  birthDate: string;
  residentKind: 'japanese' | 'foreign';
  /** 続柄. */
  relationship: string;
}

export interface CounterAnswers {
  events: LifeEvent[];
  /** 宛名番号 of the members the event is about. */
  concerned: string[];
  /** 宛名番号 of the members in (or joining) 国民健康保険. */
  nhi: string[];
  dog: boolean;
  /** The event's day (ISO); ages are counted on it. */
  day: string;
}

export function counterFacts(persons: CounterPerson[], a: CounterAnswers): HouseholdFacts {
  return {
    events: a.events,
    dog: a.dog,
    members: persons.map((p) => ({
      ref: p.atenaNo, age: Math.max(0, ageOn(p.birthDate, a.day)), foreign: p.residentKind === 'foreign',
      nhi: a.nhi.includes(p.atenaNo), head: p.relationship === '世帯主', concerned: a.concerned.includes(p.atenaNo),
    })),
  };
}
