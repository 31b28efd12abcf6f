import { Anchor, Checkbox, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SimilarItem } from './use-similar.ts';

/** The project page opens its offer dialog when reached with this hash. */
export const JOIN_HASH = 'proposer';

/**
 * What looks like the project being declared, while its title and need are typed; and, when something
 * does, the declarant's confirmation that it is not a duplicate. The sentence is a polite live region: a
 * screen reader hears it change without losing its place in the form.
 */
export function SimilarItems({
  items,
  confirmed,
  onConfirm,
  error,
}: {
  items: SimilarItem[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder={items.length > 0} p={items.length > 0 ? 'sm' : 0}>
      <Text role="status" aria-live="polite" fw={items.length > 0 ? 600 : undefined}>
        {items.length > 0 ? t('projectForm.similarFound', { count: items.length }) : ''}
      </Text>
      {items.length > 0 ? (
        <Stack gap="sm" mt="xs">
          <Stack component="ul" gap="xs" className="plain-list">
            {items.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                <Anchor href={item.href} target="_blank" rel="noopener">
                  {item.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {t('similar.newTab')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`projectForm.similarKind.${item.kind}`)} — {item.office} ·{' '}
                  {t('similar.likeness', { value: Math.round(item.score * 100) })}
                </Text>
                <Text size="sm">{item.summary}</Text>
                {item.sharedTerms.length > 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('projectForm.sharedTerms', { terms: item.sharedTerms.join(', ') })}
                  </Text>
                ) : null}
                {item.kind === 'project' ? (
                  // Joining means offering the declarant's office to that project: its page opens the offer.
                  <Anchor component={Link} to={`/projets/${item.id}`} hash={JOIN_HASH} size="sm">
                    {t('projectForm.joinInstead')}
                    <span className="sr-only"> {item.title}</span>
                  </Anchor>
                ) : null}
              </li>
            ))}
          </Stack>
          <Checkbox
            label={t('projectForm.notDuplicate')}
            description={t('projectForm.notDuplicateHelp')}
            checked={confirmed}
            onChange={(e) => onConfirm(e.currentTarget.checked)}
            error={error}
          />
        </Stack>
      ) : null}
    </Paper>
  );
}
