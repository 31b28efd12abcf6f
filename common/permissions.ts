import { ACCEPTANCE_ACTION_LABELS, ACCEPTANCE_ACTIONS } from './acceptance/permissions.ts';
import { ACCESSIBILITY_ACTION_LABELS, ACCESSIBILITY_ACTIONS } from './accessibility/permissions.ts';
import { BOARD_ACTION_LABELS, BOARD_ACTIONS } from './board/permissions.ts';
import { CALL_ACTION_LABELS, CALL_ACTIONS } from './calls/permissions.ts';
import { CLUB_ACTION_LABELS, CLUB_ACTIONS } from './clubs/permissions.ts';
import { COMMUNITY_ACTION_LABELS, COMMUNITY_ACTIONS } from './community/permissions.ts';
import { COMPENSATION_ACTION_LABELS, COMPENSATION_ACTIONS } from './compensation/permissions.ts';
import { EVALUATION_ACTION_LABELS, EVALUATION_ACTIONS } from './evaluation/permissions.ts';
import { PROJECT_ACTION_LABELS } from './project-permissions.ts';
import { REFERENTIAL_ACTION_LABELS, REFERENTIAL_ACTIONS } from './referential/permissions.ts';
import { STORE_ACTION_LABELS, STORE_ACTIONS } from './store/permissions.ts';
import { SUPPORT_ACTION_LABELS, SUPPORT_ACTIONS } from './support/permissions.ts';

/**
 * Every action a route may declare. The server's policies grant them (deny by default); the list of
 * granted ones ("abilities") goes to the web so that it only offers what the user may do.
 */
export const ACTIONS = [
  'session.use',
  'organisation.read',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'user.export',
  'user.erase',
  'audit.read',
  'job.read',
  'job.retry',
  'notification.read',
  'follow.manage',
  'mention.suggest',
  'application.read',
  'application.create',
  'application.update',
  'application.import',
  'application.declareUsage',
  'usageMap.read',
  'similar.read',
  'home.officeApplications',
  'home.maintainedSheets',
  'home.networkFigures',
  'project.read',
  'project.create',
  'project.update',
  'project.comment',
  'project.moderateComments',
  'project.follow',
  'project.requestSponsorship',
  'project.offer',
  'project.decideOffers',
  'project.recordContributions',
  'sponsorship.queue',
  'sponsorship.decide',
  'sponsorship.withdraw',
  'capacity.read',
  'capacity.declare',
  'project.createForgeProject',
  'integration.read',
  'siteSettings.update',
  // Lifecycle transitions: `<prefix>.<transition>`, granted by the parties of common/lifecycles/*.
  'userAccount.deactivate',
  'userAccount.reactivate',
  'application.archive',
  'application.restore',
  'application.startCertification',
  'application.certify',
  'application.withdrawCertification',
  'project.frame',
  'project.startDevelopment',
  'project.submitForAcceptance',
  'project.deliver',
  'project.deliverWithoutReport',
  'project.suspend',
  'project.resume',
  'project.abandon',
  ...EVALUATION_ACTIONS,
  ...ACCEPTANCE_ACTIONS,
  ...STORE_ACTIONS,
  ...COMMUNITY_ACTIONS,
  ...CALL_ACTIONS,
  ...BOARD_ACTIONS,
  ...SUPPORT_ACTIONS,
  ...REFERENTIAL_ACTIONS,
  ...COMPENSATION_ACTIONS,
  ...CLUB_ACTIONS,
  ...ACCESSIBILITY_ACTIONS,
  'statistics.read',
] as const;

