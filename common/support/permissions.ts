import type { Label } from '../lifecycle.ts';

/** The actions of support tickets (spread into permissions.ts's list). */
export const SUPPORT_ACTIONS = [
  'supportTicket.read',
  'supportTicket.openStarterKit',
  'supportTicket.openApplication',
  'supportTicket.message',
  'supportTicket.assign',
  'supportTicket.proposeToReferential',
  // Lifecycle transitions (common/lifecycles/starter-kit-ticket.ts, application-ticket.ts).
  'starterKitTicket.escalate',
  'starterKitTicket.resolve',
  'starterKitTicket.resolveEscalated',
  'starterKitTicket.withdraw',
  'applicationTicket.escalate',
  'applicationTicket.resolve',
  'applicationTicket.resolveEscalated',
  'applicationTicket.withdraw',
] as const;

const transition = (what: string, en: string): Label => ({ fr: what, en });

export const SUPPORT_ACTION_LABELS: Record<(typeof SUPPORT_ACTIONS)[number], Label> = {
  'supportTicket.read': { fr: 'Consulter les tickets de support', en: 'Read support tickets' },
  'supportTicket.openStarterKit': {
    fr: 'Ouvrir un ticket de support du starter kit (développeur formé)',
    en: 'Open a starter-kit support ticket (trained developer)',
  },
  'supportTicket.openApplication': {
    fr: 'Signaler un problème sur une application utilisée',
    en: 'Report a problem on an application in use',
  },
  'supportTicket.message': { fr: 'Écrire dans un ticket de support', en: 'Write in a support ticket' },
  'supportTicket.assign': { fr: 'Prendre en charge un ticket de support', en: 'Take a support ticket' },
  'supportTicket.proposeToReferential': {
    fr: 'Proposer au référentiel un ticket du starter kit résolu',
    en: 'Propose a resolved starter-kit ticket to the referential',
  },
  'starterKitTicket.escalate': transition(
    'Escalader un ticket du starter kit à l’équipe nationale',
    'Escalate a starter-kit ticket to the national team',
  ),
  'starterKitTicket.resolve': transition(
    'Résoudre un ticket du starter kit (N1)',
    'Resolve a starter-kit ticket (L1)',
  ),
  'starterKitTicket.resolveEscalated': transition(
    'Résoudre un ticket du starter kit escaladé (équipe nationale)',
    'Resolve an escalated starter-kit ticket (national team)',
  ),
  'starterKitTicket.withdraw': transition(
    'Retirer son ticket du starter kit',
    'Withdraw one’s starter-kit ticket',
  ),
  'applicationTicket.escalate': transition(
    'Escalader un ticket d’application à l’organisme concepteur',
    'Escalate an application ticket to the designer office',
  ),
  'applicationTicket.resolve': transition(
    'Résoudre un ticket d’application (N1)',
    'Resolve an application ticket (L1)',
  ),
  'applicationTicket.resolveEscalated': transition(
    'Résoudre un ticket d’application escaladé (organisme concepteur)',
    'Resolve an escalated application ticket (designer office)',
  ),
  'applicationTicket.withdraw': transition('Retirer son signalement', 'Withdraw one’s report'),
};

export const SUPPORT_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'supportTicket.open': { fr: 'Ticket de support ouvert', en: 'Support ticket opened' },
  'supportTicket.message': { fr: 'Message dans un ticket de support', en: 'Message in a support ticket' },
  'supportTicket.assign': { fr: 'Ticket de support attribué', en: 'Support ticket assigned' },
  'supportTicket.attach': { fr: 'Fichier joint à un ticket', en: 'File attached to a ticket' },
  'supportTicket.detach': { fr: 'Fichier retiré d’un ticket', en: 'File removed from a ticket' },
  'supportTicket.proposeToReferential': {
    fr: 'Ticket proposé au référentiel',
    en: 'Ticket proposed to the referential',
  },
  'starterKitTicket.escalate': { fr: 'Ticket escaladé au niveau 2', en: 'Ticket escalated to level 2' },
  'starterKitTicket.resolve': { fr: 'Ticket résolu (niveau 1)', en: 'Ticket resolved (level 1)' },
  'starterKitTicket.resolveEscalated': { fr: 'Ticket résolu (niveau 2)', en: 'Ticket resolved (level 2)' },
  'starterKitTicket.withdraw': { fr: 'Ticket retiré', en: 'Ticket withdrawn' },
  'applicationTicket.escalate': { fr: 'Signalement escaladé au niveau 2', en: 'Report escalated to level 2' },
  'applicationTicket.resolve': { fr: 'Signalement résolu (niveau 1)', en: 'Report resolved (level 1)' },
  'applicationTicket.resolveEscalated': {
    fr: 'Signalement résolu (niveau 2)',
    en: 'Report resolved (level 2)',
  },
  'applicationTicket.withdraw': { fr: 'Signalement retiré', en: 'Report withdrawn' },
};

export const SUPPORT_TARGET_TYPE_LABELS: Record<string, Label> = {
  supportTicket: { fr: 'Ticket de support', en: 'Support ticket' },
};
