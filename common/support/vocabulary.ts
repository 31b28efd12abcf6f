import type { Track } from '../catalog/vocabulary.ts';
import type { Label } from '../lifecycle.ts';

/**
 * Support (letter §2.2.1, §2.2.2, §3.2.1.2): two flows share one ticket model. Starter-kit support is
 * for trained developers, answered by their region's referent (level 1), escalated to the national
 * starter-kit team (level 2). Application support is for agents of a using office: level 1 is the CSN
 * for a labelled application and the designer office otherwise; level 2 is always the designer office.
 */
export const SUPPORT_FLOWS = ['starterKit', 'application'] as const;
export type SupportFlow = (typeof SUPPORT_FLOWS)[number];
export const SUPPORT_FLOW_LABELS: Record<SupportFlow, Label> = {
  starterKit: { fr: 'Support du starter kit', en: 'Starter-kit support' },
  application: { fr: 'Support d’une application', en: 'Application support' },
};

export const TICKET_STATES = ['open', 'escalated', 'resolved', 'withdrawn'] as const;
export type TicketState = (typeof TICKET_STATES)[number];
export const TICKET_STATE_LABELS: Record<TicketState, Label> = {
  open: { fr: 'Ouvert (niveau 1)', en: 'Open (level 1)' },
  escalated: { fr: 'Escaladé (niveau 2)', en: 'Escalated (level 2)' },
  resolved: { fr: 'Résolu', en: 'Resolved' },
  withdrawn: { fr: 'Retiré', en: 'Withdrawn' },
};

export const TICKET_LEVELS = [1, 2] as const;
export type TicketLevel = (typeof TICKET_LEVELS)[number];

/** The office code of the national service centre, level 1 of labelled applications. */
export const SERVICE_CENTRE_CODE = 'CSN';

/** Who answers an application's level 1: the CSN for a labelled application, its designer otherwise. */
export const applicationLevel1 = (track: Track): 'serviceCentre' | 'designer' =>
  track === 'labelling' ? 'serviceCentre' : 'designer';

/** The national starter-kit team (level 2 of starter-kit support): the DDSI, administrators standing in. */
export const NATIONAL_STARTER_KIT_TEAM = ['itDirectorate', 'admin'] as const;