export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, { fr: string; en: string }> = {
  'session.use': { fr: 'Utiliser le portail avec votre compte', en: 'Use the portal with your account' },
  'organisation.read': { fr: "Consulter l'annuaire des organismes", en: 'Browse the office directory' },
  'user.list': { fr: 'Voir la liste des comptes', en: 'See the list of accounts' },
  'user.read': { fr: 'Consulter un compte', en: 'Read an account' },
  'user.create': { fr: 'Créer des comptes', en: 'Create accounts' },
  'user.update': { fr: 'Modifier des comptes', en: 'Edit accounts' },
  'user.export': {
    fr: "Répondre à une demande d'accès : télécharger les données d'une personne",
    en: "Answer an access request: download a person's data",
  },
  'user.erase': {
    fr: "Répondre à une demande d'effacement : pseudonymiser une personne",
    en: 'Answer an erasure request: pseudonymise a person',
  },
  'audit.read': { fr: "Consulter le journal d'audit", en: 'Browse the audit trail' },
  'job.read': { fr: 'Consulter les travaux en arrière-plan', en: 'See the background jobs' },
  'job.retry': { fr: 'Relancer un travail en échec', en: 'Retry a failed job' },
  'notification.read': {
    fr: 'Recevoir des notifications et choisir leurs e-mails',
    en: 'Receive notifications and choose their e-mails',
  },
  'follow.manage': {
    fr: 'Suivre des applications et des projets, faire taire un fil',
    en: 'Follow applications and projects, mute a thread',
  },
  'mention.suggest': {
    fr: 'Mentionner quelqu’un (@prenom.nom) : propositions de noms',
    en: 'Mention someone (@firstname.lastname): name suggestions',
  },
  'application.read': {
    fr: 'Consulter le catalogue des applications',
    en: 'Browse the application catalogue',
  },
  'application.create': { fr: 'Déclarer une application', en: 'Declare an application' },
  'application.update': {
    fr: "Modifier et archiver les fiches d'application",
    en: 'Edit and archive application sheets',
  },
  'application.import': {
    fr: 'Importer un inventaire d’applications',
    en: 'Import an application inventory',
  },
  'application.declareUsage': {
    fr: "Déclarer l'utilisation d'une application par son organisme",
    en: "Declare that one's office uses an application",
  },
  'usageMap.read': { fr: 'Consulter la cartographie des usages', en: 'Browse the usage map' },
  'similar.read': {
    fr: 'Chercher ce qui ressemble à un besoin (applications, projets)',
    en: 'Look for what resembles a need (applications, projects)',
  },
  'home.officeApplications': {
    fr: 'Suivre les applications de son organisme',
    en: "Follow one's office's applications",
  },
  'home.maintainedSheets': {
    fr: 'Suivre les fiches à mettre à jour de son organisme',
    en: "Follow the sheets of one's office that need updating",
  },
  'home.networkFigures': {
    fr: 'Suivre les chiffres du réseau et les dernières modifications',
    en: 'Follow the network figures and the latest changes',
  },
  'userAccount.deactivate': { fr: 'Désactiver des comptes', en: 'Deactivate accounts' },
  'userAccount.reactivate': { fr: 'Réactiver des comptes', en: 'Reactivate accounts' },
  'application.archive': { fr: "Archiver des fiches d'application", en: 'Archive application sheets' },
  'application.restore': {
    fr: "Restaurer des fiches d'application archivées",
    en: 'Restore archived sheets',
  },
  'application.startCertification': {
    fr: "Engager la certification d'une application",
    en: 'Start the certification of an application',
  },
  'application.certify': {
    fr: 'Certifier une application (labellisation, homologation)',
    en: 'Certify an application (labelling, homologation)',
  },
  'application.withdrawCertification': {
    fr: "Retirer la certification d'une application",
    en: 'Withdraw the certification of an application',
  },
  'project.createForgeProject': {
    fr: 'Créer le projet GitLab d’un projet depuis le starter kit',
    en: "Create a project's GitLab project from the starter kit",
  },
  'integration.read': {
    fr: 'Consulter l’état des intégrations (GitLab, Jenkins, Composer)',
    en: 'See the state of the integrations (GitLab, Jenkins, Composer)',
  },
  'siteSettings.update': {
    fr: 'Modifier les mentions légales et les contacts sur les données personnelles',
    en: 'Edit the legal notice and the personal data contacts',
  },
  ...PROJECT_ACTION_LABELS,
  ...EVALUATION_ACTION_LABELS,
  ...ACCEPTANCE_ACTION_LABELS,
  ...STORE_ACTION_LABELS,
  ...COMMUNITY_ACTION_LABELS,
  ...CALL_ACTION_LABELS,
  ...BOARD_ACTION_LABELS,
  ...SUPPORT_ACTION_LABELS,
  ...REFERENTIAL_ACTION_LABELS,
  ...COMPENSATION_ACTION_LABELS,
  ...CLUB_ACTION_LABELS,
  ...ACCESSIBILITY_ACTION_LABELS,
  'statistics.read': {
    fr: 'Consulter les statistiques du portail',
    en: "Read the portal's statistics",
  },
};
