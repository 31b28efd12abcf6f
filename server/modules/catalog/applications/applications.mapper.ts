import type { ApplicationInput } from '../../../../common/schemas/application.ts';
import type { ApplicationTechnologies } from '../../../db/schema.ts';
import type { ApplicationAggregate, ApplicationRow } from './applications.queries.ts';

/**
 * Pure mappings of a stored application, shared by the services (the PATCH merge, the audit trail,
 * publiccode.yml) and the presenters.
 */

/**
 * A complete application as the create form, the inventory import and publiccode.yml produce it; its
 * certification status is left out (kept as it is) except from an inventory imported by a certifier.
 */
export type { ApplicationInput };

/** A stored contact with every key present (null when unknown). */
export const contactOf = (
  c: { name?: string | null; email?: string | null; phone?: string | null } | null,
) => ({
  name: c?.name ?? null,
  email: c?.email ?? null,
  phone: c?.phone ?? null,
});

/** Stored technologies with every key present (null when unknown). */
export const technologiesOf = (t: ApplicationTechnologies | null) => ({
  php: t?.php ?? null,
  symfony: t?.symfony ?? null,
  starterKit: t?.starterKit ?? null,
  psram: t?.psram ?? null,
  database: t?.database ?? null,
  others: t?.others ?? [],
});

/** The stored application as an input: a PATCH is the current application with some fields replaced. */
export function applicationInputOf(current: ApplicationAggregate): ApplicationInput {
  return {
    code: current.code,
    name: current.name,
    summary: current.summary,
    description: current.description,
    domainCode: current.domainCode,
    designerOrganisationId: current.designerOrganisationId,
    contributorOrganisationIds: current.contributors.map((c) => c.id),
    track: current.track as ApplicationInput['track'],
    lifecycleStage: current.lifecycleStage as ApplicationInput['lifecycleStage'],
    maturityLevel: current.maturityLevel,
    criticalityClass: current.criticalityClass as ApplicationInput['criticalityClass'],
    technologies: technologiesOf(current.technologies),
    hosting: current.hosting as ApplicationInput['hosting'],
    personalData: current.personalData,
    personalDataCategories: current.personalDataCategories as ApplicationInput['personalDataCategories'],
    cnilReference: current.cnilReference,
    connectors: current.connectors,
    forgeUrl: current.forgeUrl,
    documentationUrl: current.documentationUrl,
    licence: current.licence,
    maintainer: contactOf(current.maintainer),
    support: contactOf(current.support),
    versions: current.versions.map((v) => ({ number: v.number, releasedOn: v.releasedOn, notes: v.notes })),
  };
}

/** What the audit trail keeps of an application: its own fields as stored, without the derived columns. */
export function auditSnapshot(
  stored: ApplicationRow | ApplicationAggregate,
  extra: { contributors?: string[]; versions?: unknown[]; source?: string } = {},
) {
  const {
    searchVector: _vector,
    createdAt: _created,
    updatedAt: _updated,
    keywords: _keywords,
    ...fields
  } = stored as ApplicationRow & Partial<Omit<ApplicationAggregate, keyof ApplicationRow>>;
  const {
    domain: _domain,
    designer: _designer,
    createdByUser: _creator,
    updatedByUser: _updater,
    contributors: _contributors,
    versions: _versions,
    ...row
  } = fields;
  return { ...row, ...extra };
}
