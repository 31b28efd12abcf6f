import { Anchor, Card, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPE_LABELS, REGION_LABELS, type Region } from '../../../../common/organisations.ts';
import {
  OFFICE_PAGE_SIZE,
  type OfficeLists,
  useOfficeApplications,
  useOfficePortfolio,
} from '../../api/office.ts';
import { useOrganisation } from '../../api/queries.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, PageHeader, Pager } from '../../components/page.tsx';
import { FactTable, ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import { RegionMap } from '../catalogue/region-map.tsx';
import { DesignedTable, Figures, UsedTable } from './office-applications.tsx';

/** One list of the office (designed or used), page by page. */
function OfficeList<R extends keyof OfficeLists>({
  id,
  relation,
  table,
}: {
  id: string;
  relation: R;
  table: (items: OfficeLists[R][]) => ReactNode;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, error } = useOfficeApplications(id, relation, page);
  const headingId = `office-${relation}`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs" mb="xl">
      <Title order={2} size="h3" id={headingId}>
        {t(`office.${relation}`)}
      </Title>
      <ErrorAlert error={error} />
      {data && data.total === 0 ? (
        <Text>{t(relation === 'designed' ? 'office.noDesigned' : 'office.noUsed')}</Text>
      ) : null}
      {data && data.total > 0 ? (
        <>
          {table(data.items)}
          <Pager page={page} pageSize={OFFICE_PAGE_SIZE} total={data.total} onChange={setPage} />
        </>
      ) : null}
    </Stack>
  );
}

/** Where the applications the office designs are used: the tile map and the same figures as a table. */
function WhereUsed({ byRegion }: { byRegion: { region: Region; usages: number }[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="office-where-used" gap="xs">
      <Title order={2} size="h3" id="office-where-used">
        {t('office.whereUsed')}
      </Title>
      {byRegion.length === 0 ? (
        <Text>{t('office.notUsedYet')}</Text>
      ) : (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <RegionMap
              values={Object.fromEntries(byRegion.map((r) => [r.region, r.usages]))}
              title={t('office.mapTitle')}
              valueLabel={(v) => `${v}`}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ListTable
              caption={t('office.regionCaption')}
              columns={[t('office.region'), t('office.usages')]}
              minWidth={0}
              isEmpty={false}
            >
              {[...byRegion]
                .sort((a, b) => b.usages - a.usages)
                .map((r) => (
                  <Table.Tr key={r.region}>
                    <Table.Td>{REGION_LABELS[r.region]}</Table.Td>
                    <Table.Td>{r.usages}</Table.Td>
                  </Table.Tr>
                ))}
            </ListTable>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

export function OrganisationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { data, error } = useOrganisation(id);
  const portfolio = useOfficePortfolio(id).data;
  if (error) return <LoadFailure error={error} missing="organisation" />;
  if (!data) return null;
  const rows: [string, string | null][] = [
    [t('organisations.code'), data.code],
    [t('organisations.type'), label(ORGANISATION_TYPE_LABELS[data.type])],
    [t('organisations.region'), REGION_LABELS[data.region]],
    [t('organisations.department'), data.department],
    [t('organisations.city'), data.city],
    [t('organisations.parent'), data.parentCode],
  ];
  return (
    <>
      <Anchor component={Link} to="/organismes" size="sm">
        ← {t('organisations.title')}
      </Anchor>
      <PageHeader title={data.name} />
      <Grid gap="xl" mb="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder>
            <FactTable rows={rows} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {portfolio ? (
            <section aria-label={t('office.figures')}>
              <Figures
                wide={false}
                figures={[
                  [t('office.designed'), portfolio.designed],
                  [t('office.officesUsingDesigned'), portfolio.officesUsingDesigned],
                  [t('office.used'), portfolio.used],
                  [t('office.declaredUsers'), portfolio.declaredUsers],
                ]}
              />
            </section>
          ) : null}
        </Grid.Col>
      </Grid>
      <OfficeList
        id={id}
        relation="designed"
        table={(items) => <DesignedTable items={items} caption={t('office.designedCaption')} />}
      />
      <OfficeList
        id={id}
        relation="used"
        table={(items) => <UsedTable items={items} caption={t('office.usedCaption')} />}
      />
      {portfolio ? <WhereUsed byRegion={portfolio.designedUsageByRegion} /> : null}
    </>
  );
}
