import { mentionedHandles, type PortalEvent, type RecipientReason } from '../../../common/notifications.ts';
import type { Executor } from '../../db/client.ts';
import {
  followersOfTarget,
  keepRecipients,
  OFFICE_ROLES,
  peopleByHandle,
  peopleOfOffices,
} from './recipients.queries.ts';

/**
 * Who hears of an event, each with one reason, in order of precedence: the parties it names (the sponsor
 * for a request, the holder for an offer), the designer office of an application (usages, versions), the
 * people it mentions (`@prenom.nom`), the followers of its thread. Never the actor; never someone who
 * muted the thread; only active accounts.
 */
export async function recipientsOf(db: Executor, event: PortalEvent) {
  const candidates: { userId: string; reason: RecipientReason }[] = [];
  const add = (userIds: string[], reason: RecipientReason) => {
    for (const userId of userIds) candidates.push({ userId, reason });
  };
  add(event.parties?.userIds ?? [], 'party');
  add(
    await peopleOfOffices(db, event.parties?.organisationIds ?? [], event.parties?.roles ?? OFFICE_ROLES),
    'party',
  );
  if (event.designerOrganisationId)
    add(await peopleOfOffices(db, [event.designerOrganisationId], OFFICE_ROLES), 'designer');
  if (event.mentionText) add(await peopleByHandle(db, mentionedHandles(event.mentionText)), 'mention');
  if (!event.onlyMentioned) add(await followersOfTarget(db, event.target), 'follower');
  return keepRecipients(db, candidates, event.actorId, event.target);
}
