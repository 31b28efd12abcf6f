import { Anchor, Badge, Card, Grid, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTION_LABELS } from '../../../../common/audit-actions.ts';
import { CERTIFICATION_STATUS_LABELS, TRACK_LABELS } from '../../../../common/catalog/vocabulary.ts';
import type { HomeDto } from '../../../../common/schemas/home.ts';
import type { CatalogueSearch } from '../../api/catalogue.ts';
import { formatDateTime, formatDay } from '../../components/dates.ts';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import {
  ApplicationTable,
  DesignedTable,
  Figures,
  SheetLink,
  UsedTable,
} from '../organisations/office-applications.tsx';

type Section<K extends keyof HomeDto> = NonNullable<HomeDto[K]>;

/** A titled section of the home page, named by its heading. */
function HomeSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm" mb="xl">
      <Title order={2} id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export function DecisionsSection({ decisions }: { decisions: Section<'decisions'> }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <HomeSection id="home-decisions" title={t('dashboard.decisions')}>
      {decisions.total === 0 ? (
        <Text>{t('dashboard.noDecision')}</Text>
      ) : (
        <>
          <ApplicationTable
            caption={t('dashboard.decisionsCaption')}
            columns={[t('dashboard.decision'), t('dashboard.reason')]}
            minWidth={560}
            items={decisions.items}
            cells={(item) => [
              <Anchor key="decision" component={Link} to={`/catalogue/${item.application.id}`}>
                {label(item.label)}
              </Anchor>,
              t(`dashboard.reasons.${item.reason}`),
            ]}
          />
          {decisions.total > decisions.items.length ? (
            <Text size="sm">
              {t('dashboard.moreDecisions', { shown: decisions.items.length, total: decisions.total })}
            </Text>
          ) : null}
        </>
      )}
    </HomeSection>
  );
}

