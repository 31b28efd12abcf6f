import type { ApplicationDto, ApplicationSummaryDto } from '../../../../common/schemas/application.ts';
import type { LifecycleViewDto, TransitionDto } from '../../../../common/schemas/lifecycle.ts';
import { renderMarkdown } from '../../../lib/markdown.ts';
import type { Actor, Authorizer } from '../../../lib/policy.ts';
import { presentOrganisationSummary } from '../../organisations/organisations.presenter.ts';
import { presentAttachment } from '../attachments/attachments.presenter.ts';
import { contactOf, technologiesOf } from './applications.mapper.ts';
import type { ApplicationDetail, ApplicationSummarySource } from './applications.queries.ts';

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** The card of an application in the catalogue (and the head of its full page). */
export function presentApplicationSummary(source: ApplicationSummarySource): ApplicationSummaryDto {
  return {
    id: source.id,
    code: source.code,
    name: source.name,
    summary: source.summary,
    domain: { code: source.domain.code, label: source.domain.label },
    designerOrganisation: presentOrganisationSummary(source.designer),
    track: source.track as ApplicationSummaryDto['track'],
    certificationStatus: source.certificationStatus as ApplicationSummaryDto['certificationStatus'],
    lifecycleStage: source.lifecycleStage as ApplicationSummaryDto['lifecycleStage'],
    hosting: source.hosting as ApplicationSummaryDto['hosting'],
    technologyTags: source.technologyTags,
    personalData: source.personalData,
    usageCount: Number(source.usageCount),
    archived: source.archived,
    updatedAt: iso(source.updatedAt),
  };
}

export function presentApplication(
  view: { application: ApplicationDetail; transitions: TransitionDto[]; lifecycles: LifecycleViewDto[] },
  actor: Actor | null,
  authorizer: Authorizer,
): ApplicationDto {
  const { application } = view;
  return {
    ...presentApplicationSummary({ ...application, archived: application.archivedAt !== null }),
    description: application.description,
    descriptionHtml: renderMarkdown(application.description),
    contributors: application.contributors.map(presentOrganisationSummary),
    maturityLevel: application.maturityLevel,
    criticalityClass: application.criticalityClass as ApplicationDto['criticalityClass'],
    technologies: technologiesOf(application.technologies),
    personalDataCategories: application.personalDataCategories as ApplicationDto['personalDataCategories'],
    cnilReference: application.cnilReference,
    connectors: application.connectors,
    forgeUrl: application.forgeUrl,
    documentationUrl: application.documentationUrl,
    licence: application.licence,
    maintainer: contactOf(application.maintainer),
    support: contactOf(application.support),
    versions: application.versions.map((v) => ({
      number: v.number,
      releasedOn: v.releasedOn,
      notes: v.notes,
    })),
    attachments: application.attachments.map(presentAttachment),
    myUsage: application.myUsage
      ? {
          since: application.myUsage.since,
          userCount: application.myUsage.userCount,
          versionNumber: application.myUsage.versionNumber,
          comment: application.myUsage.comment,
        }
      : null,
    replacedBy: application.replacedBy,
    replacedAt: application.replacedAt ? iso(application.replacedAt) : null,
    replaces: application.replaces.flatMap(({ replacedAt, ...sheet }) =>
      replacedAt ? [{ ...sheet, replacedAt: iso(replacedAt) }] : [],
    ),
    version: application.version,
    createdAt: iso(application.createdAt),
    createdBy: application.createdByUser,
    updatedBy: application.updatedByUser,
    can: {
      update: authorizer.can(actor, 'application.update', application),
      declareUsage: authorizer.can(actor, 'application.declareUsage', application),
    },
    transitions: view.transitions,
    lifecycles: view.lifecycles,
  };
}
