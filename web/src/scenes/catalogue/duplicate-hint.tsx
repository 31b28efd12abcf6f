import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSimilarApplications } from '../../api/similar.ts';

/**
 * While a new sheet's name and summary are typed: the sheets that look like it (the measure of the
 * redundancy clusters), so that an application already in the catalogue is declared as used rather than
 * declared twice. The sentence is a polite live region: a screen reader hears it when it changes, without
 * losing its place in the form.
 */
export function DuplicateHint({ name, summary }: { name: string; summary: string }) {
  const { t } = useTranslation();
  const [typed] = useDebouncedValue({ name, summary }, 400);
  const query = useSimilarApplications(typed.name, typed.summary);
  const items = typed.name.trim().length >= 4 ? (query.data?.items ?? []) : [];
  return (
    <Paper withBorder={items.length > 0} p={items.length > 0 ? 'sm' : 0}>
      <Text id="duplicate-hint" role="status" aria-live="polite" fw={items.length > 0 ? 600 : undefined}>
        {items.length > 0 ? t('similar.found', { count: items.length }) : ''}
      </Text>
      {items.length > 0 ? (
        <Stack component="ul" gap="xs" mt="xs" className="plain-list">
          {items.map((item) => (
            <li key={item.id}>
              <Anchor href={`/catalogue/${item.id}`} target="_blank" rel="noopener">
                {item.name}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                {t('similar.newTab')} — {item.designerOrganisation.name} ·{' '}
                {t('similar.likeness', { value: Math.round(item.similarity * 100) })}
              </Text>
              <Text size="sm">{item.summary}</Text>
            </li>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
