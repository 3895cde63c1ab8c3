// E-mail notifications of online applications (issue #14) through a real SMTP server (smtp-server, in process): the
// outbox row is written in the transaction of the change (submission, 補正 request, decision), only for a resident who
// consented; the sender delivers each once with a fixed Message-ID, retries with backoff when the server is down,
// skips after consent is withdrawn; the message carries no personal data, only a link.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { startSmtpSink } from '../../../test/smtp-sink.ts';
import { createSmtpMailer } from '../../platform/mail/mailer.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { japanToday } from '../registry/index.ts';
import { shiftDays } from '../cases/business-days.ts';
import { enterHousehold, type FixturePerson } from '../cases/testing/case-fixtures.ts';
import { residentOf } from './testing/residents.ts';

const M = '202151';
const ctx = { clientIp: '127.0.0.1', requestId: 'test' };
const PUBLIC = 'https://portal.example.lg.jp';

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try { await p; } catch (e) { if (e instanceof DomainError) return e; throw e; }
  throw new Error('expected a refusal');
}

describe('e-mail notifications of online applications', () => {
  const t = useTestApp();
  let family: FixturePerson[];
  let other: FixturePerson[];
  let staff: Client;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const rows = async () => (await sql<{ event: string; status: string; attempts: number; lastError: string | null; applicationId: string }>`
    select event, status, attempts, last_error, application_id::text from procedures.notification order by created_at, event`.execute(t.services.db.owner)).rows;

  beforeAll(async () => {
    await t.tenant(M);
    const today = japanToday(t.services.clock);
    family = await enterHousehold(t.services, M, { banchi: '710番地', familyName: '深沢', movedInOn: shiftDays(today, -400), members: [{ givenName: '美咲', birthDate: '1988-03-03', relationship: '世帯主' }] });
    other = await enterHousehold(t.services, M, { banchi: '720番地', familyName: '百瀬', movedInOn: shiftDays(today, -400), members: [{ givenName: '健', birthDate: '1979-07-07', relationship: '世帯主' }] });
    staff = await t.login(M, (await t.staff(M, ['reviewer', 'counter', 'approver'])).loginId);
    smtp = await startSmtpSink();
  });
  afterAll(async () => { await smtp?.close(); });

  const apply = async (person: FixturePerson) => {
    const r = residentOf(M, person);
    const p = t.services.procedures;
    const { applicationId } = await p.start(r, 'seal-certificate', ctx);
    await p.savePage(r, applicationId, 'applicant', { 'applicant.familyName': [person.familyName], 'applicant.givenName': [person.givenName], 'applicant.familyNameKana': ['フカサワ'],
      'applicant.givenNameKana': ['ミサキ'], 'applicant.birthDate': [person.birthDate], 'applicant.phone': ['0263-52-0280'] });
    await p.savePage(r, applicationId, 'seal', { sealRegistrationNo: ['12345'], copies: ['1'] });
    const { caseId } = await p.submit(r, applicationId, ctx);
    return { r, applicationId, caseId };
  };

  it('refuses a malformed address and stores nothing', async () => {
    const r = residentOf(M, family[0]!);
    expect((await refusal(t.services.notifications.setContact(r, 'not-an-address'))).code).toBe('email-invalid');
    expect((await refusal(t.services.notifications.setContact(r, 'a@b.jp\nBcc: x@y.jp'))).code).toBe('email-invalid');
    expect(await t.services.notifications.contact(r)).toBeNull();
  });

  it('writes nothing for a resident who did not consent', async () => {
    await apply(other[0]!);
    expect(await rows()).toEqual([]);
  });

  it('sends received, 補正 and decided once each through SMTP, with no personal data beyond a link', async () => {
    const n = t.services.notifications;
    await n.setContact(residentOf(M, family[0]!), ' misaki@example.jp ');
    expect(await n.contact(residentOf(M, family[0]!))).toMatchObject({ email: 'misaki@example.jp' });
    const { applicationId, caseId } = await apply(family[0]!);
    // The submission wrote its row in its own transaction.
    expect((await rows()).filter((x) => x.applicationId === applicationId).map((x) => x.event)).toEqual(['received']);
    expect((await staff.request('POST', `/api/v1/cases/${caseId}/corrections`, { message: '印鑑登録番号をご確認ください' })).status).toBe(201);
    expect((await rows()).map((x) => `${x.event}:${x.status}`)).toEqual(['received:pending', 'correction-requested:pending']);

    const mailer = createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'no-reply@city.shiojiri.example.jp');
    expect(await n.sendAll(mailer, PUBLIC)).toEqual({ [M]: { sent: 2, failed: 0 } });
    expect(smtp.received).toHaveLength(2);
    for (const m of smtp.received) {
      expect(m.to).toEqual(['misaki@example.jp']);
      const text = m.text;
      expect(text).toContain(`${PUBLIC}/portal/applications/${applicationId}`);
      expect(text).toContain('塩尻市');
      for (const personal of ['深沢', '美咲', 'フカサワ', '1988', '12345', '印鑑', '印鑑登録番号をご確認ください']) expect(m.raw + m.text).not.toContain(personal);
      expect(m.raw).toMatch(/Message-ID: <[0-9a-f-]{36}@jichi\.notifications>/i);
    }
    expect(smtp.received[1]!.text).toContain('補正');
    // Sent rows are not sent again.
    expect(await n.sendAll(mailer, PUBLIC)).toEqual({});
    expect(smtp.received).toHaveLength(2);
    mailer.close();
  });

  it('retries with backoff when the SMTP server is down, then delivers; a decision writes its row with the decision', async () => {
    const n = t.services.notifications;
    const r = residentOf(M, family[0]!);
    const { caseId } = await apply(family[0]!);
    const down = createSmtpMailer('smtp://127.0.0.1:9', 'no-reply@city.shiojiri.example.jp');
    expect(await n.sendAll(down, PUBLIC)).toEqual({ [M]: { sent: 0, failed: 1 } });
    const failed = (await rows()).find((x) => x.status === 'pending')!;
    expect(failed).toMatchObject({ event: 'received', attempts: 1 });
    expect(failed.lastError).not.toContain('@');
    // Not due yet: nothing is tried.
    expect(await n.sendAll(down, PUBLIC)).toEqual({ [M]: { sent: 0, failed: 0 } });
    await sql`update procedures.notification set next_attempt_at = now() - interval '1 second' where status = 'pending'`.execute(t.services.db.owner);
    const up = createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'no-reply@city.shiojiri.example.jp');
    expect(await n.sendAll(up, PUBLIC)).toEqual({ [M]: { sent: 1, failed: 0 } });
    expect((await staff.request('POST', `/api/v1/cases/${caseId}/decisions`, { outcome: 'rejected', reasons: '登録が確認できません' })).status).toBe(201);
    expect((await rows()).at(-1)).toMatchObject({ event: 'decided', status: 'pending' });
    // Consent withdrawn before sending: skipped, never sent.
    await n.setContact(r, null);
    const before = smtp.received.length;
    await n.sendAll(up, PUBLIC);
    expect(smtp.received).toHaveLength(before);
    expect((await rows()).at(-1)).toMatchObject({ event: 'decided', status: 'skipped' });
    up.close();
  });
});
