import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBusinessDomains } from '../api/catalogue.ts';
import { useLabel, useLanguage } from '../i18n/index.ts';

/** A business domain's label in the reader's language (the API sends the French one with the code). */
export function useDomainLabel() {
  const language = useLanguage();
  const { data: domains } = useBusinessDomains();
  return (code: string, french: string) => {
    const domain = domains?.find((d) => d.code === code);
    return domain ? (language === 'en' ? domain.labelEn : domain.labelFr) : french;
  };
}

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
