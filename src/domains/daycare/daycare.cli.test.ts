// SPDX-License-Identifier: EUPL-1.2
// `jichi daycare …` run as a child process: exit codes, JSON Pointer listings, nothing written on bad input,
// byte-identical re-runs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runJichi } from '../../../test/run-jichi.ts';
import { request, seatsIn, single } from '../../../test/fixtures/daycare/request-builder.ts';

const dir = mkdtempSync(join(tmpdir(), 'jichi-daycare-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `jichi daycare …` in the scratch folder (relative paths resolve there). */
async function jichi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runJichi(['daycare', ...args], { dataDir: join(dir, 'data'), cwd: dir });
  return { code: r.code ?? -1, stdout: r.out, stderr: r.err };
}

describe('jichi daycare (CLI)', { timeout: 90_000 }, () => {
  it('rejects an invalid request with exit 2, JSON Pointers on stderr and no output file', async () => {
    const bad = request([{ id: 'F1', seats: [1, 1, 1, 1, 1] }], [
      single('A', { ageClass: 7, score: 1, preferences: ['F1', 'F999'] }),
    ]) as unknown as Record<string, unknown>;
    (bad.round as Record<string, unknown>).municipalityCode = '12';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const out = join(dir, 'bad-result.json');
    const r = await jichi('allocate', '--input', 'bad.json', '--output', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/households/0/children/0/preferences/1: unknown facility "F999"');
    expect(r.stderr).toContain('/households/0/children/0/ageClass:');
    expect(r.stderr).toContain('/facilities/0/seats:');
    expect(r.stderr).toContain('/round/municipalityCode:');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects malformed JSON and unknown presets with exit 2', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": ');
    expect((await jichi('allocate', '--input', 'broken.json', '--output', 'x.json')).code).toBe(2);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    const g = await jichi('generate', '--preset', 'huge', '--seed', '1');
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('--preset');
  });

  it('generates, allocates twice byte-identically, and verifies', async () => {
    expect((await jichi('generate', '--preset', 'town', '--seed', '4', '--output', 'req.json')).code).toBe(0);
    expect((await jichi('allocate', '--input', 'req.json', '--output', 'a.json')).code).toBe(0);
    expect((await jichi('allocate', '--input', 'req.json', '--output', 'b.json')).code).toBe(0);
    const a = readFileSync(join(dir, 'a.json'));
    expect(a.equals(readFileSync(join(dir, 'b.json')))).toBe(true);
    const result = JSON.parse(a.toString('utf8'));
    expect(result.status).toBe('STABLE');
    const v = await jichi('verify', '--input', 'req.json', '--result', 'a.json');
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ status: 'STABLE', agreesWithClaim: true });
    // A tampered result fails verification with exit 1.
    result.assignments[0] = { childId: result.assignments[0].childId, status: 'OFFER', facilityId: 'F001', preferenceRank: 99 };
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(result));
    expect((await jichi('verify', '--input', 'req.json', '--result', 'tampered.json')).code).toBe(1);
  });

  it('writes a small worked example that matches the format', async () => {
    writeFileSync(join(dir, 'ex1.json'), JSON.stringify(request([{ id: 'F1', seats: seatsIn(1, 1) }], [
      single('A', { ageClass: 1, score: 10, preferences: ['F1'] }),
      single('B', { ageClass: 1, score: 9, preferences: ['F1'] }),
    ])));
    const r = await jichi('allocate', '--input', 'ex1.json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.assignments).toEqual([
      { childId: 'A', status: 'OFFER', facilityId: 'F1', preferenceRank: 1 },
      { childId: 'B', status: 'HOLD', facilityId: null, preferenceRank: null },
    ]);
    expect(result).not.toHaveProperty('runtimeMs');
    // A third-party result without its own checks: verified on its merits (here: a blocking coalition).
    writeFileSync(join(dir, 'swapped.json'), JSON.stringify({ assignments: [
      { childId: 'A', status: 'HOLD', facilityId: null, preferenceRank: null },
      { childId: 'B', status: 'OFFER', facilityId: 'F1', preferenceRank: 1 },
    ] }));
    const v = await jichi('verify', '--input', 'ex1.json', '--result', 'swapped.json');
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout)).toMatchObject({ status: 'UNSTABLE', agreesWithClaim: null, checks: { blockingCoalitions: 1 } });
  });
});
