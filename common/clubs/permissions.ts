import type { Label } from '../lifecycle.ts';

/** The actions of user clubs (spread into permissions.ts's list). */
export const CLUB_ACTIONS = [
  'club.read',
  'club.join',
  'club.leave',
  'club.publish',
  'club.wish',
  'club.vote',
  // Lifecycle transitions of a wish (common/lifecycles/club-wish.ts).
  'clubWish.plan',
  'clubWish.decline',
] as const;

export const CLUB_ACTION_LABELS: Record<(typeof CLUB_ACTIONS)[number], Label> = {
  'club.read': { fr: 'Consulter les clubs utilisateurs', en: 'Read the user clubs' },
  'club.join': {
    fr: 'Faire adhérer son organisme à un club utilisateurs',
    en: 'Have one’s office join a user club',
  },
  'club.leave': {
    fr: 'Retirer son organisme d’un club (ou un membre, pour l’organisme concepteur)',
    en: 'Take one’s office out of a club (or a member, for the designer office)',
  },
  'club.publish': {
    fr: 'Publier les actualités et les réunions du club (organisme concepteur)',
    en: 'Publish the club’s news and meetings (designer office)',
  },
  'club.wish': { fr: 'Proposer une évolution à un club', en: 'Propose an evolution to a club' },
  'club.vote': {
    fr: 'Voter pour une évolution (un vote par organisme membre)',
    en: 'Vote on an evolution (one vote per member office)',
  },
  'clubWish.plan': {
    fr: 'Prévoir une évolution pour une version (organisme concepteur)',
    en: 'Plan an evolution for a version (designer office)',
  },
  'clubWish.decline': {
    fr: 'Décliner une évolution avec un motif (organisme concepteur)',
    en: 'Decline an evolution with a reason (designer office)',
  },
};

/** Words for the clubs' events in the audit trail. */
export const CLUB_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'club.join': { fr: 'Adhésion à un club utilisateurs', en: 'User club joined' },
  'club.leave': { fr: 'Départ d’un club utilisateurs', en: 'User club left' },
  'club.post': { fr: 'Actualité publiée dans un club', en: 'Club news published' },
  'club.scheduleMeeting': { fr: 'Réunion de club programmée', en: 'Club meeting scheduled' },
  'club.updateMeeting': { fr: 'Réunion de club modifiée', en: 'Club meeting updated' },
  'club.wish': { fr: 'Évolution proposée à un club', en: 'Evolution proposed to a club' },
  'club.vote': { fr: 'Vote sur une évolution', en: 'Vote on an evolution' },
  'club.unvote': { fr: 'Vote retiré sur une évolution', en: 'Vote on an evolution withdrawn' },
  'clubWish.plan': { fr: 'Évolution prévue pour une version', en: 'Evolution planned for a version' },
  'clubWish.decline': { fr: 'Évolution déclinée', en: 'Evolution declined' },
};

export const CLUB_TARGET_TYPE_LABELS: Record<string, Label> = {
  club: { fr: 'Club utilisateurs', en: 'User club' },
  clubWish: { fr: 'Évolution souhaitée', en: 'Wished evolution' },
  clubMeeting: { fr: 'Réunion de club', en: 'Club meeting' },
};
