// The public guide (手続案内): no login, nothing stored, the procedures of the rules for the answers, clear errors.
import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { listProcedures } from '../src/domains/counter/rules/rule-engine.ts';
import { ruleSetFor } from '../src/domains/counter/rules/rule-sets.ts';
import { counterFacts } from '../src/domains/counter/rules/counter-facts.ts';
import { japanDay } from '../src/platform/dates/jp-date.ts';

describe('public guide', () => {
  const t = useTestApp();

  it('asks the questions without login and sets no cookie', async () => {
    const res = await t.app.request('/guide');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const html = await res.text();
    expect(html).toContain('引越し・出生・死亡などの手続案内');
    expect(html).toContain('入力した内容は保存しません');
    expect(html).not.toContain('data-testid="guide-result"');
  });

  it('lists for a family of four moving in exactly what the counter lists, with where, when and what to bring', async () => {
    const q = 'go=1&e=move-in&a0=38&n0=1&h0=1&a1=36&n1=1&a2=7&n2=1&a3=3&n3=1';
    const res = await t.app.request(`/guide?${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    const html = await res.text();
    const day = japanDay(new Date());
    const persons = [['1', 38, '世帯主'], ['2', 36, '妻'], ['3', 7, '子'], ['4', 3, '子']].map(([atenaNo, age, relationship]) => ({
      atenaNo: String(atenaNo), birthDate: `${Number(day.slice(0, 4)) - Number(age)}-01-01`, residentKind: 'japanese' as const, relationship: String(relationship),
    }));
    const facts = counterFacts(persons, { events: ['move-in'], concerned: ['1', '2', '3', '4'], nhi: ['1', '2', '3', '4'], dog: false, day });
    const expected = listProcedures(ruleSetFor('202151', day), facts);
    expect(expected.map((p) => p.code)).toEqual(expect.arrayContaining(['move-in', 'child-allowance', 'daycare', 'nhi-enrolment', 'seal-registration']));
    const shown = [...html.matchAll(/data-procedure="([^"]+)"/g)].map((m) => m[1]);
    expect(shown).toEqual(expected.map((p) => p.code));
    expect(html).toContain('児童手当の認定請求');
    expect(html).toContain('7歳の方、3歳の方');
    expect(html).toContain('こども課');
    expect(html).toContain('転出証明書');
    expect(html).toContain('オンラインでもできます（マイナポータル）');
    expect(html).toMatch(/令和\d+年\d+月\d+日/);
  });

  it('refuses unusable answers with a message per field and keeps what was entered', async () => {
    const res = await t.app.request('/guide?go=1&a0=abc&a1=41');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('何があったかを1つ以上選んでください。');
    expect(html).toContain('年齢は0から125までの数字で入れてください。');
    expect(html).toContain('value="abc"');
    expect(html).toContain('value="41"');
    expect(html).not.toContain('data-testid="guide-result"');
    const none = await t.app.request('/guide?go=1&e=birth&a0=30&o0=1');
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('出来事の対象となる方を少なくとも1人にしてください。');
  });

  it('has an English version', async () => {
    const res = await t.app.request('/guide?go=1&e=death&a0=80&h0=1', { headers: { cookie: 'lang=en' } });
    const html = await res.text();
    expect(html).toContain('Death registration and cremation permit');
    expect(html).toContain('Long-term care insurance');
  });
});
