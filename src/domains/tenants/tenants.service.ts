// SPDX-License-Identifier: EUPL-1.2
/** Municipalities as tenants: the national reference list, onboarding, per-tenant configuration. */
import type { Database } from '../../platform/db/database.ts';
import { isCalendarDate } from '../../platform/dates/jp-date.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { checkDigit, isValidMunicipalityCode } from '../../platform/tenancy/municipality-code.ts';
import { nationalMunicipalityList } from '../../platform/tenancy/municipality-list.ts';
import { withPlatform } from '../../platform/tenancy/tenant-transaction.ts';
import type { TenantRepository } from './tenants.repository.ts';

/** Configuration a municipality sets (never code): names for certificates, seal, fees and more later. */
export interface TenantSettings {
  /** 市区町村長名, printed on certificates. */
  mayorName?: string;
  /** Seal image (PNG, base64) for certificates. */
  sealPngBase64?: string;
  [key: string]: unknown;
}

/** A municipality on this deployment. */
export interface Tenant {
  municipalityCode: string;
  name: string;
  nameKana: string;
  prefectureName: string;
  class: string;
  onboardedAt: Date;
  settings: TenantSettings;
  /** 利用終了日: from this day (Japan) nobody signs in; the data is deleted after the retention period. */
  offboardedOn: string | null;
  /** False from the day of offboarding. */
  active: boolean;
}

/** Refused: not a valid 全国地方公共団体コード, or not a municipality. */
export class UnknownMunicipalityError extends DomainError {
  constructor(code: string, hint?: string) {
    super('unknown-municipality', `地方公共団体コード「${code}」は全国地方公共団体コードにありません${hint ? `（${hint}）` : ''}`, 400, 'Unknown municipality code');
  }
}

/** Explains a malformed code: wrong length, or the check digit that the first five digits call for. */
export function describeBadCode(code: string): string | undefined {
  if (!/^\d{5,6}$/.test(code)) return '6桁の数字で入力してください';
  if (code.length === 5) return `検査数字を付けた6桁で入力してください（${code}${checkDigit(code)}）`;
  if (!isValidMunicipalityCode(code)) {
    const fixed = `${code.slice(0, 5)}${checkDigit(code.slice(0, 5))}`;
    const row = nationalMunicipalityList().find((r) => r.code === fixed);
    return `検査数字が誤っています${row ? `。${row.prefectureName}${row.class === '都道府県' ? '' : row.name}は ${fixed} です` : ''}`;
  }
  return undefined;
}

/** Creates the tenant service. */
export function createTenantService(deps: { db: Database; tenants: TenantRepository }) {
  const { db, tenants } = deps;
  // Active tenants, each remembered for a minute (an offboarding takes effect within a minute on every process).
  const onboarded = new Map<string, number>();
  const REMEMBER_MS = 60_000;

  return {
    /** Loads or refreshes the national list of municipality codes (at migration time). */
    async loadReferenceData(): Promise<number> {
      const rows = nationalMunicipalityList();
      if ((await tenants.countMunicipalities(db.owner)) !== rows.length) await tenants.upsertMunicipalities(db.owner, rows);
      return rows.length;
    },

    /**
     * Onboards a municipality (operators only, as the table owner).
     * @throws UnknownMunicipalityError for a malformed or unknown code, or a prefecture/ward
     * @throws DomainError 'tenant-exists'
     */
    async onboard(code: string, settings: TenantSettings = {}): Promise<Tenant> {
      const hint = describeBadCode(code);
      if (hint) throw new UnknownMunicipalityError(code, hint);
      const m = await tenants.findMunicipality(db.owner, code);
      if (!m) throw new UnknownMunicipalityError(code);
      if (m.class === '都道府県' || m.class === '行政区') {
        throw new DomainError('not-a-municipality', `「${m.name}」(${code}) は市区町村ではありません（${m.class}）`, 400, 'Only municipalities (市区町村) can be tenants');
      }
      if ((await tenants.listTenants(db.owner)).some((t) => t.municipalityCode === code)) {
        throw new DomainError('tenant-exists', `${m.name} (${code}) は既に登録されています`, 409, 'Tenant already exists');
      }
      await tenants.insertTenant(db.owner, code, settings);
      const t = (await this.list()).find((x) => x.municipalityCode === code);
      return t!;
    },

    /** All onboarded municipalities. */
    async list(): Promise<Tenant[]> {
      const rows = await withPlatform(db, (trx) => tenants.listTenants(trx));
      return rows.map((r) => ({ ...r, municipalityCode: r.municipalityCode.trim(), settings: r.settings as TenantSettings }));
    },

    /** One onboarded municipality, or undefined. */
    async get(code: string): Promise<Tenant | undefined> {
      return (await this.list()).find((t) => t.municipalityCode === code);
    },

    /** True when the municipality is onboarded and not offboarded (remembered for a minute). */
    async isOnboarded(code: string): Promise<boolean> {
      if ((onboarded.get(code) ?? 0) > Date.now()) return true;
      const found = (await this.list()).some((t) => t.municipalityCode === code && t.active);
      if (found) onboarded.set(code, Date.now() + REMEMBER_MS);
      else onboarded.delete(code);
      return found;
    },

    /**
     * Sets (or with null, withdraws) the municipality's 利用終了日 (operators only, as the owner).
     * @throws DomainError 'tenant-not-found', 'invalid-date'
     */
    async offboard(code: string, on: string | null): Promise<void> {
      if (on !== null && !isCalendarDate(on)) throw new DomainError('invalid-date', `日付は YYYY-MM-DD で指定してください: ${on}`, 400, 'Invalid date');
      const r = await tenants.setOffboardedOn(db.owner, code, on);
      if (Number(r.numUpdatedRows) === 0) throw new DomainError('tenant-not-found', `自治体 ${code} は登録されていません`, 404, 'Municipality is not onboarded');
      onboarded.delete(code);
    },

    /** Replaces a tenant's settings (owner or administrators). */
    async updateSettings(code: string, settings: TenantSettings): Promise<void> {
      await tenants.updateTenantSettings(db.owner, code, settings);
    },

    /** Looks up the national list. */
    async findMunicipality(code: string) {
      return withPlatform(db, (trx) => tenants.findMunicipality(trx, code));
    },

    /** Searches the national list by prefecture or name. */
    async searchMunicipalities(q: { prefectureCode?: string; name?: string; limit?: number }) {
      return withPlatform(db, (trx) => tenants.searchMunicipalities(trx, { ...q, limit: q.limit ?? 50 }));
    },
  };
}

export type TenantService = ReturnType<typeof createTenantService>;
