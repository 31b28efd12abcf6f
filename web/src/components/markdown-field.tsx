import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A Markdown text (a sheet's or a project's description): rendered and sanitised by the server. */
export function MarkdownField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={label}
      description={t('form.descriptionHelp')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autosize
      minRows={5}
    />
  );
}
