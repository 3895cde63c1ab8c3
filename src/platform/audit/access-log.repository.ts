// SPDX-License-Identifier: EUPL-1.2
/** SQL for the append-only access log. The database computes sequence numbers and the hash chain. */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { TenantTx } from '../tenancy/tenant-transaction.ts';

/** What a service records: who did what to which record, for what purpose. Never personal data itself. */
export interface AccessLogEntry {
  /** 'contractor' is set by the database for staff of a contractor (migration 0005). */
  actorType: 'staff' | 'contractor' | 'resident' | 'system' | 'operator';
  actorId: string;
  /** e.g. `registry.person.read`, `auth.login`. */
  action: string;
  subjectType?: string;
  subjectId?: string;
  /** 利用目的: why the record was accessed. */
  purpose?: string;
  myNumberAccessed?: boolean;
  /**
   * Restricted items the read showed to the operator (spec §10.4: `domicile` 本籍・筆頭者, `resident-code` 住民票コード,
   * `residence-status` 在留資格等); empty or absent when none.
   */
  disclosedItems?: readonly string[];
  /** 入力端末 and place; by default those of the transaction (a staff session's request, migration 0022). */
  terminalCode?: string;
  placeCode?: string;
  clientIp?: string;
  requestId?: string;
  outcome?: 'ok' | 'denied' | 'failed';
}

/** One stored entry, with its chain fields. */
export interface AccessLogRow {
  municipalityCode: string;
  /** Order of insertion within the installation (unique per municipality, not gap-free). */
  seq: number;
  /** The municipality's chain the entry belongs to, and its gap-free position in it (migration 0009). */
  chain: number;
  chainSeq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  purpose: string;
  myNumberAccessed: boolean;
  clientIp: string;
  requestId: string;
  outcome: string;
  /** Comma-separated restricted items the read disclosed (migration 0021), '' when none. */
  disclosedItems: string;
  /** 入力端末 and its place (migration 0022): '' for residents, systems and operators; `unregistered` for staff at an unknown terminal. */
  terminalCode: string;
  placeCode: string;
  /** 画面名 of the console request (migration 0035), '' for the API and others. */
  screenName?: string;
  prevHash: string;
  hash: string;
}

/** Creates the access-log repository. */
export function createAccessLogRepository() {
  return {
    /** Appends an entry in the tenant transaction (the municipality comes from the transaction). */
    async append(trx: TenantTx, municipalityCode: string, e: AccessLogEntry): Promise<void> {
      await trx.insertInto('audit.accessLog').values(toInsert(municipalityCode, e)).execute();
    },

    /**
     * Appends several entries in one statement (e.g. one per search hit). The chain trigger still runs row
     * by row and sees the rows inserted before it in the same statement, so the order is the given order.
     */
    async appendMany(trx: TenantTx, municipalityCode: string, entries: AccessLogEntry[]): Promise<void> {
      for (let i = 0; i < entries.length; i += 1000) {
        await trx.insertInto('audit.accessLog').values(entries.slice(i, i + 1000).map((e) => toInsert(municipalityCode, e))).execute();
      }
    },

    /** Lists entries newest first, optionally for one subject, actor or terminal. */
    async list(trx: TenantTx, filter: { subjectType?: string; subjectId?: string; actorId?: string; terminalCode?: string; limit: number; beforeSeq?: number }) {
      let q = trx.selectFrom('audit.accessLog').selectAll();
      if (filter.terminalCode) q = q.where('terminalCode', '=', filter.terminalCode);
      if (filter.subjectType) q = q.where('subjectType', '=', filter.subjectType);
      if (filter.subjectId) q = q.where('subjectId', '=', filter.subjectId);
      if (filter.actorId) q = q.where('actorId', '=', filter.actorId);
      if (filter.beforeSeq) q = q.where('seq', '<', String(filter.beforeSeq));
      const rows = await q.orderBy('seq', 'desc').limit(filter.limit).execute();
      return rows.map(toRow);
    },

    /** Streams every entry of every municipality in chain order (municipality, chain, position), as the owner (verification). */
    async *scanAll(owner: Kysely<DB>, batch = 5000): AsyncGenerator<AccessLogRow> {
      let after: { m: string; c: number; s: number } = { m: '', c: 0, s: 0 };
      for (;;) {
        const rows = await owner.selectFrom('audit.accessLog').selectAll()
          .where(sql<boolean>`(municipality_code, chain, chain_seq) > (${after.m}, ${after.c}, ${after.s})`)
          .orderBy('municipalityCode').orderBy('chain').orderBy('chainSeq').limit(batch).execute();
        for (const r of rows) yield toRow(r);
        const last = rows.at(-1);
        if (!last || rows.length < batch) return;
        after = { m: last.municipalityCode, c: Number(last.chain), s: Number(last.chainSeq) };
      }
    },
  };
}

export type AccessLogRepository = ReturnType<typeof createAccessLogRepository>;

function toInsert(municipalityCode: string, e: AccessLogEntry) {
  return {
    municipalityCode,
    actorType: e.actorType,
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subjectType ?? '',
    subjectId: e.subjectId ?? '',
    purpose: e.purpose ?? '',
    myNumberAccessed: e.myNumberAccessed ?? false,
    clientIp: e.clientIp ?? '',
    requestId: e.requestId ?? '',
    outcome: e.outcome ?? 'ok',
    disclosedItems: (e.disclosedItems ?? []).join(','),
    ...(e.terminalCode !== undefined ? { terminalCode: e.terminalCode, placeCode: e.placeCode ?? '' } : {}),
    // Filled in by the trigger audit.chain_access_log().
    seq: 0, occurredAt: sql<Date>`clock_timestamp()`, prevHash: '', hash: '',
  };
}

function toRow(r: Record<string, unknown>): AccessLogRow {
  return { ...(r as unknown as AccessLogRow), seq: Number(r.seq), chain: Number(r.chain), chainSeq: Number(r.chainSeq), municipalityCode: String(r.municipalityCode).trim() };
}
