// SPDX-License-Identifier: EUPL-1.2
/**
 * The national address dictionary as use cases (spec §1.3.3): the pick 都道府県 → 市区町村 (national list of
 * 全国地方公共団体コード, platform.municipality) → 町字 (the loaded ABR 町字マスター of that municipality, kana prefix
 * input) with the 11-digit 住所コード, and postal-code lookup across every loaded municipality. Reference data: no
 * resident is read, nothing goes to the access log. Merged into the registry service.
 */
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { Database } from '../../../platform/db/database.ts';
import { isValidMunicipalityCode } from '../../../platform/tenancy/municipality-code.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { fail } from '../registry-errors.ts';
import { normalizeKana } from '../readings.ts';
import { addressCodeOf, normalizePostalCode, prefectureRowCode, AddressDetailError, type AddressDetailInput, type DictionaryLookups } from './address-dictionary.ts';
import { createAddressDictionaryRepository } from './address-dictionary.repository.ts';
import { townsByPrefix } from './address-master.ts';
import { currentTowns } from './address-master.repository.ts';

const repo = createAddressDictionaryRepository();

/**
 * Loads what resolving the given structured addresses needs (the national rows, 町字 and postal codes of the
 * municipalities they name) inside a tenant transaction. The tenant's own 町字 master stands in when the national
 * dictionary has no copy of it (a master loaded before migration 0038).
 */
export async function loadDictionaryLookups(trx: TenantTx, m: string, inputs: Array<AddressDetailInput | undefined>, today: string): Promise<DictionaryLookups> {
  const codes = [...new Set(inputs.flatMap((i) => [i?.municipalityCode, i?.prefectureCode ? `${i.prefectureCode}` : undefined]).filter((c): c is string => !!c))];
  const muniCodes = codes.filter((c) => /^\d{6}$/.test(c));
  const prefCodes = codes.filter((c) => /^\d{2}$/.test(c)).concat(muniCodes.map((c) => c.slice(0, 2)));
  const rows = await repo.municipalities(trx, { code: [...muniCodes, ...prefCodes.map(prefectureRowCode)] });
  const byCode = new Map(rows.map((r) => [r.code, { code: r.code, prefectureCode: r.code.slice(0, 2), class: r.class }]));
  const towns = new Map<string, Awaited<ReturnType<typeof repo.towns>>>();
  const postal = new Map<string, Set<string>>();
  for (const c of muniCodes.filter((x) => byCode.has(x))) {
    let t = await repo.towns(trx, c, { today });
    if (t.length === 0 && c === m) t = await currentTowns(trx, today);
    if (t.length) towns.set(c, t);
    postal.set(c, await repo.postalCodesOf(trx, c));
  }
  return { municipality: (c) => byCode.get(c), towns: (c) => towns.get(c), postalCodes: (c) => postal.get(c) };
}

/** Maps a resolution error to the registry's refusal. */
export function failDetail(e: unknown, field: string): never {
  if (e instanceof AddressDetailError) fail(e.code, { field });
  throw e;
}

/** Creates the national-dictionary use cases. */
export function createAddressDictionaryUseCases(deps: { db: Database; today: () => string }) {
  const { db, today } = deps;
  const read = <T>(actor: Actor, fn: (trx: TenantTx) => Promise<T>) => {
    assertAllowed(actor, 'registry:read');
    return withTenant(db, actor.municipalityCode, fn);
  };
  return {
    /** 都道府県 of the national list. */
    listPrefectures: (actor: Actor) => read(actor, async (trx) => ({
      items: (await repo.municipalities(trx, {})).map((r) => ({ code: r.code.slice(0, 2), name: r.name, kana: normalizeKana(r.nameKana) })),
    })),

    /** 市区町村 (and 行政区) of a 都道府県, optionally by a name or reading prefix; `townsLoaded`: its 町字 can be picked. */
    listMunicipalities: (actor: Actor, prefecture: string, prefix = '') => read(actor, async (trx) => {
      if (!/^\d{2}$/.test(prefecture)) fail('unknown-municipality');
      const rows = await repo.municipalities(trx, { prefecture });
      const p = normalizeKana(prefix.trim());
      const hit = rows.filter((r) => !p || normalizeKana(r.nameKana).startsWith(p) || r.name.startsWith(prefix.trim()));
      const loaded = await repo.loadedMunicipalities(trx, hit.map((r) => r.code));
      if (hit.some((r) => r.code === actor.municipalityCode)) loaded.add(actor.municipalityCode);
      return { items: hit.map((r) => ({ code: r.code, name: r.name, kana: normalizeKana(r.nameKana), class: r.class, townsLoaded: loaded.has(r.code) })) };
    }),

    /** 町字 of a municipality's loaded master with their 住所コード (kana prefix input); empty when none is loaded. */
    listDictionaryTowns: (actor: Actor, municipalityCode: string, prefix = '') => read(actor, async (trx) => {
      if (!isValidMunicipalityCode(municipalityCode)) fail('unknown-municipality');
      const [row] = await repo.municipalities(trx, { code: [municipalityCode] });
      if (!row || row.class === '都道府県') fail('unknown-municipality');
      let towns = await repo.towns(trx, municipalityCode, { today: today() });
      if (towns.length === 0 && municipalityCode === actor.municipalityCode) towns = await currentTowns(trx, today());
      return {
        municipality: { code: row.code, name: row.name }, loaded: towns.length > 0,
        items: townsByPrefix(towns, prefix).map((t) => ({ code: t.code, name: t.name, kana: t.kana, postalCode: t.postalCode, addressCode: addressCodeOf(municipalityCode, t.code) })),
      };
    }),

    /** 郵便番号 → 町域 in every loaded municipality, with the 市区町村 and the 町字 (postal-code input for other municipalities). */
    lookupNationalPostalCode: (actor: Actor, postalCode: string) => read(actor, async (trx) => {
      let code: string | null;
      try { code = normalizePostalCode(postalCode); } catch { fail('invalid-postal-code'); }
      if (!code) fail('invalid-postal-code');
      const areas = await repo.postalAreas(trx, code);
      if (areas.length === 0) fail('postal-code-not-found');
      const munis = new Map((await repo.municipalities(trx, { code: [...new Set(areas.map((a) => a.municipalityCode))] })).map((r) => [r.code, r]));
      const prefs = new Map((await repo.municipalities(trx, {})).map((r) => [r.code.slice(0, 2), r.name]));
      const townsOf = new Map<string, Awaited<ReturnType<typeof repo.towns>>>();
      for (const mc of munis.keys()) townsOf.set(mc, await repo.towns(trx, mc, { today: today() }));
      return {
        postalCode: code,
        items: areas.map((a) => {
          const t = a.townCode ? townsOf.get(a.municipalityCode)?.find((x) => x.code === a.townCode) : undefined;
          return {
            prefectureCode: a.municipalityCode.slice(0, 2), prefectureName: prefs.get(a.municipalityCode.slice(0, 2)) ?? '',
            municipalityCode: a.municipalityCode, municipalityName: munis.get(a.municipalityCode)?.name ?? '',
            areaName: a.areaName || '（以下に掲載がない場合）', areaKana: a.areaKana,
            town: t ? { code: t.code, name: t.name, kana: t.kana, postalCode: t.postalCode, addressCode: addressCodeOf(a.municipalityCode, t.code) } : null,
          };
        }),
      };
    }),
  };
}
