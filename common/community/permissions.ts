import type { Label } from '../lifecycle.ts';

/** The actions of the developer community (spread into permissions.ts's list). */
export const COMMUNITY_ACTIONS = [
  'developer.read',
  'developer.editProfile',
  'referent.read',
  'referent.name',
  'referentApplication.read',
  'referentApplication.submit',
  // Lifecycle transitions of an application to become referent (common/lifecycles/referent-application.ts).
  'referentApplication.accept',
  'referentApplication.refuse',
  'referentApplication.withdraw',
  'training.read',
  'training.createSession',
  'training.request',
  'training.manage',
  'training.readDemand',
  // Lifecycle transitions of a training session (common/lifecycles/training-session.ts).
  'trainingSession.complete',
  'trainingSession.cancel',
] as const;

export const COMMUNITY_ACTION_LABELS: Record<(typeof COMMUNITY_ACTIONS)[number], Label> = {
  'developer.read': { fr: 'Consulter l’annuaire des développeurs', en: 'Browse the developers’ directory' },
  'developer.editProfile': {
    fr: 'Tenir à jour son profil de développeur',
    en: 'Keep one’s developer profile up to date',
  },
  'referent.read': {
    fr: 'Consulter les référents régionaux et leur couverture',
    en: 'See the regional referents and their coverage',
  },
  'referent.name': {
    fr: 'Nommer ou retirer un référent régional',
    en: 'Name or withdraw a regional referent',
  },
  'referentApplication.read': {
    fr: 'Consulter les candidatures de référent régional',
    en: 'Read applications to become regional referent',
  },
  'referentApplication.submit': {
    fr: 'Porter la candidature de son organisme comme référent régional',
    en: 'Apply for one’s office to become regional referent',
  },
  'referentApplication.accept': {
    fr: 'Accepter une candidature de référent régional',
    en: 'Accept an application to become referent',
  },
  'referentApplication.refuse': {
    fr: 'Refuser une candidature de référent régional',
    en: 'Refuse an application to become referent',
  },
  'referentApplication.withdraw': {
    fr: 'Retirer la candidature de son organisme',
    en: 'Withdraw one’s office’s application',
  },
  'training.read': {
    fr: 'Consulter les sessions de formation au starter kit',
    en: 'See starter-kit training sessions',
  },
  'training.createSession': {
    fr: 'Publier une session de formation (référent de la région)',
    en: 'Publish a training session (the region’s referent)',
  },
  'training.request': {
    fr: 'Demander une place de formation pour un développeur',
    en: 'Ask for a training place for a developer',
  },
  'training.manage': {
    fr: 'Vérifier les prérequis, marquer les présences',
    en: 'Check prerequisites, mark attendance',
  },
  'training.readDemand': {
    fr: 'Voir les demandes de formation sans session',
    en: 'See training requests without a session',
  },
  'trainingSession.complete': { fr: 'Clore une session de formation', en: 'Complete a training session' },
  'trainingSession.cancel': { fr: 'Annuler une session de formation', en: 'Cancel a training session' },
};

export const COMMUNITY_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'developerProfile.update': { fr: 'Profil de développeur mis à jour', en: 'Developer profile updated' },
  'referent.name': { fr: 'Référent régional nommé', en: 'Regional referent named' },
  'referent.withdraw': { fr: 'Référent régional retiré', en: 'Regional referent withdrawn' },
  'referentApplication.submit': {
    fr: 'Candidature de référent régional déposée',
    en: 'Application to become referent submitted',
  },
  'referentApplication.accept': {
    fr: 'Candidature de référent régional acceptée',
    en: 'Application to become referent accepted',
  },
  'referentApplication.refuse': {
    fr: 'Candidature de référent régional refusée',
    en: 'Application to become referent refused',
  },
  'referentApplication.withdraw': {
    fr: 'Candidature de référent régional retirée',
    en: 'Application to become referent withdrawn',
  },
  'training.createSession': { fr: 'Session de formation publiée', en: 'Training session published' },
  'training.request': { fr: 'Demande de place en formation', en: 'Training place requested' },
  'training.registration': { fr: 'Inscription en formation modifiée', en: 'Training registration changed' },
  'training.promote': { fr: 'Place libérée attribuée au suivant', en: 'Freed place given to the next' },
  'trainingSession.complete': { fr: 'Session de formation close', en: 'Training session completed' },
  'trainingSession.cancel': { fr: 'Session de formation annulée', en: 'Training session cancelled' },
};

export const COMMUNITY_TARGET_TYPE_LABELS: Record<string, Label> = {
  developerProfile: { fr: 'Profil de développeur', en: 'Developer profile' },
  regionalReferent: { fr: 'Référent régional', en: 'Regional referent' },
  referentApplication: { fr: 'Candidature de référent', en: 'Referent application' },
  trainingSession: { fr: 'Session de formation', en: 'Training session' },
  trainingRegistration: { fr: 'Inscription en formation', en: 'Training registration' },
};
