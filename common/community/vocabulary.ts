import type { Label } from '../lifecycle.ts';
import { REGIONS, type Region } from '../organisations.ts';

/**
 * The developer community (letter §3.2.1): the developers' directory, the regional starter-kit
 * referents and the offices that apply to become one.
 */

/** Regions a starter-kit referent covers: every region of the network but the national level. */
export const REFERENT_REGIONS = REGIONS.filter((r) => r !== 'national') as Exclude<Region, 'national'>[];
export type ReferentRegion = (typeof REFERENT_REGIONS)[number];

/** The nine referent offices the letter names (§3.2.1.1), by office code and region covered. */
export const LETTER_REFERENT_OFFICES: readonly { code: string; region: ReferentRegion }[] = [
  { code: 'CPAM-62-AR', region: 'hauts-de-france' },
  { code: 'CPAM-93', region: 'ile-de-france' },
  { code: 'CPAM-35', region: 'bretagne' },
  { code: 'CPAM-45', region: 'centre-val-de-loire' },
  { code: 'CPAM-67', region: 'grand-est' },
  { code: 'CPAM-31', region: 'occitanie' },
  { code: 'CPAM-33', region: 'nouvelle-aquitaine' },
  { code: 'CPAM-63', region: 'auvergne-rhone-alpes' },
  { code: 'CPAM-69', region: 'auvergne-rhone-alpes' },
];

/** Who appears in the developers' directory: the accounts holding one of these roles. */
export const DIRECTORY_ROLES = ['developer', 'referent'] as const;

export const REFERENT_APPLICATION_STATES = ['pending', 'accepted', 'refused', 'withdrawn'] as const;
export type ReferentApplicationState = (typeof REFERENT_APPLICATION_STATES)[number];

export const REFERENT_APPLICATION_STATE_LABELS: Record<ReferentApplicationState, Label> = {
  pending: { fr: 'En attente de la DDSI', en: 'Awaiting the DDSI' },
  accepted: { fr: 'Acceptée', en: 'Accepted' },
  refused: { fr: 'Refusée', en: 'Refused' },
  withdrawn: { fr: 'Retirée', en: 'Withdrawn' },
};
