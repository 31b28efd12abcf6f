import { excerpt } from '../../../../common/notifications.ts';
import { recordAudit } from '../../../lib/audit.ts';
import type { TxContext } from '../../../lib/context.ts';
import type { Actor } from '../../../lib/policy.ts';
import { insertSponsorship } from '../../projects/collaboration.queries.ts';
import { insertProject, replaceProjectOffices } from '../../projects/projects.queries.ts';
import type { CallRow } from '../calls.queries.ts';
import type { ProposalSubject } from './proposals.queries.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The project a selected proposal becomes: held by the proposing office, developed by it and its
 * partners, in the call's business domain, with the proposal's planned dates as those of development.
 * A national call's project is on the labelling track with the issuing directorate's sponsorship
 * already accepted (the selection is that decision); a local or regional one is declared for
 * homologation. Written in the selection's transaction.
 */
export async function projectFromProposal(
  tx: TxContext,
  call: CallRow,
  proposal: ProposalSubject,
  rationale: string,
  actor: Actor,
) {
  const national = call.scope === 'national';
  const track = national ? 'labelling' : 'homologation';
  const project = await insertProject(tx.db, {
    title: proposal.title,
    need: excerpt(call.expectedOutcome || call.title, 1000),
    description: proposal.approach,
    domainCode: call.domainCode,
    holderOrganisationId: proposal.organisationId,
    track,
    plannedDates:
      proposal.plannedStart || proposal.plannedEnd
        ? { development: { start: proposal.plannedStart, end: proposal.plannedEnd } }
        : {},
    homologationDeclaredOn: track === 'homologation' ? today() : null,
    createdBy: proposal.createdBy ?? actor.userId,
  });
  const partners = proposal.partnerIds.filter((id) => !proposal.unconfirmedPartnerIds.includes(id));
  await replaceProjectOffices(tx.db, project.id, 'developer', [proposal.organisationId, ...partners]);
  const sponsorship = national
    ? await insertSponsorship(tx.db, {
        projectId: project.id,
        directorateId: call.issuerOrganisationId,
        pitch: `Proposition retenue à l'appel à projets « ${call.title} ».`,
        state: 'accepted',
        rationale,
        requestedBy: proposal.createdBy,
        requestedAt: new Date(),
        decidedBy: actor.userId,
        decidedAt: new Date(),
      })
    : null;
  await recordAudit(tx, {
    action: 'project.create',
    targetType: 'project',
    targetId: project.id,
    before: null,
    after: {
      title: project.title,
      track,
      holderOrganisationId: proposal.organisationId,
      developerOrganisationIds: [proposal.organisationId, ...partners],
      callId: call.id,
      proposalId: proposal.id,
      sponsorshipId: sponsorship?.id ?? null,
    },
  });
  return project.id;
}
