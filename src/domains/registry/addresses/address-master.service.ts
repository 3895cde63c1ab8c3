// SPDX-License-Identifier: EUPL-1.2
/**
 * The address masters as use cases (spec §1.3.2–1.3.4): loading a municipality's 町字 and postal codes from files
 * (the command `jichi registry addresses load`, the demo seed, the test tenant), reading them (町字 with kana
 * prefix input, postal-code lookup), and keeping the 住居表示・地番 and 方書 masters. Merged into the registry service.
 */
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { findMunicipality } from '../../../platform/tenancy/municipality-list.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { fail } from '../registry-errors.ts';
import { isKatakanaReading, normalizeKana } from '../readings.ts';
import {
  AddressMasterFileError, addressNumberSortCode, GEOLONIA_ATTRIBUTION, linkPostalAreas, matchTown, parsePostalFile, parseTownFile, townsByPrefix, type Town,
} from './address-master.ts';
import { createAddressMasterRepository } from './address-master.repository.ts';
import { createAddressDictionaryRepository } from './address-dictionary.repository.ts';

/** What a load did. */
export interface AddressMasterLoad {
  towns: number;
  abolished: number;
  postalCodes: number;
  withPostalCode: number;
  withKana: number;
}

const view = (t: Town) => ({ code: t.code, name: t.name, kana: t.kana, postalCode: t.postalCode, abrMachiazaId: t.abrId, residenceIndication: t.residenceIndication });

