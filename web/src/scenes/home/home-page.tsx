import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../../common/roles.ts';
import { useHome } from '../../api/office.ts';
import { useMe } from '../../api/queries.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { DecisionsSection, MaintenanceSection, NetworkSection, OfficeSection } from './home-sections.tsx';

/** What the portal offers today; a part not built yet is neither linked nor announced. */
const SERVICES = [
  { path: '/catalogue', title: 'nav.catalogue', summary: 'home.catalogueSummary' },
  { path: '/catalogue/cartographie', title: 'catalogue.mapLink', summary: 'home.mapSummary' },
  { path: '/projets', title: 'nav.projects', summary: 'home.projectsSummary' },
  { path: '/organismes', title: 'nav.directory', summary: 'home.directorySummary' },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const home = useHome();
  if (!me) return null;
  const sections = home.data;
  return (
    <>
      <PageHeader
        title={t('home.title', { name: me.user.displayName })}
        documentTitle={t('nav.home')}
        intro={t('home.intro')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="xl">
        <Card withBorder>
          <Text size="sm" fw={600}>
            {t('home.yourOffice')}
          </Text>
          <Anchor component={Link} to={`/organismes/${me.organisation.id}`}>
            {me.organisation.name}
          </Anchor>
          <Text size="sm">{me.organisation.code}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" fw={600}>
            {t('home.yourRoles')}
          </Text>
          <Group gap="xs" mt={4}>
            {me.roles.map((role) => (
              <Badge key={role} variant="light">
                {label(ROLE_LABELS[role])}
              </Badge>
            ))}
          </Group>
        </Card>
      </SimpleGrid>
      <ErrorAlert error={home.error} />
      {sections?.decisions ? <DecisionsSection decisions={sections.decisions} /> : null}
      {sections?.maintenance ? <MaintenanceSection maintenance={sections.maintenance} /> : null}
      {sections?.office ? (
        <OfficeSection office={sections.office} organisationId={sections.organisation.id} />
      ) : null}
      {sections?.network ? <NetworkSection network={sections.network} /> : null}
      <Title order={2} mb="md">
        {t('home.sections')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {SERVICES.map((service) => (
          <Card key={service.path} withBorder component="article">
            <Stack gap="xs" h="100%">
              <Title order={3} size="h4">
                <Anchor component={Link} to={service.path} inherit>
                  {t(service.title)}
                </Anchor>
              </Title>
              <Text size="sm">{t(service.summary)}</Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
