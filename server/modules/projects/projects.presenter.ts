import { REGION_LABELS, type Region } from '../../../common/organisations.ts';
import { PROJECT_PHASE_LABELS } from '../../../common/projects.ts';
import type { ProjectDto, ProjectPageDto, ProjectSummaryDto } from '../../../common/schemas/project.ts';
import { TRACK_DEFINITIONS, trackRules } from '../../../common/tracks.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { presentContribution, presentOffer, presentSponsorship } from './collaboration.presenter.ts';
import type { ProjectSubject } from './projects.queries.ts';
import type { ProjectList, ProjectReferences, ProjectView } from './projects.service.ts';
import type { FacetCount } from './projects-search.ts';
import type { ProjectSnapshotRow } from './projects-snapshot.queries.ts';

type OrganisationRefDto = ProjectSummaryDto['holderOrganisation'];

function office(references: ProjectReferences, id: string) {
  const found = references.offices.get(id);
  return found
    ? (found as OrganisationRefDto)
    : ({ id, code: '', name: 'Organisme inconnu', type: 'cpam', region: 'national' } as OrganisationRefDto);
}
const named = (references: ProjectReferences, id: string) => {
  const { code, name } = office(references, id);
  return { id, code, name };
};
const application = (references: ProjectReferences, id: string | null) =>
  (id && references.applications.get(id)) || null;

export function presentProjectSummary(
  project: ProjectSubject,
  references: ProjectReferences,
): ProjectSummaryDto {
  return {
    id: project.id,
    title: project.title,
    need: project.need,
    track: project.track,
    phase: project.phase,
    domain: {
      code: project.domainCode,
      label: references.domains.get(project.domainCode) ?? project.domainCode,
    },
    holderOrganisation: office(references, project.holderOrganisationId),
    developerOrganisations: project.developerOrganisationIds.map((id) => named(references, id)),
    needsDevelopers: project.developerOrganisationIds.length === 0,
    sponsorshipAccepted: project.acceptedSponsorIds.length > 0,
    updatedAt: project.updatedAt.toISOString(),
  };
}

const NEEDS_DEVELOPERS_LABELS: Record<string, string> = {
  true: 'Sans organisme développeur',
  false: 'Avec organisme développeur',
};
function facetLabel(facet: string, value: FacetCount): string {
  if (value.label) return value.label;
  if (facet === 'track')
    return TRACK_DEFINITIONS[value.value as keyof typeof TRACK_DEFINITIONS]?.label.fr ?? value.value;
  if (facet === 'phase')
    return PROJECT_PHASE_LABELS[value.value as keyof typeof PROJECT_PHASE_LABELS]?.fr ?? value.value;
  if (facet === 'region') return REGION_LABELS[value.value as Region] ?? value.value;
  if (facet === 'needsDevelopers') return NEEDS_DEVELOPERS_LABELS[value.value] ?? value.value;
  return value.value;
}

/** A card of the list, from the copy of the projects the search runs over. */
function presentProjectCard(row: ProjectSnapshotRow): ProjectSummaryDto {
  return {
    id: row.id,
    title: row.title,
    need: row.need,
    track: row.track,
    phase: row.phase,
    domain: { code: row.domainCode, label: row.domainLabel },
    holderOrganisation: {
      id: row.holderId,
      code: row.officeCode,
      name: row.officeName,
      type: row.officeType,
      region: row.region,
    } as OrganisationRefDto,
    developerOrganisations: row.developers,
    needsDevelopers: row.needsDevelopers,
    sponsorshipAccepted: row.sponsorshipAccepted,
    updatedAt: row.updatedAt,
  };
}

export function presentProjectPage(list: ProjectList): ProjectPageDto {
  return {
    items: list.rows.map(presentProjectCard),
    total: list.total,
    facets: Object.fromEntries(
      Object.entries(list.facets).map(([facet, values]) => [
        facet,
        values.map((v) => ({ value: v.value, label: facetLabel(facet, v), count: v.count })),
      ]),
    ) as ProjectPageDto['facets'],
  };
}

export function presentProject(view: ProjectView): ProjectDto {
  const { project, references } = view;
  return {
    ...presentProjectSummary(project, references),
    description: project.description,
    descriptionHtml: renderMarkdown(project.description),
    pilotOrganisations: project.pilotOrganisationIds.map((id) => named(references, id)),
    contacts: view.contacts,
    suspendedFrom: project.suspendedFrom,
    plannedDates: project.plannedDates,
    actualDates: project.actualDates,
    forgeUrl: project.forgeUrl,
    transitionalProcedure: project.transitionalProcedure,
    transitionalApplication: application(references, project.transitionalApplicationId),
    homologationDeclaredOn: project.homologationDeclaredOn,
    acceptanceReport: project.acceptanceReportSignedAt
      ? {
          signedAt: project.acceptanceReportSignedAt.toISOString(),
          reference: project.acceptanceReportReference,
        }
      : null,
    acceptanceOverride:
      project.acceptanceOverrideReason && project.acceptanceOverrideAt
        ? {
            reason: project.acceptanceOverrideReason,
            by: project.acceptanceOverrideBy,
            at: project.acceptanceOverrideAt.toISOString(),
          }
        : null,
    application: application(references, project.applicationId),
    owningDirectorate: project.owningDirectorateId ? named(references, project.owningDirectorateId) : null,
    amStore: project.amStore,
    duplicateCheck: project.duplicateCheck ?? null,
    delivers: trackRules(project.track).delivers,
    sponsorships: view.collaboration.sponsorships.map((s) => presentSponsorship(s)),
    offers: view.collaboration.offers.map(presentOffer),
    contributions: view.collaboration.contributions.map(presentContribution),
    followerCount: view.followers.count,
    following: view.followers.following,
    version: project.version,
    createdAt: project.createdAt.toISOString(),
    can: view.can,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
  };
}
