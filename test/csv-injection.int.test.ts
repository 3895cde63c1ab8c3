// SPDX-License-Identifier: EUPL-1.2
// Regression tests for issue #15 (defect 5): CSV formula injection in every CSV export. A text cell that starts
// with = + - @ (or a tab/CR) is written with a leading apostrophe; numbers are written as they are. (The registry
// export, which must round-trip, is tested in src/domains/registry/registry-csv.int.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { statisticsCsv, type RegistryStatistics } from '../src/domains/registry/registry-statistics.ts';
import { useTestApp } from './test-app.ts';
import { fillEveryTable } from './fixtures/every-table.ts';

const EVIL = '=HYPERLINK("http://evil.example/","x")';
/** Every cell of a simple CSV (no embedded newlines), unquoted. */
const cells = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)
  .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"(.*)"$/s, '$1').replace(/""/g, '"')));

describe('CSV exports are safe to open in a spreadsheet (issue #15)', () => {
  const t = useTestApp();
  let clients: Awaited<ReturnType<typeof fillEveryTable>>;
  beforeAll(async () => { clients = await fillEveryTable(t); });

  it('certificate ledger: a formula in the purpose is neutralised', async () => {
    const ledger = (await (await clients.counter.request('GET', '/api/v1/certificate-issuances')).json()) as { items: Array<{ householdId: string; personIds: string[] }> };
    const issued = ledger.items[0]!;
    const res = await clients.counter.request('POST', '/api/v1/certificates', {
      kind: 'residence-copy', householdId: issued.householdId, requester: { type: 'household', personId: issued.personIds[0] }, purpose: EVIL,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const csv = await (await clients.counter.request('GET', '/api/v1/certificate-issuances?format=csv')).text();
    expect(cells(csv)).toContain(`'${EVIL}`);
    expect(cells(csv).filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('daycare cut-offs: a formula in a facility name is neutralised, scores stay numbers', async () => {
    expect((await clients.officer.request('POST', '/api/v1/daycare-rounds', { roundId: 'CSV1', name: '一次', kind: 'primary', referenceDate: '2027-04-01', lotterySeed: 's' })).status).toBe(201);
    expect((await clients.officer.request('PUT', '/api/v1/daycare-rounds/CSV1/facilities/F1', { name: '+81-3-0000', seats: [0, 2, 0, 0, 0, 0] })).status).toBe(201);
    expect((await clients.officer.request('PUT', '/api/v1/daycare-rounds/CSV1/facilities/F2', { name: '@園', seats: [0, 1, 0, 0, 0, 0] })).status).toBe(201);
    for (const [h, c, score] of [['HA', 'CA', -5], ['HB', 'CB', 20]] as const) {
      const r = await clients.officer.request('POST', '/api/v1/daycare-rounds/CSV1/applications', { householdId: h, children: [{ childId: c, ageClass: 1, preferences: ['F1', 'F2'], score }] });
      expect(r.status, await r.clone().text()).toBe(201);
    }
    expect((await clients.officer.request('POST', '/api/v1/daycare-rounds/CSV1/allocation-runs')).status).toBe(201);
    // Both children are offered F1 (two seats): its lowest score is published (a class with one offer is not, issue #9).
    const csv = await (await clients.officer.request('GET', '/api/v1/daycare-rounds/CSV1/cutoffs?format=csv')).text();
    const all = cells(csv);
    expect(all).toEqual(expect.arrayContaining(["'+81-3-0000", "'@園", '-5']));
    expect(all.filter((c) => /^[=+@\t\r]/.test(c))).toEqual([]);
  });

  it('registry statistics: text cells are guarded, counts are not', () => {
    const s = {
      municipalityCode: '202151', asOf: '2026-04-01',
      total: { persons: 1, male: 1, female: 0, japanese: 1, foreign: 0, households: 1 },
      byTown: [{ townCode: null, townName: '-町', households: 1, persons: 1, male: 1, female: 0, japanese: 1, foreign: 0 }],
      byAgeBand: [{ label: '=0〜4歳', male: 1, female: 0, japanese: 1, foreign: 0 }],
    } as unknown as RegistryStatistics;
    const all = cells(statisticsCsv(s));
    expect(all).toEqual(expect.arrayContaining(["'-町", "'=0〜4歳", '1', '0']));
  });
});
