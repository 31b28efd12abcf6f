/** The labels of the actions of projects in progress (the list itself is in permissions.ts), and of their audit events. */
export const PROJECT_ACTION_LABELS = {
  'project.read': { fr: 'Consulter les projets en cours', en: 'Browse projects in progress' },
  'project.create': { fr: 'Déclarer un projet', en: 'Declare a project' },
  'project.update': { fr: 'Modifier les projets de son organisme', en: "Edit one's office's projects" },
  'project.comment': { fr: 'Commenter les projets', en: 'Comment on projects' },
  'project.moderateComments': {
    fr: 'Supprimer les commentaires des autres',
    en: "Delete other people's comments",
  },
  'project.follow': { fr: 'Suivre des projets', en: 'Follow projects' },
  'project.requestSponsorship': {
    fr: "Demander le sponsor d'une direction nationale",
    en: 'Ask a national directorate for sponsorship',
  },
  'project.offer': {
    fr: 'Proposer la participation de son organisme à un projet',
    en: "Offer one's office's help to a project",
  },
  'project.decideOffers': {
    fr: 'Accepter ou refuser les propositions faites à ses projets',
    en: "Accept or decline offers made to one's projects",
  },
  'project.recordContributions': {
    fr: 'Enregistrer les contributions de collaborateurs locaux',
    en: 'Record contributions of local staff',
  },
  'sponsorship.queue': {
    fr: 'Voir les demandes de sponsor en attente',
    en: 'See pending sponsorship requests',
  },
  'sponsorship.decide': { fr: 'Accepter ou refuser un sponsor', en: 'Accept or decline a sponsorship' },
  'sponsorship.withdraw': { fr: 'Retirer une demande de sponsor', en: 'Withdraw a sponsorship' },
  'capacity.read': { fr: 'Consulter les forces disponibles', en: 'Browse available capacity' },
  'capacity.declare': {
    fr: 'Déclarer la capacité de développement de son organisme',
    en: "Declare one's office's development capacity",
  },
  'project.frame': { fr: 'Passer un projet au cadrage', en: 'Move a project to framing' },
  'project.startDevelopment': { fr: "Lancer le développement d'un projet", en: 'Start development' },
  'project.submitForAcceptance': { fr: 'Passer un projet en recette', en: 'Submit for acceptance' },
  'project.deliver': { fr: 'Livrer un projet', en: 'Deliver a project' },
  'project.deliverWithoutReport': {
    fr: 'Livrer un projet sans procès-verbal enregistré (dérogation)',
    en: 'Deliver a project without a recorded report (override)',
  },
  'project.suspend': { fr: 'Suspendre un projet', en: 'Suspend a project' },
  'project.resume': { fr: 'Reprendre un projet suspendu', en: 'Resume a suspended project' },
  'project.abandon': { fr: 'Abandonner un projet', en: 'Abandon a project' },
} as const;

export const PROJECT_AUDIT_ACTION_LABELS: Record<string, { fr: string; en: string }> = {
  'project.create': { fr: "Déclaration d'un projet", en: 'Project declared' },
  'project.update': { fr: "Modification d'un projet", en: 'Project edited' },
  'project.frame': { fr: 'Projet passé au cadrage', en: 'Project moved to framing' },
  'project.startDevelopment': { fr: 'Développement lancé', en: 'Development started' },
  'project.submitForAcceptance': { fr: 'Projet passé en recette', en: 'Project submitted for acceptance' },
  'project.deliver': { fr: 'Projet livré', en: 'Project delivered' },
  'project.deliverWithoutReport': {
    fr: 'Projet livré sans procès-verbal enregistré (dérogation)',
    en: 'Project delivered without a recorded report (override)',
  },
  'project.suspend': { fr: 'Projet suspendu', en: 'Project suspended' },
  'project.resume': { fr: 'Projet repris', en: 'Project resumed' },
  'project.abandon': { fr: 'Projet abandonné', en: 'Project abandoned' },
  'project.comment': { fr: 'Commentaire', en: 'Comment' },
  'project.editComment': { fr: "Modification d'un commentaire", en: 'Comment edited' },
  'project.deleteComment': { fr: "Suppression d'un commentaire", en: 'Comment deleted' },
  'project.attach': { fr: "Ajout d'un fichier à un projet", en: 'File attached to a project' },
  'project.detach': { fr: "Retrait d'un fichier d'un projet", en: 'File removed from a project' },
  'project.recordContribution': {
    fr: "Contribution d'un collaborateur local",
    en: 'Local staff contribution',
  },
  'sponsorship.request': { fr: 'Demande de sponsor', en: 'Sponsorship requested' },
  'sponsorship.decide': { fr: 'Décision sur un sponsor', en: 'Sponsorship decided' },
  'sponsorship.withdraw': { fr: "Retrait d'un sponsor", en: 'Sponsorship withdrawn' },
  'offer.make': { fr: 'Proposition de participation', en: 'Offer made' },
  'offer.decide': { fr: 'Réponse à une proposition', en: 'Offer decided' },
  'capacity.declare': { fr: 'Déclaration de capacité', en: 'Capacity declared' },
};
