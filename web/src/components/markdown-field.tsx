import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MentionTextarea } from './mention-textarea.tsx';

/**
 * A Markdown text (a sheet's or a project's description): rendered and sanitised by the server. With
 * `mentions` (where the server reads `@prenom.nom`: a sheet's or a project's description), `@` proposes people.
 */
export function MarkdownField({
  label,
  value,
  onChange,
  error,
  mentions = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  mentions?: boolean;
}) {
  const { t } = useTranslation();
  if (mentions)
    return (
      <MentionTextarea
        label={label}
        description={`${t('form.descriptionHelp')} ${t('mentions.help')}`}
        value={value}
        onValueChange={onChange}
        error={error}
        autosize
        minRows={5}
      />
    );
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
