import {
  Anchor,
  Card,
  Grid,
  Group,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../../common/organisations.ts';
import { useUsageMap } from '../../api/catalogue.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { Redundancies } from './redundancies.tsx';
import { RegionMap } from './region-map.tsx';

type Metric = 'usages' | 'usingOffices' | 'designedApplications';

function Bar({
  label,
  value,
  max,
  detail,
}: {
  label: React.ReactNode;
  value: number;
  max: number;
  detail: string;
}) {
  return (
    <Stack gap={2}>
      {/* On a phone the figures go under the name rather than past the edge of the screen. */}
      <Group justify="space-between" wrap="wrap" gap={4} align="baseline">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {detail}
        </Text>
      </Group>
      <Progress value={max > 0 ? (value / max) * 100 : 0} color="blue.8" size="md" aria-hidden />
    </Stack>
  );
}

export function UsageMapPage() {
  const { t } = useTranslation();
  const domainLabel = useDomainLabel();
  const query = useUsageMap();
  const [metric, setMetric] = useState<Metric>('usages');
  const map = query.data;
  if (!map) return query.error ? <ErrorAlert error={query.error} /> : <Text>{t('common.loading')}</Text>;
  const values = Object.fromEntries(map.byRegion.map((r) => [r.region, r[metric]])) as Record<Region, number>;
  const rankingMax = Math.max(1, ...map.ranking.map((r) => r.usageCount));
  const domainMax = Math.max(1, ...map.byDomain.map((d) => d.applications));
  return (
    <>
      <Anchor component={Link} to="/catalogue" size="sm">
        ← {t('sheet.back')}
      </Anchor>
      <PageHeader title={t('usageMap.title')} intro={t('usageMap.intro')} />
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="xl">
        {(
          [
            ['applications', map.totals.applications],
            ['usages', map.totals.usages],
            ['usingOffices', map.totals.usingOffices],
            ['designerOffices', map.totals.designerOffices],
          ] as const
        ).map(([key, value]) => (
          <Card key={key} withBorder padding="md">
            <Text size="xl" fw={700}>
              {value}
            </Text>
            <Text size="sm">{t(`usageMap.totals.${key}`)}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack component="section" aria-labelledby="by-region">
            <Title order={2} size="h3" id="by-region">
              {t('usageMap.byRegion')}
            </Title>
            <Radio.Group value={metric} onChange={(v) => setMetric(v as Metric)} label={t('usageMap.metric')}>
              <Group mt={6} gap="md">
                {(['usages', 'usingOffices', 'designedApplications'] as const).map((m) => (
                  <Radio key={m} value={m} label={t(`usageMap.metrics.${m}`)} />
                ))}
              </Group>
            </Radio.Group>
            <RegionMap
              values={values}
              title={t('usageMap.mapTitle', { metric: t(`usageMap.metrics.${metric}`) })}
              valueLabel={(v) => `${v}`}
            />
            <ListTable
              caption={t('usageMap.regionCaption')}
              columns={[
                t('sheet.region'),
                t('usageMap.metrics.usages'),
                t('usageMap.metrics.usingOffices'),
                t('usageMap.metrics.designedApplications'),
              ]}
              // Four short columns fit a phone (390 px) when their headings wrap.
              minWidth={300}
              isEmpty={false}
            >
              {map.byRegion
                .filter((r) => r.usages + r.designedApplications > 0)
                .sort((a, b) => b.usages - a.usages)
                .map((r) => (
                  <Table.Tr key={r.region}>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/catalogue" search={{ region: [r.region] }} />
                        )}
                      >
                        {r.label}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.usages}</Table.Td>
                    <Table.Td>{r.usingOffices}</Table.Td>
                    <Table.Td>{r.designedApplications}</Table.Td>
                  </Table.Tr>
                ))}
            </ListTable>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack component="section" aria-labelledby="ranking">
            <Title order={2} size="h3" id="ranking">
              {t('usageMap.ranking')}
            </Title>
            <Stack gap="xs" component="ol" className="plain-list">
              {map.ranking.map((r) => (
                <li key={r.id}>
                  <Bar
                    label={
                      <Anchor component={Link} to={`/catalogue/${r.id}`}>
                        {r.name}
                      </Anchor>
                    }
                    value={r.usageCount}
                    max={rankingMax}
                    detail={t('usageMap.rankingDetail', { count: r.usageCount, users: r.declaredUsers })}
                  />
                </li>
              ))}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack component="section" aria-labelledby="by-domain">
            <Title order={2} size="h3" id="by-domain">
              {t('usageMap.byDomain')}
            </Title>
            <Stack gap="xs" component="ul" className="plain-list">
              {map.byDomain.map((d) => (
                <li key={d.domain.code}>
                  <Bar
                    label={
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/catalogue" search={{ domain: [d.domain.code] }} />
                        )}
                      >
                        {domainLabel(d.domain.code, d.domain.label)}
                      </Anchor>
                    }
                    value={d.applications}
                    max={domainMax}
                    detail={t('usageMap.domainDetail', {
                      applications: d.applications,
                      usages: d.usages,
                      offices: d.usingOffices,
                    })}
                  />
                </li>
              ))}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Redundancies />
        </Grid.Col>
      </Grid>
    </>
  );
}
