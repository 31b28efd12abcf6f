import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferentialPageDto } from '../../../../common/schemas/referential.ts';
import { useReferentialDiff, useReferentialPage } from '../../api/referential.ts';
import { formatDateTime } from '../../components/dates.ts';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { DiffView } from './diff-view.tsx';
import { ProposalForm } from './proposal-form.tsx';

function History({ page }: { page: ReferentialPageDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [shown, setShown] = useState<number | null>(null);
  const diff = useReferentialDiff(page.slug, shown === null ? null : shown - 1, shown);
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title">
        {t('referential.history')}
      </Title>
      <ListTable
        caption={t('referential.historyCaption', { title: page.title })}
        columns={[
          t('referential.version'),
          t('referential.date'),
          t('referential.author'),
          t('referential.summary'),
          '',
        ]}
        minWidth={640}
        isEmpty={false}
        stacked
      >
        {page.versions.map((version) => (
          <Table.Tr key={version.id}>
            <Table.Td data-label={t('referential.version')}>{version.number}</Table.Td>
            <Table.Td data-label={t('referential.date')}>
              {formatDateTime(version.createdAt, language)}
            </Table.Td>
            <Table.Td data-label={t('referential.author')}>{version.author?.name ?? '—'}</Table.Td>
            <Table.Td data-label={t('referential.summary')}>{version.summary || '—'}</Table.Td>
            <Table.Td>
              {version.number > 1 ? (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setShown(version.number)}
                  aria-label={t('referential.compareVersion', { number: version.number })}
                >
                  {t('referential.compare')}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <ErrorAlert error={diff.error} />
      {diff.data ? (
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {t('referential.diffTitle', { from: diff.data.from.number, to: diff.data.to.number })}
          </Title>
          <DiffView
            lines={diff.data.lines}
            label={t('referential.diffTitle', { from: diff.data.from.number, to: diff.data.to.number })}
          />
        </Paper>
      ) : null}
    </Stack>
  );
}

function Proposals({ page }: { page: ReferentialPageDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="xs" component="section" aria-labelledby="proposals-title">
      <Title order={2} size="h4" id="proposals-title">
        {t('referential.proposals')}
      </Title>
      {page.proposals.length === 0 ? (
        <Text>{t('referential.noProposal')}</Text>
      ) : (
        <ListTable
          caption={t('referential.proposalsCaption', { title: page.title })}
          columns={[
            t('referential.proposal'),
            t('referential.author'),
            t('referential.state'),
            t('referential.votes'),
          ]}
          minWidth={560}
          isEmpty={false}
          stacked
        >
          {page.proposals.map((proposal) => (
            <Table.Tr key={proposal.id}>
              <Table.Td data-label={t('referential.proposal')}>
                <Anchor component={Link} to={`/referentiel/propositions/${proposal.id}`}>
                  {proposal.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {formatDateTime(proposal.createdAt, language)}
                </Text>
              </Table.Td>
              <Table.Td data-label={t('referential.author')}>{proposal.author.name}</Table.Td>
              <Table.Td data-label={t('referential.state')}>
                {t(`referential.states.${proposal.state}`)}
              </Table.Td>
              <Table.Td data-label={t('referential.votes')}>
                {t('referential.votesCount', { up: proposal.up, down: proposal.down })}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Stack>
  );
}

/** A referential page: its current version with a table of contents, its history and diffs, its proposals. */
export function ReferentialPageView({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [proposing, setProposing] = useState(false);
  const query = useReferentialPage(slug);
  const page = query.data;
  return (
    <Stack>
      <PageHeader
        title={page?.title ?? t('referential.title')}
        intro={
          page ? (
            <>
              {t('referential.currentVersion', {
                number: page.current.number,
                date: formatDateTime(page.current.createdAt, language),
                author: page.current.author?.name ?? '—',
              })}
              {page.current.acceptedBy
                ? `, ${t('referential.acceptedBy', { name: page.current.acceptedBy.name })}`
                : ''}
            </>
          ) : undefined
        }
        actions={
          page?.abilities.propose ? (
            <Button variant="light" onClick={() => setProposing((open) => !open)} aria-expanded={proposing}>
              {t('referential.proposeChange')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={query.error} />
      {page ? (
        <>
          <Group gap="xs">
            <Anchor component={Link} to="/referentiel">
              {t('referential.title')}
            </Anchor>
            <Badge variant="light">{t(`referential.categories.${page.category}`)}</Badge>
          </Group>
          {proposing ? (
            <ProposalForm
              change={{ slug, baseVersionId: page.current.id, title: page.title, body: page.current.body }}
              onSent={(proposal) => navigate({ to: `/referentiel/propositions/${proposal.id}` })}
            />
          ) : null}
          {page.current.toc.length > 0 ? (
            <Paper withBorder p="sm" component="nav" aria-labelledby="toc-title">
              <Title order={2} size="h5" id="toc-title" mb="xs">
                {t('referential.toc')}
              </Title>
              <List spacing={4} listStyleType="none">
                {page.current.toc.map((entry) => (
                  <List.Item key={entry.anchor} pl={entry.level === 3 ? 'md' : 0}>
                    <Anchor href={`#${entry.anchor}`}>{entry.text}</Anchor>
                  </List.Item>
                ))}
              </List>
            </Paper>
          ) : null}
          <Paper withBorder p="md" component="article" aria-label={page.title}>
            <MarkdownHtml html={page.current.bodyHtml} />
          </Paper>
          <Proposals page={page} />
          <History page={page} />
        </>
      ) : null}
    </Stack>
  );
}
