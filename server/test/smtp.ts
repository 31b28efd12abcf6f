import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { type Agent, createTestContext, type TestContext } from './harness.ts';

/**
 * A real SMTP server in the test process (smtp-server): it accepts every message on a free port of
 * this machine and keeps it parsed (mailparser), so that tests read what was handed to SMTP.
 */
export async function startSmtpServer() {
  const received: ParsedMail[] = [];
  /** Recipients whose RCPT TO gets no answer (the sender waits, mid-transaction), and who waits for it. */
  const held = new Map<string, () => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const reached = held.get(address.address.toLowerCase());
      if (reached) reached();
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A sender that dies mid-transaction resets its connection: expected here, not a failure of the test.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Mails sent to this address. */
    to: (address: string) => received.filter((mail) => mail.to && JSON.stringify(mail.to).includes(address)),
    /**
     * From now on, a message to this address is held at RCPT TO, never answered: its sender is caught in
     * the middle of sending, and nothing is received. Resolves when a sender reaches that point.
     */
    holdFor: (address: string) =>
      new Promise<void>((resolve) => {
        held.set(address.toLowerCase(), resolve);
      }),
    /** Messages to this address are accepted again (those held before are not: their senders gave up). */
    release: (address: string) => held.delete(address.toLowerCase()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/**
 * For a test file about e-mail: an SMTP server in the test process and an application that sends to it
 * (links under https://mutualis.example), started before the file's tests and closed after them.
 */
export function withSmtpServer() {
  const env = {} as { t: TestContext; smtp: SmtpServer };
  beforeAll(async () => {
    env.smtp = await startSmtpServer();
    env.t = await createTestContext({ smtpUrl: env.smtp.url, publicUrl: 'https://mutualis.example' });
  }, 60_000);
  afterAll(async () => {
    await env.t?.close();
    await env.smtp?.close();
  });
  return env;
}

/** The e-mail address of a signed-in agent. */
export const emailOf = async (agent: Agent) => (await agent.get('/api/me')).json().user.email as string;
