import { PROPOSAL_STATE_LABELS } from './calls/proposals.ts';
import { CALL_STATE_LABELS } from './calls/vocabulary.ts';
import { REGISTRATION_STATUS_LABELS } from './community/training.ts';
import { REFERENT_APPLICATION_STATE_LABELS } from './community/vocabulary.ts';
import { REGION_LABELS } from './organisations.ts';
import { OFFER_KIND_LABELS, PROJECT_PHASE_LABELS } from './projects.ts';
import { DEPLOYMENT_STATE_LABELS } from './store/vocabulary.ts';
import { TICKET_STATE_LABELS } from './support/vocabulary.ts';
import { withoutAccents } from './text.ts';

/**
 * The event vocabulary of the portal: what happened, said once for the server (who hears it, which
 * e-mail goes out) and the web (how a notification reads, how it is filtered). A module emits an event
 * in the transaction of its change; later modules add their kinds here.
 */
export const EVENT_KINDS = [
  'project.transitioned',
  'sponsorship.requested',
  'sponsorship.decided',
  'offer.made',
  'offer.decided',
  'comment.added',
  'application.updated',
  'usage.declared',
  'application.version.released',
  'deploymentRequest.transitioned',
  'call.transitioned',
  'call.questionAsked',
  'call.questionAnswered',
  'project.updated',
  'proposal.transitioned',
  'proposal.partnerInvited',
  'boardItem.decided',
  'referentApplication.submitted',
  'referentApplication.transitioned',
  'training.registrationChanged',
  'trainingSession.transitioned',
  'supportTicket.opened',
  'supportTicket.transitioned',
  'supportTicket.messageAdded',
  'hostingBudget.thresholdReached',
  'club.postPublished',
  'club.meetingScheduled',
  'clubWish.answered',
  'accessibilityReport.received',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What can be followed (and muted): the thread an event belongs to. */
export const FOLLOW_TARGETS = [
  'project',
  'application',
  'deploymentRequest',
  'call',
  'proposal',
  'boardItem',
  'referentApplication',
  'trainingSession',
  'supportTicket',
  'hostingBudget',
  'club',
  'accessibilityReport',
] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];
/** Threads anyone may follow by hand; the others (a ticket, an application to become referent) are followed by their parties only. */
export const OPEN_FOLLOW_TARGETS: readonly FollowTarget[] = [
  'project',
  'application',
  'deploymentRequest',
  'call',
  'boardItem',
  'club',
];

/** How often a person wants e-mail for a kind of event; in-app notifications are always written. */
export const EMAIL_CADENCES = ['immediate', 'daily', 'weekly', 'never'] as const;
export type EmailCadence = (typeof EMAIL_CADENCES)[number];
export const DEFAULT_CADENCE: EmailCadence = 'immediate';

/** Why someone hears of an event (the first that applies is kept). */
export const RECIPIENT_REASONS = ['party', 'designer', 'mention', 'follower'] as const;
export type RecipientReason = (typeof RECIPIENT_REASONS)[number];

/** What an event carries: enough to word the notification without reading the database again. */
export interface PortalEvent {
  kind: EventKind;
  /** Who acted (never notified of their own action); null when the platform acted. */
  actorId: string | null;
  /** The thread: followers and mutes are by target. */
  target: { type: FollowTarget; id: string; label: string };
  /** Words of the notification: a state, a decision, an excerpt… (all strings). */
  params: Record<string, string>;
  /** People the event names directly: a request's sponsor office, an offer's office… */
  parties?: { userIds?: string[]; organisationIds?: string[]; roles?: string[] };
  /** The designer office of an application (usages and new versions are for it). */
  designerOrganisationId?: string;
  /** Text in which `@prenom.nom` mentions are looked for. */
  mentionText?: string;
  /** Only the people mentioned hear it (an edited comment: its followers read it already). */
  onlyMentioned?: boolean;
}

