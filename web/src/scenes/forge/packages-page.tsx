import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PackagesPageDto } from '../../../../common/schemas/packages.ts';
import { usePackages } from '../../api/packages.ts';
import { formatDay } from '../../components/dates.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { packageUsage } from './factory-norms.ts';
import { shortMoment } from './forge-activity-panel.tsx';

type SharedPackage = PackagesPageDto['packages'][number];

const USAGE_COLORS = { unused: 'gray', current: 'green', behind: 'orange' } as const;

function StateNote({ page }: { page: PackagesPageDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = page.fetchedAt ? shortMoment(page.fetchedAt, language) : '';
  if (!page.fetchedAt)
    return (
      <Alert color="gray">{page.configured ? t('packages.pending') : t('packages.notConfigured')}</Alert>
    );
  if (page.lastError)
    return <Alert color="orange">{t('packages.stale', { error: page.lastError, date })}</Alert>;
  if (page.source === 'demo') return <Alert color="gray">{t('packages.demo', { date })}</Alert>;
  return (
    <Text size="sm" c="dimmed">
      {t('packages.fetchedAt', { date })}
    </Text>
  );
}

function PackageCard({ pkg }: { pkg: SharedPackage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = `package-${pkg.name.replace(/[^a-z0-9]/gi, '-')}`;
  const usage = packageUsage(pkg);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={headingId}>
            {pkg.name}
          </Title>
          <Group gap="xs">
            {pkg.latest ? (
              <Badge variant="light">{t('packages.latest', { version: pkg.latest })}</Badge>
            ) : null}
            <Badge color={USAGE_COLORS[usage]} variant="light">
              {usage === 'behind'
                ? t('packages.behind', { count: pkg.behindCount })
                : usage === 'current'
                  ? t('packages.upToDate')
                  : t('packages.unused')}
            </Badge>
          </Group>
        </Group>
        {pkg.description ? <Text>{pkg.description}</Text> : null}
        <Text size="sm">
          {pkg.licences.length > 0
            ? t('packages.licence', { licences: pkg.licences.join(', ') })
            : t('packages.noLicence')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ListTable
            caption={t('packages.usersCaption', { name: pkg.name })}
            columns={[t('packages.application'), t('packages.version'), t('packages.state')]}
            minWidth={300}
            isEmpty={false}
            keyboardScroll
          >
            {pkg.users.map((user) => (
              <Table.Tr key={user.applicationId}>
                <Table.Td>
                  <Anchor component={Link} to={`/catalogue/${user.applicationId}`}>
                    {user.applicationName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{user.version}</Table.Td>
                <Table.Td>
                  <Badge color={user.behind ? 'orange' : 'green'} variant="light">
                    {user.behind ? t('packages.isBehind') : t('packages.isCurrent')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
            {pkg.users.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={3}>{t('packages.noUser')}</Table.Td>
              </Table.Tr>
            ) : null}
          </ListTable>
          <ListTable
            caption={t('packages.versionsCaption', { name: pkg.name })}
            columns={[t('packages.version'), t('packages.releasedAt'), t('packages.licenceColumn')]}
            minWidth={300}
            isEmpty={pkg.versions.length === 0}
            keyboardScroll
          >
            {pkg.versions.map((version) => (
              <Table.Tr key={version.version}>
                <Table.Td>{version.version}</Table.Td>
                <Table.Td>{formatDay(version.releasedAt?.slice(0, 10) ?? null, language) ?? '—'}</Table.Td>
                <Table.Td>{version.licences.join(', ') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The shared Composer packages: versions, licence, which applications use which version, who is behind. */
export function PackagesPage() {
  const { t } = useTranslation();
  const query = usePackages();
  const page = query.data;
  return (
    <Stack>
      <PageHeader title={t('packages.title')} intro={t('packages.intro')} />
      <ErrorAlert error={query.error} />
      {page ? <StateNote page={page} /> : <Text>{t('common.loading')}</Text>}
      {page?.packages.map((pkg) => (
        <PackageCard key={pkg.name} pkg={pkg} />
      ))}
    </Stack>
  );
}
