// SPDX-License-Identifier: EUPL-1.2
// The public guide and the counter never disagree: generated households, answered once as a resident would in the
// guide (ages and ticks) and once as the counter sees them (registry persons + the clerk's answers), list the same
// procedures for the same people.
import { describe, expect, it } from 'vitest';
import { counterFacts, type CounterPerson } from './counter-facts.ts';
import { guideFacts, readGuideAnswers, GUIDE_ROWS } from './guide-answers.ts';
import { LIFE_EVENTS, type LifeEvent } from './life-events.ts';
import { listProcedures } from './rule-engine.ts';
import { ruleSetFor } from './rule-sets.ts';

function rng(seed: number) { return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff); }

describe('guide and counter agree', () => {
  it('on 2,000 generated households (every life event, ages 0–100, foreign residents, 国保, dogs)', () => {
    const rnd = rng(7);
    const day = '2026-12-03';
    const rules = ruleSetFor('202151', day);
    for (let h = 0; h < 2000; h++) {
      const n = 1 + Math.floor(rnd() * GUIDE_ROWS);
      const persons: CounterPerson[] = Array.from({ length: n }, (_, k) => {
        const age = Math.floor(rnd() * 101);
        const birthDate = `${2026 - age - (rnd() < 0.5 ? 1 : 0)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
        return { atenaNo: String(100000 + h * 10 + k), birthDate, residentKind: rnd() < 0.1 ? 'foreign' : 'japanese', relationship: k === 0 ? '世帯主' : '子' };
      });
      const events = [LIFE_EVENTS[Math.floor(rnd() * LIFE_EVENTS.length)]!] as LifeEvent[];
      if (rnd() < 0.2) events.push(LIFE_EVENTS[Math.floor(rnd() * LIFE_EVENTS.length)]!);
      const concerned = persons.filter((_, k) => k === 0 || rnd() < 0.7).map((p) => p.atenaNo);
      const nhi = persons.filter(() => rnd() < 0.3).map((p) => p.atenaNo);
      const dog = rnd() < 0.1;
      const counter = counterFacts(persons, { events, concerned, nhi, dog, day });

      // The resident answers the guide from the same household: ages, ticks, the same order.
      const q = new URLSearchParams({ go: '1' });
      for (const e of new Set(events)) q.append('e', e);
      counter.members.forEach((m, k) => {
        q.set(`a${k}`, String(m.age));
        if (m.foreign) q.set(`f${k}`, '1');
        if (m.nhi) q.set(`n${k}`, '1');
        if (m.head) q.set(`h${k}`, '1');
        if (!m.concerned) q.set(`o${k}`, '1');
      });
      if (dog) q.set('dog', '1');
      const guide = guideFacts(readGuideAnswers((k) => q.get(k) ?? undefined, (k) => q.getAll(k)));
      expect(guide.errors).toEqual([]);
      const fromGuide = listProcedures(rules, guide.facts!).map((p) => [p.code, p.memberRefs.map((r) => counter.members[Number(r)]!.ref)]);
      const fromCounter = listProcedures(rules, { ...counter, events: [...new Set(events)] }).map((p) => [p.code, p.memberRefs]);
      expect(fromGuide).toEqual(fromCounter);
    }
  });

  it('the guide refuses answers it cannot use, with a code per field', () => {
    const read = (q: URLSearchParams) => guideFacts(readGuideAnswers((k) => q.get(k) ?? undefined, (k) => q.getAll(k)));
    expect(read(new URLSearchParams('go=1')).errors.map((e) => e.code)).toEqual(['event-required', 'member-required']);
    expect(read(new URLSearchParams('go=1&e=move-in&a0=abc&a1=200')).errors).toEqual([
      { field: 'a0', code: 'age-invalid' }, { field: 'a1', code: 'age-invalid' }]);
    expect(read(new URLSearchParams('go=1&e=birth&a0=30&o0=1')).errors).toEqual([{ field: 'o0', code: 'concerned-required' }]);
    expect(read(new URLSearchParams('go=1&e=no-such&e=birth&a0=０')).facts).toMatchObject({ events: ['birth'], members: [{ age: 0 }] });
  });
});