export const EVENT_KIND_LABELS: Record<EventKind, { fr: string; en: string }> = {
  'project.transitioned': { fr: 'Un projet change de phase', en: 'A project changes phase' },
  'sponsorship.requested': { fr: 'Demande de sponsor', en: 'Sponsorship request' },
  'sponsorship.decided': { fr: 'Décision sur une demande de sponsor', en: 'Sponsorship decision' },
  'offer.made': { fr: 'Proposition de contribution', en: 'Offer to contribute' },
  'offer.decided': { fr: 'Réponse à une proposition', en: 'Answer to an offer' },
  'comment.added': { fr: 'Nouveau commentaire', en: 'New comment' },
  'application.updated': { fr: 'Fiche d’application modifiée', en: 'Application sheet updated' },
  'usage.declared': { fr: 'Utilisation déclarée', en: 'Usage declared' },
  'application.version.released': { fr: 'Nouvelle version publiée', en: 'New version released' },
  'deploymentRequest.transitioned': {
    fr: 'Une demande de mise à disposition avance',
    en: 'A deployment request moves on',
  },
  'call.transitioned': { fr: 'Un appel à projets change d’état', en: 'A call for projects changes state' },
  'call.questionAsked': { fr: 'Question sur un appel à projets', en: 'Question on a call for projects' },
  'call.questionAnswered': {
    fr: 'Réponse à une question sur un appel',
    en: 'Answer to a question on a call',
  },
  'project.updated': { fr: 'Fiche projet modifiée', en: 'Project updated' },
  'proposal.transitioned': {
    fr: 'Une proposition à un appel change d’état',
    en: 'A proposal to a call changes state',
  },
  'proposal.partnerInvited': {
    fr: 'Invitation à participer à une proposition',
    en: 'Invitation to take part in a proposal',
  },
  'boardItem.decided': { fr: 'Décision de l’instance de gouvernance', en: 'Governance board decision' },
  'referentApplication.submitted': {
    fr: 'Candidature de référent régional déposée',
    en: 'Application to become regional referent',
  },
  'referentApplication.transitioned': {
    fr: 'Décision sur une candidature de référent',
    en: 'Decision on a referent application',
  },
  'training.registrationChanged': {
    fr: 'Une demande de formation avance',
    en: 'A training request moves on',
  },
  'trainingSession.transitioned': {
    fr: 'Une session de formation est close ou annulée',
    en: 'A training session is completed or cancelled',
  },
  'supportTicket.opened': { fr: 'Nouveau ticket de support', en: 'New support ticket' },
  'supportTicket.transitioned': { fr: 'Un ticket de support avance', en: 'A support ticket moves on' },
  'supportTicket.messageAdded': {
    fr: 'Message dans un ticket de support',
    en: 'Message in a support ticket',
  },
  'hostingBudget.thresholdReached': {
    fr: 'Budget d’hébergement AM Cloud atteint à 80 % ou 100 %',
    en: 'AM Cloud hosting budget 80 % or 100 % used',
  },
  'club.postPublished': { fr: 'Actualité d’un club utilisateurs', en: 'User club news' },
  'club.meetingScheduled': { fr: 'Réunion d’un club utilisateurs', en: 'User club meeting' },
  'clubWish.answered': {
    fr: 'Réponse du concepteur à une évolution souhaitée',
    en: 'The designer’s answer to a wished evolution',
  },
  'accessibilityReport.received': {
    fr: 'Signalement d’un problème d’accessibilité',
    en: 'Accessibility problem reported',
  },
};

export type Language = 'fr' | 'en';

/** What a sentence is built from: the event's params, the thread's label and who acted. */
export interface SentenceValues {
  params: Record<string, string>;
  target: string;
  actor: string | null;
}

const decided = (decision: string | undefined, language: Language) =>
  language === 'fr'
    ? decision === 'accepted'
      ? 'accepté'
      : 'refusé'
    : decision === 'accepted'
      ? 'accepted'
      : 'declined';
const label = (
  labels: Record<string, { fr: string; en: string }>,
  code: string | undefined,
  language: Language,
) => (code && labels[code]?.[language]) ?? code ?? '';
const regionName = (code: string | undefined) =>
  (code && REGION_LABELS[code as keyof typeof REGION_LABELS]) ?? code ?? '';
