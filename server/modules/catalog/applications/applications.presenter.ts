import type { ApplicationDto, AttachmentDto } from '../../../../common/schemas/application.ts';
import type { ApplicationTechnologies } from '../../../db/schema.ts';
import { renderMarkdown } from '../../../lib/markdown.ts';
import type { Actor, Authorizer } from '../../../lib/policy.ts';
import type { ApplicationRow, ApplicationSheet, OrganisationRef } from './applications.queries.ts';

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

const organisationRef = (o: OrganisationRef) => ({
  id: o.id,
  code: o.code,
  name: o.name,
  type: o.type as ApplicationDto['designerOrganisation']['type'],
  region: o.region as ApplicationDto['designerOrganisation']['region'],
});

/** A stored contact with every key present (null when unknown). */
export const contact = (
  c: { name?: string | null; email?: string | null; phone?: string | null } | null,
) => ({
  name: c?.name ?? null,
  email: c?.email ?? null,
  phone: c?.phone ?? null,
});

export function presentAttachment(a: ApplicationSheet['attachments'][number]): AttachmentDto {
  return {
    id: a.id,
    kind: a.kind as AttachmentDto['kind'],
    fileName: a.fileName,
    mediaType: a.mediaType,
    size: a.size,
    createdAt: iso(a.createdAt),
  };
}

/** Stored technologies with every key present (null when unknown). */
export const technologiesOf = (t: ApplicationTechnologies | null) => ({
  php: t?.php ?? null,
  symfony: t?.symfony ?? null,
  starterKit: t?.starterKit ?? null,
  psram: t?.psram ?? null,
  database: t?.database ?? null,
  others: t?.others ?? [],
});

export function presentApplication(
  sheet: ApplicationSheet,
  actor: Actor | null,
  authorizer: Authorizer,
): ApplicationDto {
  return {
    id: sheet.id,
    code: sheet.code,
    name: sheet.name,
    summary: sheet.summary,
    description: sheet.description,
    descriptionHtml: renderMarkdown(sheet.description),
    domain: { code: sheet.domain.code, label: sheet.domain.labelFr },
    designerOrganisation: organisationRef(sheet.designer),
    contributors: sheet.contributors.map(organisationRef),
    track: sheet.track as ApplicationDto['track'],
    certificationStatus: sheet.certificationStatus as ApplicationDto['certificationStatus'],
    lifecycleStage: sheet.lifecycleStage as ApplicationDto['lifecycleStage'],
    maturityLevel: sheet.maturityLevel,
    criticalityClass: sheet.criticalityClass as ApplicationDto['criticalityClass'],
    technologies: technologiesOf(sheet.technologies),
    technologyTags: sheet.technologyTags,
    hosting: sheet.hosting as ApplicationDto['hosting'],
    personalData: sheet.personalData,
    personalDataCategories: sheet.personalDataCategories as ApplicationDto['personalDataCategories'],
    cnilReference: sheet.cnilReference,
    connectors: sheet.connectors,
    forgeUrl: sheet.forgeUrl,
    documentationUrl: sheet.documentationUrl,
    licence: sheet.licence,
    maintainer: contact(sheet.maintainer),
    support: contact(sheet.support),
    versions: sheet.versions.map((v) => ({ number: v.number, releasedOn: v.releasedOn, notes: v.notes })),
    attachments: sheet.attachments.map(presentAttachment),
    myUsage: sheet.myUsage
      ? {
          since: sheet.myUsage.since,
          userCount: sheet.myUsage.userCount,
          versionNumber: sheet.myUsage.versionNumber,
          comment: sheet.myUsage.comment,
        }
      : null,
    usageCount: sheet.usageCount,
    archived: sheet.archivedAt !== null,
    version: sheet.version,
    createdAt: iso(sheet.createdAt),
    updatedAt: iso(sheet.updatedAt),
    createdBy: sheet.createdByUser,
    updatedBy: sheet.updatedByUser,
    can: {
      update: authorizer.can(actor, 'application.update', sheet),
      declareUsage: authorizer.can(actor, 'application.declareUsage', sheet),
    },
  };
}

/** What the audit trail keeps of a sheet: its fields as stored, without the rendered text. */
export function auditSnapshot(
  row: ApplicationRow,
  extra: { contributors?: string[]; versions?: unknown[] } = {},
) {
  const { searchVector: _vector, createdAt: _c, updatedAt: _u, keywords: _k, ...fields } = row;
  return { ...fields, ...extra };
}
