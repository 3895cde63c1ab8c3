// SPDX-License-Identifier: EUPL-1.2
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALERTS, ERRORS } from '../registry-errors.ts';
import { codesRaisedIn, MESSAGE_AREAS, REGISTRY_MESSAGES } from './registry-messages.ts';

const REGISTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every non-test source file of src/domains/registry. */
function sources(dir = REGISTRY): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('error and alert catalogue (標準仕様書 §11)', () => {
  const catalogue = new Map(REGISTRY_MESSAGES.map((m) => [m.code, m]));

  it('every code thrown or alerted in src/domains/registry is in the catalogue, and every catalogue code is raised somewhere', () => {
    const raised = new Map<string, string>();
    for (const f of sources()) for (const c of codesRaisedIn(fs.readFileSync(f, 'utf8'))) raised.set(c, path.relative(REGISTRY, f));
    const missing = [...raised].filter(([c]) => !catalogue.has(c)).map(([c, f]) => `${c} (${f})`);
    const stale = [...catalogue.keys()].filter((c) => !raised.has(c));
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
    expect(raised.size).toBeGreaterThan(150);
  });

  it('holds the rule catalogue of registry-errors.ts word for word: errors as エラー with their status, alerts as アラート', () => {
    for (const [code, [status, ja]] of Object.entries(ERRORS)) expect(catalogue.get(code), code).toMatchObject({ level: 'error', status, ja });
    for (const [code, ja] of Object.entries(ALERTS)) expect(catalogue.get(code), code).toMatchObject({ level: 'alert', ja });
  });

  it('gives every code a Japanese and an English message, a level and a known area; codes are unique and sorted', () => {
    expect(REGISTRY_MESSAGES.map((m) => m.code)).toEqual([...catalogue.keys()].sort());
    expect(catalogue.size).toBe(REGISTRY_MESSAGES.length);
    for (const m of REGISTRY_MESSAGES) {
      expect(['error', 'alert'], m.code).toContain(m.level);
      expect(m.ja, m.code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(m.en.trim().length, m.code).toBeGreaterThan(10);
      expect(m.en, m.code).toMatch(/^[A-Z{0-9]/); // English (names of Japanese things may stay Japanese inside)
      expect(Object.keys(MESSAGE_AREAS), m.code).toContain(m.area);
      expect(m.annexItem, m.code).toBeNull();
    }
  });

  it('the scanner finds codes the ways the registry raises them, and would catch a new one', () => {
    const src = `fail('a-one'); fail(x === 'not-me' ? 'b-two' : 'c-three', personExtra('d-four', 0, 'p'));
      alerts.push(alert('e-five')); throw refuse('f-six', '日本語'); new DomainError('g-seven', 'x');
      alerts.push({ code: 'h-eight', message: '' }); readonly code: 'i-nine' | 'j-ten'; ctx.addIssue({ code: 'custom' });`;
    expect([...codesRaisedIn(src)].sort()).toEqual(['a-one', 'b-two', 'c-three', 'e-five', 'f-six', 'g-seven', 'h-eight', 'i-nine', 'j-ten']);
    const withNew = fs.readFileSync(path.join(REGISTRY, 'changes', 'change-planner.ts'), 'utf8') + "\nfail('brand-new-rule');";
    expect([...codesRaisedIn(withNew)].filter((c) => !catalogue.has(c))).toEqual(['brand-new-rule']);
  });
});
