// SPDX-License-Identifier: EUPL-1.2
/**
 * Every periodic task of the platform, in one list (run by src/platform/jobs/scheduler.ts): case deadlines and
 * reviews every minute, the intake of the internet side's submissions every minute, the registry's 住基ネット outbox and residents' e-mail notifications every minute, the purge of expired idempotency keys and the signed
 * access-log checkpoint every hour, the insights' daily aggregates at 03:41 Japan time.
 */
import type { Config } from './platform/config.ts';
import type { PeriodicTask } from './platform/jobs/scheduler.ts';
import { IDEMPOTENCY_KEEP_MS } from './platform/http/idempotency.ts';
import { purgeExpiredKeys } from './platform/http/idempotency.repository.ts';
import { checkpointKey, signCheckpoint, writeCheckpointFile } from './platform/audit/checkpoint.ts';
import type { Services } from './services.ts';
import { createFileImmigrationAdapter, createFileJukinetAdapter } from './domains/registry/index.ts';
import { createSmtpMailer } from './platform/mail/mailer.ts';

/** Writes a signed checkpoint of the verified heads; refuses (throws) when the chain is broken. */
export async function writeAuditCheckpoint(services: Services, dir: string, now = services.clock.now()): Promise<string> {
  const r = await services.audit.verify();
  if (r.breaks.length > 0) throw new Error(`access log chain has ${r.breaks.length} breaks; no checkpoint written`);
  return writeCheckpointFile(dir, signCheckpoint(r.heads, checkpointKey().key, now));
}

/** The platform's periodic tasks. */
export function periodicTasks(services: Services, config: Pick<Config, 'auditCheckpointDir'> & Partial<Pick<Config, 'jukinetDir' | 'immigrationDir' | 'smtp' | 'publicUrl'>>): PeriodicTask[] {
  const jukinet = config.jukinetDir ? createFileJukinetAdapter(config.jukinetDir) : null;
  const immigration = config.immigrationDir ? createFileImmigrationAdapter(config.immigrationDir) : null;
  const mailer = config.smtp ? createSmtpMailer(config.smtp.url, config.smtp.from) : null;
  return [
    // Residents' e-mail notifications: the outbox written with each status change, sent after the commit, retried.
    ...(mailer && config.publicUrl ? [{ name: 'procedures_notify', cron: '* * * * *', everyMs: 10_000, run: () => services.notifications.sendAll(mailer, config.publicUrl!) }] : []),
    // 住基ネット: the registry's outbox, in order, for every municipality in automatic mode (manual mode: jichi registry jukinet send).
    ...(jukinet ? [{ name: 'registry_jukinet_send', cron: '* * * * *', everyMs: 15_000, run: () => services.registry.sendJukinetAll(jukinet) }] : []),
    // 入管: the 市町村通知 outbox in order (入管法61条の8の2), and the 法務大臣's notices taken in from the file link (住基法30条の50).
    ...(immigration ? [{ name: 'registry_immigration_send', cron: '* * * * *', everyMs: 15_000, run: () => services.registry.sendImmigrationAll(immigration) }] : []),
    { name: 'registry_immigration_receive', cron: '*/5 * * * *', everyMs: 300_000, run: () => services.registry.receiveImmigrationNoticesAll() },
    // J-LIS (個人番号の変更請求, 符号取得, 送付先情報) through the same link, after the registry's messages; then the answers
    // and card/JPKI notices the link delivered (JICHI_JUKINET_INBOX_DIR), each file applied once.
    ...(jukinet ? [{ name: 'registry_jlis_link', cron: '* * * * *', everyMs: 30_000, run: async () => ({
      sent: await services.registry.sendJlisRequestsAll(jukinet), received: await services.registry.receiveJlisInboxFromLink() }) }] : []),
    // Registry batch runs (年報, 入管への報告, 閲覧用写し, 無作為抽出) requested by staff: queued, run here in order.
    { name: 'registry_batch_runs', cron: '* * * * *', everyMs: 10_000, run: () => services.registry.runBatches() },
    // The internet side's inbox (docs/deployment.md): a case for each application submitted there, its 補正 answers
    // recorded on the case, the daycare result written for the portal.
    { name: 'procedures_intake', cron: '* * * * *', everyMs: 5_000, run: () => services.proceduresIntake.runAll() },
    // 検索履歴 (spec §2.1.1): entries not used for the retention period (JICHI_SEARCH_HISTORY_DAYS) are deleted.
    { name: 'registry_search_history_purge', cron: '17 * * * *', everyMs: 3_600_000, run: () => services.registry.purgeSearchHistory() },
    // Case jobs (automatic review, effects, deadline alerts); submissions also drain them right after their commit.
    { name: 'cases_tick', cron: '* * * * *', everyMs: 5_000, run: () => services.cases.tick() },
    { name: 'idempotency_purge', cron: '23 * * * *', everyMs: 3_600_000,
      run: () => purgeExpiredKeys(services.db.owner, new Date(services.clock.now().getTime() - IDEMPOTENCY_KEEP_MS)) },
    // 見える化: the daily aggregates (previous and current month), the peers and the survey results.
    { name: 'insights_refresh', cron: '41 18 * * *', everyMs: 86_400_000, run: () => services.insights.refresh() },
    // TOTP secrets at rest (spec §10.3): any kept as text before sealing, or under a rotated-out key, sealed again.
    // Roles changes booked for a day (spec §10.3): applied from 00:00 Japan time on that day.
    { name: 'identity_staff_changes', cron: '* * * * *', everyMs: 60_000, run: async () => { await services.staffChanges.applyDue(); } },
    { name: 'identity_totp_seal', cron: '29 * * * *', everyMs: 3_600_000, run: async () => { await services.identity.sealTotpSecrets(); } },
    { name: 'audit_checkpoint', cron: '7 * * * *', everyMs: 3_600_000, run: () => writeAuditCheckpoint(services, config.auditCheckpointDir) },
  ];
}
