import { Checkbox, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplications } from '../../api/catalogue.ts';

/**
 * §2.4: an application already in the catalogue (its development started before the portal) comes
 * through the transitional procedure, naming its sheet — found by typing its name.
 */
export function TransitionalFields({
  checked,
  onChecked,
  applicationId,
  onApplication,
  error,
}: {
  checked: boolean;
  onChecked: (checked: boolean) => void;
  applicationId: string | null;
  onApplication: (id: string | null) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const found = useApplications({ q: typed || undefined });
  const options = (found.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.name} — ${a.designerOrganisation.name}`,
  }));
  return (
    <>
      <Checkbox
        label={t('projectForm.transitional')}
        description={t('projectForm.transitionalHelp')}
        checked={checked}
        onChange={(e) => onChecked(e.currentTarget.checked)}
        error={error('transitionalProcedure')}
      />
      {checked ? (
        <Select
          label={t('projectForm.transitionalApplication')}
          required
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          data={options}
          value={applicationId}
          onChange={onApplication}
          error={error('transitionalApplicationId')}
          nothingFoundMessage={t('projectForm.transitionalNone')}
        />
      ) : null}
    </>
  );
}
