import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRedundancies } from '../../api/similar.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { ErrorAlert, Pager } from '../../components/page.tsx';

const PAGE_SIZE = 10;

/** The usage map's groups of sheets that look like the same need, largest first, ten a page. */
export function Redundancies() {
  const { t } = useTranslation();
  const domainLabel = useDomainLabel();
  const [page, setPage] = useState(1);
  const query = useRedundancies(page, PAGE_SIZE);
  const data = query.data;
  return (
    <Stack component="section" aria-labelledby="redundancies">
      <Title order={2} size="h3" id="redundancies">
        {t('usageMap.redundancies')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('usageMap.redundanciesIntro')}
      </Text>
      <ErrorAlert error={query.error} />
      {data && data.total === 0 ? <Text>{t('usageMap.noRedundancy')}</Text> : null}
      {data?.items.map((cluster) => (
        <Card
          key={cluster.applications.map((a) => a.id).join()}
          withBorder
          padding="sm"
          component="article"
          aria-label={t('usageMap.cluster', {
            domain: domainLabel(cluster.domain.code, cluster.domain.label),
            count: cluster.applications.length,
          })}
        >
          <Group justify="space-between" mb="xs">
            <Text fw={600} size="sm">
              {domainLabel(cluster.domain.code, cluster.domain.label)}
            </Text>
            <Text size="sm">{t('usageMap.similarity', { value: Math.round(cluster.similarity * 100) })}</Text>
          </Group>
          <Stack gap={4} component="ul" className="plain-list">
            {cluster.applications.map((a) => (
              <li key={a.id}>
                <Anchor component={Link} to={`/catalogue/${a.id}`}>
                  {a.name}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  — {a.designerOrganisation.name} · {t('catalogue.usedBy', { count: a.usageCount })}
                </Text>
              </li>
            ))}
          </Stack>
        </Card>
      ))}
      {data && data.total > PAGE_SIZE ? (
        <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
      ) : null}
    </Stack>
  );
}
