import type {
  CriticalityClass,
  Hosting,
  LifecycleStage,
  PersonalDataCategory,
  Track,
} from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import type { ApplicationDraft } from '../../api/catalogue.ts';
import { type KeyedRow, nextRowKey } from '../../components/editable-rows.tsx';

/** The state of the application form, from a sheet and back to a request body. */

export interface VersionRow extends KeyedRow {
  number: string;
  releasedOn: string;
  notes: string;
}

export interface FormState {
  code: string;
  name: string;
  summary: string;
  description: string;
  domainCode: string | null;
  designerOrganisationId: string | null;
  contributorOrganisationIds: string[];
  track: Track | null;
  lifecycleStage: LifecycleStage | null;
  maturityLevel: string | null;
  criticalityClass: CriticalityClass | null;
  php: string;
  symfony: string;
  starterKit: string;
  psram: string;
  database: string;
  others: string[];
  hosting: Hosting | null;
  personalData: boolean;
  personalDataCategories: PersonalDataCategory[];
  cnilReference: string;
  connectors: string[];
  forgeUrl: string;
  documentationUrl: string;
  licence: string;
  maintainerName: string;
  maintainerEmail: string;
  maintainerPhone: string;
  supportName: string;
  supportEmail: string;
  supportPhone: string;
  versions: VersionRow[];
}

export function initialState(
  application: ApplicationDto | undefined,
  organisationId: string | null,
): FormState {
  const a = application;
  return {
    code: a?.code ?? '',
    name: a?.name ?? '',
    summary: a?.summary ?? '',
    description: a?.description ?? '',
    domainCode: a?.domain.code ?? null,
    designerOrganisationId: a?.designerOrganisation.id ?? organisationId,
    contributorOrganisationIds: a?.contributors.map((c) => c.id) ?? [],
    track: a?.track ?? null,
    lifecycleStage: a?.lifecycleStage ?? null,
    maturityLevel: a?.maturityLevel ? String(a.maturityLevel) : null,
    criticalityClass: a?.criticalityClass ?? null,
    php: a?.technologies.php ?? '',
    symfony: a?.technologies.symfony ?? '',
    starterKit: a?.technologies.starterKit ?? '',
    psram: a?.technologies.psram ?? '',
    database: a?.technologies.database ?? '',
    others: a?.technologies.others ?? [],
    hosting: a?.hosting ?? null,
    personalData: a?.personalData ?? false,
    personalDataCategories: a?.personalDataCategories ?? [],
    cnilReference: a?.cnilReference ?? '',
    connectors: a?.connectors ?? [],
    forgeUrl: a?.forgeUrl ?? '',
    documentationUrl: a?.documentationUrl ?? '',
    licence: a?.licence ?? '',
    maintainerName: a?.maintainer.name ?? '',
    maintainerEmail: a?.maintainer.email ?? '',
    maintainerPhone: a?.maintainer.phone ?? '',
    supportName: a?.support.name ?? '',
    supportEmail: a?.support.email ?? '',
    supportPhone: a?.support.phone ?? '',
    versions: (a?.versions ?? []).map((v) => ({
      key: nextRowKey(),
      number: v.number,
      releasedOn: v.releasedOn ?? '',
      notes: v.notes,
    })),
  };
}

export function bodyOf(state: FormState, creating: boolean): ApplicationDraft {
  const text = (value: string) => (value.trim() ? value.trim() : null);
  return {
    ...(creating && state.code.trim() ? { code: state.code.trim() } : {}),
    name: state.name,
    summary: state.summary,
    description: state.description,
    domainCode: state.domainCode ?? '',
    designerOrganisationId: state.designerOrganisationId ?? '',
    contributorOrganisationIds: state.contributorOrganisationIds,
    track: state.track,
    lifecycleStage: state.lifecycleStage,
    maturityLevel: state.maturityLevel ? Number(state.maturityLevel) : null,
    criticalityClass: state.criticalityClass,
    technologies: {
      php: text(state.php),
      symfony: text(state.symfony),
      starterKit: text(state.starterKit),
      psram: text(state.psram),
      database: text(state.database),
      others: state.others,
    },
    hosting: state.hosting,
    personalData: state.personalData,
    personalDataCategories: state.personalData ? state.personalDataCategories : [],
    cnilReference: text(state.cnilReference),
    connectors: state.connectors,
    forgeUrl: text(state.forgeUrl),
    documentationUrl: text(state.documentationUrl),
    licence: text(state.licence),
    maintainer: {
      name: text(state.maintainerName),
      email: text(state.maintainerEmail),
      phone: text(state.maintainerPhone),
    },
    support: {
      name: text(state.supportName),
      email: text(state.supportEmail),
      phone: text(state.supportPhone),
    },
    versions: state.versions.map((v) => ({
      number: v.number,
      releasedOn: v.releasedOn || null,
      notes: v.notes,
    })),
  };
}
