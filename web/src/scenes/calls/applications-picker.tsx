import { MultiSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplicationSearch } from '../../api/proposals.ts';

export interface ApplicationRef {
  id: string;
  code: string;
  name: string;
}

/** Catalogue applications a proposal reuses, found by typing two letters of their name or code. */
export function ApplicationsPicker({
  value,
  onChange,
  error,
}: {
  value: ApplicationRef[];
  onChange: (applications: ApplicationRef[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const found = useApplicationSearch(typed);
  const items = found.data?.items ?? [];
  const known = new Map(
    [...value, ...items.map((a) => ({ id: a.id, code: a.code, name: a.name }))].map((a) => [a.id, a]),
  );
  return (
    <MultiSelect
      label={t('proposals.reused')}
      description={t('proposals.form.reusedHelp')}
      data={[...known.values()].map((a) => ({
        value: a.id,
        label: a.code ? `${a.name} (${a.code})` : a.name,
      }))}
      value={value.map((a) => a.id)}
      onChange={(ids) => onChange(ids.map((id) => known.get(id)).filter((a): a is ApplicationRef => !!a))}
      // The catalogue's search found them: nothing more is filtered here.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={found.data ? t('proposals.form.noApplication') : undefined}
      error={error}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('proposals.form.clearReused') }}
    />
  );
}
