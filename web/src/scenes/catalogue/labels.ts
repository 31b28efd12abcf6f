import {
  CERTIFICATION_STATUS_LABELS,
  CRITICALITY_LABELS,
  FACET_LABELS,
  type Facet,
  FORGE_SIGNAL_LABELS,
  HOSTING_LABELS,
  LIFECYCLE_STAGE_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  PERSONAL_DATA_VALUE_LABELS,
  TRACK_LABELS,
} from '../../../../common/catalog/vocabulary.ts';

type Pair = { fr: string; en: string };
type Label = (pair: Pair) => string;

const FIXED: Partial<Record<Facet, Record<string, Pair>>> = {
  track: TRACK_LABELS,
  status: CERTIFICATION_STATUS_LABELS,
  lifecycle: LIFECYCLE_STAGE_LABELS,
  hosting: HOSTING_LABELS,
  personalData: PERSONAL_DATA_VALUE_LABELS,
  forge: FORGE_SIGNAL_LABELS,
};

/** A facet value's label in the current language (domains and offices come labelled from the server). */
export function facetValueLabel(label: Label, facet: Facet, value: string, serverLabel: string) {
  const pair = FIXED[facet]?.[value];
  return pair ? label(pair) : serverLabel;
}

export const facetLabel = (label: Label, facet: Facet) => label(FACET_LABELS[facet]);

/** Select options of a code list, typed with its values (a Select then hands back a value of the list). */
export const options = <T extends string>(label: Label, pairs: Record<T, Pair>) =>
  (Object.entries(pairs) as [T, Pair][]).map(([value, pair]) => ({ value, label: label(pair) }));

export const TRACK_COLORS: Record<string, string> = {
  labelling: 'indigo',
  homologation: 'teal',
  nonStandard: 'gray',
  nationalParticipation: 'grape',
  notDeclared: 'orange',
};

export {
  CERTIFICATION_STATUS_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  LIFECYCLE_STAGE_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  TRACK_LABELS,
};
