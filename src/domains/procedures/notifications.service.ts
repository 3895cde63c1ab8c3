// SPDX-License-Identifier: EUPL-1.2
/**
 * E-mail notifications of online applications (issue #14). A resident gives an address and consents on マイページ;
 * the outbox (procedures.notification) is written in the transaction of each change (submission here, 補正 requests,
 * decisions and the daycare round's 決定 by database triggers, migration 0018). `sendAll` delivers due rows after
 * the commit: one SMTP message each, a fixed Message-ID, retried with backoff, `failed` after the last attempt.
 * The message names no person, no procedure and no decision: only that something changed, and a link.
 */
import { sql } from 'kysely';
import type { Resident } from '../../platform/auth/resident.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { withResident, withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { fail } from './procedures-errors.ts';
import { tables } from './procedures.tables.ts';

/** Attempts before a notification is given up (`failed`). */
export const MAX_ATTEMPTS = 8;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const EVENT_TEXT: Record<string, string> = {
  received: '電子申請を受け付けました。',
  'correction-requested': '電子申請について、補正（内容の確認・修正）のお願いがあります。',
  decided: '電子申請の審査が終わりました。',
  'daycare-decided': '保育所等の利用調整の結果が決定しました。',
};

/** The message of one notification: no personal data, only the link to the application's page. */
export function notificationMessage(municipalityName: string, event: string, link: string) {
  return {
    subject: `【${municipalityName}】電子申請のお知らせ`,
    text: [`${municipalityName}の電子申請からのお知らせです。`, '', EVENT_TEXT[event] ?? '電子申請の状況が変わりました。', '',
      '内容は次のページでご確認ください（ログインが必要です）。', link, '', 'このメールは送信専用です。心当たりのない場合は、このメールを破棄してください。'].join('\n'),
  };
}

/** Writes the notification of a change of an application's case, in the caller's transaction (consented residents only). */
export async function notifyCaseChangeIn(trx: TenantTx, m: string, caseId: string, event: 'received', key = '') {
  await sql`SELECT procedures.notify_case_change(${m}, ${caseId}::uuid, ${event}, ${key})`.execute(trx);
}

/** Creates the notifications service. */
export function createNotificationsService(deps: { db: Database; clock: Clock; municipalityName: (code: string) => Promise<string> }) {
  const { db, clock } = deps;

  async function sendIn(m: string, mailer: Mailer, publicUrl: string, max: number) {
    const name = await deps.municipalityName(m);
    let sent = 0;
    let failed = 0;
    await withTenant(db, m, async (trx) => {
      const due = await tables(trx).selectFrom('procedures.notification as n')
        .innerJoin('procedures.application as a', (j) => j.onRef('a.municipalityCode', '=', 'n.municipalityCode').onRef('a.applicationId', '=', 'n.applicationId'))
        .leftJoin('procedures.notificationContact as c', (j) => j.onRef('c.municipalityCode', '=', 'a.municipalityCode').onRef('c.residentId', '=', 'a.residentId'))
        .select(['n.notificationId', 'n.applicationId', 'n.event', 'n.attempts', 'c.email'])
        .where('n.status', '=', 'pending').where('n.nextAttemptAt', '<=', clock.now())
        .orderBy('n.createdAt').limit(max).forUpdate('n').skipLocked().execute();
      for (const n of due) {
        const q = tables(trx).updateTable('procedures.notification').where('notificationId', '=', n.notificationId);
        if (!n.email) { await q.set({ status: 'skipped' }).execute(); continue; } // consent withdrawn before sending
        const msg = notificationMessage(name, n.event, `${publicUrl}/portal/applications/${n.applicationId}`);
        try {
          await mailer.send({ to: n.email, ...msg, messageId: `<${n.notificationId}@jichi.notifications>` });
          await q.set({ status: 'sent', sentAt: clock.now(), attempts: n.attempts + 1, lastError: null }).execute();
          sent += 1;
        } catch (err) {
          const attempts = n.attempts + 1;
          // The error's class and SMTP code only (an SMTP reply may quote the address).
          const e = err as { code?: string; responseCode?: number; name?: string };
          const reason = [e.name, e.code, e.responseCode].filter(Boolean).join(' ').slice(0, 200) || 'error';
          await q.set({ attempts, lastError: reason, status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            nextAttemptAt: new Date(clock.now().getTime() + Math.min(2 ** attempts * 30_000, 6 * 3_600_000)) }).execute();
          failed += 1;
        }
      }
    });
    return { sent, failed };
  }

  return {
    /** The resident's notification address, or null (no e-mail). */
    contact: (r: Resident) => withResident(db, r, async (trx) =>
      (await tables(trx).selectFrom('procedures.notificationContact').select(['email', 'consentedAt']).where('residentId', '=', r.residentId).executeTakeFirst()) ?? null),

    /**
     * Sets the address with the resident's consent, or removes it (null): pending notifications are then skipped.
     * @throws ProcedureError 'email-invalid'
     */
    setContact: (r: Resident, email: string | null) => withResident(db, r, async (trx) => {
      if (email === null) {
        await tables(trx).deleteFrom('procedures.notificationContact').where('residentId', '=', r.residentId).execute();
        return null;
      }
      const e = email.trim();
      if (e.length > 254 || !EMAIL.test(e)) fail('email-invalid');
      const now = clock.now();
      await tables(trx).insertInto('procedures.notificationContact').values({ municipalityCode: r.municipalityCode, residentId: r.residentId, email: e, consentedAt: now })
        .onConflict((oc) => oc.columns(['municipalityCode', 'residentId']).doUpdateSet({ email: e, consentedAt: now })).execute();
      return { email: e, consentedAt: now };
    }),

    /** Sends the due notifications of every municipality (the periodic task). */
    async sendAll(mailer: Mailer, publicUrl: string, max = 200) {
      const due = (await sql<{ m: string }>`SELECT DISTINCT municipality_code AS m FROM procedures.notification WHERE status = 'pending' ORDER BY 1`.execute(db.owner)).rows.map((r) => r.m.trim());
      const results: Record<string, { sent: number; failed: number }> = {};
      for (const m of due) results[m] = await sendIn(m, mailer, publicUrl, max);
      return results;
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
