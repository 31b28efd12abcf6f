import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REFERENTIAL_CATEGORIES,
  type ReferentialCategory,
} from '../../../../common/referential/vocabulary.ts';
import { type ReferentialSearch, useReferentialPages } from '../../api/referential.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ProposalForm } from './proposal-form.tsx';

/** The referential: its pages by category (the tree), a French search, the new pages proposed. */
export function ReferentialPage({ search }: { search: ReferentialSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(search.q ?? '');
  const [proposing, setProposing] = useState(false);
  const query = useReferentialPages(search);
  const items = query.data?.items;
  const go = (next: ReferentialSearch) => navigate({ to: '/referentiel', search: next });
  return (
    <Stack>
      <PageHeader
        title={t('referential.title')}
        intro={t('referential.intro')}
        actions={
          <Button variant="light" onClick={() => setProposing((open) => !open)} aria-expanded={proposing}>
            {t('referential.proposePage')}
          </Button>
        }
      />
      {proposing ? (
        <ProposalForm onSent={(proposal) => navigate({ to: `/referentiel/propositions/${proposal.id}` })} />
      ) : null}
      <Group
        component="form"
        role="search"
        align="flex-end"
        onSubmit={(event) => {
          event.preventDefault();
          go({ ...search, q: q.trim() || undefined });
        }}
      >
        <TextInput
          label={t('referential.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={320}
        />
        <Select
          label={t('referential.category')}
          data={[
            { value: '', label: t('referential.allCategories') },
            ...REFERENTIAL_CATEGORIES.map((value) => ({
              value,
              label: t(`referential.categories.${value}`),
            })),
          ]}
          value={search.category ?? ''}
          onChange={(value) =>
            go({ ...search, category: (value || undefined) as ReferentialCategory | undefined })
          }
          w={260}
          allowDeselect={false}
        />
        <Button type="submit">{t('common.search')}</Button>
      </Group>
      <ErrorAlert error={query.error} />
      {items?.length === 0 ? <Text>{t('referential.noPage')}</Text> : null}
      {REFERENTIAL_CATEGORIES.map((category) => {
        const pages = items?.filter((page) => page.category === category) ?? [];
        if (pages.length === 0) return null;
        return (
          <Paper
            withBorder
            p="md"
            key={category}
            component="section"
            aria-labelledby={`category-${category}`}
          >
            <Title order={2} size="h4" id={`category-${category}`} mb="xs">
              {t(`referential.categories.${category}`)}
            </Title>
            <List spacing="xs" listStyleType="none">
              {pages.map((page) => (
                <List.Item key={page.id}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/referentiel/${page.slug}`}>
                      {page.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t('referential.versionN', { number: page.versionNumber })}
                    </Text>
                    {page.openProposals > 0 ? (
                      <Badge variant="light" color="blue">
                        {t('referential.openProposals', { count: page.openProposals })}
                      </Badge>
                    ) : null}
                  </Group>
                </List.Item>
              ))}
            </List>
          </Paper>
        );
      })}
      {query.data && query.data.newPageProposals.length > 0 ? (
        <Paper withBorder p="md" component="section" aria-labelledby="new-pages">
          <Title order={2} size="h4" id="new-pages" mb="xs">
            {t('referential.newPages')}
          </Title>
          <List spacing="xs" listStyleType="none">
            {query.data.newPageProposals.map((proposal) => (
              <List.Item key={proposal.id}>
                <Anchor component={Link} to={`/referentiel/propositions/${proposal.id}`}>
                  {proposal.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({t(`referential.categories.${proposal.category}`)})
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
    </Stack>
  );
}
