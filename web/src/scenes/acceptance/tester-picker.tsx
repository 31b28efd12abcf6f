import { MultiSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TesterDto } from '../../../../common/schemas/acceptance.ts';
import { useTesterSearch } from '../../api/acceptance.ts';

/** The named testers of a campaign: accounts found by typing two letters of a name or an e-mail. */
export function TesterPicker({
  value,
  onChange,
  error,
}: {
  value: TesterDto[];
  onChange: (testers: TesterDto[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = useTesterSearch(search).data?.items ?? [];
  const known = new Map([...value, ...found].map((tester) => [tester.id, tester]));
  return (
    <MultiSelect
      label={t('acceptance.form.testers')}
      description={t('acceptance.form.testersHelp')}
      data={[...known.values()].map((tester) => ({
        value: tester.id,
        label: `${tester.name} (${tester.organisationName})`,
      }))}
      value={value.map((tester) => tester.id)}
      onChange={(ids) => onChange(ids.map((id) => known.get(id)).filter((x): x is TesterDto => !!x))}
      // The server found them by name or e-mail: nothing more is filtered here.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={search.trim().length >= 2 ? t('acceptance.form.noTester') : undefined}
      error={error}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('acceptance.form.clearTesters') }}
    />
  );
}
