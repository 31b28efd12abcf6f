import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox message, so that a receiver can drop a copy sent twice after a crash. */
  messageId: string;
  headers?: Record<string, string>;
}

/** Outgoing e-mail: SMTP when `MUTUALIS_SMTP_URL` is set, else the log (a development instance). */
export interface Mailer {
  readonly mode: 'smtp' | 'log';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  log: FastifyBaseLogger;
}): Mailer {
  if (!options.smtpUrl) {
    return {
      mode: 'log',
      async send(message) {
        options.log.info(
          {
            mail: { to: message.to, subject: message.subject, messageId: message.messageId },
            text: message.text,
          },
          'e-mail not sent (no MUTUALIS_SMTP_URL): written to the log',
        );
      },
      close: () => undefined,
    };
  }
  // Pooled: the e-mails of a fan-out reuse a few connections instead of opening one each (bench/README.md).
  const url = new URL(options.smtpUrl);
  url.searchParams.set('pool', 'true');
  const transport = nodemailer.createTransport(url.toString());
  return {
    mode: 'smtp',
    async send(message) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: message.headers,
      });
    },
    close: () => transport.close(),
  };
}
