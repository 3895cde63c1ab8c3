// SPDX-License-Identifier: EUPL-1.2
/**
 * Adapts the resident registry to the certificates' `CertificateSource` through the registry's public
 * surface (its repository and 個人番号 cipher from `registry/index.ts`): final records only — the registry's
 * current-state table and its as-of view contain no provisional (仮登録) change — as they stood on the day.
 * The certificates service writes the access-log entries for these reads (with whether a 個人番号 was read).
 */
import type { Database } from '../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { checkSuppressions, compareMembers, perpetratorsOf, createMyNumberCipher, createRegistryRepository, personsUnderSupportMeasure, provisionalChangesAffecting } from '../registry/index.ts';
import type { CertificatePerson, HistoryEntry } from './certificate-model.ts';
import type { CertificateSource, HouseholdRef, PendingChange, SourceActor, SourceHousehold } from './certificate-source.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';

type RegistryRepository = ReturnType<typeof createRegistryRepository>;
type MyNumberCipher = ReturnType<typeof createMyNumberCipher>;

/** 異動事由 labels by the registry's internal reason code (registry-model.ts `reasonOf`). */
const REASON_LABELS: Record<string, string> = {
  A01: '国内転入', A02: '国外転入', A03: '出生', A04: '職権記載', B01: '国内転出', B02: '国外転出', B03: '死亡', B04: '職権消除',
  C01: '転居', C02: '職権修正', C03: '誤記修正', C04: '世帯分離', C05: '世帯合併', C06: '世帯主変更', D01: '異動の取消し', D02: '異動の取消し', D03: '異動の取消し',
  C07: '旧氏の記載', C08: '旧氏の削除', C09: '通称の記載', C10: '通称の削除', C11: '在留資格等の変更', C12: '帰化', C13: '国籍喪失', C14: '世帯変更', C15: '軽微な修正',
  C16: '転入通知の受理', C17: '住居表示の実施', C18: '区画整理', C19: '振り仮名の記載',
  A05: '第30条の46届出', A06: '第30条の47届出', B05: '職権消除（失踪宣告）', A07: '職権記載（帰化等）', A08: '職権記載（国籍喪失）',
  C20: '個人番号の変更請求', C21: '個人番号の職権修正', C22: '個人番号の職権記載', C23: '住民票コードの変更請求', C24: '住民票コードの職権記載',
  E01: '改製', E02: '再製',
};

