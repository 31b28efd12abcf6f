/** The strings of the support pages, in French. */
export const supportFr = {
  support: {
    nav: 'Support',
    title: 'Support',
    intro:
      'Le support du starter kit (développeurs formés : le référent de votre région, puis l’équipe nationale) et le support des applications (le CSN pour une application labellisée, l’organisme concepteur sinon).',
    open: 'Ouvrir un ticket',
    openIntro: {
      starterKit:
        'Votre question va au référent starter kit de votre région, qui répond ou l’escalade à l’équipe nationale.',
      application:
        'Votre signalement va au support de niveau 1 de l’application : le CSN si elle est labellisée, son organisme concepteur sinon.',
    },
    flow: 'Type de support',
    filterFlow: 'Afficher',
    allFlows: 'Tous les tickets',
    application: 'Application',
    noApplication: 'Votre organisme ne déclare utiliser aucune application de ce nom.',
    subject: 'Objet',
    description: 'Description du problème',
    submit: 'Ouvrir le ticket',
    caption: 'Tickets de support, les plus anciens d’abord',
    state: 'État',
    requester: 'Demandeur',
    openedAt: 'Ouvert le',
    firstAnsweredAt: 'Première réponse',
    resolvedAt: 'Résolu le',
    level1: 'Niveau 1',
    level2: 'Niveau 2',
    nationalTeam: 'Équipe nationale du starter kit',
    assignee: 'Pris en charge par',
    none: 'Personne',
    escalationNote: 'Note d’escalade',
    resolution: 'Résolution',
    messages: 'Échanges',
    noMessage: 'Aucun message pour l’instant.',
    reply: 'Votre message',
    send: 'Envoyer',
  },
};
