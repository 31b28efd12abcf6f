import { EVENT_KINDS, type EventKind } from '../../../common/notifications.ts';
import type { Executor } from '../../db/client.ts';
import { serverSecret, signFields, verifyFields } from '../../lib/signed-links.ts';

/**
 * The one-click unsubscribe of an e-mail: its links carry the person and what stops — one kind of event
 * (an immediate e-mail), or every kind sent at a digest's cadence (a digest) — signed with the server's
 * key (lib/signed-links.ts). No expiry: a link in an old e-mail still stops what it names, and it can do
 * nothing else.
 */
export const UNSUBSCRIBE_PURPOSE = 'unsubscribe';

/** What a link stops: a kind of event, or a digest (its cadence). */
export type UnsubscribeScope = EventKind | 'daily' | 'weekly';
const isScope = (value: string): value is UnsubscribeScope =>
  value === 'daily' || value === 'weekly' || (EVENT_KINDS as readonly string[]).includes(value);

export async function unsubscribeToken(db: Executor, userId: string, scope: UnsubscribeScope) {
  return signFields(await serverSecret(db, UNSUBSCRIBE_PURPOSE), UNSUBSCRIBE_PURPOSE, [userId, scope]);
}

/** The person and scope of a token this server signed, or null. */
export async function readUnsubscribeToken(db: Executor, token: string) {
  const fields = verifyFields(await serverSecret(db, UNSUBSCRIBE_PURPOSE), UNSUBSCRIBE_PURPOSE, token);
  const [userId, scope, ...rest] = fields ?? [];
  if (!userId || !scope || rest.length > 0 || !isScope(scope)) return null;
  return { userId, scope };
}

/** The web page an e-mail's text links to (it asks for one click), and the address mail clients POST to (RFC 8058). */
export function unsubscribeLinks(publicUrl: string, token: string) {
  return {
    page: `${publicUrl}/desabonnement?jeton=${token}`,
    oneClick: `${publicUrl}/api/notifications/unsubscribe?token=${token}`,
  };
}
