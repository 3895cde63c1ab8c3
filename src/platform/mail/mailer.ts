// SPDX-License-Identifier: EUPL-1.2
/**
 * Sends e-mail through an SMTP server (nodemailer). The URL names the server (`smtp://host:port`, `smtps://user:pass@host`);
 * a fixed Message-ID per message lets a receiver recognise a message sent again after a retry.
 */
import nodemailer from 'nodemailer';

/** One plain-text message. */
export interface MailMessage { to: string; subject: string; text: string; messageId: string }

/** Something that sends mail. */
export interface Mailer { send(message: MailMessage): Promise<void>; close(): void }

/** A mailer over SMTP at `url`, sending from `from`. */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
    },
    close: () => transport.close(),
  };
}
