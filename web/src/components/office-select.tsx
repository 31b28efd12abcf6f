import { MultiSelect } from '@mantine/core';
import { useAllOrganisations } from '../api/queries.ts';

/** Every office as a choice of a select: its name and its code. */
export function useOfficeOptions() {
  const organisations = useAllOrganisations();
  return (organisations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }));
}

/** Several offices of the network, found by typing their name or code. */
export function OfficesMultiSelect({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) {
  return (
    <MultiSelect
      label={label}
      description={description}
      data={useOfficeOptions()}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      clearable
    />
  );
}
