import {
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  REGION_LABELS,
  REGIONS,
} from '../../../../common/organisations.ts';

export const typeOptions = (label: (l: { fr: string; en: string }) => string) =>
  ORGANISATION_TYPES.map((type) => ({ value: type, label: label(ORGANISATION_TYPE_LABELS[type]) }));

export const regionOptions = () => REGIONS.map((region) => ({ value: region, label: REGION_LABELS[region] }));

/** Short form of a type for tables: the acronym before the dash. */
export const shortType = (label: string) => label.split(' — ')[0] ?? label;
