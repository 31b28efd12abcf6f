import { excerpt, mentionedHandles } from '../../../common/notifications.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { officeNames } from '../../lib/lifecycle.queries.ts';
import { emitEvent } from './events.ts';
import { followAutomatically } from './recipients.queries.ts';

/**
 * The events of the catalogue and of projects, one function each, called by their services in the
 * transaction of the change (one line there). Who is a party of each is said here.
 */

type Project = { id: string; title: string; holderOrganisationId: string };
const projectTarget = (p: Project) => ({ type: 'project' as const, id: p.id, label: p.title });
/** Those who act for an office on a project: its developers and director. */
const PROJECT_ROLES = ['developer', 'officeDirector'];

async function nameOf(ctx: ServiceContext, organisationId: string) {
  return (await officeNames(ctx.db, [organisationId])).get(organisationId) ?? '';
}

export function projectTransitioned(ctx: ServiceContext, project: Project, to: string) {
  return emitEvent(ctx, { kind: 'project.transitioned', target: projectTarget(project), params: { to } });
}

/** The sponsors of the directorate asked hear of the request. */
export async function sponsorshipRequested(ctx: ServiceContext, project: Project, directorateId: string) {
  await emitEvent(ctx, {
    kind: 'sponsorship.requested',
    target: projectTarget(project),
    params: { directorate: await nameOf(ctx, directorateId) },
    parties: { organisationIds: [directorateId], roles: ['sponsor'] },
  });
}

/** The person who asked, and the holder office, hear of the decision. */
export async function sponsorshipDecided(
  ctx: ServiceContext,
  project: Project,
  request: { directorateId: string; requestedBy: string | null },
  decision: string,
) {
  await emitEvent(ctx, {
    kind: 'sponsorship.decided',
    target: projectTarget(project),
    params: { directorate: await nameOf(ctx, request.directorateId), decision },
    parties: {
      userIds: request.requestedBy ? [request.requestedBy] : [],
      organisationIds: [project.holderOrganisationId],
      roles: PROJECT_ROLES,
    },
  });
}

/** The holder office hears of an offer. */
export async function offerMade(
  ctx: ServiceContext,
  project: Project,
  offer: { organisationId: string; kind: string },
) {
  await emitEvent(ctx, {
    kind: 'offer.made',
    target: projectTarget(project),
    params: { office: await nameOf(ctx, offer.organisationId), offerKind: offer.kind },
    parties: { organisationIds: [project.holderOrganisationId], roles: PROJECT_ROLES },
  });
}

/** The person who offered, and their office, hear of the answer. */
export async function offerDecided(
  ctx: ServiceContext,
  project: Project,
  offer: { organisationId: string; kind: string; offeredBy: string | null },
  decision: string,
) {
  await emitEvent(ctx, {
    kind: 'offer.decided',
    target: projectTarget(project),
    params: { office: await nameOf(ctx, offer.organisationId), offerKind: offer.kind, decision },
    parties: {
      userIds: offer.offeredBy ? [offer.offeredBy] : [],
      organisationIds: [offer.organisationId],
      roles: PROJECT_ROLES,
    },
  });
}

/** Followers hear of a comment, and the people it mentions (`@prenom.nom`). */
export function commentAdded(ctx: ServiceContext, project: Project, body: string) {
  return emitEvent(ctx, {
    kind: 'comment.added',
    target: projectTarget(project),
    params: { excerpt: excerpt(body) },
    mentionText: body,
  });
}

/** Mentions a text has that an earlier text of it did not, as a text to read them in. */
function newMentions(before: string, after: string) {
  const mentionedBefore = new Set(mentionedHandles(before));
  return mentionedHandles(after)
    .filter((h) => !mentionedBefore.has(h))
    .map((h) => `@${h}`)
    .join(' ');
}

/** Only the people an edited comment mentions for the first time hear of it: the followers read it already. */
export async function commentEdited(ctx: ServiceContext, project: Project, before: string, body: string) {
  const mentionText = newMentions(before, body);
  if (!mentionText) return;
  await emitEvent(ctx, {
    kind: 'comment.added',
    target: projectTarget(project),
    params: { excerpt: excerpt(body) },
    mentionText,
    onlyMentioned: true,
  });
}

/**
 * Followers hear that a project changed, and so do the people its description now mentions; a new
 * project (`before` null) tells only the people its description mentions.
 */
export async function projectUpdated(
  ctx: ServiceContext,
  project: Project,
  before: string | null,
  description: string,
) {
  const mentionText = newMentions(before ?? '', description);
  if (before === null && !mentionText) return;
  await emitEvent(ctx, {
    kind: 'project.updated',
    target: projectTarget(project),
    params: before === null ? { created: 'true' } : {},
    mentionText,
    onlyMentioned: before === null,
  });
}

type Application = { id: string; name: string; designerOrganisationId: string; description: string };
const applicationTarget = (a: Application) => ({ type: 'application' as const, id: a.id, label: a.name });

/**
 * A sheet written by hand: its author follows a new one; an update is heard by its followers (and by
 * the people its description now mentions that it did not before), a version number it did not have
 * before by its designer office.
 */
export async function applicationWritten(
  ctx: ServiceContext,
  application: Application,
  before: { versions: string[]; description: string } | null,
  versions: string[],
) {
  const target = applicationTarget(application);
  if (before === null) {
    if (ctx.actor) await followAutomatically(ctx.db, ctx.actor.userId, target);
    const mentionText = newMentions('', application.description);
    if (mentionText)
      await emitEvent(ctx, {
        kind: 'application.updated',
        target,
        params: { created: 'true' },
        mentionText,
        onlyMentioned: true,
      });
    return;
  }
  await emitEvent(ctx, {
    kind: 'application.updated',
    target,
    params: {},
    mentionText: newMentions(before.description, application.description),
  });
  const known = new Set(before.versions);
  for (const version of versions.filter((v) => !known.has(v)))
    await emitEvent(ctx, {
      kind: 'application.version.released',
      target,
      params: { version },
      designerOrganisationId: application.designerOrganisationId,
    });
}

/** The designer office hears that another office uses its application. */
export async function usageDeclared(ctx: ServiceContext, application: Application, organisationId: string) {
  await emitEvent(ctx, {
    kind: 'usage.declared',
    target: applicationTarget(application),
    params: { office: await nameOf(ctx, organisationId) },
    designerOrganisationId: application.designerOrganisationId,
  });
}
