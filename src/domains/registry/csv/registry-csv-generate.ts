// SPDX-License-Identifier: EUPL-1.2
/**
 * Large CSV files in the registry layout from the deterministic demo generator (demo/demo-generator.ts), for
 * tests and benchmarks. Generated in chunks so memory stays flat; numbers are renumbered across chunks and
 * 住民票コード / 個人番号 / 在留カード番号 are derived from the sequence (unique, valid check digits), because
 * random numbers collide at a million persons. Same options → same bytes.
 */
import { demoTowns } from '../addresses/demo-address-data.ts';
import { generateDemoRegistry } from '../demo/demo-generator.ts';
import { formatRegistryNumber, myNumberCheckDigit, residentCodeCheckDigit } from '../numbers/my-number.ts';
import type { PersonRecord } from '../registry-model.ts';
import { CSV_HEADER, csvRecordLine } from './registry-csv-format.ts';
import { displayName, recordToRow } from './registry-csv-rows.ts';
import { HEAD } from '../relationship.ts';

export interface GenerateCsvOptions {
  municipalityCode: string;
  /** Approximate number of living residents. */
  persons: number;
  seed?: string;
  /** Reference date of the generated history (default 2026-04-01). */
  asOf?: string;
  /** Include 除票 (dead and moved-out former members). */
  includeRemoved?: boolean;
}

const CHUNK = 20_000;

/** Yields the CSV text in pieces (header first). */
export function* generateRegistryCsv(o: GenerateCsvOptions): Generator<string, { rows: number }> {
  const towns = demoTowns(o.municipalityCode);
  if (towns.length === 0) throw new Error(`no 町字 list for ${o.municipalityCode}`);
  yield CSV_HEADER;
  let atena = 0;
  let household = 0;
  let serial = 0;
  let rows = 0;
  let living = 0;
  for (let chunk = 0; living < o.persons; chunk++) {
    const ds = generateDemoRegistry({ persons: Math.min(CHUNK, o.persons - living), seed: `${o.seed ?? 'jichi-csv'}-${chunk}`, asOf: o.asOf, towns, myNumberIndex: (n) => n });
    living += ds.living;
    const byHousehold = new Map<string, PersonRecord[]>();
    for (const c of ds.current) {
      const list = byHousehold.get(c.record.householdId) ?? [];
      list.push(c.record);
      byHousehold.set(c.record.householdId, list);
    }
    let out = '';
    for (const members of byHousehold.values()) {
      const householdNo = formatRegistryNumber(++household);
      const recs = members.sort((a, b) => a.memberOrder - b.memberOrder || a.atenaNo.localeCompare(b.atenaNo)).map((r) => {
        const n = ++serial;
        const atenaNo = formatRegistryNumber(++atena);
        // Bijections of the sequence onto the number ranges: unique, deterministic, well spread.
        const rc = String(1_000_000_000 + ((n * 7_919_113) % 8_999_999_999)).padStart(10, '0');
        const mn = String(10_000_000_000 + ((n * 79_193_287) % 89_999_999_999)).padStart(11, '0');
        const rec: PersonRecord = { ...r, atenaNo, householdNo, residentCode: `${rc}${residentCodeCheckDigit(rc)}` };
        if (rec.foreign?.residenceCardNo) rec.foreign = { ...rec.foreign, residenceCardNo: `${rec.foreign.residenceCardNo.slice(0, 2)}${String(n).padStart(8, '0')}${rec.foreign.residenceCardNo.slice(10)}` };
        return { rec, myNumber: r.myNumberIndex ? `${mn}${myNumberCheckDigit(mn)}` : undefined };
      }).filter((x) => o.includeRemoved !== false || !x.rec.removedOn);
      const head = recs.find((x) => x.rec.relationship === HEAD && !x.rec.removedOn);
      for (const x of recs) out += csvRecordLine(recordToRow(x.rec, x.myNumber, head ? displayName(head.rec) : ''));
      rows += recs.length;
    }
    yield out;
  }
  return { rows };
}
