import { defineLifecycle, developerOf, referentOf, role } from '../lifecycle.ts';
import {
  escalationInput,
  resolutionInput,
  TICKET_LIFECYCLE_STATES,
  withdrawTransition,
} from '../support/inputs.ts';
import { NATIONAL_STARTER_KIT_TEAM, type TicketState } from '../support/vocabulary.ts';

export type StarterKitTicketFacts = Record<string, never>;
export type StarterKitTicketTransition = 'escalate' | 'resolve' | 'resolveEscalated' | 'withdraw';

/**
 * A trained developer's starter-kit question (letter §3.2.1.2): it goes to the referents of the
 * developer's region (level 1), who answer it or escalate it with a note to the national starter-kit
 * team (level 2); a region without a referent sends it to level 2 at once
 * (server/modules/support/tickets.lifecycle.ts).
 */
export const starterKitTicketLifecycle = defineLifecycle<
  TicketState,
  StarterKitTicketTransition,
  StarterKitTicketFacts
>({
  name: 'starterKitTicket',
  actionPrefix: 'starterKitTicket',
  targetType: 'supportTicket',
  label: { fr: 'Ticket de support du starter kit', en: 'Starter-kit support ticket' },
  initial: 'open',
  fields: {
    referentOffices: { fr: 'de la région du demandeur', en: 'of the requester’s region' },
    openerOffice: { fr: 'de l’organisme du demandeur', en: 'of the requester’s office' },
  },
  states: TICKET_LIFECYCLE_STATES,
  transitions: {
    escalate: {
      from: ['open'],
      to: 'escalated',
      parties: [referentOf('referentOffices')],
      input: escalationInput,
      label: { fr: 'Escalader à l’équipe nationale', en: 'Escalate to the national team' },
    },
    resolve: {
      from: ['open'],
      to: 'resolved',
      parties: [referentOf('referentOffices')],
      input: resolutionInput,
      label: { fr: 'Résoudre', en: 'Resolve' },
    },
    resolveEscalated: {
      from: ['escalated'],
      to: 'resolved',
      parties: [role(...NATIONAL_STARTER_KIT_TEAM)],
      input: resolutionInput,
      label: { fr: 'Résoudre (équipe nationale)', en: 'Resolve (national team)' },
    },
    withdraw: withdrawTransition([developerOf('openerOffice')], {
      fr: 'Retirer le ticket',
      en: 'Withdraw the ticket',
    }),
  },
  messages: {},
});
