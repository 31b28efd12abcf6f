import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LABELS, REGIONS, type Region } from '../../../../common/organisations.ts';
import type { MatchmakingDto, MatchmakingQuery } from '../../../../common/schemas/matchmaking.ts';
import { useBusinessDomains } from '../../api/catalogue.ts';
import { useMatchmaking } from '../../api/matchmaking.ts';
import { can, useMe } from '../../api/queries.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { TrackBadge } from '../catalogue/track-badge.tsx';
import { CapacityForm } from './capacity-form.tsx';
import { MatchList } from './match-list.tsx';
import { PhaseBadge } from './project-badges.tsx';

/** A part of the page: a framed section with its heading, its count and, past the cap, how many in all. */
function Section({
  title,
  count,
  list,
  children,
}: {
  title: string;
  /** Null while loading; left out for a section without a count. */
  count?: string | null;
  list?: { shown: number; total: number };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3" id={headingId}>
            {title}
          </Title>
          {count === undefined ? null : (
            <Text size="sm" aria-live="polite">
              {count ?? t('common.loading')}
            </Text>
          )}
        </Group>
        {list && list.total > list.shown ? (
          <Text size="sm" c="dimmed">
            {t('matchmaking.firstOf', list)}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}

function NeedList({ needs }: { needs: MatchmakingDto['needs']['items'] }) {
  const { t } = useTranslation();
  const domainLabel = useDomainLabel();
  if (needs.length === 0) return <Text>{t('matchmaking.needs.empty')}</Text>;
  return (
    <Stack component="ul" className="plain-list" gap="xs">
      {needs.map((need) => (
        <Paper key={need.id} component="li" withBorder p="sm">
          <Stack gap={4}>
            <Anchor component={Link} to={`/projets/${need.id}`} fw={600}>
              {need.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('matchmaking.needs.holder', {
                name: need.holderOrganisation.name,
                domain: domainLabel(need.domain.code, need.domain.label),
              })}
            </Text>
            <Text size="sm" lineClamp={2}>
              {need.need}
            </Text>
            <Group gap="xs">
              <TrackBadge track={need.track} />
              <PhaseBadge phase={need.phase} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function CapacityList({ capacities }: { capacities: MatchmakingDto['capacities']['items'] }) {
  const { t } = useTranslation();
  if (capacities.length === 0) return <Text>{t('matchmaking.capacities.empty')}</Text>;
  return (
    <Stack component="ul" className="plain-list" gap="xs">
      {capacities.map((capacity) => (
        <Paper key={capacity.id} component="li" withBorder p="sm">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs">
              <Anchor component={Link} to={`/organismes/${capacity.organisation.id}`} fw={600}>
                {capacity.organisation.name}
              </Anchor>
              <Text size="sm" fw={500}>
                {capacity.quarter} · {t('matchmaking.capacities.days', { count: capacity.personDays })}
              </Text>
            </Group>
            <Text size="sm">
              {capacity.skills.length > 0
                ? t('matchmaking.capacities.skills', { skills: capacity.skills.join(', ') })
                : t('matchmaking.capacities.noSkill')}
            </Text>
            {capacity.comment ? (
              <Text size="sm" c="dimmed">
                {capacity.comment}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** « Besoins et forces »: the needs without developers beside the available capacity, and the matches between them. */
export function MatchmakingPage({ search }: { search: MatchmakingQuery }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const domains = useBusinessDomains();
  const query = useMatchmaking(search);
  const data = query.data;
  const [notice, setNotice] = useState<Notice | null>(null);
  const update = (patch: Partial<MatchmakingQuery>) =>
    navigate({ to: '/projets/besoins-et-forces', search: { ...search, ...patch }, replace: true });
  const counted = (key: string, list: { total: number } | undefined) =>
    list ? t(key, { count: list.total }) : null;
  return (
    <>
      <PageHeader
        title={t('matchmaking.title')}
        intro={t('matchmaking.intro')}
        actions={
          <Button component={Link} to="/projets" variant="default">
            {t('matchmaking.backToProjects')}
          </Button>
        }
      />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <Group component="section" aria-label={t('matchmaking.filters')} gap="md" mb="md" wrap="wrap">
        <Select
          label={t('matchmaking.domain')}
          placeholder={t('matchmaking.allDomains')}
          data={(domains.data ?? []).map((d) => ({
            value: d.code,
            label: language === 'en' ? d.labelEn : d.labelFr,
          }))}
          value={search.domain ?? null}
          onChange={(value) => void update({ domain: value ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('matchmaking.region')}
          placeholder={t('matchmaking.allRegions')}
          data={REGIONS.map((value) => ({ value, label: REGION_LABELS[value] }))}
          value={search.region ?? null}
          onChange={(value) => void update({ region: (value as Region | null) ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', sm: 280 }}
        />
      </Group>
      <ErrorAlert error={query.error} />
      <Stack gap="lg">
        <Section
          title={t('matchmaking.matches.title')}
          count={counted('matchmaking.matches.count', data?.matches)}
          list={data && { shown: data.matches.items.length, total: data.matches.total }}
        >
          {data ? (
            <MatchList matches={data.matches.items} needs={data.needs.items} onNotice={setNotice} />
          ) : null}
        </Section>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section
            title={t('matchmaking.needs.title')}
            count={counted('matchmaking.needs.count', data?.needs)}
            list={data && { shown: data.needs.items.length, total: data.needs.total }}
          >
            {data ? <NeedList needs={data.needs.items} /> : null}
          </Section>
          <Stack gap="lg">
            <Section
              title={t('matchmaking.capacities.title')}
              count={counted('matchmaking.capacities.count', data?.capacities)}
              list={data && { shown: data.capacities.items.length, total: data.capacities.total }}
            >
              {data ? <CapacityList capacities={data.capacities.items} /> : null}
            </Section>
            {me && can(me, 'capacity.declare') ? (
              <Section title={t('matchmaking.capacityForm.title')}>
                <CapacityForm
                  office={me.organisation}
                  declared={data?.capacities.items ?? []}
                  onNotice={setNotice}
                />
              </Section>
            ) : null}
          </Stack>
        </SimpleGrid>
      </Stack>
    </>
  );
}