/** The platform itself when nobody acted (a scheduled transition). */
const someone = (actor: string | null, _language: Language) => actor ?? 'Mutualis';

/** One sentence per kind and language: how a notification, its e-mail and a digest's line read. */
export const EVENT_SENTENCES: Record<EventKind, (v: SentenceValues, language: Language) => string> = {
  'project.transitioned': ({ params, target, actor }, l) =>
    l === 'fr'
      ? `${someone(actor, l)} a fait passer le projet « ${target} » en phase « ${label(PROJECT_PHASE_LABELS, params.to, l)} ».`
      : `${someone(actor, l)} moved the project “${target}” to the phase “${label(PROJECT_PHASE_LABELS, params.to, l)}”.`,
  'sponsorship.requested': ({ params, target, actor }, l) =>
    l === 'fr'
      ? `${someone(actor, l)} demande à ${params.directorate} de sponsoriser le projet « ${target} ».`
      : `${someone(actor, l)} asks ${params.directorate} to sponsor the project “${target}”.`,
  'sponsorship.decided': ({ params, target }, l) =>
    l === 'fr'
      ? `${params.directorate} a ${decided(params.decision, l)} la demande de sponsor du projet « ${target} ».`
      : `${params.directorate} ${decided(params.decision, l)} the sponsorship request of the project “${target}”.`,
  'offer.made': ({ params, target }, l) =>
    l === 'fr'
      ? `${params.office} propose sa contribution (${label(OFFER_KIND_LABELS, params.offerKind, l).toLowerCase()}) au projet « ${target} ».`
      : `${params.office} offers to contribute (${label(OFFER_KIND_LABELS, params.offerKind, l).toLowerCase()}) to the project “${target}”.`,
  'offer.decided': ({ params, target }, l) =>
    l === 'fr'
      ? `Le porteur du projet « ${target} » a ${decided(params.decision, l)} la proposition de ${params.office}.`
      : `The holder of the project “${target}” ${decided(params.decision, l)} the offer of ${params.office}.`,
  'comment.added': ({ params, target, actor }, l) =>
    l === 'fr'
      ? `${someone(actor, l)} a commenté le projet « ${target} » : « ${params.excerpt} »`
      : `${someone(actor, l)} commented on the project “${target}”: “${params.excerpt}”`,
  'application.updated': ({ params, target, actor }, l) =>
    params.created
      ? l === 'fr'
        ? `${someone(actor, l)} a déclaré la fiche « ${target} » et vous y mentionne.`
        : `${someone(actor, l)} declared the sheet “${target}” and mentions you in it.`
      : l === 'fr'
        ? `${someone(actor, l)} a modifié la fiche « ${target} ».`
        : `${someone(actor, l)} updated the sheet “${target}”.`,
  'usage.declared': ({ params, target }, l) =>
    l === 'fr'
      ? `${params.office} déclare utiliser « ${target} ».`
      : `${params.office} declares that it uses “${target}”.`,
  'application.version.released': ({ params, target }, l) =>
    l === 'fr'
      ? `La version ${params.version} de « ${target} » est publiée.`
      : `Version ${params.version} of “${target}” is released.`,
  'deploymentRequest.transitioned': ({ params, target, actor }, l) =>
    l === 'fr'
      ? `${someone(actor, l)} : la demande « ${target} » est désormais « ${label(DEPLOYMENT_STATE_LABELS, params.to, l)} ».`
      : `${someone(actor, l)}: the request “${target}” is now “${label(DEPLOYMENT_STATE_LABELS, params.to, l)}”.`,
  'call.transitioned': ({ params, target, actor }, l) =>
    l === 'fr'
      ? `${someone(actor, l)} a fait passer l’appel « ${target} » à l’état « ${label(CALL_STATE_LABELS, params.to, l)} ».`
      : `${someone(actor, l)} moved the call “${target}” to “${label(CALL_STATE_LABELS, params.to, l)}”.`,
  'call.questionAsked': ({ params, target }, l) =>
    l === 'fr'
      ? `${params.office} pose une question sur l’appel « ${target} » : « ${params.excerpt} »`
      : `${params.office} asks a question on the call “${target}”: “${params.excerpt}”`,
  'call.questionAnswered': ({ params, target }, l) =>
    l === 'fr'
      ? `L’émetteur de l’appel « ${target} » a répondu : « ${params.excerpt} »`
      : `The issuer of the call “${target}” answered: “${params.excerpt}”`,
  'project.updated': ({ params, target, actor }, l) =>
    params.created
      ? l === 'fr'
        ? `${someone(actor, l)} a déclaré le projet « ${target} » et vous y mentionne.`
        : `${someone(actor, l)} declared the project “${target}” and mentions you in it.`
      : l === 'fr'
        ? `${someone(actor, l)} a modifié le projet « ${target} ».`
        : `${someone(actor, l)} updated the project “${target}”.`,
  'proposal.transitioned': ({ params, target, actor }, l) =>
    l === 'fr'
      ? `${someone(actor, l)} : la proposition « ${target} » est désormais « ${label(PROPOSAL_STATE_LABELS, params.to, l)} ».${params.rationale ? ` Motif : ${params.rationale}` : ''}`
      : `${someone(actor, l)}: the proposal “${target}” is now “${label(PROPOSAL_STATE_LABELS, params.to, l)}”.${params.rationale ? ` Rationale: ${params.rationale}` : ''}`,
  'proposal.partnerInvited': ({ params, target }, l) =>
    l === 'fr'
      ? `${params.office} propose à votre organisme de participer à la proposition « ${target} ».`
      : `${params.office} invites your office to take part in the proposal “${target}”.`,
  'boardItem.decided': ({ params, target }, l) =>
    l === 'fr'
      ? `L’instance de gouvernance a décidé sur « ${target} » (décision ${params.reference}) : ${params.outcome}.`
      : `The governance board decided on “${target}” (decision ${params.reference}): ${params.outcomeEn}.`,
  'referentApplication.submitted': ({ params }, l) =>
    l === 'fr'
      ? `${params.office} se porte candidat comme référent régional (${regionName(params.region)}).`
      : `${params.office} applies to become regional referent (${regionName(params.region)}).`,
  'referentApplication.transitioned': ({ params, actor }, l) =>
    l === 'fr'
      ? `${someone(actor, l)} : la candidature de ${params.office} (${regionName(params.region)}) est « ${label(REFERENT_APPLICATION_STATE_LABELS, params.to, l)} ».`
      : `${someone(actor, l)}: the application of ${params.office} (${regionName(params.region)}) is now “${label(REFERENT_APPLICATION_STATE_LABELS, params.to, l)}”.`,
  'training.registrationChanged': ({ params, target }, l) =>
    l === 'fr'
      ? `Formation « ${target} » : ${params.developer} — ${label(REGISTRATION_STATUS_LABELS, params.status, l).toLowerCase()}.`
      : `Training “${target}”: ${params.developer} — ${label(REGISTRATION_STATUS_LABELS, params.status, l).toLowerCase()}.`,
  'trainingSession.transitioned': ({ params, target }, l) =>
    l === 'fr'
      ? `La session de formation « ${target} » est ${params.to === 'completed' ? 'close : les présents sont formés' : 'annulée'}.`
      : `The training session “${target}” is ${params.to === 'completed' ? 'completed: those present are trained' : 'cancelled'}.`,
  'supportTicket.opened': ({ params, target }, l) =>
    l === 'fr'
      ? `${params.office} ouvre le ticket « ${target} » (niveau ${params.level}).`
      : `${params.office} opens the ticket “${target}” (level ${params.level}).`,
  'supportTicket.transitioned': ({ params, target, actor }, l) =>
    l === 'fr'
      ? `${someone(actor, l)} : le ticket « ${target} » est « ${label(TICKET_STATE_LABELS, params.to, l)} ».`
      : `${someone(actor, l)}: the ticket “${target}” is now “${label(TICKET_STATE_LABELS, params.to, l)}”.`,
  'supportTicket.messageAdded': ({ params, target, actor }, l) =>
    l === 'fr'
      ? `${someone(actor, l)} a écrit dans le ticket « ${target} » : « ${params.excerpt} »`
      : `${someone(actor, l)} wrote in the ticket “${target}”: “${params.excerpt}”`,
  'hostingBudget.thresholdReached': ({ params, target }, l) =>
    l === 'fr'
      ? `« ${target} » est consommé à ${params.percent} % (seuil de ${params.threshold} % atteint : ${params.consumed} sur ${params.amount}).`
      : `“${target}” is ${params.percent} % used (the ${params.threshold} % threshold is reached: ${params.consumed} of ${params.amount}).`,
  'club.postPublished': ({ params, target }, l) =>
    l === 'fr'
      ? `Club « ${target} » : nouvelle actualité « ${params.title} ».`
      : `Club “${target}”: new post “${params.title}”.`,
  'club.meetingScheduled': ({ params, target }, l) =>
    l === 'fr'
      ? `Club « ${target} » : réunion « ${params.title} » le ${params.date}.`
      : `Club “${target}”: meeting “${params.title}” on ${params.date}.`,
  'clubWish.answered': ({ params, target }, l) =>
    params.to === 'planned'
      ? l === 'fr'
        ? `Club « ${target} » : l’évolution « ${params.title} » est prévue en version ${params.plannedVersion}.`
        : `Club “${target}”: the evolution “${params.title}” is planned for version ${params.plannedVersion}.`
      : l === 'fr'
        ? `Club « ${target} » : l’évolution « ${params.title} » est déclinée. Motif : ${params.reason}`
        : `Club “${target}”: the evolution “${params.title}” is declined. Reason: ${params.reason}`,
  'accessibilityReport.received': ({ params, target }, l) =>
    l === 'fr'
      ? `Problème d’accessibilité signalé (${target}) sur ${params.pageUrl} : « ${params.excerpt} »`
      : `Accessibility problem reported (${target}) on ${params.pageUrl}: “${params.excerpt}”`,
};

