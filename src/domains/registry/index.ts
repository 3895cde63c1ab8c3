// SPDX-License-Identifier: EUPL-1.2
/** Public surface of the registry domain: what other domains and the composition root may import. */
export { createRegistryService, type RegistryService } from './registry.service.ts';
export { cardRefusalMessage } from './cards/card-model.ts';
export { createRegistryRepository } from './registry.repository.ts';
export { registryRoutes } from './registry.routes.ts';
export { createMyNumberCipher } from './numbers/my-number-cipher.ts';
export { loadMyNumberKeys } from './registry.config.ts';
// For the web UI (src/web/routes/registry*.tsx): the change schema, 和暦 dates, the 町字 list.
export { ChangeInput, MINOR_CORRECTION_GROUNDS } from './registry.schema.ts';
export { InvalidLegalDateError, parseCalendarDate, parseLegalDate, toWareki } from '../../platform/dates/jp-date.ts';
export { MOVE_OUT_CONFIRM_DAYS, VAGUE_DATE_KINDS } from './changes/change-planner.ts';
export { normalizeCardNo, normalizeKana } from './readings.ts';
export { compareMembers, inStandardOrder, memberOrderModeOf, orderMembers, type MemberOrderMode, type OrderedMember } from './member-order.ts';
export { GEOLONIA_ATTRIBUTION, type Town } from './addresses/address-master.ts';
// The demo municipality's address files (the test tenant loads them as the demo seed does).
export { demoAddressFiles } from './addresses/demo-address-data.ts';
// For the cases domain: the 転居/転出 change input, the 町字 match and the 14-day rule's dates.
// The current 町字 master inside the caller's tenant transaction (migration 0015, loaded by `jichi registry addresses load`).
export { matchTown } from './addresses/address-master.ts';
export { currentTowns } from './addresses/address-master.repository.ts';
export type { ChangeInputOf } from './registry.schema.ts';
export type { PersonRecord } from './registry-model.ts';
export { japanToday } from './registry.service.ts';
export { FOREIGN_CATEGORIES } from './registry-model.ts';
// For the search form: the 消除事由 a search may ask for.
export { EMPTY_ITEMS, REMOVAL_REASONS, searchHistoryDays, type SavedCriteria } from './search/search-criteria.ts';
// For the 個人票's enlarged glyph view (spec §2.2.3).
export { glyphsOf, textOfQuery, type GlyphInfo } from './glyphs/glyph-info.ts';
// For the change page's 帳票 (確認書・通知書): the form names.
export { CHANGE_FORMS, type ChangeForm } from './forms/change-forms.ts';
// DV等支援措置: which of these persons a measure protects on a day (for the certificates' refusal), inside the caller's tenant transaction.
export { perpetratorsOf, personsUnderSupportMeasure } from './support-measures/support-measure.repository.ts';
export { checkSuppressions } from './suppressions/suppression.service.ts';
// The 住基ネット file adapter (the periodic sender in src/periodic-tasks.ts) and the demo 住民票コード allotment (tests).
export { createFileJukinetAdapter, type JukinetAdapter } from './jukinet/jukinet-adapter.ts';
export { createFileImmigrationAdapter, createFileImmigrationInbox, type ImmigrationAdapter } from './immigration/immigration-adapter.ts';
export { demoResidentCodeAllotment, residentCodeCheckDigit } from './numbers/my-number.ts';
// 仮登録 pending for a household or persons (certificates warn the clerk, issue #9), inside the caller's tenant transaction.
export { provisionalChangesAffecting, type PendingChangeRef } from './changes/pending-changes.repository.ts';

import { createAccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createMyNumberCipher } from './numbers/my-number-cipher.ts';
import { demoAddressFiles } from './addresses/demo-address-data.ts';
import { demoResidentCodeAllotment } from './numbers/my-number.ts';
import { japanToday as todayInJapan } from './registry.service.ts';
import { demoResidentCount, loadMyNumberKeys } from './registry.config.ts';
import { createRegistryRepository } from './registry.repository.ts';
import { createRegistryService } from './registry.service.ts';
import { createFileMoveOutInfoInbox } from './jukinet/move-out-info-inbox.ts';
import { createFileImmigrationInbox } from './immigration/immigration-adapter.ts';
import { createFileJlisInbox } from './cards/jlis-inbox.ts';
import { searchHistoryDays } from './search/search-criteria.ts';
import path from 'node:path';

/** Wires the registry service for the composition root (keys from the process environment, see registry.config.ts). */
export function createRegistry(db: Database, clock: Clock, env: Record<string, string | undefined> = process.env) {
  const inboxDir = path.resolve(env.JICHI_JUKINET_INBOX_DIR ?? path.join(env.JICHI_DATA_DIR ?? 'data', 'jukinet-inbox'));
  const service = createRegistryService({
    db, clock, registry: createRegistryRepository(), accessLog: createAccessLogRepository(), cipher: createMyNumberCipher(loadMyNumberKeys(env)),
    // 転出証明書情報 the 住基ネット file link delivers (特例転入): JICHI_JUKINET_INBOX_DIR, default <data>/jukinet-inbox.
    // 検索履歴 (spec §2.1.1): kept JICHI_SEARCH_HISTORY_DAYS days after its last use (default 30), then purged.
    searchHistoryDays: searchHistoryDays(env),
    moveOutInbox: createFileMoveOutInfoInbox(inboxDir),
    // The CS's 本人確認情報 extract for the periodic 整合性確認 (batch kind cs-consistency), same folder.
    jukinetInboxDir: inboxDir,
    // Notices from the 法務大臣 (住基法30条の50) the 入管 file link delivers: JICHI_IMMIGRATION_INBOX_DIR, default <data>/immigration-inbox.
    immigrationInbox: createFileImmigrationInbox(path.resolve(env.JICHI_IMMIGRATION_INBOX_DIR ?? path.join(env.JICHI_DATA_DIR ?? 'data', 'immigration-inbox'))),
  });
  return Object.assign(service, {
    /** J-LIS answers and notices the 住基ネット file link delivers (cards/jlis-inbox.ts), same folder as the 転出証明書情報. */
    receiveJlisInboxFromLink: () => service.receiveJlisInboxAll(createFileJlisInbox(inboxDir)),
    /** Seeds the demo residents (count from `JICHI_DEMO_RESIDENTS`); used by src/demo/demo-seed.ts. */
    seedDemo: async (municipalityCode: string) => {
      const files = demoAddressFiles(municipalityCode);
      if (files) await service.loadAddressMaster(municipalityCode, files, 'demo-seed');
      await service.loadResidentCodes(municipalityCode, demoResidentCodeAllotment(municipalityCode, 5000), todayInJapan(clock), 'demo-seed');
      return service.seedDemoResidents(municipalityCode, { persons: demoResidentCount(env) });
    },
  });
}
// For resident sign-in (identity): the one living person with the 基本4情報 the identity provider states.
export { matchResidentPerson, formatAddressLine, type FourAttributes, type MatchResult, type MatchedPerson } from './resident-match.ts';
// For the demo identity provider (src/demo/demo-idp.ts) and the tests: real demo persons with their 基本4情報.
export { demoIdentities, type DemoIdentity } from './demo/demo-identities.ts';
