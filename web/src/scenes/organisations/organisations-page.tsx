import { Anchor, Button, Group, Select, Table, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPE_LABELS, REGION_LABELS } from '../../../../common/organisations.ts';
import type { OrganisationListQuery } from '../../../../common/schemas/organisation.ts';
import { useOrganisations } from '../../api/queries.ts';
import { ErrorAlert, PageHeader, Pager } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import { regionOptions, shortType, typeOptions } from './organisation-labels.ts';

/** The directory's search, as the URL of the page holds it: the list's filters and the page. */
export type OrganisationSearch = Partial<Omit<OrganisationListQuery, 'pageSize'>>;

const PAGE_SIZE = 25;

export function OrganisationsPage({ search }: { search: OrganisationSearch }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<OrganisationSearch>) =>
    navigate({ to: '/organismes', search: { ...search, page: undefined, ...patch }, replace: true });
  const searchText = useDebouncedCallback((value: string) => void update({ q: value || undefined }), 250);

  const page = search.page ?? 1;
  const query = useOrganisations({ ...search, q: search.q, page, pageSize: PAGE_SIZE });
  const data = query.data;

  return (
    <>
      <PageHeader title={t('organisations.title')} intro={t('organisations.intro')} />
      <Group align="flex-end" mb="md" wrap="wrap">
        <TextInput
          label={t('organisations.search')}
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            searchText(e.currentTarget.value);
          }}
          w={260}
        />
        <Select
          label={t('organisations.type')}
          data={typeOptions(label)}
          value={search.type ?? null}
          onChange={(value) => update({ type: value ?? undefined })}
          clearable
          placeholder={t('common.all')}
          w={300}
        />
        <Select
          label={t('organisations.region')}
          data={regionOptions()}
          value={search.region ?? null}
          onChange={(value) => update({ region: value ?? undefined })}
          clearable
          searchable
          placeholder={t('common.all')}
          w={260}
        />
        <Button
          variant="subtle"
          onClick={() => {
            setText('');
            void navigate({ to: '/organismes', search: {}, replace: true });
          }}
        >
          {t('common.reset')}
        </Button>
      </Group>
      <ErrorAlert error={query.error} />
      <ListTable
        caption={t('organisations.caption')}
        columns={[
          t('organisations.name'),
          t('organisations.type'),
          t('organisations.region'),
          t('organisations.city'),
          t('organisations.code'),
        ]}
        minWidth={640}
        isEmpty={data?.items.length === 0}
      >
        {data?.items.map((organisation) => (
          <Table.Tr key={organisation.id}>
            <Table.Td>
              <Anchor component={Link} to={`/organismes/${organisation.id}`}>
                {organisation.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{shortType(label(ORGANISATION_TYPE_LABELS[organisation.type]))}</Table.Td>
            <Table.Td>{REGION_LABELS[organisation.region]}</Table.Td>
            <Table.Td>{organisation.city}</Table.Td>
            <Table.Td>{organisation.code}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {data ? (
        <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={(p) => update({ page: p })} />
      ) : null}
    </>
  );
}
