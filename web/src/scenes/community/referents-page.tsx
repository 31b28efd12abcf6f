import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERENT_APPLICATION_STATE_LABELS } from '../../../../common/community/vocabulary.ts';
import { REGION_LABELS, type Region } from '../../../../common/organisations.ts';
import type { CoverageDto } from '../../../../common/schemas/community.ts';
import { useCoverage, useReferentApplications, useSubmitReferentApplication } from '../../api/community.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { RegionMap } from '../catalogue/region-map.tsx';

/** An office's director applies for a region without a referent. */
function ApplyForm({ coverage }: { coverage: CoverageDto }) {
  const { t } = useTranslation();
  const submit = useSubmitReferentApplication();
  const [region, setRegion] = useState<string | null>(null);
  const [motivation, setMotivation] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const uncovered = coverage.regions.filter((r) => r.referents.length === 0);
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(
      { region: region as CoverageDto['regions'][number]['region'], motivation },
      {
        onSuccess: () => {
          setRegion(null);
          setMotivation('');
          setNotice({ text: t('community.referents.submitted') });
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={send} aria-labelledby="apply-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="apply-title">
          {t('community.referents.apply')}
        </Title>
        <Text size="sm">{t('community.referents.applyIntro')}</Text>
        <StatusMessage notice={notice} onClose={() => setNotice(null)} />
        <ErrorAlert error={submit.error} />
        <Select
          label={t('community.referents.applyRegion')}
          data={uncovered.map((r) => ({ value: r.region, label: REGION_LABELS[r.region] }))}
          value={region}
          onChange={setRegion}
          required
          w={320}
        />
        <Textarea
          label={t('community.referents.motivation')}
          value={motivation}
          onChange={(e) => setMotivation(e.currentTarget.value)}
          required
          minLength={10}
          maxLength={2000}
          autosize
          minRows={3}
        />
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {t('community.referents.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Applications() {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const query = useReferentApplications();
  const items = query.data?.items;
  return (
    <Stack gap="xs" component="section" aria-labelledby="applications-title">
      <Title order={2} size="h4" id="applications-title">
        {t('community.referents.applications')}
      </Title>
      <ErrorAlert error={query.error} />
      <ListTable
        caption={t('community.referents.applicationsCaption')}
        columns={[
          t('community.referents.applicant'),
          t('community.referents.region'),
          t('community.referents.state'),
          t('community.referents.date'),
        ]}
        minWidth={560}
        stacked
        isEmpty={items?.length === 0}
      >
        {items?.map((application) => (
          <Table.Tr key={application.id}>
            <Table.Td data-label={t('community.referents.applicant')}>
              <Anchor component={Link} to={`/communaute/referents/candidatures/${application.id}`}>
                {application.office.name}
              </Anchor>
            </Table.Td>
            <Table.Td data-label={t('community.referents.region')}>
              {REGION_LABELS[application.region]}
            </Table.Td>
            <Table.Td data-label={t('community.referents.state')}>
              {label(REFERENT_APPLICATION_STATE_LABELS[application.state])}
            </Table.Td>
            <Table.Td data-label={t('community.referents.date')}>
              {formatDateTime(application.createdAt, language)}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

/** The regional referents: a map and a table of coverage, applications for uncovered regions. */
export function ReferentsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const query = useCoverage();
  const coverage = query.data;
  const counts = Object.fromEntries(
    (coverage?.regions ?? []).map((r) => [r.region, r.referents.length]),
  ) as Partial<Record<Region, number>>;
  return (
    <Stack gap="lg">
      <PageHeader title={t('community.referents.title')} intro={t('community.referents.intro')} />
      <ErrorAlert error={query.error} />
      {coverage ? (
        <>
          <Group gap="sm">
            <Badge color="teal.9" size="lg">
              {t('community.referents.covered', { count: coverage.covered })}
            </Badge>
            <Badge color="red.9" size="lg">
              {t('community.referents.uncovered', { count: coverage.uncovered })}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <RegionMap
              values={counts}
              title={t('community.referents.mapTitle')}
              valueLabel={(count) => t('community.referents.mapValue', { count })}
            />
            <ListTable
              caption={t('community.referents.caption')}
              columns={[
                t('community.referents.region'),
                t('community.referents.offices'),
                t('community.referents.coverage'),
                t('community.referents.pending'),
              ]}
              minWidth={480}
              stacked
              isEmpty={false}
            >
              {coverage.regions.map((r) => (
                <Table.Tr key={r.region}>
                  <Table.Th scope="row">{REGION_LABELS[r.region]}</Table.Th>
                  <Table.Td data-label={t('community.referents.offices')}>
                    {r.referents.map((referent) => referent.office.name).join(', ') || '—'}
                  </Table.Td>
                  <Table.Td data-label={t('community.referents.coverage')}>
                    {r.referents.length > 0 ? (
                      <Badge color="teal.9">{t('community.referents.isCovered')}</Badge>
                    ) : (
                      <Badge color="red.9">{t('community.referents.isUncovered')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td data-label={t('community.referents.pending')}>{r.pendingApplications}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </SimpleGrid>
          {me && can(me, 'referentApplication.submit') ? <ApplyForm coverage={coverage} /> : null}
        </>
      ) : null}
      {me && (can(me, 'referentApplication.submit') || can(me, 'referent.name')) ? <Applications /> : null}
    </Stack>
  );
}
