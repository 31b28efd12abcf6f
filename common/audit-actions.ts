import { ACCEPTANCE_AUDIT_ACTION_LABELS, ACCEPTANCE_TARGET_TYPE_LABELS } from './acceptance/permissions.ts';
import {
  ACCESSIBILITY_AUDIT_ACTION_LABELS,
  ACCESSIBILITY_TARGET_TYPE_LABELS,
} from './accessibility/permissions.ts';
import { BOARD_AUDIT_ACTION_LABELS, BOARD_TARGET_TYPE_LABELS } from './board/permissions.ts';
import { CALL_AUDIT_ACTION_LABELS, CALL_TARGET_TYPE_LABELS } from './calls/permissions.ts';
import { CLUB_AUDIT_ACTION_LABELS, CLUB_TARGET_TYPE_LABELS } from './clubs/permissions.ts';
import { COMMUNITY_AUDIT_ACTION_LABELS, COMMUNITY_TARGET_TYPE_LABELS } from './community/permissions.ts';
import {
  COMPENSATION_AUDIT_ACTION_LABELS,
  COMPENSATION_TARGET_TYPE_LABELS,
} from './compensation/permissions.ts';
import { EVALUATION_AUDIT_ACTION_LABELS, EVALUATION_TARGET_TYPE_LABELS } from './evaluation/permissions.ts';
import { PROJECT_AUDIT_ACTION_LABELS } from './project-permissions.ts';
import {
  REFERENTIAL_AUDIT_ACTION_LABELS,
  REFERENTIAL_TARGET_TYPE_LABELS,
} from './referential/permissions.ts';
import { RETENTION_PURGED_ACTION, RETENTION_TARGET_TYPE } from './retention.ts';
import { STORE_AUDIT_ACTION_LABELS, STORE_TARGET_TYPE_LABELS } from './store/permissions.ts';
import { SUPPORT_AUDIT_ACTION_LABELS, SUPPORT_TARGET_TYPE_LABELS } from './support/permissions.ts';

/** Words for the actions of the audit trail; an action missing here is shown by its code. */
export const AUDIT_ACTION_LABELS: Record<string, { fr: string; en: string }> = {
  'referenceData.load': {
    fr: 'Chargement du référentiel des organismes',
    en: 'Office reference data loaded',
  },
  'session.login': { fr: 'Connexion', en: 'Sign-in' },
  'session.logout': { fr: 'Déconnexion', en: 'Sign-out' },
  'job.retry': { fr: "Relance d'un travail en échec", en: 'Failed job retried' },
  [RETENTION_PURGED_ACTION]: {
    fr: 'Purge des données personnelles arrivées au terme de leur conservation',
    en: 'Personal data past its retention period purged',
  },
  'project.createForgeProject': {
    fr: 'Création du projet GitLab depuis le starter kit',
    en: 'GitLab project created from the starter kit',
  },
  'user.create': { fr: 'Création de compte', en: 'Account created' },
  'user.update': { fr: 'Modification de compte', en: 'Account edited' },
  'user.resetPassword': { fr: 'Réinitialisation du mot de passe', en: 'Password reset' },
  'user.changePassword': { fr: 'Changement de mot de passe', en: 'Password changed' },
  'user.export': {
    fr: "Demande d'accès : données d'une personne téléchargées",
    en: "Access request: a person's data downloaded",
  },
  'user.erase': { fr: 'Effacement RGPD (pseudonymisation)', en: 'GDPR erasure (pseudonymisation)' },
  'userAccount.deactivate': { fr: 'Désactivation de compte', en: 'Account deactivated' },
  'userAccount.reactivate': { fr: 'Réactivation de compte', en: 'Account reactivated' },
  'application.create': { fr: "Déclaration d'une application", en: 'Application declared' },
  'application.update': { fr: "Modification d'une fiche d'application", en: 'Application sheet edited' },
  'application.archive': { fr: "Archivage d'une application", en: 'Application archived' },
  'application.restore': { fr: "Restauration d'une application archivée", en: 'Application restored' },
  'application.startCertification': {
    fr: 'Engagement de la certification',
    en: 'Certification started',
  },
  'application.certify': { fr: "Certification d'une application", en: 'Application certified' },
  'application.withdrawCertification': {
    fr: "Retrait de la certification d'une application",
    en: 'Application certification withdrawn',
  },
  'application.certificationReset': {
    fr: 'Certification remise à « aucune » (contredisait la filière)',
    en: 'Certification reset to none (contradicted the track)',
  },
  'application.import': { fr: "Import d'un inventaire d'applications", en: 'Application inventory imported' },
  'application.attach': { fr: "Ajout d'un fichier à une fiche", en: 'File attached to a sheet' },
  'application.detach': { fr: "Retrait d'un fichier d'une fiche", en: 'File removed from a sheet' },
  'usage.declare': { fr: "Déclaration d'utilisation", en: 'Usage declared' },
  'application.declareUsage': {
    fr: "Déclaration d'utilisation pour un autre organisme",
    en: 'Usage declared for another office',
  },
  'usage.withdraw': { fr: "Retrait d'utilisation", en: 'Usage withdrawn' },
  ...PROJECT_AUDIT_ACTION_LABELS,
  ...EVALUATION_AUDIT_ACTION_LABELS,
  ...ACCEPTANCE_AUDIT_ACTION_LABELS,
  ...STORE_AUDIT_ACTION_LABELS,
  ...COMMUNITY_AUDIT_ACTION_LABELS,
  ...CALL_AUDIT_ACTION_LABELS,
  ...BOARD_AUDIT_ACTION_LABELS,
  ...SUPPORT_AUDIT_ACTION_LABELS,
  ...REFERENTIAL_AUDIT_ACTION_LABELS,
  ...COMPENSATION_AUDIT_ACTION_LABELS,
  ...CLUB_AUDIT_ACTION_LABELS,
  ...ACCESSIBILITY_AUDIT_ACTION_LABELS,
};

export const AUDIT_TARGET_TYPE_LABELS: Record<string, { fr: string; en: string }> = {
  user: { fr: 'Compte utilisateur', en: 'User account' },
  organisation: { fr: 'Organisme', en: 'Office' },
  referenceData: { fr: 'Référentiel', en: 'Reference data' },
  [RETENTION_TARGET_TYPE]: { fr: 'Conservation des données', en: 'Data retention' },
  application: { fr: 'Application', en: 'Application' },
  project: { fr: 'Projet', en: 'Project' },
  ...EVALUATION_TARGET_TYPE_LABELS,
  ...ACCEPTANCE_TARGET_TYPE_LABELS,
  ...STORE_TARGET_TYPE_LABELS,
  ...COMMUNITY_TARGET_TYPE_LABELS,
  ...CALL_TARGET_TYPE_LABELS,
  ...BOARD_TARGET_TYPE_LABELS,
  ...SUPPORT_TARGET_TYPE_LABELS,
  ...REFERENTIAL_TARGET_TYPE_LABELS,
  ...COMPENSATION_TARGET_TYPE_LABELS,
  ...CLUB_TARGET_TYPE_LABELS,
  ...ACCESSIBILITY_TARGET_TYPE_LABELS,
};
