import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../integrations/mail.ts';
import type { OutboxHandler } from '../../jobs/outbox.ts';
import { EMAIL_TOPIC } from './notifications.fanout.ts';
import {
  enqueueMany,
  findNotificationsForMail,
  markEmailed,
  pendingDigest,
} from './notifications.queries.ts';
import { renderDigest, renderImmediate } from './notifications.templates.ts';
import { unsubscribeLinks, unsubscribeToken } from './unsubscribe.ts';

export type DigestCadence = 'daily' | 'weekly';
export const DIGEST_JOBS: Record<DigestCadence, { name: string; cron: string }> = {
  // 06:00 UTC: before the working day in France; the weekly one on Mondays.
  daily: { name: 'notification-digest-daily', cron: '0 6 * * *' },
  weekly: { name: 'notification-digest-weekly', cron: '0 6 * * 1' },
};

interface EmailPayload {
  notificationIds: string[];
  digest?: DigestCadence;
}

/**
 * The outbox handler of `notification.email`: renders and hands one e-mail to SMTP (or the log). It
 * runs in the transaction that marks the message delivered, so a crash before that commit sends it
 * again at the next run, and a committed one is never sent twice; the Message-ID names the outbox
 * message, so that the rare copy of a crash between SMTP's answer and the commit can be recognised.
 */
export function mailHandler(mailer: Mailer, publicUrl: string): OutboxHandler {
  return async (ctx, message) => {
    const payload = message.payload as unknown as EmailPayload;
    const rows = await findNotificationsForMail(ctx.db, payload.notificationIds);
    const first = rows[0];
    if (!first) return; // the account and its notifications were deleted meanwhile
    const links = unsubscribeLinks(
      publicUrl,
      await unsubscribeToken(ctx.db, first.userId, payload.digest ?? first.kind),
    );
    const mail = payload.digest
      ? renderDigest(rows, payload.digest, publicUrl, links.page)
      : renderImmediate(first, publicUrl, links.page);
    await mailer.send({
      to: first.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<outbox-${message.id}@mutualis>`,
      // One-click unsubscribe from the mail client itself (RFC 8058): a POST to this address.
      headers: {
        'List-Unsubscribe': `<${links.oneClick}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  };
}

/**
 * The scheduled digest: for each person with notifications waiting at this cadence, one e-mail job
 * with all of them, and the notifications marked as handed over — in one transaction, so a digest is
 * neither lost nor made twice. Returns how many digests were queued.
 */
export async function enqueueDigests(
  deps: { db: Database; log: FastifyBaseLogger },
  cadence: DigestCadence,
  now: Date,
) {
  return deps.db.transaction(async (tx) => {
    const byUser = await pendingDigest(tx, cadence, now);
    await enqueueMany(
      tx,
      EMAIL_TOPIC,
      [...byUser.values()].map((notificationIds) => ({ notificationIds, digest: cadence })),
      null,
    );
    await markEmailed(tx, [...byUser.values()].flat(), now);
    if (byUser.size > 0) deps.log.info({ cadence, digests: byUser.size }, 'notification digests queued');
    return byUser.size;
  });
}
