// SPDX-License-Identifier: EUPL-1.2
/**
 * 特例転入 (住基法24条の2, spec §4.1.1.3): a 転入 prefilled from the 転出証明書情報 received through the 住基ネット for each
 * person (by 住民票コード). Every item is prefilled except the name (read from the マイナンバーカード at the counter);
 * the clerk may change any of them before recording the 転入 as usual. Each read is access-logged.
 */
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { fail } from '../registry-errors.ts';
import type { MoveOutInfoInbox } from './move-out-info-inbox.ts';

/** Creates the use case. */
export function createMoveInPrefillUseCases(deps: { db: Database; accessLog: AccessLogRepository; inbox: MoveOutInfoInbox }) {
  const { db, accessLog, inbox } = deps;
  return {
    /**
     * The body of a 特例転入 prefilled from the received 転出証明書情報 of these 住民票コード (one household).
     * @throws RegistryRuleError 'move-out-info-not-found' (404) when no 転出証明書情報 was received for a code
     */
    async prefillSpecialMoveIn(actor: Actor, residentCodes: string[], ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:change');
      const found = [];
      for (const code of residentCodes) {
        const info = await inbox.find(actor.municipalityCode, code);
        if (!info) fail('move-out-info-not-found', { residentCode: code });
        found.push(info);
      }
      await withTenant(db, actor.municipalityCode, (trx) => accessLog.appendMany(trx, actor.municipalityCode, residentCodes.map((code) => ({
        actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.move-out-info.read', subjectType: 'resident-code', subjectId: code, ...ctx, purpose: '特例転入' }))));
      const first = found[0]!.items;
      return {
        kind: 'move-in' as const,
        fromMunicipalityCode: found[0]!.fromMunicipalityCode,
        previousAddress: first['住所'] ?? '',
        /** 転出予定年月日 as the old municipality recorded it. */
        plannedMoveOutOn: first['転出予定年月日'] ?? '',
        persons: found.map(({ items: i }) => ({
          residentKind: 'japanese' as const, birthDate: i['生年月日'] ?? '', sex: i['性別'] === '女' ? 'female' as const : 'male' as const,
          relationship: i['続柄'] ?? '', honseki: i['本籍'] ?? '', hittosha: i['筆頭者'] ?? '', residentCode: i['住民票コード'] ?? '',
          familyNameKana: (i['氏名_フリガナ'] ?? '').split('　')[0] ?? '', givenNameKana: (i['氏名_フリガナ'] ?? '').split('　')[1] ?? '',
        })),
      };
    },
  };
}
