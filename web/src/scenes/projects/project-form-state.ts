import type { ProjectDto } from '../../../../common/schemas/project.ts';
import { type ProjectTrack, TRACK_DEFINITIONS } from '../../../../common/tracks.ts';
import type { ProjectDraft } from '../../api/projects.ts';
import { type KeyedRow, nextRowKey } from '../../components/editable-rows.tsx';

/** The state of the project form (declaration and edit), from a project and back to a request body. */

export interface ContactRow extends KeyedRow {
  name: string;
  role: string;
  email: string;
  phone: string;
}
export type PhaseDates = Record<string, { start: string; end: string }>;

export interface ProjectFormState {
  title: string;
  need: string;
  description: string;
  domainCode: string | null;
  track: ProjectTrack | null;
  developers: string[];
  pilots: string[];
  contacts: ContactRow[];
  forgeUrl: string;
  owningDirectorateId: string | null;
  amStore: boolean;
  transitional: boolean;
  transitionalApplicationId: string | null;
  dates: PhaseDates;
}

export function initialProjectState(project: ProjectDto | undefined, developers: string[]): ProjectFormState {
  const p = project;
  return {
    title: p?.title ?? '',
    need: p?.need ?? '',
    description: p?.description ?? '',
    domainCode: p?.domain.code ?? null,
    track: p?.track ?? null,
    developers: p ? p.developerOrganisations.map((o) => o.id) : developers,
    pilots: p?.pilotOrganisations.map((o) => o.id) ?? [],
    contacts: (p?.contacts ?? []).map((c) => ({
      key: nextRowKey(),
      name: c.name,
      role: c.role,
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
    forgeUrl: p?.forgeUrl ?? '',
    owningDirectorateId: p?.owningDirectorate?.id ?? null,
    amStore: p?.amStore ?? false,
    transitional: p?.transitionalProcedure ?? false,
    transitionalApplicationId: p?.transitionalApplication?.id ?? null,
    dates: Object.fromEntries(
      Object.entries(p?.plannedDates ?? {}).map(([phase, d]) => [
        phase,
        { start: d.start ?? '', end: d.end ?? '' },
      ]),
    ),
  };
}

/** The fields both the declaration and the PATCH send; what a track does not allow goes as its default. */
export function projectBodyOf(state: ProjectFormState): Omit<ProjectDraft, 'notDuplicateOf'> {
  const rules = state.track ? TRACK_DEFINITIONS[state.track].rules : null;
  const text = (value: string) => (value.trim() ? value.trim() : null);
  return {
    title: state.title,
    need: state.need,
    description: state.description,
    domainCode: state.domainCode,
    track: state.track,
    developerOrganisationIds: state.developers,
    pilotOrganisationIds: state.pilots,
    contacts: state.contacts.map((c) => ({
      name: c.name,
      role: text(c.role),
      email: text(c.email),
      phone: text(c.phone),
    })),
    forgeUrl: text(state.forgeUrl),
    owningDirectorateId: state.track === 'nationalParticipation' ? state.owningDirectorateId : null,
    amStore: rules?.mayUseAmCloudStore ? state.amStore : false,
    transitionalProcedure: Boolean(rules?.transitionalProcedure) && state.transitional,
    transitionalApplicationId:
      rules?.transitionalProcedure && state.transitional ? state.transitionalApplicationId : null,
    plannedDates: Object.fromEntries(
      Object.entries(state.dates)
        .filter(([, d]) => d.start || d.end)
        .map(([phase, d]) => [phase, { start: d.start || null, end: d.end || null }]),
    ),
  };
}