/** The registry's stored record (registry-model.ts `PersonRecord`), as far as certificates read it. */
type StoredRecord = Omit<CertificatePerson, 'personId' | 'supportMeasure' | 'history' | 'myNumber'> & { myNumberIndex?: string };

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Creates the adapter. */
export function createRegistryCertificateSource(deps: { db: Database; registry: RegistryRepository; cipher: MyNumberCipher; now?: () => Date }): CertificateSource {
  const { db, registry, cipher } = deps;
  const now = deps.now ?? (() => new Date());

  /** The final history up to `day`, and the 届出日 of the last notified change (the record may not carry one, e.g. 出生). */
  async function historyOf(trx: TenantTx, personId: string, day: string): Promise<{ entries: HistoryEntry[]; lastNotifiedOn?: string }> {
    const rows = await registry.history(trx, personId);
    const entries: HistoryEntry[] = [];
    let lastNotifiedOn: string | undefined;
    let previous: StoredRecord | undefined;
    for (const r of rows) {
      if (r.status !== 'final') continue; // 仮登録 and withdrawn changes never appear on a certificate
      const rec = r.record as unknown as StoredRecord;
      if (r.effectiveOn <= day) {
        // A 出生 recorded without a 届出日 was entered on the day the 出生届 reached the counter: its 処理日.
        const on = r.notifiedOn ?? (r.kind === 'birth' ? r.processedOn : null);
        const notified = on ? String(typeof on === 'string' ? on : isoDay(on as unknown as Date)).slice(0, 10) : undefined;
        if (notified) lastNotifiedOn = notified;
        const label = REASON_LABELS[r.reasonCode] ?? r.kind;
        const moved = previous && (previous.address.townName !== rec.address.townName || previous.address.banchi !== rec.address.banchi || previous.address.katagaki !== rec.address.katagaki);
        const detail = label === '転居' && moved && previous ? `${previous.address.townName}${previous.address.banchi}${previous.address.katagaki ? `　${previous.address.katagaki}` : ''}` : undefined;
        entries.push({ on: r.effectiveOn, label, ...(detail ? { detail } : {}) });
      }
      previous = rec;
    }
    return { entries, lastNotifiedOn };
  }

  /** In the caller's transaction when there is one (a case's approval), else in a new one. */
  const inTenant = <T>(m: string, trx: TenantTx | undefined, fn: (trx: TenantTx) => Promise<T>) => (trx ? fn(trx) : withTenant(db, m, fn));

  return {
    async pendingChanges(actor: SourceActor, householdId: string, personIds: readonly string[], inTrx?: TenantTx): Promise<PendingChange[]> {
      return inTenant(actor.municipalityCode, inTrx, async (trx) => (await provisionalChangesAffecting(trx, { householdId, personIds }))
        .map((c) => ({ kindLabel: REASON_LABELS[c.reasonCode] ?? c.kind, personIds: c.personIds, householdPending: c.householdPending })));
    },

    async loadHousehold(actor: SourceActor, ref: HouseholdRef, day: string, opts: { myNumberFor?: readonly string[]; trx?: TenantTx }): Promise<SourceHousehold | undefined> {
      const today = japanDay(now());
      return inTenant(actor.municipalityCode, opts.trx, async (trx) => {
        let householdId: string | undefined;
        if ('householdId' in ref) householdId = ref.householdId;
        else {
          const cur = day < today ? await registry.snapshotAsOf(trx, ref.personId, day) : await registry.current(trx, ref.personId);
          householdId = (cur?.record as unknown as StoredRecord | undefined)?.householdId;
        }
        if (!householdId || !/^[0-9a-f-]{36}$/i.test(householdId)) return undefined;
        const rows: Array<{ personId: string; record: unknown }> = await registry.householdMembers(trx, householdId, true);
        if (day < today) {
          // As of a past day the household may have held persons who have since moved to another household.
          const known = new Set(rows.map((r) => r.personId));
          for (const personId of await registry.personIdsEverInHousehold(trx, householdId)) {
            if (!known.has(personId)) rows.push({ personId, record: undefined });
          }
        }
        // DV等支援措置 in force today protect a person whatever day the certificate speaks about.
        const protectedIds = await personsUnderSupportMeasure(trx, rows.map((r) => r.personId), today);
        // 証明書発行の抑止 (spec §3.1) on a member or on the household, unless lifted for now.
        const suppression = await checkSuppressions(trx, rows.map((r) => ({ personId: r.personId, householdId })), 'certificate', now(), today);
        const members: CertificatePerson[] = [];
        for (const row of rows) {
          let record = row.record as unknown as StoredRecord;
          if (day < today) {
            const s = await registry.snapshotAsOf(trx, row.personId, day);
            if (!s) continue;
            record = s.record as unknown as StoredRecord;
            if (record.householdId !== householdId) continue;
          }
          let myNumber: string | undefined;
          if (opts.myNumberFor?.includes(row.personId) && record.myNumberIndex) {
            const v = await registry.vaultGet(trx, record.myNumberIndex);
            if (v) myNumber = cipher.open({ keyId: v.keyId, ciphertext: v.ciphertext }, v.myNumberIndex);
          }
          const { myNumberIndex: _i, ...rest } = record;
          const history = await historyOf(trx, row.personId, day);
          members.push({
            ...rest, personId: row.personId, myNumber, history: history.entries,
            // 届出日 from the notified change when the record has none (issue #9: blank for 出生 on 84be6ac).
            notifiedOn: rest.notifiedOn ?? history.lastNotifiedOn,
            supportMeasure: protectedIds.has(row.personId),
            ...(protectedIds.has(row.personId) ? { supportMeasurePerpetrators: [...await perpetratorsOf(trx, [row.personId], today)] } : {}),
            ...(suppression.errors.includes(row.personId) ? { suppression: 'error' as const } : suppression.alerts.includes(row.personId) ? { suppression: 'alert' as const } : {}),
          });
        }
        // 世帯員の並び順 by the standard's rule (spec §5.2), the stored order breaking ties.
        const orderOf = (m: CertificatePerson) => ({ relationship: m.relationship, birthKey: m.birthDate.sortKey, atenaNo: (m as { atenaNo?: string }).atenaNo ?? '', memberOrder: m.memberOrder });
        members.sort((a, b) => compareMembers(orderOf(a), orderOf(b)));
        return members.length > 0 ? { householdId, members } : undefined;
      });
    },
  };
}
