import { CLUB_ANIMATOR_ROLES, CLUB_MEMBER_ROLES } from '../../../common/clubs/vocabulary.ts';
import { type Actor, hasRole, type PolicyTable } from '../../lib/policy.ts';

/** What a club's rules look at: its designer office and its member offices. */
export interface ClubResource {
  designerOrganisationId: string;
  memberOrganisationIds: readonly string[];
}
/** Taking an office out of a club: the office itself, or the designer office. */
export interface ClubMembershipResource {
  club: ClubResource;
  organisationId: string;
}

const actsForOffice = (actor: Actor) => hasRole(actor, ...CLUB_MEMBER_ROLES);
const animates = (actor: Actor, club: ClubResource) =>
  hasRole(actor, ...CLUB_ANIMATOR_ROLES) && club.designerOrganisationId === actor.organisationId;
const isMember = (actor: Actor, club: ClubResource) =>
  club.memberOrganisationIds.includes(actor.organisationId);

/**
 * User clubs: everyone signed in reads them. The people of an office (agents, developers, its director)
 * have it join or leave a club and, once it is a member, write wishes and vote — one vote per office. The
 * designer office's developers and director animate: news, meetings, taking a member out; they write
 * wishes too but do not vote. Answering a wish is its lifecycle's (common/lifecycles/club-wish.ts).
 */
export const clubsPolicy: PolicyTable = {
  'club.read': () => true,
  'club.join': (actor, club?: ClubResource) =>
    actsForOffice(actor) && (!club || club.designerOrganisationId !== actor.organisationId),
  'club.leave': (actor, target?: ClubMembershipResource) =>
    actsForOffice(actor) &&
    (!target || target.organisationId === actor.organisationId || animates(actor, target.club)),
  'club.publish': (actor, club?: ClubResource) =>
    hasRole(actor, ...CLUB_ANIMATOR_ROLES) && (!club || animates(actor, club)),
  'club.wish': (actor, club?: ClubResource) =>
    actsForOffice(actor) && (!club || isMember(actor, club) || animates(actor, club)),
  'club.vote': (actor, club?: ClubResource) => actsForOffice(actor) && (!club || isMember(actor, club)),
};