/** An excerpt of a text for a notification: one line, at most `max` characters. */
export function excerpt(text: string, max = 140) {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Where a notification leads in the web app. */
export function targetPath(target: { type: FollowTarget; id: string }) {
  if (target.type === 'deploymentRequest') return `/store/demandes/${target.id}`;
  if (target.type === 'call') return `/appels/${target.id}`;
  if (target.type === 'proposal') return `/propositions/${target.id}`;
  if (target.type === 'boardItem') return `/instance/points/${target.id}`;
  if (target.type === 'referentApplication') return `/communaute/referents/candidatures/${target.id}`;
  if (target.type === 'trainingSession') return `/communaute/formations/${target.id}`;
  if (target.type === 'supportTicket') return `/support/${target.id}`;
  if (target.type === 'hostingBudget') return '/store/couts';
  if (target.type === 'club') return `/catalogue/${target.id}/club`;
  if (target.type === 'accessibilityReport') return `/administration/accessibilite/${target.id}`;
  return target.type === 'project' ? `/projets/${target.id}` : `/catalogue/${target.id}`;
}

/** `@prenom.nom` handles in a text, lower case and without accents (`@Léa.Schmitt` → `lea.schmitt`). */
export function mentionedHandles(text: string): string[] {
  const handles = new Set<string>();
  for (const match of text.matchAll(/(?<![\w.@])@([\p{L}][\p{L}'-]*\.[\p{L}][\p{L}'-]*)/gu))
    handles.add(handleOf(match[1] as string));
  return [...handles];
}

/** The handle of a display name or a typed handle: `Léa Schmitt` → `lea.schmitt`. */
export const handleOf = (name: string) => withoutAccents(name).trim().toLowerCase().replace(/\s+/g, '.');
