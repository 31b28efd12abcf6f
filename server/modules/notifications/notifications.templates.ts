import {
  EVENT_KIND_LABELS,
  EVENT_SENTENCES,
  type EventKind,
  targetPath,
} from '../../../common/notifications.ts';
import { sentenceValues } from './notifications.mapper.ts';
import type { MailNotificationRow } from './notifications.queries.ts';

/**
 * The French e-mails of notifications: one per kind (its subject names the kind and the thread), and
 * the digests, which group the period's notifications by kind. Plain text and HTML say the same; each
 * carries the link to its object and the link where its kind is unsubscribed.
 */

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const SUBJECTS: Record<EventKind, (label: string, params: Record<string, string>) => string> = {
  'project.transitioned': (label) => `Le projet « ${label} » change de phase`,
  'sponsorship.requested': (label) => `Demande de sponsor pour le projet « ${label} »`,
  'sponsorship.decided': (label) => `Décision sur la demande de sponsor du projet « ${label} »`,
  'offer.made': (label) => `Proposition de contribution au projet « ${label} »`,
  'offer.decided': (label) => `Réponse à votre proposition pour le projet « ${label} »`,
  'comment.added': (label) => `Nouveau commentaire sur le projet « ${label} »`,
  'application.updated': (label, params) =>
    params.created
      ? `Vous êtes mentionné dans la fiche « ${label} »`
      : `La fiche « ${label} » a été modifiée`,
  'usage.declared': (label) => `Un organisme déclare utiliser « ${label} »`,
  'application.version.released': (label) => `Nouvelle version de « ${label} »`,
  'deploymentRequest.transitioned': (label) => `La demande de mise à disposition ${label} avance`,
  'call.transitioned': (label) => `L’appel à projets « ${label} » change d’état`,
  'call.questionAsked': (label) => `Question sur l’appel à projets « ${label} »`,
  'call.questionAnswered': (label) => `Réponse à une question sur l’appel à projets « ${label} »`,
  'project.updated': (label, params) =>
    params.created
      ? `Vous êtes mentionné dans le projet « ${label} »`
      : `Le projet « ${label} » a été modifié`,
  'proposal.transitioned': (label) => `La proposition « ${label} » change d’état`,
  'proposal.partnerInvited': (label) => `Invitation à participer à la proposition « ${label} »`,
  'boardItem.decided': (label) => `L’instance de gouvernance a décidé sur « ${label} »`,
  'referentApplication.submitted': (label) => `Candidature de référent régional : ${label}`,
  'referentApplication.transitioned': (label) => `Décision sur la candidature de référent : ${label}`,
  'training.registrationChanged': (label) => `Votre demande de formation « ${label} » avance`,
  'trainingSession.transitioned': (label) => `La session de formation « ${label} » est close ou annulée`,
  'supportTicket.opened': (label) => `Nouveau ticket de support « ${label} »`,
  'supportTicket.transitioned': (label) => `Le ticket de support « ${label} » avance`,
  'supportTicket.messageAdded': (label) => `Nouveau message dans le ticket « ${label} »`,
  'hostingBudget.thresholdReached': (label) => `Alerte budgétaire : « ${label} »`,
  'club.postPublished': (label) => `Nouvelle actualité du club « ${label} »`,
  'club.meetingScheduled': (label) => `Réunion du club « ${label} »`,
  'clubWish.answered': (label) => `Le concepteur répond à une évolution du club « ${label} »`,
  'accessibilityReport.received': (label) => `Problème d’accessibilité signalé : ${label}`,
};

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const preferencesUrl = (publicUrl: string, kind?: EventKind) =>
  `${publicUrl}/notifications/preferences${kind ? `#${kind}` : ''}`;

function page(title: string, body: string) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family: sans-serif; line-height: 1.5">${body}</body></html>`;
}