/** Creates the address-master use cases. */
export function createAddressMasterUseCases(deps: { db: Database; accessLog: AccessLogRepository; today: () => string }) {
  const { db, accessLog, today } = deps;
  const repo = createAddressMasterRepository();
  const dictionary = createAddressDictionaryRepository();

  const townOf = async (trx: Parameters<typeof repo.currentTowns>[0], townCode: string) => {
    const m = matchTown(await repo.currentTowns(trx, today()), { townCode });
    if (m.kind !== 'listed') fail('town-not-found');
    return m.town;
  };

  return {
    /**
     * Loads (or reloads) a municipality's 町字 master and, optionally, its postal codes, in one transaction. Towns
     * of an earlier load that are missing now are marked abolished (records keep their codes). System use (the CLI).
     * @throws AddressMasterFileError for a file the loader cannot read (nothing is changed)
     */
    async loadAddressMaster(m: string, files: { towns: string; postal?: string; source: string }, by: string): Promise<AddressMasterLoad> {
      let towns = await parseTownFile(files.towns, m);
      const areas = files.postal !== undefined ? await parsePostalFile(files.postal, m) : undefined;
      const linked = areas ? linkPostalAreas(towns, areas) : undefined;
      if (linked) towns = linked.towns;
      // Every load also fills the national dictionary (本籍・転入前住所・転出先 of other municipalities, spec §1.3.3).
      await dictionary.replace(db.owner, m, towns, linked?.areas, files.source, today());
      return withTenant(db, m, async (trx) => {
        const abolished = await repo.replaceTowns(trx, m, towns, files.source, by, today());
        const postalCodes = linked ? await repo.replacePostalCodes(trx, m, linked.areas) : await repo.countPostal(trx);
        await accessLog.append(trx, m, { actorType: 'operator', actorId: by, action: 'registry.address-master.load', subjectType: 'address-master', subjectId: files.source.slice(0, 200) });
        return { towns: towns.length, abolished, postalCodes, withPostalCode: towns.filter((t) => t.postalCode).length, withKana: towns.filter((t) => t.kana).length };
      });
    },

    /**
     * Loads a municipality that is not served here into the national dictionary only (its 町字 and postal codes for
     * addresses in other municipalities). System use (the CLI).
     * @throws AddressMasterFileError for a file the loader cannot read (nothing is changed)
     */
    async loadNationalAddresses(m: string, files: { towns: string; postal?: string; source: string }): Promise<AddressMasterLoad> {
      const row = findMunicipality(m);
      if (!row || row.class === '都道府県') throw new AddressMasterFileError(`自治体 ${m} は全国地方公共団体コードの一覧の市区町村ではありません`);
      let towns = await parseTownFile(files.towns, m);
      const areas = files.postal !== undefined ? await parsePostalFile(files.postal, m) : undefined;
      const linked = areas ? linkPostalAreas(towns, areas) : undefined;
      if (linked) towns = linked.towns;
      await dictionary.replace(db.owner, m, towns, linked?.areas, files.source, today());
      return { towns: towns.length, abolished: 0, postalCodes: linked?.areas.length ?? 0, withPostalCode: towns.filter((t) => t.postalCode).length, withKana: towns.filter((t) => t.kana).length };
    },

    /** The current 町字 of the actor's municipality, optionally by a name or reading prefix (spec §1.3.3). */
    async listTowns(actor: Actor, q: { prefix?: string } = {}) {
      assertAllowed(actor, 'registry:read');
      const towns = await withTenant(db, actor.municipalityCode, (trx) => repo.currentTowns(trx, today()));
      return { attribution: GEOLONIA_ATTRIBUTION, items: townsByPrefix(towns, q.prefix ?? '').map(view) };
    },

    /** The 町域 of a postal code, with the 町字 each is in the master as (postal-code input, spec §1.3.3). */
    async lookupPostalCode(actor: Actor, postalCode: string) {
      assertAllowed(actor, 'registry:read');
      const code = postalCode.replace(/[-－]/g, '');
      if (!/^\d{7}$/.test(code)) fail('invalid-postal-code');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const areas = await repo.postalAreas(trx, code);
        if (areas.length === 0) fail('postal-code-not-found');
        const towns = await repo.currentTowns(trx, today());
        return { postalCode: code, items: areas.map((a) => {
          const t = a.townCode ? towns.find((x) => x.code === a.townCode) : undefined;
          return { areaName: a.areaName || '（以下に掲載がない場合）', areaKana: a.areaKana, town: t ? view(t) : null };
        }) };
      });
    },

    /** 住居表示・地番 of a 町字 in numeric order (spec §1.3.2). */
    async listAddressNumbers(actor: Actor, townCode: string, kind?: 'residence' | 'lot') {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const town = await townOf(trx, townCode);
        const rows = await repo.addressNumbers(trx, townCode, kind);
        return { town: view(town), items: rows.map((r) => ({ kind: r.kind as 'residence' | 'lot', label: r.label, sortCode: r.sortCode, abolishedOn: r.abolishedOn })) };
      });
    },

    /**
     * Registers 住居表示 (「1番2号」) or 地番 (「1234番地5」) of a 町字; already registered ones are kept.
     * @throws RegistryRuleError 'town-not-found', 'invalid-address-number'
     */
    async addAddressNumbers(actor: Actor, townCode: string, input: { kind: 'residence' | 'lot'; labels: string[] }) {
      assertAllowed(actor, 'registry:masters');
      const labels = [...new Set(input.labels.map((l) => l.trim()).filter(Boolean))];
      const pattern = input.kind === 'residence' ? /^\d+番\d+号$/ : /^\d+番地(\d+)?(の\d+)*$/;
      const bad = labels.filter((l) => !pattern.test(l.normalize('NFKC')));
      if (labels.length === 0 || bad.length > 0) fail('invalid-address-number', { labels: bad.slice(0, 5) });
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await townOf(trx, townCode);
        const added = await repo.addAddressNumbers(trx, actor.municipalityCode,
          labels.map((l) => ({ townCode, kind: input.kind, label: l.normalize('NFKC'), sortCode: addressNumberSortCode(l) })), actor.staffId);
        return { added, total: await repo.countAddressNumbers(trx, townCode) };
      });
    },

    /** 方書 registered at a 町字 (and 番地) (spec §1.3.4). */
    async listKatagaki(actor: Actor, townCode: string, banchi?: string) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await townOf(trx, townCode);
        return { items: (await repo.katagaki(trx, townCode, banchi)).map((r) => ({ banchi: r.banchi, name: r.name, nameKana: r.nameKana })) };
      });
    },

    /**
     * Registers a 方書 (building name) at a 町字 and 番地; registering it again changes nothing (`created: false`).
     * @throws RegistryRuleError 'town-not-found', 'invalid-reading'
     */
    async addKatagaki(actor: Actor, townCode: string, input: { banchi: string; name: string; nameKana?: string }) {
      assertAllowed(actor, 'registry:masters');
      const nameKana = normalizeKana(input.nameKana ?? '');
      if (!isKatakanaReading(nameKana)) fail('invalid-reading');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await townOf(trx, townCode);
        const created = await repo.addKatagaki(trx, actor.municipalityCode, { townCode, banchi: input.banchi.trim(), name: input.name.trim(), nameKana }, actor.staffId);
        return { townCode, banchi: input.banchi.trim(), name: input.name.trim(), nameKana, created };
      });
    },
  };
}