export function OfficeSection({
  office,
  organisationId,
}: {
  office: Section<'office'>;
  organisationId: string;
}) {
  const { t } = useTranslation();
  return (
    <HomeSection id="home-office" title={t('dashboard.officeTitle')}>
      <Figures
        figures={[
          [t('office.designed'), office.designed.total],
          [t('office.used'), office.used.total],
          [t('office.declaredUsers'), office.declaredUsers],
        ]}
      />
      <Title order={3} size="h4">
        {t('office.used')}
      </Title>
      {office.used.total === 0 ? (
        <Text>{t('office.noUsed')}</Text>
      ) : (
        <UsedTable items={office.used.items} caption={t('office.usedCaption')} />
      )}
      {office.designed.total > 0 ? (
        <>
          <Title order={3} size="h4">
            {t('office.designed')}
          </Title>
          <DesignedTable items={office.designed.items} caption={t('office.designedCaption')} />
        </>
      ) : null}
      <Anchor component={Link} to={`/organismes/${organisationId}`}>
        {t('office.seeAll')}
      </Anchor>
      <Title order={3} size="h4" id="home-suggestions" mt="md">
        {t('dashboard.suggestions')}
      </Title>
      {office.suggestions.length === 0 ? <Text>{t('dashboard.suggestionsEmpty')}</Text> : null}
      <SimpleGrid
        component="ul"
        aria-labelledby="home-suggestions"
        cols={{ base: 1, sm: 2, lg: 3 }}
        className="plain-list"
      >
        {office.suggestions.map((s) => (
          <Card component="li" key={s.application.id} withBorder padding="sm">
            <Anchor component={Link} to={`/catalogue/${s.application.id}`}>
              {s.application.name}
            </Anchor>
            <Text size="sm">{s.designerOrganisation.name}</Text>
            <Text size="sm">{t('dashboard.usedByOffices', { count: s.usingOffices })}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </HomeSection>
  );
}

export function MaintenanceSection({ maintenance }: { maintenance: Section<'maintenance'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <HomeSection id="home-maintenance" title={t('dashboard.maintenanceTitle')}>
      <Text>
        {maintenance.needingUpdate === 0
          ? t('dashboard.maintenanceDone', { total: maintenance.total })
          : t('dashboard.maintenanceSummary', {
              count: maintenance.needingUpdate,
              total: maintenance.total,
            })}
      </Text>
      {maintenance.items.length > 0 ? (
        <ApplicationTable
          caption={t('dashboard.maintenanceCaption')}
          columns={[t('dashboard.lastUpdate'), t('dashboard.todo'), t('common.edit')]}
          minWidth={640}
          items={maintenance.items}
          cells={(item) => [
            formatDay(item.updatedAt.slice(0, 10), language),
            <List key="issues" size="sm" spacing={2}>
              {item.issues.map((issue) => (
                <List.Item key={issue}>{t(`dashboard.issues.${issue}`)}</List.Item>
              ))}
            </List>,
            <Anchor key="edit" component={Link} to={`/catalogue/${item.application.id}/modifier`}>
              {t('dashboard.edit')}
              <span className="sr-only"> {item.application.name}</span>
            </Anchor>,
          ]}
        />
      ) : null}
    </HomeSection>
  );
}

/** Applications counted by one code list, each value linking to the catalogue filtered on it. */
function CountTable({
  caption,
  column,
  rows,
}: {
  caption: string;
  column: string;
  rows: { key: string; label: string; search: CatalogueSearch; count: number }[];
}) {
  const { t } = useTranslation();
  return (
    <ListTable caption={caption} columns={[column, t('dashboard.count')]} minWidth={0} isEmpty={false}>
      {rows.map((row) => (
        <Table.Tr key={row.key}>
          <Table.Td>
            <Anchor renderRoot={(props) => <Link {...props} to="/catalogue" search={row.search} />}>
              {row.label}
            </Anchor>
          </Table.Td>
          <Table.Td>{row.count}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

export function NetworkSection({ network }: { network: Section<'network'> }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  return (
    <HomeSection id="home-network" title={t('dashboard.networkTitle')}>
      <Figures
        figures={[
          [t('dashboard.applications'), network.applications],
          [
            t('dashboard.declaringOffices'),
            network.offices.declaring,
            t('dashboard.ofOffices', { total: network.offices.total }),
          ],
          [t('dashboard.usages'), network.usages],
          [t('dashboard.declaredUsers'), network.declaredUsers],
        ]}
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CountTable
            caption={t('dashboard.statusCaption')}
            column={t('dashboard.status')}
            rows={network.byStatus.map((row) => ({
              key: row.status,
              label: label(CERTIFICATION_STATUS_LABELS[row.status]),
              search: { status: [row.status] },
              count: row.count,
            }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CountTable
            caption={t('dashboard.trackCaption')}
            column={t('dashboard.track')}
            rows={network.byTrack.map((row) => ({
              key: row.track,
              label: label(TRACK_LABELS[row.track]),
              search: { track: [row.track] },
              count: row.count,
            }))}
          />
        </Grid.Col>
      </Grid>
      <Group>
        <Anchor component={Link} to="/catalogue/cartographie">
          {t('dashboard.usageMap')}
        </Anchor>
      </Group>
      <Title order={3} size="h4">
        {t('dashboard.latestChanges')}
      </Title>
      <ListTable
        caption={t('dashboard.changesCaption')}
        columns={[t('office.application'), t('dashboard.action'), t('dashboard.date'), t('dashboard.by')]}
        minWidth={640}
        isEmpty={network.latestChanges.length === 0}
      >
        {network.latestChanges.map((change) => {
          const known = AUDIT_ACTION_LABELS[change.action];
          return (
            <Table.Tr key={change.id}>
              <Table.Td>
                <SheetLink application={change.application} />
                {change.application.archived ? (
                  <Badge variant="light" color="gray" c="gray.9" size="sm">
                    {t('dashboard.archived')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{known ? label(known) : change.action}</Table.Td>
              <Table.Td>{formatDateTime(change.occurredAt, language)}</Table.Td>
              <Table.Td>
                {change.organisation ? (
                  <Anchor component={Link} to={`/organismes/${change.organisation.id}`}>
                    {change.organisation.name}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
    </HomeSection>
  );
}
