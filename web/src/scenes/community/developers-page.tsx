import { Anchor, Badge, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LABELS, type Region } from '../../../../common/organisations.ts';
import { DIRECTORY_PAGE_SIZE, type DirectorySearch, useDirectory } from '../../api/community.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDay } from '../../components/dates.ts';
import { ErrorAlert, PageHeader, Pager } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';

/** The developers' directory: search, facets (region, technology, skill, training, availability), a page of people. */
export function DevelopersPage({ search }: { search: DirectorySearch }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const me = useMe().data;
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<DirectorySearch>) =>
    navigate({
      to: '/communaute/developpeurs',
      search: { ...search, page: undefined, ...patch },
      replace: true,
    });
  const searchText = useDebouncedCallback((value: string) => void update({ q: value || undefined }), 250);
  const query = useDirectory(search);
  const data = query.data;
  const facet = (items: { value: string; count: number }[] | undefined, name: (v: string) => string) =>
    (items ?? []).map((f) => ({
      value: f.value,
      label: t('community.directory.facetOption', { value: name(f.value), count: f.count }),
    }));
  const withCurrent = (options: { value: string; label: string }[], current: string | undefined) =>
    current && !options.some((o) => o.value === current)
      ? [{ value: current, label: current }, ...options]
      : options;

  return (
    <>
      <PageHeader
        title={t('community.directory.title')}
        intro={t('community.directory.intro')}
        actions={
          me && can(me, 'developer.editProfile') ? (
            <Button component={Link} to={`/communaute/developpeurs/${me.user.id}`}>
              {t('community.directory.myProfile')}
            </Button>
          ) : null
        }
      />
      <Group align="flex-end" mb="md" wrap="wrap" role="search" aria-label={t('community.directory.facets')}>
        <TextInput
          label={t('community.directory.search')}
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            searchText(e.currentTarget.value);
          }}
          w={300}
        />
        <Select
          label={t('community.directory.region')}
          data={withCurrent(
            facet(data?.facets.regions, (v) => REGION_LABELS[v as Region] ?? v),
            search.region,
          )}
          value={search.region ?? null}
          onChange={(value) => update({ region: value ?? undefined })}
          clearable
          placeholder={t('common.all')}
          w={240}
        />
        <Select
          label={t('community.directory.technology')}
          data={withCurrent(
            facet(data?.facets.technologies, (v) => v),
            search.technology,
          )}
          value={search.technology ?? null}
          onChange={(value) => update({ technology: value ?? undefined })}
          clearable
          searchable
          placeholder={t('common.all')}
          w={220}
        />
        <Select
          label={t('community.directory.skill')}
          data={withCurrent(
            facet(data?.facets.skills, (v) => v),
            search.skill,
          )}
          value={search.skill ?? null}
          onChange={(value) => update({ skill: value ?? undefined })}
          clearable
          searchable
          placeholder={t('common.all')}
          w={220}
        />
        <Select
          label={t('community.directory.trained')}
          data={[
            { value: 'true', label: t('community.directory.trainedYes') },
            { value: 'false', label: t('community.directory.trainedNo') },
          ]}
          value={search.trained ?? null}
          onChange={(value) => update({ trained: (value as 'true' | 'false' | null) ?? undefined })}
          clearable
          placeholder={t('common.all')}
          w={200}
        />
        <Checkbox
          label={t('community.directory.availableOnly')}
          checked={search.available === 'true'}
          onChange={(e) => update({ available: e.currentTarget.checked ? 'true' : undefined })}
        />
        <Button
          variant="subtle"
          onClick={() => {
            setText('');
            void navigate({ to: '/communaute/developpeurs', search: {}, replace: true });
          }}
        >
          {t('community.directory.reset')}
        </Button>
      </Group>
      <ErrorAlert error={query.error} />
      {data ? (
        <Text size="sm" mb="xs" role="status">
          {[
            t('community.directory.count', { count: data.total }),
            t('community.directory.trainedCount', { count: data.facets.trained }),
            t('community.directory.availableCount', { count: data.facets.available }),
          ].join(' · ')}
        </Text>
      ) : null}
      <ListTable
        caption={t('community.directory.caption')}
        columns={[
          t('community.directory.name'),
          t('community.directory.office'),
          t('community.directory.technologies'),
          t('community.directory.status'),
        ]}
        minWidth={720}
        stacked
        isEmpty={data?.items.length === 0}
      >
        {data?.items.map((developer) => (
          <Table.Tr key={developer.id}>
            <Table.Td data-label={t('community.directory.name')}>
              <Anchor component={Link} to={`/communaute/developpeurs/${developer.id}`}>
                {developer.displayName}
              </Anchor>
              {developer.headline ? (
                <Text size="sm" c="dimmed">
                  {developer.headline}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td data-label={t('community.directory.office')}>
              {developer.office.name}
              <Text size="sm" c="dimmed">
                {REGION_LABELS[developer.office.region]}
              </Text>
            </Table.Td>
            <Table.Td data-label={t('community.directory.technologies')}>
              {developer.technologies.join(', ')}
            </Table.Td>
            <Table.Td data-label={t('community.directory.status')}>
              <Group gap={4}>
                {developer.isReferent ? (
                  <Badge color="grape.9">{t('community.directory.referent')}</Badge>
                ) : null}
                {developer.trainedAt ? (
                  <Badge color="teal.9">
                    {t('community.directory.trainedOn', { date: formatDay(developer.trainedAt, language) })}
                  </Badge>
                ) : null}
                {developer.availableForCollaboration ? (
                  <Badge color="blue.9" variant="outline">
                    {t('community.directory.available')}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {data ? (
        <Pager
          page={search.page ?? 1}
          pageSize={DIRECTORY_PAGE_SIZE}
          total={data.total}
          onChange={(p) => update({ page: p })}
        />
      ) : null}
    </>
  );
}
