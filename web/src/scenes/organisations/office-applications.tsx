import { Anchor, Card, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignedApplicationDto, UsedApplicationDto } from '../../../../common/schemas/office.ts';
import { formatDay } from '../../components/dates.ts';
import { ListTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { TrackBadge } from '../catalogue/track-badge.tsx';

/** A sheet's name linking to it, and its code below for who searches by code. */
export function SheetLink({ application }: { application: { id: string; name: string; code: string } }) {
  return (
    <>
      <Anchor component={Link} to={`/catalogue/${application.id}`}>
        {application.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {application.code}
      </Text>
    </>
  );
}

/** A table of applications: the sheet (linked) first, then the columns given; one row a sheet. */
export function ApplicationTable<T extends { application: { id: string; name: string; code: string } }>({
  caption,
  columns,
  minWidth,
  items,
  cells,
}: {
  caption: string;
  columns: string[];
  minWidth: number;
  items: T[];
  cells: (item: T) => ReactNode[];
}) {
  const { t } = useTranslation();
  return (
    <ListTable
      caption={caption}
      columns={[t('office.application'), ...columns]}
      minWidth={minWidth}
      isEmpty={items.length === 0}
    >
      {items.map((item) => (
        <Table.Tr key={item.application.id}>
          <Table.Td>
            <SheetLink application={item.application} />
          </Table.Td>
          {cells(item).map((cell, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
            <Table.Td key={i}>{cell}</Table.Td>
          ))}
        </Table.Tr>
      ))}
    </ListTable>
  );
}

/** What an office designs: how many offices use each application and how many users they declare. */
export function DesignedTable({ items, caption }: { items: DesignedApplicationDto[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <ApplicationTable
      caption={caption}
      columns={[
        t('dashboard.track'),
        t('office.usingOffices'),
        t('office.declaredUsers'),
        t('office.latestVersion'),
      ]}
      minWidth={640}
      items={items}
      cells={(item) => [
        <TrackBadge key="track" track={item.application.track} />,
        item.usingOffices,
        item.declaredUsers,
        item.latestVersion ?? '—',
      ]}
    />
  );
}

/** What an office uses, as it declared it: users, version, since when. */
export function UsedTable({ items, caption }: { items: UsedApplicationDto[]; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ApplicationTable
      caption={caption}
      columns={[t('office.designer'), t('office.userCount'), t('office.versionUsed'), t('office.since')]}
      minWidth={600}
      items={items}
      cells={(item) => [
        <Anchor key="designer" component={Link} to={`/organismes/${item.designerOrganisation.id}`}>
          {item.designerOrganisation.name}
        </Anchor>,
        item.userCount ?? t('office.notDeclared'),
        item.versionNumber ?? t('office.notDeclared'),
        formatDay(item.since, language) ?? '—',
      ]}
    />
  );
}

/** Figures side by side: what each counts, its number (and a detail), as a description list. */
export function Figures({
  figures,
  wide = true,
}: {
  figures: [string, number, string?][];
  /** Four a row from medium screens; otherwise two. */
  wide?: boolean;
}) {
  return (
    <SimpleGrid component="dl" cols={{ base: 2, md: wide ? 4 : 2 }} mb="lg" mt={0}>
      {figures.map(([label, value, detail]) => (
        <Card key={label} withBorder padding="md">
          <Text component="dt" size="sm">
            {label}
          </Text>
          <Text component="dd" m={0} size="xl" fw={700}>
            {value}
            {detail ? (
              <Text component="span" size="sm" fw={400}>
                {` ${detail}`}
              </Text>
            ) : null}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
