import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBusinessDomains } from '../api/catalogue.ts';
import { useLabel } from '../i18n/index.ts';

/** The business domain of a sheet or a project, from the controlled list, in the reader's language. */
export function DomainSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const domains = useBusinessDomains();
  return (
    <Select
      label={t('sheet.domain')}
      required
      searchable
      data={(domains.data ?? []).map((d) => ({
        value: d.code,
        label: label({ fr: d.labelFr, en: d.labelEn }),
      }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
