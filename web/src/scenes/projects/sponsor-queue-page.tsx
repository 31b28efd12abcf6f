import { Anchor, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPONSORSHIP_STATES, type SponsorshipState } from '../../../../common/projects.ts';
import { useSponsorshipQueue } from '../../api/projects.ts';
import { can, useMe } from '../../api/queries.ts';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import {
  SponsorshipDecisionButtons,
  SponsorshipSummary,
  useSponsorshipDecision,
} from './project-sponsorship.tsx';

/** The sponsor's queue: the requests to the directorate, the oldest first, each accepted or declined with a rationale. */
export function SponsorQueuePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [state, setState] = useState<SponsorshipState>('pending');
  const queue = useSponsorshipQueue(state);
  const [notice, setNotice] = useState<Notice | null>(null);
  const decision = useSponsorshipDecision(setNotice);
  const items = queue.data?.items ?? [];
  const mayDecide = can(me, 'sponsorship.decide');
  return (
    <>
      <PageHeader title={t('sponsorQueue.title')} intro={t('sponsorQueue.intro')} />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <Stack gap="md">
        <SegmentedControl
          value={state}
          onChange={(value) => setState(value as SponsorshipState)}
          data={SPONSORSHIP_STATES.map((value) => ({ value, label: t(`sponsorQueue.states.${value}`) }))}
          aria-label={t('sponsorQueue.stateFilter')}
          w="fit-content"
          maw="100%"
          style={{ overflowX: 'auto' }}
        />
        <ErrorAlert error={queue.error} />
        <Text aria-live="polite" fw={500}>
          {queue.data ? t('sponsorQueue.count', { count: items.length }) : t('common.loading')}
        </Text>
        <Stack component="ul" className="plain-list" gap="sm">
          {items.map((sponsorship) => (
            <Paper key={sponsorship.id} component="li" withBorder p="md">
              <Stack gap="xs">
                <Anchor component={Link} to={`/projets/${sponsorship.projectId}`} fw={600}>
                  {sponsorship.projectTitle}
                </Anchor>
                <Text size="sm">{t('sponsorQueue.to', { name: sponsorship.directorate.name })}</Text>
                <SponsorshipSummary sponsorship={sponsorship} title={t('sponsorQueue.request')} />
                {sponsorship.state === 'pending' &&
                mayDecide &&
                me?.organisation.id === sponsorship.directorate.id ? (
                  <SponsorshipDecisionButtons
                    sponsorship={sponsorship}
                    onDecide={decision.open(sponsorship)}
                  />
                ) : null}
              </Stack>
            </Paper>
          ))}
        </Stack>
      </Stack>
      {decision.dialog}
    </>
  );
}
