import type { supportFr } from './support.fr.ts';

/** The strings of the support pages, in English. */
export const supportEn: typeof supportFr = {
  support: {
    nav: 'Support',
    title: 'Support',
    intro:
      'Starter-kit support (trained developers: your region’s referent, then the national team) and application support (the CSN for a labelled application, the designer office otherwise).',
    open: 'Open a ticket',
    openIntro: {
      starterKit:
        'Your question goes to your region’s starter-kit referent, who answers it or escalates it to the national team.',
      application:
        'Your report goes to the application’s level-1 support: the CSN if it is labelled, its designer office otherwise.',
    },
    flow: 'Kind of support',
    filterFlow: 'Show',
    allFlows: 'All tickets',
    application: 'Application',
    noApplication: 'Your office declares no application by that name.',
    subject: 'Subject',
    description: 'Description of the problem',
    submit: 'Open the ticket',
    caption: 'Support tickets, oldest first',
    state: 'State',
    requester: 'Requester',
    openedAt: 'Opened on',
    firstAnsweredAt: 'First answer',
    resolvedAt: 'Resolved on',
    level1: 'Level 1',
    level2: 'Level 2',
    nationalTeam: 'National starter-kit team',
    assignee: 'Taken by',
    none: 'Nobody',
    escalationNote: 'Escalation note',
    resolution: 'Resolution',
    messages: 'Messages',
    noMessage: 'No message yet.',
    reply: 'Your message',
    send: 'Send',
  },
};
