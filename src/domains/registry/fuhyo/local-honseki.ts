// SPDX-License-Identifier: EUPL-1.2
/**
 * Whether a 本籍 is in this municipality (spec §7.2.4: its 戸籍の附票 is kept here, so the 附票 notice goes to the
 * municipality's own 戸籍附票システム as well). A 本籍 is written with its prefecture (戸籍の表示): local when it starts
 * with the prefecture and the municipality's name from the national list (e.g. 長野県塩尻市…). 「なし」「不明」 never are.
 */
import { findMunicipality } from '../../../platform/tenancy/municipality-list.ts';

/** The prefix a local 本籍 starts with, e.g. 長野県塩尻市; '' when the code is not in the national list. */
export function localHonsekiPrefix(municipalityCode: string): string {
  const row = findMunicipality(municipalityCode);
  return row ? `${row.prefectureName}${row.name}` : '';
}

/** True when the 本籍 is in the municipality. */
export function isLocalHonseki(honseki: string | null | undefined, municipalityCode: string): boolean {
  const prefix = localHonsekiPrefix(municipalityCode);
  return !!prefix && !!honseki && honseki.startsWith(prefix);
}