/** One notification, alone; `unsubscribe` is its signed one-click page for the kind (unsubscribe.ts). */
export function renderImmediate(
  row: MailNotificationRow,
  publicUrl: string,
  unsubscribe: string,
): RenderedMail {
  const sentence = EVENT_SENTENCES[row.kind](sentenceValues(row), 'fr');
  const link = `${publicUrl}${targetPath({ type: row.targetType, id: row.targetId })}`;
  const preferences = preferencesUrl(publicUrl, row.kind);
  const kindLabel = EVENT_KIND_LABELS[row.kind].fr;
  const subject = `[Mutualis] ${SUBJECTS[row.kind](row.targetLabel, sentenceValues(row).params)}`;
  const text = [
    `Bonjour ${row.displayName},`,
    '',
    sentence,
    '',
    `Voir : ${link}`,
    '',
    '—',
    `Vous recevez cet e-mail pour les notifications « ${kindLabel} ».`,
    `Ne plus les recevoir par e-mail (en un clic) : ${unsubscribe}`,
    `Choisir la fréquence de vos e-mails : ${preferences}`,
  ].join('\n');
  const html = page(
    subject,
    `<p>Bonjour ${escapeHtml(row.displayName)},</p><p>${escapeHtml(sentence)}</p><p><a href="${escapeHtml(link)}">Voir sur Mutualis</a></p><hr><p style="font-size: small">Vous recevez cet e-mail pour les notifications « ${escapeHtml(kindLabel)} ». <a href="${escapeHtml(unsubscribe)}">Ne plus les recevoir par e-mail</a> · <a href="${escapeHtml(preferences)}">Choisir la fréquence de vos e-mails</a></p>`,
  );
  return { subject, text, html };
}

/**
 * A digest: the period's notifications of one person, grouped by kind, the oldest first; `unsubscribe`
 * stops every kind sent at this cadence.
 */
export function renderDigest(
  rows: MailNotificationRow[],
  cadence: 'daily' | 'weekly',
  publicUrl: string,
  unsubscribe: string,
): RenderedMail {
  const first = rows[0] as MailNotificationRow;
  const period = cadence === 'daily' ? 'de la journée' : 'de la semaine';
  const subject = `[Mutualis] Résumé ${period} : ${rows.length} notification${rows.length > 1 ? 's' : ''}`;
  const preferences = preferencesUrl(publicUrl);
  const byKind = new Map<EventKind, MailNotificationRow[]>();
  for (const row of rows) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row]);
  const sections = [...byKind].map(([kind, items]) => ({
    title: EVENT_KIND_LABELS[kind].fr,
    lines: items.map((row) => ({
      sentence: EVENT_SENTENCES[row.kind](sentenceValues(row), 'fr'),
      link: `${publicUrl}${targetPath({ type: row.targetType, id: row.targetId })}`,
    })),
  }));
  const text = [
    `Bonjour ${first.displayName},`,
    '',
    `Voici ce qui s’est passé ${period} sur Mutualis.`,
    ...sections.flatMap((s) => ['', `${s.title} :`, ...s.lines.map((l) => `- ${l.sentence}\n  ${l.link}`)]),
    '',
    '—',
    `Ne plus recevoir ce résumé (en un clic) : ${unsubscribe}`,
    `Choisir la fréquence de vos e-mails : ${preferences}`,
  ].join('\n');
  const html = page(
    subject,
    `<p>Bonjour ${escapeHtml(first.displayName)},</p><p>Voici ce qui s’est passé ${period} sur Mutualis.</p>${sections
      .map(
        (s) =>
          `<h2 style="font-size: 1.1em">${escapeHtml(s.title)}</h2><ul>${s.lines
            .map((l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.sentence)}</a></li>`)
            .join('')}</ul>`,
      )
      .join(
        '',
      )}<hr><p style="font-size: small"><a href="${escapeHtml(unsubscribe)}">Ne plus recevoir ce résumé</a> · <a href="${escapeHtml(preferences)}">Choisir la fréquence de vos e-mails</a></p>`,
  );
  return { subject, text, html };
}
