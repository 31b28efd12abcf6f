import { agentOf, defineLifecycle, developerOf, directorOf } from '../lifecycle.ts';
import {
  escalationInput,
  resolutionInput,
  TICKET_LIFECYCLE_STATES,
  withdrawTransition,
} from '../support/inputs.ts';
import type { TicketState } from '../support/vocabulary.ts';

export interface ApplicationTicketFacts {
  /** Level 1 is the designer office itself (not a labelled application): there is no level above it. */
  level1IsDesigner: boolean;
}
export type ApplicationTicketTransition = 'escalate' | 'resolve' | 'resolveEscalated' | 'withdraw';

const level1 = [agentOf('level1Office'), developerOf('level1Office')];

/**
 * A problem an agent of a using office reports on an application (letter §2.2.1, §2.2.2): level 1 is the
 * CSN for a labelled application, the designer office for the others; level 2 is the designer office,
 * to which the CSN escalates with a note.
 */
export const applicationTicketLifecycle = defineLifecycle<
  TicketState,
  ApplicationTicketTransition,
  ApplicationTicketFacts
>({
  name: 'applicationTicket',
  actionPrefix: 'applicationTicket',
  targetType: 'supportTicket',
  label: { fr: 'Signalement sur une application', en: 'Problem report on an application' },
  initial: 'open',
  fields: {
    level1Office: { fr: 'du support de niveau 1', en: 'of level-1 support' },
    designerOffice: { fr: 'de l’organisme concepteur', en: 'of the designer office' },
    reporterOffice: { fr: 'de l’organisme qui signale', en: 'of the reporting office' },
  },
  states: TICKET_LIFECYCLE_STATES,
  transitions: {
    escalate: {
      from: ['open'],
      to: 'escalated',
      parties: level1,
      input: escalationInput,
      guards: [(facts) => (facts.level1IsDesigner ? { code: 'designerIsLevel1' } : null)],
      label: { fr: 'Escalader à l’organisme concepteur', en: 'Escalate to the designer office' },
    },
    resolve: {
      from: ['open'],
      to: 'resolved',
      parties: level1,
      input: resolutionInput,
      label: { fr: 'Résoudre', en: 'Resolve' },
    },
    resolveEscalated: {
      from: ['escalated'],
      to: 'resolved',
      parties: [developerOf('designerOffice'), directorOf('designerOffice')],
      input: resolutionInput,
      label: { fr: 'Résoudre (organisme concepteur)', en: 'Resolve (designer office)' },
    },
    withdraw: withdrawTransition([agentOf('reporterOffice')], {
      fr: 'Retirer le signalement',
      en: 'Withdraw the report',
    }),
  },
  messages: {
    designerIsLevel1: {
      fr: 'L’organisme concepteur assure déjà le niveau 1 de cette application : il n’y a pas de niveau au-dessus, résolvez le signalement.',
      en: 'The designer office already provides level 1 for this application: there is no level above, resolve the report.',
    },
  },
});
