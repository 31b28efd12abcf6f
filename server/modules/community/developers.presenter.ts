import type {
  DeveloperDirectoryDto,
  DeveloperProfileDto,
  DeveloperSummaryDto,
} from '../../../common/schemas/community.ts';
import type { Actor } from '../../lib/policy.ts';
import type { DirectoryPage, DirectoryRow, ProfileLinks } from './developers.queries.ts';

export function presentDeveloperSummary(row: DirectoryRow): DeveloperSummaryDto {
  return {
    id: row.id,
    displayName: row.display_name,
    office: {
      id: row.office_id,
      code: row.office_code,
      name: row.office_name,
      type: row.office_type as DeveloperSummaryDto['office']['type'],
      region: row.office_region,
    },
    isReferent: row.roles.includes('referent'),
    headline: row.headline,
    skills: row.skills ?? [],
    technologies: row.technologies ?? [],
    availableForCollaboration: row.available_for_collaboration ?? false,
    trainedAt: row.trained_at,
  };
}

export function presentDirectory(page: DirectoryPage): DeveloperDirectoryDto {
  return { items: page.items.map(presentDeveloperSummary), total: page.total, facets: page.facets };
}

export function presentDeveloperProfile(
  actor: Actor | null,
  developer: { entry: DirectoryRow; links: ProfileLinks },
): DeveloperProfileDto {
  const { entry, links } = developer;
  return {
    ...presentDeveloperSummary(entry),
    email: entry.email,
    availabilityNote: entry.availability_note,
    applications: links.applications,
    projects: links.projects,
    version: entry.version,
    updatedAt: entry.updated_at ? new Date(entry.updated_at).toISOString() : null,
    editable: actor?.userId === entry.id,
  };
}
