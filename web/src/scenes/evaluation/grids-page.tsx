import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridDto } from '../../../../common/schemas/evaluation-grid.ts';
import { useGrids, useOpenDraft } from '../../api/evaluations.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { GridStateBadge } from './grid-badges.tsx';

/** One grid: its versions, newest first, and — for its owners — a draft to open. */
function GridCard({ grid, mayManage }: { grid: GridDto; mayManage: boolean }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const navigate = useNavigate();
  const open = useOpenDraft();
  const [error, setError] = useState<unknown>(null);
  const hasDraft = grid.versions.some((v) => v.state === 'draft');
  const title = label(grid.title);
  const openDraft = () =>
    open.mutate(grid.kind, {
      onSuccess: (version) => navigate({ to: `/grilles/versions/${version.id}` }),
      onError: setError,
    });
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {title}
          </Title>
          {mayManage && !hasDraft ? (
            <Button variant="light" onClick={openDraft} loading={open.isPending}>
              {t('grids.openDraft')}
            </Button>
          ) : null}
        </Group>
        <ErrorAlert error={error} />
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('grids.columns.version')}</Table.Th>
                <Table.Th scope="col">{t('grids.note')}</Table.Th>
                <Table.Th scope="col">{t('grids.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grid.versions.map((version) => (
                <Table.Tr key={version.id}>
                  <Table.Th scope="row">
                    <Stack gap={4} align="flex-start">
                      <span>{t('grids.version', { number: version.number })}</span>
                      <GridStateBadge state={version.state} />
                    </Stack>
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm">{t('grids.requirements', { count: version.requirementCount })}</Text>
                    {version.publishedAt ? (
                      <Text size="sm" c="dimmed">
                        {t('grids.publishedOn', { date: formatDateTime(version.publishedAt, language) })}
                      </Text>
                    ) : null}
                    {version.note ? <Text size="sm">{version.note}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/grilles/versions/${version.id}`}>
                      {t('grids.open')}
                      <span className="sr-only"> {t('grids.version', { number: version.number })}</span>
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

/** The grids of the three kinds and their versions (drafts for their owners). */
export function GridsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const query = useGrids();
  return (
    <>
      <PageHeader title={t('grids.title')} intro={t('grids.intro')} />
      {query.error ? <LoadFailure error={query.error} missing="page" /> : null}
      {query.data ? (
        <Stack gap="lg">
          {query.data.items.map((grid) => (
            <GridCard key={grid.id} grid={grid} mayManage={can(me, 'grid.manage')} />
          ))}
        </Stack>
      ) : (
        <Text>{t('common.loading')}</Text>
      )}
    </>
  );
}
