// SPDX-License-Identifier: EUPL-1.2
/**
 * Structured addresses in a plan (spec §1.1.17, §1.3.3): 本籍, 転入前住所 and 転出先 resolved against the national
 * dictionary, and the 郵便番号 of the 住所. Pure; the dictionary's 町字 and postal codes of the municipalities a change
 * names are in the world (loaded by the service), the 都道府県・市区町村 come from the national list in memory.
 */
import { findMunicipality } from '../../../platform/tenancy/municipality-list.ts';
import { AddressDetailError, normalizePostalCode, resolveAddressDetail, type AddressDetail, type AddressDetailInput } from '../addresses/address-dictionary.ts';
import type { Town } from '../addresses/address-master.ts';
import { fail } from '../registry-errors.ts';
import type { World } from './planner-state.ts';

const NOTHING = { towns: () => undefined, postalCodes: () => undefined };

/** Resolves a structured address of the change; undefined when none was given. @throws RegistryRuleError naming the field */
export function detailFor(world: World, input: AddressDetailInput | undefined, field: string): AddressDetail | undefined {
  const d = world.dictionary ?? NOTHING;
  try {
    return resolveAddressDetail(input, {
      municipality: (c) => { const r = findMunicipality(c); return r ? { code: r.code, prefectureCode: r.prefectureCode, class: r.class } : undefined; },
      towns: (c) => d.towns(c) ?? (c === world.municipalityCode && world.towns?.length ? world.towns : undefined),
      postalCodes: (c) => d.postalCodes(c),
    }) ?? undefined;
  } catch (e) {
    if (e instanceof AddressDetailError) fail(e.code, { field });
    throw e;
  }
}

/**
 * 郵便番号 of the 住所 (spec §1.1.17): the entered one (7 digits; one of the municipality's when its postal codes are
 * loaded), else the 町字's from the master; null when neither.
 * @throws RegistryRuleError 'invalid-postal-code', 'postal-code-mismatch' (field `address.postalCode`)
 */
export function addressPostalCode(world: World, entered: string | undefined, town: Town | undefined): string | null {
  let code: string | null;
  try { code = normalizePostalCode(entered); } catch { fail('invalid-postal-code', { field: 'address.postalCode' }); }
  if (!code) return town?.postalCode ?? null;
  const known = world.dictionary?.postalCodes(world.municipalityCode);
  if (code !== town?.postalCode && known && known.size > 0 && !known.has(code)) fail('postal-code-mismatch', { field: 'address.postalCode' });
  return code;
}
