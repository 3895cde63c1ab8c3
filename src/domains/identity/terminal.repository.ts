// SPDX-License-Identifier: EUPL-1.2
/** SQL for the places and terminals (入力場所・入力端末, spec §1.3.1) of a municipality. */
import { sql } from 'kysely';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

/** A registered place (本庁 市民課, 支所 …). */
export interface PlaceRow { placeCode: string; name: string }
/** A registered terminal at a place; `issued` when a browser holds its cookie. */
export interface TerminalRow { terminalCode: string; name: string; placeCode: string; active: boolean; issuedAt: Date | null }

/** Creates the repository. */
export function createTerminalRepository() {
  return {
    listPlaces: async (trx: TenantTx): Promise<PlaceRow[]> =>
      trx.selectFrom('platform.place').select(['placeCode', 'name']).orderBy('placeCode').execute(),

    listTerminals: async (trx: TenantTx): Promise<TerminalRow[]> =>
      trx.selectFrom('platform.terminal').select(['terminalCode', 'name', 'placeCode', 'active', 'issuedAt']).orderBy('terminalCode').execute(),

    findPlace: (trx: TenantTx, placeCode: string) =>
      trx.selectFrom('platform.place').select(['placeCode', 'name']).where('placeCode', '=', placeCode).executeTakeFirst(),

    findTerminal: (trx: TenantTx, terminalCode: string) =>
      trx.selectFrom('platform.terminal').select(['terminalCode', 'name', 'placeCode', 'active', 'issuedAt']).where('terminalCode', '=', terminalCode).executeTakeFirst(),

    insertPlace: (trx: TenantTx, m: string, row: PlaceRow) =>
      trx.insertInto('platform.place').values({ municipalityCode: m, ...row }).execute(),

    insertTerminal: (trx: TenantTx, m: string, row: { terminalCode: string; name: string; placeCode: string }) =>
      trx.insertInto('platform.terminal').values({ municipalityCode: m, ...row }).execute(),

    /** Retires a terminal: it no longer binds sessions, and its cookie is void. */
    retireTerminal: (trx: TenantTx, terminalCode: string) =>
      trx.updateTable('platform.terminal').set({ active: false, tokenHash: null }).where('terminalCode', '=', terminalCode).execute(),

    setToken: (trx: TenantTx, terminalCode: string, tokenHash: string) =>
      trx.updateTable('platform.terminal').set({ tokenHash, issuedAt: sql<Date>`now()` }).where('terminalCode', '=', terminalCode).execute(),

    /** The active terminal holding this cookie token, with its place. */
    findByToken: (trx: TenantTx, tokenHash: string) =>
      trx.selectFrom('platform.terminal').select(['terminalCode', 'placeCode']).where('tokenHash', '=', tokenHash).where('active', '=', true).executeTakeFirst(),
  };
}

export type TerminalRepository = ReturnType<typeof createTerminalRepository>;
