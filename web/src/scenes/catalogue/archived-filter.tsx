import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArchivedFilter } from '../../../../common/catalog/vocabulary.ts';

/**
 * Archived sheets in the catalogue's results: left out (the default), listed with the others, or listed
 * alone — to find one and restore it.
 */
export function ArchivedFilterChoice({
  value,
  onChange,
}: {
  value: ArchivedFilter | undefined;
  onChange: (value: ArchivedFilter | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('catalogue.archivedFilter.label')}
      description={t('catalogue.archivedFilter.help')}
      value={value ?? 'exclude'}
      onChange={(next) => onChange(next === 'include' || next === 'only' ? next : undefined)}
    >
      <Stack gap={6} mt={6}>
        <Radio value="exclude" label={t('catalogue.archivedFilter.exclude')} />
        <Radio value="include" label={t('catalogue.archivedFilter.include')} />
        <Radio value="only" label={t('catalogue.archivedFilter.only')} />
      </Stack>
    </Radio.Group>
  );
}
